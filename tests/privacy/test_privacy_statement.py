"""/privacy/ tells what is stored, names every cookie the site sets, and links to the member's rights."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from cop.models import Profile
from tests.security.helpers import log_in

pytestmark = pytest.mark.django_db


def statement(client):
    response = client.get(reverse("privacy"))
    assert response.status_code == 200
    return response.content.decode()


def test_every_cookie_the_site_sets_is_named_in_the_statement(participant):
    client = Client()
    client.get(reverse("account_login"))  # a form: CSRF cookie
    log_in(client, participant.email)  # session
    client.post(reverse("profile"), {"display_name": "Pim", "perspective": ""})  # a message for the next page
    client.get(reverse("set-language", args=["en"]))  # language preference
    client.get(reverse("set-language", args=["nl"]))
    names = set(client.cookies)
    assert {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME} <= names
    html = statement(Client())
    for name in names:
        assert f"<code>{name}</code>" in html, f"cookie {name} is set but not in the privacy statement"


def test_the_statement_covers_what_is_stored_and_the_rights_under_the_avg(client):
    html = statement(client)
    for field in ("display_name", "organisation", "perspective", "bio", "avatar", "show_name_publicly"):
        label = str(Profile._meta.get_field(field).verbose_name).split()[0].lower()
        assert label in html.lower(), f"profile field {field} ({label}) is not described"
    for topic in ("Meedoen als gast", "Aanmeldingen voor bijeenkomsten", "Hoe lang we gegevens bewaren", "Je rechten"):
        assert topic in html
    assert "Autoriteit Persoonsgegevens" in html
    assert settings.PRIVACY_CONTACT in html
    assert "geen trackers" in html


def test_a_member_finds_the_export_and_deletion_in_the_statement(participant):
    client = Client()
    client.force_login(participant)
    html = statement(client)
    assert reverse("profile-export") in html
    assert reverse("profile-delete") in html
