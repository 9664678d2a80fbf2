"""The evidence level (0–3, docs/evidence.md) is in the open data and the API, with its name."""

import csv
import io
import json

import pytest
from django.urls import reverse

from factors.evidence import LEVEL_NAMES
from portal import queries

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content).decode()


def expected_levels():
    return {factor.slug: factor.evidence_level for factor in queries.public_factors()}


def test_the_factors_csv_and_json_carry_the_level_and_its_name(client, world):
    expected = expected_levels()
    assert expected[world.working.slug] > 0  # the world's working factor has cases: the test can tell
    rows = list(csv.DictReader(io.StringIO(body(client.get(reverse("open-data-csv", args=["factoren"]))))))
    items = json.loads(body(client.get(reverse("open-data-json", args=["factoren"]))))["items"]
    assert {row["slug"]: int(row["evidence_level"]) for row in rows} == expected
    assert {item["slug"]: item["evidence_level"] for item in items} == expected
    for item in items:
        assert item["evidence_level_name"] == LEVEL_NAMES[item["evidence_level"]]
        assert 0 <= item["evidence_level"] <= 3


def test_the_columns_are_added_at_the_end_and_listed_on_the_page(client, world):
    from portal.opendata import DATASETS

    assert DATASETS["factoren"].columns[-2:] == ["evidence_level", "evidence_level_name"]
    assert DATASETS["factoren"].columns.index("evidence_strength") < DATASETS["factoren"].columns.index(
        "evidence_level"
    )
    html = client.get(reverse("open-data")).content.decode()
    assert "evidence_level_name" in html
    assert "sterk onderbouwd" in html  # the page explains the levels in words


def test_the_api_gives_each_factor_its_level_and_name(client, world):
    expected = expected_levels()
    factors = client.get(reverse("api:factor-list")).json()["results"]
    assert {f["slug"]: f["evidence"]["level"] for f in factors} == expected
    assert all(f["evidence"]["level_name"] == LEVEL_NAMES[f["evidence"]["level"]] for f in factors)
    detail = client.get(reverse("api:factor-detail", kwargs={"slug": world.working.slug})).json()
    assert detail["evidence"]["level"] == expected[world.working.slug]


def test_the_openapi_document_describes_the_level(client, db):
    schema = client.get(reverse("api-schema")).json()
    evidence = schema["components"]["schemas"]["Evidence"]
    assert {"level", "level_name", "meetings"} <= set(evidence["properties"])
    assert evidence["properties"]["level"]["maximum"] == 3
    name = evidence["properties"]["level_name"]
    ref = name.get("$ref") or (name.get("allOf") or [{}])[0].get("$ref")
    if ref:  # drf-spectacular names the enum as a component of its own
        name = schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    assert name["enum"] == ["none", "first", "reasonable", "strong"]
