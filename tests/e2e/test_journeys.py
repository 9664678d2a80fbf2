"""The journeys of issue 7 in Chromium against a live server, on a desktop and on a 360×740 phone.

(a) a visitor searches, filters and opens a factor, a case and a harvest;
(b) a newcomer signs up, confirms the e-mail address, tells a case with a photo in the
    rich-text editor and submits it, and a facilitator publishes it;
(c) a facilitator runs a live meeting with two members and a guest on their phones and
    the wall on the projector: contributions, clustering, dot voting, closing, publishing.

Every step says in its assertion message which journey and step failed; when a test fails,
the ``contexts`` fixture saves a screenshot of every open page in ``TEST_ARTIFACTS``.
"""

import io
import re

import pytest
from django.core import mail
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from cases.models import Case, CaseFactor, CaseImage
from cop.models import Theme, User
from meetings.models import Contribution, Meeting, Vote
from tests.conftest import make_case, make_factor, make_meeting, make_user
from tests.e2e.conftest import VIEWPORTS, fits_the_screen, log_in, sign_in, site_header
from tests.e2e.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PRIVATE = [
    "Casus draft",
    "Casus submitted",
    "Casus withdrawn",
    "Casus community",
    "Olga Eigenaar",
    "eigenaar@example.org",
]


def step(journey, viewport, text):
    return f"journey {journey} ({viewport}): {text}"


def assert_nothing_private(page, where):
    text = page.locator("body").inner_text()
    for marker in PRIVATE:
        assert marker not in text, f"{where}: private content {marker!r} on {page.url}"


# --- (a) a visitor ----------------------------------------------------------------------


def test_a_visitor_searches_filters_and_opens_a_factor_a_case_and_a_harvest(contexts, live_server, viewport):
    w = build_world()
    other_theme = Theme.objects.create(name="Wonen")
    case = make_case(
        None,
        title="Kenniskwartier Arnhem",
        summary="Studenten krijgen een leerwerkplek in de wijk en werken samen met bewoners.",
        municipality=w.arnhem,
        published_at=timezone.now(),
    )
    case.themes.add(w.theme)
    CaseFactor.objects.create(case=case, factor=w.factor, explanation="Studenten vroegen bewoners wat er speelt.")
    make_case(None, title="Woningruil in de kern", summary="Over wonen.").themes.add(other_theme)
    s = lambda text: step("a", viewport, text)  # noqa: E731

    page = contexts(viewport=VIEWPORTS[viewport]).new_page()
    page.goto(f"{live_server.url}/")
    assert fits_the_screen(page), s("the home page is wider than the screen")

    # Search from the box in the header.
    page.get_by_role("searchbox", name="Zoeken").fill("studenten")
    with page.expect_navigation():
        page.get_by_role("searchbox", name="Zoeken").press("Enter")
    expect(page.get_by_role("link", name="Kenniskwartier Arnhem"), s("search finds the case")).to_be_visible()
    assert_nothing_private(page, s("search results"))

    # Filter the case library by theme (htmx swaps the results in place; the address can be shared).
    with page.expect_navigation():  # htmx must be listening before the filter changes
        site_header(page).get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Casussen").click()
    expect(page.get_by_role("link", name="Woningruil in de kern"), s("the library lists every case")).to_be_visible()
    summary = page.locator("details.filter-panel:not([open]) > summary")
    if summary.count():  # folded on a phone
        summary.click()
    theme = page.get_by_label("Thema")
    expect(theme.locator("option", has_text="Leefbaarheid"), s("a theme shows its count")).to_have_text(
        re.compile(r"^Leefbaarheid \(\d+\)$")
    )
    theme.select_option(value="leefbaarheid")
    expect(page.get_by_role("link", name="Woningruil in de kern"), s("the theme filter")).to_have_count(0)
    expect(page.get_by_role("link", name="Kenniskwartier Arnhem"), s("the filtered library")).to_be_visible()
    # htmx pushes the address after the swap; expect() waits for it.
    # Only the filters that apply (HX-Push-Url), so the address is a clean link to share.
    expect(page, s("the filter is in the address")).to_have_url(re.compile(r"/casussen/\?thema=leefbaarheid$"))
    assert_nothing_private(page, s("library"))
    assert fits_the_screen(page), s("the library is wider than the screen")

    # The case, and from there the factor it names.
    page.get_by_role("link", name="Kenniskwartier Arnhem").click()
    expect(page.get_by_role("heading", level=1), s("the case page")).to_have_text("Kenniskwartier Arnhem")
    expect(page.locator("main"), s("the case's explanation")).to_contain_text("Studenten vroegen bewoners")
    page.locator("main").get_by_role("link", name="Aansluiten bij wat leeft").first.click()
    expect(page.get_by_role("heading", level=1), s("the factor page")).to_contain_text("Aansluiten bij wat leeft")
    expect(page.locator("main"), s("the factor lists the case")).to_contain_text("Kenniskwartier Arnhem")
    assert_nothing_private(page, s("factor page"))
    assert fits_the_screen(page), s("the factor page is wider than the screen")

    # A published harvest.
    site_header(page).get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Bijeenkomsten").click()
    page.get_by_role("link", name="Bijeenkomst gepubliceerd").first.click()
    main = page.locator("main")
    expect(main, s("the harvest's summary")).to_contain_text("Een goede middag.")
    expect(main, s("the harvest's clustered contribution")).to_contain_text("Een vaste wijkagent")
    expect(main, s("the harvest's cluster")).to_contain_text("Aansluiten bij wat leeft")
    assert_nothing_private(page, s("harvest"))
    assert fits_the_screen(page), s("the harvest is wider than the screen")


