"""A task that fails is retried (bounded, with backoff) and logged, and a retry never tells anyone twice.

Through django-tasks' DummyBackend (its test mode that keeps what was queued): ``queue.run()`` runs what
is waiting as a worker would; ``queue.run(later=True)`` also the deferred retries (as if their time had come).
"""

import logging
import smtplib

import pytest
from django.core import mail
from django.db import OperationalError
from django.utils import timezone
from django_tasks import default_task_backend
from django_tasks.base import TaskResultStatus

from notifications import digest, tasks
from notifications.models import Kind, Notification
from tests.notifications.conftest import step_url
from tests.notifications.test_digest import follow, publish_harvest

pytestmark = pytest.mark.django_db


class FailingBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        pass

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("down")


class SecondFails(FailingBackend):
    """A mail server that drops the connection after the first message (of the whole test)."""

    sent = []

    def send_messages(self, messages):
        if SecondFails.sent:
            raise smtplib.SMTPServerDisconnected("dropped")
        SecondFails.sent.extend(messages)
        return len(messages)


class Queue:
    def __init__(self):
        self.ran = set()
        self.errors = []

    @property
    def results(self):
        return default_task_backend.results

    def waiting(self, later=False):
        now = timezone.now()
        return [
            r
            for r in self.results
            if r.id not in self.ran
            and r.status == TaskResultStatus.READY
            and (later or r.task.run_after is None or r.task.run_after <= now)
        ]

    def run(self, later=False):
        """Run what waits (and what that queues) until nothing does; errors are kept, as a worker logs them."""
        while ready := self.waiting(later):
            for result in ready:
                self.ran.add(result.id)
                try:
                    result.task.call(*result.args, **result.kwargs)
                except Exception as error:
                    self.errors.append(error)


@pytest.fixture
def queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    yield Queue()
    default_task_backend.clear()


def test_a_failing_mail_server_neither_breaks_the_request_nor_loses_the_notification(
    settings, queue, committed, client_of, owner, facilitator, draft
):
    settings.EMAIL_BACKEND = "tests.notifications.test_retry.FailingBackend"
    response = committed(client_of(owner).post, step_url("submit", draft))
    assert response.status_code == 302  # the request only queued the event
    assert [r.task.name for r in queue.waiting()] == ["case_step"]
    queue.run()
    notification = Notification.objects.get(kind=Kind.CASE_SUBMITTED)
    assert notification.mail == Notification.Mail.PENDING and notification.mail_attempts == 1
    assert mail.outbox == []
    (retry,) = queue.results[-1:]
    assert retry.task.name == "deliver" and retry.kwargs == {"attempt": 2}
    assert retry.task.run_after > timezone.now()  # later, not at once
    # The server is back when the retry's time comes: the mail goes out, once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    queue.run(later=True)
    tasks.deliver.call([notification.pk])  # a duplicate delivery (the sweep) sends nothing more
    assert [m.to for m in mail.outbox] == [["begeleider@example.org"]]
    assert Notification.objects.get().mail == Notification.Mail.SENT


def test_an_event_task_that_fails_is_logged_retried_later_and_tells_once(
    monkeypatch, caplog, queue, committed, client_of, owner, facilitator, draft
):
    real_notify, calls = tasks.notify, []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("the database went away")
        return real_notify(*args, **kwargs)

    monkeypatch.setattr(tasks, "notify", flaky)
    caplog.set_level(logging.WARNING, logger="cop.tasks")
    response = committed(client_of(owner).post, step_url("submit", draft))
    assert response.status_code == 302
    queue.run()
    assert "Task case_step failed (attempt 1)" in caplog.text
    assert Notification.objects.count() == 0
    queue.run(later=True)
    retries = [r for r in queue.results if r.task.name == "case_step" and r.kwargs.get("attempt") == 2]
    assert len(retries) == 1 and retries[0].task.run_after > timezone.now()
    assert Notification.objects.count() == 1 and len(mail.outbox) == 1  # the retry ran: told once
    # The same event once more (a retry racing a duplicate): nobody is told twice.
    first = next(r for r in queue.results if r.task.name == "case_step")
    tasks.case_step.call(*first.args, **first.kwargs)
    queue.run(later=True)
    assert Notification.objects.count() == 1 and len(mail.outbox) == 1


def test_retries_are_bounded_and_back_off_and_the_last_failure_is_raised(settings, monkeypatch, caplog, queue):
    settings.TASK_MAX_ATTEMPTS = 3

    def down(*args, **kwargs):
        raise OperationalError("down")

    monkeypatch.setattr(tasks.Meeting.objects, "filter", down)
    caplog.set_level(logging.WARNING, logger="cop.tasks")
    tasks.enqueue(tasks.send_reminders)
    queue.run(later=True)
    attempts = [r for r in queue.results if r.task.name == "send_reminders"]
    assert [r.kwargs.get("attempt", 1) for r in attempts] == [1, 2, 3]
    waits = [(r.task.run_after - r.enqueued_at).total_seconds() for r in attempts[1:]]
    assert 25 < waits[0] < 35 and 55 < waits[1] < 65  # 30 s, then twice as long
    assert len(queue.errors) == 1 and isinstance(queue.errors[0], OperationalError)
    assert "Task send_reminders gave up after 3 attempts" in caplog.text


def test_a_digest_batch_that_fails_halfway_keeps_what_it_sent_and_retries_the_rest(
    settings, queue, committed, facilitator, participant, owner, coeditor
):
    from tests.conftest import make_factor

    factor = make_factor("Eigenaarschap")
    for member in (participant, owner, coeditor):
        follow(member, factor)
    publish_harvest(committed, factor, facilitator)
    queue.run()
    mail.outbox.clear()
    SecondFails.sent = []
    settings.EMAIL_BACKEND = "tests.notifications.test_retry.SecondFails"
    digest.start_digests.call("weekly")
    queue.run()
    assert len(SecondFails.sent) == 1 and len(queue.errors) == 0  # the failure was caught: a retry waits
    (retry,) = queue.waiting(later=True)
    assert retry.task.name == "digest_batch" and retry.kwargs == {"attempt": 2}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    queue.run(later=True)
    digest.digest_batch.call(*retry.args)  # once more: nothing twice
    first = SecondFails.sent[0].to
    later = [m.to for m in mail.outbox]
    assert sorted([first, *later]) == sorted([[m.email] for m in (participant, owner, coeditor)])
