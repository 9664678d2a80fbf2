"""The library's filter panel shows the chosen sort order whole."""

import pytest
from django.urls import reverse

from tests.e2e.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FITS = """(css) => {
  const select = document.querySelector(css), style = getComputedStyle(select);
  const context = document.createElement("canvas").getContext("2d");
  context.font = style.font;
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return [context.measureText(select.options[select.selectedIndex].text).width, room];
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_sort_order_is_shown_whole(contexts, live_server, viewport):
    page = contexts(viewport=viewport).new_page()
    page.goto(live_server.url + reverse("cases:library"))
    if page.locator(".filter-panel > summary").is_visible() and not page.locator("#id_sorteer").is_visible():
        page.locator(".filter-panel > summary").click()
    text, room = page.evaluate(FITS, "#id_sorteer")
    assert text <= room, f"'{text:.0f} px of text in {room:.0f} px"
