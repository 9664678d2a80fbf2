"""The pages that carry the outcomes are something a person grasps in two minutes, on a phone too.

Measured in Chromium on the demo data (``seed_demo``) at 1280×720 and 360×740. Before this work the
harvest of "Bijeenkomst 2" was 10,215 px (desktop) and 15,229 px (phone) long, the board 7,446 px and
14,216 px; the bounds below hold them well under that, while every note and factor stays reachable
without JavaScript (native ``<details>``) and each factor is on the board once.
"""

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HARVEST = "/bijeenkomsten/cop-bijeenkomst-2-werkzame-factoren/"
BOUNDS = {
    # page: {viewport width: most pixels}; measured after: harvest 6,931 / 10,252, board 4,367 / 5,995
    HARVEST: {1280: 7_500, 360: 11_000},
    "/wat-werkt/": {1280: 5_000, 360: 7_000},
}
VIEWPORTS = {1280: 720, 360: 740}


@pytest.fixture
def demo(settings):
    settings.DEBUG = True  # seed_demo refuses production settings
    call_command("seed_demo", force=True, stdout=StringIO())
    settings.DEBUG = False


def height(browser, url, width, **context):
    page = browser.new_page(viewport={"width": width, "height": VIEWPORTS[width]}, **context)
    page.goto(url)
    page.wait_for_load_state()
    value = page.evaluate("document.documentElement.scrollHeight")
    return page, value


@pytest.mark.parametrize("path", list(BOUNDS))
def test_the_harvest_and_the_board_stay_short_on_desktop_and_phone(browser, live_server, demo, path):
    for width, bound in BOUNDS[path].items():
        page, value = height(browser, live_server.url + path, width)
        assert value <= bound, f"{path} is {value} px long at {width} px wide (at most {bound})"
        page.close()


def test_the_harvest_leads_with_the_summary_and_folds_the_rest_without_javascript(browser, live_server, demo):
    page, _height = height(browser, live_server.url + HARVEST, 360, java_script_enabled=False)
    order = page.evaluate(
        """() => ['#harvest-title', '.harvest .prose', '.harvest-round', '#agenda-title']
            .map(selector => document.querySelector(selector).getBoundingClientRect().top)"""
    )
    assert order == sorted(order), "the summary and the rounds come before the programme"
    folded = page.locator(".harvest-more")
    assert folded.count() >= 3
    hidden_note = page.locator(".harvest-more--clusters .postit").first
    assert not hidden_note.is_visible()
    page.locator(".harvest-more--clusters > summary").first.click()  # a native <details>: no script needed
    assert hidden_note.is_visible()
    page.close()


def test_the_board_shows_each_factor_once_and_keeps_the_table(browser, live_server, demo):
    from factors.models import Factor

    page, _height = height(browser, live_server.url + "/wat-werkt/", 360, java_script_enabled=False)
    names = [name.strip() for name in page.locator(".factor-card__title").all_text_contents()]
    assert len(names) == len(set(names))
    assert set(names) == set(Factor.objects.public().values_list("name", flat=True))
    page.locator(".board-more-clusters > summary").click()
    assert page.locator(".board-more-clusters .factor-card").first.is_visible()
    page.locator(".board-table > summary").click()
    assert page.locator(".board-table table").is_visible()
    page.close()
