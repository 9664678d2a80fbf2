"""generate_data: a synthetic CoP for the benchmark, at a tiny scale (XS) on the test database."""

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, F

from cases.models import Case, CaseFactor, Reflection
from cop.models import Profile, User
from cop.search import is_postgres, search
from devtools import datagen
from factors.models import Factor
from meetings.models import Contribution, Meeting, Round, Vote

pytestmark = pytest.mark.django_db


def generate(*args):
    call_command("generate_data", "--scale", "XS", *args, stdout=open("/dev/null", "w"))  # noqa: SIM115


def snapshot():
    """What should come out the same for the same seed."""
    return (
        list(
            Case.objects.order_by("slug").values_list("slug", "status", "visibility", "summary", "municipality__name")
        ),
        list(Factor.objects.order_by("slug").values_list("slug", "kind", "status", "statement")),
        list(Meeting.objects.order_by("slug").values_list("slug", "status", "visibility", "starts_at")),
        sorted(Contribution.objects.values_list("text", "kind", "perspective", "factor__slug")),
        sorted(Profile.objects.values_list("user__email", "display_name", "show_name_publicly")),
    )


def test_the_tiny_scale_makes_a_community_with_everything_in_it():
    generate()
    plan = datagen.PLANS["XS"]
    assert Case.objects.count() == plan.cases
    assert Factor.objects.count() == plan.factors
    assert User.objects.filter(email__endswith=datagen.GENERATED_EMAIL_DOMAIN).count() == plan.members
    assert Contribution.objects.count() == plan.contributions
    assert Vote.objects.count() == plan.votes
    assert CaseFactor.objects.exists() and Reflection.objects.exists()


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    generate("--seed", "7")
    first = snapshot()
    generate("--seed", "7", "--force")
    assert snapshot() == first
    generate("--seed", "8", "--force")
    assert snapshot() != first


def test_the_publication_rules_hold_drafts_and_community_cases_stay_out_of_public():
    generate()
    statuses = set(Case.objects.values_list("status", flat=True))
    assert {"draft", "submitted", "published", "withdrawn"} <= statuses
    community = Case.objects.filter(status="published", visibility="community")
    assert community.exists()
    public = Case.objects.public()
    assert 0 < public.count() < Case.objects.count()
    assert not public.filter(pk__in=community).exists()
    assert not Case.objects.filter(status="published", published_at=None).exists()
    assert not Case.objects.exclude(status="published").exclude(published_at=None).exists()
    # Harvests: published meetings have one; upcoming meetings have no contributions yet.
    assert Meeting.objects.filter(status="published").exclude(published_at=None).exists()
    assert not Meeting.objects.filter(status="published", published_at=None).exists()
    assert Meeting.objects.filter(status="planned").exists()
    assert not Contribution.objects.filter(meeting__status="planned").exists()
    assert Contribution.objects.public().exists()


def test_contributions_and_votes_are_consistent_with_their_rounds():
    generate()
    assert not Contribution.objects.exclude(meeting=F("round__meeting")).exists()
    assert not Contribution.objects.filter(author=None, guest_key="").exists()
    over = (
        Vote.objects.exclude(voter=None)
        .values("round", "voter")
        .annotate(n=Count("id"))
        .filter(n__gt=F("round__dots_per_person"))
    )
    assert not over.exists()
    assert not Vote.objects.exclude(round__mode=Round.Mode.VOTE).exists()


def test_every_scale_has_public_text_with_the_common_and_the_rare_word():
    generate()
    public = Case.objects.public()
    assert public.filter(summary__icontains=datagen.RARE_WORD).exists()
    assert Factor.objects.public().filter(statement__icontains=datagen.RARE_WORD).exists()
    assert Meeting.objects.with_public_harvest().filter(summary__icontains=datagen.RARE_WORD).exists()
    assert public.filter(story__icontains=datagen.COMMON_WORD).count() > public.count() / 2


def test_generated_members_are_verified_and_can_sign_in(client):
    generate()
    user = User.objects.filter(email__endswith=datagen.GENERATED_EMAIL_DOMAIN).order_by("email")[3]
    assert user.emailaddress_set.filter(verified=True, primary=True).exists()
    assert client.login(email=user.email, password=datagen.GENERATED_PASSWORD)


def test_there_is_a_live_meeting_that_guests_can_join():
    generate()
    meeting = Meeting.objects.get(slug=datagen.LIVE_MEETING_SLUG)
    assert meeting.status == Meeting.Status.LIVE
    assert meeting.join_code
    assert meeting.rounds.filter(status="active", guests_allowed=True).count() == 1


def test_a_second_run_is_refused_without_force():
    generate()
    with pytest.raises(CommandError, match="--force"):
        generate()
    assert Case.objects.count() == datagen.PLANS["XS"].cases


def test_force_replaces_the_generated_data_and_keeps_real_members(participant):
    generate()
    generate("--force")
    assert Case.objects.count() == datagen.PLANS["XS"].cases
    assert User.objects.filter(pk=participant.pk).exists()


def test_a_dry_run_prints_the_plan_and_writes_nothing(capsys):
    call_command("generate_data", "--scale", "L", "--dry-run")
    out = capsys.readouterr().out
    assert "20,000" in out and "cases" in out
    assert not Case.objects.exists()
    assert not User.objects.exists()


@pytest.mark.postgres
def test_the_search_vectors_are_filled_so_that_a_common_word_is_found():
    generate()
    assert is_postgres()
    if not hasattr(Case, "SEARCH_FIELDS"):
        pytest.skip("cases has no SEARCH_FIELDS yet")
    assert not Case.objects.filter(search_vector=None).exists()
    assert search(Case.objects.all(), datagen.COMMON_WORD).exists()


def test_on_the_demo_database_it_refuses_with_a_clear_message_and_force_replaces_the_demo():
    call_command("seed_demo", "--force", stdout=open("/dev/null", "w"))  # noqa: SIM115 (what `make run` made)
    demo_cases = Case.objects.count()
    with pytest.raises(CommandError, match=r"not generated.*--force"):
        generate()
    assert Case.objects.count() == demo_cases  # nothing half-written
    generate("--force")
    assert Case.objects.count() == datagen.PLANS["XS"].cases
