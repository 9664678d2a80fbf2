"""The case page: the story, the answers, factors with explanation, meetings, related cases, sharing metadata."""

import pytest
from django.urls import reverse

from cases.models import CaseFactor, CaseImage
from cop.models import Area, Municipality, Theme
from tests.conftest import make_case, make_factor, make_meeting, make_organisation

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_story_and_only_the_filled_in_answers(client, owner):
    case = make_case(
        owner,
        story="<p>Het begon met koffie.</p>",
        pride="<p>De buurt doet mee.</p>",
        approach="<p>Stap voor stap.</p>",
    )
    html = client.get(case.get_absolute_url()).content.decode()
    assert "<p>Het begon met koffie.</p>" in html
    assert "Waar zijn we trots op?" in html and "<p>De buurt doet mee.</p>" in html
    assert "Welke lessen nemen we mee?" not in html
    assert "Aanpak" in html and "<p>Stap voor stap.</p>" in html
    assert "Randvoorwaarden" not in html


def test_factors_are_shown_with_their_explanation_and_link_to_wat_werkt(client, owner):
    case = make_case(owner)
    factor = make_factor("Vaste gezichten")
    obstacle = make_factor("Versnippering", kind="obstacle")
    proposed = make_factor("Nog maar een voorstel", status="proposed")
    for f, text in ((factor, "Dezelfde mensen elke week."), (obstacle, "Te veel potjes."), (proposed, "x")):
        CaseFactor.objects.create(case=case, factor=f, explanation=text)
    html = client.get(case.get_absolute_url()).content.decode()
    assert f'<a href="/wat-werkt/{factor.slug}/">Vaste gezichten</a>' in html
    assert "Dezelfde mensen elke week." in html
    assert (
        html.index("Werkzame factoren")
        < html.index("Vaste gezichten")
        < html.index("Belemmeringen")
        < html.index("Versnippering")
    )
    assert f'href="/wat-werkt/{proposed.slug}/"' not in html  # not public: no dead link


def test_the_page_lists_the_meetings_where_the_case_was_presented(client, owner):
    case = make_case(owner)
    meeting = make_meeting(title="Leerkring Lingewaard", days=-7)  # past: "presented"
    meeting.presented_cases.add(case)
    hidden = make_meeting(title="Besloten overleg", visibility="community")
    hidden.presented_cases.add(case)
    html = client.get(case.get_absolute_url()).content.decode()
    assert "Gepresenteerd op" in html and "Leerkring Lingewaard" in html
    assert "Besloten overleg" not in html


def test_related_cases_share_factors_or_themes_and_respect_visibility(client, owner):
    theme = Theme.objects.create(name="Wonen")
    factor = make_factor()
    case = make_case(owner, title="Hoofdcasus")
    case.themes.add(theme)
    CaseFactor.objects.create(case=case, factor=factor, explanation="x")
    same_factor = make_case(owner, title="Zelfde factor")
    CaseFactor.objects.create(case=same_factor, factor=factor, explanation="y")
    same_theme = make_case(owner, title="Zelfde thema")
    same_theme.themes.add(theme)
    make_case(owner, title="Niets gemeen")
    draft = make_case(owner, title="Verwant concept", status="draft")
    draft.themes.add(theme)
    related = [c.title for c in client.get(case.get_absolute_url()).context["related"]]
    assert related == ["Zelfde factor", "Zelfde thema"]


def test_open_graph_and_twitter_metadata_for_sharing(client, owner):
    case = make_case(owner, title="Kenniskwartier", summary="Studenten in de wijk.")
    CaseImage.objects.create(case=case, image="cases/foto.jpg", width=800, height=600, alt_text="Studenten aan tafel")
    html = client.get(case.get_absolute_url()).content.decode()
    assert '<meta property="og:title" content="Kenniskwartier">' in html
    assert '<meta property="og:description" content="Studenten in de wijk.">' in html
    assert f'<meta property="og:url" content="http://127.0.0.1:8000{case.get_absolute_url()}">' in html
    assert 'property="og:image" content="http://127.0.0.1:8000/media/cases/foto.jpg"' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert 'name="robots"' not in html


def test_a_community_case_asks_search_engines_not_to_index_it(client_of, owner, participant):
    case = make_case(owner, visibility="community")
    assert (
        '<meta name="robots" content="noindex">' in client_of(participant).get(case.get_absolute_url()).content.decode()
    )


