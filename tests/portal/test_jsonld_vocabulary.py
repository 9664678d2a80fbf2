"""Every JSON-LD block on every page type holds to the schema.org vocabulary (tests/portal/schemaorg_vocabulary.py)."""

import json
import re

import pytest
from django.urls import reverse

from meetings.models import Series
from tests.conftest import make_meeting
from tests.portal import schemaorg_vocabulary as vocabulary

pytestmark = pytest.mark.django_db
BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
ONLINE = "https://zoom.example.org/geheim"


@pytest.fixture
def pages(world):
    """``{page: path}`` of every page type, with meetings on site, online and both."""
    series = Series.objects.create(title="Leerkring eigenaarschap", description="<p>Vier keer per jaar.</p>")
    on_site = make_meeting(
        title="In het dorpshuis", days=20, location_name="De Wiek", address="Dorpsstraat 1, Elst", series=series
    )
    named_only = make_meeting(title="In de bibliotheek", days=21, location_name="Bibliotheek Arnhem")
    online = make_meeting(title="Online sessie", days=22, online_url=ONLINE)
    hybrid = make_meeting(title="Hybride sessie", days=23, location_name="De Wiek", online_url=ONLINE)
    return {
        "home": reverse("home"),
        "case": world.case.get_absolute_url(),
        "case without place": world.second.get_absolute_url(),
        "factor": world.working.get_absolute_url(),
        "obstacle": world.obstacle.get_absolute_url(),
        "meeting with harvest": world.harvested.get_absolute_url(),
        "meeting closed": world.closed.get_absolute_url(),
        "meeting upcoming": world.upcoming.get_absolute_url(),
        "meeting on site": on_site.get_absolute_url(),
        "meeting with a place name only": named_only.get_absolute_url(),
        "meeting online": online.get_absolute_url(),
        "meeting hybrid": hybrid.get_absolute_url(),
        "series": series.get_absolute_url(),
        "term": world.term.get_absolute_url(),
        "glossary": reverse("glossary"),
        "harvest digest": reverse("meetings:digest", args=[world.harvested.slug]),
        "board": reverse("factors:board"),
        "library": reverse("cases:library"),
        "meetings": reverse("meetings:list"),
    }


def blocks(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return [json.loads(found) for found in BLOCK.findall(response.content.decode())]


def test_the_vocabulary_knows_the_types_used():
    for kind in ("Article", "Event", "DefinedTerm", "DefinedTermSet", "Place", "VirtualLocation", "PostalAddress"):
        assert kind in vocabulary.types()
    assert "CreativeWork" in vocabulary.ancestors("Article")


def test_the_checker_finds_what_was_wrong():
    wrong = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Bijeenkomst",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "location": {"@type": "Place", "name": "De Wiek", "address": ""},
    }
    found = vocabulary.errors(wrong)
    assert any("Event.license: not a property of Event" in error for error in found)
    assert any("address: an empty string" in error for error in found)
    term = {"@context": "https://schema.org", "@type": "DefinedTerm", "name": "x", "additionalType": "Werkzaam"}
    assert any("is not a URL" in error for error in vocabulary.errors(term))


def test_every_json_ld_block_on_every_page_type_holds_to_schema_org(client, pages):
    problems, seen = [], {}
    for page, path in pages.items():
        found = blocks(client, path)
        seen[page] = [block.get("@type") for block in found]
        for block in found:
            problems += [f"{page} ({path}): {error}" for error in vocabulary.errors(block)]
    assert problems == [], "\n".join(problems)
    # The detail pages carry one block each.
    for page in ("case", "factor", "meeting online", "meeting on site", "term"):
        assert len(seen[page]) == 1, (page, seen[page])


def test_an_event_has_a_place_with_an_address_or_a_virtual_location_without_the_link(client, pages):
    [on_site] = blocks(client, pages["meeting on site"])
    assert on_site["location"] == {"@type": "Place", "name": "De Wiek", "address": "Dorpsstraat 1, Elst"}
    assert on_site["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    [named_only] = blocks(client, pages["meeting with a place name only"])
    assert "address" not in named_only["location"]
    [online] = blocks(client, pages["meeting online"])
    assert online["location"]["@type"] == "VirtualLocation"
    # Neither the secret link nor the meeting page pretending to be the place.
    assert "url" not in online["location"]
    assert "zoom.example.org" not in json.dumps(online)
    [hybrid] = blocks(client, pages["meeting hybrid"])
    assert [place["@type"] for place in hybrid["location"]] == ["Place", "VirtualLocation"]
    assert hybrid["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert online["organizer"]["@type"] == "Organization"
    assert "license" not in online and "publisher" not in online


def test_a_factor_and_a_term_are_defined_terms_without_creative_work_properties(client, pages):
    for page in ("factor", "term"):
        [term] = blocks(client, pages[page])
        assert term["@type"] == "DefinedTerm"
        assert set(term) <= {"@context", "@type", "@id", "name", "description", "inDefinedTermSet", "termCode", "url"}


def test_a_case_keeps_its_licence_and_publisher(client, pages):
    [case] = blocks(client, pages["case"])
    assert case["@type"] == "Article"
    assert case["license"].startswith("https://creativecommons.org/")
    assert case["publisher"]["@type"] == "Organization"
