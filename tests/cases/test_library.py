"""The library: combinable filters as a shareable URL, sorting, pagination, search, htmx partials."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import CaseFactor, CasePartner
from cop.models import Municipality, Theme
from tests.conftest import make_case, make_factor, make_organisation

pytestmark = pytest.mark.django_db

LIBRARY = reverse("cases:library")


def titles(response):
    return [case.title for case in response.context["page"].object_list]


@pytest.fixture
def library(owner):
    """Three published cases that differ in every filter."""
    arnhem, zutphen = Municipality.objects.create(name="Arnhem"), Municipality.objects.create(name="Zutphen")
    wonen, zorg = Theme.objects.create(name="Wonen"), Theme.objects.create(name="Zorg en welzijn")
    factor, obstacle = make_factor("Vaste gezichten"), make_factor("Versnippering", kind="obstacle")
    corporatie = make_organisation("Woonstede", kind="woningcorporatie")
    now = timezone.now()
    kenniskwartier = make_case(
        owner,
        title="Kenniskwartier",
        story="<p>Studenten leren in de wijk.</p>",
        municipality=arnhem,
        perspective="onderwijs",
        stage="running",
        published_at=now - timezone.timedelta(days=3),
    )
    kenniskwartier.themes.add(wonen)
    CasePartner.objects.create(case=kenniskwartier, organisation=corporatie, role="verhuurt de ruimte")
    for f in (factor, obstacle):
        CaseFactor.objects.create(case=kenniskwartier, factor=f, explanation="x")
    buurtkamer = make_case(
        owner,
        title="Buurtkamer",
        story="<p>Een huiskamer voor de buurt.</p>",
        municipality=zutphen,
        perspective="welzijn",
        stage="finished",
        published_at=now - timezone.timedelta(days=1),
    )
    buurtkamer.themes.add(zorg)
    CaseFactor.objects.create(case=buurtkamer, factor=factor, explanation="y")
    make_case(
        owner,
        title="Dorpsplan",
        story="<p>Het dorp maakt een plan.</p>",
        municipality=zutphen,
        perspective="inwoners",
        stage="idea",
        published_at=now - timezone.timedelta(days=2),
    )
    return {"factor": factor, "obstacle": obstacle}


def test_the_library_shows_the_newest_first(client, library):
    assert titles(client.get(LIBRARY)) == ["Buurtkamer", "Dorpsplan", "Kenniskwartier"]


def test_sorting_by_evidence_puts_the_case_with_most_factors_first(client, library):
    assert titles(client.get(LIBRARY, {"sorteer": "onderbouwing"})) == ["Kenniskwartier", "Buurtkamer", "Dorpsplan"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"thema": "wonen"}, ["Kenniskwartier"]),
        ({"gemeente": "zutphen"}, ["Buurtkamer", "Dorpsplan"]),
        ({"perspectief": "welzijn"}, ["Buurtkamer"]),
        ({"fase": "idea"}, ["Dorpsplan"]),
        ({"factor": "vaste-gezichten"}, ["Buurtkamer", "Kenniskwartier"]),
        ({"factor": "versnippering"}, ["Kenniskwartier"]),
        ({"organisatie": "woningcorporatie"}, ["Kenniskwartier"]),
        ({"gemeente": "zutphen", "factor": "vaste-gezichten"}, ["Buurtkamer"]),
        ({"gemeente": "arnhem", "fase": "finished"}, []),
        ({"thema": "bestaat-niet"}, ["Buurtkamer", "Dorpsplan", "Kenniskwartier"]),
    ],
)
def test_filters_combine(client, library, params, expected):
    assert titles(client.get(LIBRARY, params)) == expected


def test_the_organisation_kind_filter_also_matches_the_organisation_that_brought_the_case(client, owner):
    make_case(owner, title="Van de gemeente", organisation=make_organisation("Gemeente Ede", kind="gemeente"))
    make_case(owner, title="Van een vereniging", organisation=make_organisation("Dorpsbelang", kind="vereniging"))
    assert titles(client.get(LIBRARY, {"organisatie": "gemeente"})) == ["Van de gemeente"]


def test_a_filtered_page_is_a_shareable_url_with_the_filters_filled_in(client, library):
    html = client.get(LIBRARY, {"gemeente": "zutphen", "fase": "idea"}).content.decode()
    assert '<option value="zutphen" selected>' in html
    assert '<option value="idea" selected>' in html


def test_the_folded_filters_say_how_many_narrow_the_list(client, library):
    summary = '<summary id="library-filters-summary"{}>{}</summary>'
    assert summary.format("", "Filters en sortering") in client.get(LIBRARY, {"q": "buurt"}).content.decode()
    html = client.get(LIBRARY, {"gemeente": "zutphen", "fase": "idea", "thema": "bestaat-niet"}).content.decode()
    assert summary.format("", "Filters (2 actief)") in html  # an unknown theme filters nothing
    # An htmx answer swaps only the results and sends the summary along, so its count follows.
    htmx = client.get(LIBRARY, {"gemeente": "zutphen"}, HTTP_HX_REQUEST="true").content.decode()
    assert htmx.startswith(summary.format(' data-hx-swap-oob="true"', "Filters (1 actief)"))
    assert "<summary" not in client.get(LIBRARY, {"gemeente": "zutphen"}).content.decode().split('id="case-results"')[1]


def test_filters_work_without_javascript_as_a_plain_get_form(client, library):
    html = client.get(LIBRARY).content.decode()
    assert 'method="get" action="/casussen/"' in html
    assert 'data-hx-get="/casussen/"' in html


def test_an_htmx_request_gets_only_the_results_and_the_response_varies_on_it(client, library):
    response = client.get(LIBRARY, {"fase": "idea"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    # The results, preceded only by the filter summary and the counted selects sent out of band.
    assert re.match(
        r'<summary id="library-filters-summary" data-hx-swap-oob="true">[^<]*</summary>\s*'
        r'(<select name="\w+"[^>]*data-hx-swap-oob="innerHTML"[^>]*>.*?</select>\s*){4}<section id="case-results"',
        html,
        re.S,
    )
    assert "<html" not in html
    assert "Dorpsplan" in html and "Buurtkamer" not in html
    assert "HX-Request" in response["Vary"]
    assert "HX-Request" in client.get(LIBRARY)["Vary"]


def test_the_library_is_paginated_and_pages_keep_the_filters(client, owner):
    for n in range(14):
        make_case(owner, title=f"Casus {n:02}", stage="running")
    first = client.get(LIBRARY, {"fase": "running"})
    assert len(titles(first)) == 12
    html = first.content.decode()
    assert 'href="?fase=running&amp;pagina=2"' in html
    second = client.get(LIBRARY, {"fase": "running", "pagina": 2})
    assert len(titles(second)) == 2
    assert client.get(LIBRARY, {"pagina": "999"}).status_code == 200


def test_searching_finds_a_word_from_the_story(client, library):
    assert titles(client.get(LIBRARY, {"q": "studenten"})) == ["Kenniskwartier"]


def test_search_and_filters_combine(client, library):
    assert titles(client.get(LIBRARY, {"q": "buurt", "gemeente": "arnhem"})) == []
    assert titles(client.get(LIBRARY, {"q": "buurt", "gemeente": "zutphen"})) == ["Buurtkamer"]


def test_search_reaches_the_three_answers(client, owner):
    make_case(owner, title="Trotse wijk", lessons="<p>Begin met koffie.</p>")
    assert titles(client.get(LIBRARY, {"q": "koffie"})) == ["Trotse wijk"]


@pytest.mark.parametrize("count", [3, 30])
def test_the_library_runs_a_fixed_number_of_queries(client, owner, count, django_assert_num_queries):
    theme = Theme.objects.create(name="Wonen")
    factor = make_factor()
    for n in range(count):
        case = make_case(owner, title=f"Casus {n}", municipality=Municipality.objects.get_or_create(name="Ede")[0])
        case.themes.add(theme)
        CaseFactor.objects.create(case=case, factor=factor, explanation="x")
        case.images.create(image="cases/x.jpg", thumbnail="cases/x-thumb.jpg", width=4, height=3, alt_text="Een foto")
    # filter choices (themes, municipalities, perspectives, organisation kinds in 3, factors: counted,
    # then kept until content changes), count, page, themes, images
    with django_assert_num_queries(11):
        response = client.get(LIBRARY, {"sorteer": "onderbouwing"})
    assert len(titles(response)) == min(count, 12)


def test_filtering_by_a_proposed_factor_finds_nothing(client, library):
    """A proposed factor is not named on public pages, so its slug filters nothing in (library and API alike)."""
    from cases.models import Case

    proposed = make_factor("Nog een voorstel", status="proposed")
    case = Case.objects.get(title__startswith="Kenniskwartier")
    CaseFactor.objects.create(case=case, factor=proposed, explanation="z")
    assert Case.objects.filter_library(factor=proposed.slug).count() == 0
    assert Case.objects.filter_library(factor=library["factor"].slug).count() == 2
