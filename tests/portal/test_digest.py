"""*Wat is er opgehaald*: the digest of a published meeting for those who were not there."""

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import CaseFactor
from cop.models import TermVersion
from meetings.models import Round
from tests.conftest import make_case, make_factor, make_meeting
from tests.portal.conftest import _round, assert_no_leaks, contribute, vote

pytestmark = pytest.mark.django_db

DIGEST_QUERIES = 8  # meeting; 4 for the harvest's factors; seen before; agreed versions; cases


def digest_url(meeting):
    return reverse("meetings:digest", args=[meeting.slug])


def test_factors_without_earlier_evidence_are_new(client, world):
    response = client.get(digest_url(world.harvested))
    assert response.status_code == 200
    digest = response.context["digest"]
    # Both cases that name them were published after the meeting: the meeting was first.
    assert [row["factor"] for row in digest.new_factors] == [world.working, world.obstacle]
    assert digest.strengthened == []
    assert digest.new_factors[0]["contributions"] == 2  # the hidden one does not count
    assert digest.new_factors[0]["votes"] == 3
    assert digest.top_factor == world.working


def test_factors_with_evidence_from_before_the_meeting_are_strengthened(client, world):
    earlier_case = make_case(title="Oudere casus", published_at=timezone.now() - timezone.timedelta(days=90))
    CaseFactor.objects.create(case=earlier_case, factor=world.working)
    earlier_meeting = make_meeting(title="Eerdere oogst", days=-60, status="published", published_at=timezone.now())
    contribute(_round(earlier_meeting), "Al eerder genoemd", factor=world.obstacle)

    digest = client.get(digest_url(world.harvested)).context["digest"]

    assert [row["factor"] for row in digest.new_factors] == []
    assert [row["factor"] for row in digest.strengthened] == [world.working, world.obstacle]


def test_evidence_that_is_not_public_does_not_make_a_factor_old(client, world):
    # A community meeting and a draft case before this meeting: visitors never saw them.
    hidden_meeting = make_meeting(title="Besloten eerder", days=-60, status="published", visibility="community")
    contribute(_round(hidden_meeting), "Besloten bijdrage", factor=world.working)
    draft = make_case(title="Concept eerder", status="draft")
    CaseFactor.objects.create(case=draft, factor=world.obstacle)

    digest = client.get(digest_url(world.harvested)).context["digest"]
    assert {row["factor"] for row in digest.new_factors} == {world.working, world.obstacle}


def test_digest_shows_the_agreed_definition_with_a_compare_link(client, world):
    html = client.get(digest_url(world.harvested)).content.decode()
    assert "Samen met inwoners werken aan een kern." in html
    compare = reverse("glossary-term-compare", args=[world.term.slug])
    assert f"{compare}?van=1&amp;naar=2" in html
    assert "Geheim voorstel" not in html


def test_a_first_version_has_no_compare_link(client, world):
    world.harvested.agreed_term_versions.set([TermVersion.objects.get(term=world.term, number=1)])
    html = client.get(digest_url(world.harvested)).content.decode()
    assert "De eerste vastgestelde omschrijving van dit begrip." in html
    assert reverse("glossary-term-compare", args=[world.term.slug]) not in html


def test_digest_lists_open_questions_and_the_public_cases_discussed(client, world):
    named = make_case(title="Genoemd in een bijdrage")
    in_round = make_case(title="Casus in beeld")
    round_ = Round.objects.create(meeting=world.harvested, prompt="Wat zie je?", case=in_round)
    mention = contribute(round_, "Zoals bij de buurtkamer", factor=world.working)
    mention.case = named
    mention.save()
    hidden = contribute(round_, "Geheim genoemd", factor=world.working, hidden=True)
    hidden.case = make_case(title="Geheim alleen in verborgen bijdrage")
    hidden.save()

    response = client.get(digest_url(world.harvested))
    html = response.content.decode()

    assert "Hoe houden we het vol?" in html
    assert [case.title for case in response.context["digest"].cases] == sorted(
        [world.case.title, named.title, in_round.title]
    )
    assert world.draft.title not in html  # presented, but a draft


def test_digest_is_linked_from_the_meeting_page_and_the_home_page(client, world):
    url = digest_url(world.harvested)
    assert url in client.get(world.harvested.get_absolute_url()).content.decode()
    assert url in client.get(reverse("home")).content.decode()


def test_digest_of_a_harvest_that_is_not_published_is_not_found(client_of, world, facilitator):
    assert client_of(None).get(digest_url(world.closed)).status_code == 404
    assert client_of(facilitator).get(digest_url(world.closed)).status_code == 404
    assert client_of(None).get(digest_url(world.upcoming)).status_code == 404


def test_digest_of_a_community_meeting_is_for_members_only(client_of, world, participant):
    assert client_of(None).get(digest_url(world.private_meeting)).status_code == 404
    response = client_of(participant).get(digest_url(world.private_meeting))
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_digest_never_shows_private_content(client_of, world, participant):
    for user in (None, participant):
        assert_no_leaks(client_of(user).get(digest_url(world.harvested)).content.decode())


def test_digest_query_count_is_fixed(client, world, django_assert_num_queries):
    with django_assert_num_queries(DIGEST_QUERIES):
        client.get(digest_url(world.harvested))
    round_ = world.harvested.rounds.first()
    for i in range(5):
        factor = make_factor(f"Extra factor {i}", kind="obstacle" if i % 2 else "working")
        contribute(round_, f"Extra bijdrage {i}", factor=factor)
        vote(round_, factor, 2)
        world.harvested.presented_cases.add(make_case(title=f"Extra casus {i}"))
    with django_assert_num_queries(DIGEST_QUERIES):
        client.get(digest_url(world.harvested))


def test_a_tie_in_dots_is_shown_as_a_tie(client, world):
    before = client.get(digest_url(world.harvested)).context["digest"]
    votes = {row["factor"]: row["votes"] for row in before.rows}
    vote(
        _round(world.harvested, mode="vote", prompt="Nog een stemronde"),
        world.obstacle,
        votes[world.working] - votes[world.obstacle],
    )

    response = client.get(digest_url(world.harvested))
    digest = response.context["digest"]
    assert digest.top_factors == sorted([world.working, world.obstacle], key=lambda f: f.name.lower())
    assert digest.top_factor is None  # no single winner
    html = response.content.decode()
    assert f"Gedeeld de meeste stippen ({votes[world.working]} elk), 2 factoren:" in html
    assert world.working.name in html.split("Gedeeld de meeste stippen", 1)[1].split("</p>", 1)[0]
    assert world.obstacle.name in html.split("Gedeeld de meeste stippen", 1)[1].split("</p>", 1)[0]
    assert "Meeste stippen (" not in html
