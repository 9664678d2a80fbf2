"""One search over cases, factors, meetings and terms: grouped, highlighted, filtered, public only."""

import pytest
from django.urls import reverse

from portal.views.search import highlight, snippet
from tests.conftest import make_case
from tests.portal.conftest import assert_no_leaks

pytestmark = pytest.mark.django_db
# Count and page of cases, counts of factors, meetings and terms, the themes and municipalities
# of the filters. The same on PostgreSQL (full-text search) and SQLite (the fallback).
SEARCH_QUERIES = 7


def search(client, **params):
    return client.get(reverse("search"), params)


def groups_of(response):
    return {group.key: group for group in response.context["groups"]}


def test_search_groups_results_by_kind_of_content(client, world):
    response = search(client, q="eigenaarschap")
    groups = groups_of(response)
    assert [r.url for r in groups["bijeenkomsten"].results] == [world.harvested.get_absolute_url()]
    html = response.content.decode()
    assert '<h2 id="group-bijeenkomsten">Bijeenkomsten' in html


def test_search_finds_cases_factors_and_terms(client, world):
    assert [r.url for r in groups_of(search(client, q="Kenniskwartier"))["casussen"].results] == [
        world.case.get_absolute_url()
    ]
    assert [r.url for r in groups_of(search(client, q="budgetten"))["factoren"].results] == [
        world.obstacle.get_absolute_url()
    ]
    assert [r.url for r in groups_of(search(client, q="gebiedsgericht"))["begrippen"].results] == [
        world.term.get_absolute_url()
    ]


def test_search_highlights_matches_in_title_and_snippet(client, world):
    html = search(client, q="leerwerkplaats").content.decode()
    assert "<mark>leerwerkplaats</mark>" in html


def test_snippets_escape_text_before_marking_matches(client, owner, db):
    make_case(owner, title="Buurtfeest", summary='Een <script>alert("x")</script> feest met bewoners')
    html = search(client, q="feest").content.decode()
    assert "<script>alert" not in html
    assert "<mark>feest</mark>" in html.lower()


def test_highlight_never_breaks_entities():
    assert highlight("a & b", ["amp"]) == "a &amp; b"
    assert highlight("Tom & Jerry", ["tom"]) == "<mark>Tom</mark> &amp; Jerry"
    assert snippet("<b>vet</b> en meer", ["vet"]) == "&lt;b&gt;<mark>vet</mark>&lt;/b&gt; en meer"


def test_search_filters_by_type(client, world):
    response = search(client, q="eigenaarschap", type="bijeenkomsten")
    assert list(groups_of(response)) == ["bijeenkomsten"]
    assert groups_of(response)["bijeenkomsten"].page is not None


def test_search_filters_by_theme_and_municipality(client, world):
    groups = groups_of(search(client, q="aansluiten", thema=world.theme.slug))
    assert set(groups) == {"casussen", "factoren"}
    assert [r.url for r in groups["factoren"].results] == [world.working.get_absolute_url()]
    groups = groups_of(search(client, q="wijk", gemeente=world.arnhem.slug))
    assert set(groups) == {"casussen"}
    assert [r.url for r in groups["casussen"].results] == [world.case.get_absolute_url()]
    groups = groups_of(search(client, q="dorpshuis", gemeente=world.arnhem.slug))
    assert groups["casussen"].count == 0


def test_nothing_found_page_is_dutch_with_suggestions(client, world):
    response = search(client, q="versniperde budgetten")
    html = response.content.decode()
    assert response.context["total"] == 0
    assert "Niets gevonden voor ‘versniperde budgetten’" in html
    assert response.context["suggestion"] == "versnipperde budgetten"
    assert "Bedoelde je" in html
    assert reverse("factors:board") in html and reverse("cases:library") in html
    assert world.theme.name in html  # a popular theme with public cases


def test_nothing_found_offers_to_search_without_filters(client, world):
    html = search(client, q="onvindbaarwoord", type="begrippen").content.decode()
    assert "Zoek zonder filters" in html


def test_empty_search_shows_ways_to_browse(client, world):
    response = search(client)
    assert response.status_code == 200
    assert response.context["groups"] == []
    assert reverse("glossary") in response.content.decode()


def test_htmx_gets_only_the_results(client, world):
    response = client.get(reverse("search"), {"q": "Kenniskwartier"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and "Kenniskwartier" in html
    assert "HX-Request" in response["Vary"]


def test_search_never_finds_private_content(client, world):
    for query in ["geheim", "geheime", "concept", "ingediend", "besloten", "verborgen", "Olga", "Carla"]:
        assert search(client, q=query).context["total"] == 0, query


def test_search_results_next_to_private_content_leak_nothing(client, world):
    for query in ["aansluiten", "bijeenkomst", "bewoners", "samen", "eigenaarschap"]:
        response = search(client, q=query)
        assert response.context["total"] > 0, query
        assert_no_leaks(response.content.decode())


def test_search_does_not_find_a_meeting_by_its_unpublished_summary(client, world):
    response = search(client, q="samenvatting")
    assert world.closed.get_absolute_url() not in response.content.decode()


def test_search_query_count_is_fixed(client, world, django_assert_num_queries):
    with django_assert_num_queries(SEARCH_QUERIES):
        search(client, q="bewoners")
    for i in range(8):
        make_case(title=f"Bewoners aan zet {i}", summary="Bewoners doen mee.")
    with django_assert_num_queries(SEARCH_QUERIES):
        search(client, q="bewoners")


@pytest.mark.postgres
def test_dutch_stemming_finds_other_word_forms(client, world):
    # "wijken" (plural) finds "wijk": what every Dutch visitor expects to work.
    groups = groups_of(search(client, q="wijken"))
    assert world.case.get_absolute_url() in [r.url for r in groups["casussen"].results]
    html = search(client, q="studenten").content.decode()
    assert "<mark>" in html


@pytest.mark.postgres
def test_postgres_snippets_come_from_ts_headline_and_stay_escaped(client, owner, db):
    make_case(owner, title="Buurtkamer", summary="Een <b>vette</b> buurtkamer met bewoners & meer")
    response = search(client, q="buurtkamers")  # another word form: the stemmer finds it
    hit = response.context["groups"][0].results[0]
    assert "<mark>buurtkamer</mark>" in hit.snippet
    assert "<b>" not in hit.snippet and "&amp; meer" in hit.snippet
