"""The portal's read side: public data gathered across the apps for visuals, API and exports.

Everything here starts from the apps' own ``public()`` querysets, so that the
publication rules live in one place per model. The portal may read all apps
(DESIGN.md); the apps never import this module.

Evidence counts and strength come from ``Factor.objects.with_evidence()`` (the
factors app, see docs/evidence.md), called without a viewer: what a visitor sees.
"""

import hashlib
import html
from collections import Counter, defaultdict
from datetime import date

from django.core.cache import cache
from django.db.models import Count, Prefetch
from django.db.models.functions import TruncQuarter
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


def plain_text(value):
    """Sanitised rich text as one line of plain text (for snippets, CSV and visuals)."""
    return " ".join(html.unescape(strip_tags(value or "")).split())


# --- evidence ----------------------------------------------------------------------


def public_case_links():
    return CaseFactor.objects.filter(case__status=Case.Status.PUBLISHED, case__visibility=Case.Visibility.PUBLIC)


def evidence_of(factor):
    """``{"cases", "contributions", "votes", "total", "strength"}`` of a factor from ``with_evidence()``."""
    cases = factor.case_count or 0
    contributions = factor.contribution_count or 0
    return {
        "cases": cases,
        "contributions": contributions,
        "votes": factor.vote_count or 0,
        "total": cases + contributions,
        "strength": factor.evidence_strength or 0,
    }


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
