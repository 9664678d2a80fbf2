"""Every page type in Chromium against axe-core's WCAG 2.1 A and AA rules: zero violations.

One test per role (visitor, member, facilitator) walks every kind of page that role
sees in one browser context, on a desktop and (visitors, members) on a 360×740 phone, and reports every
page with its violations (rule, impact, the offending elements) at once. Pages with
a form are also checked with the errors showing. Keyboard-only journeys are in
``test_keyboard.py``.
"""

import pytest

from cop.models import Perspective
from meetings.models import Round
from tests.conftest import make_meeting
from tests.e2e.conftest import VIEWPORTS, axe_violations, sign_in
from tests.e2e.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submit_empty(page):
    """Send the page's main form as it is, to check the page that shows the errors."""
    with page.expect_navigation():
        page.locator("main form:not([role=search]) [type=submit]").first.click()


def world_for_pages():
    w = build_world()
    facilitator = w.users["facilitator"]
    # A second accepted wording, so that the comparison has two versions for everyone.
    w.term.propose_version("<p>Samen werken aan een wijk of dorp met inwoners.</p>", by=facilitator).accept(
        by=facilitator
    )
    # A live meeting in a dot-voting round, for the phone and the wall while voting.
    w.voting = make_meeting(title="Stemmen over factoren", days=0)
    w.voting.open_live()
    source = Round.objects.create(meeting=w.voting, prompt="Wat werkte?", order=1, guests_allowed=True)
    source.start()
    post = source.contribute(text="Korte lijnen", perspective=Perspective.MUNICIPALITY, author=w.users["owner"])
    post.factor = w.factor
    post.save(update_fields=["factor"])
    Round.objects.create(
        meeting=w.voting, prompt="Wat weegt zwaar?", order=2, mode=Round.Mode.VOTE, guests_allowed=True
    ).start()
    return w


def visitor_pages(w):
    live, voting = w.meetings["live"].join_code, w.voting.join_code
    return [
        ("home", "/"),
        ("board", "/wat-werkt/"),
        ("board, filtered", "/wat-werkt/?perspectief=welzijn"),
        ("factor", w.factor.get_absolute_url()),
        ("obstacle", w.obstacle.get_absolute_url()),
        ("factor map", "/wat-werkt/kaart/"),
        ("perspective matrix", "/wat-werkt/perspectieven/"),
        ("case library", "/casussen/"),
        ("case library, filtered", f"/casussen/?thema={w.theme.slug}&gemeente={w.arnhem.slug}&fase=running"),
        ("case library, nothing found", "/casussen/?q=onvindbaarwoord"),
        ("case", w.cases["public"].get_absolute_url()),
        ("meetings", "/bijeenkomsten/"),
        ("meeting before", w.meetings["planned"].get_absolute_url()),
        ("meeting while live", w.meetings["live"].get_absolute_url()),
        ("meeting with its harvest", w.meetings["published"].get_absolute_url()),
        ("harvest digest", f"{w.meetings['published'].get_absolute_url()}opgehaald/"),
        ("series", w.series.get_absolute_url()),
        ("glossary", "/begrippen/"),
        ("term", w.term.get_absolute_url()),
        ("term comparison", f"{w.term.get_absolute_url()}vergelijken/"),
        ("search results", "/zoeken/?q=casus"),
        ("search, nothing found", "/zoeken/?q=onvindbaarwoord"),
        ("search, no question", "/zoeken/"),
        ("about", "/over/"),
        ("privacy", "/privacy/"),
        ("accessibility statement", "/toegankelijkheid/"),
        ("API", "/api/"),
        ("open data", "/open-data/"),
        ("embedded board", "/embed/wat-werkt/"),
        ("embedded factor", f"/embed/wat-werkt/{w.factor.slug}/"),
        ("404", "/bestaat-niet/"),
        ("login", "/accounts/login/"),
        ("login with errors", "/accounts/login/", submit_empty),
        ("sign-up", "/accounts/signup/"),
        ("sign-up with errors", "/accounts/signup/", submit_empty),
        ("password reset", "/accounts/password/reset/"),
        ("password reset with errors", "/accounts/password/reset/", submit_empty),
        ("wrong confirmation link", "/accounts/confirm-email/geraden/"),
        ("unsubscribe, wrong link", "/profiel/meldingen/afmelden/geraden/"),
        ("join a live meeting", "/live/"),
        ("unknown join code", "/live/QQQQQQ/"),
        ("phone, guest chooses a perspective", f"/live/{live}/"),
        ("wall", f"/live/{live}/muur/"),
        ("wall while voting", f"/live/{voting}/muur/"),
    ]


