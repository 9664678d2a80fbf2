"""The live mode in Chromium: a 360 px phone, the keyboard, the wall that updates itself, axe (WCAG 2.1 AA)."""

import pytest
from django.contrib.auth.models import Group

from cop.roles import FACILITATORS_GROUP
from meetings.models import Contribution
from tests.axe import run_axe
from tests.conftest import PASSWORD, make_factor, make_meeting, make_user
from tests.e2e.conftest import fits_the_screen
from tests.meetings.conftest import add_round

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def live():
    # Transactional tests start from an empty database, without the group of the data migration.
    Group.objects.get_or_create(name=FACILITATORS_GROUP)
    facilitator = make_user("begeleider@example.org", name="Femke Begeleider", facilitator=True)
    meeting = make_meeting(title="Werkzame factoren oogsten", days=0)
    meeting.open_live()
    round_ = add_round(meeting, "Wat heeft gewerkt in jouw wijk?", guests_allowed=True, timer_seconds=300)
    make_factor("Vaste gezichten in de wijk")
    return {"meeting": meeting, "round": round_, "facilitator": facilitator}


def assert_accessible(page, where):
    result = run_axe(page)
    assert result.response["violations"] == [], (where, result.generate_report())


def test_a_guest_takes_part_from_a_small_phone_with_the_keyboard_and_the_wall_follows(
    browser, live_server, live, artifacts_dir
):
    meeting = live["meeting"]
    wall = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL").new_page()
    wall.goto(f"{live_server.url}/live/{meeting.join_code}/muur/")
    assert_accessible(wall, "wall")

    phone = browser.new_context(viewport=PHONE, locale="nl-NL", has_touch=True).new_page()
    phone.goto(f"{live_server.url}/live/")
    assert_accessible(phone, "join")
    phone.get_by_label("Code van de bijeenkomst").fill(meeting.join_code.lower())
    with phone.expect_navigation(url=f"**/live/{meeting.join_code}/"):
        phone.keyboard.press("Enter")
    assert_accessible(phone, "guest choice")
    assert fits_the_screen(phone)

    # Choose a perspective and join with the keyboard only.
    phone.get_by_label("Vanuit welk perspectief doe je mee?").select_option("inwoners")
    phone.get_by_role("button", name="Doe mee als gast").focus()
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    textarea = phone.get_by_label("Jouw bijdrage")
    textarea.focus()
    phone.keyboard.type("Bewoners die zelf de buurtkamer openen")
    phone.get_by_role("button", name="Plaatsen").focus()
    phone.keyboard.press("Enter")  # posted in place
    phone.locator(".live-posted").get_by_text("Je bijdrage staat op de muur.").wait_for()
    assert_accessible(phone, "after posting")
    assert fits_the_screen(phone)
    phone.screenshot(path=f"{artifacts_dir}/live-phone-360.png", full_page=True)

    # The wall polls and shows it, and tells screen readers.
    wall.locator("#wall-new").get_by_text("Bewoners die zelf de buurtkamer openen").wait_for(timeout=15000)
    assert "Nieuwe bijdrage" in wall.locator("#wall-status").inner_text()
    assert wall.evaluate("document.activeElement === document.body")  # updates never take the focus
    wall.screenshot(path=f"{artifacts_dir}/live-wall.png", full_page=True)
    assert Contribution.objects.filter(author__isnull=True).count() == 1


def test_the_console_clusters_with_the_keyboard_and_passes_axe(browser, live_server, live, artifacts_dir):
    meeting, round_ = live["meeting"], live["round"]
    round_.contribute(text="Een vaste wijkagent", perspective="gemeente", author=make_user("a@example.org"))
    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL").new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", "begeleider@example.org")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}regie/")
    assert_accessible(page, "console")
    page.get_by_label("Een vaste wijkagent").focus()
    page.keyboard.press("Space")
    page.get_by_label("Op bestaande factor of belemmering").select_option(
        label="Vaste gezichten in de wijk (werkzame factor)"
    )
    page.get_by_role("button", name="Aangevinkte bijdragen clusteren").focus()
    page.keyboard.press("Enter")  # in place: the board changes, the page stays
    page.locator(".messages").get_by_text("1 bijdrage geclusterd bij").wait_for()
    assert_accessible(page, "console after clustering")
    page.screenshot(path=f"{artifacts_dir}/live-console.png", full_page=True)
    assert Contribution.objects.get().factor.name == "Vaste gezichten in de wijk"

    phone = browser.new_context(viewport=PHONE, locale="nl-NL").new_page()
    phone.goto(f"{live_server.url}/live/{meeting.join_code}/muur/")
    assert "Vaste gezichten in de wijk" in phone.locator("#wall-body").inner_text()
    assert fits_the_screen(phone)


def test_the_meeting_pages_and_a_published_harvest_pass_axe_on_a_phone_and_a_desktop(
    browser, live_server, live, artifacts_dir
):
    from meetings import services

    meeting, round_, facilitator = live["meeting"], live["round"], live["facilitator"]
    factor = make_factor("Korte lijnen")
    posts = [
        round_.contribute(text=text, perspective=perspective, author=make_user(f"{perspective}@example.org"))
        for text, perspective in [("Wethouder op de fiets", "gemeente"), ("Buurtkamer", "welzijn"), ("Los", "inwoners")]
    ]
    services.cluster_contributions(meeting, [posts[0].pk, posts[1].pk], by=facilitator, factor=factor)
    vote_round = add_round(meeting, "Wat weegt het zwaarst?", mode="vote", source_round=round_)
    vote_round.cast_vote(factor, voter=facilitator)
    meeting.summary = "<p>Een goede middag.</p>"
    meeting.save()
    meeting.close()
    services.publish_harvest(meeting, by=facilitator)
    for viewport in ({"width": 1280, "height": 900}, PHONE):
        page = browser.new_context(viewport=viewport, locale="nl-NL").new_page()
        for path in ("/bijeenkomsten/", meeting.get_absolute_url(), "/live/"):
            page.goto(f"{live_server.url}{path}")
            assert_accessible(page, (path, viewport))
            assert fits_the_screen(page), (path, viewport)
        page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
        page.screenshot(path=f"{artifacts_dir}/meeting-harvest-{viewport['width']}.png", full_page=True)
        page.context.close()
