"""The read-only open data API: public content only, validated against its own OpenAPI document."""

import json

import jsonschema
import pytest
from django.urls import reverse

from tests.conftest import make_case, make_factor
from tests.portal.conftest import assert_no_leaks

pytestmark = pytest.mark.django_db
# Per list: the paginator's count and the page, plus one query per prefetched relation.
LIST_QUERIES = {"api:case-list": 4, "api:factor-list": 3, "api:meeting-list": 2, "api:term-list": 4}


def _nullable_to_json_schema(node):
    """OpenAPI 3.0 says ``nullable: true``; JSON Schema says ``type: [..., "null"]``."""
    if isinstance(node, dict):
        node = {key: _nullable_to_json_schema(value) for key, value in node.items()}
        if node.pop("nullable", False):
            if "type" in node:
                node["type"] = [node["type"], "null"]
            else:
                node = {"anyOf": [node, {"type": "null"}]}
        return node
    if isinstance(node, list):
        return [_nullable_to_json_schema(item) for item in node]
    return node


@pytest.fixture
def openapi(client):
    response = client.get(reverse("api-schema"))
    assert response.status_code == 200
    return _nullable_to_json_schema(json.loads(response.content))


def validate(openapi, path_template, body):
    operation = openapi["paths"][path_template]["get"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    jsonschema.validate(body, {**schema, "components": openapi["components"]}, cls=jsonschema.Draft202012Validator)


ENDPOINTS = [
    ("/cases", "api:case-list", None),
    ("/cases/{slug}", "api:case-detail", "case"),
    ("/factors", "api:factor-list", None),
    ("/factors/{slug}", "api:factor-detail", "working"),
    ("/meetings", "api:meeting-list", None),
    ("/meetings/{slug}", "api:meeting-detail", "harvested"),
    ("/terms", "api:term-list", None),
    ("/terms/{slug}", "api:term-detail", "term"),
    ("/themes", "api:theme-list", None),
    ("/themes/{slug}", "api:theme-detail", "theme"),
]


def url_of(world, name, attr):
    return reverse(name, kwargs={"slug": getattr(world, attr).slug}) if attr else reverse(name)


@pytest.mark.parametrize(("template", "name", "attr"), ENDPOINTS)
def test_every_answer_validates_names_the_licence_and_leaks_nothing(client, world, openapi, template, name, attr):
    response = client.get(url_of(world, name, attr))
    assert response.status_code == 200
    body = response.json()
    validate(openapi, template, body)
    assert body["licence"] == {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/deed.nl"}
    assert 'rel="license"' in response["Link"]
    assert response["Access-Control-Allow-Origin"] == "*"
    assert_no_leaks(response.content.decode())


def test_schema_validation_catches_a_wrong_answer(client, world, openapi):
    body = client.get(reverse("api:case-list")).json()
    body["results"][0]["title"] = 5
    with pytest.raises(jsonschema.ValidationError):
        validate(openapi, "/cases", body)
    body = client.get(reverse("api:factor-detail", kwargs={"slug": world.working.slug})).json()
    del body["evidence"]["strength"]
    with pytest.raises(jsonschema.ValidationError):
        validate(openapi, "/factors/{slug}", body)


def test_schema_is_served_as_yaml_too(client, db):
    response = client.get(reverse("api-schema-yaml"))
    assert response.status_code == 200
    assert b"openapi:" in response.content


def test_api_is_read_only(client, world):
    response = client.post(reverse("api:case-list"), {"title": "Nieuw"})
    assert response.status_code == 405
    response = client.delete(reverse("api:case-detail", kwargs={"slug": world.case.slug}))
    assert response.status_code == 405


def test_private_items_are_not_found(client, world):
    for attr in ("draft", "submitted", "community"):
        assert client.get(reverse("api:case-detail", kwargs={"slug": getattr(world, attr).slug})).status_code == 404
    assert client.get(reverse("api:factor-detail", kwargs={"slug": world.proposed.slug})).status_code == 404
    assert client.get(reverse("api:meeting-detail", kwargs={"slug": world.private_meeting.slug})).status_code == 404
    assert client.get(reverse("api:term-detail", kwargs={"slug": world.hidden_term.slug})).status_code == 404


def test_signed_in_members_still_get_only_public_content(client_of, world, owner):
    body = client_of(owner).get(reverse("api:case-list")).json()
    assert {c["slug"] for c in body["results"]} == {world.case.slug, world.second.slug}


def test_factor_list_carries_evidence_counts(client, world):
    body = client.get(reverse("api:factor-list")).json()
    factors = {f["slug"]: f for f in body["results"]}
    assert set(factors) == {world.working.slug, world.obstacle.slug}
    evidence = factors[world.working.slug]["evidence"]
    assert evidence["cases"] == 2
    assert evidence["contributions"] == 2
    assert evidence["votes"] == 3
    assert evidence["strength"] > factors[world.obstacle.slug]["evidence"]["strength"]


def test_case_detail_shows_consenting_names_and_perspectives_for_the_others(client, world):
    body = client.get(reverse("api:case-detail", kwargs={"slug": world.case.slug})).json()
    authors = {r["author"] for r in body["reflections"]}
    assert authors == {"Zichtbare Zeger", "een deelnemer vanuit een inwonersinitiatief"}
    assert body["author"] == "een deelnemer vanuit onderwijs en onderzoek"
    assert body["contact_name"] is None
    assert [f["factor"]["slug"] for f in body["factors"]] == [world.working.slug, world.obstacle.slug]


def test_meeting_detail_has_the_harvest_only_when_published(client, world):
    harvest = client.get(reverse("api:meeting-detail", kwargs={"slug": world.harvested.slug})).json()["harvest"]
    assert {f["factor"]["slug"]: (f["contributions"], f["votes"]) for f in harvest["factors"]} == {
        world.working.slug: (2, 3),
        world.obstacle.slug: (1, 0),
    }
    texts = {c["text"] for c in harvest["contributions"]}
    assert "Luisteren naar bewoners" in texts
    assert [t["version"] for t in harvest["agreed_terms"]] == [2]
    slug = world.harvested.slug
    assert harvest["digest_url"] == f"http://testserver{reverse('meetings:digest', args=[slug])}"
    assert harvest["poster_url"] == f"http://testserver{reverse('meetings:poster', args=[slug])}"
    assert client.get(harvest["feed_url"].replace("http://testserver", "")).status_code == 200
    closed = client.get(reverse("api:meeting-detail", kwargs={"slug": world.closed.slug})).json()
    assert closed["harvest"] is None


@pytest.mark.parametrize(
    ("name", "params", "expected"),
    [
        ("api:case-list", {"theme": "leefbaarheid"}, {"case"}),
        ("api:case-list", {"municipality": "arnhem"}, {"case"}),
        ("api:case-list", {"perspective": "inwoners"}, {"second"}),
        ("api:case-list", {"factor": "versnipperde-budgetten"}, {"case"}),
        ("api:case-list", {"factor": "geheimfactor-in-voorstel"}, set()),
        ("api:factor-list", {"kind": "obstacle"}, {"obstacle"}),
        ("api:factor-list", {"theme": "leefbaarheid"}, {"working"}),
        ("api:meeting-list", {"harvest": "true"}, {"harvested"}),
        ("api:meeting-list", {"upcoming": "true"}, {"upcoming"}),
        ("api:term-list", {"key": "true"}, {"term"}),
    ],
)
def test_list_filters(client, world, name, params, expected):
    body = client.get(reverse(name), params).json()
    assert {r["slug"] for r in body["results"]} == {getattr(world, attr).slug for attr in expected}


@pytest.mark.parametrize("size_param", ["pageSize", "page_size"])
def test_lists_are_paginated(client, world, size_param):
    body = client.get(reverse("api:case-list"), {size_param: 1}).json()
    assert body["count"] == 2 and len(body["results"]) == 1 and f"{size_param}=1" in body["next"]
    second = client.get(body["next"]).json()
    assert second["previous"] and len(second["results"]) == 1


@pytest.mark.parametrize(("name", "queries"), LIST_QUERIES.items())
def test_list_query_counts_do_not_grow_with_data(client, world, name, queries, django_assert_num_queries):
    with django_assert_num_queries(queries):
        client.get(reverse(name))
    for i in range(5):
        factor = make_factor(f"Nog een factor {i}")
        case = make_case(title=f"Nog een casus {i}")
        case.factors.add(factor, through_defaults={"explanation": "x"})
    with django_assert_num_queries(queries):
        client.get(reverse(name))


def test_api_root_is_a_human_page_and_json_on_request(client, db):
    assert "Open data API" in client.get(reverse("api-root")).content.decode()
    body = client.get(reverse("api-root"), {"format": "json"}).json()
    assert body["cases"].endswith("/api/v1/cases") and body["schema"].endswith("/api/v1/openapi.json")
