"""Sign-up with e-mail, verification, login and the profile, all in Dutch."""

import io
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from PIL import Image

from cop.models import Profile, User

pytestmark = pytest.mark.django_db


def png_bytes(size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, format="PNG")
    return buffer.getvalue()


def upload(name, content, content_type="image/png"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type=content_type)


def test_sign_up_verify_log_in_and_edit_the_profile(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "nieuw@example.org",
            "display_name": "Nina Nieuw",
            "perspective": "welzijn",
            "password1": "Een-lang-wachtwoord-42",
            "password2": "Een-lang-wachtwoord-42",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@example.org")
    assert Profile.objects.get(user=user).display_name == "Nina Nieuw"
    assert not EmailAddress.objects.get(user=user).verified

    # Not verified yet: logging in leads to the "verify your e-mail" page, not into the site.
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "nieuw@example.org", "password": "Een-lang-wachtwoord-42"}
    )
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session

    assert len(mail.outbox) >= 1
    message = mail.outbox[-1]
    assert message.to == ["nieuw@example.org"]
    path = re.search(r"/accounts/confirm-email/[^\s/]+/", message.body).group(0)
    response = client.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert client.session["_auth_user_id"] == str(user.pk)

    response = client.get(reverse("profile"))
    assert response.status_code == 200
    assert "Mijn profiel" in response.content.decode()
    response = client.post(
        reverse("profile"),
        {"display_name": "Nina N.", "perspective": "inwoners", "bio": "Buurtwerker", "show_name_publicly": "on"},
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=user)
    assert (profile.display_name, profile.perspective, profile.show_name_publicly) == ("Nina N.", "inwoners", True)


def test_the_login_page_is_dutch_and_in_the_sites_layout(client):
    html = client.get(reverse("account_login")).content.decode()
    assert '<html lang="nl">' in html
    assert "Inloggen" in html
    assert '<main id="main"' in html
    assert 'class="site-header"' in html


def test_the_profile_needs_a_login(client):
    response = client.get(reverse("profile"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_a_good_avatar_is_reencoded_resized_and_renamed(client, participant):
    client.force_login(participant)
    response = client.post(
        reverse("profile"),
        {"display_name": "Pim", "perspective": "inwoners", "avatar": upload("mijn-foto.png", png_bytes((1600, 1200)))},
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=participant)
    assert profile.avatar.name.startswith("avatars/")
    assert "mijn-foto" not in profile.avatar.name
    with Image.open(profile.avatar.path) as image:
        assert max(image.size) == 512


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tekst.png", b"dit is geen afbeelding", "geen afbeelding die we kunnen lezen"),
        ("kapot.png", png_bytes((300, 300))[:120], "onvolledig of beschadigd"),
    ],
    ids=["not-an-image", "truncated"],
)
def test_a_bad_avatar_gets_a_dutch_error_and_nothing_is_stored(client, participant, settings, name, content, message):
    client.force_login(participant)
    response = client.post(
        reverse("profile"), {"display_name": "Ander", "perspective": "inwoners", "avatar": upload(name, content)}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    profile = Profile.objects.get(user=participant)
    assert profile.display_name != "Ander"
    assert not profile.avatar
    media = settings.MEDIA_ROOT
    assert not media.exists() or not any(media.rglob("*.*"))


def test_a_decompression_bomb_avatar_is_refused(client, participant, settings):
    settings.MAX_IMAGE_PIXELS = 1_000_000
    client.force_login(participant)
    buffer = io.BytesIO()
    Image.new("1", (4000, 4000)).save(buffer, format="PNG")  # tiny file, 16 megapixels
    response = client.post(
        reverse("profile"),
        {"display_name": "Bom", "perspective": "", "avatar": upload("bom.png", buffer.getvalue())},
    )
    assert response.status_code == 200
    assert "te veel pixels" in response.content.decode()
    assert not Profile.objects.get(user=participant).avatar


def test_a_checkbox_is_labelled_after_the_box_without_a_colon(client, participant):
    client.force_login(participant)
    html = client.get(reverse("profile")).content.decode()
    label = re.search(
        r'<input type="checkbox" name="show_name_publicly"[^>]*> <label for="id_show_name_publicly">([^<]*)</label>',
        html,
    )
    assert label, "the consent box is followed by its own label"
    assert label.group(1).strip() and not label.group(1).strip().endswith(":")
