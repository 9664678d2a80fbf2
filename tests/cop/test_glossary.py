"""/begrippen/: the shared language, with the history of each definition and who agreed it where."""

import pytest
from django.urls import reverse

from cop.models import Term, TermVersion
from cop.search import search
from tests.conftest import make_meeting

pytestmark = pytest.mark.django_db

GLOSSARY = reverse("glossary")


def agreed(term, definition, by, *, meeting=None, note=""):
    version = term.propose_version(definition, by=by, note=note)
    version.accept(by=by, meeting=meeting)
    return version


@pytest.fixture
def area_based(facilitator):
    term = Term.objects.create(name="Gebiedsgericht werken", is_key=True, order=1)
    first = make_meeting(title="Eerste bijeenkomst", days=-60, status="published")
    second = make_meeting(title="Tweede bijeenkomst", days=-30, status="published")
    agreed(term, "<p>Samen werken aan een wijk.</p>", facilitator, meeting=first)
    agreed(
        term,
        "<p>Gemeente, inwoners en organisaties werken samen aan de leefbaarheid van een wijk of dorp.</p>",
        facilitator,
        meeting=second,
        note="Aangescherpt: wie doen er mee.",
    )
    return term


def test_the_key_definitions_lead_the_glossary(client, facilitator, area_based):
    core = Term.objects.create(name="Kerngericht werken", is_key=True, order=2)
    agreed(core, "<p>Gebiedsgericht werken in een kern.</p>", facilitator)
    other = Term.objects.create(name="Aandachtsgebied")
    agreed(other, "<p>Een wijk die extra aandacht krijgt.</p>", facilitator)
    html = client.get(GLOSSARY).content.decode()
    assert html.index("Wat is Gebiedsgericht werken?") < html.index("Wat is Kerngericht werken?")
    assert html.index("Wat is Kerngericht werken?") < html.index("Aandachtsgebied")
    # The current definition, not the first one.
    assert "werken samen aan de leefbaarheid van een wijk of dorp" in html
    assert "Samen werken aan een wijk." not in html


def test_terms_without_an_accepted_version_are_not_public(client, client_of, facilitator, participant):
    term = Term.objects.create(name="Vliegwiel")
    term.propose_version("<p>Nog niet vastgesteld.</p>", by=facilitator)
    assert "Vliegwiel" not in client.get(GLOSSARY).content.decode()
    assert "Vliegwiel" not in client_of(participant).get(GLOSSARY).content.decode()
    assert client.get(term.get_absolute_url()).status_code == 404
    assert "Vliegwiel" in client_of(facilitator).get(GLOSSARY).content.decode()


def test_the_term_page_shows_the_full_history_with_the_meetings_where_it_was_agreed(client, area_based):
    html = client.get(area_based.get_absolute_url()).content.decode()
    assert "Versie 2" in html and "Versie 1" in html
    assert html.index("Versie 2") < html.index("Versie 1")
    assert "Tweede bijeenkomst" in html and "Eerste bijeenkomst" in html
    assert "Aangescherpt: wie doen er mee." in html
    first_meeting = area_based.versions.get(number=1).agreed_in_meetings.get()
    assert f'href="{first_meeting.get_absolute_url()}"' in html


def test_community_meetings_are_not_named_to_visitors(client, client_of, facilitator, participant):
    term = Term.objects.create(name="Leerkring")
    meeting = make_meeting(title="Besloten leerkring", days=-5, visibility="community")
    agreed(term, "<p>Een kleine groep die samen leert.</p>", facilitator, meeting=meeting)
    assert "Besloten leerkring" not in client.get(term.get_absolute_url()).content.decode()
    assert "Besloten leerkring" in client_of(participant).get(term.get_absolute_url()).content.decode()


def test_proposed_versions_are_only_shown_to_facilitators(client, client_of, facilitator, area_based):
    area_based.propose_version("<p>Een voorstel dat nog besproken wordt.</p>", by=facilitator)
    assert "nog besproken" not in client.get(area_based.get_absolute_url()).content.decode()
    assert "nog besproken" in client_of(facilitator).get(area_based.get_absolute_url()).content.decode()


def test_the_comparison_shows_what_changed_between_two_versions(client, area_based):
    url = reverse("glossary-term-compare", kwargs={"slug": area_based.slug})
    html = client.get(url, {"van": 1, "naar": 2}).content.decode()
    assert '<del><span class="visually-hidden">[verwijderd] </span>Samen<span' in html
    assert '<ins><span class="visually-hidden">[toegevoegd] </span>de leefbaarheid van<span' in html
    assert "2 woorden weggehaald" in html and "11 woorden toegevoegd" in html
    assert "Weggehaalde woorden zijn doorgestreept, toegevoegde onderstreept." in html
    # Without a choice: the previous version against the newest.
    assert client.get(url).content.decode().count("<ins>") >= 1


def test_the_comparison_escapes_the_text(client, facilitator):
    term = Term.objects.create(name="Ampersand")
    agreed(term, "<p>A &amp; B</p>", facilitator)
    agreed(term, "<p>A &amp; C &lt;script&gt;</p>", facilitator)
    html = client.get(reverse("glossary-term-compare", kwargs={"slug": term.slug})).content.decode()
    assert "&lt;script&gt;" in html and "<script>" not in html.split("<main")[1]


