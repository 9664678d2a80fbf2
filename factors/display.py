"""Shape factors for the pages: the board grouped by cluster, and one factor's evidence."""

from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby

from cop.models import Perspective
from factors import evidence
from factors.models import Factor, FactorRelation


def perspective_label(value):
    try:
        return Perspective(value).label
    except ValueError:
        return value


# The board lists the strongest factors of each kind per cluster; the rest are one link
# away (the board filtered on that cluster lists all). A CoP of hundreds or thousands of
# factors keeps a board page of the same size; the counts always cover all of them.
BOARD_LIST_PER_KIND = 10


@dataclass
class BoardGroup:
    cluster: object  # a Cluster, or None for factors without one
    working: list = field(default_factory=list)
    obstacles: list = field(default_factory=list)
    limit: int | None = None  # how many of each kind the page lists; None: all

    def _shown(self, factors):
        # Factors without a cluster have no page of their own to link to: all are listed.
        return factors if self.limit is None or self.cluster is None else factors[: self.limit]

    @property
    def working_shown(self):
        return self._shown(self.working)

    @property
    def obstacles_shown(self):
        return self._shown(self.obstacles)

    @property
    def working_more(self):
        return len(self.working) - len(self.working_shown)

    @property
    def obstacles_more(self):
        return len(self.obstacles) - len(self.obstacles_shown)


@dataclass
class Board:
    groups: list
    working_count: int
    obstacle_count: int
    max_strength: int

    @property
    def is_empty(self):
        return not self.groups


def build_board(viewer=None, *, theme=None, perspective=None, municipality=None, query="", cluster=None):
    """The board in three queries: factors with evidence, their themes, and the perspectives behind them.

    With a ``cluster`` only that cluster's factors, all of them; otherwise every cluster
    lists its strongest ``BOARD_LIST_PER_KIND`` of each kind (the counts cover all).
    """
    queryset = Factor.objects.for_board(
        viewer, theme=theme, perspective=perspective, municipality=municipality, query=query
    )
    if cluster is not None:
        queryset = queryset.filter(cluster=cluster)
    factors = list(queryset)
    limit = None if cluster is not None else BOARD_LIST_PER_KIND
    perspectives = evidence.perspectives_by_factor(
        [factor.pk for factor in factors], viewer, perspective=perspective, municipality=municipality
    )
    max_strength = max((factor.evidence_strength for factor in factors), default=0)
    groups = []
    for _cluster_id, members in groupby(factors, key=lambda factor: factor.cluster_id):
        members = list(members)
        group = BoardGroup(cluster=members[0].cluster, limit=limit)
        for factor in members:
            factor.evidence_perspectives = [perspective_label(value) for value in perspectives.get(factor.pk, [])]
            factor.strength_percent = round(100 * factor.evidence_strength / max_strength) if max_strength else 0
            (group.obstacles if factor.is_obstacle else group.working).append(factor)
        groups.append(group)
    return Board(
        groups=groups,
        working_count=sum(len(group.working) for group in groups),
        obstacle_count=sum(len(group.obstacles) for group in groups),
        max_strength=max_strength,
    )


def detail_context(factor):
    """What a factor page shows, from the prefetches of ``Factor.objects.for_detail``."""
    case_links = factor.evidence_case_links
    contributions = factor.evidence_contributions
    meetings = [
        {"meeting": meeting, "contributions": list(items)}
        for meeting, items in groupby(contributions, key=lambda contribution: contribution.meeting)
    ]
    perspective_counts = Counter(link.case.perspective for link in case_links)
    perspective_counts.update(contribution.perspective for contribution in contributions)
    municipalities = sorted(
        {link.case.municipality.name for link in case_links if link.case.municipality_id}, key=str.lower
    )
    helps_against = [r for r in factor.visible_relations_out if r.kind == FactorRelation.Kind.HELPS_AGAINST]
    similar = [r.to_factor for r in factor.visible_relations_out if r.kind == FactorRelation.Kind.SIMILAR]
    similar += [r.from_factor for r in factor.visible_similar_in if r.from_factor not in similar]
    return {
        "factor": factor,
        "case_links": case_links,
        "meetings": meetings,
        "perspectives": [
            (perspective_label(value), count)
            for value, count in sorted(perspective_counts.items(), key=lambda item: (-item[1], item[0]))
        ],
        "municipalities": municipalities,
        "helps_against": helps_against,
        "helped_by": factor.visible_helped_by,
        "similar": sorted(similar, key=lambda other: other.name.lower()),
    }
