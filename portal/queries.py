"""The portal's read side: public data gathered across the apps for visuals, API and exports.

Everything here starts from the apps' own ``public()`` querysets, so that the
publication rules live in one place per model. The portal may read all apps
(DESIGN.md); the apps never import this module.

Evidence counts and strength come from ``Factor.objects.with_evidence()`` (the
factors app, see docs/evidence.md), called without a viewer: what a visitor sees.
"""

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.core.cache import caches
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import TruncQuarter
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

import visuals
from cases.models import Case, CaseFactor
from cop.models import Perspective, Term, TermVersion, anonymous_label
from cop.richtext import plain_text  # noqa: F401  (the portal's callers read it here)
from factors import evidence
from factors.charts import (  # noqa: F401
    BOARD_PAGE_PER_GROUP,
    as_date,
    board_chart_from_board,
    board_row,
    evidence_of,
    evidence_periods,
    factor_evidence_chart,
)
from factors.display import perspective_label
from factors.evidence import LEVEL_MAX
from factors.models import Cluster, Factor, FactorRelation
from glossary.charts import term_timeline_chart, timeline_row  # noqa: F401
from meetings.charts import harvest_board_chart, harvest_rows_from_rounds  # noqa: F401
from meetings.models import Contribution, Meeting, Round, Vote

MAP_MAX_FACTORS = 60
MAP_MAX_CASES = 150
MATRIX_MAX_FACTORS = 40
LAYOUT_CACHE_SECONDS = 30 * 24 * 3600


# --- evidence ----------------------------------------------------------------------


def public_case_links():
    return CaseFactor.objects.filter(case__status=Case.Status.PUBLISHED, case__visibility=Case.Visibility.PUBLIC)


def public_factors(*, theme=None, kind=None, cluster=None):
    """Accepted factors with the evidence a visitor may see (``Factor.objects.with_evidence()``)."""
    factors = Factor.objects.public().with_evidence()
    if theme:
        factors = factors.filter(themes__slug=theme)
    if kind:
        factors = factors.filter(kind=kind)
    if cluster:
        factors = factors.filter(cluster__slug=cluster)
    return factors


# --- the visuals' data ----------------------------------------------------------------


def board_chart(*, theme=None, uid="wat-werkt", per_group=None):
    """The Wat werkt board of all public factors (2 queries); ``per_group`` keeps the strongest per cluster."""
    rows = [board_row(factor) for factor in public_factors(theme=theme).select_related("cluster")]
    clusters = list(Cluster.objects.order_by("order", "name").values_list("name", flat=True))
    return visuals.board(rows, clusters=clusters, uid=uid, per_group=per_group, max_strength=LEVEL_MAX)


HOME_FACTORS_PER_KIND = 3


def strongest_factors(per_kind=HOME_FACTORS_PER_KIND):
    """``(working, obstacles)``: the strongest public factors of each kind, as a visitor sees them (2 queries)."""
    strongest = Factor.objects.strongest().select_related("cluster")
    return (
        list(strongest.filter(kind=Factor.Kind.WORKING)[:per_kind]),
        list(strongest.filter(kind=Factor.Kind.OBSTACLE)[:per_kind]),
    )


def explain_strongest(working, obstacles):
    """Add what the home page says about each strongest factor (3 queries, whatever the number).

    ``factor.evidence_perspectives``: the labels of the perspectives behind its public
    evidence; ``obstacle.helped_by_factors``: the public working factors the CoP
    found to help against it, strongest first.
    """
    factors = [*working, *obstacles]
    perspectives = evidence.perspectives_by_factor([f.pk for f in factors])
    for factor in factors:
        factor.evidence_perspectives = [perspective_label(value) for value in perspectives.get(factor.pk, [])]
    helpers = defaultdict(list)
    relations = (
        FactorRelation.objects.filter(
            kind=FactorRelation.Kind.HELPS_AGAINST,
            to_factor__in=[o.pk for o in obstacles],
            from_factor__in=Factor.objects.public().values("pk"),
        )
        .select_related("from_factor")
        .order_by("from_factor__name")
    )
    for relation in relations:
        helpers[relation.to_factor_id].append(relation.from_factor)
    for obstacle in obstacles:
        obstacle.helped_by_factors = helpers.get(obstacle.pk, [])
    return working, obstacles


def strongest_chart(working, obstacles, *, uid="sterkste-factoren"):
    """The compact board: the strongest working factors beside the strongest obstacles, no clusters."""
    return visuals.board(
        [board_row(factor) for factor in [*working, *obstacles]],
        uid=uid,
        grouped=False,
        title=_("Wat werkt en wat belemmert: de sterkst onderbouwde factoren"),
        max_strength=LEVEL_MAX,
    )


