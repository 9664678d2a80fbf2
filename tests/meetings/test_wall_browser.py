"""The live session in Chromium: a projector wall that fits, a phone that never reloads, the end screen."""

import pytest
from django.contrib.auth.models import Group

from cop.roles import FACILITATORS_GROUP
from meetings.models import Round
from tests.axe import run_axe
from tests.conftest import make_factor, make_meeting, make_user
from tests.meetings.conftest import add_round

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
NO_SCROLLBAR = "document.documentElement.scrollHeight <= window.innerHeight"


@pytest.fixture
def live():
    Group.objects.get_or_create(name=FACILITATORS_GROUP)
    meeting = make_meeting(title="Werkzame factoren oogsten in de wijk", days=0)
    meeting.open_live()
    round_ = add_round(
        meeting, "Wat heeft gewerkt in jouw wijk om bewoners echt mee te laten doen?", guests_allowed=True
    )
    return {"meeting": meeting, "round": round_}


def assert_accessible(page, where):
    result = run_axe(page)
    assert result.response["violations"] == [], (where, result.generate_report())


def watch(page):
    """Count the page's own navigations and the console's errors (a CSP refusal is one)."""
    seen = {"navigations": 0, "errors": []}
    page.on(
        "framenavigated",
        lambda frame: frame == page.main_frame and seen.__setitem__("navigations", seen["navigations"] + 1),
    )
    page.on("console", lambda message: message.type == "error" and seen["errors"].append(message.text))
    return seen


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_wall_fits_a_projector_with_30_notes_and_the_newest_in_view(
    browser, live_server, live, artifacts_dir, size
):
    meeting, round_ = live["meeting"], live["round"]
    author = make_user("schrijver@example.org")
    for n in range(30):
        round_.contribute(
            text=f"Bijdrage {n + 1}: een buurtkamer die open is en vaste gezichten in de wijk",
            perspective="gemeente",
            author=author,
        )
    width, height = size
    wall = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL").new_page()
    wall.goto(f"{live_server.url}/live/{meeting.join_code}/muur/")
    wall.wait_for_timeout(300)  # wall.js fits after load
    assert wall.evaluate(NO_SCROLLBAR)
    newest = wall.get_by_text("Bijdrage 30:", exact=False)
    box = newest.bounding_box()
    assert newest.is_visible() and box["y"] + box["height"] <= height
    # The prompt is at most a third of the screen; the live region is not printed over the cards.
    assert wall.locator(".wall-prompt").bounding_box()["height"] <= height / 3
    assert wall.locator("#wall-status").bounding_box()["width"] <= 1
    assert wall.locator("#wall-new-title").bounding_box()["width"] <= 1  # no visible empty heading
    wall.screenshot(path=f"{artifacts_dir}/wall-{width}x{height}.png")
    assert_accessible(wall, f"wall {width}x{height}")


def test_a_long_session_keeps_the_wall_page_small_and_counts_what_it_left_out(
    browser, live_server, live, artifacts_dir
):
    meeting, round_ = live["meeting"], live["round"]
    for n in range(150):
        round_.contribute(text=f"Notitie {n + 1}", perspective="inwoners", guest_key=f"gast-{n}")
    wall = browser.new_context(viewport={"width": 1280, "height": 720}, locale="nl-NL").new_page()
    wall.goto(f"{live_server.url}/live/{meeting.join_code}/muur/")
    wall.wait_for_timeout(300)
    assert wall.locator(".postit").count() == 120  # the server draws the newest 120 (WALL_NOTES)
    for n in range(150, 160):  # ten more arrive while the wall is open
        round_.contribute(text=f"Notitie {n + 1}", perspective="inwoners", guest_key=f"gast-{n}")
    wall.get_by_text("Notitie 160", exact=True).wait_for(timeout=10000)
    wall.wait_for_timeout(300)
    assert wall.locator(".postit").count() == 120  # wall.js lets the oldest go from the page
    assert wall.get_by_text("Notitie 40", exact=True).count() == 0
    assert wall.evaluate(NO_SCROLLBAR)
    shown = wall.locator(".postit:not([hidden])").count()
    more = wall.locator("[data-wall-more]")
    assert more.is_visible()
    assert more.inner_text() == f"{160 - shown} eerdere bijdragen passen niet meer op het scherm."
    wall.screenshot(path=f"{artifacts_dir}/wall-160-notes.png")
    meeting.close()  # the stream ends, and with it the server's thread
    wall.get_by_role("heading", name="Dank je wel!").wait_for(timeout=25000)


