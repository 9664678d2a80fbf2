"""One small world with every kind of object in every state, shared by the cross-cutting tests.

The permission matrix, the accessibility crawl and the payload tests read the same
objects: cases in each status, factors proposed and accepted, meetings planned, live,
closed, published and for members only, a live round with a member's and a guest's
contribution, a term with an accepted and a proposed version. ``build_world()`` makes it
in one go and returns a namespace with everything the tests address.
"""

import secrets
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone

from cop.models import Area, Municipality, Organisation, Perspective, Term, Theme
from cop.roles import FACILITATORS_GROUP
from tests.conftest import make_case, make_factor, make_meeting, make_user

ROLES = ("visitor", "guest", "participant", "owner", "coeditor", "facilitator", "staff")
GUEST_KEY = "gast-sleutel-van-de-wereld"


def guest_session(perspective=Perspective.RESIDENTS, key=GUEST_KEY):
    """A stored session of an anonymous guest of the live mode; returns its session key."""
    from meetings.access import GUEST_KEY as SESSION_KEY
    from meetings.access import GUEST_PERSPECTIVE

    session = SessionStore()
    session[SESSION_KEY] = key
    session[GUEST_PERSPECTIVE] = perspective
    session.create()
    return session.session_key


def build_world():
    from cases.models import CaseFactor, CaseImage, CoEditorInvitation, Reflection
    from factors.models import Cluster, FactorRelation
    from meetings import services
    from meetings.models import HarvestImage, Registration, Round, Series

    Group.objects.get_or_create(name=FACILITATORS_GROUP)
    now = timezone.now()
    w = SimpleNamespace()

    w.arnhem = Municipality.objects.create(name="Arnhem")
    w.area = Area.objects.create(municipality=w.arnhem, name="Presikhaaf")
    w.theme = Theme.objects.create(name="Leefbaarheid")
    w.organisation = Organisation.objects.create(name="Woonstichting Oost", kind=Perspective.HOUSING)

    w.users = {
        "participant": make_user("deelnemer@example.org", name="Pim Deelnemer", perspective=Perspective.RESIDENTS),
        "owner": make_user("eigenaar@example.org", name="Olga Eigenaar", perspective=Perspective.WELFARE),
        "coeditor": make_user("mede@example.org", name="Mees Mede", perspective=Perspective.HOUSING),
        "facilitator": make_user("begeleider@example.org", name="Femke Begeleider", facilitator=True),
        "staff": make_user("beheer@example.org", name="Sam Beheer", staff=True),
    }
    owner, coeditor, facilitator = w.users["owner"], w.users["coeditor"], w.users["facilitator"]

    # Factors: accepted (with a relation), an obstacle, one proposed by the owner.
    w.cluster = Cluster.objects.create(name="Eigenaarschap en continuïteit", order=1)
    w.factor = make_factor("Aansluiten bij wat leeft", cluster=w.cluster, accepted_at=now)
    w.factor.themes.add(w.theme)
    w.obstacle = make_factor("Versnipperde budgetten", kind="obstacle", cluster=w.cluster, accepted_at=now)
    w.proposed_factor = make_factor("Voorgestelde factor", status="proposed", proposed_by=owner)
    w.relation = FactorRelation.objects.create(from_factor=w.factor, to_factor=w.obstacle, kind="helps")

    # Cases of the owner, co-edited, in every state.
    w.cases = {}
    for state, status, visibility in [
        ("draft", "draft", "public"),
        ("submitted", "submitted", "public"),
        ("public", "published", "public"),
        ("community", "published", "community"),
        ("withdrawn", "withdrawn", "public"),
    ]:
        case = make_case(
            owner,
            title=f"Casus {state}",
            status=status,
            visibility=visibility,
            municipality=w.arnhem,
            area=w.area,
            organisation=w.organisation,
            perspective=Perspective.WELFARE,
            pride="<p>De buurt doet mee.</p>",
            what_worked="<p>Korte lijnen.</p>",
            lessons="<p>Begin klein.</p>",
        )
        case.co_editors.add(coeditor)
        case.themes.add(w.theme)
        CaseFactor.objects.create(case=case, factor=w.factor, explanation="Bewoners bepaalden de agenda.")
        case.revisions.create(author=owner, action="create", changes={})
        w.cases[state] = case
    w.case_image = CaseImage.objects.create(
        case=w.cases["public"], image="cases/foto.jpg", width=40, height=30, alt_text="Bewoners in de buurtkamer"
    )
    # Open co-editor invitations of the owner to the participant; the draft's token is kept to address it.
    w.invitations, w.invitation_tokens = {}, {}
    for state in ("draft", "public"):
        invitation, token = CoEditorInvitation.issue(
            case=w.cases[state], email=w.users["participant"].email, invited_by=owner
        )
        w.invitations[state], w.invitation_tokens[state] = invitation, token
    # An edit of the community-only case that waits for a facilitator (cases.review): it would make the case public.
    community = w.cases["community"]
    fields = ("title", "summary", "story", "pride", "what_worked", "lessons", "stage", "perspective")
    data = {name: [getattr(community, name)] for name in fields}
    data |= {"municipality": [str(w.arnhem.pk)], "area": [str(w.area.pk)], "organisation": [str(w.organisation.pk)]}
    data |= {"themes": [str(w.theme.pk)], "visibility": ["public"]}
    for prefix in ("factors", "partners", "links", "images"):
        initial = "1" if prefix == "factors" else "0"
        data |= {f"{prefix}-TOTAL_FORMS": [initial], f"{prefix}-INITIAL_FORMS": [initial]}
    link = community.factor_links.get()
    data |= {"factors-0-id": [str(link.pk)], "factors-0-explanation": [link.explanation]}
    w.pending_change = community.pending_changes.create(author=owner, data=data)
    # Reflections on the published cases: the owner's own (the "owner" of a reflection) and a hidden one.
    w.reflections = {}
    for state in ("public", "community"):
        w.reflections[state] = Reflection.objects.create(
            case=w.cases[state], author=owner, perspective=Perspective.WELFARE, strikes="Mooi hoe het begon."
        )
    w.hidden_reflection = Reflection.objects.create(
        case=w.cases["public"],
        author=w.users["participant"],
        perspective=Perspective.RESIDENTS,
        learns="Verborgen reflectie.",
        hidden=True,
        hidden_reason="Niet over de casus.",
        hidden_by=facilitator,
    )

    # Meetings in every state.
    w.series = Series.objects.create(title="CoP Gebiedsgericht werken Gelderland")
    w.meetings = {
        "planned": make_meeting(title="Bijeenkomst gepland", days=14, series=w.series, capacity=30),
        "live": make_meeting(title="Bijeenkomst live", days=0, series=w.series),
        "closed": make_meeting(title="Bijeenkomst afgesloten", days=-1, series=w.series),
        "published": make_meeting(title="Bijeenkomst gepubliceerd", days=-14, series=w.series),
        "community": make_meeting(title="Bijeenkomst besloten", days=-21, visibility="community"),
    }
    for meeting in w.meetings.values():
        meeting.facilitators.add(facilitator)
        meeting.presented_cases.add(w.cases["public"])
    w.registration = Registration.objects.create(meeting=w.meetings["planned"], user=owner)

    w.guest_session_key = guest_session()
    w.rounds, w.contributions = {}, {}
    for state in ("live", "closed", "published", "community"):
        meeting = w.meetings[state]
        meeting.open_live()
        round_ = Round.objects.create(
            meeting=meeting, prompt="Wat heeft gewerkt?", kind=Round.Kind.WORKING, order=1, guests_allowed=True
        )
        round_.start()
        member_post = round_.contribute(text="Een vaste wijkagent", perspective=Perspective.WELFARE, author=owner)
        guest_post = round_.contribute(text="De buurtkamer", perspective=Perspective.RESIDENTS, guest_key=GUEST_KEY)
        services.cluster_contributions(meeting, [member_post.pk], by=facilitator, factor=w.factor)
        vote_round = Round.objects.create(
            meeting=meeting, prompt="Wat weegt het zwaarst?", mode=Round.Mode.VOTE, order=2, guests_allowed=True
        )
        pending = Round.objects.create(meeting=meeting, prompt="Wat nog?", order=3)
        w.rounds[state] = {"contribute": round_, "vote": vote_round, "pending": pending}
        w.contributions[state] = {"member": member_post, "guest": guest_post}
        if state == "live":
            continue
        meeting.close()
        if state in ("published", "community"):
            meeting.summary = "<p>Een goede middag.</p>"
            meeting.save(update_fields=["summary"])
            services.publish_harvest(meeting, by=facilitator)
    for meeting in w.meetings.values():
        meeting.refresh_from_db()
    w.harvest_image = HarvestImage.objects.create(
        meeting=w.meetings["published"], image="harvest/flip.jpg", width=40, height=30, alt_text="De flip-over"
    )

    # The shared language: a key term with an accepted and a proposed version.
    w.term = Term.objects.create(name="Gebiedsgericht werken", is_key=True)
    w.term.propose_version("<p>Samen werken aan een gebied.</p>", by=facilitator).accept(
        by=facilitator, meeting=w.meetings["published"]
    )
    w.proposed_version = w.term.propose_version("<p>Samen werken aan een wijk of dorp.</p>", by=facilitator)
    w.unaccepted_term = Term.objects.create(name="Kerngericht werken")
    w.unaccepted_term.propose_version("<p>Nog niet vastgesteld.</p>", by=facilitator)
    w.secret = secrets.token_hex(4)
    return w