def _layout_key(node_ids, edges):
    """A data version of the graph: it changes exactly when nodes or links change."""
    digest = hashlib.sha256()
    digest.update(",".join(sorted(node_ids)).encode())
    digest.update(b"|")
    digest.update(",".join(sorted(f"{a}-{b}" for a, b in edges)).encode())
    return f"portal:factor-map:v1:{digest.hexdigest()}"


def cached_positions(node_ids, edges):
    """Spring-layout positions, computed once per graph version and kept in the cache."""
    key = _layout_key(node_ids, edges)
    positions = caches["pages"].get(key)
    if positions is None:
        positions = visuals.spring_positions(node_ids, edges)
        caches["pages"].set(key, positions, LAYOUT_CACHE_SECONDS)
    return positions


def factor_map_chart(*, theme=None, max_factors=MAP_MAX_FACTORS, max_cases=MAP_MAX_CASES, uid="factorkaart"):
    """The factor map: the strongest public factors and the public cases that name them (2 queries)."""
    factors = list(public_factors(theme=theme).by_strength()[:max_factors])
    links = list(
        public_case_links()
        .filter(factor_id__in=[f.pk for f in factors])
        .order_by("case_id", "factor_id")
        .values_list("factor_id", "case_id", "case__title", "case__slug")
    )
    per_case = Counter(case_id for _factor, case_id, _title, _slug in links)
    kept = {case_id for case_id, _n in sorted(per_case.items(), key=lambda item: (-item[1], -item[0]))[:max_cases]}
    cases = {}
    edges = []
    for factor_id, case_id, title, slug in links:
        if case_id in kept:
            cases[case_id] = {"id": f"c{case_id}", "name": title, "url": reverse("cases:detail", kwargs={"slug": slug})}
            edges.append((f"f{factor_id}", f"c{case_id}"))
    factor_nodes = [
        {
            "id": f"f{f.pk}",
            "name": f.name,
            "kind": f.kind,
            "url": f.get_absolute_url(),
            "weight": evidence_of(f)["level"] + 1,
        }
        for f in factors
    ]
    case_nodes = [cases[case_id] for case_id in sorted(cases)]
    node_ids = [n["id"] for n in factor_nodes + case_nodes]
    positions = cached_positions(node_ids, edges)
    return visuals.factor_map(factor_nodes, case_nodes, edges, positions, uid=uid)


def perspective_choices():
    return [{"key": key, "label": str(label)} for key, label in Perspective.choices]


