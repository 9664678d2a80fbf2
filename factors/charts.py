"""The factors' data as charts of the visuals library (plain rows in, no query here).

The factor pages draw their visuals from what their view already loaded; the portal
builds its own charts from the same rows (``portal.queries``).
"""

from collections import Counter
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

import visuals
from factors.evidence import LEVEL_MAX


def evidence_of(factor):
    """``{"cases", "contributions", "meetings", "votes", "total", "strength", "level"}`` from ``with_evidence()``.

    ``total`` is the independent sources (cases + meetings), ``level`` the level of the scale (0–3).
    """
    cases = factor.case_count or 0
    meetings = getattr(factor, "meeting_count", 0) or 0
    return {
        "cases": cases,
        "contributions": factor.contribution_count or 0,
        "meetings": meetings,
        "votes": factor.vote_count or 0,
        "total": cases + meetings,
        "strength": factor.evidence_strength or 0,
        "level": getattr(factor, "evidence_level", 0) or 0,
    }


def board_row(factor):
    """One factor with ``with_evidence()`` annotations as a row of the board visual."""
    evidence = evidence_of(factor)
    return {
        "name": factor.name,
        "kind": factor.kind,
        "cluster": factor.cluster.name if factor.cluster_id else None,
        # The bar is the level on the scale of three, with its words next to it.
        "strength": evidence["level"],
        "strength_label": _("%(label)s (%(level)s van 3)")
        % {"label": factor.strength_label, "level": evidence["level"]},
        "evidence": evidence["total"],
        "points": evidence["strength"],
        "url": factor.get_absolute_url(),
        "statement": factor.statement,
    }


BOARD_PAGE_PER_GROUP = 5


def board_chart_from_board(board, *, uid="wat-werkt-beeld", per_group=BOARD_PAGE_PER_GROUP):
    """The board visual of the factors app's ``Board`` (``factors.display.build_board``), without a query.

    The picture then follows the board's filters; it shows the strongest
    ``per_group`` of each kind per cluster, the HTML board below it lists all.
    """
    rows, clusters = [], []
    for group in board.groups:
        if group.cluster is not None:
            clusters.append(group.cluster.name)
        rows += [board_row(factor) for factor in group.working + group.obstacles]
    return visuals.board(rows, clusters=clusters, uid=uid, per_group=per_group, max_strength=LEVEL_MAX)


def _quarter_range(first, last):
    year, quarter = first.year, (first.month - 1) // 3 + 1
    end = (last.year, (last.month - 1) // 3 + 1)
    while (year, quarter) <= end:
        yield year, quarter
        quarter += 1
        if quarter == 5:
            year, quarter = year + 1, 1


def as_date(value):
    return value.date() if hasattr(value, "date") else value


def _quarter_start(value):
    """The first day of the quarter of a date or (aware) datetime, in the site's time zone."""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    value = as_date(value)
    return date(value.year, 3 * ((value.month - 1) // 3) + 1, 1)


def evidence_periods(case_counts, contribution_counts, *, quarters=16):
    """``[{"label", "cases", "contributions"}]`` per quarter from two ``Counter``s keyed by quarter start."""
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
    return periods


def factor_evidence_chart(factor, *, quarters=16, uid="onderbouwing-van-deze-factor"):
    """Evidence over time of one factor from the evidence its page already loaded (no query).

    Reads ``evidence_case_links`` and ``evidence_contributions`` of
    ``Factor.objects.for_detail(viewer)``: the same cases and contributions the
    page lists for that viewer.
    """
    case_counts = Counter(
        _quarter_start(link.case.published_at) for link in factor.evidence_case_links if link.case.published_at
    )
    contribution_counts = Counter(
        _quarter_start(contribution.meeting.starts_at) for contribution in factor.evidence_contributions
    )
    title, caption = visuals.with_names(_("Onderbouwing van %(name)s in de tijd"), name=factor.name)
    return visuals.evidence_over_time(
        evidence_periods(case_counts, contribution_counts, quarters=quarters), uid=uid, title=title, caption=caption
    )
