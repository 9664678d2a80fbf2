"""Evidence of factors, computed from the data of the other apps.

Evidence lives in ``cases`` (``CaseFactor``, reverse name ``case_links``) and in
``meetings`` (clustered ``Contribution`` as ``contributions``, ``Vote`` as
``votes``). Each of those apps states once what counts as evidence for a viewer
(``CaseFactor.objects.evidence_for(viewer)``, ``Contribution.objects.evidence_for``,
``Vote.objects.evidence_for``); this module reaches those managers through the reverse
relations of ``Factor`` and never imports the apps, so that imports keep running one way.

A list of factors gets its evidence from one derived table joined once
(``EvidenceJoin``): every evidence row of the three sources in one ``UNION ALL``,
aggregated per factor in a single pass. That costs one sequential pass over the
evidence however many factors are listed (about 0.2 s for 380,000 evidence rows
at scale L, where one correlated subquery per factor and count took 10 s). One
factor (its page, the relations on it) uses correlated subqueries instead
(``evidence_expressions``), which touch only that factor's rows. Both give the
same numbers; the tests hold them to it. The formula of the evidence strength is
documented in ``docs/evidence.md`` and in ``FactorQuerySet.with_evidence``.
"""

from django.apps import apps
from django.db import models
from django.db.models import Case, Count, F, Max, OuterRef, Q, Subquery, Value, When
from django.db.models.expressions import Expression
from django.db.models.functions import Coalesce, Greatest
from django.db.models.sql.constants import LOUTER
from django.db.models.sql.datastructures import Join
from django.utils.translation import gettext_lazy as _

from cop.roles import is_member

# Evidence strength: a level on a scale of three, defined by independent sources.
# A case is one source; a meeting is one source however many notes it clustered
# onto the factor (one evening is one group talking). Keep docs/evidence.md in step.
WEIGHT_CASE = 3
WEIGHT_MEETING = 1

LEVEL_NONE, LEVEL_FIRST, LEVEL_REASONABLE, LEVEL_STRONG = 0, 1, 2, 3
LEVEL_MAX = LEVEL_STRONG
# What a level asks, at least: (level, name, sources, cases, meetings, municipalities, perspectives).
# "sources" is cases + meetings. Checked from the strongest level down.
LEVEL_RULES = [
    (LEVEL_STRONG, "strong", 4, 2, 1, 3, 3),
    (LEVEL_REASONABLE, "reasonable", 2, 1, 0, 2, 2),
    (LEVEL_FIRST, "first", 1, 0, 0, 0, 0),
]
LEVEL_NAMES = {LEVEL_NONE: "none", LEVEL_FIRST: "first", LEVEL_REASONABLE: "reasonable", LEVEL_STRONG: "strong"}
STRENGTH_LABELS = {
    "strong": _("sterk onderbouwd"),
    "reasonable": _("redelijk onderbouwd"),
    "first": _("eerste aanwijzingen"),
    "none": _("nog niet onderbouwd"),
}
# The rule of each level in words, next to every label and in the legend of the board.
LEVEL_RULE_TEXTS = {
    "strong": _(
        "ten minste 4 onafhankelijke bronnen, waarvan 2 casussen en 1 bijeenkomst, uit 3 gemeenten en 3 perspectieven"
    ),
    "reasonable": _("ten minste 2 onafhankelijke bronnen, waarvan 1 casus, uit 2 gemeenten en 2 perspectieven"),
    "first": _("1 casus of 1 bijeenkomst"),
    "none": _("nog geen casus en geen bijeenkomst"),
}


def evidence_level(case_count=0, meeting_count=0, municipality_count=0, perspective_count=0):
    """The level (0–3) of the counts, in Python; ``level_expression`` is its SQL twin."""
    sources = (case_count or 0) + (meeting_count or 0)
    for level, _name, n_sources, n_cases, n_meetings, n_places, n_perspectives in LEVEL_RULES:
        if (
            sources >= n_sources
            and (case_count or 0) >= n_cases
            and (meeting_count or 0) >= n_meetings
            and (municipality_count or 0) >= n_places
            and (perspective_count or 0) >= n_perspectives
        ):
            return level
    return LEVEL_NONE


def strength_level(level):
    """The word of a level: ``none``, ``first``, ``reasonable`` or ``strong``."""
    return LEVEL_NAMES.get(level or 0, "none")


