"""What a meeting yielded, grouped for the wall, the console and the harvest page.

A *cluster* in a meeting is the factor (working factor or obstacle) that
contributions were put on; contributions not clustered yet stay apart.
"""

from dataclasses import dataclass, field

from django.db.models import Count

from cop.models import anonymous_label
from factors.models import Factor
from meetings.models import Contribution, Round, Vote


@dataclass
class Cluster:
    factor: object
    contributions: list = field(default_factory=list)

    @property
    def dom_id(self):
        return f"cluster-{self.factor.pk}"


@dataclass
class RoundHarvest:
    round: object
    clusters: list = field(default_factory=list)
    unclustered: list = field(default_factory=list)
    totals: list = field(default_factory=list)

    @property
    def count(self):
        return sum(len(c.contributions) for c in self.clusters) + len(self.unclustered)

    @property
    def is_empty(self):
        return not (self.clusters or self.unclustered or self.totals)


def label(contribution):
    """A contribution's author as the public sees it: only the perspective, never a name."""
    return anonymous_label(contribution.perspective)


def group(contributions, *, by_weight=False):
    """``(clusters, unclustered)``: clusters by kind and name, or with ``by_weight`` the
    factor with the most contributions first (ties by kind and name)."""
    clusters, unclustered = {}, []
    for contribution in contributions:
        contribution.public_label = label(contribution)
        if contribution.factor_id:
            clusters.setdefault(contribution.factor_id, Cluster(contribution.factor)).contributions.append(contribution)
        else:
            unclustered.append(contribution)

    def key(cluster):
        weight = -len(cluster.contributions) if by_weight else 0
        return (weight, cluster.factor.kind, cluster.factor.name.lower())

    return sorted(clusters.values(), key=key), unclustered


def vote_totals_by_round(rounds):
    """``{round id: [(factor, dots)]}`` for the voting rounds, in one query (factors with at least one dot)."""
    ids = [r.pk for r in rounds if r.is_vote]
    if not ids:
        return {}
    rows = (
        Vote.objects.counted()
        .filter(round_id__in=ids)
        .order_by()
        .values("round_id", "factor_id")
        .annotate(dots=Count("id"))
    )
    factors = {}
    rows = list(rows)
    if rows:
        factors = Factor.objects.in_bulk({row["factor_id"] for row in rows})
    totals = {}
    for row in rows:
        totals.setdefault(row["round_id"], []).append((factors[row["factor_id"]], row["dots"]))
    for values in totals.values():
        values.sort(key=lambda pair: (-pair[1], pair[0].name.lower()))
    return totals


def build_harvest(meeting):
    """Every round that ran, with its clusters (heaviest first) and contributions (not hidden) or its vote totals."""
    rounds = list(meeting.rounds.exclude(status=Round.Status.PENDING).select_related("case").order_by("order", "id"))
    contributions = (
        Contribution.objects.filter(meeting=meeting, hidden=False)
        .select_related("factor")
        .order_by("round_id", "created_at", "id")
    )
    by_round = {}
    for contribution in contributions:
        by_round.setdefault(contribution.round_id, []).append(contribution)
    totals = vote_totals_by_round(rounds)
    harvest = []
    for round_ in rounds:
        clusters, unclustered = group(by_round.get(round_.pk, []), by_weight=True)
        item = RoundHarvest(round_, clusters, unclustered, totals.get(round_.pk, []))
        if not item.is_empty:
            harvest.append(item)
    return harvest
