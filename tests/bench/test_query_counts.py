"""Every public page runs the same number of SQL queries however much data there is.

The pages are those of the benchmark (bench/pages.py), each measured on a small and a
three times larger synthetic community (generate_data). An N+1 query makes the larger
count grow and fails here, in ``make test``, long before anyone runs the benchmark.
"""

import sys

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bench.pages import CACHED, PAGES, MissingError, Page, Samples
from devtools import datagen
from tests.conftest import clear_caches

MAX_QUERIES = 15
LARGER = datagen.Plan(
    members=48,
    organisations=18,
    areas_per_municipality=2,
    factors=30,
    cases=30,
    series=3,
    meetings=12,
    contributions=240,
    votes=90,
    registrations_per_meeting=12,
    rounds_per_meeting=3,
)


def page_queries(client):
    """{page name: queries of one uncached anonymous request} for every page of the benchmark.

    Every page type exists now: a page without a route, without data to show or
    answering anything but 200 fails the test.
    """
    samples, counts = Samples(), {}
    for page in PAGES:
        try:
            url = page.url(samples)
        except MissingError as missing:
            pytest.fail(f"{page.name}: {missing}")
        clear_caches()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, f"{page.name}: {url} answered {response.status_code}"
        counts[page.name] = len(queries)
    return counts


@pytest.mark.django_db
def test_every_public_page_runs_the_same_queries_at_two_data_sizes(client, monkeypatch):
    call_command("generate_data", "--scale", "XS", stdout=open("/dev/null", "w"))  # noqa: SIM115
    small = page_queries(client)
    monkeypatch.setitem(datagen.PLANS, "XS", LARGER)
    call_command("generate_data", "--scale", "XS", "--force", stdout=open("/dev/null", "w"))  # noqa: SIM115
    large = page_queries(client)

    assert large.keys() == small.keys() == {page.name for page in PAGES}
    grown = {name: (small[name], large[name]) for name in large if large[name] != small[name]}
    assert not grown, f"queries grew with the data (small, larger): {grown}"
    too_many = {name: n for name, n in large.items() if n > MAX_QUERIES}
    assert not too_many, f"more than {MAX_QUERIES} queries: {too_many}"


@pytest.mark.django_db
def test_a_page_type_without_a_route_fails_the_check(client, monkeypatch):
    gone = Page("a page that was removed", CACHED, lambda samples: reverse("no-such-page"))
    monkeypatch.setattr(sys.modules[__name__], "PAGES", [gone])
    with pytest.raises(pytest.fail.Exception, match="no route"):
        page_queries(client)
