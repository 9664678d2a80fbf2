"""The one rule of publication per model: ``public()`` and ``visible_to(user)``."""

import pytest

from cases.models import Case, Reflection
from cop.models import Term, TermVersion
from factors.models import Factor
from meetings.models import Contribution, Meeting, Round
from tests.conftest import make_case, make_factor, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(owner):
    return {
        "draft": make_case(owner, title="Concept", status="draft"),
        "submitted": make_case(owner, title="Ingediend", status="submitted"),
        "withdrawn": make_case(owner, title="Teruggetrokken", status="withdrawn"),
        "public": make_case(owner, title="Openbaar", status="published"),
        "community": make_case(owner, title="Alleen leden", status="published", visibility="community"),
    }


def titles(queryset):
    return set(queryset.values_list("title", flat=True))


def test_visitors_see_only_published_public_cases(cases, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    assert titles(Case.objects.public()) == {"Openbaar"}
    assert titles(Case.objects.visible_to(AnonymousUser())) == {"Openbaar"}


def test_members_also_see_community_cases_but_not_others_drafts(cases, participant):
    assert titles(Case.objects.visible_to(participant)) == {"Openbaar", "Alleen leden"}


def test_owners_see_all_their_own_cases(cases, owner):
    assert titles(Case.objects.visible_to(owner)) == {
        "Concept",
        "Ingediend",
        "Teruggetrokken",
        "Openbaar",
        "Alleen leden",
    }


def test_coeditors_see_the_drafts_they_coedit(cases, coeditor):
    cases["draft"].co_editors.add(coeditor)
    assert "Concept" in titles(Case.objects.visible_to(coeditor))
    assert "Ingediend" not in titles(Case.objects.visible_to(coeditor))


def test_facilitators_see_the_review_queue_but_not_drafts(cases, facilitator):
    assert titles(Case.objects.visible_to(facilitator)) == {
        "Ingediend",
        "Teruggetrokken",
        "Openbaar",
        "Alleen leden",
    }


def test_reflections_are_public_only_when_visible_and_on_a_public_case(cases, participant, facilitator):
    shown = Reflection.objects.create(case=cases["public"], author=participant, perspective="inwoners", strikes="a")
    hidden = Reflection.objects.create(
        case=cases["public"], author=participant, perspective="inwoners", strikes="b", hidden=True
    )
    on_community = Reflection.objects.create(
        case=cases["community"], author=participant, perspective="inwoners", strikes="c"
    )
    assert set(Reflection.objects.public()) == {shown}
    assert set(Reflection.objects.visible_to(participant)) == {shown, hidden, on_community}
    assert hidden in Reflection.objects.visible_to(facilitator)


def test_only_accepted_factors_are_public(participant, facilitator):
    accepted = make_factor("Vertrouwen", status="accepted")
    mine = make_factor("Mijn voorstel", status="proposed", proposed_by=participant)
    other = make_factor("Voorstel van een ander", status="proposed")
    retired = make_factor("Vervallen", status="retired")
    assert set(Factor.objects.public()) == {accepted}
    assert set(Factor.objects.visible_to(participant)) == {accepted, mine}
    assert set(Factor.objects.visible_to(facilitator)) == {accepted, mine, other, retired}


def test_terms_are_public_once_a_version_is_accepted(facilitator):
    term = Term.objects.create(name="Vliegwiel")
    version = TermVersion.objects.create(term=term, definition="<p>Energie die zichzelf versterkt.</p>")
    assert not Term.objects.public().exists()
    assert term in Term.objects.visible_to(facilitator)
    version.accept(by=facilitator)
    assert list(Term.objects.public()) == [term]
    assert term.current_version == version


def test_contributions_are_public_only_in_a_published_public_meeting(participant):
    meeting = make_meeting(status="closed")
    round_ = Round.objects.create(meeting=meeting, prompt="Wat werkt?")
    contribution = Contribution.objects.create(
        round=round_, meeting=meeting, text="Start bij wat leeft", perspective="inwoners", author=participant
    )
    assert not Contribution.objects.public().exists()
    meeting.status = Meeting.Status.PUBLISHED
    meeting.save()
    assert list(Contribution.objects.public()) == [contribution]
    meeting.visibility = Meeting.Visibility.COMMUNITY
    meeting.save()
    assert not Contribution.objects.public().exists()


def test_community_meetings_are_not_public(participant):
    from django.contrib.auth.models import AnonymousUser

    public = make_meeting(title="Open")
    community = make_meeting(title="Leerkring", visibility="community")
    assert set(Meeting.objects.visible_to(AnonymousUser())) == {public}
    assert set(Meeting.objects.visible_to(participant)) == {public, community}
