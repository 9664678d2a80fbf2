"""The header's search field: its whole placeholder on a desktop; usable in the open phone menu."""

import pytest

from tests.e2e.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BOXES = """() => Object.fromEntries(
  [["field", "#site-search-q"], ["button", ".site-search button"], ["login", ".account-nav a"]].map(([name, css]) => {
    const box = document.querySelector(css).getBoundingClientRect();
    return [name, {left: box.left, right: box.right, top: box.top, bottom: box.bottom, width: box.width}];
  }))"""

PLACEHOLDER_FITS = """() => {
  const field = document.querySelector("#site-search-q"), style = getComputedStyle(field);
  const context = document.createElement("canvas").getContext("2d");
  context.font = style.font;
  const room = field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return [context.measureText(field.placeholder).width, room];
}"""


def overlap(a, b):
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def test_the_whole_placeholder_fits_on_a_desktop(contexts, live_server):
    page = contexts(viewport=DESKTOP).new_page()
    page.goto(f"{live_server.url}/")
    text, room = page.evaluate(PLACEHOLDER_FITS)
    assert text <= room, f"placeholder needs {text:.0f} px, the field has {room:.0f}"


def test_in_the_open_phone_menu_the_search_field_is_wide_and_covers_nothing(contexts, live_server):
    page = contexts(viewport=PHONE, has_touch=True).new_page()
    page.goto(f"{live_server.url}/")
    page.get_by_role("button", name="Menu", exact=True).click()
    boxes = page.evaluate(BOXES)
    assert boxes["field"]["width"] >= 200
    assert not overlap(boxes["button"], boxes["login"])
    assert not overlap(boxes["field"], boxes["login"])
