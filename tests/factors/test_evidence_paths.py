"""The two ways of computing evidence agree, and the filters count only what they keep.

``Factor.objects.with_evidence`` joins one derived table for a whole list;
``with_evidence_of_each`` uses correlated subqueries per factor (factors/evidence.py).
Both must give the same numbers for every viewer on every kind of evidence.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from cop.models import Municipality
from factors.evidence import case_evidence, contribution_evidence
from factors.models import Factor
from tests.conftest import make_factor, make_meeting, make_user
from tests.factors.conftest import (
    cast_dots,
    cite_in_case,
    cluster_contribution,
    make_municipality,
    published_meeting,
)

pytestmark = pytest.mark.django_db

FIELDS = [
    "case_count",
    "contribution_count",
    "meeting_count",
    "perspective_count",
    "municipality_count",
    "vote_count",
    "last_confirmed",
    "source_count",
    "evidence_strength",
    "evidence_level",
]
VIEWERS = ["visitor", "member", "facilitator"]


@pytest.fixture
def viewer(request, db):
    """``None`` for a visitor, else a signed-in member or facilitator."""
    return {
        "visitor": lambda: None,
        "member": lambda: make_user("lid@example.org"),
        "facilitator": lambda: make_user("regie@example.org", facilitator=True),
    }[request.param]()


@pytest.fixture
def evidence_world():
    """Factors with every kind of evidence the rules tell apart."""
    now = timezone.now()
    arnhem, ede, zutphen = make_municipality("Arnhem"), make_municipality("Ede"), make_municipality("Zutphen")
    public = published_meeting(days=-10, municipality=ede)
    community = published_meeting(days=-5, visibility="community", municipality=zutphen)
    elsewhere = published_meeting(days=-8)  # no municipality known
    closed = make_meeting(status="closed", days=-2)
    live = make_meeting(status="live", days=0)

    make_factor("Zonder bewijs")
    make_factor("Voorgesteld zonder bewijs", status="proposed")

    only_cases = make_factor("Alleen casussen")
    cite_in_case(only_cases, perspective="gemeente", municipality=arnhem, published_at=now - timedelta(days=30))
    cite_in_case(only_cases, perspective="welzijn", municipality=ede, visibility="community")
    cite_in_case(only_cases, perspective="onderwijs", municipality=None)
    for status in ("draft", "submitted", "withdrawn"):
        cite_in_case(only_cases, perspective="provincie", municipality=ede, status=status)

    only_community_case = make_factor("Alleen een casus voor leden")
    cite_in_case(only_community_case, perspective="ondernemer", municipality=arnhem, visibility="community")

    only_contributions = make_factor("Alleen bijdragen")
    cluster_contribution(only_contributions, public, perspective="inwoners")
    cluster_contribution(only_contributions, public, perspective="inwoners")
    cluster_contribution(only_contributions, public, perspective="welzijn", hidden=True)
    cluster_contribution(only_contributions, closed, perspective="vereniging")
    cluster_contribution(only_contributions, live, perspective="vereniging")
    cluster_contribution(only_contributions, community, perspective="woningcorporatie")

    only_votes = make_factor("Alleen stippen")
    cast_dots(only_votes, public, 5)
    cast_dots(only_votes, community, 3)
    cast_dots(only_votes, live, 4)
    cast_dots(only_votes, closed, 2)

    # A perspective that a community-only case brings for members and a public
    # contribution brings for everyone: once for members, once for visitors.
    overlap = make_factor("Overlappende perspectieven")
    cite_in_case(overlap, perspective="welzijn", municipality=arnhem, visibility="community")
    cite_in_case(overlap, perspective="gemeente", municipality=arnhem)
    cluster_contribution(overlap, public, perspective="welzijn")
    cluster_contribution(overlap, community, perspective="gemeente")
    cluster_contribution(overlap, community, perspective="overig")

    mixed = make_factor("Van alles wat", kind="obstacle")
    cite_in_case(mixed, perspective="gemeente", municipality=arnhem, published_at=now - timedelta(days=3))
    cite_in_case(mixed, perspective="gemeente", municipality=ede, published_at=now - timedelta(days=60))
    cite_in_case(mixed, perspective="woningcorporatie", municipality=ede, visibility="community")
    cluster_contribution(mixed, public, perspective="inwoners")
    cluster_contribution(mixed, public, perspective="gemeente")  # as a public case: counts once
    cluster_contribution(mixed, community, perspective="provincie")
    cluster_contribution(mixed, closed, perspective="ondernemer")
    # About a case in Arnhem, in a meeting in Ede: the case's place counts.
    arnhem_case = cite_in_case(make_factor("Casus elders"), municipality=arnhem).case
    cluster_contribution(mixed, elsewhere, perspective="onderwijs", case=arnhem_case)
    cluster_contribution(mixed, public, perspective="inwoners", case=arnhem_case)
    cast_dots(mixed, public, 7)
    cast_dots(mixed, community, 2)
    return {"arnhem": arnhem, "ede": ede}


def rows(queryset):
    return {factor.name: tuple(getattr(factor, name) for name in FIELDS) for factor in queryset}


@pytest.mark.parametrize("viewer", VIEWERS, indirect=True)
def test_the_joined_table_and_the_subqueries_give_the_same_evidence(evidence_world, viewer):
    joined = rows(Factor.objects.with_evidence(viewer))
    each = rows(Factor.objects.with_evidence_of_each(viewer))

    assert joined.keys() == each.keys()
    assert len(joined) == 9
    for name in joined:
        assert dict(zip(FIELDS, joined[name], strict=True)) == dict(zip(FIELDS, each[name], strict=True)), name
    # The comparison means something only if every field is non-zero somewhere, and zero somewhere.
    for index, field in enumerate(FIELDS):
        values = [row[index] for row in joined.values()]
        assert any(values), f"{field} is zero or None on every factor"
        assert not all(values), f"{field} is set on every factor"


@pytest.mark.parametrize("narrowed", ["perspective", "municipality"])
def test_the_subqueries_narrow_the_evidence_as_the_joined_table_does(evidence_world, narrowed):
    """``evidence_expressions`` takes the same filters as ``with_evidence`` and gives the same numbers."""
    from factors.evidence import annotate_scores, evidence_expressions

    member = make_user("filter@example.org")
    value = {"perspective": "welzijn", "municipality": Municipality.objects.get(name="Ede")}[narrowed]
    joined = rows(Factor.objects.with_evidence(member, **{narrowed: value}))
    each = rows(annotate_scores(Factor.objects.annotate(**evidence_expressions(member, **{narrowed: value}))))
    assert joined == each
    assert joined != rows(Factor.objects.with_evidence(member))  # the filter changed something


def test_members_and_facilitators_see_more_evidence_than_visitors(evidence_world):
    facilitator = make_user("regie@example.org", facilitator=True)
    member = make_user("lid@example.org")
    for method in (Factor.objects.with_evidence, Factor.objects.with_evidence_of_each):
        visitor, as_member, as_facilitator = rows(method(None)), rows(method(member)), rows(method(facilitator))
        # Evidence rules do not tell members and facilitators apart; visitors see less.
        assert as_member == as_facilitator
        differ = {name for name in visitor if visitor[name] != as_member[name]}
        assert differ == {
            "Alleen casussen",
            "Alleen een casus voor leden",
            "Alleen bijdragen",
            "Alleen stippen",
            "Overlappende perspectieven",
            "Van alles wat",
        }


def test_the_counts_of_the_world_by_hand(evidence_world, participant):
    def counts(viewer):
        found = rows(Factor.objects.with_evidence(viewer))
        return {name: values[:6] for name, values in found.items()}

    def levels(viewer):
        return {factor.name: factor.evidence_level for factor in Factor.objects.with_evidence(viewer)}

    # (cases, contributions, meetings, perspectives, municipalities, votes)
    visitor, member = counts(None), counts(participant)
    assert visitor["Zonder bewijs"] == member["Zonder bewijs"] == (0, 0, 0, 0, 0, 0)
    assert visitor["Alleen casussen"] == (2, 0, 0, 2, 1, 0)
    assert member["Alleen casussen"] == (3, 0, 0, 3, 2, 0)
    assert visitor["Alleen een casus voor leden"] == (0, 0, 0, 0, 0, 0)
    assert member["Alleen een casus voor leden"] == (1, 0, 0, 1, 1, 0)
    # The public meeting was in Ede, the community one in Zutphen: their places count.
    assert visitor["Alleen bijdragen"] == (0, 2, 1, 1, 1, 0)
    assert member["Alleen bijdragen"] == (0, 3, 2, 2, 2, 0)
    assert visitor["Alleen stippen"] == (0, 0, 0, 0, 0, 5)
    assert member["Alleen stippen"] == (0, 0, 0, 0, 0, 8)
    assert visitor["Overlappende perspectieven"] == (1, 1, 1, 2, 2, 0)
    assert member["Overlappende perspectieven"] == (2, 3, 2, 3, 3, 0)
    # A contribution about a case counts the case's place (Arnhem), not the meeting's.
    assert visitor["Van alles wat"] == (2, 4, 2, 3, 2, 7)
    assert member["Van alles wat"] == (3, 5, 3, 5, 3, 9)
    assert visitor["Casus elders"] == member["Casus elders"] == (1, 0, 0, 1, 1, 0)

    assert levels(None) == {
        "Zonder bewijs": 0,
        "Voorgesteld zonder bewijs": 0,
        "Alleen casussen": 1,  # two cases, but one municipality
        "Alleen een casus voor leden": 0,
        "Alleen bijdragen": 1,  # one evening, however many notes
        "Alleen stippen": 0,  # dots are priority, not evidence
        "Overlappende perspectieven": 2,
        "Van alles wat": 2,  # four sources, but two municipalities
        "Casus elders": 1,
    }
    assert levels(participant)["Van alles wat"] == 3
    assert levels(participant)["Overlappende perspectieven"] == 3
    assert levels(participant)["Alleen bijdragen"] == 1  # two meetings, no case


# --- the municipality and perspective filters ----------------------------------------


@pytest.fixture
def two_places():
    """One factor with evidence in Arnhem, in Ede, with no place, and dots."""
    arnhem, ede = make_municipality("Arnhem"), make_municipality("Ede")
    factor = make_factor()
    in_arnhem = cite_in_case(factor, perspective="gemeente", municipality=arnhem)
    cite_in_case(factor, perspective="welzijn", municipality=arnhem)
    in_ede = cite_in_case(factor, perspective="welzijn", municipality=ede)
    cite_in_case(factor, perspective="inwoners", municipality=None)
    meeting = published_meeting()
    about_arnhem = cluster_contribution(factor, meeting, perspective="inwoners")
    about_arnhem.case = in_arnhem.case
    about_arnhem.save()
    about_ede = cluster_contribution(factor, meeting, perspective="onderwijs")
    about_ede.case = in_ede.case
    about_ede.save()
    cluster_contribution(factor, meeting, perspective="gemeente")  # about no case
    cast_dots(factor, meeting, 6)
    only_in_ede = make_factor("Alleen in Ede")
    cite_in_case(only_in_ede, perspective="welzijn", municipality=ede)
    return {"factor": factor, "only_in_ede": only_in_ede, "arnhem": arnhem, "ede": ede}


def test_case_evidence_keeps_only_cases_in_the_municipality(two_places):
    arnhem, ede = two_places["arnhem"], two_places["ede"]
    assert {link.case.municipality for link in case_evidence(municipality=arnhem)} == {arnhem}
    assert case_evidence(municipality=arnhem).count() == 2
    assert case_evidence(municipality=ede).count() == 2
    assert case_evidence().count() == 5
    # By id as well as by instance.
    assert case_evidence(municipality=ede.pk).count() == 2


def test_contribution_evidence_keeps_only_contributions_about_a_case_there(two_places):
    arnhem, ede = two_places["arnhem"], two_places["ede"]
    assert [c.perspective for c in contribution_evidence(municipality=arnhem)] == ["inwoners"]
    assert [c.perspective for c in contribution_evidence(municipality=ede)] == ["onderwijs"]
    assert contribution_evidence().count() == 3


def test_the_perspective_filter_of_cases_and_contributions(two_places):
    assert {link.case.perspective for link in case_evidence(perspective="welzijn")} == {"welzijn"}
    assert case_evidence(perspective="welzijn").count() == 3
    assert [c.perspective for c in contribution_evidence(perspective="inwoners")] == ["inwoners"]
    assert contribution_evidence(perspective="welzijn").count() == 0
    both = case_evidence(perspective="welzijn", municipality=two_places["ede"])
    assert both.count() == 2


def test_with_evidence_in_a_municipality_counts_nothing_from_outside(two_places):
    factor, arnhem, ede = two_places["factor"], two_places["arnhem"], two_places["ede"]
    unfiltered = Factor.objects.with_evidence().get(pk=factor.pk)
    assert (unfiltered.case_count, unfiltered.contribution_count, unfiltered.vote_count) == (4, 3, 6)
    assert (unfiltered.perspective_count, unfiltered.municipality_count) == (4, 2)

    in_arnhem = Factor.objects.with_evidence(municipality=arnhem).get(pk=factor.pk)
    # Two cases in Arnhem (gemeente, welzijn), one contribution about one (inwoners); no dots.
    assert in_arnhem.case_count == 2
    assert in_arnhem.contribution_count == 1
    assert in_arnhem.perspective_count == 3
    assert in_arnhem.municipality_count == 1
    assert in_arnhem.vote_count == 0
    assert in_arnhem.meeting_count == 1
    assert in_arnhem.evidence_strength == 3 * 2 + 1
    assert in_arnhem.evidence_level == 1  # one municipality: first signs

    in_ede = Factor.objects.with_evidence(municipality=ede).get(pk=factor.pk)
    assert (in_ede.case_count, in_ede.contribution_count, in_ede.perspective_count) == (1, 1, 2)
    assert (in_ede.municipality_count, in_ede.vote_count) == (1, 0)

    elsewhere = Factor.objects.with_evidence(municipality=arnhem).get(pk=two_places["only_in_ede"].pk)
    assert (elsewhere.case_count, elsewhere.perspective_count, elsewhere.municipality_count) == (0, 0, 0)
    assert (elsewhere.evidence_strength, elsewhere.last_confirmed) == (0, None)


def test_with_evidence_from_a_perspective_counts_nothing_else(two_places):
    factor = two_places["factor"]
    welfare = Factor.objects.with_evidence(perspective="welzijn").get(pk=factor.pk)
    assert (welfare.case_count, welfare.contribution_count, welfare.perspective_count) == (2, 0, 1)
    assert (welfare.municipality_count, welfare.vote_count) == (2, 0)
    residents = Factor.objects.with_evidence(perspective="inwoners").get(pk=factor.pk)
    assert (residents.case_count, residents.contribution_count, residents.perspective_count) == (1, 1, 1)
    # The case of the residents has no municipality; its contribution is about a case in Arnhem.
    assert (residents.municipality_count, residents.vote_count) == (1, 0)
    both = Factor.objects.with_evidence(perspective="welzijn", municipality=two_places["ede"]).get(pk=factor.pk)
    assert (both.case_count, both.contribution_count, both.perspective_count, both.vote_count) == (1, 0, 1, 0)


def test_two_filtered_evidence_annotations_do_not_share_one_join(two_places):
    factor, arnhem, ede = two_places["factor"], two_places["arnhem"], two_places["ede"]
    in_arnhem = Factor.objects.with_evidence(municipality=arnhem).filter(pk=factor.pk)
    in_ede = Factor.objects.with_evidence(municipality=ede).filter(pk=factor.pk)
    assert in_arnhem.get().case_count == 2
    assert in_ede.get().case_count == 1


def test_a_second_with_evidence_with_other_arguments_counts_its_own_evidence(two_places, participant):
    # On one queryset: the second call gets a join of its own instead of reusing the first.
    factor, arnhem, ede = two_places["factor"], two_places["arnhem"], two_places["ede"]
    cite_in_case(factor, perspective="provincie", visibility="community")
    factors = Factor.objects.filter(pk=factor.pk)
    assert factors.with_evidence(municipality=arnhem).with_evidence(municipality=ede).get().case_count == 1
    assert factors.with_evidence(municipality=arnhem.pk).with_evidence(municipality=ede.pk).get().case_count == 1
    assert factors.with_evidence(municipality=ede).with_evidence().get().case_count == 4
    assert factors.with_evidence(perspective="welzijn").with_evidence(perspective="gemeente").get().case_count == 1
    assert factors.with_evidence(perspective="welzijn").with_evidence().get().case_count == 4
    assert factors.with_evidence().with_evidence(participant).get().case_count == 5
    assert factors.with_evidence(participant).with_evidence().get().case_count == 4


def test_with_evidence_from_keeps_factors_with_evidence_in_the_filter(two_places):
    factor, only_in_ede = two_places["factor"], two_places["only_in_ede"]
    arnhem, ede = two_places["arnhem"], two_places["ede"]
    make_factor("Zonder bewijs")
    assert set(Factor.objects.with_evidence_from(municipality=arnhem)) == {factor}
    assert set(Factor.objects.with_evidence_from(municipality=ede)) == {factor, only_in_ede}
    assert set(Factor.objects.with_evidence_from(perspective="welzijn")) == {factor, only_in_ede}
    # Only a contribution brings "onderwijs": it counts, through the Exists on contributions.
    assert set(Factor.objects.with_evidence_from(perspective="onderwijs")) == {factor}
    assert set(Factor.objects.with_evidence_from(perspective="onderwijs", municipality=arnhem)) == set()
    assert set(Factor.objects.with_evidence_from(perspective="provincie")) == set()
    # Dots bring no place and no perspective: a factor with only dots is never kept.
    dotted = make_factor("Alleen stippen")
    cast_dots(dotted, published_meeting(), 3)
    assert dotted not in set(Factor.objects.with_evidence_from(municipality=arnhem))
    assert dotted not in set(Factor.objects.with_evidence_from(perspective="welzijn"))


def test_a_municipality_filter_respects_who_looks(two_places, participant):
    arnhem = two_places["arnhem"]
    factor = two_places["factor"]
    cite_in_case(factor, perspective="provincie", municipality=arnhem, visibility="community")
    community = published_meeting(visibility="community")
    about = cluster_contribution(factor, community, perspective="vereniging")
    about.case = case_evidence(municipality=arnhem).first().case
    about.save()
    assert case_evidence(municipality=arnhem).count() == 2
    assert case_evidence(participant, municipality=arnhem).count() == 3
    assert contribution_evidence(municipality=arnhem).count() == 1
    assert contribution_evidence(participant, municipality=arnhem).count() == 2
    visitor = Factor.objects.with_evidence(municipality=arnhem).get(pk=factor.pk)
    member = Factor.objects.with_evidence(participant, municipality=arnhem).get(pk=factor.pk)
    assert (visitor.case_count, visitor.contribution_count, visitor.perspective_count) == (2, 1, 3)
    assert (member.case_count, member.contribution_count, member.perspective_count) == (3, 2, 5)
    assert member.vote_count == visitor.vote_count == 0


def test_the_perspectives_behind_a_factor_follow_the_viewer_and_the_filters(evidence_world):
    """``perspectives_by_factor`` (the factor cards' perspective list) counts what the viewer may see."""
    from factors.evidence import perspectives_by_factor

    cases, contributions = (Factor.objects.get(name=n) for n in ("Alleen casussen", "Alleen bijdragen"))
    ids = [cases.pk, contributions.pk]
    member = make_user("lezer@example.org")
    assert perspectives_by_factor(ids, None) == {
        cases.pk: ["gemeente", "onderwijs"],
        contributions.pk: ["inwoners"],
    }
    assert perspectives_by_factor(ids, member) == {
        cases.pk: ["gemeente", "onderwijs", "welzijn"],
        contributions.pk: ["inwoners", "woningcorporatie"],
    }
    assert perspectives_by_factor(ids, member, perspective="welzijn") == {cases.pk: ["welzijn"], contributions.pk: []}
    assert perspectives_by_factor([], member) == {}
