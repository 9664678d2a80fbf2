"""sitemap.xml: the fixed pages and every public case, factor, meeting and term."""

from django.contrib.sitemaps import Sitemap
from django.db.models import F
from django.urls import reverse

from factors.models import Factor
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

    def items(self):
        return self.names

    def location(self, name):
        return reverse(name)


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
        return queries.public_terms().only("slug").order_by("-is_key", "order", "name", "pk")


SITEMAPS = {
    "paginas": StaticSitemap,
    "casussen": CaseSitemap,
    "factoren": FactorSitemap,
    "bijeenkomsten": MeetingSitemap,
    "oogsten": DigestSitemap,
    "begrippen": TermSitemap,
}
