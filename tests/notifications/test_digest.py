"""Digests: what happened in what you follow, newest first, once per run, in bounded batches."""

import pytest
from django.core import mail
from django.utils import timezone

from cases.models import CaseFactor
from meetings import services
from meetings.models import Contribution, Round
from notifications import digest
from notifications.models import DigestRun, Follow, MailSettings
from notifications.targets import type_of
from tests.conftest import make_case, make_factor, make_meeting, make_user

pytestmark = pytest.mark.django_db


def follow(user, obj):
    return Follow.objects.create(user=user, target_type=type_of(obj), target_id=obj.pk)


@pytest.fixture
def factor(db):
    return make_factor("Eigenaarschap")


def publish_harvest(committed, factor, by):
    meeting = make_meeting(title="Leerkring najaar", status="closed", days=-1)
    round_ = Round.objects.create(meeting=meeting, prompt="Wat werkt?", order=1, kind=Round.Kind.WORKING)
    Contribution.objects.create(meeting=meeting, round=round_, author=by, text="Bewoners", factor=factor)
    committed(services.publish_harvest, meeting, by=by)
    return meeting


def test_the_weekly_digest_groups_what_the_member_follows(committed, facilitator, participant, owner, factor):
    follow(participant, factor)
    meeting = publish_harvest(committed, factor, facilitator)
    case = make_case(owner, title="Buurtkamer", status="submitted")
    CaseFactor.objects.create(case=case, factor=factor)
    committed(case.publish, by=facilitator)
    mail.outbox.clear()
    digest.start_digests.call("weekly")
    mails = [m for m in mail.outbox if m.to == ["deelnemer@example.org"]]
    assert len(mails) == 1
    body = mails[0].body
    assert "Buurtkamer" in body and "Leerkring najaar" in body and "Eigenaarschap" in body
    assert f"http://127.0.0.1:8000{meeting.get_absolute_url()}" in body
    assert body.index("Nieuwe casus") < body.index("Oogst")
    assert mails[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Nobody else follows anything: nobody else gets one.
    assert len(mail.outbox) == 1


def test_running_the_digest_twice_sends_nothing_twice(committed, facilitator, participant, factor):
    follow(participant, factor)
    publish_harvest(committed, factor, facilitator)
    mail.outbox.clear()
    digest.start_digests.call("weekly")
    digest.start_digests.call("weekly")
    run = DigestRun.objects.get()
    digest.digest_batch.call(run.pk, [participant.pk])  # a batch delivered twice
    assert len(mail.outbox) == 1


def test_an_empty_digest_is_not_sent_and_daily_members_wait_for_the_daily_one(
    committed, facilitator, participant, owner, factor
):
    follow(participant, factor)
    follow(owner, make_factor("Iets anders"))
    MailSettings.objects.create(user=participant, digest="daily")
    publish_harvest(committed, factor, facilitator)
    mail.outbox.clear()
    digest.start_digests.call("weekly")
    assert mail.outbox == []
    digest.start_digests.call("daily")
    assert [m.to for m in mail.outbox] == [["deelnemer@example.org"]]


def test_the_digest_is_a_few_bounded_tasks(monkeypatch, committed, facilitator, factor):
    monkeypatch.setattr(digest, "BATCH", 2)
    members = [make_user(f"lid{i}@example.org") for i in range(5)]
    for member in members:
        follow(member, factor)
    publish_harvest(committed, factor, facilitator)
    mail.outbox.clear()
    assert digest.start_digests.call("weekly") == 3
    assert len(mail.outbox) == 5


def test_a_digest_never_shows_what_the_member_may_not_see(committed, facilitator, participant, owner, factor):
    follow(participant, factor)
    case = make_case(owner, title="Later weer concept", status="submitted")
    CaseFactor.objects.create(case=case, factor=factor)
    committed(case.publish, by=facilitator)
    case.status = "draft"
    case.save()
    mail.outbox.clear()
    digest.start_digests.call("weekly", timezone.now().isoformat())
    assert all("Later weer concept" not in m.body for m in mail.outbox)


def test_members_with_the_same_digest_each_get_their_own_unsubscribe_link(committed, facilitator, factor):
    members = [make_user(f"lid{i}@example.org") for i in range(3)]
    for member in members:
        follow(member, factor)
    publish_harvest(committed, factor, facilitator)
    mail.outbox.clear()
    digest.start_digests.call("weekly")
    links = {m.extra_headers["List-Unsubscribe"] for m in mail.outbox}
    assert len(mail.outbox) == 3 and len(links) == 3
    for message in mail.outbox:
        link = message.extra_headers["List-Unsubscribe"].strip("<>")
        assert link in message.body and link in message.alternatives[0][0]
        assert "slot" not in message.body