def scale():
    """The scale from weak to strong, as ``(level, name, label, rule)``, for legends and the docs."""
    return [(level, name, STRENGTH_LABELS[name], LEVEL_RULE_TEXTS[name]) for level, name in sorted(LEVEL_NAMES.items())]


class LevelWords:
    """The level of a factor (or of the factor a relation points from) in words, from ``with_evidence``."""

    @property
    def strength_position(self):
        """The level as a number on the scale, 0–3."""
        return getattr(self, "evidence_level", 0) or 0

    @property
    def strength_level(self):
        """``none``, ``first``, ``reasonable`` or ``strong``."""
        return strength_level(self.strength_position)

    @property
    def strength_label(self):
        """The level in words, e.g. *redelijk onderbouwd*."""
        return STRENGTH_LABELS[self.strength_level]

    @property
    def strength_rule(self):
        """What the level asks, in words (shown next to the label)."""
        return LEVEL_RULE_TEXTS[self.strength_level]


def _factor_model():
    # From the app registry, not an import: factors/models.py imports this module.
    return apps.get_model("factors", "Factor")


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
    """Case links that count as evidence for ``viewer`` (``CaseFactor.objects.evidence_for``).

    ``perspective`` keeps cases told from that perspective, ``municipality``
    cases in that municipality.
    """
    queryset = case_link_model()._default_manager.evidence_for(viewer)
    if perspective:
        queryset = queryset.filter(case__perspective=perspective)
    if municipality:
        queryset = queryset.filter(case__municipality=municipality)
    return queryset.order_by()


def contribution_evidence(viewer=None, *, perspective=None, municipality=None):
    """Meeting contributions clustered onto a factor that count as evidence (``Contribution.objects.evidence_for``).

    ``municipality`` keeps contributions from that municipality: about a case
    there, or about no case in a meeting there (``contribution_place``).
    """
    queryset = contribution_model()._default_manager.evidence_for(viewer)
    if perspective:
        queryset = queryset.filter(perspective=perspective)
    if municipality:
        queryset = queryset.filter(
            Q(case__municipality=municipality) | Q(case__isnull=True, meeting__municipality=municipality)
        )
    return queryset.order_by()


def contribution_place():
    """Where a contribution comes from: its case's municipality, or else its meeting's."""
    return Coalesce(F("case__municipality_id"), F("meeting__municipality_id"))


def vote_evidence(viewer=None, *, perspective=None, municipality=None):
    """Dots that count as evidence (``Vote.objects.evidence_for``).

    A dot carries no perspective and no place, so a perspective or
    municipality filter leaves no votes to count.
    """
    vote = vote_model()
    if perspective or municipality:
        return vote._default_manager.none()
    return vote._default_manager.evidence_for(viewer).order_by()


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
    meeting_count = Coalesce(_per_factor(contributions, ref, n=Count("meeting", distinct=True)), 0)
    # Distinct municipalities over cases ∪ contributions, the same way.
    case_places = cases.filter(factor=OuterRef(OuterRef(ref)), case__municipality__isnull=False).values(
        "case__municipality"
    )
    municipality_count = Coalesce(_per_factor(cases, ref, n=Count("case__municipality", distinct=True)), 0) + Coalesce(
        _per_factor(
            contributions.alias(ev_place=contribution_place()).exclude(ev_place__in=case_places),
            ref,
            n=Count(contribution_place(), distinct=True),
        ),
        0,
    )
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
        "meeting_count": meeting_count,
        "perspective_count": perspective_count,
        "municipality_count": municipality_count,
        "vote_count": vote_count,
        "last_confirmed": last_confirmed,
    }


def source_expression(prefix=""):
    """``source_count``: cases + meetings, the independent sources."""
    return models.ExpressionWrapper(
        models.F(f"{prefix}case_count") + models.F(f"{prefix}meeting_count"), output_field=models.IntegerField()
    )


def strength_expression(prefix=""):
    """``evidence_strength`` over annotations already on the queryset (see docs/evidence.md)."""
    return models.ExpressionWrapper(
        WEIGHT_CASE * models.F(f"{prefix}case_count") + WEIGHT_MEETING * models.F(f"{prefix}meeting_count"),
        output_field=models.IntegerField(),
    )


