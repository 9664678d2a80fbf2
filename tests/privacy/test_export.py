"""/profiel/gegevens.json: a copy of everything stored about the member, and nothing about others."""

import json

import pytest
from django.urls import reverse

from privacy.accounts import SECTIONS, relation_key, relations_to_user
from tests.privacy.conftest import EMAIL, NAME
from tests.security.helpers import give_totp

pytestmark = pytest.mark.django_db
# One query per section of the export and per relation to the user, whatever their size.
EXPORT_QUERIES = 34


def export_of(client, user):
    client.force_login(user)
    response = client.get(reverse("profile-export"))
    assert response.status_code == 200
    return response, json.loads(response.content)


def test_the_export_holds_all_of_the_members_data(client, olga):
    give_totp(olga)
    response, data = export_of(client, olga)
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="weten-wat-werkt-mijn-gegevens-')
    assert "no-store" in response["Cache-Control"]

    assert data["format"] == "weten-wat-werkt/persoonsgegevens"
    assert data["account"]["email"] == EMAIL
    assert data["profile"]["display_name"] == NAME
    assert data["profile"]["show_name_publicly"] is True
    assert data["profile"]["avatar"].startswith("http")
    assert [e["email"] for e in data["email_addresses"]] == [EMAIL]
    assert [c["title"] for c in data["cases_owned"]] == ["Buurtkamer De Linde"]
    assert data["cases_owned"][0]["contact_email"] == EMAIL
    assert data["cases_owned"][0]["url"].endswith("/casussen/buurtkamer-de-linde/")
    assert [c["title"] for c in data["cases_coedited"]] == ["Kenniskwartier Arnhem"]
    assert [r["strikes"] for r in data["reflections"]] == ["Studenten als buren."]
    assert [c["text"] for c in data["contributions"]] == ["Koffie met de buurt"]
    assert [v["factor"] for v in data["votes"]] == ["Aansluiten bij wat leeft"]
    assert [r["meeting"] for r in data["registrations"]] == ["Werkzame factoren in Lingewaard"]
    assert [f["name"] for f in data["factors_proposed"]] == ["Aansluiten bij wat leeft"]
    assert [t["term"] for t in data["term_versions_proposed"]] == ["Gebiedsgericht werken"]
    assert [c["message"] for c in data["case_changes"]] == [f"Contact: {NAME} <{EMAIL}>"]
    assert [d["type"] for d in data["two_factor_devices"]] == ["totp"]


def test_the_export_leaves_out_secrets_and_other_people(client, olga, coeditor, facilitator):
    give_totp(olga)
    _response, data = export_of(client, olga)
    text = json.dumps(data)
    assert "password" not in data["account"] and "pbkdf2" not in text and "md5$" not in text
    assert "data" not in data["two_factor_devices"][0]  # the encrypted TOTP secret
    for other in (coeditor, facilitator):
        assert other.email not in text
    assert "accepted_by" not in data["term_versions_proposed"][0]  # the facilitator who accepted it


def test_every_relation_to_an_account_is_exported():
    keys = {relation_key(model, field) for model, field in relations_to_user()}
    assert set(SECTIONS) <= keys, f"Stale section names: {set(SECTIONS) - keys}"
    assert "cases.case.owner" in keys and "meetings.contribution.author" in keys


def test_the_export_needs_a_login_and_only_reads(client, participant):
    response = client.get(reverse("profile-export"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    client.force_login(participant)
    assert client.post(reverse("profile-export")).status_code == 405


def test_the_export_takes_the_same_number_of_queries_for_more_data(client, olga, django_assert_num_queries):
    from meetings.models import Contribution

    client.force_login(olga)
    with django_assert_num_queries(EXPORT_QUERIES):
        client.get(reverse("profile-export"))
    contribution = Contribution.objects.get(author=olga)
    for i in range(10):
        contribution.pk, contribution.text = None, f"Nog een bijdrage {i}"
        contribution.save()
    with django_assert_num_queries(EXPORT_QUERIES):
        client.get(reverse("profile-export"))
