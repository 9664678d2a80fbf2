"""The account and two-factor pages in Chromium: axe's WCAG 2.1 AA rules, and screenshots at 1280×720 and
360×740 (``artifacts_dir``) to look at."""

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD, make_user
from tests.e2e.conftest import VIEWPORTS, axe_violations, contexts  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BEFORE = ["account_email", "account_change_password", "mfa_index", "mfa_activate_totp", "account_logout"]
WITH_APP = ["mfa_index", "mfa_view_recovery_codes", "mfa_generate_recovery_codes", "mfa_deactivate_totp"]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_account_pages_have_no_wcag_21_aa_violations(contexts, live_server, artifacts_dir, viewport):  # noqa: F811
    user = make_user("lid@example.org")
    client = Client()
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})  # these pages ask for it
    context = contexts(viewport=VIEWPORTS[viewport])
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    page = context.new_page()
    failures = []

    def visit(name, label):
        response = page.goto(f"{live_server.url}{reverse(name)}")
        if response.status != 200:
            failures.append(f"{label}: status {response.status}")
            return
        page.screenshot(path=f"{artifacts_dir}/account-{label}-{viewport}.png", full_page=True)
        failures.extend(f"{label}: {violation}" for violation in axe_violations(page))

    for name in BEFORE:
        visit(name, name)
    TOTP.activate(user, generate_totp_secret())
    RecoveryCodes.activate(user)
    for name in WITH_APP:
        visit(name, f"{name}-with-app")
    assert not failures, "\n".join(failures)
