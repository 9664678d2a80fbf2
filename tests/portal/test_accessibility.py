"""The portal's pages in Chromium: no WCAG 2.1 A/AA violations (axe), usable on a phone, visuals without JS."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from tests.axe import run_axe
from tests.e2e.conftest import fits_the_screen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/wat-werkt/",
    "/wat-werkt/aansluiten-bij-wat-leeft/",
    "/begrippen/gebiedsgericht-werken/",
    "/bijeenkomsten/bijeenkomst-over-eigenaarschap/",
    "/bijeenkomsten/bijeenkomst-over-eigenaarschap/opgehaald/",
    "/embed/wat-werkt/",
    "/embed/wat-werkt/aansluiten-bij-wat-leeft/",
    "/wat-werkt/kaart/",
    "/wat-werkt/perspectieven/",
    "/zoeken/?q=bewoners",
    "/zoeken/?q=onvindbaar",
    "/open-data/",
    "/api/",
]


def test_portal_pages_pass_axe_and_fit_a_phone(browser, live_server, world, artifacts_dir):
    world.harvested.rounds.update(status="closed")  # rounds that ran: the meeting page draws its harvest
    for viewport in ({"width": 1280, "height": 900}, {"width": 390, "height": 844}):
        context = browser.new_context(viewport=viewport, locale="nl-NL")
        page = context.new_page()
        for path in PAGES:
            page.goto(f"{live_server.url}{path}")
            result = run_axe(page)
            assert result.response["violations"] == [], (path, viewport, result.generate_report())
            assert fits_the_screen(page), (path, viewport)
        for path, name in (("/wat-werkt/kaart/", "factor-map"), ("/", "home")):
            page.goto(f"{live_server.url}{path}")
            page.screenshot(path=f"{artifacts_dir}/portal-{name}-{viewport['width']}.png", full_page=True)
        context.close()


def test_visuals_show_without_javascript(browser, live_server, world):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/wat-werkt/kaart/")
    assert page.locator("svg.visual__svg--map").is_visible()
    page.get_by_text("Toon als tabel").click()
    expect(page.locator(".visual__table table")).to_be_visible()
    context.close()


@pytest.fixture
def other_site():
    """Another site on the loopback address that frames ``html`` (Chrome keeps public pages from framing localhost)."""
    pages = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get("html", "").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield pages, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_another_site_can_frame_an_embed_but_not_the_portal_itself(browser, live_server, world, other_site):
    pages, url = other_site
    pages["html"] = (
        f'<!doctype html><title>Ander netwerk</title><iframe name="embed" title="Factor" '
        f'src="{live_server.url}/embed/wat-werkt/aansluiten-bij-wat-leeft/"></iframe>'
        f'<iframe name="portal" title="Portaal" src="{live_server.url}/"></iframe>'
    )
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)  # waits for both frames to load
    expect(page.frame_locator("iframe[name=embed]").locator("h1")).to_have_text(world.working.name)
    portal = page.frame(name="portal")
    # Blocked by X-Frame-Options and frame-ancestors: the browser shows its own error page instead.
    assert portal.url.startswith("chrome-error:")
    assert "Weten wat werkt in gebiedsgericht werken" not in portal.locator("body").inner_text()
    context.close()


def test_the_home_page_without_javascript_shows_its_visual_and_search(browser, live_server, world):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    meters = page.locator(".home-findings .level-meter")
    assert meters.count() >= 2 and meters.first.is_visible()  # drawn by the server, no script needed
    assert meters.first.bounding_box()["width"] > 30  # three steps, readable on a phone
    first = page.locator(".home-findings .finding").first.bounding_box()
    assert first["y"] < 844 * 1.5  # the first finding is within reach of the first screen
    # The header's search (the home page has no second box): visible without JavaScript.
    page.get_by_role("searchbox", name="Zoeken").fill("bewoners")
    page.get_by_role("searchbox", name="Zoeken").press("Enter")
    page.wait_for_url("**/zoeken/?q=bewoners")
    context.close()
