"""An editor page: no CSP violation in the console, no missing glyph in the toolbar, save bar on top."""

import pytest
from django.urls import reverse

from tests.e2e.conftest import DESKTOP, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_case_editor_loads_without_csp_errors_and_draws_its_menu_marker(contexts, live_server, participant):
    page = sign_in(contexts(viewport=DESKTOP), live_server, participant).new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(live_server.url + reverse("cases:create"))
    page.wait_for_selector(".prose-menubar__selected")
    assert [text for text in errors if "Content Security Policy" in text] == []
    marker = page.evaluate("getComputedStyle(document.querySelector('.prose-menubar__selected'), '::after').content")
    assert "⏷" not in marker  # not in the Material Icons font: it showed as a box
    z_bar = page.evaluate("getComputedStyle(document.querySelector('.case-form__buttons')).zIndex")
    z_menu = page.evaluate("getComputedStyle(document.querySelector('.prose-menubar')).zIndex")
    assert int(z_bar) > int(z_menu)
