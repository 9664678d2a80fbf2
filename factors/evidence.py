"""Evidence of factors, computed from the data of the other apps.

Evidence lives in ``cases`` (``CaseFactor``, reverse name ``case_links``) and in
``meetings`` (clustered ``Contribution`` as ``contributions``, ``Vote`` as
``votes``). This module reaches those models through the reverse relations of
``Factor`` and never imports the apps, so that imports keep running one way.

Every count is a correlated subquery (never a JOIN with ``Count``, which would
multiply rows), so a list of factors costs one query however much evidence
there is. The formula of the evidence strength is documented in
``docs/evidence.md`` and in ``FactorQuerySet.with_evidence``.
"""

from django.db import models
from django.db.models import Count, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils.translation import gettext_lazy as _

from cop.roles import is_member

# Weights of the evidence strength; keep docs/evidence.md in step.
WEIGHT_CASE = 3
WEIGHT_CONTRIBUTION = 1
WEIGHT_PERSPECTIVE = 2
WEIGHT_MUNICIPALITY = 2
VOTES_PER_POINT = 2

# Where a strength starts to read as "first signs", "reasonable" and "strong".
STRENGTH_LEVELS = [(20, "strong"), (8, "reasonable"), (1, "first"), (0, "none")]
STRENGTH_LABELS = {
    "strong": _("sterk onderbouwd"),
    "reasonable": _("redelijk onderbouwd"),
    "first": _("eerste aanwijzingen"),
    "none": _("nog niet onderbouwd"),
}


def strength_level(strength):
    """The word for a strength: ``none``, ``first``, ``reasonable`` or ``strong``."""
    for threshold, level in STRENGTH_LEVELS:
        if (strength or 0) >= threshold:
            return level
    return "none"


def _factor_model():
    from factors.models import Factor

    return Factor


def _related(model, field_name):
    return model._meta.get_field(field_name).related_model


def case_link_model():
    """``cases.CaseFactor``, found through ``Factor.case_links``."""
    return _related(_factor_model(), "case_links")


def contribution_model():
    """``meetings.Contribution``, found through ``Factor.contributions``."""
    return _related(_factor_model(), "contributions")


def vote_model():
    """``meetings.Vote``, found through ``Factor.votes``."""
    return _related(_factor_model(), "votes")


def case_evidence(viewer=None, *, perspective=None, municipality=None):
    """Case links that count as evidence for ``viewer``.

    The case is published; for visitors also public (the rule of
    ``Case.objects.public()``), members also count community-only cases.
    ``perspective`` keeps cases told from that perspective, ``municipality``
    cases in that municipality.
    """
    case_link = case_link_model()
    case = _related(case_link, "case")
    queryset = case_link._default_manager.filter(case__status=case.Status.PUBLISHED)
    if not is_member(viewer):
        queryset = queryset.filter(case__visibility=case.Visibility.PUBLIC)
    if perspective:
        queryset = queryset.filter(case__perspective=perspective)
    if municipality:
        queryset = queryset.filter(case__municipality=municipality)
    return queryset.order_by()


def contribution_evidence(viewer=None, *, perspective=None, municipality=None):
    """Meeting contributions clustered onto a factor that count as evidence.

    Not hidden, in a meeting whose harvest is published; for visitors the
    meeting is also public (the rule of ``Contribution.objects.public()``).
    ``municipality`` keeps contributions about a case in that municipality.
    """
    contribution = contribution_model()
    meeting = _related(contribution, "meeting")
    queryset = contribution._default_manager.filter(
        factor__isnull=False, hidden=False, meeting__status=meeting.Status.PUBLISHED
    )
    if not is_member(viewer):
        queryset = queryset.filter(meeting__visibility=meeting.Visibility.PUBLIC)
    if perspective:
        queryset = queryset.filter(perspective=perspective)
    if municipality:
        queryset = queryset.filter(case__municipality=municipality)
    return queryset.order_by()


def vote_evidence(viewer=None, *, perspective=None, municipality=None):
    """Dots on factors in meetings whose harvest is published (public ones for visitors).

    A dot carries no perspective and no place, so a perspective or
    municipality filter leaves no votes to count.
    """
    vote = vote_model()
    if perspective or municipality:
        return vote._default_manager.none()
    meeting = _related(_related(vote, "round"), "meeting")
    queryset = vote._default_manager.filter(round__meeting__status=meeting.Status.PUBLISHED)
    if not is_member(viewer):
        queryset = queryset.filter(round__meeting__visibility=meeting.Visibility.PUBLIC)
    return queryset.order_by()


