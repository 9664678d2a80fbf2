"""The facilitator clusters a round in the console without a reload: by keyboard, by dragging, approving notes.

Chromium at 1280×720 (a laptop on a projector table). The key presses are counted as the
facilitator would make them: each ``press`` is one, each typed character one.
"""

import contextlib

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from factors.models import Factor
from meetings.models import Contribution, Round
from tests.axe import run_axe
from tests.conftest import make_factor, make_meeting, make_user
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1280, "height": 720}

FACTORS = {
    "A": ("Vaste contactpersoon in de wijk", "Een vast gezicht van gemeente of corporatie dat bewoners kennen."),
    "B": ("Eigenaarschap bij bewoners", "Bewoners nemen zelf het initiatief en houden het vol."),
    "C": ("Vertrouwen tussen partners", "Partners kennen elkaar en durven op elkaar te bouwen."),
}
# Ten notes in the order they were posted, and the factor each belongs to ("D" is new: "Budget").
NOTES = [
    ("Een vaste contactpersoon bij de gemeente", "A"),
    ("Bewoners nemen zelf het initiatief", "B"),
    ("Partners vertrouwen elkaar", "C"),
    ("Geld dat snel beschikbaar is", "D"),
    ("Een vast gezicht in de wijk", "A"),
    ("Bewoners houden het zelf vol", "B"),
    ("Geld snel beschikbaar voor de buurt", "D"),
    ("Partners durven op elkaar te bouwen", "C"),
    ("De wijkagent is een vast gezicht", "A"),
    ("Initiatief van bewoners zelf", "B"),
]


@pytest.fixture
def session():
    facilitator = make_user("begeleider@example.org", name="Femke Begeleider", facilitator=True)
    meeting = make_meeting(title="Werkzame factoren oogsten", days=0)
    meeting.open_live()
    round_ = Round.objects.create(
        meeting=meeting, prompt="Wat heeft gewerkt?", kind=Round.Kind.WORKING, order=1, guests_allowed=True
    )
    round_.start()
    factors = {key: make_factor(name, statement=statement) for key, (name, statement) in FACTORS.items()}
    for i, (text, _key) in enumerate(NOTES):
        round_.contribute(text=text, perspective="inwoners", guest_key=f"guest-{i}")
    return {"facilitator": facilitator, "meeting": meeting, "round": round_, "factors": factors}


class Keyboard:
    """The page's keyboard, counting what the facilitator presses."""

    def __init__(self, page):
        self.page, self.presses = page, 0

    def press(self, key):
        self.page.keyboard.press(key)
        self.presses += 1

    def type(self, text):
        self.page.keyboard.type(text)
        self.presses += len(text)


def open_console(contexts, live_server, session):
    page = sign_in(contexts(viewport=LAPTOP), live_server, session["facilitator"]).new_page()
    loads = []
    page.on("load", lambda: loads.append(page.url))
    page.goto(f"{live_server.url}/bijeenkomsten/{session['meeting'].slug}/regie/")
    # A mark in the page's memory: a reload would lose it.
    page.evaluate("window.sameDocument = true")
    return page, loads


FOCUSED_NOTE = "document.activeElement.closest('[data-note]')?.querySelector('label')?.textContent || ''"


def focused_note(page):
    return page.evaluate(FOCUSED_NOTE)


def wait_for_focus_on(page, text):
    """The facilitator looks where focus went before the next key (the swap takes a moment)."""
    with contextlib.suppress(PlaywrightTimeout):  # the assertion below says where focus is instead
        page.wait_for_function(f"(wanted) => ({FOCUSED_NOTE}).includes(wanted)", arg=text, timeout=5000)
    assert text in focused_note(page), f"focus is on {focused_note(page)!r}, not on the next note {text!r}"


def test_ten_notes_go_into_four_factors_one_new_in_at_most_40_key_presses_without_a_reload(
    contexts, live_server, session
):
    page, loads = open_console(contexts, live_server, session)
    keys = Keyboard(page)
    keys.press("j")  # to the first note
    for text, key in NOTES:
        wait_for_focus_on(page, text)
        if Factor.objects.filter(name="Budget").exists() or key != "D":
            keys.press("1")  # the first suggestion
        else:
            keys.press("n")
            keys.type("Budget")
            keys.press("Enter")
        expect(page.locator("#unclustered-title + [data-notes], #all-clustered").first).not_to_contain_text(text)
    expect(page.locator("#all-clustered")).to_be_visible()

    by_factor = {c.text: c.factor.name if c.factor else None for c in Contribution.objects.select_related("factor")}
    names = {key: name for key, (name, _s) in FACTORS.items()} | {"D": "Budget"}
    assert by_factor == {text: names[key] for text, key in NOTES}
    print(f"\nkey presses for 10 notes into 4 factors (one new): {keys.presses}")
    assert keys.presses <= 40
    assert len(loads) == 1 and page.evaluate("window.sameDocument === true"), "the console reloaded"

    # Undo by key: the last note goes back, and focus lands on it.
    keys.press("u")
    expect(page.locator("#unclustered-title + [data-notes]")).to_contain_text(NOTES[-1][0])
    expect(page.locator("#console-announcer")).to_contain_text("teruggedraaid")
    wait_for_focus_on(page, NOTES[-1][0])
    assert page.evaluate("window.sameDocument === true")
    assert run_axe(page).response["violations"] == []


