"""sitemap.xml: every public page, nothing else."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.conftest import make_case
from tests.portal.conftest import assert_no_leaks

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# The paginator's count of cases and one page of them.
SITEMAP_QUERIES = 2


def locations(client):
    index = ET.fromstring(client.get(reverse("sitemap")).content)
    found = []
    for section in index.findall("s:sitemap/s:loc", NS):
        response = client.get(section.text.replace("http://testserver", ""))
        assert response.status_code == 200
        assert_no_leaks(response.content.decode())
        found += [
            loc.text.replace("http://testserver", "")
            for loc in ET.fromstring(response.content).findall("s:url/s:loc", NS)
        ]
    return found


def test_sitemap_lists_public_content_and_the_fixed_pages(client, world):
    found = set(locations(client))
    for public in (world.case, world.second, world.working, world.obstacle, world.harvested, world.closed, world.term):
        assert public.get_absolute_url() in found
    for page in ("home", "factor-map", "perspective-matrix", "open-data", "search"):
        assert reverse(page) in found
    assert reverse("meetings:digest", args=[world.harvested.slug]) in found


def test_sitemap_lists_digests_of_public_harvests_only(client, world):
    digests = {url for url in locations(client) if url.endswith("/opgehaald/")}
    assert digests == {reverse("meetings:digest", args=[world.harvested.slug])}


def test_sitemap_leaves_out_private_content(client, world):
    found = set(locations(client))
    for private in (
        world.draft,
        world.submitted,
        world.community,
        world.proposed,
        world.private_meeting,
        world.hidden_term,
    ):
        assert private.get_absolute_url() not in found


def test_sitemap_query_count_does_not_grow_with_data(client, world, django_assert_num_queries):
    url = "/sitemap-casussen.xml"
    with django_assert_num_queries(SITEMAP_QUERIES):
        client.get(url)
    for i in range(5):
        make_case(title=f"Extra {i}")
    with django_assert_num_queries(SITEMAP_QUERIES):
        client.get(url)