def level_expression(prefix=""):
    """``evidence_level`` (0–3) over the counts and ``source_count`` already on the queryset."""
    whens = [
        When(
            Q(
                **{
                    f"{prefix}source_count__gte": n_sources,
                    f"{prefix}case_count__gte": n_cases,
                    f"{prefix}meeting_count__gte": n_meetings,
                    f"{prefix}municipality_count__gte": n_places,
                    f"{prefix}perspective_count__gte": n_perspectives,
                }
            ),
            then=Value(level),
        )
        for level, _name, n_sources, n_cases, n_meetings, n_places, n_perspectives in LEVEL_RULES
    ]
    return Case(*whens, default=Value(LEVEL_NONE), output_field=models.IntegerField())


def annotate_scores(queryset):
    """Add ``source_count``, ``evidence_strength`` and ``evidence_level`` to a queryset with the counts."""
    return queryset.annotate(source_count=source_expression(), evidence_strength=strength_expression()).annotate(
        evidence_level=level_expression()
    )


def evidence_strength(case_count=0, meeting_count=0):
    """The same formula in Python, for documentation and tests."""
    return WEIGHT_CASE * case_count + WEIGHT_MEETING * meeting_count


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


# --- the evidence of a whole list, from one derived table -------------------------------

EVIDENCE_TABLE = "factor_evidence"
# Source markers of the evidence rows in the derived table.
FROM_CASE, FROM_CONTRIBUTION, FROM_VOTE = 1, 2, 3


def evidence_rows(viewer=None, *, perspective=None, municipality=None):
    """Every evidence row as ``(factor_id, src, perspective, municipality_id, meeting_id, at)``, one queryset per source.

    ``src`` says where a row comes from (``FROM_CASE`` …); ``at`` is the case's
    ``published_at`` or the meeting's ``starts_at``. The rules are those of
    ``case_evidence``, ``contribution_evidence`` and ``vote_evidence``. A source
    that a filter empties (votes under a perspective filter) is left out.
    """
    filters = {"perspective": perspective, "municipality": municipality}
    text, number, moment = models.CharField(), models.BigIntegerField(), models.DateTimeField()
    sources = [
        case_evidence(viewer, **filters).values(
            ev_factor=F("factor_id"),
            ev_src=Value(FROM_CASE),
            ev_perspective=F("case__perspective"),
            ev_municipality=F("case__municipality_id"),
            ev_meeting=Value(None, output_field=number),
            ev_at=F("case__published_at"),
        ),
        contribution_evidence(viewer, **filters).values(
            ev_factor=F("factor_id"),
            ev_src=Value(FROM_CONTRIBUTION),
            ev_perspective=F("perspective"),
            ev_municipality=contribution_place(),
            ev_meeting=F("meeting_id"),
            ev_at=F("meeting__starts_at"),
        ),
        vote_evidence(viewer, **filters).values(
            ev_factor=F("factor_id"),
            ev_src=Value(FROM_VOTE),
            ev_perspective=Value(None, output_field=text),
            ev_municipality=Value(None, output_field=number),
            ev_meeting=Value(None, output_field=number),
            ev_at=Value(None, output_field=moment),
        ),
    ]
    return [source for source in sources if not source.query.is_empty()]


# The derived table: one row per factor with evidence. CASE instead of FILTER and
# COUNT(DISTINCT …) over NULLs keep it plain SQL for PostgreSQL and SQLite.
AGGREGATE_SQL = f"""SELECT ev_factor AS factor_id,
 SUM(CASE WHEN ev_src = {FROM_CASE} THEN 1 ELSE 0 END) AS case_count,
 SUM(CASE WHEN ev_src = {FROM_CONTRIBUTION} THEN 1 ELSE 0 END) AS contribution_count,
 COUNT(DISTINCT CASE WHEN ev_src IN ({FROM_CASE}, {FROM_CONTRIBUTION}) THEN ev_perspective END) AS perspective_count,
 COUNT(DISTINCT CASE WHEN ev_src = {FROM_CONTRIBUTION} THEN ev_meeting END) AS meeting_count,
 COUNT(DISTINCT CASE WHEN ev_src IN ({FROM_CASE}, {FROM_CONTRIBUTION}) THEN ev_municipality END) AS municipality_count,
 SUM(CASE WHEN ev_src = {FROM_VOTE} THEN 1 ELSE 0 END) AS vote_count,
 MAX(ev_at) AS last_confirmed
 FROM ({{rows}}) ev_rows GROUP BY ev_factor"""


