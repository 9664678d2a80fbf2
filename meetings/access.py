"""Access checks of the meetings app, built on the same querysets as the lists.

Outsiders get 404, members without the facilitator role 403 (views put
``login_required`` first, so visitors are sent to log in). The live pages find
their meeting by join code; an unknown code and the code of a meeting that is
not live get the same answer, so codes cannot be probed.
"""

import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import wraps

from django.conf import settings
from django.core import signing
from django.shortcuts import get_object_or_404, redirect, render

from cop import ratelimit as shared_limits
from cop.access import require_facilitator
from cop.models import Profile
from cop.ratelimit import client_ip
from cop.roles import is_member
from meetings import ratelimit
from meetings.models import Meeting, normalise_join_code

# How long a refused code lookup should wait (one window of meetings.ratelimit).
LOOKUP_RETRY_SECONDS = 60
GUEST_KEY = "live_guest_key"
GUEST_PERSPECTIVE = "live_guest_perspective"
GUEST_JOINED = "live_guest_joined"  # when this guest joined (seconds since the epoch)


def get_meeting_for_user(request, slug):
    return get_object_or_404(Meeting.objects.visible_to(request.user), slug=slug)


def get_meeting_to_manage(request, slug):
    """A meeting the facilitator runs: 404 when the user may not see it, 403 for members."""
    meeting = get_meeting_for_user(request, slug)
    require_facilitator(request.user)
    return meeting


def unknown_code_response(request, code="", status=404):
    too_many = status == 429
    response = render(request, "live/unknown_code.html", {"too_many": too_many}, status=status)
    if too_many:
        response["Retry-After"] = str(LOOKUP_RETRY_SECONDS)
    elif getattr(request, "htmx", False):
        # A phone or wall that polls a meeting which just closed reloads into this page. A 429
        # does not: htmx swaps nothing on an error and the poll goes on.
        response["HX-Refresh"] = "true"
    return response


def live_meeting(view=None, *, ended=False):
    """Resolve ``code`` to a live meeting (passed as ``meeting``) or answer with the unknown-code page.

    ``ended=True``: a meeting closed in the last days (``Meeting.has_ended``) is passed
    too, so that its wall and phones show the end screen instead of an error. Guessing
    stays as slow as before: a guess is almost always an unknown code, which counts.
    """
    if view is None:
        return lambda view: live_meeting(view, ended=ended)

    @wraps(view)
    def wrapper(request, code, *args, **kwargs):
        canonical = normalise_join_code(code)
        meeting = Meeting.objects.filter(join_code=canonical).first() if canonical else None
        if meeting is not None and not meeting.is_live and not (ended and meeting.has_ended):
            meeting = None
        if meeting is None:
            # Only failures count, and a valid code is answered whatever the count: wrong codes
            # from a shared address never lock a room out (docs/security.md).
            if not ratelimit.allow("lookup", client_ip(request)):
                return unknown_code_response(request, code, status=429)
            return unknown_code_response(request, code)
        if canonical != code and request.method == "GET":
            return redirect(request.resolver_match.view_name, code=canonical, **kwargs)
        return view(request, meeting, *args, **kwargs)

    return wrapper


@dataclass
class Participant:
    """Who acts in the live mode: a signed-in member, or a guest known only by a random key."""

    user: object = None
    guest_key: str = ""
    perspective: str = ""
    joined_at: datetime | None = None  # guests only: when they joined

    @property
    def is_guest(self):
        return self.user is None

    @property
    def rate_key(self):
        return f"user-{self.user.pk}" if self.user else f"guest-{self.guest_key}"


def participant_for(request):
    """The member, or the guest of this browser session once they chose a perspective; else None."""
    if is_member(request.user):
        profile = Profile.objects.for_user(request.user)
        return Participant(user=request.user, perspective=profile.effective_perspective)
    key = request.session.get(GUEST_KEY)
    perspective = request.session.get(GUEST_PERSPECTIVE)
    if key and perspective:
        joined = request.session.get(GUEST_JOINED)
        joined_at = datetime.fromtimestamp(joined, tz=UTC) if isinstance(joined, (int, float)) else None
        return Participant(guest_key=key, perspective=perspective, joined_at=joined_at)
    return None


def become_guest(request, perspective):
    """Remember the guest in the session: a random key and a perspective, never a name."""
    if GUEST_KEY not in request.session:
        request.session[GUEST_KEY] = secrets.token_urlsafe(18)
        request.session[GUEST_JOINED] = time.time()
    request.session[GUEST_PERSPECTIVE] = perspective
    return participant_for(request)


# --- making guests costs a page load -------------------------------------------------------

GUEST_TOKEN_SALT = "live-guest"
GUEST_TOKEN_MAX_AGE = 6 * 3600


def guest_token(meeting):
    """The signed token the guest form carries: this meeting, when the page was made, and a nonce."""
    nonce = secrets.token_urlsafe(9)
    return signing.Signer(salt=GUEST_TOKEN_SALT).sign(f"{meeting.pk}:{int(time.time())}:{nonce}")


def guest_token_problem(meeting, token):
    """Why ``token`` cannot make a guest of ``meeting`` now (empty when it can).

    It must be this meeting's, made by a page at least ``LIVE_GUEST_MIN_SECONDS``
    ago (a person reads the page; a script must wait too) and at most six hours
    ago, and used once: each guest costs a page load.
    """
    try:
        meeting_pk, made, _nonce = signing.Signer(salt=GUEST_TOKEN_SALT).unsign(token or "").split(":")
        age = time.time() - int(made)
    except (signing.BadSignature, ValueError):
        return "invalid"
    if meeting_pk != str(meeting.pk) or not 0 <= age <= GUEST_TOKEN_MAX_AGE:
        return "invalid"
    if age < settings.LIVE_GUEST_MIN_SECONDS:
        return "too-soon"
    if shared_limits.count_hit("guest-token", token, seconds=24 * 3600) > 1:
        return "used"
    return ""
