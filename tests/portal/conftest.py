"""A small world of public and private content for the portal's tests.

Everything that must never reach a public channel carries the word ``GEHEIM``
(or is a name or address of someone who did not consent), so that one helper,
``assert_no_leaks``, can check any page, feed, API answer or export.
"""

from types import SimpleNamespace

import pytest
from django.utils import timezone

from cop.models import Municipality, Perspective, Term, TermVersion, Theme
from tests.conftest import make_case, make_factor, make_meeting, make_user

PRIVATE_MARKERS = [
    "geheim",  # every private text below
    "Olga Eigenaar",  # the owner of the public case, no consent
    "eigenaar@example.org",
    "Pim Deelnemer",  # a reflection author, no consent
    "deelnemer@example.org",
    "contact@example.org",  # a case's contact address
    "Carla Contact",  # a contact person without consent
    "https://zoom.example.org/geheim",  # an online meeting link
]


def assert_no_leaks(text):
    lowered = text.lower()
    for marker in PRIVATE_MARKERS:
        assert marker.lower() not in lowered, f"private content leaked: {marker!r}"


def _round(meeting, **kwargs):
    from meetings.models import Round

    return Round.objects.create(meeting=meeting, prompt=kwargs.pop("prompt", "Wat heeft gewerkt?"), **kwargs)


def contribute(round_, text, *, factor=None, perspective=Perspective.MUNICIPALITY, hidden=False, author=None):
    from meetings.models import Contribution

    return Contribution.objects.create(
        round=round_,
        meeting=round_.meeting,
        text=text,
        perspective=perspective,
        factor=factor,
        hidden=hidden,
        author=author,
        guest_key="" if author else "gast-1",
    )


def vote(round_, factor, n=1):
    from meetings.models import Vote

    for i in range(n):
        Vote.objects.create(round=round_, factor=factor, guest_key=f"gast-{i}")


@pytest.fixture
def world(db, owner, participant):
    from cases.models import CaseFactor, Reflection
    from factors.models import Cluster

    now = timezone.now()
    theme = Theme.objects.create(name="Leefbaarheid")
    other_theme = Theme.objects.create(name="Wonen")
    arnhem = Municipality.objects.create(name="Arnhem")
    cluster = Cluster.objects.create(name="Eigenaarschap en continuïteit", order=1)
    consenting = make_user("zeger@example.org", name="Zichtbare Zeger", public=True, perspective=Perspective.HOUSING)

    working = make_factor("Aansluiten bij wat leeft", cluster=cluster, accepted_at=now)
    working.themes.add(theme)
    obstacle = make_factor("Versnipperde budgetten", kind="obstacle", accepted_at=now)
    proposed = make_factor("Geheimfactor in voorstel", status="proposed")

    case = make_case(
        owner,
        title="Kenniskwartier Arnhem",
        summary="Studenten krijgen een leerwerkplaats in de wijk en werken samen met bewoners.",
        perspective=Perspective.EDUCATION,
        municipality=arnhem,
        contact_name="Carla Contact",
        contact_email="contact@example.org",
    )
    case.themes.add(theme)
    CaseFactor.objects.create(case=case, factor=working, explanation="Studenten vroegen bewoners wat er speelt.")
    CaseFactor.objects.create(case=case, factor=obstacle, explanation="Elk potje had eigen regels.")
    CaseFactor.objects.create(case=case, factor=proposed, explanation="Geheime uitleg bij een voorstel.")
    second = make_case(
        consenting,
        title="Dorpshuis Doornenburg",
        summary="Het dorpshuis draait op vrijwilligers uit de kern.",
        perspective=Perspective.RESIDENTS,
    )
    CaseFactor.objects.create(case=second, factor=working, explanation="Vrijwilligers namen het voortouw.")

    draft = make_case(owner, title="Geheim concept", status="draft")
    submitted = make_case(owner, title="Geheim ingediend", status="submitted")
    community = make_case(owner, title="Geheim besloten", visibility="community")
    for private in (draft, submitted, community):
        CaseFactor.objects.create(case=private, factor=working, explanation="Geheime onderbouwing.")
        private.themes.add(theme)

    Reflection.objects.create(
        case=case, author=participant, perspective=Perspective.RESIDENTS, strikes="Mooi hoe studenten aansluiten."
    )
    Reflection.objects.create(case=case, author=consenting, perspective=Perspective.HOUSING, learns="Leerzaam!")
    Reflection.objects.create(
        case=case, author=participant, perspective=Perspective.RESIDENTS, strikes="Geheim verborgen", hidden=True
    )

    harvested = make_meeting(
        title="Bijeenkomst over eigenaarschap",
        days=-30,
        status="published",
        published_at=now,
        goal="Samen ophalen wat werkt bij eigenaarschap.",
        summary="<p>We vonden dat aansluiten bij wat leeft het verschil maakt.</p>",
        open_questions="<p>Hoe houden we het vol?</p>",
        online_url="https://zoom.example.org/geheim",
    )
    harvested.presented_cases.add(case, draft)
    round_ = _round(harvested)
    contribute(round_, "Luisteren naar bewoners", factor=working)
    contribute(round_, "Eerst de buurt in", factor=working, perspective=Perspective.WELFARE)
    contribute(round_, "Potjes met eigen regels", factor=obstacle)
    contribute(round_, "Geheim verborgen bijdrage", factor=working, hidden=True)
    contribute(round_, "Een voorstel dat nog geen factor is", factor=proposed)
    contribute(round_, "Nog niet ingedeeld")
    vote(round_, working, 3)
    vote(round_, proposed, 2)

    closed = make_meeting(
        title="Bijeenkomst nog niet gepubliceerd",
        days=-3,
        status="closed",
        summary="<p>Geheime samenvatting in concept.</p>",
        goal="Verder praten.",
    )
    contribute(_round(closed), "Geheime bijdrage van een gesloten bijeenkomst", factor=working)
    private_meeting = make_meeting(
        title="Geheime besloten bijeenkomst", days=-10, status="published", visibility="community"
    )
    contribute(_round(private_meeting), "Geheime besloten bijdrage", factor=working)
    upcoming = make_meeting(title="Volgende bijeenkomst over wonen", days=14, goal="Wonen en leefbaarheid.")

    term = Term.objects.create(name="gebiedsgericht werken", is_key=True)
    first = TermVersion.objects.create(term=term, definition="<p>Samen werken aan de wijk.</p>")
    first.accept(by=None)
    second_version = TermVersion.objects.create(term=term, definition="<p>Samen met inwoners werken aan een kern.</p>")
    second_version.accept(by=None)
    harvested.agreed_term_versions.add(second_version)
    TermVersion.objects.create(term=term, definition="<p>Geheim voorstel voor een nieuwe versie.</p>")
    hidden_term = Term.objects.create(name="Geheimbegrip")
    TermVersion.objects.create(term=hidden_term, definition="<p>Alleen voorgesteld.</p>")

    return SimpleNamespace(
        theme=theme,
        other_theme=other_theme,
        arnhem=arnhem,
        cluster=cluster,
        consenting=consenting,
        working=working,
        obstacle=obstacle,
        proposed=proposed,
        case=case,
        second=second,
        draft=draft,
        submitted=submitted,
        community=community,
        harvested=harvested,
        closed=closed,
        private_meeting=private_meeting,
        upcoming=upcoming,
        term=term,
        hidden_term=hidden_term,
    )
