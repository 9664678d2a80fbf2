"""Mail people want: unsubscribing per kind (RFC 8058), verified addresses only, English, failures retried."""

import smtplib
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from notifications import mail as notification_mail
from notifications import tasks
from notifications.models import Kind, MailSettings, Notification
from tests.conftest import make_case
from tests.notifications.conftest import step_url

pytestmark = pytest.mark.django_db


class FailingBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("down")


def unsubscribe_link(message):
    return message.extra_headers["List-Unsubscribe"].strip("<>")


def test_one_click_unsubscribe_stops_that_kind_only(committed, client_of, owner, participant):
    case = make_case(owner)
    tasks.notify(Kind.HARVEST, case, [participant.pk], event_key="a", title=case.title)
    link = unsubscribe_link(mail.outbox[-1])
    # A mail client posts without a session or a CSRF token (RFC 8058).
    response = Client(enforce_csrf_checks=True).post(link, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert MailSettings.objects.get(user=participant).muted == [Kind.HARVEST]
    mail.outbox.clear()
    tasks.notify(Kind.HARVEST, case, [participant.pk], event_key="b", title=case.title)
    tasks.notify(Kind.TERM, case, [participant.pk], event_key="c", title=case.title)
    assert [m.subject for m in mail.outbox] == ["[Weten wat werkt] Nieuwe omschrijving van ‘Buurtkamer De Linde’"]
    # In the site they still appear.
    assert Notification.objects.filter(recipient=participant).count() == 3


def test_the_unsubscribe_link_asks_before_it_acts_and_refuses_a_forged_token(client, participant):
    link = notification_mail.unsubscribe_url(participant.pk, Kind.DIGEST)
    page = client.get(link)
    assert page.status_code == 200 and "Ja, meld me af" in page.content.decode()
    assert not MailSettings.objects.filter(user=participant).exists()
    client.post(link)
    assert MailSettings.objects.get(user=participant).digest == MailSettings.Digest.NEVER
    forged = reverse("notifications:unsubscribe", args=["eyJ1IjoxLCJrIjoiZGlnZXN0In0:bad:sig"])
    assert client.post(forged).status_code == 400


def test_no_mail_to_an_unverified_address(owner, participant):
    EmailAddress.objects.filter(user=participant).update(verified=False)
    case = make_case(owner)
    tasks.notify(Kind.HARVEST, case, [participant.pk], event_key="a", title=case.title)
    assert mail.outbox == []
    assert Notification.objects.get().mail == Notification.Mail.NONE


def test_members_who_chose_english_get_english_mail(owner, participant):
    MailSettings.objects.create(user=participant, language="en")
    case = make_case(owner)
    tasks.notify(Kind.HARVEST, case, [participant.pk], event_key="a", title=case.title)
    message = mail.outbox[-1]
    assert "The harvest of" in message.subject and "Hi," in message.body


def test_a_failing_mail_server_breaks_nothing_and_loses_nothing(
    settings, committed, client_of, owner, facilitator, draft
):
    settings.EMAIL_BACKEND = "tests.notifications.test_mail.FailingBackend"
    response = committed(client_of(owner).post, step_url("submit", draft))
    assert response.status_code == 302
    notification = Notification.objects.get(kind=Kind.CASE_SUBMITTED)
    assert notification.mail == Notification.Mail.PENDING and notification.mail_attempts == 1
    # The server is back; the scheduled sweep sends what waited, once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Notification.objects.update(created_at=timezone.now() - timedelta(hours=1))
    tasks.sweep.call()
    tasks.sweep.call()
    assert [m.to for m in mail.outbox] == [["begeleider@example.org"]]
    assert Notification.objects.get().mail == Notification.Mail.SENT


def test_a_failed_mail_is_queued_again_later(settings, owner, participant):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.EMAIL_BACKEND = "tests.notifications.test_mail.FailingBackend"
    from django_tasks import default_task_backend

    case = make_case(owner)
    tasks.notify(Kind.HARVEST, case, [participant.pk], event_key="a", title=case.title)
    pending = Notification.objects.get()
    tasks.deliver.call([pending.pk])
    retried = [r for r in default_task_backend.results if r.task.name == "deliver" and r.task.run_after]
    assert len(retried) == 1 and retried[0].kwargs == {"attempt": 2}
    assert retried[0].task.run_after > timezone.now()
    default_task_backend.clear()


def test_preferences_are_saved_on_the_profile_pages(client_of, participant):
    c = client_of(participant)
    url = reverse("notifications:settings")
    assert c.get(url).status_code == 200
    response = c.post(url, {"digest": "daily", "language": "en", "mailed": [Kind.REMINDER]})
    assert response.status_code == 302
    chosen = MailSettings.objects.get(user=participant)
    assert chosen.digest == "daily" and chosen.language == "en"
    assert Kind.HARVEST in chosen.muted and Kind.REMINDER not in chosen.muted
    assert c.post(url, {"digest": "sometimes", "language": "nl"}).status_code == 200
    assert MailSettings.objects.get(user=participant).digest == "daily"