def test_the_contact_person_is_shown_only_with_consent(client, owner):
    without = make_case(owner, title="Zonder", contact_name="Anna Contact", contact_email="anna@example.org")
    with_consent = make_case(
        owner, title="Met", contact_name="Bert Contact", contact_email="bert@example.org", contact_consent=True
    )
    assert "Anna Contact" not in client.get(without.get_absolute_url()).content.decode()
    assert "anna@example.org" not in client.get(without.get_absolute_url()).content.decode()
    assert "Bert Contact" in client.get(with_consent.get_absolute_url()).content.decode()


def test_the_page_links_a_print_stylesheet(client, owner):
    html = client.get(make_case(owner).get_absolute_url()).content.decode()
    assert 'href="/static/css/print.css" media="print"' in html


def test_the_case_page_query_count_does_not_grow_with_reflections_or_factors(client, owner, django_assert_num_queries):
    from cases.models import Reflection
    from tests.conftest import make_user

    case = make_case(owner)
    for n in range(15):
        member = make_user(f"r{n}@example.org")
        Reflection.objects.create(case=case, author=member, perspective="gemeente", strikes="x")
        CaseFactor.objects.create(case=case, factor=make_factor(f"F{n}"), explanation="x")
    with django_assert_num_queries(10):
        assert client.get(case.get_absolute_url()).status_code == 200


def test_the_place_and_organisation_of_a_case_come_with_the_case(client, owner, django_assert_num_queries):
    # Area, municipality and organisation come in the case's own query; the one query more than
    # a case without a place is the page's own lookup in the municipality.
    arnhem = Municipality.objects.create(name="Arnhem")
    case = make_case(
        owner,
        municipality=arnhem,
        area=Area.objects.create(municipality=arnhem, name="Spijkerkwartier"),
        organisation=make_organisation("Woonstichting Oost"),
    )
    client.get(case.get_absolute_url())  # warm the per-process caches
    with django_assert_num_queries(11):
        html = client.get(case.get_absolute_url()).content.decode()
    assert "Spijkerkwartier, Arnhem" in html and "Woonstichting Oost" in html


def test_the_revisions_are_for_the_owner_co_editors_and_facilitators(
    client, client_of, draft, owner, coeditor, facilitator, participant
):
    draft.submit(by=owner)
    url = reverse("cases:revisions", args=[draft.slug])
    for user in (owner, coeditor, facilitator):
        html = client_of(user).get(url).content.decode()
        assert "Ingediend" in html and "Olga Eigenaar" in html
    assert client_of(participant).get(url).status_code == 404
    draft.publish(by=facilitator)
    assert client_of(participant).get(url).status_code == 403
    assert reverse("account_login") in client.get(url)["Location"]


def test_a_revision_lists_changed_themes_and_factors(owner):
    case = make_case(owner, status="draft")
    before = case.snapshot()
    case.themes.add(Theme.objects.create(name="Wonen"))
    CaseFactor.objects.create(case=case, factor=make_factor("Vaste gezichten"), explanation="Elke week")
    case.stage = "finished"
    revision = case.record_changes(by=owner, before=before)
    assert revision.changes["themes"] == {"label": "thema's", "added": ["Wonen"], "removed": []}
    assert revision.changes["factors"]["added"] == ["Vaste gezichten: Elke week"]
    assert revision.changes["stage"] == {"label": "fase", "old": "loopt", "new": "afgerond"}


def test_the_profile_shows_the_state_of_each_of_my_cases(client_of, owner, coeditor, facilitator):
    make_case(owner, title="Mijn concept", status="draft")
    make_case(owner, title="Mijn ingediende", status="submitted")
    published = make_case(owner, title="Mijn gepubliceerde")
    published.co_editors.add(coeditor)
    make_case(coeditor, title="Niet van mij", status="draft")
    html = client_of(owner).get(reverse("profile")).content.decode()
    assert "Mijn casussen" in html
    for title, state in (
        ("Mijn concept", "concept"),
        ("Mijn ingediende", "ingediend"),
        ("Mijn gepubliceerde", "gepubliceerd"),
    ):
        assert title in html
        assert html.index(state, html.index(title)) - html.index(title) < 200
    assert "Niet van mij" not in html
    coeditor_html = client_of(coeditor).get(reverse("profile")).content.decode()
    assert "Mijn gepubliceerde" in coeditor_html and "(mede-auteur)" in coeditor_html
    assert reverse("cases:review-queue") in client_of(facilitator).get(reverse("profile")).content.decode()
