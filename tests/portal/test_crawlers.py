"""What crawlers see: robots.txt and a sitemap of every public page type, each entry with lastmod."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.urls import reverse

from meetings.models import Series
from tests.conftest import make_meeting

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


# --- robots.txt ---------------------------------------------------------------------------


def robots(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    rules = [line.split(":", 1) for line in response.content.decode().splitlines() if ":" in line]
    return [(field.strip().lower(), value.strip()) for field, value in rules]


def test_robots_txt_keeps_crawlers_out_of_accounts_profiles_live_and_admin(client):
    rules = robots(client)
    assert ("user-agent", "*") in rules
    disallowed = {value for field, value in rules if field == "disallow"}
    assert {"/accounts/", "/profiel/", "/live/", "/admin/"} <= disallowed
    # The public pages stay open.
    for path in ("/", "/casussen/", "/wat-werkt/", "/bijeenkomsten/", "/begrippen/", "/feeds/casussen/"):
        assert not any(path.startswith(prefix) for prefix in disallowed), path


def test_robots_txt_names_the_sitemap_by_its_absolute_address(client):
    sitemaps = [value for field, value in robots(client) if field == "sitemap"]
    assert sitemaps == [f"{settings.SITE_URL}{reverse('sitemap')}"]
    assert re.match(r"^https?://[^/]+/sitemap\.xml$", sitemaps[0])


# --- sitemap.xml --------------------------------------------------------------------------


@pytest.fixture
def series(world):
    public = Series.objects.create(title="Leerkring eigenaarschap", description="<p>Vier keer per jaar.</p>")
    other = Series.objects.create(title="Reeks wonen", description="<p>Over wonen.</p>")
    private = Series.objects.create(title="Geheime reeks", description="<p>Besloten.</p>", visibility="community")
    world.harvested.series = public
    world.harvested.save()
    make_meeting(title="Tweede leerkring", days=40, series=public)
    return [public, other, private]


def sitemap(client):
    """``({section url: lastmod}, {page path: lastmod})`` of the index and all its sections."""
    index = ET.fromstring(client.get(reverse("sitemap")).content)
    sections, pages = {}, {}
    for entry in index.findall("s:sitemap", NS):
        loc = entry.find("s:loc", NS).text
        lastmod = entry.find("s:lastmod", NS)
        sections[loc] = lastmod.text if lastmod is not None else None
        response = client.get(loc.replace("http://testserver", ""))
        assert response.status_code == 200, loc
        for url in ET.fromstring(response.content).findall("s:url", NS):
            lastmod = url.find("s:lastmod", NS)
            pages[url.find("s:loc", NS).text.replace("http://testserver", "")] = (
                lastmod.text if lastmod is not None else None
            )
    return sections, pages


def test_every_sitemap_section_and_entry_has_a_lastmod(client, series):
    sections, pages = sitemap(client)
    assert [loc for loc, lastmod in sections.items() if not lastmod] == []
    assert [path for path, lastmod in pages.items() if not lastmod] == []
    assert len(sections) == 7


def test_the_sitemap_lists_every_public_page_type(client, world, series):
    _sections, pages = sitemap(client)
    public, other, private = series
    expected = [
        reverse("home"),
        reverse("factors:board"),
        reverse("cases:library"),
        reverse("meetings:list"),
        reverse("glossary"),
        world.case.get_absolute_url(),
        world.working.get_absolute_url(),
        world.harvested.get_absolute_url(),
        world.upcoming.get_absolute_url(),
        reverse("meetings:digest", args=[world.harvested.slug]),
        world.term.get_absolute_url(),
        public.get_absolute_url(),
        other.get_absolute_url(),
    ]
    assert [path for path in expected if path not in pages] == []
    assert private.get_absolute_url() not in pages


def test_a_series_lastmod_follows_its_meetings(client, series):
    public = series[0]
    meeting = public.meetings.order_by("pk").last()
    meeting.title = "Tweede leerkring, verplaatst"
    meeting.save()
    _sections, pages = sitemap(client)
    assert pages[public.get_absolute_url()].startswith(meeting.updated_at.date().isoformat())


def test_a_term_lastmod_is_the_acceptance_of_its_definition(client, world):
    _sections, pages = sitemap(client)
    accepted = max(v.accepted_at for v in world.term.versions.all() if v.accepted_at)
    assert pages[world.term.get_absolute_url()].startswith(accepted.date().isoformat())
