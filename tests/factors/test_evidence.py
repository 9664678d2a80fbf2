"""Evidence is computed from cases, meetings and dots, never typed in (Factor.objects.with_evidence)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from factors.evidence import evidence_strength, strength_level
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


def test_the_documented_formula_matches_the_database():
    assert (
        evidence_strength(case_count=2, contribution_count=4, perspective_count=3, municipality_count=1, vote_count=7)
        == 6 + 4 + 6 + 2 + 3
    )
    assert [strength_level(n) for n in (0, 1, 7, 8, 19, 20)] == [
        "none",
        "first",
        "first",
        "reasonable",
        "reasonable",
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