def test_a_facilitator_proposes_and_accepts_a_new_version_in_a_meeting(client, client_of, facilitator, area_based):
    client = client_of(facilitator)
    propose = reverse("glossary-version-propose", kwargs={"slug": area_based.slug})
    assert "leefbaarheid" in client.get(propose).content.decode()  # starts from the current wording
    response = client.post(propose, {"definition": "<p>Derde versie van de omschrijving.</p>", "note": "Korter"})
    assert response.status_code == 302
    version = area_based.versions.get(number=3)
    assert (version.status, version.proposed_by) == (TermVersion.Status.PROPOSED, facilitator)

    meeting = make_meeting(title="Derde bijeenkomst", days=-1)
    accept = reverse("glossary-version-accept", kwargs={"slug": area_based.slug, "number": 3})
    assert client.post(accept, {"meeting": meeting.pk}).status_code == 302
    version.refresh_from_db()
    assert version.status == TermVersion.Status.ACCEPTED and version.accepted_by == facilitator
    assert list(version.agreed_in_meetings.all()) == [meeting]
    html = client_of(None).get(GLOSSARY).content.decode()
    assert "Derde versie van de omschrijving." in html


def test_a_facilitator_rejects_a_proposal(client_of, facilitator, area_based):
    version = area_based.propose_version("<p>Geen goed idee.</p>", by=facilitator)
    url = reverse("glossary-version-reject", kwargs={"slug": area_based.slug, "number": version.number})
    assert client_of(facilitator).post(url).status_code == 302
    version.refresh_from_db()
    assert version.status == TermVersion.Status.REJECTED
    assert area_based.current_version.number == 2


def test_a_facilitator_creates_a_term(client_of, facilitator):
    response = client_of(facilitator).post(
        reverse("glossary-term-create"),
        {"name": "Nieuw", "order": 100, "definition": "<p>Iets nieuws.</p>", "note": ""},
    )
    term = Term.objects.get()
    assert response.status_code == 302 and response["Location"] == term.get_absolute_url()
    assert term.slug == "begrip-nieuw"
    assert term.versions.get().status == TermVersion.Status.PROPOSED


def test_a_new_term_needs_a_definition(client_of, facilitator):
    response = client_of(facilitator).post(
        reverse("glossary-term-create"), {"name": "Leeg", "order": 100, "definition": "<p></p>"}
    )
    assert response.status_code == 200
    assert not Term.objects.exists()


@pytest.mark.parametrize("name", ["glossary-version-accept", "glossary-version-reject"])
def test_accepting_and_rejecting_refuse_get_visitors_participants_and_unknown_versions(
    client, client_of, facilitator, participant, area_based, name
):
    version = area_based.propose_version("<p>Voorstel.</p>", by=facilitator)
    url = reverse(name, kwargs={"slug": area_based.slug, "number": version.number})
    assert client_of(facilitator).get(url).status_code == 405
    assert client.post(url)["Location"].startswith(reverse("account_login"))
    assert client_of(participant).post(url).status_code == 403
    accepted = reverse(name, kwargs={"slug": area_based.slug, "number": 1})
    assert client_of(facilitator).post(accepted).status_code == 404
    version.refresh_from_db()
    assert version.status == TermVersion.Status.PROPOSED


@pytest.mark.parametrize("name", ["glossary-term-create", "glossary-version-propose"])
def test_proposing_is_for_facilitators(client, client_of, participant, area_based, name):
    url = reverse(name, kwargs={"slug": area_based.slug}) if name == "glossary-version-propose" else reverse(name)
    data = {"name": "X", "order": 1, "definition": "<p>X</p>"}
    assert client.post(url, data)["Location"].startswith(reverse("account_login"))
    assert client_of(participant).get(url).status_code == 403
    assert client_of(participant).post(url, data).status_code == 403
    assert TermVersion.objects.count() == 2


def test_glossary_pages_cost_a_fixed_number_of_queries(client, facilitator, django_assert_num_queries):
    for i in range(15):
        term = Term.objects.create(name=f"Begrip {i}")
        agreed(term, f"<p>Omschrijving {i}.</p>", facilitator, meeting=make_meeting(title=f"B {i}", days=-i))
        agreed(term, f"<p>Nieuwere omschrijving {i}.</p>", facilitator)
    with django_assert_num_queries(3):
        client.get(GLOSSARY)
    with django_assert_num_queries(3):
        client.get(term.get_absolute_url())


def test_the_search_document_holds_every_accepted_definition(area_based):
    area_based.refresh_from_db()
    assert "Samen werken aan een wijk." in area_based.definitions_text
    assert "leefbaarheid" in area_based.definitions_text


@pytest.mark.postgres
def test_dutch_search_finds_terms_by_their_definitions(area_based):
    assert list(search(Term.objects.public(), "leefbaarheid dorpen")) == [area_based]


def test_the_comparison_keeps_paragraphs_apart(client, facilitator):
    term = Term.objects.create(name="Kern")
    agreed(term, "<p>Een dorp of kern.</p><p>Je vertrekt vanuit de inwoners.</p>", facilitator)
    agreed(term, "<p>Een dorp of kern.</p><p>Je vertrekt vanuit wat leeft.</p>", facilitator)
    html = client.get(reverse("glossary-term-compare", kwargs={"slug": term.slug})).content.decode()
    assert "kern. Je vertrekt" in html and "kern.Je" not in html
    assert "kern. Je" in Term.objects.get(pk=term.pk).definitions_text


def test_a_meeting_title_with_a_question_mark_gets_no_second_full_stop(client, facilitator):
    term = Term.objects.create(name="Gebiedsgericht")
    meeting = make_meeting(title="Wat verstaan we onder gebiedsgericht werken?", days=-3, status="published")
    agreed(term, "<p>Samen werken.</p>", facilitator, meeting=meeting)
    html = client.get(term.get_absolute_url()).content.decode()
    assert "werken?</a>." not in html and "werken?." not in html
    assert "gebiedsgericht werken?</a>" in html
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "werken?</cite>." not in html and "werken?</span></cite>." not in html
