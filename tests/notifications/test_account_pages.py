"""allauth's account and two-factor pages in the site's voice: Dutch in the "je" form, no allauth defaults.

Each page through the client as a member who just logged in (allauth asks to reauthenticate otherwise),
with an authenticator app for the pages that need one; the English through gettext for one of them.
"""

import re

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import HASH_SESSION_KEY
from django.test import Client
from django.urls import reverse

from tests.conftest import make_user

pytestmark = pytest.mark.django_db
PASSWORD = "Een-lang-wachtwoord-42"
# The formal forms and allauth's own (English or Dutch) wording: none may be left on these pages.
FORMAL = re.compile(r"\b(?:[Uu]w|[Uu])\b")
ALLAUTH_DEFAULTS = [
    "Two-Factor",
    "Authenticator App",
    "Recovery Codes",
    "Email Addresses",
    "Change Password",
    "Confirm Access",
    "Authenticeer opnieuw",
    "Twee-factor-authenticatie",
    "Maak primair",
    "Stuur verificatie e-mail",
    "Voeg e-mailadres toe",
    "Deze account is inactief",
    "Andere opties",
    "Notitie:",
    "Authenticator code",
]

PAGES = {
    "account_email": "Je e-mailadressen",
    "account_change_password": "Je wachtwoord wijzigen",
    "account_reauthenticate": "Bevestig dat jij het bent",
    "account_inactive": "Dit account is uitgeschakeld",
    "account_logout": "Uitloggen",
    "account_reset_password": "Wachtwoord",
    "mfa_index": "Inloggen in twee stappen",
    "mfa_activate_totp": "De authenticator-app aanzetten",
}
WITH_APP = {
    "mfa_index": "Zet de app uit",
    "mfa_deactivate_totp": "De authenticator-app uitzetten?",
    "mfa_view_recovery_codes": "Je herstelcodes",
    "mfa_generate_recovery_codes": "Nieuwe herstelcodes maken?",
    "mfa_reauthenticate": "Vul de code van zes cijfers",
}


def main_text(response):
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def logged_in(email="lid@example.org"):
    user = make_user(email)
    user.set_password(PASSWORD)
    user.save()
    client = Client()
    assert client.post(reverse("account_login"), {"login": email, "password": PASSWORD}).status_code == 302
    # The pages that change the account ask for the password again first (allauth's reauthentication).
    assert client.post(reverse("account_reauthenticate"), {"password": PASSWORD}).status_code == 302
    return user, client


def assert_in_voice(response, heading):
    assert response.status_code == 200
    text = main_text(response)
    assert heading in text
    assert not FORMAL.search(text), FORMAL.search(text)
    left = [default for default in ALLAUTH_DEFAULTS if default in text]
    assert not left, left
    assert "Uw wachtwoord" not in text  # Django's password help, formal in its own Dutch


@pytest.mark.parametrize("name", PAGES)
def test_each_account_page_speaks_in_the_sites_voice(name):
    _user, client = logged_in()
    assert_in_voice(client.get(reverse(name)), PAGES[name])


@pytest.mark.parametrize("name", WITH_APP)
def test_each_two_factor_page_speaks_in_the_sites_voice(name):
    user, client = logged_in()
    TOTP.activate(user, generate_totp_secret())
    RecoveryCodes.activate(user)
    assert_in_voice(client.get(reverse(name)), WITH_APP[name])


def test_set_password_and_reset_from_key_speak_in_the_sites_voice():
    user, client = logged_in()
    user.set_unusable_password()
    user.save()
    session = client.session  # still the same login (and its recent reauthentication), with the new hash
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    assert_in_voice(client.get(reverse("account_set_password")), "Een wachtwoord kiezen")
    wrong = Client().get(reverse("account_reset_password_from_key", kwargs={"uidb36": "1", "key": "geraden"}))
    assert_in_voice(wrong, "Deze link werkt niet meer")


def test_a_wrong_password_change_gets_a_clear_message_in_the_voice():
    _user, client = logged_in()
    response = client.post(
        reverse("account_change_password"), {"oldpassword": "fout", "password1": "123", "password2": "123"}
    )
    assert_in_voice(response, "Je wachtwoord wijzigen")


def test_the_pages_are_english_for_english_visitors():
    _user, client = logged_in()
    client.cookies["django_language"] = "en"
    response = client.get(reverse("mfa_index"), HTTP_ACCEPT_LANGUAGE="en")
    text = main_text(response)
    assert "Two-step login" in text and "Inloggen in twee stappen" not in text