def test_a_session_runs_on_wall_and_phone_without_a_reload_and_ends_with_thanks(
    browser, live_server, live, artifacts_dir
):
    meeting, round_ = live["meeting"], live["round"]
    base = f"{live_server.url}/live/{meeting.join_code}"
    wall = browser.new_context(viewport={"width": 1280, "height": 720}, locale="nl-NL").new_page()
    wall.goto(f"{base}/muur/")
    wall_seen = watch(wall)
    phone = browser.new_context(viewport=PHONE, locale="nl-NL", has_touch=True).new_page()
    phone.goto(f"{base}/")
    # The guest form fits the first screen of a small phone.
    join = phone.get_by_role("button", name="Doe mee als gast")
    assert join.bounding_box()["y"] + join.bounding_box()["height"] <= PHONE["height"]
    phone.get_by_label("Vanuit welk perspectief doe je mee?").select_option("inwoners")
    with phone.expect_navigation():
        join.click()
    phone_seen = watch(phone)

    # Posting happens in place; focus goes back to the text field; the wall shows it.
    phone.get_by_label("Jouw bijdrage").fill("Bewoners die zelf de buurtkamer openen")
    phone.get_by_role("button", name="Plaatsen").click()
    phone.locator(".live-posted").get_by_text("Je bijdrage staat op de muur.").wait_for()
    # phone.js moves focus when htmx settles, a moment after the answer is on screen.
    phone.wait_for_function("document.activeElement && document.activeElement.name === 'text'", timeout=5000)
    wall.locator("#wall-new").get_by_text("Bewoners die zelf de buurtkamer openen").wait_for(timeout=15000)

    # Typed text survives a pause and is back when the round resumes.
    phone.get_by_label("Jouw bijdrage").fill("Een vaste wijkagent op de fiets")
    round_.pause()
    phone.locator("[data-draft-copy]").get_by_role("textbox").wait_for(timeout=15000)
    assert phone.locator("[data-draft-copy] textarea").input_value() == "Een vaste wijkagent op de fiets"
    wall.get_by_text("Even pauze").wait_for(timeout=15000)
    assert_accessible(phone, "phone, paused")
    round_.start()
    phone.get_by_label("Jouw bijdrage").wait_for(timeout=15000)
    assert phone.get_by_label("Jouw bijdrage").input_value() == "Een vaste wijkagent op de fiets"
    phone.get_by_role("button", name="Plaatsen").click()
    phone.locator(".my-contribution p").get_by_text("Een vaste wijkagent op de fiets", exact=True).wait_for()

    # A vote: dots in place with focus kept; the wall hides the results until they are revealed.
    factor = make_factor("Vaste gezichten")
    round_.contributions.update(factor=factor)
    meeting.touch()
    vote = Round.objects.create(
        meeting=meeting,
        prompt="Waar zet je je stippen?",
        order=meeting.next_round_order(),
        mode=Round.Mode.VOTE,
        source_round=round_,
        guests_allowed=True,
    )
    meeting.next_round()
    add = phone.get_by_role("button", name="+ stip op Vaste gezichten")
    add.wait_for(timeout=15000)
    add.click()
    phone.locator(".live-posted").get_by_text("Stip gezet op ‘Vaste gezichten’.").wait_for()
    phone.wait_for_function(
        f"['dot-add-{factor.pk}', 'dot-remove-{factor.pk}'].includes(document.activeElement && document.activeElement.id)",
        timeout=5000,
    )
    wall.get_by_text("1 stip gezet").wait_for(timeout=15000)
    assert wall.locator(".wall-vote__bar").count() == 0
    assert_accessible(phone, "phone, vote")
    vote.reveal_results()
    wall.locator(".wall-vote__bar").first.wait_for(timeout=15000)

    # Closing: thanks on the wall and the phone, never "this code does not work".
    meeting.close()
    wall.get_by_role("heading", name="Dank je wel!").wait_for(timeout=25000)
    phone.get_by_role("heading", name="Dank je wel!").wait_for(timeout=25000)
    for page in (wall, phone):
        assert "Deze code werkt niet" not in page.content()
        assert meeting.get_absolute_url() in page.content()
    assert wall.evaluate(NO_SCROLLBAR)
    assert_accessible(wall, "wall, ended")
    assert_accessible(phone, "phone, ended")
    wall.screenshot(path=f"{artifacts_dir}/wall-ended.png")
    phone.screenshot(path=f"{artifacts_dir}/phone-ended.png")
    assert wall_seen["navigations"] == 0 and phone_seen["navigations"] == 0
    assert wall_seen["errors"] == [] and phone_seen["errors"] == []


