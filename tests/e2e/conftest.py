"""Browser fixtures of the end-to-end tests: contexts that leave screenshots when a test fails, sign-in helpers.

Every context made with ``contexts(...)`` is closed after the test; when the test
failed, every page still open in it is saved as a full-page screenshot in
``artifacts_dir`` (``TEST_ARTIFACTS`` in CI), named after the test.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from playwright.sync_api import expect

from cop.roles import FACILITATORS_GROUP
from tests.conftest import PASSWORD

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}


def site_header(page):
    """The header with its sections and account links; on a phone it opens the Menu first, as a visitor does."""
    page.wait_for_load_state("domcontentloaded")  # site.js wires the button then
    toggle = page.get_by_role("button", name="Menu", exact=True)
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
    return page.locator(".site-header")


@pytest.fixture(autouse=True)
def _facilitators_group(request):
    # Transactional tests start from an empty database, without the group of the data migration.
    marker = request.node.get_closest_marker("django_db")
    if marker is not None:
        request.getfixturevalue("transactional_db" if marker.kwargs.get("transaction") else "db")
        Group.objects.get_or_create(name=FACILITATORS_GROUP)


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request):
    """Each journey runs on a desktop and on a 360×740 phone."""
    return request.param


@pytest.fixture
def contexts(browser, request, artifacts_dir):
    """``contexts(**options)``: a new browser context (Dutch, a desktop unless told), screenshotted on failure."""
    made = []

    def new_context(**options):
        options.setdefault("locale", "nl-NL")
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        made.append(context)
        return context

    yield new_context
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        for i, context in enumerate(made):
            for j, page in enumerate(context.pages):
                try:
                    page.screenshot(path=f"{artifacts_dir}/{name}-context{i}-page{j}.png", full_page=True)
                except Exception as error:  # a crashed page must not hide the real failure
                    print(f"no screenshot of {page.url}: {error}")
    for context in made:
        context.close()


def sign_in(context, live_server, user):
    """Give ``context`` the session of ``user`` (logging in through the form is tested in its own journeys)."""
    client = Client()
    client.force_login(user)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    return context


def log_in(page, live_server, email, password=PASSWORD):
    """Log in through the site's own form."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()


def axe_violations(page):
    """The WCAG 2.1 A/AA violations on ``page``: rule, impact and the offending nodes."""
    from tests.axe import run_axe

    result = run_axe(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in result.response["violations"]
    ]


def fits_the_screen(page):
    page.wait_for_load_state()  # styles and images in, after a click that navigated
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
