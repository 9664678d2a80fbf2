"""End to end on a phone-sized screen: a participant tells a case, a facilitator publishes it,
a visitor finds it by a Dutch word from its story and by filtering."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from cop.models import Municipality, Theme
from tests.axe import run_axe
from tests.conftest import make_case, make_factor, make_user
from tests.e2e.conftest import fits_the_screen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def signed_in(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="nl-NL")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    return context


def axe_violations(page):
    return [v["id"] for v in run_axe(page).response["violations"]]


def test_a_case_told_on_a_phone_is_published_and_found(browser, live_server, artifacts_dir):
    participant = make_user("pim@example.org", name="Pim Deelnemer", perspective="onderwijs")
    facilitator = make_user("femke@example.org", name="Femke Begeleider", facilitator=True)
    Theme.objects.create(name="Leefbaarheid")
    Municipality.objects.create(name="Arnhem")
    make_factor("Aansluiten bij wat leeft")

    # The participant tells the case.
    page = signed_in(browser, live_server, participant).new_page()
    page.goto(f"{live_server.url}/casussen/nieuw/")
    page.fill("#id_title", "Kenniskwartier Arnhem")
    page.fill("#id_summary", "Studenten krijgen een leerwerkplek in de wijk.")
    story = page.locator(".field:has(#id_story) .tiptap")
    story.click()
    page.keyboard.type("In het Kenniskwartier werken studenten samen met bewoners.")
    page.locator(".field:has(#id_pride) .tiptap").click()
    page.keyboard.type("De buurt doet mee.")
    page.select_option("#id_municipality", label="Arnhem")
    page.get_by_label("Leefbaarheid").check()
    page.select_option("#id_factors-0-factor", label="Aansluiten bij wat leeft")
    page.fill("#id_factors-0-explanation", "We vroegen bewoners eerst wat zij wilden.")
    assert fits_the_screen(page)
    assert axe_violations(page) == []
    page.screenshot(path=f"{artifacts_dir}/cases-phone-form.png", full_page=True)
    page.get_by_role("button", name="Opslaan en indienen").click()
    page.wait_for_url(f"{live_server.url}/casussen/kenniskwartier-arnhem/")
    assert "ingediend" in page.inner_text(".case-actions")
    assert fits_the_screen(page)

    # The facilitator publishes it from the review queue.
    page = signed_in(browser, live_server, facilitator).new_page()
    page.goto(f"{live_server.url}/casussen/redactie/")
    page.get_by_role("button", name="Publiceren").click()
    page.wait_for_url(f"{live_server.url}/casussen/kenniskwartier-arnhem/")
    assert "De casus is gepubliceerd." in page.inner_text(".messages")

    # A visitor finds it by a word from its story, and by filtering (htmx, no full page load).
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{live_server.url}/casussen/?q=studenten")
    assert page.get_by_role("link", name="Kenniskwartier Arnhem").is_visible()
    page.goto(f"{live_server.url}/casussen/")
    # On a phone the filters are folded so that the cases come first; the visitor opens them.
    filters = page.locator("details.filter-panel")
    expect(filters).not_to_have_attribute("open", "")
    assert page.locator("#case-results").bounding_box()["y"] < PHONE["height"]  # results on the first screen
    filters.locator("summary").click()
    page.evaluate("window.__sameDocument = true")
    with page.expect_response(lambda r: "thema=leefbaarheid" in r.url):
        page.select_option("#id_thema", "leefbaarheid")
    # htmx pushes the filtered address after the swap; wait for it (it is what makes the list shareable).
    page.wait_for_url("**/casussen/?*thema=leefbaarheid*")
    expect(filters.locator("summary")).to_have_text("Filters (1 actief)")  # sent along with the results
    page.wait_for_selector("#case-results >> text=Kenniskwartier Arnhem")
    assert page.evaluate("window.__sameDocument === true")  # the list was swapped in, not reloaded
    assert fits_the_screen(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Kenniskwartier Arnhem").click()
    expect(page.locator("main")).to_contain_text("We vroegen bewoners eerst wat zij wilden.")
    assert axe_violations(page) == []
    page.screenshot(path=f"{artifacts_dir}/cases-phone-detail.png", full_page=True)


def test_the_rich_text_toolbar_speaks_dutch_and_english_after_switching(browser, live_server):
    participant = make_user("pim@example.org", name="Pim Deelnemer", perspective="onderwijs")
    context = signed_in(browser, live_server, participant)
    page = context.new_page()
    page.goto(f"{live_server.url}/casussen/nieuw/")
    undo = page.locator(".prose-menubar__button", has_text="undo").first
    page.wait_for_function("document.querySelector('.prose-menubar [title=\"ongedaan maken\"]') !== null")
    assert undo.get_attribute("aria-label") == "ongedaan maken"
    assert page.get_by_role("button", name="link invoegen").count() >= 1
    assert page.locator('.prose-menubar [title="bold"]').count() == 0
    # The link dialog's words come through the editor's gettext.
    assert page.evaluate("window.gettext('Cancel')") == "Annuleren"

    page.goto(f"{live_server.url}/taal/en/?next=/casussen/nieuw/")
    page.wait_for_selector('.prose-menubar [title="undo"]')
    assert page.locator('.prose-menubar [title="ongedaan maken"]').count() == 0
    context.close()


@pytest.mark.parametrize("viewport, query", [(PHONE, "?thema=leefbaarheid"), ({"width": 1280, "height": 900}, "")])
def test_the_filters_stay_open_when_one_is_set_or_the_screen_is_wide(browser, live_server, viewport, query):
    Theme.objects.create(name="Leefbaarheid")
    context = browser.new_context(viewport=viewport, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{live_server.url}/casussen/{query}")
    filters = page.locator("details.filter-panel")
    expect(filters).to_have_attribute("open", "")
    expect(page.get_by_label("Thema")).to_be_visible()
    if query:
        expect(filters.locator("summary")).to_have_text("Filters (1 actief)")
    context.close()


def test_back_after_filtering_shows_the_whole_page_again(browser, live_server):
    # htmx keeps no history snapshots here; Back must load the page, not swap in a results fragment.
    # The library offers only themes with cases.
    make_case(title="Buurtkamer").themes.add(Theme.objects.create(name="Leefbaarheid"))
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{live_server.url}/casussen/")
    page.locator("details.filter-panel > summary").click()
    page.select_option("#id_thema", "leefbaarheid")
    page.wait_for_url("**/casussen/?*thema=leefbaarheid*")
    page.go_back()
    page.wait_for_url(f"{live_server.url}/casussen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Casussen")
    expect(page.get_by_role("search", name="Casussen filteren")).to_be_visible()
    menu = page.get_by_role("button", name="Menu", exact=True)
    menu.click()  # the header's menu still works on the page Back brought
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
    context.close()
