"""The portal's pages in Chromium: no WCAG 2.1 A/AA violations (axe), usable on a phone, visuals without JS."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/wat-werkt/kaart/",
    "/wat-werkt/perspectieven/",
    "/zoeken/?q=bewoners",
    "/zoeken/?q=onvindbaar",
    "/open-data/",
    "/api/",
]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def test_portal_pages_pass_axe_and_fit_a_phone(browser, live_server, world, artifacts_dir):
    axe = Axe()
    for viewport in ({"width": 1280, "height": 900}, {"width": 390, "height": 844}):
        context = browser.new_context(viewport=viewport, locale="nl-NL")
        page = context.new_page()
        for path in PAGES:
            page.goto(f"{live_server.url}{path}")
            result = axe.run(page, options=WCAG)
            assert result.response["violations"] == [], (path, viewport, result.generate_report())
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (path, viewport)
        page.goto(f"{live_server.url}/wat-werkt/kaart/")
        page.screenshot(path=f"{artifacts_dir}/portal-factor-map-{viewport['width']}.png", full_page=True)
        context.close()


def test_visuals_show_without_javascript(browser, live_server, world):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/wat-werkt/kaart/")
    assert page.locator("svg.visual__svg--map").is_visible()
    page.get_by_text("Toon als tabel").click()
    assert page.locator(".visual__table table").is_visible()
    context.close()
