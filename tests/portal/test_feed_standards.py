"""Every feed the portal serves is valid: Atom 1.0 by RFC 4287's MUSTs, RSS 2.0 by its required elements.

The feeds are enumerated from portal/urls.py (every route named ``feed-…``), the
per-item ones for every public case, factor and harvest of the test world, so a new
feed is checked without being listed here.
"""

import re
import xml.etree.ElementTree as ET
from datetime import datetime

import feedparser
import pytest
from django.urls import URLPattern, reverse

from factors.models import Factor
from portal import queries
from portal import urls as portal_urls

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
# RFC 3339 date-time, as RFC 4287 section 3.3 requires of atom:updated and atom:published.
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
ABSOLUTE_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$")


def item_objects():
    """The public objects of each per-item feed, by the feed's name in portal.feeds.ITEM_FEEDS."""
    return {
        "casussen": list(queries.public_cases()),
        "factoren": list(Factor.objects.public()),
        "oogsten": list(queries.public_harvests()),
    }


def feed_routes():
    return [p for p in portal_urls.urlpatterns if isinstance(p, URLPattern) and (p.name or "").startswith("feed-")]


def every_feed_url():
    objects = item_objects()
    urls = []
    for route in feed_routes():
        if "slug" in route.pattern.converters:
            name = route.name.removeprefix("feed-").split("-")[0]
            assert objects[name], f"the test world has no public object for {route.name}"
            urls += [reverse(route.name, kwargs={"slug": obj.slug}) for obj in objects[name]]
        else:
            urls.append(reverse(route.name))
    return urls


def children(element, tag):
    return element.findall(f"{ATOM}{tag}")


def one(element, tag, where, errors):
    found = children(element, tag)
    if len(found) != 1:
        errors.append(f"{where}: {len(found)} atom:{tag}, RFC 4287 requires exactly one")
        return None
    return found[0]


def check_date(element, where, errors):
    if element is not None and not RFC3339.match((element.text or "").strip()):
        errors.append(f"{where}: {element.tag} {element.text!r} is not an RFC 3339 date-time")


def check_authors(element, where, errors):
    for author in children(element, "author"):
        names = children(author, "name")
        if len(names) != 1 or not (names[0].text or "").strip():
            errors.append(f"{where}: an atom:author needs exactly one non-empty atom:name")
        elif "@" in names[0].text:
            errors.append(f"{where}: an author's name is an e-mail address")
        if children(author, "email"):
            errors.append(f"{where}: an author carries an e-mail address")


def check_id(element, where, errors):
    found = one(element, "id", where, errors)
    if found is not None and not ABSOLUTE_IRI.match((found.text or "").strip()):
        errors.append(f"{where}: atom:id {found.text!r} is not an absolute IRI")
    return found.text if found is not None else None


def atom_errors(url, root):
    """RFC 4287's MUSTs for atom:feed and atom:entry (sections 4.1.1 and 4.1.2)."""
    errors = []
    if root.tag != f"{ATOM}feed":
        return [f"{url}: the root is {root.tag}, not atom:feed"]
    check_id(root, url, errors)
    one(root, "title", url, errors)
    feed_updated = one(root, "updated", url, errors)
    check_date(feed_updated, url, errors)
    check_authors(root, url, errors)
    feed_has_author = bool(children(root, "author"))
    if not any(link.get("rel") == "self" for link in children(root, "link")):
        errors.append(f"{url}: no atom:link rel=self")
    entries = children(root, "entry")
    ids = []
    updated = []
    for n, entry in enumerate(entries):
        where = f"{url} entry {n}"
        ids.append(check_id(entry, where, errors))
        one(entry, "title", where, errors)
        entry_updated = one(entry, "updated", where, errors)
        check_date(entry_updated, where, errors)
        if entry_updated is not None:
            updated.append(entry_updated.text)
        for published in children(entry, "published"):
            check_date(published, where, errors)
        check_authors(entry, where, errors)
        if not feed_has_author and not children(entry, "author"):
            errors.append(f"{where}: no atom:author, and the feed has none either")
        alternates = [link for link in children(entry, "link") if link.get("rel", "alternate") == "alternate"]
        if not alternates and not children(entry, "content"):
            errors.append(f"{where}: neither atom:content nor atom:link rel=alternate")
        if len({(link.get("type"), link.get("hreflang")) for link in alternates}) != len(alternates):
            errors.append(f"{where}: two alternate links with the same type and hreflang")
        if any(not link.get("href") for link in children(entry, "link")):
            errors.append(f"{where}: an atom:link without href")
    if len(set(ids)) != len(ids):
        errors.append(f"{url}: entries share an atom:id")
    # The feed's own <updated> is the newest entry's, not the time of the request.
    if feed_updated is not None and updated and feed_updated.text != max(updated):
        errors.append(f"{url}: the feed's updated {feed_updated.text} is not its newest entry's {max(updated)}")
    return errors