class _FactorSide:
    """What the ORM asks of a join's field: the model on the other side (``Query.resolve_expression``)."""

    def __init__(self, model):
        self.related_model = model


class EvidenceJoin(Join):
    """``LEFT OUTER JOIN (<evidence per factor>) factor_evidence ON factor_evidence.factor_id = <factor>.id``.

    A join in ``Query.alias_map`` whose table is the derived table of
    ``AGGREGATE_SQL`` over ``evidence_rows``; the annotations of
    ``joined_expressions`` read its columns. ``key`` tells two joins apart
    (who looks, which filters), so that a second ``with_evidence`` with other
    arguments gets a join of its own instead of reusing this one.
    """

    def __init__(self, sources, key, parent_alias, table_alias=None, join_type=LOUTER):
        self.sources = sources
        self.key = key
        self.table_name = EVIDENCE_TABLE
        self.parent_alias = parent_alias
        self.table_alias = table_alias
        self.join_type = join_type
        self.join_field = _FactorSide(_factor_model())
        self.nullable = True
        self.filtered_relation = None

    def as_sql(self, compiler, connection):
        parts, params = [], []
        for source in self.sources:
            sql, source_params = source.query.get_compiler(connection=connection).as_sql()
            parts.append(sql)
            params.extend(source_params)
        if not parts:  # nothing can count: an empty table with the same columns
            parts.append("SELECT NULL AS ev_factor, NULL AS ev_src, NULL AS ev_perspective,"
                         " NULL AS ev_municipality, NULL AS ev_meeting, NULL AS ev_at WHERE 1 = 0")  # fmt: skip
        qn, qn2 = compiler.quote_name_unless_alias, connection.ops.quote_name
        derived = AGGREGATE_SQL.format(rows=" UNION ALL ".join(parts))
        pk_column = _factor_model()._meta.pk.column
        on = f"{qn(self.table_alias)}.{qn2('factor_id')} = {qn(self.parent_alias)}.{qn2(pk_column)}"
        return f"{self.join_type} ({derived}) {qn(self.table_alias)} ON ({on})", params

    def relabeled_clone(self, change_map):
        return self.__class__(
            self.sources,
            self.key,
            change_map.get(self.parent_alias, self.parent_alias),
            change_map.get(self.table_alias, self.table_alias),
            self.join_type,
        )

    @property
    def identity(self):
        return self.__class__, self.table_name, self.parent_alias, self.key


def _evidence_key(viewer, perspective, municipality):
    municipality_id = getattr(municipality, "pk", municipality)
    return ("member" if is_member(viewer) else "public", perspective or "", municipality_id or "")


class EvidenceColumn(Expression):
    """A column of the evidence table, read through the alias of its join (relabelled with it)."""

    def __init__(self, alias, column, kind="count"):
        super().__init__()
        self.alias, self.column, self.kind = alias, column, kind
        self.output_field = models.DateTimeField() if kind == "moment" else models.BigIntegerField()

    def __repr__(self):
        return f"{self.__class__.__name__}({self.alias}.{self.column})"

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name_unless_alias(self.alias)}.{connection.ops.quote_name(self.column)}", []

    def relabeled_clone(self, relabels):
        return self.__class__(relabels.get(self.alias, self.alias), self.column, self.kind)

    def get_group_by_cols(self):
        return [self]


def join_evidence(query, viewer=None, *, perspective=None, municipality=None):
    """Join the evidence table to ``query`` (a factor query, changed in place); returns the annotations."""
    join = EvidenceJoin(
        evidence_rows(viewer, perspective=perspective, municipality=municipality),
        _evidence_key(viewer, perspective, municipality),
        query.get_initial_alias(),
    )
    alias = query.join(join)
    counts = [
        "case_count",
        "contribution_count",
        "meeting_count",
        "perspective_count",
        "municipality_count",
        "vote_count",
    ]
    expressions = {
        name: Coalesce(EvidenceColumn(alias, name), 0, output_field=models.IntegerField()) for name in counts
    }
    expressions["last_confirmed"] = EvidenceColumn(alias, "last_confirmed", "moment")
    return expressions
