"""schema.org metadata as JSON-LD: ``{% load jsonld %}{% jsonld obj %}`` on a case, factor, meeting or term page.

It reads the objects by their fields alone (no app imports), so every app's templates may load it.

``{% permalink_head obj %}`` puts the canonical link, the item's own feed (RSS and
Atom alternates) and the JSON-LD in ``<head>``; ``{% permalink obj %}`` shows the
permanent link with a citation on the page. Both say nothing about objects that
are not public.

Each type carries only the properties schema.org defines for it (checked against the
vocabulary by tests/portal/test_jsonld_vocabulary.py): licence, publisher and language
belong to the creative works (a case is an Article, a harvest a CreativeWork), not to
an Event or a DefinedTerm.

Only public objects get metadata (a member's view of a community-only case says
nothing to search engines). The JSON is escaped like Django's ``json_script``
(``<``, ``>`` and ``&`` as ``\\u00XX``), so no text in it can close the script
element; a ``type="application/ld+json"`` block is data, which the
Content-Security-Policy does not execute.
"""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from cop.richtext import plain_text

register = template.Library()

JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
PUBLISHER = {"@type": "Organization", "name": "Community of Practice gebiedsgericht werken Gelderland"}
# What a published work says about its use (CreativeWork properties).
WORK = {"license": settings.COP_LICENCE_URL, "publisher": PUBLISHER, "inLanguage": "nl", "isAccessibleForFree": True}


def _absolute(request, path):
    return request.build_absolute_uri(path) if request is not None else f"{settings.SITE_URL}{path}"


def _plain(html):
    return plain_text(html)


def _iso(value):
    return value.isoformat() if value else None


def case_data(case, request):
    if not case.is_public:
        return None
    data = {
        "@type": "Article",
        "headline": case.title,
        "name": case.title,
        "description": case.summary,
        "datePublished": _iso(case.published_at),
        "dateModified": _iso(case.updated_at),
        "keywords": [theme.name for theme in case.themes.all()],
        **WORK,
    }
    if case.municipality_id:
        place = {"@type": "Place", "name": str(case.area or case.municipality)}
        data["spatialCoverage"] = place
    if case.organisation_id:
        data["sourceOrganization"] = {"@type": "Organization", "name": case.organisation.name}
    return data


def factor_data(factor, request):
    if factor.status != factor.Status.ACCEPTED:
        return None
    return {
        "@type": "DefinedTerm",
        "name": factor.name,
        "description": factor.statement,
        # The kind ("working" or "obstacle") is the code within the set; a DefinedTerm has no
        # dates, licence or publisher (those are CreativeWork properties).
        "termCode": factor.kind,
        "inDefinedTermSet": {
            "@type": "DefinedTermSet",
            "name": "Wat werkt in gebiedsgericht werken",
            "url": _absolute(request, reverse("factors:board")),
        },
    }


def meeting_data(meeting, request):
    if meeting.visibility != meeting.Visibility.PUBLIC:
        return None
    data = {
        "@type": "Event",
        "name": meeting.title,
        "description": meeting.goal,
        "startDate": _iso(meeting.starts_at),
        "endDate": _iso(meeting.ends_at),
        "eventStatus": "https://schema.org/EventScheduled",
        "organizer": PUBLISHER,
        "inLanguage": "nl",
        "isAccessibleForFree": True,
    }
    places = []
    if meeting.location_name or meeting.address:
        place = {"@type": "Place", "name": meeting.location_name or meeting.address}
        if meeting.address:
            place["address"] = meeting.address  # schema.org takes an address as text, too
        places.append(place)
    if meeting.online_url:
        # The link itself stays with those who registered, and the meeting page is not the place.
        places.append({"@type": "VirtualLocation", "name": "Online"})
    if places:
        data["location"] = places[0] if len(places) == 1 else places
    modes = {
        (True, False): "OfflineEventAttendanceMode",
        (False, True): "OnlineEventAttendanceMode",
        (True, True): "MixedEventAttendanceMode",
    }
    mode = modes.get((bool(meeting.location_name or meeting.address), bool(meeting.online_url)))
    if mode:
        data["eventAttendanceMode"] = f"https://schema.org/{mode}"
    if meeting.harvest_is_public:
        data["subjectOf"] = {
            "@type": "CreativeWork",
            "name": f"Oogst: {meeting.title}",
            "abstract": _plain(meeting.summary),
            "datePublished": _iso(meeting.published_at),
            "url": _absolute(request, meeting.get_absolute_url()),
            **WORK,
        }
    return data


