"""Keyboard only: a live round on a phone (member and guest), a case in the rich-text editor, the phone menu.

Nothing is clicked or focused by the test: every step is Tab, arrow keys, Enter or typing.
At every stop on the way the focused element must show a visible focus indicator
(WCAG 2.4.7), and the order must reach the controls the person needs (WCAG 2.1.1).
"""

import re

import pytest
from playwright.sync_api import expect

from cases.models import Case
from meetings.models import Contribution, Round
from tests.axe import run_axe
from tests.conftest import make_meeting, make_user
from tests.e2e.conftest import DESKTOP, PHONE, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUS_SHOWN = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "nothing has the focus";
  // The calendar button inside a date field is the browser's own control (in the field's
  // shadow tree, which the site's CSS cannot reach); Chromium draws its focus ring itself.
  if (el.type === "date" && !el.matches(":focus")) return "";
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const ring = style.boxShadow && style.boxShadow !== "none";
  if (outline || ring) return "";
  return `no visible focus on <${el.tagName.toLowerCase()} ${el.id || el.className}> ${(el.innerText || el.value || "").slice(0, 40)}`;
}"""


def tab_to(page, locator, where, limit=150):
    """Press Tab until ``locator`` has the focus, checking that every stop on the way shows it."""
    target = locator.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        problem = page.evaluate(FOCUS_SHOWN)
        assert not problem, f"{where}: {problem}"
        if page.evaluate("el => document.activeElement === el || el.contains(document.activeElement)", target):
            return
    raise AssertionError(f"{where}: {limit} presses of Tab did not reach {locator}")


def press_and_wait(page, key):
    with page.expect_navigation():
        page.keyboard.press(key)


@pytest.fixture
def live_round():
    meeting = make_meeting(title="Werkzame factoren oogsten", days=0)
    meeting.open_live()
    round_ = Round.objects.create(
        meeting=meeting, prompt="Wat heeft gewerkt?", kind=Round.Kind.WORKING, order=1, guests_allowed=True
    )
    round_.start()
    return round_


def test_a_member_contributes_in_a_live_round_with_the_keyboard_only(contexts, live_server, live_round):
    member = make_user("ahmed@example.org", name="Ahmed", perspective="gemeente")
    code = live_round.meeting.join_code
    page = sign_in(contexts(viewport=PHONE, has_touch=True), live_server, member).new_page()
    page.goto(f"{live_server.url}/live/")

    tab_to(page, page.get_by_label("Code van de bijeenkomst"), "join: the code field")
    page.keyboard.type(code.lower())
    press_and_wait(page, "Enter")
    assert page.url.endswith(f"/live/{code}/"), page.url

    tab_to(page, page.get_by_label("Jouw bijdrage"), "phone: the contribution field")
    page.keyboard.type("Een vaste wijkagent die iedereen kent")
    tab_to(page, page.get_by_role("button", name="Plaatsen"), "phone: the post button")
    page.keyboard.press("Enter")  # posted in place; focus returns to the text field
    expect(page.locator(".live-posted")).to_contain_text("Je bijdrage staat op de muur.")
    expect(page.get_by_label("Jouw bijdrage")).to_be_focused()
    assert Contribution.objects.get().text == "Een vaste wijkagent die iedereen kent"

    # Change it, still with the keyboard.
    tab_to(page, page.get_by_role("link", name=re.compile("^Aanpassen")), "phone: edit own contribution")
    press_and_wait(page, "Enter")
    tab_to(page, page.get_by_role("textbox"), "edit: the text")
    page.keyboard.press("Control+End")
    page.keyboard.type(" en luistert")
    tab_to(page, page.locator("main form [type=submit]").first, "edit: save")
    press_and_wait(page, "Enter")
    assert Contribution.objects.get().text == "Een vaste wijkagent die iedereen kent en luistert"


def test_a_guest_chooses_a_perspective_and_contributes_with_the_keyboard_only(contexts, live_server, live_round):
    page = contexts(viewport=PHONE, has_touch=True).new_page()
    page.goto(f"{live_server.url}/live/{live_round.meeting.join_code}/")

    # A list (it keeps "Doe mee als gast" on the first screen): one Tab stop, the arrow keys choose.
    tab_to(page, page.get_by_label("Vanuit welk perspectief doe je mee?"), "guest: the perspectives")
    for _ in range(12):
        if page.evaluate("document.activeElement.value") == "inwoners":
            break
        page.keyboard.press("ArrowDown")
    assert page.get_by_label("Vanuit welk perspectief doe je mee?").input_value() == "inwoners"
    tab_to(page, page.get_by_role("button", name="Doe mee als gast"), "guest: join")
    press_and_wait(page, "Enter")

    tab_to(page, page.get_by_label("Jouw bijdrage"), "guest: the contribution field")
    page.keyboard.type("Korte lijnen met de gemeente")
    tab_to(page, page.get_by_role("button", name="Plaatsen"), "guest: the post button")
    page.keyboard.press("Enter")  # posted in place; focus returns to the text field
    expect(page.locator(".live-posted")).to_contain_text("Je bijdrage staat op de muur.")
    expect(page.get_by_label("Jouw bijdrage")).to_be_focused()
    contribution = Contribution.objects.get()
    assert (contribution.author, contribution.perspective) == (None, "inwoners")


def test_a_case_is_written_and_submitted_with_the_keyboard_only(contexts, live_server):
    member = make_user("nina@example.org", name="Nina", perspective="welzijn")
    page = sign_in(contexts(), live_server, member).new_page()
    page.goto(f"{live_server.url}/casussen/nieuw/")

    tab_to(page, page.get_by_label("Titel", exact=True), "case: title")
    page.keyboard.type("Buurtkamer De Linde")
    tab_to(page, page.get_by_label("Korte samenvatting"), "case: summary")
    page.keyboard.type("Bewoners runnen zelf een buurtkamer.")
    editor = page.get_by_role("textbox", name="Het verhaal")
    tab_to(page, editor, "case: the story's rich-text editor")
    page.keyboard.type("Het begon met koffie. ")
    page.keyboard.press("Control+b")
    page.keyboard.type("Nu komt de hele straat.")
    page.keyboard.press("Control+b")
    page.keyboard.press("Enter")
    page.keyboard.type("Wat we leerden:")
    tab_to(page, page.get_by_role("button", name="Opslaan en indienen"), "case: submit", limit=250)
    press_and_wait(page, "Enter")
    expect(page.locator(".messages")).to_contain_text("ingediend")

    case = Case.objects.get(title="Buurtkamer De Linde")
    assert case.status == Case.Status.SUBMITTED
    assert re.search(r"<strong>\s*Nu komt de hele straat\.</strong>", case.story), case.story
    assert "<p>Wat we leerden:</p>" in case.story, case.story


def test_on_a_phone_the_header_folds_behind_a_menu_button_that_works_with_the_keyboard(contexts, live_server):
    page = contexts(viewport={"width": 320, "height": 640}, has_touch=True).new_page()
    page.goto(f"{live_server.url}/")
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    menu = page.get_by_role("button", name="Menu", exact=True)
    expect(nav).to_be_hidden()
    expect(page.get_by_role("searchbox", name="Zoeken")).to_be_visible()  # search stays in view
    assert page.evaluate("document.documentElement.scrollWidth") <= 320  # reflow at 320 px (WCAG 1.4.10)

    tab_to(page, menu, "phone: the menu button")
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav).to_be_visible()
    expect(page.get_by_role("link", name="Inloggen")).to_be_visible()
    assert run_axe(page).response["violations"] == []

    tab_to(page, nav.get_by_role("link", name="Casussen"), "phone: a section in the open menu")
    page.keyboard.press("Escape")  # closes the menu and gives the focus back to its button
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()
    assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")

    page.keyboard.press("Enter")
    tab_to(page, nav.get_by_role("link", name="Casussen"), "phone: the menu opened again")
    press_and_wait(page, "Enter")
    assert page.url.endswith("/casussen/"), page.url


@pytest.mark.parametrize("javascript, width", [(False, 360), (True, DESKTOP["width"])])
def test_without_javascript_or_on_a_wide_screen_every_header_link_is_in_view(contexts, live_server, javascript, width):
    page = contexts(viewport={"width": width, "height": 740}, java_script_enabled=javascript).new_page()
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Casussen")).to_be_visible()
    expect(page.get_by_role("link", name="Account maken").first).to_be_visible()
    expect(page.get_by_role("button", name="Menu", exact=True)).to_be_hidden()