def _per_factor(queryset, ref, **aggregate):
    """A correlated subquery: one aggregate over ``queryset`` for the outer factor."""
    (name,) = aggregate
    return Subquery(
        queryset.filter(factor=OuterRef(ref)).values("factor").annotate(**aggregate).values(name),
    )


def evidence_expressions(viewer=None, *, perspective=None, municipality=None, ref="pk"):
    """The evidence annotations as expressions, correlated to the factor ``ref``.

    ``ref`` names the factor's id on the outer model: ``"pk"`` on factors,
    ``"from_factor"`` on relations (to annotate the factor a relation points from).
    """
    filters = {"perspective": perspective, "municipality": municipality}
    cases = case_evidence(viewer, **filters)
    contributions = contribution_evidence(viewer, **filters)
    votes = vote_evidence(viewer, **filters)

    case_count = Coalesce(_per_factor(cases, ref, n=Count("pk")), 0)
    contribution_count = Coalesce(_per_factor(contributions, ref, n=Count("pk")), 0)
    # Distinct perspectives over cases ∪ contributions: those of the cases, plus
    # those of contributions that no case already brought.
    case_perspectives = cases.filter(factor=OuterRef(OuterRef(ref))).values("case__perspective")
    perspective_count = Coalesce(_per_factor(cases, ref, n=Count("case__perspective", distinct=True)), 0) + Coalesce(
        _per_factor(
            contributions.exclude(perspective__in=case_perspectives), ref, n=Count("perspective", distinct=True)
        ),
        0,
    )
    municipality_count = Coalesce(_per_factor(cases, ref, n=Count("case__municipality", distinct=True)), 0)
    vote_count = Coalesce(_per_factor(votes, ref, n=Count("pk")), 0)
    case_last = _per_factor(cases, ref, m=Max("case__published_at"))
    meeting_last = _per_factor(contributions, ref, m=Max("meeting__starts_at"))
    # GREATEST is NULL on SQLite as soon as one side is; coalescing each side
    # with the other gives the latest known date on both databases.
    last_confirmed = Greatest(
        Coalesce(case_last, meeting_last), Coalesce(meeting_last, case_last), output_field=models.DateTimeField()
    )
    return {
        "case_count": case_count,
        "contribution_count": contribution_count,
        "perspective_count": perspective_count,
        "municipality_count": municipality_count,
        "vote_count": vote_count,
        "last_confirmed": last_confirmed,
    }


def strength_expression(prefix=""):
    """``evidence_strength`` over annotations already on the queryset (see docs/evidence.md)."""
    return models.ExpressionWrapper(
        WEIGHT_CASE * models.F(f"{prefix}case_count")
        + WEIGHT_CONTRIBUTION * models.F(f"{prefix}contribution_count")
        + WEIGHT_PERSPECTIVE * models.F(f"{prefix}perspective_count")
        + WEIGHT_MUNICIPALITY * models.F(f"{prefix}municipality_count")
        + models.F(f"{prefix}vote_count") / VOTES_PER_POINT,
        output_field=models.IntegerField(),
    )


def evidence_strength(case_count=0, contribution_count=0, perspective_count=0, municipality_count=0, vote_count=0):
    """The same formula in Python, for documentation and tests."""
    return (
        WEIGHT_CASE * case_count
        + WEIGHT_CONTRIBUTION * contribution_count
        + WEIGHT_PERSPECTIVE * perspective_count
        + WEIGHT_MUNICIPALITY * municipality_count
        + vote_count // VOTES_PER_POINT
    )


def perspectives_by_factor(factor_ids, viewer=None, *, perspective=None, municipality=None):
    """``{factor id: sorted perspectives}`` behind the evidence of ``factor_ids``; two queries."""
    factor_ids = list(factor_ids)
    found = {factor_id: set() for factor_id in factor_ids}
    if not factor_ids:
        return {}
    filters = {"perspective": perspective, "municipality": municipality}
    pairs = list(
        case_evidence(viewer, **filters)
        .filter(factor__in=factor_ids)
        .values_list("factor_id", "case__perspective")
        .distinct()
    ) + list(
        contribution_evidence(viewer, **filters)
        .filter(factor__in=factor_ids)
        .values_list("factor_id", "perspective")
        .distinct()
    )
    for factor_id, value in pairs:
        found[factor_id].add(value)
    return {factor_id: sorted(values) for factor_id, values in found.items()}
