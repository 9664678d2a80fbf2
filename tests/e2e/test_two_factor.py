"""A facilitator sets up two-factor authentication (TOTP) in the browser, as the site demands, and logs in with it."""

import base64
import hashlib
import hmac
import struct
import time

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from tests.conftest import PASSWORD, clear_caches, make_user
from tests.e2e.conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("two_factor_enforced"),
]


def totp(secret, at=None, digits=6, period=30):
    """RFC 6238: HMAC-SHA1 of the number of periods since the epoch, dynamically truncated (RFC 4226)."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int(at if at is not None else time.time()) // period
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 10**digits
    return str(code).zfill(digits)


def current_code(secret, margin=8):
    # Not in the last seconds of a period: filling in, sending and checking the code must all
    # happen in the same one (allauth accepts only the current code).
    left = 30 - time.time() % 30
    if left < margin:
        time.sleep(left + 0.2)
    return totp(secret)


def test_the_rfc_6238_test_vector():
    # RFC 6238, appendix B, SHA-1, T = 59 s: 94287082 (8 digits).
    assert totp(base64.b32encode(b"12345678901234567890").decode(), at=59, digits=8) == "94287082"


def test_a_facilitator_must_set_up_totp_in_the_browser_and_then_logs_in_with_a_code(contexts, live_server):
    facilitator = make_user("begeleider@example.org", name="Femke Begeleider", facilitator=True)
    page = contexts().new_page()

    log_in(page, live_server, facilitator.email)
    page.goto(f"{live_server.url}/casussen/redactie/")
    assert "/accounts/" in page.url, f"a facilitator without TOTP reached {page.url}"
    if page.locator("input[name=password]").count():  # allauth asks for the password before adding a factor
        page.locator("input[name=password]").fill(PASSWORD)
        with page.expect_navigation():
            page.locator("main form button[type=submit]").first.click()
    assert page.url.endswith("/accounts/2fa/totp/activate/"), page.url
    secret = page.locator("#authenticator_secret").input_value()
    assert len(secret) >= 16, secret

    page.locator("input[name=code]").fill("000000" if current_code(secret) != "000000" else "111111")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    assert not Authenticator.objects.filter(user=facilitator).exists(), "a wrong code activated TOTP"

    page.locator("input[name=code]").fill(current_code(secret))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    assert Authenticator.objects.filter(user=facilitator, type=Authenticator.Type.TOTP).exists()
    page.goto(f"{live_server.url}/casussen/redactie/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Redactie")

    # Next time the password alone is not enough.
    with page.expect_navigation():
        page.get_by_role("button", name="Uitloggen").click()
    if page.url.endswith("/accounts/logout/"):
        with page.expect_navigation():
            page.locator("main form button[type=submit]").first.click()
    log_in(page, live_server, facilitator.email)
    assert page.url.endswith("/accounts/2fa/authenticate/"), page.url
    clear_caches()  # allauth remembers used codes for a period; this code may be the same as the last one
    page.locator("input[name=code]").fill(current_code(secret))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    page.goto(f"{live_server.url}/casussen/redactie/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Redactie")
