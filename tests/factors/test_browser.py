"""The "Wat werkt" and glossary pages in Chromium: no WCAG 2.1 A/AA violations (axe), filters with and without JS."""

import pytest
from django.contrib.auth.models import Group

from cop.models import Term
from cop.roles import FACILITATORS_GROUP
from factors.models import Cluster, FactorRelation
from tests.axe import run_axe
from tests.conftest import PASSWORD, make_factor, make_user
from tests.e2e.conftest import fits_the_screen
from tests.factors.conftest import cast_dots, cite_in_case, cluster_contribution, make_municipality, published_meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def board_data():
    # Transactional tests start from an empty database, without the group of the data migration.
    Group.objects.get_or_create(name=FACILITATORS_GROUP)
    facilitator = make_user("begeleider@example.org", name="Femke Begeleider", facilitator=True)
    ownership = Cluster.objects.create(name="Eigenaarschap & continuïteit", order=10)
    working = make_factor(
        "Aansluiten bij wat leeft",
        cluster=ownership,
        statement="Begin bij de energie in de wijk, zie [[gebiedsgericht werken]].",
        explanation="<p>Zo werkt het.</p>",
    )
    obstacle = make_factor("Wisselende gezichten", kind="obstacle", cluster=ownership)
    make_factor("Zonder cluster", kind="obstacle")
    FactorRelation.objects.create(from_factor=working, to_factor=obstacle, kind="helps")
    meeting = published_meeting("Tweede bijeenkomst")
    cite_in_case(working, perspective="welzijn", municipality=make_municipality("Arnhem"), explanation="Het werkte.")
    cluster_contribution(working, meeting, perspective="inwoners", text="Korte lijnen")
    cast_dots(working, meeting, 3)
    term = Term.objects.create(name="Gebiedsgericht werken", is_key=True)
    term.propose_version("<p>Samen aan een gebied.</p>", by=facilitator).accept(by=facilitator, meeting=meeting)
    term.propose_version("<p>Samen werken aan een wijk of dorp.</p>", by=facilitator).accept(by=facilitator)
    make_factor("Wacht op besluit", status="proposed")
    return {"working": working, "obstacle": obstacle, "term": term, "facilitator": facilitator}


def _log_in(page, base_url, email):
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()


def test_public_pages_pass_axe_and_fit_a_phone(browser, live_server, board_data, artifacts_dir):
    paths = [
        "/wat-werkt/",
        "/wat-werkt/?perspectief=welzijn",
        board_data["working"].get_absolute_url(),
        board_data["obstacle"].get_absolute_url(),
        "/begrippen/",
        board_data["term"].get_absolute_url(),
        f"{board_data['term'].get_absolute_url()}vergelijken/",
    ]
    for viewport in ({"width": 1280, "height": 900}, {"width": 390, "height": 844}):
        context = browser.new_context(viewport=viewport, locale="nl-NL")
        page = context.new_page()
        for path in paths:
            page.goto(f"{live_server.url}{path}")
            result = run_axe(page)
            assert result.response["violations"] == [], (path, viewport, result.generate_report())
            assert fits_the_screen(page), (path, viewport)
        page.goto(f"{live_server.url}/wat-werkt/")
        page.screenshot(path=f"{artifacts_dir}/factors-board-{viewport['width']}.png", full_page=True)
        page.goto(f"{live_server.url}{board_data['working'].get_absolute_url()}")
        page.screenshot(path=f"{artifacts_dir}/factors-detail-{viewport['width']}.png", full_page=True)
        for name, path in (("glossary", "/begrippen/"), ("term", board_data["term"].get_absolute_url())):
            page.goto(f"{live_server.url}{path}")
            page.screenshot(path=f"{artifacts_dir}/{name}-{viewport['width']}.png", full_page=True)
        context.close()


def test_the_filters_update_the_board_in_place_and_the_url(browser, live_server, board_data):
    page = browser.new_page()
    page.goto(f"{live_server.url}/wat-werkt/")
    assert page.locator(".factor-card").count() == 3
    page.select_option("#id_perspectief", "welzijn")
    page.wait_for_url("**perspectief=welzijn**")
    page.wait_for_function("document.querySelectorAll('.factor-card').length === 1")
    assert "1 werkzame factor" in page.locator("#board-status").inner_text()
    assert page.locator("h1").count() == 1
    page.close()


def test_the_filters_work_without_javascript(browser, live_server, board_data):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/wat-werkt/")
    page.select_option("#id_perspectief", "inwoners")
    page.get_by_role("button", name="Toon factoren").click()
    page.wait_for_url("**perspectief=inwoners**")
    assert page.locator(".factor-card").count() == 1
    context.close()


def test_curation_pages_pass_axe(browser, live_server, board_data):
    page = browser.new_page()
    _log_in(page, live_server.url, "begeleider@example.org")
    working = board_data["working"]
    for path in (
        "/wat-werkt/beheer/",
        "/wat-werkt/beheer/logboek/",
        working.get_absolute_url(),
        f"{working.get_absolute_url()}samenvoegen/",
        f"{working.get_absolute_url()}afsplitsen/",
        f"{working.get_absolute_url()}hernoemen/",
        "/wat-werkt/voorstellen/",
        f"{board_data['term'].get_absolute_url()}voorstellen/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert page.url.endswith(path), (path, page.url)
        result = run_axe(page)
        assert result.response["violations"] == [], (path, result.generate_report())
    page.close()