def test_typed_text_is_shown_to_copy_when_the_round_or_the_meeting_ends(browser, live_server, live, artifacts_dir):
    """Resuming puts the text back in the field (see the session test); an end shows it to copy."""
    meeting, round_ = live["meeting"], live["round"]
    phone = browser.new_context(viewport=PHONE, locale="nl-NL", has_touch=True).new_page()
    phone.goto(f"{live_server.url}/live/{meeting.join_code}/")
    phone.get_by_label("Vanuit welk perspectief doe je mee?").select_option("inwoners")
    with phone.expect_navigation():
        phone.get_by_role("button", name="Doe mee als gast").click()
    seen = watch(phone)

    phone.get_by_label("Jouw bijdrage").fill("Een bankje bij de speeltuin")
    round_.close()
    copy = phone.locator("[data-draft-copy] textarea")
    copy.wait_for(timeout=15000)
    assert copy.input_value() == "Een bankje bij de speeltuin"
    assert copy.get_attribute("readonly") is not None
    phone.screenshot(path=f"{artifacts_dir}/phone-round-closed-draft.png")

    second = add_round(meeting, "Wat kan beter?", guests_allowed=True)
    phone.get_by_label("Jouw bijdrage").wait_for(timeout=15000)
    phone.get_by_label("Jouw bijdrage").fill("Meer licht op het plein")
    meeting.close()
    phone.get_by_role("heading", name="Dank je wel!").wait_for(timeout=25000)
    ended = phone.locator(".end-screen__draft textarea")
    ended.wait_for(timeout=15000)
    # Everything typed and never posted in this meeting, the closed round's text too.
    assert sorted(ended.input_value().split("\n\n")) == ["Een bankje bij de speeltuin", "Meer licht op het plein"]
    assert_accessible(phone, "phone, ended with a draft")
    phone.screenshot(path=f"{artifacts_dir}/phone-ended-draft.png")
    assert second.pk and seen["navigations"] == 0 and seen["errors"] == []


def test_in_a_moderated_round_the_phone_says_the_note_waits_then_that_it_is_on_the_wall(
    browser, live_server, live, artifacts_dir
):
    meeting = live["meeting"]
    live["round"].close()
    moderated = add_round(meeting, "Wat werkt bij jullie?", guests_allowed=True, moderated=True)
    phone = browser.new_context(viewport=PHONE, locale="nl-NL", has_touch=True).new_page()
    phone.goto(f"{live_server.url}/live/{meeting.join_code}/")
    phone.get_by_label("Vanuit welk perspectief doe je mee?").select_option("inwoners")
    with phone.expect_navigation():
        phone.get_by_role("button", name="Doe mee als gast").click()
    seen = watch(phone)
    phone.get_by_label("Jouw bijdrage").fill("Koffie in de buurtkamer")
    phone.get_by_role("button", name="Plaatsen").click()
    phone.locator(".live-posted").get_by_text("wacht op goedkeuring van de begeleider").wait_for(timeout=15000)
    phone.locator(".my-contribution").get_by_text("Wacht op goedkeuring").wait_for(timeout=15000)
    phone.screenshot(path=f"{artifacts_dir}/phone-moderated-waiting.png")
    phone.get_by_label("Jouw bijdrage").fill("Half getypt")
    moderated.contributions.get().approve()
    phone.locator(".my-contribution").get_by_text("Goedgekeurd: staat op de muur.").wait_for(timeout=15000)
    assert phone.get_by_label("Jouw bijdrage").input_value() == "Half getypt"
    assert_accessible(phone, "phone, moderated")
    phone.screenshot(path=f"{artifacts_dir}/phone-moderated-approved.png")
    assert seen["navigations"] == 0 and seen["errors"] == []
