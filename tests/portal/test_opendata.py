"""Open data downloads: CSV and JSON of every public dataset, with the licence, round-tripping."""

import csv
import io
import json

import pytest
from django.urls import reverse

from portal.opendata import DATASETS, LICENCE_COLUMN, csv_cell
from tests.conftest import make_case
from tests.portal.conftest import assert_no_leaks

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content).decode()


def read_csv(client, dataset):
    response = client.get(reverse("open-data-csv", args=[dataset]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'rel="license"' in response["Link"]
    return list(csv.DictReader(io.StringIO(body(response))))


def read_json(client, dataset):
    response = client.get(reverse("open-data-json", args=[dataset]))
    assert response.status_code == 200
    return json.loads(body(response))


def test_open_data_page_links_every_download_feed_and_the_api(client, db):
    html = client.get(reverse("open-data")).content.decode()
    for dataset in DATASETS:
        assert reverse("open-data-csv", args=[dataset]) in html
        assert reverse("open-data-json", args=[dataset]) in html
    assert reverse("feed-casussen") in html and reverse("api-root") in html
    assert "CC BY 4.0" in html


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_csv_has_stable_headers_and_the_licence_on_every_row(client, world, dataset):
    rows = read_csv(client, dataset)
    response = client.get(reverse("open-data-csv", args=[dataset]))
    header = next(csv.reader(io.StringIO(body(response))))
    assert header == [*DATASETS[dataset].columns, LICENCE_COLUMN]
    assert rows
    assert all(row[LICENCE_COLUMN].startswith("CC BY 4.0 https://") for row in rows)


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_csv_round_trips_to_the_same_data_as_json(client, world, dataset):
    from_csv = read_csv(client, dataset)
    from_json = read_json(client, dataset)
    assert from_json["licence"]["name"] == "CC BY 4.0"
    assert from_json["columns"] == DATASETS[dataset].columns
    assert len(from_csv) == len(from_json["items"])
    for csv_row, json_row in zip(from_csv, from_json["items"], strict=True):
        for column in DATASETS[dataset].columns:
            assert csv_row[column] == csv_cell(json_row[column]), column


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_no_download_carries_private_content(client, world, dataset):
    assert_no_leaks(body(client.get(reverse("open-data-csv", args=[dataset]))))
    assert_no_leaks(body(client.get(reverse("open-data-json", args=[dataset]))))


def test_cases_dataset_has_public_cases_with_public_factors_only(client, world):
    rows = {row["slug"]: row for row in read_csv(client, "casussen")}
    assert set(rows) == {world.case.slug, world.second.slug}
    assert rows[world.case.slug]["factors"] == f"{world.working.slug}; {world.obstacle.slug}"
    assert rows[world.case.slug]["themes"] == world.theme.name


def test_meetings_dataset_shows_the_harvest_only_once_published(client, world):
    rows = {row["slug"]: row for row in read_csv(client, "bijeenkomsten")}
    assert "aansluiten bij wat leeft" in rows[world.harvested.slug]["harvest_summary"]
    assert rows[world.closed.slug]["harvest_summary"] == ""
    assert world.private_meeting.slug not in rows
    assert rows[world.harvested.slug]["presented_cases"] == world.case.slug  # not the draft


def test_text_that_looks_like_a_formula_is_defused_in_csv(client, owner, db):
    make_case(owner, title='=HYPERLINK("http://kwaad.example")', summary="@SUM(A1)")
    row = read_csv(client, "casussen")[0]
    assert row["title"].startswith("'=")
    assert row["summary"].startswith("'@")


def test_an_unknown_dataset_is_not_found(client, db):
    assert client.get(reverse("open-data-csv", args=["bestaat-niet"])).status_code == 404