def perspective_matrix_chart(*, theme=None, kind=None, max_factors=MATRIX_MAX_FACTORS, uid="perspectieven"):
    """Factor × perspective: public cases (their perspective) and public contributions (3 queries)."""
    factors = list(public_factors(theme=theme, kind=kind).by_strength()[:max_factors])
    ids = [f.pk for f in factors]
    counts = defaultdict(Counter)
    by_case = (
        public_case_links()
        .filter(factor_id__in=ids)
        .values("factor_id", "case__perspective")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in by_case:
        counts[row["factor_id"]][row["case__perspective"]] += row["n"]
    by_contribution = (
        Contribution.objects.evidence()
        .filter(factor_id__in=ids)
        .values("factor_id", "perspective")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in by_contribution:
        counts[row["factor_id"]][row["perspective"]] += row["n"]
    rows = [
        {"name": f.name, "kind": f.kind, "url": f.get_absolute_url(), "counts": dict(counts[f.pk])} for f in factors
    ]
    return visuals.perspective_matrix(rows, perspective_choices(), uid=uid)


def evidence_over_time_chart(*, factor=None, quarters=16, uid="onderbouwing-in-de-tijd"):
    """New public evidence per quarter (2 queries), for all factors or one."""
    links = public_case_links().filter(factor__status=Factor.Status.ACCEPTED, case__published_at__isnull=False)
    contributions = Contribution.objects.evidence().filter(factor__status=Factor.Status.ACCEPTED)
    if factor is not None:
        links = links.filter(factor=factor)
        contributions = contributions.filter(factor=factor)
    by_case = (
        links.annotate(quarter=TruncQuarter("case__published_at"))
        .values("quarter")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("quarter", "n")
    )
    by_contribution = (
        contributions.annotate(quarter=TruncQuarter("meeting__starts_at"))
        .values("quarter")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("quarter", "n")
    )
    case_counts, contribution_counts = Counter(), Counter()
    for quarter, n in by_case:
        case_counts[as_date(quarter)] += n
    for quarter, n in by_contribution:
        contribution_counts[as_date(quarter)] += n
    return visuals.evidence_over_time(evidence_periods(case_counts, contribution_counts, quarters=quarters), uid=uid)


def definition_timeline_chart(term, *, uid="definitie-historie"):
    """The accepted versions of ``term`` with the public meeting that agreed each (2 queries)."""
    versions = (
        TermVersion.objects.public()
        .filter(term=term)
        .order_by("number")
        .prefetch_related(
            Prefetch("agreed_in_meetings", queryset=Meeting.objects.public().order_by("starts_at"), to_attr="meetings")
        )
    )
    rows = [timeline_row(version, version.meetings) for version in versions]
    return visuals.definition_timeline(rows, term=term.name, uid=uid)


def harvest_factors(meeting):
    """``([{"factor", "contributions", "votes"}], unclustered)`` of a meeting (3 queries).

    Only visible contributions and accepted factors count; what sits on a proposed
    factor counts as not clustered yet.
    """
    contributions = Contribution.objects.filter(meeting=meeting, hidden=False)
    per_factor = dict(
        contributions.filter(factor__status=Factor.Status.ACCEPTED)
        .values("factor_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("factor_id", "n")
    )
    unclustered = contributions.exclude(factor__status=Factor.Status.ACCEPTED).count()
    votes = dict(
        Vote.objects.counted()
        .filter(round__meeting=meeting, factor__status=Factor.Status.ACCEPTED)
        .values("factor_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("factor_id", "n")
    )
    factors = Factor.objects.public().filter(pk__in=set(per_factor) | set(votes)).order_by("kind", "order", "name")
    rows = [{"factor": f, "contributions": per_factor.get(f.pk, 0), "votes": votes.get(f.pk, 0)} for f in factors]
    rows.sort(key=lambda row: (-row["votes"], -row["contributions"]))
    return rows, unclustered


def harvest_chart(meeting, *, public_only=True, uid="oogst"):
    """A meeting's harvest board: contributions and votes per factor (4 queries).

    ``public_only`` (the default) gives None unless the harvest is published and
    public; the facilitator's console may pass ``False`` to preview it.
    """
    if public_only and not meeting.harvest_is_public:
        return None
    rows, unclustered = harvest_factors(meeting)
    return harvest_board_chart(meeting, rows, unclustered, uid=uid)


# --- the digest of a meeting: *wat is er opgehaald* ------------------------------------


@dataclass
class Digest:
    """What a published meeting yielded, for people who were not there (``harvest_digest``)."""

    meeting: object
    new_factors: list  # [{"factor", "contributions", "votes"}]: no public evidence before this meeting
    strengthened: list  # the same rows for factors that already had evidence
    unclustered: int
    versions: list  # TermVersion, with ``previous_number`` (None for a first version)
    cases: list

    @property
    def rows(self):
        """All factors of the harvest, most dots first."""
        return sorted(self.new_factors + self.strengthened, key=lambda row: (-row["votes"], -row["contributions"]))

    @property
    def top_factor(self):
        """The factor with the most dots, or None when none got any or several tie (see ``top_factors``)."""
        top = self.top_factors
        return top[0] if len(top) == 1 else None

    @property
    def top_votes(self):
        return max((row["votes"] for row in self.rows), default=0)

    @property
    def top_factors(self):
        """Every factor with the most dots (a tie gives several), by name; empty without dots."""
        most = self.top_votes
        if not most:
            return []
        return sorted((row["factor"] for row in self.rows if row["votes"] == most), key=lambda f: f.name.lower())

    @property
    def is_empty(self):
        return not (self.new_factors or self.strengthened or self.versions or self.cases)


def harvest_quotes(meeting, *, per_factor=2, factors=4):
    """What the room said, for a poster: ``[{"factor", "quotes": [contribution]}]`` (1 query).

    The accepted factors with the most contributions first (``factors`` of them), up to
    ``per_factor`` contributions each, the longer (more telling) ones first; then, with
    ``factor`` None and when fewer factors were found, contributions on no accepted factor. Only visible contributions, each
    with its anonymous ``public_label`` (the perspective, never a name).
    """
    found = defaultdict(list)
    for contribution in (
        Contribution.objects.filter(meeting=meeting, hidden=False).select_related("factor").order_by("created_at", "pk")
    ):
        key = contribution.factor if contribution.factor_id and contribution.factor.is_public else None
        contribution.public_label = anonymous_label(contribution.perspective)
        found[key].append(contribution)
    loose = found.pop(None, [])
    ranked = sorted(found.items(), key=lambda item: (-len(item[1]), item[0].name.lower()))[:factors]
    groups = [
        {"factor": factor, "count": len(items), "quotes": sorted(items, key=lambda c: -len(c.text))[:per_factor]}
        for factor, items in ranked
    ]
    if loose and len(groups) < factors:
        groups.append(
            {"factor": None, "count": len(loose), "quotes": sorted(loose, key=lambda c: -len(c.text))[:per_factor]}
        )
    return groups


def digest_cases(meeting, user=None):
    """The cases a meeting discussed: presented, in a round, or named by a contribution (1 query).

    ``user`` None gives public cases only; a member also sees community-only ones.
    """
    presented = Meeting.presented_cases.through.objects.filter(case_id=OuterRef("pk"), meeting_id=meeting.pk)
    in_round = Round.objects.filter(case_id=OuterRef("pk"), meeting_id=meeting.pk)
    named = Contribution.objects.filter(case_id=OuterRef("pk"), meeting_id=meeting.pk, hidden=False)
    return list(
        Case.objects.listed_for(user)
        .filter(Q(Exists(presented)) | Q(Exists(in_round)) | Q(Exists(named)))
        .select_related("municipality", "area")
        .order_by("title")
    )


def harvest_digest(meeting, user=None):
    """New and strengthened factors, agreed definitions and discussed cases of a meeting (7 queries).

    A factor is *new* when this meeting is its first public evidence: no public
    case named it before the meeting and no earlier public harvest clustered a
    contribution onto it. Every other factor the meeting clustered or voted on
    is *strengthened*.
    """
    rows, unclustered = harvest_factors(meeting)
    earlier_contributions = Contribution.objects.evidence().filter(
        factor_id=OuterRef("pk"), meeting__starts_at__lt=meeting.starts_at
    )
    earlier_cases = public_case_links().filter(factor_id=OuterRef("pk"), case__published_at__lt=meeting.starts_at)
    seen_before = set()
    if rows:
        seen_before = set(
            Factor.objects.filter(pk__in=[row["factor"].pk for row in rows])
            .filter(Q(Exists(earlier_contributions)) | Q(Exists(earlier_cases)))
            .values_list("pk", flat=True)
        )
    previous = (
        TermVersion.objects.public()
        .filter(term_id=OuterRef("term_id"), number__lt=OuterRef("number"))
        .order_by("-number")
        .values("number")[:1]
    )
    versions = list(
        TermVersion.objects.public()
        .filter(agreed_in_meetings=meeting)
        .select_related("term")
        .annotate(previous_number=Subquery(previous))
        .order_by("-term__is_key", "term__order", "term__name", "number")
    )
    return Digest(
        meeting=meeting,
        new_factors=[row for row in rows if row["factor"].pk not in seen_before],
        strengthened=[row for row in rows if row["factor"].pk in seen_before],
        unclustered=unclustered,
        versions=versions,
        cases=digest_cases(meeting, user),
    )


# --- the home page and the posters ---------------------------------------------------------

LEADING_TERMS = ("gebiedsgericht-werken", "kerngericht-werken")
NEWEST_CASES = 6


def key_terms(user=None):
    """The key terms with the versions ``user`` may read (3 queries): *gebiedsgericht werken* first,
    *kerngericht werken* next, then the others in their glossary order; only terms with a current definition."""
    terms = [term for term in Term.objects.key_terms().with_versions(user) if term.current_version]

    def rank(term):
        leading = LEADING_TERMS.index(term.slug) if term.slug in LEADING_TERMS else len(LEADING_TERMS)
        return (leading, term.order, term.name.lower())

    return sorted(terms, key=rank)


def newest_cases(limit=NEWEST_CASES):
    """The newest public cases with their place (1 query)."""
    return list(
        Case.objects.public()
        .select_related("municipality", "area")
        .order_by(F("published_at").desc(nulls_last=True), "-pk")[:limit]
    )


def latest_harvest():
    """The most recently published public harvest, or None (1 query)."""
    return (
        public_harvests()
        .select_related("series")
        .order_by(F("published_at").desc(nulls_last=True), "-starts_at", "-pk")
        .first()
    )


def next_meeting(now=None):
    """The next public meeting that has not started yet, or None (1 query)."""
    return public_meetings().upcoming(now or timezone.now()).first()


# --- public querysets shared by API, feeds, sitemap and exports -------------------------


def public_cases():
    return Case.objects.public()


def public_meetings():
    return Meeting.objects.public()


def public_harvests():
    return Meeting.objects.with_public_harvest()


def public_terms():
    return Term.objects.public()


def public_factor_links():
    """Case ↔ factor links where both sides are public."""
    return public_case_links().filter(factor__status=Factor.Status.ACCEPTED)