def rss_errors(url, root):
    """RSS 2.0: the channel's required elements, an item's title or description, and no addresses."""
    errors = []
    channel = root.find("channel")
    if root.tag != "rss" or root.get("version") != "2.0" or channel is None:
        return [f"{url}: not an RSS 2.0 document"]
    for tag in ("title", "link", "description"):
        if channel.find(tag) is None:
            errors.append(f"{url}: the channel has no <{tag}>")
    for n, item in enumerate(channel.findall("item")):
        where = f"{url} item {n}"
        if item.find("title") is None and item.find("description") is None:
            errors.append(f"{where}: neither <title> nor <description>")
        if item.find("guid") is None:
            errors.append(f"{where}: no <guid>")
        # RSS's <author> is an e-mail address; a name goes in dc:creator.
        if item.find("author") is not None:
            errors.append(f"{where}: an <author>, which RSS defines as an e-mail address")
        for creator in item.findall(f"{DC}creator"):
            if "@" in (creator.text or ""):
                errors.append(f"{where}: dc:creator is an e-mail address")
    return errors


def test_every_feed_route_is_enumerated(world):
    names = {route.name for route in feed_routes()}
    # Three site-wide feeds and three per-item ones, each in RSS and Atom.
    assert len(names) == 12, names
    urls = every_feed_url()
    assert len(urls) == len(set(urls)) == 16, urls


def test_every_feed_parses_and_meets_its_standard(client, world):
    errors = []
    for url in every_feed_url():
        response = client.get(url)
        assert response.status_code == 200, url
        parsed = feedparser.parse(response.content)
        if parsed.bozo:
            errors.append(f"{url}: feedparser: {parsed.get('bozo_exception')}")
        root = ET.fromstring(response.content)
        is_atom = url.endswith("/atom/")
        if parsed.version != ("atom10" if is_atom else "rss20"):
            errors.append(f"{url}: feedparser reads it as {parsed.version!r}")
        errors += atom_errors(url, root) if is_atom else rss_errors(url, root)
    assert errors == [], "\n".join(errors)


def test_an_atom_entry_is_updated_when_its_item_changes(client, world):
    url = reverse("feed-casussen-atom")
    before = feedparser.parse(client.get(url).content)
    entry = next(e for e in before.entries if e.title == world.case.title)
    world.case.summary = "Een nieuwe samenvatting."
    world.case.save()
    after = feedparser.parse(client.get(url).content)
    changed = next(e for e in after.entries if e.title == world.case.title)
    assert datetime.fromisoformat(changed.updated) > datetime.fromisoformat(entry.updated)
    assert changed.id == entry.id  # the same entry, changed
    assert after.feed.updated == changed.updated


def test_feed_and_entry_ids_are_at_the_site_address_whatever_the_host(client, world, settings):
    settings.ALLOWED_HOSTS = ["*"]
    for url in [u for u in every_feed_url() if u.endswith("/atom/")]:
        ids = {
            host: [element.text for element in ET.fromstring(client.get(url, HTTP_HOST=host).content).iter(f"{ATOM}id")]
            for host in ("testserver", "www.elders.example")
        }
        assert ids["testserver"] == ids["www.elders.example"], url
        assert all(found.startswith(settings.SITE_URL) for found in ids["testserver"]), url


def test_the_atom_feed_names_the_community_as_author(client, world):
    parsed = feedparser.parse(client.get(reverse("feed-factoren-atom")).content)
    assert parsed.feed.author_detail.name == "Weten wat werkt"
    assert "email" not in parsed.feed.author_detail
