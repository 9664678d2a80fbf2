"""/profiel/gegevens.zip: a copy of everything stored about the member, and nothing about others.

The ZIP holds gegevens.json (for programs), overzicht.html (for people) and the member's photos.
"""

import json
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from cases.models import Case, CaseImage
from cop.models import Profile
from privacy.accounts import SECTIONS, relation_key, relations_to_user
from tests.privacy.conftest import EMAIL, NAME, read_export
from tests.security.helpers import give_totp

pytestmark = pytest.mark.django_db
# One query per section of the export and per relation to the user, whatever their size.
EXPORT_QUERIES = 40  # 35 + notifications, follows, mail settings and digests, + scribe marks


def stored(name):
    with default_storage.open(name, "rb") as file:
        return file.read()


def export_of(client, user):
    client.force_login(user)
    response = client.get(reverse("profile-export"))
    assert response.status_code == 200
    data, _overview, _files = read_export(response)
    return response, data


def test_the_export_holds_all_of_the_members_data(client, olga):
    give_totp(olga)
    response, data = export_of(client, olga)
    assert response["Content-Type"] == "application/zip"
    filename = f'attachment; filename="weten-wat-werkt-mijn-gegevens-{timezone.localdate():%Y-%m-%d}.zip"'
    assert response["Content-Disposition"] == filename
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
    _data, overview, _files = read_export(client.get(reverse("profile-export")))
    text = json.dumps(data) + overview
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


def test_the_zip_has_the_data_the_overview_and_the_photos(client, olga):
    client.force_login(olga)
    data, _overview, files = read_export(client.get(reverse("profile-export")))
    avatar = Profile.objects.get(user=olga).avatar
    image = CaseImage.objects.get(case__title="Buurtkamer De Linde")
    photos = {f["section"]: f["path"] for f in data["files"]}
    assert set(files) == {photos["profile"], photos["case_photos"]}
    assert files[photos["profile"]] == stored(avatar.name) == b"avatar-bytes"
    assert files[photos["case_photos"]] == stored(image.image.name) == b"photo-bytes"
    assert data["case_photos"][0]["file"] == photos["case_photos"]
    assert data["version"] == 2


def test_every_section_has_a_readable_name_and_a_legend(client, olga):
    _response, data = export_of(client, olga)
    legend = data["sections"]
    assert not [key for key in data if "." in key]  # no internal names such as cop.termversion.accepted_by
    assert legend["term_versions_proposed"]["source"] == "cop.termversion.proposed_by"
    assert legend["term_versions_proposed"]["title"] == "Versies van begrippen die je hebt voorgesteld"
    assert "term_versions_accepted" in data
    for name, entry in legend.items():
        assert entry["rows"] == len(data[name]) and entry["title"]


def test_the_overview_names_the_data_in_dutch(client, olga):
    client.force_login(olga)
    _data, overview, _files = read_export(client.get(reverse("profile-export")))
    assert overview.startswith("<!DOCTYPE html>") and '<html lang="nl">' in overview
    for heading in ("Account", "Profiel", "Casussen waarvan je eigenaar bent", "Je reflecties",
                    "Je bijdragen in bijeenkomsten", "Je stippen", "Foto's bij je casussen"):  # fmt: skip
        assert f">{heading}</h2>" in overview.replace("&#x27;", "'"), heading
    for label, value in (
        ("E-mailadres", EMAIL),
        ("Naam", NAME),
        ("Wat valt je op?", "Studenten als buren."),
        ("Status", "gepubliceerd"),
    ):
        assert label in overview and value in overview, label
    assert "Buurtkamer De Linde" in overview and "Koffie met de buurt" in overview
    assert "<dt>User</dt>" not in overview and "<dt>Account</dt><dd>jij</dd>" in overview
    assert f"<dd>Opgezet door {NAME} met de buurt.</dd>" in overview  # rich text as text
    assert '<img src="fotos/profielfoto.jpg"' in overview
    assert 'src="fotos/casus-buurtkamer-de-linde-' in overview and 'alt="De buurtkamer"' in overview


def test_the_overview_is_self_contained_and_escapes_what_people_typed(client, olga):
    Case.objects.filter(title="Buurtkamer De Linde").update(
        summary='<script src="https://kwaad.example/x.js"></script>'
    )
    client.force_login(olga)
    _data, overview, _files = read_export(client.get(reverse("profile-export")))
    assert "<script" not in overview and "&lt;script" in overview
    assert not re.search(r'<(img|link|script)[^>]+(src|href)="(https?:)?//', overview)
    assert "<style>" in overview


def test_no_photo_or_data_of_other_members_is_in_the_zip(client, olga, coeditor, facilitator):
    other_case = Case.objects.get(title="Kenniskwartier Arnhem")  # olga co-edits it; coeditor owns it
    image = CaseImage(case=other_case, alt_text="Van een ander")
    image.image.save("ander.jpg", ContentFile(b"other-photo-bytes"), save=False)
    image.save()
    other = Profile.objects.get(user=coeditor)
    other.avatar.save("ander.jpg", ContentFile(b"other-avatar-bytes"), save=True)
    client.force_login(olga)
    data, overview, files = read_export(client.get(reverse("profile-export")))
    assert b"other-photo-bytes" not in files.values() and b"other-avatar-bytes" not in files.values()
    assert [row["alt_text"] for row in data["case_photos"]] == ["De buurtkamer"]
    assert "Van een ander" not in overview
    for person in (coeditor, facilitator):
        assert person.email not in overview and person.email not in json.dumps(data)
