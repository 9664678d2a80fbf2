"""Evidence is computed from cases, meetings and dots, never typed in (Factor.objects.with_evidence)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import IntegerField, OuterRef, Subquery, Value
from django.utils import timezone

from factors.evidence import evidence_strength, strength_expression, strength_level
from factors.models import Factor
from tests.conftest import make_factor, make_meeting
from tests.factors.conftest import (
    cast_dots,
    cite_in_case,
    cluster_contribution,
    make_municipality,
    published_meeting,
)

pytestmark = pytest.mark.django_db


def evidence_of(factor, viewer=None, **filters):
    return Factor.objects.with_evidence(viewer, **filters).get(pk=factor.pk)


def test_a_factor_without_evidence_counts_zero_everywhere():
    factor = evidence_of(make_factor())
    assert (factor.case_count, factor.contribution_count, factor.perspective_count) == (0, 0, 0)
    assert (factor.municipality_count, factor.vote_count, factor.evidence_strength) == (0, 0, 0)
    assert factor.last_confirmed is None
    assert factor.strength_level == "none"


def test_counts_come_from_cases_contributions_and_dots():
    factor = make_factor()
    arnhem, lingewaard = make_municipality("Arnhem"), make_municipality("Lingewaard")
    cite_in_case(factor, perspective="gemeente", municipality=arnhem)
    cite_in_case(factor, perspective="welzijn", municipality=arnhem)
    cite_in_case(factor, perspective="welzijn", municipality=lingewaard)
    meeting = published_meeting()
    cluster_contribution(factor, meeting, perspective="welzijn")
    cluster_contribution(factor, meeting, perspective="inwoners")
    cast_dots(factor, meeting, 5)

    factor = evidence_of(factor)

    assert factor.case_count == 3
    assert factor.contribution_count == 2
    # gemeente and welzijn from the cases, inwoners from a contribution: welzijn counts once.
    assert factor.perspective_count == 3
    assert factor.municipality_count == 2
    assert factor.vote_count == 5
    assert factor.evidence_strength == 3 * 3 + 2 + 2 * 3 + 2 * 2 + 5 // 2 == 23


# (cases, contributions, perspectives, municipalities, votes) -> strength. Each weight
# alone; odd dots, where ⌊v/2⌋ differs from v/2 and from rounding (7/2 rounds to 4,
# 3/2 to 2); sums where + and −, × and / of the weights give other numbers.
STRENGTHS = [
    ((0, 0, 0, 0, 0), 0),
    ((1, 0, 0, 0, 0), 3),
    ((0, 1, 0, 0, 0), 1),
    ((0, 0, 1, 0, 0), 2),
    ((0, 0, 0, 1, 0), 2),
    ((0, 0, 0, 0, 1), 0),
    ((0, 0, 0, 0, 2), 1),
    ((0, 0, 0, 0, 3), 1),
    ((0, 0, 0, 0, 7), 3),
    ((5, 0, 0, 0, 0), 15),
    ((2, 5, 0, 0, 0), 11),
    ((0, 3, 5, 0, 0), 13),
    ((0, 0, 3, 5, 0), 16),
    ((0, 7, 0, 0, 9), 11),
    ((2, 4, 3, 1, 7), 6 + 4 + 6 + 2 + 3),
    ((5, 3, 4, 3, 9), 15 + 3 + 8 + 6 + 4),
]
COUNT_NAMES = ("case_count", "contribution_count", "perspective_count", "municipality_count", "vote_count")


@pytest.mark.parametrize(("counts", "strength"), STRENGTHS)
def test_the_python_formula_at_values_where_the_operators_differ(counts, strength):
    assert evidence_strength(**dict(zip(COUNT_NAMES, counts, strict=True))) == strength


@pytest.mark.parametrize(("counts", "strength"), STRENGTHS)
def test_the_sql_formula_at_values_where_the_operators_differ(counts, strength):
    make_factor()
    values = {name: Value(n, output_field=IntegerField()) for name, n in zip(COUNT_NAMES, counts, strict=True)}
    row = Factor.objects.annotate(**values).annotate(evidence_strength=strength_expression()).get()
    assert row.evidence_strength == strength
    assert isinstance(row.evidence_strength, int)


def test_the_documented_formula_matches_the_database(participant):
    arnhem, ede = make_municipality("Arnhem"), make_municipality("Ede")
    rich = make_factor("Veel bewijs")
    cite_in_case(rich, perspective="gemeente", municipality=arnhem)
    cite_in_case(rich, perspective="welzijn", municipality=ede)
    cite_in_case(rich, perspective="welzijn", municipality=ede)
    meeting = published_meeting()
    for perspective in ("welzijn", "inwoners", "inwoners", "onderwijs"):
        cluster_contribution(rich, meeting, perspective=perspective)
    cast_dots(rich, meeting, 7)
    one_case = make_factor("Eén casus")
    cite_in_case(one_case, perspective="overig", municipality=None)
    cast_dots(one_case, meeting, 1)
    dots = make_factor("Alleen stippen")
    cast_dots(dots, meeting, 3)
    make_factor("Niets")
    # By hand: 3×cases + 1×contributions + 2×perspectives + 2×municipalities + ⌊dots/2⌋.
    by_hand = {
        "Veel bewijs": ((3, 4, 4, 2, 7), 9 + 4 + 8 + 4 + 3),
        "Eén casus": ((1, 0, 1, 0, 1), 3 + 0 + 2 + 0 + 0),
        "Alleen stippen": ((0, 0, 0, 0, 3), 1),
        "Niets": ((0, 0, 0, 0, 0), 0),
    }

    for queryset in (Factor.objects.with_evidence(), Factor.objects.with_evidence_of_each(participant)):
        found = {
            factor.name: (tuple(getattr(factor, name) for name in COUNT_NAMES), factor.evidence_strength)
            for factor in queryset
        }
        assert found == by_hand
        for counts, strength in found.values():
            assert strength == evidence_strength(**dict(zip(COUNT_NAMES, counts, strict=True)))


def test_the_strength_levels_start_at_their_thresholds():
    assert [strength_level(n) for n in (None, 0, 1, 7, 8, 19, 20, 99)] == [
        "none",
        "none",
        "first",
        "first",
        "reasonable",
        "reasonable",
        "strong",
        "strong",
    ]


def test_a_community_only_case_is_never_public_evidence(participant):
    factor = make_factor()
    cite_in_case(factor, visibility="community", perspective="woningcorporatie")
    assert evidence_of(factor).case_count == 0
    assert evidence_of(factor, AnonymousUser()).case_count == 0
    assert evidence_of(factor).perspective_count == 0
    # Members may read community-only cases, so for them it counts.
    assert evidence_of(factor, participant).case_count == 1


def test_unpublished_cases_count_for_no_one(participant):
    factor = make_factor()
    for status in ("draft", "submitted", "withdrawn"):
        cite_in_case(factor, status=status)
    assert evidence_of(factor).case_count == 0
    assert evidence_of(factor, participant).case_count == 0


def test_only_visible_contributions_of_published_harvests_count(participant):
    factor = make_factor()
    cluster_contribution(factor, published_meeting(), hidden=True)
    cluster_contribution(factor, make_meeting(status="closed", days=-1))
    community = published_meeting(visibility="community")
    cluster_contribution(factor, community)
    cast_dots(factor, make_meeting(status="live", days=0), 4)
    cast_dots(factor, community, 2)

    assert evidence_of(factor).contribution_count == 0
    assert evidence_of(factor).vote_count == 0
    assert evidence_of(factor, participant).contribution_count == 1
    assert evidence_of(factor, participant).vote_count == 2


def test_last_confirmed_is_the_latest_case_or_meeting():
    factor = make_factor()
    long_ago = timezone.now() - timedelta(days=400)
    cite_in_case(factor, published_at=long_ago)
    assert abs(evidence_of(factor).last_confirmed - long_ago) < timedelta(seconds=1)
    meeting = published_meeting(days=-3)
    cluster_contribution(factor, meeting)
    assert abs(evidence_of(factor).last_confirmed - meeting.starts_at) < timedelta(seconds=1)


def test_a_perspective_filter_counts_only_evidence_from_that_perspective():
    factor = make_factor()
    cite_in_case(factor, perspective="gemeente")
    cite_in_case(factor, perspective="welzijn")
    cluster_contribution(factor, published_meeting(), perspective="welzijn")
    cast_dots(factor, published_meeting(), 4)
    filtered = evidence_of(factor, perspective="welzijn")
    assert (filtered.case_count, filtered.contribution_count, filtered.perspective_count) == (1, 1, 1)
    assert filtered.vote_count == 0


def test_a_municipality_filter_counts_only_cases_there():
    factor = make_factor()
    arnhem, ede = make_municipality("Arnhem"), make_municipality("Ede")
    case_link = cite_in_case(factor, municipality=arnhem)
    cite_in_case(factor, municipality=ede)
    cluster_contribution(factor, published_meeting())
    about_arnhem = cluster_contribution(factor, published_meeting())
    about_arnhem.case = case_link.case
    about_arnhem.save()
    filtered = evidence_of(factor, municipality=arnhem)
    assert (filtered.case_count, filtered.municipality_count, filtered.contribution_count) == (1, 1, 1)


def test_strongest_orders_by_evidence_strength_then_name():
    weak = make_factor("Weinig bewijs")
    strong = make_factor("Veel bewijs")
    middle = make_factor("Middelmatig")
    tied = make_factor("Aardig bewijs")
    for _ in range(3):
        cite_in_case(strong, perspective="gemeente")
    cite_in_case(middle, perspective="welzijn")
    cite_in_case(tied, perspective="welzijn")
    cluster_contribution(weak, published_meeting())
    make_factor("Voorstel", status="proposed")

    ordered = list(Factor.objects.strongest())

    assert ordered == [strong, tied, middle, weak]
    assert [f.evidence_strength for f in ordered] == [3 * 3 + 2 + 0, 3 + 2, 3 + 2, 1 + 2]


def test_evidence_of_many_factors_costs_one_query(django_assert_num_queries):
    factors = [make_factor(f"Factor {i}") for i in range(5)]
    meeting = published_meeting()
    for factor in factors:
        cite_in_case(factor)
        cluster_contribution(factor, meeting)
    with django_assert_num_queries(1):
        assert len(list(Factor.objects.strongest())) == 5


def test_a_list_with_evidence_keeps_its_numbers_inside_another_query():
    # As a subquery the evidence join and its columns get new aliases, and in an OR of two
    # lists some keep theirs (relabeled_clone).
    cited, dated, bare = make_factor("Genoemd"), make_factor("Besproken"), make_factor("Kaal")
    cite_in_case(cited)
    cite_in_case(cited)
    cluster_contribution(dated, published_meeting())
    evidence = Factor.objects.with_evidence()

    assert set(Factor.objects.filter(pk__in=evidence.filter(case_count=2).values("pk"))) == {cited}
    confirmed = evidence.filter(last_confirmed__isnull=False, case_count=0).values("pk")
    assert set(Factor.objects.filter(pk__in=confirmed)) == {dated}
    without = evidence.filter(evidence_strength=0).values("pk")
    assert set(Factor.objects.filter(pk__in=without)) == {bare}
    assert set(evidence.filter(case_count=2) | evidence.filter(evidence_strength=0)) == {cited, bare}
    latest = Subquery(evidence.filter(pk=OuterRef("pk")).values("last_confirmed"))
    assert Factor.objects.annotate(latest=latest).get(pk=dated.pk).latest == evidence.get(pk=dated.pk).last_confirmed


def test_the_python_formula_counts_what_it_is_given_and_nothing_else():
    """Each count defaults to nothing: the formula of no evidence is 0, of one kind that kind's weight."""
    from factors.evidence import evidence_strength

    assert evidence_strength() == 0
    assert evidence_strength(case_count=1) == 3
    assert evidence_strength(contribution_count=1) == 1
    assert evidence_strength(perspective_count=1) == 2
    assert evidence_strength(municipality_count=1) == 2
    assert evidence_strength(vote_count=2) == 1
