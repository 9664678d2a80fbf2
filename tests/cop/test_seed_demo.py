"""``manage.py seed_demo``: the demo Community of Practice that ``make run`` loads."""

import re
from collections import Counter
from datetime import timedelta
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import models, transaction
from django.utils import timezone

from cases.models import Case, CaseFactor, Reflection
from cop.models import Term, TermVersion, User
from cop.roles import is_facilitator
from devtools import demo_data
from devtools.management.commands.seed_demo import DemoSeeder
from factors.models import Factor, FactorRelation
from meetings.models import Contribution, Meeting, Registration, Round, Vote

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")


def seed(**options):
    out = StringIO()
    call_command("seed_demo", force=True, stdout=out, **options)
    return out.getvalue()


def row_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_seed_demo_refuses_to_run_without_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG=1"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.exists()


def test_seed_demo_fills_an_empty_database_and_prints_the_log_ins():
    output = seed()

    assert demo_data.DEMO_PASSWORD in output
    for spec in demo_data.USERS:
        assert spec["email"] in output
    assert User.objects.count() == len(demo_data.USERS)
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == len(demo_data.USERS)


def test_running_seed_demo_twice_keeps_every_row_count():
    seed()
    first = row_counts()
    seed()
    assert row_counts() == first


def test_a_rerun_on_a_later_day_moves_the_meetings_along_and_keeps_the_counts():
    seed()
    first = row_counts()
    later = DemoSeeder(today=timezone.localdate() + timedelta(days=10))
    with transaction.atomic():
        later.run()

    assert row_counts() == first
    for meeting in Meeting.objects.all():
        assert meeting.starts_at.date() >= later.today + timedelta(days=-120)
        assert timezone.localtime(meeting.starts_at).weekday() < 5
        for contribution in meeting.contributions.all():
            assert meeting.starts_at <= contribution.created_at <= meeting.ends_at


def test_demo_accounts_can_log_in_with_the_shared_password_and_have_their_roles(client):
    seed()
    facilitators = [u for u in User.objects.all() if is_facilitator(u) and not u.is_staff]
    assert len(facilitators) == 1
    assert User.objects.filter(is_staff=True).count() == 1
    perspectives = {u.profile.perspective for u in User.objects.filter(is_staff=False)}
    assert {"gemeente", "welzijn", "inwoners", "woningcorporatie", "onderwijs", "provincie"} <= perspectives
    public = User.objects.filter(profile__show_name_publicly=True).count()
    assert 0 < public < User.objects.count() / 2
    assert client.login(email=demo_data.USERS[0]["email"], password=demo_data.DEMO_PASSWORD)


def test_no_email_address_outside_example_org_anywhere_in_the_demo():
    seed()
    found = []
    for model in apps.get_models():
        text_fields = [
            f.name for f in model._meta.concrete_fields if isinstance(f, models.CharField | models.TextField)
        ]
        for row in model._default_manager.values_list(*text_fields) if text_fields else []:
            found += [m.group(1) for value in row if value for m in EMAIL.finditer(str(value))]
    assert found, "the accounts' e-mail addresses should have been found"
    assert set(found) == {"example.org"}


def test_kenniskwartier_arnhem_is_published_and_public_with_its_evidence_and_reflections():
    seed()
    case = Case.objects.public().get(slug="kenniskwartier-arnhem")

    assert case.municipality.name == "Arnhem"
    assert case.partners.count() >= 3
    assert case.links.filter(url__startswith="https://example.org/").exists()
    assert case.factor_links.exclude(explanation="").count() >= 3
    assert case.reflections.exclude(perspective=case.perspective).count() == case.reflections.count() >= 1
    image = case.images.get()
    assert image.alt_text and image.thumbnail and image.width == 1200


def test_the_demo_shows_every_publication_state_of_a_case():
    seed()
    published = Case.objects.filter(status=Case.Status.PUBLISHED)

    assert Case.objects.public().count() >= 7
    assert published.filter(visibility=Case.Visibility.COMMUNITY).count() == 1
    assert Case.objects.filter(status=Case.Status.SUBMITTED).count() == 1
    assert Case.objects.filter(status=Case.Status.DRAFT).count() == 1
    assert not Reflection.objects.exclude(case__status=Case.Status.PUBLISHED).exists()
    assert len({c.municipality_id for c in published}) >= 6


