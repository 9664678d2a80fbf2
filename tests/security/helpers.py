"""Helpers shared by the security tests: TOTP codes (RFC 6238) and real logins."""

import time

from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.urls import reverse

from tests.conftest import PASSWORD

TOTP_PERIOD = 30


def totp_code(secret):
    """The current code of ``secret``; waits out the last two seconds of a period so the server sees the same one."""
    if time.time() % TOTP_PERIOD > TOTP_PERIOD - 2:
        time.sleep(2.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // TOTP_PERIOD))


def give_totp(user):
    """Activate a TOTP authenticator for ``user``; returns its secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def log_in(client, email, password=PASSWORD, **extra):
    """Log in through allauth's form, as a person would."""
    return client.post(reverse("account_login"), {"login": email, "password": password}, **extra)