def term_data(term, request):
    current = term.current_version
    if current is None:
        return None
    return {
        "@type": "DefinedTerm",
        "name": term.name,
        "description": _plain(current.definition),
        "inDefinedTermSet": {
            "@type": "DefinedTermSet",
            "name": "Begrippen van de CoP gebiedsgericht werken",
            "url": _absolute(request, reverse("glossary")),
        },
    }


BUILDERS = {"case": case_data, "factor": factor_data, "meeting": meeting_data, "term": term_data}


def jsonld_data(obj, request=None):
    """The schema.org dict for ``obj``, or None when it is not public (or not a known model)."""
    builder = BUILDERS.get(obj._meta.model_name) if hasattr(obj, "_meta") else None
    data = builder(obj, request) if builder else None
    if data is None:
        return None
    url = _absolute(request, obj.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        **data,
        "url": url,
        "@id": url,
    }
    return _without_empty(data)


def _without_empty(data):
    """``data`` without empty values, nested items included (schema.org has no use for ``""``)."""
    if isinstance(data, dict):
        data = {key: _without_empty(value) for key, value in data.items()}
        return {key: value for key, value in data.items() if value not in (None, "", [], {})}
    if isinstance(data, list):
        return [value for value in map(_without_empty, data) if value not in (None, "", [], {})]
    return data


def dumps(data):
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_ESCAPES)


@register.simple_tag(takes_context=True)
def jsonld(context, obj):
    data = jsonld_data(obj, context.get("request")) if obj else None
    if data is None:
        return ""
    # The JSON is escaped by dumps() so that it cannot end the script element.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(dumps(data)))


# The per-item feeds of portal.feeds (ITEM_FEEDS) by model.
ITEM_FEED_NAMES = {"case": "casussen", "factor": "factoren", "meeting": "oogsten"}


def is_public(obj):
    """True when a visitor may read ``obj`` (a case, factor, meeting or term)."""
    name = obj._meta.model_name if hasattr(obj, "_meta") else ""
    if name == "case":
        return obj.is_public
    if name == "factor":
        return obj.is_public
    if name == "meeting":
        return obj.visibility == obj.Visibility.PUBLIC
    if name == "term":
        return obj.current_version is not None
    return False


def item_feed(obj):
    """``(rss url, atom url)`` of the object's own feed, or None (a meeting has one once its harvest is public)."""
    name = obj._meta.model_name
    if name not in ITEM_FEED_NAMES or not is_public(obj):
        return None
    if name == "meeting" and not obj.harvest_is_public:
        return None
    feed = ITEM_FEED_NAMES[name]
    return (
        reverse(f"feed-{feed}-item", kwargs={"slug": obj.slug}),
        reverse(f"feed-{feed}-item-atom", kwargs={"slug": obj.slug}),
    )


def _title(obj):
    return getattr(obj, "title", None) or getattr(obj, "name", "") or str(obj)


def _year(obj):
    if obj._meta.model_name == "term" and obj.current_version is not None:
        obj = obj.current_version
    for attribute in ("published_at", "accepted_at", "starts_at", "created_at"):
        value = getattr(obj, attribute, None)
        if value:
            return value.year
    return None


@register.inclusion_tag("portal/partials/_permalink_head.html", takes_context=True)
def permalink_head(context, obj, canonical=True):
    if obj is None or not is_public(obj):
        return {"public": False}
    return {
        "public": True,
        "canonical": f"{settings.SITE_URL}{obj.get_absolute_url()}" if canonical else "",
        "feed": item_feed(obj),
        "title": _title(obj),
        "jsonld": jsonld(context, obj),
    }


@register.inclusion_tag("portal/partials/_permalink.html")
def permalink(obj):
    if obj is None or not is_public(obj):
        return {"public": False}
    return {
        "public": True,
        "url": f"{settings.SITE_URL}{obj.get_absolute_url()}",
        "title": _title(obj),
        # "z.d." (zonder datum) is how Dutch citations mark a missing year.
        "year": _year(obj) or _("z.d."),
        "feed": item_feed(obj),
        "licence_name": settings.COP_LICENCE_NAME,
        "licence_url": settings.COP_LICENCE_URL,
    }
