"""The portal's read side: public data gathered across the apps for visuals, API and exports.

Everything here starts from the apps' own ``public()`` querysets, so that the
publication rules live in one place per model. The portal may read all apps
(DESIGN.md); the apps never import this module.

Evidence counts come from ``Factor.objects.with_evidence()`` when the factors app
provides it; until then (or if its names differ) ``annotate_evidence`` adds the
same numbers with subqueries, and ``evidence_of`` reads either.
"""

import hashlib
import html
from collections import Counter, defaultdict
from datetime import date

from django.core.cache import cache
from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce, TruncQuarter
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from cases.models import Case, CaseFactor
from cop import visuals
from cop.models import Perspective, Term, TermVersion
from factors.models import Cluster, Factor
from meetings.models import Contribution, Meeting, Vote

MAP_MAX_FACTORS = 60
MAP_MAX_CASES = 150
MATRIX_MAX_FACTORS = 40
LAYOUT_CACHE_SECONDS = 30 * 24 * 3600

# Names under which ``with_evidence()`` (factors app) or our own fallback put the numbers.
EVIDENCE_NAMES = {
    "cases": ("case_count", "evidence_cases", "cases_count", "n_cases"),
    "contributions": ("contribution_count", "evidence_contributions", "contributions_count", "n_contributions"),
    "votes": ("vote_count", "evidence_votes", "votes_count", "n_votes"),
    "total": ("evidence_count", "evidence_total"),
    "strength": ("evidence_strength", "strength"),
}


def plain_text(value):
    """Sanitised rich text as one line of plain text (for snippets, CSV and visuals)."""
    return " ".join(html.unescape(strip_tags(value or "")).split())


# --- evidence ----------------------------------------------------------------------


def _count_subquery(queryset, outer_field):
    counted = queryset.filter(**{outer_field: OuterRef("pk")}).order_by().values(outer_field)
    return Coalesce(Subquery(counted.annotate(n=Count("pk")).values("n")[:1], output_field=IntegerField()), Value(0))


def public_case_links():
    return CaseFactor.objects.filter(case__status=Case.Status.PUBLISHED, case__visibility=Case.Visibility.PUBLIC)


def public_votes():
    return Vote.objects.filter(
        round__meeting__status=Meeting.Status.PUBLISHED, round__meeting__visibility=Meeting.Visibility.PUBLIC
    )


def annotate_evidence(queryset):
    """Our own evidence annotations: public case links, public clustered contributions, votes."""
    return queryset.annotate(
        evidence_cases=_count_subquery(public_case_links(), "factor"),
        evidence_contributions=_count_subquery(Contribution.objects.evidence(), "factor"),
        evidence_votes=_count_subquery(public_votes(), "factor"),
    ).annotate(
        evidence_count=F("evidence_cases") + F("evidence_contributions"),
        # A case that explains how a factor played a part weighs more than one post-it.
        # Dots say what a meeting found important, not how well it is founded: not counted.
        evidence_strength=F("evidence_cases") * 3 + F("evidence_contributions"),
    )


def with_evidence(queryset):
    """``queryset`` (of factors) with evidence numbers, from the factors app when it has them."""
    if hasattr(queryset, "with_evidence"):
        annotated = queryset.with_evidence()
        names = set(annotated.query.annotations)
        if any(name in names for name in EVIDENCE_NAMES["cases"]):
            return annotated
    return annotate_evidence(queryset)


def _first(obj, names, default=0):
    for name in names:
        value = getattr(obj, name, None)
        if value is not None:
            return value
    return default


def evidence_of(factor):
    """``{"cases", "contributions", "votes", "total", "strength"}`` of an annotated factor."""
    cases = int(_first(factor, EVIDENCE_NAMES["cases"]))
    contributions = int(_first(factor, EVIDENCE_NAMES["contributions"]))
    votes = int(_first(factor, EVIDENCE_NAMES["votes"]))
    total = int(_first(factor, EVIDENCE_NAMES["total"], cases + contributions))
    strength = float(_first(factor, EVIDENCE_NAMES["strength"], total))
    return {"cases": cases, "contributions": contributions, "votes": votes, "total": total, "strength": strength}


def public_factors(*, theme=None, kind=None, cluster=None):
    factors = with_evidence(Factor.objects.public())
    if theme:
        factors = factors.filter(themes__slug=theme)
    if kind:
        factors = factors.filter(kind=kind)
    if cluster:
        factors = factors.filter(cluster__slug=cluster)
    return factors


