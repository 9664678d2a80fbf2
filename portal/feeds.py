"""RSS and Atom feeds of new public knowledge: cases, factors, harvests, and one feed per item.

Every feed reads ``public()`` querysets only, names people only through
``public_name`` and carries the licence (RSS ``<copyright>``, Atom ``<rights>``).
Every entry says when it last changed (Atom ``<updated>``, RFC 4287 requires it), and
every feed names the community as its author, so that an entry without a person of
its own still has one; an entry's own author is a public name, never an address.
Each feed comes in two formats: ``/feeds/<name>/`` (RSS 2.0) and
``/feeds/<name>/atom/`` (Atom 1.0).
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import F, Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cases.models import Reflection
from cop.models import public_name
from factors.models import Factor
from portal import queries

FEED_SIZE = 30
# The author of every feed (Atom requires one on the feed or on every entry).
FEED_AUTHOR = "Weten wat werkt"


@dataclass
class Entry:
    """One feed item, whatever it is about."""

    title: str
    link: str
    description: str
    pubdate: datetime | None
    # The last change of what the entry shows (Atom's <updated>); the pubdate when unknown.
    updated: datetime | None = None
    guid: str = ""
    author: str = ""
    categories: list = field(default_factory=list)


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def latest(*moments):
    """The newest of ``moments`` that are set, or None."""
    return max((moment for moment in moments if moment), default=None)


def summary(text, words=60):
    return Truncator(queries.plain_text(text)).words(words)


class PortalFeed(Feed):
    """RSS 2.0; ``atom()`` makes the Atom twin of a feed class."""

    feed_type = Rss201rev2Feed
    language = "nl"
    author_name = FEED_AUTHOR

    def author_link(self):
        return f"{settings.SITE_URL}/"

    def feed_guid(self, obj):
        # Atom's feed <id>: the page the feed is about, at the site's own address (like the
        # entries' ids), so it stays the same whatever host name a reader used.
        return f"{settings.SITE_URL}{self._get_dynamic_attr('link', obj)}"

    def feed_copyright(self):
        return _("Licentie: %(name)s (%(url)s)") % {"name": settings.COP_LICENCE_NAME, "url": settings.COP_LICENCE_URL}

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # RSS readers read an item's description as HTML and Atom's is <summary type="html">;
        # every description here is plain text (summaries, statements, plain_text() of rich
        # text, which unescapes), so escape it: "<img …>" typed in a summary stays text.
        return escape(item.description)

    def item_link(self, item):
        return item.link

    def item_guid(self, item):
        # Stable across host names: an identifier, not a link.
        return f"{settings.SITE_URL}{item.guid or item.link}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.pubdate

    def item_updateddate(self, item):
        return latest(item.updated, item.pubdate) or EPOCH

    def item_author_name(self, item):
        # A public name; a display name typed as an e-mail address is left out.
        return item.author if item.author and "@" not in item.author else None

    def item_categories(self, item):
        return item.categories


def atom(feed_class):
    """The Atom 1.0 twin of an RSS feed class."""
    return type(
        f"{feed_class.__name__}Atom",
        (feed_class,),
        {"feed_type": Atom1Feed, "subtitle": property(lambda self: self.description)},
    )


# --- the site-wide feeds --------------------------------------------------------------------


def case_entry(case):
    author = case.organisation.name if case.organisation_id else public_name(case.owner, case.perspective)
    place = f"{case.municipality} · " if case.municipality_id else ""
    return Entry(
        title=case.title,
        link=case.get_absolute_url(),
        description=f"{place}{case.summary}",
        pubdate=case.published_at,
        updated=case.updated_at,
        author=str(author),
        categories=[theme.name for theme in case.themes.all()],
    )


class CasesFeed(PortalFeed):
    def title(self):
        return _("Nieuwe casussen · Weten wat werkt")

    def link(self):
        return reverse("cases:library")

    def description(self):
        return _("Nieuw gepubliceerde praktijkvoorbeelden van gebiedsgericht werken in Gelderland.")

    def items(self):
        cases = (
            queries.public_cases()
            .select_related("municipality", "organisation", "owner__profile__organisation")
            .prefetch_related("themes")
            .order_by(F("published_at").desc(nulls_last=True), "-pk")[:FEED_SIZE]
        )
        return [case_entry(case) for case in cases]


def factor_entry(factor):
    return Entry(
        title=f"{factor.name} ({factor.get_kind_display()})",
        link=factor.get_absolute_url(),
        description=factor.statement,
        pubdate=factor.accepted_at or factor.created_at,
        updated=factor.updated_at,
        categories=[str(factor.get_kind_display())] + ([factor.cluster.name] if factor.cluster_id else []),
    )


class FactorsFeed(PortalFeed):
    def title(self):
        return _("Nieuwe werkzame factoren en belemmeringen · Weten wat werkt")

    def link(self):
        return reverse("factors:board")

    def description(self):
        return _("Werkzame factoren en belemmeringen die de Community of Practice heeft aanvaard.")

    def items(self):
        factors = (
            Factor.objects.public()
            .select_related("cluster")
            .order_by(F("accepted_at").desc(nulls_last=True), "-created_at", "-pk")[:FEED_SIZE]
        )
        return [factor_entry(factor) for factor in factors]


def harvest_entry(meeting):
    return Entry(
        title=_("Oogst: %(title)s") % {"title": meeting.title},
        link=meeting.get_absolute_url(),
        description=summary(meeting.summary) or meeting.goal,
        pubdate=meeting.published_at or meeting.starts_at,
        updated=meeting.updated_at,
        guid=f"{meeting.get_absolute_url()}#oogst",
    )


class HarvestsFeed(PortalFeed):
    def title(self):
        return _("Gepubliceerde oogsten · Weten wat werkt")

    def link(self):
        return reverse("meetings:list")

    def description(self):
        return _("Wat bijeenkomsten van de Community of Practice hebben opgeleverd.")

    def items(self):
        meetings = queries.public_harvests().order_by(F("published_at").desc(nulls_last=True), "-pk")[:FEED_SIZE]
        return [harvest_entry(meeting) for meeting in meetings]


# --- one feed per case, factor and harvest --------------------------------------------------


def _newest_first(entries):
    return sorted(entries, key=lambda e: e.pubdate or EPOCH, reverse=True)[:FEED_SIZE]


class CaseFeed(PortalFeed):
    """A case, the reflections on it and the harvests of meetings that discussed it."""

    def get_object(self, request, slug):
        return get_object_or_404(
            queries.public_cases().select_related("municipality", "organisation", "owner__profile__organisation"),
            slug=slug,
        )

    def title(self, case):
        return _("Casus %(title)s · Weten wat werkt") % {"title": case.title}

    def link(self, case):
        return case.get_absolute_url()

    def description(self, case):
        return case.summary

    def items(self, case):
        reflections = (
            Reflection.objects.public()
            .filter(case=case)
            .select_related("author__profile__organisation")
            .order_by("-created_at")[:FEED_SIZE]
        )
        entries = [
            Entry(
                title=_("Reflectie %(phrase)s") % {"phrase": public_name(r.author, r.perspective)},
                link=f"{case.get_absolute_url()}#reflectie-{r.pk}",
                description=" ".join(part for part in (r.strikes, r.learns) if part),
                pubdate=r.created_at,
                updated=r.updated_at,
                author=str(public_name(r.author, r.perspective)),
            )
            for r in reflections
        ]
        entries += [harvest_entry(m) for m in queries.public_harvests().filter(presented_cases=case)[:FEED_SIZE]]
        entries.append(case_entry(case))
        return _newest_first(entries)


class FactorFeed(PortalFeed):
    """A factor and its new evidence: cases that name it, harvests that clustered contributions onto it."""

    def get_object(self, request, slug):
        return get_object_or_404(Factor.objects.public().select_related("cluster"), slug=slug)

    def title(self, factor):
        return _("%(name)s · Weten wat werkt") % {"name": factor.name}

    def link(self, factor):
        return factor.get_absolute_url()

    def description(self, factor):
        return factor.statement

    def items(self, factor):
        links = (
            queries.public_case_links()
            .filter(factor=factor)
            .select_related("case")
            .order_by(F("case__published_at").desc(nulls_last=True))[:FEED_SIZE]
        )
        entries = [
            Entry(
                title=_("Casus: %(title)s") % {"title": link.case.title},
                link=link.case.get_absolute_url(),
                description=link.explanation or link.case.summary,
                pubdate=link.case.published_at,
                updated=link.case.updated_at,
            )
            for link in links
        ]
        harvests = (
            queries.public_harvests()
            .filter(contributions__factor=factor, contributions__hidden=False)
            .distinct()
            .order_by(F("published_at").desc(nulls_last=True))[:FEED_SIZE]
        )
        entries += [harvest_entry(m) for m in harvests]
        entries.append(factor_entry(factor))
        return _newest_first(entries)


class HarvestFeed(PortalFeed):
    """One published harvest: the factors it named and the cases it discussed."""

    def get_object(self, request, slug):
        return get_object_or_404(queries.public_harvests(), slug=slug)

    def title(self, meeting):
        return _("Oogst van %(title)s · Weten wat werkt") % {"title": meeting.title}

    def link(self, meeting):
        return meeting.get_absolute_url()

    def description(self, meeting):
        return summary(meeting.summary) or meeting.goal

    def items(self, meeting):
        rows, _unclustered = queries.harvest_factors(meeting)
        pubdate = meeting.published_at or meeting.starts_at
        entries = [harvest_entry(meeting)]
        entries += [
            Entry(
                title=f"{row['factor'].name} ({row['factor'].get_kind_display()})",
                link=row["factor"].get_absolute_url(),
                description=ngettext("%(n)s bijdrage", "%(n)s bijdragen", row["contributions"])
                % {"n": row["contributions"]}
                + " · "
                + ngettext("%(n)s stip", "%(n)s stippen", row["votes"]) % {"n": row["votes"]},
                pubdate=pubdate,
                updated=latest(meeting.updated_at, row["factor"].updated_at),
                guid=f"{meeting.get_absolute_url()}#factor-{row['factor'].slug}",
            )
            for row in rows
        ]
        cases = (
            queries.public_cases()
            .filter(meetings=meeting)
            .prefetch_related(Prefetch("themes"))
            .select_related("municipality", "organisation", "owner__profile__organisation")
        )
        entries += [case_entry(case) for case in cases]
        return entries[:FEED_SIZE]


FEEDS = {
    "casussen": CasesFeed,
    "factoren": FactorsFeed,
    "oogsten": HarvestsFeed,
}
ITEM_FEEDS = {
    "casussen": CaseFeed,
    "factoren": FactorFeed,
    "oogsten": HarvestFeed,
}