# --- (b) a newcomer ------------------------------------------------------------------------


def jpeg_with_location():
    """A phone photo: a JPEG whose EXIF data says where it was taken."""
    exif = Image.Exif()
    exif[0x010F] = "Telefoon van Nina"
    exif.get_ifd(0x8825).update({1: "N", 2: (51.0, 58.0, 49.0), 3: "E", 4: (5.0, 54.0, 40.0)})
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), "teal").save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def confirmation_link(email):
    messages = [m for m in mail.outbox if email in m.to]
    assert messages, f"no e-mail to {email}: {[m.to for m in mail.outbox]}"
    return re.search(r"https?://\S+/accounts/confirm-email/\S+/", messages[-1].body).group(0)


def test_a_newcomer_signs_up_tells_a_case_with_a_photo_and_a_facilitator_publishes_it(contexts, live_server, viewport):
    make_factor("Aansluiten bij wat leeft")
    facilitator = make_user("begeleider@example.org", name="Femke Begeleider", facilitator=True)
    s = lambda text: step("b", viewport, text)  # noqa: E731
    page = contexts(viewport=VIEWPORTS[viewport]).new_page()

    # Sign up.
    page.goto(f"{live_server.url}/")
    site_header(page).get_by_role("link", name="Account maken").click()
    page.get_by_label("E-mailadres").fill("nina@example.org")
    page.get_by_label("Naam", exact=True).fill("Nina Nieuw")
    page.locator("#id_password1").fill("Een-lang-wachtwoord-2026")
    page.locator("#id_password2").fill("Een-lang-wachtwoord-2026")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    expect(page.locator("main"), s("after signing up we ask to confirm the address")).to_contain_text(
        "nina@example.org"
    )
    assert not User.objects.get(email="nina@example.org").emailaddress_set.get().verified, s("not verified yet")

    # Confirm the address with the link from the e-mail; that also logs in.
    page.goto(confirmation_link("nina@example.org").replace("http://testserver", live_server.url))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    assert User.objects.get(email="nina@example.org").emailaddress_set.get().verified, s("the address is verified")
    expect(site_header(page).get_by_role("button", name="Uitloggen"), s("confirming logs in")).to_be_visible()

    # Tell a case: the rich-text editor, a photo with its description, submit.
    page.goto(f"{live_server.url}/casussen/")
    page.locator("main").get_by_role("link", name=re.compile("casus", re.I)).filter(
        has_text=re.compile("Vertel|Nieuwe|toevoegen", re.I)
    ).first.click()
    expect(page.get_by_role("heading", level=1), s("the case form")).to_have_text("Vertel je casus")
    page.get_by_label("Titel", exact=True).fill("Buurtkamer De Linde")
    page.get_by_label("Korte samenvatting").fill("Bewoners runnen zelf een buurtkamer.")
    # The editor's own text box (not the plain field it replaces once its script has run).
    story = page.locator(".prose-editor").get_by_role("textbox", name="Het verhaal")
    story.click()
    page.keyboard.type("Het begon met koffie. ")
    page.keyboard.press("Control+b")
    page.keyboard.type("Nu komt de hele straat.")
    page.keyboard.press("Control+b")
    page.locator("#id_images-0-image").set_input_files(
        files=[{"name": "buurtkamer.jpg", "mimeType": "image/jpeg", "buffer": jpeg_with_location()}]
    )
    page.locator("#id_images-0-alt_text").fill("Bewoners drinken koffie in de buurtkamer")
    assert fits_the_screen(page), s("the case form is wider than the screen")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan en indienen").click()
    expect(page.locator(".messages"), s("the case is submitted")).to_contain_text("ingediend")

    case = Case.objects.get(title="Buurtkamer De Linde")
    assert case.status == Case.Status.SUBMITTED, s(f"case status is {case.status}")
    assert re.search(r"<strong>\s*Nu komt de hele straat\.</strong>", case.story), s(f"bold text kept: {case.story!r}")
    photo = CaseImage.objects.get(case=case)
    stored = Image.open(photo.image.path)
    assert not stored.getexif(), s("the photo lost its EXIF data (location)")
    assert "buurtkamer" not in photo.image.name, s(f"the server made the file name: {photo.image.name}")

    # A facilitator publishes it from the review queue.
    review = sign_in(contexts(viewport=VIEWPORTS[viewport]), live_server, facilitator).new_page()
    review.goto(f"{live_server.url}/casussen/redactie/")
    with review.expect_navigation():
        review.get_by_role("button", name=re.compile("^Publiceren")).first.click()
    expect(review.locator(".messages"), s("published by the facilitator")).to_contain_text("De casus is gepubliceerd.")

    # A visitor reads it, with the photo and its description.
    visitor = contexts(viewport=VIEWPORTS[viewport]).new_page()
    visitor.goto(f"{live_server.url}/casussen/")
    visitor.get_by_role("link", name="Buurtkamer De Linde").click()
    expect(visitor.locator("main"), s("the visitor reads the story")).to_contain_text("Nu komt de hele straat.")
    expect(visitor.get_by_role("img", name="Bewoners drinken koffie in de buurtkamer"), s("the photo")).to_have_count(1)
    assert "Nina Nieuw" not in visitor.locator("main").inner_text(), s("no name without consent")
    assert fits_the_screen(visitor), s("the case page is wider than the screen")