def test_shortcuts_do_not_fire_while_typing_in_a_field(contexts, live_server, session):
    page, _loads = open_console(contexts, live_server, session)
    page.get_by_label("Naam").click()
    page.keyboard.type("ju1")
    assert page.get_by_label("Naam").input_value() == "ju1"
    assert not Contribution.objects.filter(factor__isnull=False).exists()
    # Beside a long list the tools stay in view, without a scroll of their own.
    page.mouse.wheel(0, 900)
    for name in ["Aangevinkte losmaken", "Laatste clusterstap ongedaan maken"]:
        expect(page.get_by_role("button", name=name)).to_be_in_viewport()
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.console-clustering__tools')).overflowY") == "visible"
    )


def test_the_factor_typed_in_the_filter_box_takes_the_ticked_notes(contexts, live_server, session):
    page, _loads = open_console(contexts, live_server, session)
    keys = Keyboard(page)
    keys.press("j")
    keys.press("x")  # tick the first note
    keys.press("j")
    keys.press("j")
    keys.press("j")
    keys.press("j")
    keys.press("x")  # and the fifth
    keys.press("f")
    keys.type("vaste con")
    keys.press("Enter")
    expect(page.locator("#console-announcer")).to_contain_text("2 bijdragen geclusterd bij ‘Vaste contactpersoon")
    assert set(Contribution.objects.filter(factor=session["factors"]["A"]).values_list("text", flat=True)) == {
        NOTES[0][0],
        NOTES[4][0],
    }
    assert page.evaluate("window.sameDocument === true")


def test_a_note_dragged_onto_a_factor_is_clustered_in_place(contexts, live_server, session):
    page, loads = open_console(contexts, live_server, session)
    first, second = NOTES[0][0], NOTES[1][0]
    # First by the suggestion button (a pointer, no drag), so that a cluster heading exists.
    page.locator("[data-note]", has_text=first).locator("[data-suggestion='1']").click()
    heading = page.locator("h4.console-cluster", has_text=FACTORS["A"][0])
    expect(heading).to_be_visible()
    # Onto the factor in the tools beside the list, which stay in view.
    chip = page.locator(f".factor-shelf [data-drop-factor='{session['factors']['A'].pk}']")
    handle = page.locator("[data-note]", has_text=second).locator("[data-drag-handle]")
    box, target = handle.bounding_box(), chip.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(
            box["x"] + (target["x"] + 20 - box["x"]) * step / 10, box["y"] + (target["y"] + 10 - box["y"]) * step / 10
        )
    page.mouse.up()
    expect(page.locator(f"#cluster-{session['factors']['A'].pk} + [data-notes]")).to_contain_text(second)
    assert Contribution.objects.get(text=second).factor == session["factors"]["A"]
    # And back onto "Nog niet geclusterd".
    handle = page.locator("[data-note]", has_text=second).locator("[data-drag-handle]")
    handle.scroll_into_view_if_needed()
    box = handle.bounding_box()
    target = page.locator(".factor-shelf [data-drop-factor='']").bounding_box()
    page.mouse.move(box["x"] + 5, box["y"] + 5)
    page.mouse.down()
    page.mouse.move(target["x"] + 30, target["y"] + 10, steps=8)
    page.mouse.up()
    expect(page.locator("#unclustered-title + [data-notes]")).to_contain_text(second)
    expect(page.locator("#console-announcer")).to_contain_text("losgemaakt")
    assert Contribution.objects.get(text=second).factor is None
    assert len(loads) == 1 and page.evaluate("window.sameDocument === true")


def test_a_waiting_note_is_approved_in_place_and_only_then_reaches_the_wall(contexts, live_server, session):
    round_ = session["round"]
    round_.moderated = True
    round_.save(update_fields=["moderated"])
    waiting = round_.contribute(text="Een buurtfeest met iedereen", perspective="inwoners", guest_key="guest-x")
    wall = contexts(viewport=LAPTOP).new_page()
    wall.goto(f"{live_server.url}/live/{session['meeting'].join_code}/muur/")
    expect(wall.locator("main")).to_contain_text(NOTES[0][0])
    assert "Een buurtfeest met iedereen" not in wall.locator("main").inner_text()

    page, loads = open_console(contexts, live_server, session)
    queue = page.locator(".console-queue")
    expect(queue).to_contain_text("Een buurtfeest met iedereen")
    assert run_axe(page).response["violations"] == []
    queue.get_by_role("button", name="Goedkeuren").click()
    expect(page.locator("#console-announcer")).to_contain_text("goedgekeurd")
    expect(page.locator("#unclustered-title + [data-notes]")).to_contain_text("Een buurtfeest met iedereen")
    expect(page.locator(".console-queue")).not_to_contain_text("Een buurtfeest met iedereen")
    waiting.refresh_from_db()
    assert not waiting.awaiting_approval and not waiting.hidden
    expect(wall.locator("main")).to_contain_text("Een buurtfeest met iedereen", timeout=6000)
    assert len(loads) == 1 and page.evaluate("window.sameDocument === true")


def test_a_scribe_is_marked_in_place(contexts, live_server, session, artifacts_dir):
    page, loads = open_console(contexts, live_server, session)
    note = page.locator(".console-contribution").filter(has_text=NOTES[1][0])
    note.get_by_role("button", name="Schrijver voor de groep").click()
    marked = page.locator(".console-contribution").filter(has_text=NOTES[1][0])
    expect(marked.locator(".tag")).to_have_text("schrijver")
    expect(marked.get_by_role("button", name="Schrijver voor de groep")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#console-board .message--success")).to_contain_text("mag nu 60 keer per minuut")
    page.screenshot(path=f"{artifacts_dir}/console-scribe.png")
    assert len(loads) == 1 and page.evaluate("window.sameDocument === true")
    assert run_axe(page).response["violations"] == []
