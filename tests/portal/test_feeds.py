"""RSS and Atom feeds of new cases, factors and harvests, and one per case, factor and harvest."""

import feedparser
import pytest
from django.urls import reverse

from tests.conftest import make_case
from tests.portal.conftest import assert_no_leaks

pytestmark = pytest.mark.django_db

SITE_FEEDS = ["casussen", "factoren", "oogsten"]
ITEM_FEEDS = [("casussen", "case"), ("factoren", "working"), ("oogsten", "harvested")]
# The cases and their themes.
FEED_QUERIES = 2


def all_feed_urls(world):
    urls = []
    for name in SITE_FEEDS:
        urls += [reverse(f"feed-{name}"), reverse(f"feed-{name}-atom")]
    for name, attr in ITEM_FEEDS:
        slug = getattr(world, attr).slug
        urls += [reverse(f"feed-{name}-item", args=[slug]), reverse(f"feed-{name}-item-atom", args=[slug])]
    return urls


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return response, feed


def test_every_feed_parses_as_rss_or_atom_with_the_licence(client, world):
    for url in all_feed_urls(world):
        _response, feed = parse(client, url)
        expected = "atom10" if url.endswith("/atom/") else "rss20"
        assert feed.version == expected, url
        assert "CC BY 4.0" in feed.feed.get("rights", ""), url
        assert feed.entries, url
        assert len({entry.id for entry in feed.entries}) == len(feed.entries), url


def test_no_feed_carries_private_content(client, world):
    for url in all_feed_urls(world):
        assert_no_leaks(client.get(url).content.decode())


def test_cases_feed_lists_public_cases_newest_first_with_public_names(client, world):
    _response, feed = parse(client, reverse("feed-casussen"))
    assert [e.title for e in feed.entries] == [world.second.title, world.case.title]
    assert feed.entries[0].link == "http://testserver" + world.second.get_absolute_url()
    # Zeger consented; Olga (owner of the other case) did not.
    assert feed.entries[0].author == "Zichtbare Zeger"
    assert feed.entries[1].author == "een deelnemer vanuit onderwijs en onderzoek"


def test_factors_feed_lists_accepted_factors(client, world):
    _response, feed = parse(client, reverse("feed-factoren-atom"))
    links = {e.link for e in feed.entries}
    assert "http://testserver" + world.working.get_absolute_url() in links
    assert not any(world.proposed.slug in link for link in links)


def test_harvests_feed_lists_published_public_harvests_only(client, world):
    _response, feed = parse(client, reverse("feed-oogsten"))
    assert [e.title for e in feed.entries] == [f"Oogst: {world.harvested.title}"]


def test_a_factor_feed_lists_its_cases_and_harvests(client, world):
    _response, feed = parse(client, reverse("feed-factoren-item", args=[world.working.slug]))
    titles = {e.title for e in feed.entries}
    assert f"Casus: {world.case.title}" in titles
    assert f"Casus: {world.second.title}" in titles
    assert f"Oogst: {world.harvested.title}" in titles


def test_a_case_feed_lists_its_public_reflections(client, world):
    _response, feed = parse(client, reverse("feed-casussen-item", args=[world.case.slug]))
    authors = {e.get("author") for e in feed.entries}
    assert "Zichtbare Zeger" in authors
    assert "een deelnemer vanuit een inwonersinitiatief" in authors


def test_item_feeds_of_private_items_are_not_found(client, world):
    assert client.get(reverse("feed-casussen-item", args=[world.draft.slug])).status_code == 404
    assert client.get(reverse("feed-casussen-item", args=[world.community.slug])).status_code == 404
    assert client.get(reverse("feed-factoren-item", args=[world.proposed.slug])).status_code == 404
    assert client.get(reverse("feed-oogsten-item", args=[world.closed.slug])).status_code == 404
    assert client.get(reverse("feed-oogsten-item", args=[world.private_meeting.slug])).status_code == 404


def test_feed_query_counts_do_not_grow_with_data(client, world, django_assert_num_queries):
    with django_assert_num_queries(FEED_QUERIES):
        client.get(reverse("feed-casussen"))
    for i in range(5):
        make_case(title=f"Extra {i}")
    with django_assert_num_queries(FEED_QUERIES):
        client.get(reverse("feed-casussen"))


PAYLOAD = '"><img src=x onerror=alert(1)>'


@pytest.mark.parametrize("name", ["feed-casussen", "feed-casussen-atom"])
def test_a_summary_with_markup_reaches_the_feed_as_text_not_html(client, world, name):
    from xml.etree import ElementTree

    world.case.summary = f"Samenvatting {PAYLOAD}"
    world.case.save()
    response = client.get(reverse(name))
    root = ElementTree.fromstring(response.content)
    # The text of <description> (RSS) or <summary type="html"> (Atom) is what a reader renders as HTML.
    texts = [el.text or "" for el in root.iter() if el.tag.rsplit("}", 1)[-1] in {"description", "summary"}]
    mine = [text for text in texts if "Samenvatting" in text]
    assert mine, texts
    for text in mine:
        assert "<img" not in text
        assert "&lt;img src=x onerror=alert(1)&gt;" in text
    _response, feed = parse(client, reverse(name))
    entry = next(e for e in feed.entries if e.title == world.case.title)
    assert "<img" not in entry.summary


def test_a_harvest_summary_with_escaped_markup_is_not_unescaped_into_the_feed(client, world):
    # The editor stores "&lt;img …&gt;"; plain_text() unescapes it for snippets.
    world.harvested.summary = "<p>Oogst &lt;img src=x onerror=alert(1)&gt;</p>"
    world.harvested.save()
    _response, feed = parse(client, reverse("feed-oogsten-atom"))
    entry = next(e for e in feed.entries if world.harvested.title in e.title)
    assert "<img" not in entry.summary
    assert "onerror" in entry.summary  # kept, as visible text