# --- (c) a live meeting ----------------------------------------------------------------------


def post_on_phone(phone, text, journey_step):
    phone.get_by_label("Jouw bijdrage").fill(text)
    phone.get_by_role("button", name="Plaatsen").click()  # in place, no reload (issue 15)
    expect(phone.locator(".live-posted"), journey_step).to_contain_text("Je bijdrage staat op de muur.")
    expect(phone.locator(".my-contribution p").get_by_text(text, exact=True), journey_step).to_be_visible()


def join_with_code(phone, live_server, code):
    phone.goto(f"{live_server.url}/live/")
    phone.get_by_label("Code van de bijeenkomst").fill(code.lower())
    with phone.expect_navigation():
        phone.get_by_role("button", name="Meedoen").click()


def test_a_facilitator_runs_a_live_meeting_with_two_members_a_guest_and_the_wall(contexts, live_server, viewport):
    facilitator = make_user("begeleider@example.org", name="Femke Begeleider", facilitator=True)
    members = [
        make_user("ahmed@example.org", name="Ahmed", perspective="gemeente"),
        make_user("bea@example.org", name="Bea", perspective="welzijn"),
    ]
    make_factor("Vaste gezichten in de wijk")
    meeting = make_meeting(title="Werkzame factoren oogsten", days=0)
    size = VIEWPORTS[viewport]
    s = lambda text: step("c", viewport, text)  # noqa: E731

    # The facilitator opens the live mode and adds a round that guests may join.
    console = contexts(viewport=size).new_page()
    log_in(console, live_server, facilitator.email)
    console.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    console.get_by_role("link", name="Regie en live-modus").click()
    with console.expect_navigation():
        console.get_by_role("button", name="Live-modus openen").click()
    code = console.locator(".join-code__code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{6}", code), s(f"a join code is shown: {code!r}")
    console.get_by_text("Zelf een ronde toevoegen").click()
    round_form = console.locator("form[action$='/regie/rondes/nieuw/']")
    round_form.get_by_label("Vraag", exact=True).fill("Wat heeft gewerkt in jouw wijk?")
    round_form.get_by_label("Soort bijdrage").select_option(label="werkzame factor")
    round_form.get_by_label("Gasten mogen meedoen").check()
    with console.expect_navigation():
        round_form.get_by_role("button", name="Ronde toevoegen").click()
    # Starting a round changes the console in place.
    console.get_by_role("button", name=re.compile(r"^Starten")).click()
    expect(console.locator("#rondes"), s("the round runs")).to_contain_text("actief")

    # The wall on the projector.
    wall = contexts(viewport=size).new_page()
    wall.goto(f"{live_server.url}/live/{code}/muur/")
    expect(wall.get_by_role("heading", level=1), s("the wall shows the question")).to_have_text(
        "Wat heeft gewerkt in jouw wijk?"
    )

    # Two members and a guest contribute from their phones; the wall shows each within 3 seconds
    # (issue 7: it polls every 2 s; the p95 under load is measured by `make bench`).
    phones = []
    for member in members:
        phone = sign_in(contexts(viewport=size, has_touch=True), live_server, member).new_page()
        join_with_code(phone, live_server, code)
        phones.append(phone)
    guest = contexts(viewport=size, has_touch=True).new_page()
    join_with_code(guest, live_server, code)
    guest.get_by_label("Vanuit welk perspectief doe je mee?").select_option("inwoners")
    with guest.expect_navigation():
        guest.get_by_role("button", name="Doe mee als gast").click()
    for phone, text in [
        (phones[0], "Een vaste wijkagent die iedereen kent"),
        (phones[1], "De buurtkamer is elke dag open"),
        (guest, "Korte lijnen met de gemeente"),
    ]:
        post_on_phone(phone, text, s(f"posting {text!r}"))
        expect(wall.locator("main"), s(f"the wall shows {text!r} within 3 s")).to_contain_text(text, timeout=3000)
        assert fits_the_screen(phone), s("the phone page is wider than the screen")
    assert Contribution.objects.filter(author__isnull=True).count() == 1, s("the guest's contribution is anonymous")

    # The facilitator clusters: two onto an existing factor, one onto a new one.
    console.reload()
    console.get_by_label("Een vaste wijkagent die iedereen kent").check()
    console.get_by_label("De buurtkamer is elke dag open").check()
    console.get_by_label("Op bestaande factor of belemmering").select_option(
        label="Vaste gezichten in de wijk (werkzame factor)"
    )
    console.get_by_role("button", name="Aangevinkte bijdragen clusteren").click()
    expect(console.locator(".messages"), s("clustered onto a factor")).to_contain_text("2 bijdragen geclusterd")
    console.get_by_label("Korte lijnen met de gemeente").check()
    console.get_by_label("Naam", exact=True).fill("Korte lijnen")
    console.get_by_role("button", name="Aangevinkte bijdragen clusteren").click()
    expect(console.locator(".messages"), s("clustered onto a new factor")).to_contain_text("1 bijdrage geclusterd")
    expect(wall.locator("main"), s("the wall groups by cluster")).to_contain_text("Vaste gezichten in de wijk")

    # A dot-voting round on those clusters.
    console.get_by_text("Zelf een ronde toevoegen").click()
    round_form.get_by_label("Vraag", exact=True).fill("Wat weegt het zwaarst?")
    round_form.get_by_label("Vorm", exact=True).select_option(label="stippen")
    round_form.get_by_label("Gasten mogen meedoen").check()
    with console.expect_navigation():
        round_form.get_by_role("button", name="Ronde toevoegen").click()
    console.get_by_role("button", name="Volgende ronde").click()
    expect(wall.get_by_role("heading", level=1), s("the wall shows the vote")).to_have_text("Wat weegt het zwaarst?")
    for phone in [*phones, guest]:
        phone.reload()
        phone.get_by_role("button", name="+ stip op Vaste gezichten in de wijk").click()  # in place
        expect(phone.locator(".live-posted"), s("a dot is cast")).to_contain_text("Stip gezet")
    # No leaderboard while people vote: the wall counts the dots and shows them when revealed.
    expect(wall.locator("main"), s("the wall counts the dots")).to_contain_text("3 stippen gezet")
    console.reload()
    console.get_by_role("button", name="Uitslag op de muur laten zien").click()
    expect(console.locator("#wall-controls"), s("the results are revealed")).to_contain_text("Uitslag weer verbergen")
    expect(wall.locator("main"), s("the wall shows the results")).to_contain_text("3 stippen", timeout=5000)
    assert Vote.objects.count() == 3, s("three dots stored")

    # Close and publish; the harvest is public.
    console.reload()
    # Both ask first, in place.
    console.get_by_text("Bijeenkomst afsluiten", exact=True).click()
    with console.expect_navigation():
        console.get_by_role("button", name="Ja, afsluiten").click()
    for page in (wall, guest):
        expect(page.get_by_role("heading", name="Dank je wel!"), s("the room is thanked")).to_be_visible(timeout=25000)
    console.get_by_text("Oogst publiceren", exact=True).click()
    with console.expect_navigation():
        console.get_by_role("button", name="Ja, publiceren").click()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PUBLISHED, s(f"meeting status is {meeting.status}")
    visitor = contexts(viewport=size).new_page()
    visitor.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    harvest = visitor.locator("main")
    for text in ["Vaste gezichten in de wijk", "Korte lijnen", "Een vaste wijkagent die iedereen kent"]:
        expect(harvest, s(f"the public harvest shows {text!r}")).to_contain_text(text)
    for name in ("Ahmed", "Bea", "ahmed@example.org"):
        assert name not in harvest.inner_text(), s(f"{name} shown without consent")
    assert fits_the_screen(visitor), s("the harvest is wider than the screen")
