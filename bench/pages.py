"""What the benchmark measures: a table of page name → how to make its URL from the data.

A page whose route does not exist (yet) is reported as missing instead of
failing the run. ``kind`` decides the target a page is held to (bench/report.py):

* ``cached``: public pages that can be cached: at least 0.5 of the bare view's throughput;
* ``uncached``: pages that depend on the query string (filters): at least 0.2;
* ``search``: like ``uncached``, and at scale L a p95 within 10× the bare view's p95;
* ``live``: the live endpoints, measured separately (bench/measure.py).

Needs Django set up (bench/measure.py does it).
"""

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import NoReverseMatch, reverse

from cases.models import Case
from devtools.datagen import COMMON_WORD, LIVE_MEETING_SLUG, LIVE_PRACTICE_SLUG, RARE_WORD
from factors.models import Factor
from meetings.models import Contribution, Meeting

CACHED, UNCACHED, SEARCH, LIVE = "cached", "uncached", "search", "live"


class Samples:
    """The objects the pages show: the heaviest of their kind, so the numbers are not flattered."""

    @cached_property
    def factor(self):
        return Factor.objects.public().annotate(n=Count("case_links")).order_by("-n", "pk").first()

    @cached_property
    def case(self):
        return Case.objects.public().annotate(n=Count("factor_links")).order_by("-n", "pk").first()

    @cached_property
    def filters(self):
        """The theme and municipality that together have the most public cases."""
        row = (
            Case.objects.public()
            .filter(municipality__isnull=False)
            .values("themes__slug", "municipality__slug")
            .annotate(n=Count("pk"))
            .order_by("-n", "themes__slug", "municipality__slug")
            .first()
        )
        return {"thema": row["themes__slug"], "gemeente": row["municipality__slug"]} if row else {}

    @cached_property
    def harvest(self):
        """The public harvest with the most contributions."""
        row = Contribution.objects.public().values("meeting").annotate(n=Count("pk")).order_by("-n", "meeting").first()
        return Meeting.objects.get(pk=row["meeting"]) if row else None


@dataclass(frozen=True)
class Page:
    name: str
    kind: str
    make_url: object  # Samples -> str

    def url(self, samples):
        """The path, or raises ``MissingError`` with the reason."""
        try:
            return self.make_url(samples)
        except NoReverseMatch as error:
            raise MissingError("no route") from error
        except AttributeError as error:  # a sample object that does not exist
            raise MissingError("no data") from error


class MissingError(Exception):
    pass


def _with_query(path, **params):
    return f"{path}?{urlencode(params)}"


PAGES = [
    Page("home", CACHED, lambda s: reverse("home")),
    Page("wat werkt (board)", CACHED, lambda s: reverse("factors:board")),
    Page("factor page", CACHED, lambda s: s.factor.get_absolute_url()),
    Page("factor map", CACHED, lambda s: reverse("factor-map")),
    Page("case library, 2 filters", UNCACHED, lambda s: _with_query(reverse("cases:library"), **s.filters)),
    Page("case page", CACHED, lambda s: s.case.get_absolute_url()),
    Page("search, common word", SEARCH, lambda s: _with_query(reverse("search"), q=COMMON_WORD)),
    Page("search, rare word", SEARCH, lambda s: _with_query(reverse("search"), q=RARE_WORD)),
    Page("meeting harvest", CACHED, lambda s: s.harvest.get_absolute_url()),
    Page("poster PDF", CACHED, lambda s: reverse("meetings:poster", kwargs={"slug": s.harvest.slug})),
    Page("API list", CACHED, lambda s: reverse("api:case-list")),
    Page("feed", CACHED, lambda s: reverse("feed-casussen")),
]

BARE = Page("bare view (baseline)", "bare", lambda s: reverse("bench-bare"))


def live_paths(slug=LIVE_PRACTICE_SLUG):
    """The live endpoints of a live meeting: join, post, the wall and its poll unchanged and changed.

    ``LIVE_PRACTICE_SLUG`` for single endpoints, ``LIVE_MEETING_SLUG`` for the scenario.
    """
    meeting = Meeting.objects.get(slug=slug)
    round_ = meeting.rounds.get(status="active")
    code = meeting.join_code
    changes = reverse("live:wall-changes", kwargs={"code": code})
    return {
        "join": reverse("live:participate", kwargs={"code": code}),
        "guest": reverse("live:guest", kwargs={"code": code}),
        "post": reverse("live:contribute", kwargs={"code": code, "round_pk": round_.pk}),
        "wall": reverse("live:wall", kwargs={"code": code}),
        "wall_unchanged": _with_query(changes, v=meeting.live_version, r=round_.pk),
        # Ten contributions behind: what a wall gets every 2 s in a busy room.
        "wall_changed": _with_query(
            changes, v=max(meeting.live_layout_version, meeting.live_version - 10), r=round_.pk
        ),
        "code": code,
        "round": round_.pk,
        "meeting": meeting.pk,
    }


SCENARIO_SLUG = LIVE_MEETING_SLUG