def test_the_cop_series_has_two_published_harvests_and_one_upcoming_meeting_with_registrations():
    seed()
    now = timezone.now()
    meetings = Meeting.objects.filter(series__slug="cop-gebiedsgericht-werken-gelderland").order_by("starts_at")

    first, second, third = meetings
    for past in (first, second):
        assert past.starts_at < now
        assert past.status == Meeting.Status.PUBLISHED
        assert past.summary and past.open_questions and past.published_at
        assert past.agreed_term_versions.filter(status=TermVersion.Status.ACCEPTED).exists()
    assert third.starts_at > now and third.status == Meeting.Status.PLANNED
    assert third.registrations.filter(status=Registration.Status.REGISTERED).count() >= 5
    assert Meeting.objects.filter(series__slug="krachtige-leerkring-lingewaard").exists()


def test_the_key_term_has_three_accepted_versions_each_agreed_in_its_meeting_and_one_proposal():
    seed()
    term = Term.objects.get(slug="gebiedsgericht-werken")
    accepted = term.versions.filter(status=TermVersion.Status.ACCEPTED).order_by("number")

    assert term.is_key
    assert accepted.count() == 3
    assert all(v.accepted_at and v.agreed_in_meetings.count() == 1 for v in accepted)
    dates = [v.accepted_at for v in accepted]
    assert dates == sorted(dates)
    assert term.current_version == accepted.last()
    assert term.versions.filter(status=TermVersion.Status.PROPOSED).count() == 1
    assert Term.objects.public().count() >= 8
    assert Term.objects.filter(is_key=True, slug="kerngericht-werken").exists()


def test_factors_and_obstacles_are_clustered_mostly_accepted_and_related():
    seed()
    accepted = Factor.objects.public()

    assert accepted.working().count() >= 10
    assert accepted.obstacles().count() >= 7
    assert 1 <= Factor.objects.filter(status=Factor.Status.PROPOSED).count() <= 3
    assert not Factor.objects.filter(cluster__isnull=True).exists()
    assert FactorRelation.objects.filter(kind=FactorRelation.Kind.HELPS_AGAINST).count() >= 5
    assert FactorRelation.objects.filter(kind=FactorRelation.Kind.SIMILAR).exists()
    assert CaseFactor.objects.filter(factor__kind=Factor.Kind.OBSTACLE).exists()


def test_the_published_harvest_has_clustered_contributions_from_members_and_guests():
    seed()
    meeting = Meeting.objects.get(slug="cop-bijeenkomst-2-werkzame-factoren")
    contributions = Contribution.objects.filter(meeting=meeting)
    evidence = Contribution.objects.evidence().filter(meeting=meeting)

    assert {r.kind for r in meeting.rounds.filter(mode=Round.Mode.CONTRIBUTE)} == {"working", "obstacle"}
    assert evidence.count() > contributions.count() / 2
    assert evidence.filter(factor__kind=Factor.Kind.OBSTACLE).exists()
    assert contributions.filter(author__isnull=False).exists()
    guests = contributions.filter(author__isnull=True)
    assert guests.exists() and not guests.filter(guest_key="").exists()
    assert len(set(contributions.values_list("perspective", flat=True))) >= 5
    assert all(meeting.starts_at <= c.created_at <= meeting.ends_at for c in contributions)
    assert meeting.harvest_images.get().alt_text


def test_the_vote_round_respects_the_dots_per_person():
    seed()
    vote_round = Round.objects.get(mode=Round.Mode.VOTE, meeting__slug="cop-bijeenkomst-2-werkzame-factoren")
    votes = Vote.objects.filter(round=vote_round)
    per_voter = Counter(votes.values_list("voter_id", "guest_key"))

    assert votes.count() >= 20
    assert max(per_voter.values()) <= vote_round.dots_per_person
    assert any(guest_key for _voter, guest_key in per_voter)


@pytest.mark.postgres
def test_the_demo_is_found_by_dutch_full_text_search():
    from cop.search import search

    seed()

    assert "kenniskwartier-arnhem" in {c.slug for c in search(Case.objects.public(), "studenten in de wijk")}
    assert "investeren-in-vertrouwen" in {f.slug for f in search(Factor.objects.public(), "vertrouwen")}
    assert "gebiedsgericht-werken" in {t.slug for t in search(Term.objects.public(), "samendoen")}
