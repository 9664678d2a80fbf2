"""sitemap.xml: the fixed pages and every public case, factor, meeting, series, digest and term.

Every entry has a ``lastmod`` (so every section of the index has one too): an
object's last change, and for a fixed page the newest change of the content it
shows (for the fixed texts, of anything public).
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import F, Max, Q
from django.urls import reverse

from cop.models import TermVersion
from factors.models import Factor
from meetings.models import Meeting, Series
from portal import queries


class PortalSitemap(Sitemap):
    limit = 5000


class StaticSitemap(PortalSitemap):
    changefreq = "weekly"
    names = [
        "home",
        "factors:board",
        "factor-map",
        "perspective-matrix",
        "cases:library",
        "meetings:list",
        "glossary",
        "search",
        "open-data",
        "open-data-catalogue",
        "api-root",
        "about",
        "privacy",
        "accessibility",
    ]

    # The content each fixed page shows; a page not named here shows (or describes) all of it.
    sources = {
        "factors:board": ("factors", "cases"),
        "factor-map": ("factors", "cases"),
        "perspective-matrix": ("factors", "cases"),
        "cases:library": ("cases",),
        "meetings:list": ("meetings",),
        "glossary": ("terms",),
    }

    def __init__(self):
        self._changes = None

    def items(self):
        return self.names

    def location(self, name):
        return reverse(name)

    def changes(self):
        """The newest change of each kind of public content (one query each, once per sitemap)."""
        if self._changes is None:
            self._changes = {
                "cases": queries.public_cases().aggregate(at=Max("updated_at"))["at"],
                "factors": Factor.objects.public().aggregate(at=Max("updated_at"))["at"],
                "meetings": queries.public_meetings().aggregate(at=Max("updated_at"))["at"],
                "terms": TermVersion.objects.public().aggregate(at=Max("accepted_at"))["at"],
            }
        return self._changes

    def lastmod(self, name):
        changes = self.changes()
        return max((changes[kind] for kind in self.sources.get(name, changes) if changes[kind]), default=None)


class CaseSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return queries.public_cases().only("slug", "updated_at").order_by("-published_at", "-pk")

    def lastmod(self, case):
        return case.updated_at


class FactorSitemap(PortalSitemap):
    changefreq = "weekly"

    def items(self):
        return Factor.objects.public().only("slug", "updated_at").order_by("kind", "order", "name", "pk")

    def lastmod(self, factor):
        return factor.updated_at


class MeetingSitemap(PortalSitemap):
    changefreq = "weekly"

    def items(self):
        return queries.public_meetings().only("slug", "updated_at").order_by(F("starts_at").desc(), "pk")

    def lastmod(self, meeting):
        return meeting.updated_at


class SeriesSitemap(PortalSitemap):
    """The public series; a series changes when one of its public meetings does."""

    changefreq = "monthly"

    def items(self):
        public = Q(meetings__visibility=Meeting.Visibility.PUBLIC)
        return (
            Series.objects.public()
            .only("slug", "created_at")
            .annotate(meetings_changed=Max("meetings__updated_at", filter=public))
            .order_by("order", "title", "pk")
        )

    def lastmod(self, series):
        return max(moment for moment in (series.created_at, series.meetings_changed) if moment)


class DigestSitemap(PortalSitemap):
    """*Wat is er opgehaald*: the digest of every public harvest."""

    changefreq = "monthly"

    def items(self):
        return queries.public_harvests().only("slug", "updated_at").order_by(F("published_at").desc(), "pk")

    def location(self, meeting):
        return reverse("meetings:digest", kwargs={"slug": meeting.slug})

    def lastmod(self, meeting):
        return meeting.updated_at


class TermSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        accepted = Q(versions__status=TermVersion.Status.ACCEPTED)
        return (
            queries.public_terms()
            .only("slug", "created_at")
            .annotate(accepted_at=Max("versions__accepted_at", filter=accepted))
            .order_by("-is_key", "order", "name", "pk")
        )

    def lastmod(self, term):
        # The acceptance of its current definition.
        return term.accepted_at or term.created_at


SITEMAPS = {
    "paginas": StaticSitemap,
    "casussen": CaseSitemap,
    "factoren": FactorSitemap,
    "bijeenkomsten": MeetingSitemap,
    "reeksen": SeriesSitemap,
    "oogsten": DigestSitemap,
    "begrippen": TermSitemap,
}