def _strongest(factors):
    names = set(factors.query.annotations)
    field = next((n for n in EVIDENCE_NAMES["strength"] if n in names), None)
    field = field or next((n for n in EVIDENCE_NAMES["total"] if n in names), None)
    if field is None:
        return factors.order_by("kind", "order", "name")
    return factors.order_by(F(field).desc(nulls_last=True), "name", "pk")


# --- the visuals' data ----------------------------------------------------------------


def board_chart(*, theme=None, uid="wat-werkt"):
    """The Wat werkt board of all public factors (2 queries)."""
    factors = public_factors(theme=theme).select_related("cluster")
    rows = []
    for factor in factors:
        evidence = evidence_of(factor)
        rows.append(
            {
                "name": factor.name,
                "kind": factor.kind,
                "cluster": factor.cluster.name if factor.cluster_id else None,
                "strength": evidence["strength"],
                "evidence": evidence["total"],
                "url": factor.get_absolute_url(),
                "statement": factor.statement,
            }
        )
    clusters = list(Cluster.objects.order_by("order", "name").values_list("name", flat=True))
    return visuals.board(rows, clusters=clusters, uid=uid)


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
    positions = cache.get(key)
    if positions is None:
        positions = visuals.spring_positions(node_ids, edges)
        cache.set(key, positions, LAYOUT_CACHE_SECONDS)
    return positions


def factor_map_chart(*, theme=None, max_factors=MAP_MAX_FACTORS, max_cases=MAP_MAX_CASES, uid="factorkaart"):
    """The factor map: the strongest public factors and the public cases that name them (2 queries)."""
    factors = list(_strongest(public_factors(theme=theme))[:max_factors])
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
            "weight": evidence_of(f)["strength"],
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
    factors = list(_strongest(public_factors(theme=theme, kind=kind))[:max_factors])
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


def _quarter_range(first, last):
    year, quarter = first.year, (first.month - 1) // 3 + 1
    end = (last.year, (last.month - 1) // 3 + 1)
    while (year, quarter) <= end:
        yield year, quarter
        quarter += 1
        if quarter == 5:
            year, quarter = year + 1, 1


def evidence_over_time_chart(*, factor=None, quarters=16, uid="onderbouwing-in-de-tijd"):
    """New public evidence per quarter (2 queries), for all factors or one."""
    links = public_case_links().filter(factor__status=Factor.Status.ACCEPTED, case__published_at__isnull=False)
    contributions = Contribution.objects.evidence().filter(factor__status=Factor.Status.ACCEPTED)
    if factor is not None:
        links = links.filter(factor=factor)
        contributions = contributions.filter(factor=factor)
    by_case = dict(
        links.annotate(quarter=TruncQuarter("case__published_at"))
        .values("quarter")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("quarter", "n")
    )
    by_contribution = dict(
        contributions.annotate(quarter=TruncQuarter("meeting__starts_at"))
        .values("quarter")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("quarter", "n")
    )

    def as_date(value):
        return value.date() if hasattr(value, "date") else value

    case_counts = Counter()
    contribution_counts = Counter()
    for quarter, n in by_case.items():
        case_counts[as_date(quarter)] += n
    for quarter, n in by_contribution.items():
        contribution_counts[as_date(quarter)] += n
    seen = sorted(set(case_counts) | set(contribution_counts))
    periods = []
    if seen:
        for year, quarter in list(_quarter_range(seen[0], seen[-1]))[-quarters:]:
            start = date(year, 3 * quarter - 2, 1)
            periods.append(
                {
                    "label": visuals.quarter_label(year, quarter),
                    "cases": case_counts.get(start, 0),
                    "contributions": contribution_counts.get(start, 0),
                }
            )
    return visuals.evidence_over_time(periods, uid=uid)


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
    rows = []
    for version in versions:
        meeting = version.meetings[0] if version.meetings else None
        rows.append(
            {
                "number": version.number,
                "date": timezone.localtime(version.accepted_at or version.created_at).date(),
                "text": plain_text(version.definition),
                "note": version.note,
                "meeting": meeting.title if meeting else "",
                "meeting_url": meeting.get_absolute_url() if meeting else "",
            }
        )
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
        Vote.objects.filter(round__meeting=meeting, factor__status=Factor.Status.ACCEPTED)
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
    items = [
        {
            "name": row["factor"].name,
            "kind": row["factor"].kind,
            "url": row["factor"].get_absolute_url(),
            "contributions": row["contributions"],
            "votes": row["votes"],
        }
        for row in rows
    ]
    return visuals.harvest_board(
        items, unclustered=unclustered, uid=uid, title=_("Oogst van %(meeting)s") % {"meeting": meeting.title}
    )


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
