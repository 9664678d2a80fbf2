"""Two-factor authentication (TOTP) is required for facilitators and staff."""

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import reverse

from cop.models import Profile
from tests.conftest import PASSWORD
from tests.security.helpers import give_totp, log_in, totp_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("two_factor_enforced")]


def test_a_facilitator_without_totp_is_sent_to_set_it_up_after_login(client, facilitator):
    response = log_in(client, facilitator.email)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(facilitator.pk)

    response = client.get(reverse("profile"))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")

    page = client.get(response.url, follow=True)
    assert page.status_code == 200
    assert "tweestapsverificatie nodig" in page.content.decode()


def test_setting_up_totp_with_a_code_from_the_app_unlocks_the_site(client, facilitator):
    log_in(client, facilitator.email)
    # allauth asks for the password once more before a second factor is added.
    response = client.get(reverse("mfa_activate_totp"))
    assert response.url.startswith(reverse("account_reauthenticate"))
    response = client.post(response.url, {"password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("mfa_activate_totp")
    assert response.status_code == 200
    secret = client.session["mfa.totp.secret"]

    wrong = client.post(reverse("mfa_activate_totp"), {"code": "000000" if totp_code(secret) != "000000" else "111111"})
    assert wrong.status_code == 200
    assert not Authenticator.objects.filter(user=facilitator, type=Authenticator.Type.TOTP).exists()

    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=facilitator, type=Authenticator.Type.TOTP).exists()
    assert client.get(reverse("profile")).status_code == 200


def test_staff_without_totp_cannot_use_the_admin(client, staff):
    client.force_login(staff)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_staff_with_totp_can_use_the_admin(client, staff):
    give_totp(staff)
    client.force_login(staff)
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_facilitator_without_totp_cannot_change_anything(client, facilitator):
    client.force_login(facilitator)
    response = client.post(reverse("profile"), {"display_name": "Iemand anders", "perspective": ""})
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
    assert Profile.objects.get(user=facilitator).display_name == "Femke Begeleider"


def test_htmx_requests_are_redirected_with_hx_redirect(client, facilitator):
    client.force_login(facilitator)
    response = client.get(reverse("home"), headers={"HX-Request": "true"})
    assert response["HX-Redirect"] == reverse("mfa_activate_totp")


@pytest.mark.parametrize("name", ["account_logout", "privacy", "accessibility", "mfa_index"])
def test_account_pages_and_statements_stay_reachable_without_totp(client, facilitator, name):
    client.force_login(facilitator)
    response = client.get(reverse(name))
    assert response.status_code in (200, 302)
    assert response.get("Location") != reverse("mfa_activate_totp")


def test_participants_are_never_asked_for_totp(client, participant):
    client.force_login(participant)
    assert client.get(reverse("profile")).status_code == 200
    assert client.get(reverse("home")).status_code == 200


def test_a_facilitator_with_totp_must_give_the_code_to_log_in(facilitator):
    secret = give_totp(facilitator)
    client = Client()
    response = log_in(client, facilitator.email)
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # the password alone does not log in

    assert client.post(reverse("mfa_authenticate"), {"code": "12345"}).status_code == 200
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(facilitator.pk)
    assert client.get(reverse("profile")).status_code == 200


def test_the_admin_login_form_is_replaced_by_the_site_login_with_its_second_factor(client, staff):
    give_totp(staff)
    response = client.get(reverse("admin:login") + "?next=/admin/")
    assert response.status_code == 302
    assert response.url == reverse("account_login") + "?next=%2Fadmin%2F"
    # Posting a password straight to the admin login does not log in either.
    client.post(reverse("admin:login"), {"username": staff.email, "password": "x"})
    assert "_auth_user_id" not in client.session


def test_the_rule_is_on_in_the_production_settings():
    from config import settings as production

    assert production.MFA_REQUIRED_FOR_FACILITATORS is True
    assert "cop.middleware.RequireTwoFactorMiddleware" in production.MIDDLEWARE
    assert production.MFA_SUPPORTED_TYPES == ["totp", "recovery_codes"]
