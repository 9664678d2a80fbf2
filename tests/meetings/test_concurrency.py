"""Many phones at once, on PostgreSQL: every contribution stored exactly once, no overbooking, no extra dots.

Each thread is a separate client (a phone) with its own database connection,
released at the end of the thread. A barrier lets them all go at the same moment.
"""

import secrets
import threading

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse

from meetings import services
from meetings.models import Contribution, Meeting, Registration, Round, Vote
from tests.conftest import make_factor, make_meeting, make_user
from tests.meetings.conftest import add_round

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def run_together(actions):
    """Run the callables in parallel threads, all released at once; returns their results in order."""
    barrier = threading.Barrier(len(actions))
    results = [None] * len(actions)
    errors = []

    def worker(index, action):
        try:
            barrier.wait(timeout=30)
            results[index] = action()
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return results


def phone_of(user):
    client = Client()
    client.force_login(user)
    return client


def test_fifty_concurrent_contributions_are_all_stored_exactly_once():
    meeting = make_meeting(days=0)
    meeting.open_live()
    round_ = add_round(meeting)
    phones = [phone_of(make_user(f"telefoon{n}@example.org")) for n in range(50)]
    url = reverse("live:contribute", args=[meeting.join_code, round_.pk])

    def post(phone, n):
        return lambda: (
            phone.post(url, {"text": f"Bijdrage {n}", "submission_key": secrets.token_urlsafe(12)}).status_code
        )

    statuses = run_together([post(phone, n) for n, phone in enumerate(phones)])

    assert statuses == [302] * 50
    texts = list(Contribution.objects.filter(round=round_).values_list("text", flat=True))
    assert sorted(texts) == sorted(f"Bijdrage {n}" for n in range(50))
    # Every contribution got its own live version, so the wall misses none of them.
    versions = list(Contribution.objects.values_list("live_version", flat=True))
    assert len(set(versions)) == 50
    meeting.refresh_from_db()
    assert max(versions) == meeting.live_version


def test_a_contribution_sent_many_times_at_once_is_stored_once():
    meeting = make_meeting(days=0)
    meeting.open_live()
    round_ = add_round(meeting)
    user = make_user("dubbel@example.org")
    url = reverse("live:contribute", args=[meeting.join_code, round_.pk])
    data = {"text": "Dubbel getikt", "submission_key": "een-en-dezelfde"}
    phones = [phone_of(user) for _ in range(8)]
    statuses = run_together([lambda p=phone: p.post(url, data).status_code for phone in phones])
    assert statuses == [302] * 8
    assert Contribution.objects.filter(text="Dubbel getikt").count() == 1


def test_parallel_registrations_never_exceed_the_capacity():
    meeting = make_meeting(capacity=5)
    users = [make_user(f"aanmelder{n}@example.org") for n in range(20)]
    url = reverse("meetings:register", args=[meeting.slug])
    phones = [phone_of(user) for user in users]
    run_together([lambda p=phone: p.post(url).status_code for phone in phones])
    assert meeting.counts() == {"registered": 5, "waitlisted": 15, "attended": 0}
    assert Registration.objects.filter(meeting=meeting).count() == 20


def test_parallel_cancellations_move_exactly_as_many_people_up():
    meeting = make_meeting(capacity=5)
    users = [make_user(f"lid{n}@example.org") for n in range(12)]
    for user in users:
        meeting.register(user)
    registered = [r.user for r in meeting.registrations.filter(status=Registration.Status.REGISTERED)]
    url = reverse("meetings:cancel", args=[meeting.slug])
    phones = [phone_of(user) for user in registered[:4]]
    run_together([lambda p=phone: p.post(url).status_code for phone in phones])
    assert meeting.counts() == {"registered": 5, "waitlisted": 3, "attended": 0}


def test_parallel_dots_never_exceed_the_dots_per_person():
    meeting = make_meeting(days=0)
    meeting.open_live()
    source = add_round(meeting)
    voter = make_user("stemmer@example.org")
    post = source.contribute(text="Eigenaarschap", perspective="gemeente", author=voter)
    factor = make_factor("Eigenaarschap")
    services.cluster_contributions(meeting, [post.pk], by=None, factor=factor)
    vote_round = add_round(meeting, "Stippen", mode=Round.Mode.VOTE, source_round=source, dots_per_person=3)
    url = reverse("live:vote-add", args=[meeting.join_code, vote_round.pk, factor.pk])
    phones = [phone_of(voter) for _ in range(12)]
    statuses = run_together([lambda p=phone: p.post(url).status_code for phone in phones])
    assert Vote.objects.filter(round=vote_round, voter=voter).count() == 3
    assert sorted(statuses) == [302] * 3 + [409] * 9


def test_only_one_round_is_active_even_when_two_start_at_once():
    meeting = make_meeting(days=0)
    meeting.open_live()
    rounds = [add_round(meeting, f"Vraag {n}", start=False) for n in range(2)]
    run_together([lambda r=round_: r.start() for round_ in rounds])
    assert Round.objects.filter(meeting=meeting, status=Round.Status.ACTIVE).count() == 1
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.LIVE
