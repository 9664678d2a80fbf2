"""Evidence is computed from cases, meetings and dots, never typed in (Factor.objects.with_evidence)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import IntegerField, OuterRef, Subquery, Value
from django.utils import timezone

from factors.evidence import (
    annotate_scores,
    evidence_level,
    evidence_strength,
    scale,
    strength_expression,
    strength_level,
)
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
    assert factor.meeting_count == 1
    assert factor.source_count == 4
    # gemeente and welzijn from the cases, inwoners from a contribution: welzijn counts once.
    assert factor.perspective_count == 3
    assert factor.municipality_count == 2
    assert factor.vote_count == 5
    assert factor.evidence_strength == 3 * 3 + 1 == 10
    # Four sources, three perspectives, but two municipalities: not yet strong.
    assert (factor.evidence_level, factor.strength_level) == (2, "reasonable")


# (cases, meetings) -> strength: each weight alone and sums where + and ×, − give other numbers.
STRENGTHS = [
    ((0, 0), 0),
    ((1, 0), 3),
    ((0, 1), 1),
    ((0, 2), 2),
    ((2, 3), 9),
    ((5, 0), 15),
    ((4, 7), 19),
]


@pytest.mark.parametrize(("counts", "strength"), STRENGTHS)
def test_the_python_formula_of_the_strength(counts, strength):
    assert evidence_strength(*counts) == strength


@pytest.mark.parametrize(("counts", "strength"), STRENGTHS)
def test_the_sql_formula_of_the_strength(counts, strength):
    make_factor()
    values = {
        name: Value(n, output_field=IntegerField())
        for name, n in zip(("case_count", "meeting_count"), counts, strict=True)
    }
    row = Factor.objects.annotate(**values).annotate(evidence_strength=strength_expression()).get()
    assert row.evidence_strength == strength
    assert isinstance(row.evidence_strength, int)


# (cases, meetings, municipalities, perspectives) -> level: every threshold, met and one short.
LEVELS = [
    ((0, 0, 0, 0), 0),
    ((0, 0, 5, 5), 0),  # breadth without a source is nothing
    ((1, 0, 0, 0), 1),
    ((0, 1, 0, 0), 1),
    ((0, 1, 1, 9), 1),  # one evening, all perspectives in the room: still first signs
    ((0, 5, 5, 9), 1),  # meetings alone never make more than first signs
    ((1, 1, 1, 2), 1),  # one case, one meeting, one municipality
    ((1, 1, 2, 1), 1),  # one perspective
    ((1, 1, 2, 2), 2),
    ((2, 0, 2, 2), 2),
    ((3, 0, 3, 3), 2),  # three cases, never discussed in a meeting: not strong
    ((2, 1, 3, 3), 2),  # three sources
    ((1, 3, 3, 3), 2),  # one case
    ((2, 2, 2, 3), 2),  # two municipalities
    ((2, 2, 3, 2), 2),  # two perspectives
    ((2, 2, 3, 3), 3),
    ((3, 1, 3, 3), 3),
    ((9, 9, 9, 9), 3),
]
LEVEL_COUNTS = ("case_count", "meeting_count", "municipality_count", "perspective_count")


@pytest.mark.parametrize(("counts", "level"), LEVELS)
def test_the_python_level_at_every_threshold(counts, level):
    assert evidence_level(**dict(zip(LEVEL_COUNTS, counts, strict=True))) == level


@pytest.mark.parametrize(("counts", "level"), LEVELS)
def test_the_sql_level_at_every_threshold(counts, level):
    make_factor()
    values = {name: Value(n, output_field=IntegerField()) for name, n in zip(LEVEL_COUNTS, counts, strict=True)}
    row = annotate_scores(Factor.objects.annotate(**values)).get()
    assert row.evidence_level == level
    assert row.source_count == counts[0] + counts[1]


def test_the_documented_formula_matches_the_database(participant):
    arnhem, ede = make_municipality("Arnhem"), make_municipality("Ede")
    rich = make_factor("Veel bewijs")
    cite_in_case(rich, perspective="gemeente", municipality=arnhem)
    cite_in_case(rich, perspective="welzijn", municipality=ede)
    cite_in_case(rich, perspective="welzijn", municipality=ede)
    meeting = published_meeting(municipality=make_municipality("Zutphen"))
    for perspective in ("welzijn", "inwoners", "inwoners", "onderwijs"):
        cluster_contribution(rich, meeting, perspective=perspective)
    cast_dots(rich, meeting, 7)
    one_case = make_factor("Eén casus")
    cite_in_case(one_case, perspective="overig", municipality=None)
    cast_dots(one_case, meeting, 1)
    dots = make_factor("Alleen stippen")
    cast_dots(dots, meeting, 3)
    make_factor("Niets")
    # By hand: (cases, meetings, municipalities, perspectives) -> (3×cases + meetings, level).
    by_hand = {
        "Veel bewijs": ((3, 1, 3, 4), 10, 3),
        "Eén casus": ((1, 0, 0, 1), 3, 1),
        "Alleen stippen": ((0, 0, 0, 0), 0, 0),
        "Niets": ((0, 0, 0, 0), 0, 0),
    }

    for queryset in (Factor.objects.with_evidence(), Factor.objects.with_evidence_of_each(participant)):
        found = {
            factor.name: (
                tuple(getattr(factor, name) for name in LEVEL_COUNTS),
                factor.evidence_strength,
                factor.evidence_level,
            )
            for factor in queryset
        }
        assert found == by_hand
        for counts, strength, level in found.values():
            assert strength == evidence_strength(counts[0], counts[1])
            assert level == evidence_level(**dict(zip(LEVEL_COUNTS, counts, strict=True)))


def test_the_level_words():
    assert [strength_level(n) for n in (None, 0, 1, 2, 3)] == ["none", "none", "first", "reasonable", "strong"]
    assert [name for _level, name, _label, _rule in scale()] == ["none", "first", "reasonable", "strong"]


def test_one_evening_of_notes_ranks_below_one_documented_case():
    """The measured case: 4 notes from one evening scored above a factor with a case."""
    evening = make_factor("Eén avond")
    meeting = published_meeting(municipality=make_municipality("Arnhem"))
    for perspective in ("gemeente", "welzijn", "inwoners", "woningcorporatie"):
        cluster_contribution(evening, meeting, perspective=perspective)
    documented = make_factor("Gedocumenteerd")
    cite_in_case(documented, perspective="welzijn", municipality=make_municipality("Ede"))

    ordered = list(Factor.objects.strongest())

    assert ordered == [documented, evening]
    assert [f.strength_level for f in ordered] == ["first", "first"]
    # The evening's municipality is the meeting's.
    assert ordered[1].municipality_count == 1


def test_one_case_and_one_note_from_one_municipality_are_first_signs():
    factor = make_factor()
    arnhem = make_municipality("Arnhem")
    cite_in_case(factor, perspective="gemeente", municipality=arnhem)
    cluster_contribution(factor, published_meeting(municipality=arnhem), perspective="inwoners")
    assert evidence_of(factor).strength_level == "first"


def test_three_cases_without_a_meeting_are_not_strong():
    factor = make_factor()
    for perspective, place in (("gemeente", "Arnhem"), ("welzijn", "Ede"), ("inwoners", "Tiel")):
        cite_in_case(factor, perspective=perspective, municipality=make_municipality(place))
    assert evidence_of(factor).strength_level == "reasonable"


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


def test_strongest_orders_by_level_then_strength_then_name():
    weak = make_factor("Weinig bewijs")
    strong = make_factor("Veel bewijs")
    middle = make_factor("Middelmatig")
    tied = make_factor("Aardig bewijs")
    broad = make_factor("Breed")
    for _ in range(3):
        cite_in_case(strong, perspective="gemeente")
    cite_in_case(middle, perspective="welzijn")
    cite_in_case(tied, perspective="welzijn")
    cluster_contribution(weak, published_meeting())
    # Fewer points than "Veel bewijs" (3 + 1 < 9), but a level higher.
    cite_in_case(broad, perspective="welzijn", municipality=make_municipality("Arnhem"))
    cluster_contribution(broad, published_meeting(municipality=make_municipality("Ede")), perspective="gemeente")
    make_factor("Voorstel", status="proposed")

    ordered = list(Factor.objects.strongest())

    assert ordered == [broad, strong, tied, middle, weak]
    assert [f.evidence_level for f in ordered] == [2, 1, 1, 1, 1]
    assert [f.evidence_strength for f in ordered] == [4, 9, 3, 3, 1]


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
    assert evidence_strength() == 0
    assert evidence_strength(case_count=1) == 3
    assert evidence_strength(meeting_count=1) == 1
    assert evidence_level() == 0
    assert evidence_level(case_count=1) == evidence_level(meeting_count=1) == 1
