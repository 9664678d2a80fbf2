"""Login, sign-up and password reset: the same answer for known and unknown addresses, and rate limits."""

import re
from itertools import count

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.security.helpers import log_in

pytestmark = pytest.mark.django_db

UNKNOWN = "niemand-bekend@example.org"
_addresses = count(1)


@pytest.fixture
def ip():
    """A client address of its own for each test (the counters are wiped after every test)."""
    return f"198.51.100.{next(_addresses)}"


def normalised(response, *addresses):
    """The page without what legitimately differs: tokens, nonces, request ids and the typed address."""
    html = response.content.decode()
    for address in addresses:
        html = html.replace(address, "ADDRESS")
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", html)
    return re.sub(r'nonce="[^"]+"', "NONCE", html)


def test_a_wrong_password_and_an_unknown_address_get_the_same_login_answer(participant, ip):
    known = log_in(Client(REMOTE_ADDR=ip), participant.email, "niet-het-wachtwoord")
    unknown = log_in(Client(REMOTE_ADDR=ip), UNKNOWN, "niet-het-wachtwoord")
    assert known.status_code == unknown.status_code == 200
    assert normalised(known, participant.email) == normalised(unknown, UNKNOWN)
    assert "e-mailadres en/of wachtwoord is niet correct" in known.content.decode()


def test_signing_up_with_a_taken_address_looks_like_a_new_sign_up(participant, ip, mailoutbox):
    def sign_up(email):
        data = {
            "email": email,
            "display_name": "Iemand",
            "password1": "Lang-wachtwoord-31",
            "password2": "Lang-wachtwoord-31",
        }
        return Client(REMOTE_ADDR=ip).post(reverse("account_signup"), data)

    taken, new = sign_up(participant.email), sign_up("echt-nieuw@example.org")
    assert taken.status_code == new.status_code == 302
    assert taken.url == new.url
    # The owner of the taken address is told by e-mail, not the person at the form.
    assert {tuple(m.to) for m in mailoutbox} == {(participant.email,), ("echt-nieuw@example.org",)}


def test_signing_up_with_a_taken_address_hashes_the_password_as_a_new_sign_up_does(participant, ip, monkeypatch):
    """Issue 14: a taken address answered in a tenth of the time (no password hash), which told it apart."""
    from django.contrib.auth.hashers import MD5PasswordHasher

    hashed = []
    encode = MD5PasswordHasher.encode
    monkeypatch.setattr(MD5PasswordHasher, "encode", lambda self, *a, **kw: hashed.append(1) or encode(self, *a, **kw))

    def sign_up(email):
        data = {
            "email": email,
            "display_name": "Iemand",
            "password1": "Lang-wachtwoord-31",
            "password2": "Lang-wachtwoord-31",
        }
        hashed.clear()
        response = Client(REMOTE_ADDR=ip).post(reverse("account_signup"), data, follow=True)
        return response, len(hashed)

    (taken, taken_hashes), (new, new_hashes) = sign_up(participant.email), sign_up("heel-nieuw@example.org")
    assert taken_hashes == new_hashes == 1
    assert taken.status_code == new.status_code == 200
    assert taken.redirect_chain == new.redirect_chain
    assert normalised(taken, participant.email) == normalised(new, "heel-nieuw@example.org")


def test_a_password_reset_answers_alike_for_known_and_unknown_addresses(participant, ip):
    known = Client(REMOTE_ADDR=ip).post(reverse("account_reset_password"), {"email": participant.email})
    unknown = Client(REMOTE_ADDR=ip).post(reverse("account_reset_password"), {"email": UNKNOWN})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url


def test_repeated_failed_logins_for_one_address_are_stopped_even_with_the_right_password(participant, ip):
    client = Client(REMOTE_ADDR=ip)
    for _ in range(5):
        assert log_in(client, participant.email, "raden-123").status_code == 200
    response = log_in(client, participant.email, PASSWORD)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Te veel inlogpogingen" in response.content.decode()


def test_too_many_login_attempts_from_one_address_get_the_dutch_429_page(participant, ip, settings):
    # Configured: 300 a minute per address (a room on one venue address signs in at once,
    # tests/security/test_proxy_and_limits.py); here 5, to reach the page quickly.
    assert settings.ACCOUNT_RATE_LIMITS["login"] == "300/m/ip"
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "5/m/ip", "login_failed": False}
    client = Client(REMOTE_ADDR=ip)
    statuses = [log_in(client, f"persoon{i}@example.org", "raden").status_code for i in range(6)]
    assert statuses == [200] * 5 + [429]
    response = log_in(client, participant.email, PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Te veel pogingen in korte tijd" in html


def test_failed_logins_from_one_address_are_limited_per_address_and_per_account(participant, ip, settings):
    assert settings.ACCOUNT_RATE_LIMITS["login_failed"] == "30/m/ip,5/5m/key"
    client = Client(REMOTE_ADDR=ip)
    pages = [log_in(client, f"persoon{i}@example.org", "raden").content.decode() for i in range(31)]
    assert ["Te veel" in page for page in pages] == [False] * 30 + [True]


def test_sign_ups_from_one_address_are_limited(ip):
    client = Client(REMOTE_ADDR=ip)
    statuses = []
    for i in range(21):
        data = {
            "email": f"nieuw{i}@example.org",
            "display_name": "N",
            "password1": "Lang-wachtwoord-31",
            "password2": "Lang-wachtwoord-31",
        }
        statuses.append(client.post(reverse("account_signup"), data).status_code)
    assert statuses[:20] == [302] * 20
    assert statuses[20] == 429


def test_password_reset_requests_for_one_address_are_limited(participant, ip):
    client = Client(REMOTE_ADDR=ip)
    statuses = [
        client.post(reverse("account_reset_password"), {"email": participant.email}).status_code for _ in range(6)
    ]
    assert statuses == [302] * 5 + [429]
