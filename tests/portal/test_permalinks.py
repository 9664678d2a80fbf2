"""Permanent links: canonical URL, the item's own feed and schema.org JSON-LD on factor, case, meeting and term pages."""

import json
import re

import feedparser
import pytest
from django.urls import reverse

from tests.conftest import make_case

pytestmark = pytest.mark.django_db


def head_of(html):
    return html.split("</head>")[0]


def jsonld_of(html):
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return [json.loads(block) for block in found]


def pages(world):
    """(page, the Atom feed of its own or None, schema.org type) of each kind of public object."""
    return [
        (
            world.working.get_absolute_url(),
            reverse("feed-factoren-item-atom", args=[world.working.slug]),
            "DefinedTerm",
        ),
        (world.case.get_absolute_url(), reverse("feed-casussen-item-atom", args=[world.case.slug]), "Article"),
        (world.harvested.get_absolute_url(), reverse("feed-oogsten-item-atom", args=[world.harvested.slug]), "Event"),
        (world.term.get_absolute_url(), None, "DefinedTerm"),
    ]


def test_public_pages_carry_canonical_link_feed_and_json_ld(client, world, settings):
    settings.SITE_URL = "https://wetenwatwerkt.example"
    for url, feed, schema_type in pages(world):
        html = client.get(url).content.decode()
        head = head_of(html)
        canonical = f"https://wetenwatwerkt.example{url}"
        assert head.count('rel="canonical"') == 1, url
        assert f'<link rel="canonical" href="{canonical}">' in head, url
        data = jsonld_of(head)
        assert len(data) == 1, url
        assert data[0]["@context"] == "https://schema.org"
        assert data[0]["@type"] == schema_type, url
        assert data[0]["url"] == f"http://testserver{url}"
        if feed:
            assert 'type="application/atom+xml"' in head and f'href="{feed}"' in head, url
            parsed = feedparser.parse(client.get(feed).content)
            assert not parsed.bozo and parsed.version == "atom10", feed
        # The visible permanent link with a citation.
        assert f'class="permalink__url">{canonical}</a>' in html, url
        assert "Citeer als" in html and "Weten wat werkt (" in html and "licentie CC BY 4.0" in html, url


def test_a_meeting_without_a_public_harvest_has_no_feed_link(client, world):
    head = head_of(client.get(world.upcoming.get_absolute_url()).content.decode())
    assert "application/atom+xml" not in head
    assert jsonld_of(head)[0]["@type"] == "Event"


def test_content_that_is_not_public_gets_no_metadata_or_permanent_link(client_of, world, owner, facilitator):
    cases = [(owner, world.draft), (owner, world.community), (facilitator, world.submitted)]
    for user, case in cases:
        html = client_of(user).get(case.get_absolute_url()).content.decode()
        assert jsonld_of(html) == [], case
        assert "application/atom+xml" not in head_of(html), case
        assert "permalink__url" not in html, case
    html = client_of(facilitator).get(world.proposed.get_absolute_url()).content.decode()
    assert jsonld_of(html) == [] and "permalink__url" not in html
    html = client_of(facilitator).get(world.private_meeting.get_absolute_url()).content.decode()
    assert jsonld_of(html) == [] and "permalink__url" not in html


def test_the_citation_names_the_year_of_publication(client, world):
    html = client.get(world.case.get_absolute_url()).content.decode()
    assert f"Weten wat werkt ({world.case.published_at.year})." in html


def test_glossary_marks_in_a_case_link_to_the_glossary(client, world, owner):
    case = make_case(
        owner,
        title="Casus met begrippen",
        story="<p>Wij doen aan [[gebiedsgericht werken]] en [[Geheimbegrip]].</p>",
        lessons="<p>Vooral [[gebiedsgericht werken|samen werken]].</p>",
    )
    html = client.get(case.get_absolute_url()).content.decode()
    link = f'<a class="term-link" href="{world.term.get_absolute_url()}">'
    assert f"{link}gebiedsgericht werken</a>" in html
    assert f"{link}samen werken</a>" in html
    assert "[[" not in html
    assert reverse("glossary-term", args=[world.hidden_term.slug]) not in html  # not public: plain words
