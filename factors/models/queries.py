"""Factor queries: what each viewer may see, with its evidence, for the board and the factor page.

The queryset works on ``self.model`` (``Factor``, defined after it in
``factors.models.factor``) and reaches relations through the factor's reverse
relation, so it imports no model.
"""

from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q

from cop.roles import is_facilitator, is_member
from cop.search import search
from factors import evidence


def _relation_model(factor_model):
    """``FactorRelation``, through the factor's ``relations_out``."""
    return factor_model._meta.get_field("relations_out").related_model


# Strongest first: the level of the scale, then the sources (a case weighs 3, a meeting 1),
# then breadth; ties by name.
BY_STRENGTH = (
    "-evidence_level",
    "-evidence_strength",
    "-municipality_count",
    "-perspective_count",
    "name",
    "pk",
)


class FactorQuerySet(models.QuerySet):
    def public(self):
        """Accepted factors: what the community stands behind."""
        return self.filter(status=self.model.Status.ACCEPTED)

    def visible_to(self, user):
        """Facilitators see all; members also see what they proposed themselves."""
        if is_facilitator(user):
            return self.all()
        if is_member(user):
            return self.filter(models.Q(status=self.model.Status.ACCEPTED) | models.Q(proposed_by=user))
        return self.public()

    def working(self):
        return self.filter(kind=self.model.Kind.WORKING)

    def obstacles(self):
        return self.filter(kind=self.model.Kind.OBSTACLE)

    def curatable(self):
        """Factors a facilitator can still merge, relate or split: proposed or accepted."""
        return self.filter(status__in=[self.model.Status.PROPOSED, self.model.Status.ACCEPTED])

    def with_evidence(self, viewer=None, *, perspective=None, municipality=None):
        """Annotate the evidence of each factor, as ``viewer`` may see it.

        Annotations (integers unless said otherwise):

        - ``case_count``: cases that name the factor; published and public
          (members: also community-only cases).
        - ``contribution_count``: meeting contributions clustered onto it; not
          hidden, in a meeting whose harvest is published (and public, for visitors).
        - ``perspective_count``: distinct perspectives over those cases and contributions.
        - ``meeting_count``: distinct meetings those contributions come from.
        - ``municipality_count``: distinct municipalities of those cases and
          contributions (a contribution's case's, or else its meeting's).
        - ``vote_count``: dots in meetings whose harvest is published (and public).
        - ``last_confirmed`` (datetime or None): the latest of the cases'
          ``published_at`` and the contributions' meeting ``starts_at``.
        - ``source_count``: case_count + meeting_count, the independent sources.
        - ``evidence_strength``: 3 × case_count + 1 × meeting_count (orders within a level).
        - ``evidence_level``: 0–3 on the scale of ``factors.evidence.LEVEL_RULES``.

        ``perspective`` / ``municipality`` narrow the evidence counted to that
        perspective / to that municipality (votes then count 0).
        The evidence of all factors is aggregated once, in a derived table joined
        to the factors (``factors.evidence.EvidenceJoin``): one query for any
        number of factors, one pass over the evidence. See docs/evidence.md.
        """
        queryset = self._chain()
        expressions = evidence.join_evidence(queryset.query, viewer, perspective=perspective, municipality=municipality)
        return evidence.annotate_scores(queryset.annotate(**expressions))

    def with_evidence_of_each(self, viewer=None):
        """``with_evidence`` for a few factors: correlated subqueries that read only their own evidence.

        The same annotations and numbers; cheaper than the derived table of
        ``with_evidence`` when the query keeps one or a handful of factors (a
        factor page), dearer for a list.
        """
        expressions = evidence.evidence_expressions(viewer)
        return evidence.annotate_scores(self.annotate(**expressions))

    def by_strength(self):
        """Strongest evidence first (needs ``with_evidence``)."""
        return self.order_by(*BY_STRENGTH)

    def strongest(self, viewer=None):
        """Public factors with their evidence, strongest first (for the home page and feeds)."""
        return self.public().with_evidence(viewer).by_strength()

    def with_evidence_from(self, viewer=None, *, perspective=None, municipality=None):
        """Only factors with at least one case or contribution within the filters."""
        filters = {"perspective": perspective, "municipality": municipality}
        cases = evidence.case_evidence(viewer, **filters).filter(factor=OuterRef("pk"))
        contributions = evidence.contribution_evidence(viewer, **filters).filter(factor=OuterRef("pk"))
        return self.filter(Q(Exists(cases)) | Q(Exists(contributions)))

    def for_board(self, viewer=None, *, theme=None, perspective=None, municipality=None, query=""):
        """The accepted factors of the board, with evidence, by cluster and strength.

        ``theme`` keeps factors of that theme; ``perspective`` and ``municipality``
        keep factors with evidence from there and count only that evidence;
        ``query`` is a Dutch full-text search over name, statement and explanation.
        """
        queryset = self.public()
        if theme:
            queryset = queryset.filter(themes=theme)
        if perspective or municipality:
            queryset = queryset.with_evidence_from(viewer, perspective=perspective, municipality=municipality)
        if query:
            queryset = search(queryset, query, rank=False)
        return (
            queryset.with_evidence(viewer, perspective=perspective, municipality=municipality)
            .select_related("cluster")
            .prefetch_related("themes")
            .order_by(
                models.F("cluster__order").asc(nulls_last=True),
                "cluster__name",
                "kind",
                *BY_STRENGTH,
            )
        )

    def for_detail(self, viewer=None):
        """One factor page: evidence lists, related factors and themes in a fixed number of queries."""
        visible = self.model.objects.visible_to(viewer).values("pk")
        relation_evidence = {
            name: expression
            for name, expression in evidence.evidence_expressions(viewer, ref="from_factor").items()
            if name != "last_confirmed"
        }
        relation = _relation_model(self.model)
        helped_by = evidence.annotate_scores(
            relation.objects.filter(kind=relation.Kind.HELPS_AGAINST, from_factor__in=visible)
            .select_related("from_factor")
            .annotate(**relation_evidence)
        ).order_by("-evidence_level", "-evidence_strength", "from_factor__name")
        return (
            self.with_evidence_of_each(viewer)
            .select_related("cluster", "merged_into")
            .prefetch_related(
                "themes",
                Prefetch(
                    "case_links",
                    queryset=evidence.case_evidence(viewer)
                    .select_related("case", "case__municipality")
                    .order_by("-case__published_at", "pk"),
                    to_attr="evidence_case_links",
                ),
                Prefetch(
                    "contributions",
                    queryset=evidence.contribution_evidence(viewer)
                    .select_related("meeting", "author__profile")
                    .order_by("-meeting__starts_at", "meeting_id", "created_at", "pk"),
                    to_attr="evidence_contributions",
                ),
                Prefetch(
                    "relations_out",
                    queryset=relation.objects.filter(to_factor__in=visible)
                    .select_related("to_factor")
                    .order_by("kind", "to_factor__name"),
                    to_attr="visible_relations_out",
                ),
                Prefetch(
                    "relations_in",
                    queryset=relation.objects.filter(
                        kind=relation.Kind.SIMILAR, from_factor__in=visible
                    ).select_related("from_factor"),
                    to_attr="visible_similar_in",
                ),
                Prefetch("relations_in", queryset=helped_by, to_attr="visible_helped_by"),
            )
        )