def member_pages(w):
    draft, public = w.cases["draft"], w.cases["public"]
    return [
        ("profile", "/profiel/"),
        ("notifications", "/profiel/meldingen/"),
        ("follows and mail preferences", "/profiel/meldingen/voorkeuren/"),
        ("export and deletion", "/profiel/verwijderen/"),
        ("new case", "/casussen/nieuw/"),
        ("new case with errors", "/casussen/nieuw/", submit_empty),
        ("edit a case", f"{draft.get_absolute_url()}bewerken/"),
        ("case in draft", draft.get_absolute_url()),
        ("co-editors", f"{draft.get_absolute_url()}mede-auteurs/"),
        ("revisions", f"{draft.get_absolute_url()}versies/"),
        ("reflection", f"{public.get_absolute_url()}reflecties/nieuw/"),
        ("reflection with errors", f"{public.get_absolute_url()}reflecties/nieuw/", submit_empty),
        ("propose a factor", "/wat-werkt/voorstellen/"),
        ("own proposal", w.proposed_factor.get_absolute_url()),
        ("my registration", f"{w.meetings['planned'].get_absolute_url()}aanmelding/"),
        ("phone, member", f"/live/{w.meetings['live'].join_code}/"),
        (
            "phone, edit a contribution",
            f"/live/{w.meetings['live'].join_code}/bijdragen/{w.contributions['live']['member'].pk}/bewerken/",
        ),
        ("phone, voting", f"/live/{w.voting.join_code}/"),
        ("e-mail addresses", "/accounts/email/"),
        ("change password", "/accounts/password/change/"),
        ("two-factor", "/accounts/2fa/"),
        ("password again", "/accounts/reauthenticate/"),
        ("log out", "/accounts/logout/"),
    ]


def facilitator_pages(w):
    live, published, planned = w.meetings["live"], w.meetings["published"], w.meetings["planned"]
    return [
        ("my meetings", "/bijeenkomsten/mijn/"),
        ("review queue", "/casussen/redactie/"),
        ("submitted case", w.cases["submitted"].get_absolute_url()),
        ("review a change", f"{w.cases['community'].get_absolute_url()}wijziging/"),
        ("console, live", f"{live.get_absolute_url()}regie/"),
        ("console, voting", f"{w.voting.get_absolute_url()}regie/"),
        ("console, planned", f"{planned.get_absolute_url()}regie/"),
        ("console, published", f"{published.get_absolute_url()}regie/"),
        ("edit a round", f"{live.get_absolute_url()}regie/rondes/{w.rounds['live']['pending'].pk}/bewerken/"),
        ("registrations", f"{planned.get_absolute_url()}aanmeldingen/"),
        ("check-in", f"{planned.get_absolute_url()}inchecken/{w.registration.checkin_token}/"),
        ("new meeting", "/bijeenkomsten/nieuw/"),
        ("new meeting with errors", "/bijeenkomsten/nieuw/", submit_empty),
        ("edit a meeting", f"{planned.get_absolute_url()}bewerken/"),
        ("new series", "/bijeenkomsten/reeksen/nieuw/"),
        ("edit the harvest", f"{published.get_absolute_url()}oogst/"),
        ("meeting closed, harvest preview", w.meetings["closed"].get_absolute_url()),
        ("curation", "/wat-werkt/beheer/"),
        ("curation log", "/wat-werkt/beheer/logboek/"),
        ("factor for a facilitator", w.factor.get_absolute_url()),
        ("proposed factor", w.proposed_factor.get_absolute_url()),
        ("edit a factor", f"{w.factor.get_absolute_url()}bewerken/"),
        ("rename a factor", f"{w.factor.get_absolute_url()}hernoemen/"),
        ("merge factors", f"{w.factor.get_absolute_url()}samenvoegen/"),
        ("split a factor", f"{w.factor.get_absolute_url()}afsplitsen/"),
        ("glossary for a facilitator", "/begrippen/"),
        ("term with a proposal", w.term.get_absolute_url()),
        ("new term", "/begrippen/nieuw/"),
        ("propose a wording", f"{w.term.get_absolute_url()}voorstellen/"),
        ("propose a wording with errors", f"{w.term.get_absolute_url()}voorstellen/", submit_empty),
    ]


ROLES = {
    "visitor": (None, visitor_pages),
    "member": ("owner", member_pages),
    "facilitator": ("facilitator", facilitator_pages),
}


# Visitors and members on a desktop and a phone; facilitators work at a desktop (the console's
# phone layout is checked in tests/meetings/test_browser.py).
RUNS = [
    ("visitor", "desktop"),
    ("visitor", "phone"),
    ("member", "desktop"),
    ("member", "phone"),
    ("facilitator", "desktop"),
]


@pytest.mark.parametrize(("role", "viewport"), RUNS)
def test_every_page_type_has_no_wcag_21_aa_violations(contexts, live_server, role, viewport):
    w = world_for_pages()
    persona, pages = ROLES[role]
    context = contexts(viewport=VIEWPORTS[viewport])
    if persona:
        sign_in(context, live_server, w.users[persona])
    page = context.new_page()
    failures = []
    for label, path, *action in pages(w):
        response = page.goto(f"{live_server.url}{path}")
        expected = (
            404 if label in ("404", "unknown join code") else 400 if label.startswith("unsubscribe, wrong") else 200
        )
        if response.status != expected:
            failures.append(f"{label} ({path}): status {response.status}, expected {expected}")
            continue
        if action:
            action[0](page)
        violations = axe_violations(page)
        if violations:
            failures.append(f"{label} ({path}):\n    " + "\n    ".join(violations))
    assert not failures, f"{role} on a {viewport}: {len(failures)} page(s) fail WCAG 2.1 AA:\n" + "\n".join(failures)
