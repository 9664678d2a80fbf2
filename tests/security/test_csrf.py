"""Every state change needs the CSRF token: a forged form gets the Dutch 403 page and changes nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from cop.models import Profile, User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

SIGNED_IN_POSTS = {
    "profile": {"display_name": "Vervalst", "perspective": ""},
    "profile-delete": {"content": "delete", "password": PASSWORD},
    "account_logout": {},
    "account_change_password": {
        "oldpassword": PASSWORD,
        "password1": "Nieuw-Wachtwoord-99",
        "password2": "Nieuw-Wachtwoord-99",
    },
    "account_email": {"action_add": "", "email": "vervalst@example.org"},
}
VISITOR_POSTS = {
    "account_login": {"login": "deelnemer@example.org", "password": PASSWORD},
    "account_signup": {
        "email": "vervalst@example.org",
        "display_name": "V",
        "password1": "Lang-31-abc",
        "password2": "Lang-31-abc",
    },
    "account_reset_password": {"email": "deelnemer@example.org"},
}


def assert_refused(response):
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Dit formulier is verlopen of niet door ons gemaakt" in html


@pytest.mark.parametrize("name", SIGNED_IN_POSTS)
def test_a_forged_post_of_a_member_is_refused(participant, name):
    client = Client(enforce_csrf_checks=True)
    client.force_login(participant)
    assert_refused(client.post(reverse(name), SIGNED_IN_POSTS[name]))
    participant.refresh_from_db()
    assert participant.check_password(PASSWORD)
    assert Profile.objects.get(user=participant).display_name == "Pim Deelnemer"
    assert participant.emailaddress_set.count() == 1
    assert client.get(reverse("profile")).status_code == 200  # still signed in


@pytest.mark.parametrize("name", VISITOR_POSTS)
def test_a_forged_post_of_a_visitor_is_refused(participant, name):
    client = Client(enforce_csrf_checks=True)
    assert_refused(client.post(reverse(name), VISITOR_POSTS[name]))
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(email="vervalst@example.org").exists()


def test_the_same_post_with_the_token_works(participant):
    client = Client(enforce_csrf_checks=True)
    client.force_login(participant)
    client.get(reverse("profile"))
    token = client.cookies["csrftoken"].value
    response = client.post(
        reverse("profile"), {"display_name": "Echt", "perspective": "", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert Profile.objects.get(user=participant).display_name == "Echt"
