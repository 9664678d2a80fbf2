"""allauth's mails and pages in the site's voice ("je", the site's name and address), sent from the queue."""

import smtplib

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "nieuw@example.org",
    "display_name": "Nina Nieuw",
    "perspective": "welzijn",
    "password1": "Een-lang-wachtwoord-42",
    "password2": "Een-lang-wachtwoord-42",
}


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("down")


def test_the_confirmation_mail_speaks_the_sites_voice(client):
    response = client.post(reverse("account_signup"), SIGNUP, follow=True)
    page = response.content.decode()
    assert "Bevestig je e-mailadres" in page and "Bevestigings e-mail" not in page
    message = mail.outbox[-1]
    assert message.subject == "[Weten wat werkt] Bevestig je e-mailadres"
    body = message.body
    assert body.startswith("Hoi,") and "http://127.0.0.1:8000" in body and "/accounts/confirm-email/" in body
    for old in ("Hallo van", "gebruiker", "zijn of haar", "Uw ", " u "):
        assert old not in body


def test_the_password_reset_mail_and_pages_say_je(client, participant):
    page = client.get(reverse("account_reset_password")).content.decode()
    assert "Wachtwoord vergeten" in page and "Uw" not in page
    client.post(reverse("account_reset_password"), {"email": participant.email})
    body = mail.outbox[-1].body
    assert "Kies een nieuw wachtwoord met deze link" in body and "Uw" not in body


def test_a_failing_mail_server_does_not_break_signing_up(settings, client):
    settings.EMAIL_BACKEND = "tests.notifications.test_account_mail.FailingBackend"
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302


def test_account_mail_is_english_for_a_member_who_chose_english(client, participant):
    from notifications.models import MailSettings

    MailSettings.objects.create(user=participant, language="en")
    client.post(reverse("account_reset_password"), {"email": participant.email})  # from a Dutch page
    message = mail.outbox[-1]
    assert message.to == [participant.email]
    assert "Kies een nieuw wachtwoord" not in message.body and "Hi," in message.body
