"""A meeting's harvest as a chart of the visuals library (from rows already loaded; no query here)."""

from collections import Counter

from django.utils.translation import gettext as _

import visuals
from factors.models import Factor


def harvest_rows_from_rounds(rounds):
    """``([{"factor", "contributions", "votes"}], unclustered)`` from ``meetings.harvest.build_harvest`` (no query).

    Counts as ``harvest_factors`` does: contributions and dots on accepted
    factors; a contribution on a proposed factor counts as not clustered yet.
    Only rounds that ran are in ``build_harvest``, and dots only in voting
    rounds, which is where the live mode puts them.
    """
    factors, contributions, votes, unclustered = {}, Counter(), Counter(), 0
    for item in rounds:
        unclustered += len(item.unclustered)
        for cluster in item.clusters:
            if cluster.factor.status == Factor.Status.ACCEPTED:
                factors[cluster.factor.pk] = cluster.factor
                contributions[cluster.factor.pk] += len(cluster.contributions)
            else:
                unclustered += len(cluster.contributions)
        for factor, dots in item.totals:
            if factor.status == Factor.Status.ACCEPTED:
                factors[factor.pk] = factor
                votes[factor.pk] += dots
    rows = [
        {"factor": factor, "contributions": contributions[pk], "votes": votes[pk]}
        for pk, factor in sorted(factors.items(), key=lambda item: (item[1].kind, item[1].order, item[1].name))
    ]
    rows.sort(key=lambda row: (-row["votes"], -row["contributions"]))
    return rows, unclustered


def harvest_board_chart(meeting, rows, unclustered, *, uid="oogst"):
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
    title, caption = visuals.with_names(_("Oogst van %(meeting)s"), meeting=meeting.title)
    return visuals.harvest_board(items, unclustered=unclustered, uid=uid, title=title, caption=caption)
