"""Search finds a case by its place, partners, themes and factors; the library and the site search agree.

Every test runs on SQLite (word matching) and, marked ``postgres``, on PostgreSQL (the Dutch
search vector): both databases must find the same cases.
"""

import pytest
from django.urls import reverse

from cases.models import Case, CaseFactor, CasePartner
from cop.models import Area, Municipality, Organisation, Theme
from portal.views.search import best_snippet
from tests.conftest import make_case, make_factor

pytestmark = pytest.mark.django_db
BOTH = pytest.mark.parametrize("database", [pytest.param("any"), pytest.param("postgres", marks=pytest.mark.postgres)])


@pytest.fixture
def factor(db):
    return make_factor("Eigenaarschap bij inwoners laten liggen")


@pytest.fixture
def arnhem(owner, factor):
    """Two Arnhem cases: one says so in its title, the other only in its municipality, area and partners."""
    municipality = Municipality.objects.create(name="Arnhem")
    area = Area.objects.create(municipality=municipality, name="Malburgen")
    corporation = Organisation.objects.create(name="Woonstichting Stadsoever", kind="woningcorporatie")
    theme = Theme.objects.create(name="Leefbaarheid", name_en="Liveability")
    titled = make_case(owner, title="Kenniskwartier Arnhem", summary="Studenten leren in de wijk.")
    placed = make_case(owner, title="Energiecoaches", summary="Buren helpen buren met de energierekening.")
    placed.municipality, placed.area = municipality, area
    placed.save()
    CasePartner.objects.create(case=placed, organisation=corporation, role="opdrachtgever")
    CasePartner.objects.create(case=placed, name="Bewonersinitiatief Presikhaaf Groeit")
    placed.themes.add(theme)
    CaseFactor.objects.create(case=placed, factor=factor)
    placed.refresh_search_document()
    return titled, placed


def library_titles(client, query):
    response = client.get(reverse("cases:library"), {"q": query})
    return sorted(case.title for case in response.context["page"].object_list)


def site_titles(client, query):
    groups = {group.key: group for group in client.get(reverse("search"), {"q": query}).context["groups"]}
    return sorted(hit.url for hit in groups["casussen"].results) if "casussen" in groups else []


@BOTH
@pytest.mark.parametrize(
    "query",
    ["Arnhem", "Malburgen", "Stadsoever", "Presikhaaf", "Leefbaarheid", "Liveability"],
)
def test_municipality_area_partners_and_themes_find_the_case(client, arnhem, query, database):
    _titled, placed = arnhem
    assert "Energiecoaches" in library_titles(client, query)
    assert placed.get_absolute_url() in site_titles(client, query)


@BOTH
def test_the_name_of_a_factor_the_case_names_finds_it(client, arnhem, database):
    assert library_titles(client, "eigenaarschap") == ["Energiecoaches"]


@BOTH
def test_a_proposed_factor_does_not_find_the_case(client, owner, database):
    case = make_case(owner, title="Buurtkamer")
    CaseFactor.objects.create(case=case, factor=make_factor("Geheimfactor", status="proposed"))
    case.refresh_search_document()
    assert library_titles(client, "Geheimfactor") == []


@BOTH
def test_arnhem_finds_both_arnhem_cases_in_library_and_site_search(client, arnhem, database):
    _titled, placed = arnhem
    assert library_titles(client, "Arnhem") == ["Energiecoaches", "Kenniskwartier Arnhem"]
    assert site_titles(client, "Arnhem") == sorted([_titled.get_absolute_url(), placed.get_absolute_url()])


@BOTH
@pytest.mark.parametrize("query", ["Arnhem", "buren", "studenten wijk", "Presikhaaf", "niets-dat-bestaat"])
def test_library_and_site_search_find_the_same_cases(client, arnhem, query, database):
    by_url = {case.get_absolute_url(): case.title for case in Case.objects.all()}
    assert library_titles(client, query) == sorted(by_url[url] for url in site_titles(client, query))


def test_a_changed_partner_list_changes_what_finds_the_case(client, arnhem):
    _titled, placed = arnhem
    placed.partners.all().delete()
    placed.refresh_search_document()
    assert "Energiecoaches" not in library_titles(client, "Presikhaaf")


@BOTH
def test_the_snippet_shows_the_word_that_matched(client, arnhem, database):
    _titled, placed = arnhem
    groups = {group.key: group for group in client.get(reverse("search"), {"q": "Presikhaaf"}).context["groups"]}
    hit = next(hit for hit in groups["casussen"].results if hit.url == placed.get_absolute_url())
    assert "<mark>Presikhaaf</mark>" in hit.snippet
    assert "Stadsoever" not in hit.snippet  # only the names that matched, not the whole list


def test_a_snippet_comes_from_the_text_that_holds_the_word():
    snippet = best_snippet(["Een korte samenvatting.", "Het verhaal over vertrouwen in de buurt."], ["vertrouwen"])
    assert "<mark>vertrouwen</mark>" in snippet and "samenvatting" not in snippet


def test_a_snippet_marks_a_word_with_the_same_stem():
    assert "<mark>vertrouwd</mark>" in best_snippet(["Een vertrouwd gezicht in de wijk."], ["vertrouwen"])


def test_english_search_shows_translated_themes_and_dutch_example_words(client, arnhem):
    client.get(reverse("set-language", args=["en"]))
    html = client.get(reverse("search"), {"q": "ownership"}).content.decode()
    assert "Nothing found" in html
    assert "‘ownership’ instead" not in html
    assert '<a href="?q=eigenaarschap" lang="nl">eigenaarschap</a>' in html
    html = client.get(reverse("cases:detail", kwargs={"slug": arnhem[1].slug})).content
    assert b'<span class="tag">Liveability</span>' in html


def test_the_example_word_of_the_help_finds_something(client, arnhem, owner):
    make_case(owner, title="Eigenaarschap in Gendt")
    groups = client.get(reverse("search"), {"q": "eigenaarschap"}).context["groups"]
    assert sum(group.count for group in groups) > 0


def test_a_suggestion_is_only_offered_when_it_finds_something(client, arnhem):
    response = client.get(reverse("search"), {"q": "Liveabilty"})
    assert response.context["suggestion"] == "liveability"
    assert client.get(reverse("search"), {"q": "liveability"}).context["total"] > 0
    response = client.get(reverse("search"), {"q": "Liveabilty Kenniskwartierr zzzqqq"})
    assert response.context.get("suggestion", "") == ""


@BOTH
def test_a_case_found_by_a_linked_name_shows_its_summary_and_that_name(client, arnhem, database):
    _titled, placed = arnhem
    groups = {group.key: group for group in client.get(reverse("search"), {"q": "Liveability"}).context["groups"]}
    hit = next(hit for hit in groups["casussen"].results if hit.url == placed.get_absolute_url())
    assert hit.snippet.startswith("Buren helpen buren")
    assert "<mark>Liveability</mark>" in hit.snippet
