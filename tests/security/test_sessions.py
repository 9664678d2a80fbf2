"""Sessions: a new key at login, the others end on a password change or reset, re-authentication for e-mail."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.security.helpers import log_in

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Een-heel-ander-wachtwoord-77"


def signed_in(client):
    return "_auth_user_id" in client.session


def test_the_session_key_rotates_at_login(participant):
    client = Client()
    session = client.session
    session["voorkeur"] = "iets van voor het inloggen"
    session.save()
    key_before = client.cookies["sessionid"].value

    response = log_in(client, participant.email)
    assert response.status_code == 302
    key_after = client.cookies["sessionid"].value
    assert key_after != key_before
    assert not Session.objects.filter(session_key=key_before).exists()
    assert signed_in(client)


def test_a_password_change_keeps_this_session_and_ends_all_others(participant):
    here, elsewhere = Client(), Client()
    log_in(here, participant.email)
    log_in(elsewhere, participant.email)
    assert elsewhere.get(reverse("profile")).status_code == 200

    response = here.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert here.get(reverse("profile")).status_code == 200

    response = elsewhere.get(reverse("profile"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_a_password_reset_ends_every_session(participant):
    elsewhere = Client()
    log_in(elsewhere, participant.email)
    assert signed_in(elsewhere)

    visitor = Client()
    assert visitor.post(reverse("account_reset_password"), {"email": participant.email}).status_code == 302
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[-1].body).group(1)
    form_url = visitor.get(link).url  # allauth moves the key into the session first
    response = visitor.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302

    response = elsewhere.get(reverse("profile"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert log_in(Client(), participant.email, NEW_PASSWORD).status_code == 302


def test_logout_ends_the_session_on_the_server(participant):
    client = Client()
    log_in(client, participant.email)
    key = client.cookies["sessionid"].value
    client.post(reverse("account_logout"))
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get(reverse("profile")).status_code == 302


def test_adding_an_email_address_asks_for_the_password_again(client, participant):
    client.force_login(participant)  # a session without a recent password entry
    data = {"action_add": "", "email": "nieuw-adres@example.org"}
    response = client.post(reverse("account_email"), data)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))
    assert not EmailAddress.objects.filter(email="nieuw-adres@example.org").exists()

    response = client.post(response.url, {"password": "fout-wachtwoord"})
    assert response.status_code == 200
    assert not EmailAddress.objects.filter(email="nieuw-adres@example.org").exists()

    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.post(reverse("account_email"), data)
    assert response.status_code == 302
    address = EmailAddress.objects.get(email="nieuw-adres@example.org")
    assert address.user == participant
    assert not address.verified  # and it must still be confirmed from that mailbox


def test_the_session_cookie_is_secure_httponly_and_same_site(participant):
    client = Client()
    log_in(client, participant.email)
    cookie = client.cookies["sessionid"]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
