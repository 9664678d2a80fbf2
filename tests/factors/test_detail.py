"""/wat-werkt/<slug>/: statement, explanation, evidence and related factors of one factor."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.models import Case, CaseFactor
from factors.models import Factor, FactorRelation
from meetings.models import Contribution, Round
from tests.conftest import make_factor, make_user
from tests.factors.conftest import cast_dots, cite_in_case, cluster_contribution, make_municipality, published_meeting

pytestmark = pytest.mark.django_db

# The factor with its evidence counts (1), themes, case links, contributions,
# relations out, similar factors in, helpers in (6).
DETAIL_QUERIES = 7
# A facilitator also costs the session, the user and the facilitator check (3),
# the curation panel: the factors of the relation form, the curation log (2), and the
# notifications: the header's unread count and whether they follow this factor (2).
FACILITATOR_DETAIL_QUERIES = DETAIL_QUERIES + 7


def page(client, factor):
    return client.get(factor.get_absolute_url())


def test_the_page_shows_statement_explanation_and_the_cases_behind_it(client):
    factor = make_factor(
        "Aansluiten bij wat leeft", statement="Begin bij de energie in de wijk.", explanation="<p>Zo gaat het.</p>"
    )
    link = cite_in_case(
        factor,
        title="Kenniskwartier Arnhem",
        perspective="onderwijs",
        municipality=make_municipality("Arnhem"),
        explanation="Studenten kregen een leerwerkplek in de wijk.",
    )
    html = page(client, factor).content.decode()
    assert "<h1>Aansluiten bij wat leeft</h1>" in html
    assert "Begin bij de energie in de wijk." in html
    assert "<p>Zo gaat het.</p>" in html
    assert f'href="{link.case.get_absolute_url()}"' in html
    assert "Studenten kregen een leerwerkplek in de wijk." in html
    assert "Arnhem" in html and "onderwijs &amp; onderzoek" in html


def test_the_page_shows_the_meetings_and_their_contributions(client):
    factor = make_factor()
    meeting = published_meeting("Tweede bijeenkomst CoP")
    cluster_contribution(factor, meeting, perspective="welzijn", text="Korte lijnen met de wijkcoach")
    cluster_contribution(factor, meeting, text="Verborgen", hidden=True)
    cast_dots(factor, meeting, 4)
    html = page(client, factor).content.decode()
    assert f'href="{meeting.get_absolute_url()}"' in html
    assert "Korte lijnen met de wijkcoach" in html
    assert "een deelnemer vanuit welzijn" in html
    assert "Verborgen" not in html
    assert "<dt>Stippen</dt><dd>4</dd>" in html


def test_meeting_contributions_stay_anonymous_on_the_page_even_with_consent_to_show_a_name(client):
    # The harvest promises that contributions are anonymous; the factor page keeps that promise.
    member = make_user("koen@example.org", name="Koen Zichtbaar", perspective="gemeente", public=True)
    factor = make_factor()
    cluster_contribution(factor, published_meeting(), perspective="gemeente", author=member, text="Keukentafels")
    html = page(client, factor).content.decode()
    assert "Keukentafels" in html and "een deelnemer vanuit de gemeente" in html
    assert "Koen Zichtbaar" not in html


def test_a_community_only_case_is_not_public_evidence_on_the_page(client, client_of, participant):
    factor = make_factor()
    cite_in_case(factor, title="Alleen voor leden", visibility="community", explanation="Intern verhaal")
    html = page(client, factor).content.decode()
    assert "Alleen voor leden" not in html and "Intern verhaal" not in html
    assert "<dt>Casussen</dt><dd>0</dd>" in html
    assert "Alleen voor leden" in page(client_of(participant), factor).content.decode()


def test_an_obstacle_page_says_what_helps_against_it_strongest_first(client):
    obstacle = make_factor("Wisselende gezichten", kind="obstacle")
    weak = make_factor("Een vast aanspreekpunt")
    strong = make_factor("Investeren in relaties")
    proposed = make_factor("Nog een voorstel", status="proposed")
    for helper in (weak, strong, proposed):
        FactorRelation.objects.create(from_factor=helper, to_factor=obstacle, kind="helps")
    cite_in_case(strong)
    html = page(client, obstacle).content.decode()
    assert "Wat helpt tegen deze belemmering?" in html
    assert html.index("Investeren in relaties") < html.index("Een vast aanspreekpunt")
    assert "Nog een voorstel" not in html


def test_a_working_factor_shows_the_obstacles_it_helps_against_and_similar_factors(client):
    factor = make_factor("Investeren in relaties")
    obstacle = make_factor("Wisselende gezichten", kind="obstacle")
    similar = make_factor("Tijd nemen voor kennismaken")
    FactorRelation.objects.create(from_factor=factor, to_factor=obstacle, kind="helps")
    FactorRelation.objects.create(from_factor=similar, to_factor=factor, kind="similar")
    html = page(client, factor).content.decode()
    assert "Helpt tegen" in html and "Wisselende gezichten" in html
    assert "Lijkt op" in html and "Tijd nemen voor kennismaken" in html


def test_visitors_never_see_proposed_retired_or_merged_factors(client):
    for status in ("proposed", "retired"):
        assert page(client, make_factor(f"Factor {status}", status=status)).status_code == 404


def test_a_proposer_sees_their_own_proposal_but_other_members_do_not(client_of, participant):
    proposal = make_factor("Mijn voorstel", status="proposed", proposed_by=participant)
    response = page(client_of(participant), proposal)
    assert response.status_code == 200
    assert "Dit is een voorstel" in response.content.decode()
    other = make_user("ander@example.org")
    assert page(client_of(other), proposal).status_code == 404


def test_an_unknown_slug_is_404(client):
    assert client.get(reverse("factors:detail", kwargs={"slug": "bestaat-niet"})).status_code == 404


def test_a_merged_factor_redirects_permanently_even_for_facilitators(client_of, facilitator):
    kept = make_factor("Blijft")
    gone = make_factor("Gaat op", status="merged", merged_into=kept)
    response = page(client_of(facilitator), gone)
    assert response.status_code == 301
    assert response["Location"] == kept.get_absolute_url()


def test_marked_terms_in_factor_texts_link_to_the_glossary(client, facilitator):
    from cop.models import Term

    term = Term.objects.create(name="Gebiedsgericht werken")
    term.propose_version("<p>Samen werken aan een gebied.</p>", by=facilitator).accept(by=facilitator)
    factor = make_factor(statement="Dit is de kern van [[gebiedsgericht werken]].")
    html = page(client, factor).content.decode()
    assert f'<a class="term-link" href="{term.get_absolute_url()}">gebiedsgericht werken</a>' in html


def test_facilitators_get_the_curation_tools_and_visitors_do_not(client, client_of, facilitator, participant):
    factor = make_factor()
    assert "curation-title" in page(client_of(facilitator), factor).content.decode()
    assert "curation-title" not in page(client, factor).content.decode()
    assert "curation-title" not in page(client_of(participant), factor).content.decode()


def _evidence(factor, n):
    """``n`` cases, contributions and helping factors for ``factor``, in a few bulk queries."""
    cases = Case.objects.bulk_create(
        Case(
            title=f"Casus {factor.pk}-{i}",
            slug=f"casus-{factor.pk}-{i}",
            summary="s",
            status="published",
            published_at=timezone.now(),
            perspective=["gemeente", "welzijn", "inwoners"][i % 3],
        )
        for i in range(n)
    )
    CaseFactor.objects.bulk_create(CaseFactor(case=case, factor=factor, explanation="Uitleg") for case in cases)
    meeting = published_meeting()
    round_ = Round.objects.create(meeting=meeting, prompt="Wat werkt?")
    Contribution.objects.bulk_create(
        Contribution(round=round_, meeting=meeting, text="x", perspective="welzijn", guest_key="g", factor=factor)
        for _ in range(n)
    )
    helpers = Factor.objects.bulk_create(
        Factor(name=f"Helper {factor.pk}-{i}", slug=f"helper-{factor.pk}-{i}", statement="x", status="accepted")
        for i in range(n)
    )
    FactorRelation.objects.bulk_create(
        FactorRelation(from_factor=helper, to_factor=factor, kind=kind)
        for helper in helpers
        for kind in ("helps", "similar")
    )


@pytest.mark.parametrize(("persona", "queries"), [(None, DETAIL_QUERIES), ("facilitator", FACILITATOR_DETAIL_QUERIES)])
def test_a_factor_page_costs_the_same_queries_with_10_and_200_pieces_of_evidence(
    client_of, django_assert_num_queries, persona, queries, request
):
    user = request.getfixturevalue(persona) if persona else None
    client = client_of(user)
    small, large = make_factor("Weinig", kind="obstacle"), make_factor("Veel", kind="obstacle")
    _evidence(small, 10)
    _evidence(large, 200)
    counts = []
    for factor in (small, large):
        with CaptureQueriesContext(connection) as captured:
            assert page(client, factor).status_code == 200
        counts.append(len(captured))
    assert counts == [queries, queries]
    with django_assert_num_queries(queries):
        page(client, large)
