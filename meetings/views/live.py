"""The live mode for phones (/live/<code>/) and the projector wall (/live/<code>/muur/).

Both poll with the meeting's ``live_version``: an unchanged meeting answers
204 after one query; a wall that missed only new contributions gets just
those; anything else (a round started, clustering, a dot) redraws the part
that changed. Nothing is kept in the app process, so any number of processes
can serve one meeting.
"""

import re
import zlib
from functools import wraps

from django.contrib import messages
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from cop import ratelimit as cop_ratelimit
from cop.access import Refused
from cop.ratelimit import client_ip
from cop.utils import login_url
from meetings import ratelimit
from meetings.access import become_guest, guest_token, guest_token_problem, live_meeting, participant_for
from meetings.forms import ContributionEditForm, ContributionForm, GuestForm, JoinForm
from meetings.models import LIVE_VERSIONS, SCRIBE_LIMIT, Contribution, Scribe, normalise_join_code

# --- joining -----------------------------------------------------------------------------

# What a join code can be (new_join_code makes letters and digits), after normalise_join_code.
JOIN_CODE = re.compile(r"[A-Z0-9]+")


@never_cache
def join(request):
    """Type the code from the screen in the room."""
    form = JoinForm(request.GET or None)
    if form.is_valid():
        code = normalise_join_code(form.cleaned_data["code"])
        if code and not JOIN_CODE.fullmatch(code):
            # No meeting has this code, and one with a "/" cannot even be put in an address.
            raise Http404("not a join code")
        if code:
            return redirect("live:participate", code=code)
    return render(request, "live/join.html", {"form": form})


def round_key(round_):
    """What the phone shows of a round; when it changes, the phone redraws its round panel."""
    if round_ is None:
        return "none"
    return f"{round_.pk}-{round_.status}-{zlib.crc32(round_.prompt.encode())}"


def _vote_options(round_, participant):
    options = list(round_.vote_options())
    mine = {}
    if participant is not None:
        mine = dict(
            round_.votes_of(voter=participant.user, guest_key=participant.guest_key)
            .order_by()
            .values_list("factor_id")
            .annotate(n=Count("id"))
        )
    for factor in options:
        factor.my_dots = mine.get(factor.pk, 0)
    return options, round_.dots_per_person - sum(mine.values())


def phone_context(request, meeting, *, form=None, participant=None, round_=None, guest_form=None):
    """Everything the phone page shows about the current round and the participant's own part in it."""
    if not meeting.is_live:
        return {"meeting": meeting, "ended": True, "round_key": "ended"}
    round_ = round_ or meeting.current_round()
    participant = participant or participant_for(request)
    context = {
        "meeting": meeting,
        "round": round_,
        "participant": participant,
        "round_key": round_key(round_),
        "login_url": login_url(request, request.path),
    }
    if round_ is None:
        return context
    may_join = participant is not None and (not participant.is_guest or round_.guests_allowed)
    context["needs_login"] = participant is None and not round_.guests_allowed
    context["needs_guest"] = participant is None and round_.guests_allowed
    context["guest_not_allowed"] = participant is not None and participant.is_guest and not round_.guests_allowed
    context["may_join"] = may_join
    if context["needs_guest"]:
        context["guest_form"] = guest_form or GuestForm(initial={"token": guest_token(meeting)})
    if not may_join:
        return context
    if round_.is_vote:
        context["options"], context["dots_left"] = _vote_options(round_, participant)
    else:
        context["form"] = form or ContributionForm(perspective=participant.perspective)
        context["mine"] = _mine(participant, round_)
        context["mine_key"] = mine_key(context["mine"])
    return context


def own_notes(participant, round_):
    """The participant's own notes in ``round_``, newest first (a guest's by the (round, guest_key) index)."""
    return (
        Contribution.objects.by_participant(user=participant.user, guest_key=participant.guest_key)
        .filter(round=round_)
        .order_by("-created_at", "-id")
    )


def _mine(participant, round_):
    return list(own_notes(participant, round_))


def mine_key(mine):
    """What the phone shows of its own contributions: when it changes (approved, hidden), it redraws that list."""
    states = ",".join(f"{c.pk}{'w' if c.awaiting_approval else 'h' if c.hidden else ''}" for c in mine)
    return f"{zlib.crc32(states.encode()):x}"


@never_cache
@live_meeting(ended=True)
def participate(request, meeting):
    return render(request, "live/participate.html", phone_context(request, meeting))


def answers_unchanged_polls(view):
    """A poll for the version this process read moments ago gets its 204 without a query.

    The version is remembered per join code for half a second (``LIVE_VERSIONS``);
    otherwise, or for any other version, the view looks the meeting up as usual.
    """

    @wraps(view)
    def wrapper(request, code, *args, **kwargs):
        seen = request.GET.get("v", "")
        if seen.isdigit() and LIVE_VERSIONS.get(code) == int(seen):
            response = HttpResponse(status=204)
            patch_vary_headers(response, ["HX-Request"])
            return response
        return view(request, code, *args, **kwargs)

    return wrapper


@never_cache
@answers_unchanged_polls
@live_meeting(ended=True)
def phone_changes(request, meeting):
    """The phone's poll: 204 when nothing changed; a new round panel when the round changed."""
    LIVE_VERSIONS.set(meeting.join_code, meeting.live_version)
    seen = request.GET.get("v", "")
    if seen.isdigit() and int(seen) == meeting.live_version:
        response = HttpResponse(status=204)
    elif not meeting.is_live:
        context = {**phone_context(request, meeting), "redraw": request.GET.get("r", "") != "ended"}
        response = render(request, "live/partials/_phone_changes.html", context)
    else:
        round_ = meeting.current_round()
        redraw = request.GET.get("r", "") != round_key(round_)
        context = phone_context(request, meeting, round_=round_) if redraw else {"meeting": meeting}
        context.update({"redraw": redraw, "round": round_, "round_key": round_key(round_)})
        participant = None if redraw or round_ is None or round_.is_vote else participant_for(request)
        if participant is not None and (not participant.is_guest or round_.guests_allowed):
            # The same round: only the person's own list, when a note was approved or hidden meanwhile.
            mine = _mine(participant, round_)
            context.update({"participant": participant, "mine": mine, "mine_key": mine_key(mine)})
            context["redraw_mine"] = context["mine_key"] != request.GET.get("m", "")
        response = render(request, "live/partials/_phone_changes.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_POST
@live_meeting
def become_guest_view(request, meeting):
    form = GuestForm(request.POST)
    if not form.is_valid():
        return _refuse(request, meeting, _("Kies eerst vanuit welk perspectief je meedoet."), 400, guest_form=form)
    if participant_for(request) is None:
        problem = guest_token_problem(meeting, form.cleaned_data["token"])
        if problem:
            # An old or copied page: a fresh one carries a new token; the choice is kept.
            messages.warning(request, _("Deze pagina was verlopen. Kies nog een keer hoe je meedoet."))
            return redirect("live:participate", code=meeting.join_code)
        if not (ratelimit.allow_guest(meeting) and ratelimit.allow("guest_address", client_ip(request))):
            fresh = GuestForm(initial={"token": guest_token(meeting), "perspective": form.cleaned_data["perspective"]})
            return _refuse(request, meeting, BUSY, 429, guest_form=fresh)
    become_guest(request, form.cleaned_data["perspective"])
    messages.success(request, _("Welkom! Je doet anoniem mee."))
    return redirect("live:participate", code=meeting.join_code)


BUSY = _(
    "Er komen nu heel veel gasten tegelijk binnen. Wacht een halve minuut en tik dan opnieuw op ‘Doe mee als gast’."
)


# --- contributing --------------------------------------------------------------------------


def _refuse(request, meeting, message, status, **context):
    """Show the phone page again with ``message``, keeping what was typed (htmx: the round panel, in place)."""
    context = phone_context(request, meeting, **context)
    context["refusal"] = message
    if request.htmx:
        # 200: htmx swaps only successful answers, and the refusal is the news.
        return render(request, "live/partials/_phone_update.html", context)
    return render(request, "live/participate.html", context, status=status)


def _updated(request, meeting, participant, message):
    """After a contribution or a dot: the round panel in place for htmx, else the page again."""
    if request.htmx:
        context = {**phone_context(request, meeting, participant=participant), "live_message": message}
        return render(request, "live/partials/_phone_update.html", context)
    messages.success(request, message)
    return redirect("live:participate", code=meeting.join_code)


def _rate_limited(meeting, participant, round_=None):
    """True when this write is one too many: for the person (a scribe may do more) or the join code."""
    own = (round_.participant_limit if round_ is not None else None) or ratelimit.limit("participant")
    counted = cop_ratelimit.count_hit("live-participant", participant.rate_key)
    # Only past the person's limit is it looked up whether the facilitator made them scribe.
    if counted > own and (
        counted > max(own, SCRIBE_LIMIT)
        or not Scribe.of(meeting, user=participant.user, guest_key=participant.guest_key).exists()
    ):
        return True
    return not ratelimit.allow_code_write(meeting)


def _who_may_not(participant, round_):
    """Why this visitor cannot take part in ``round_`` (empty when they can)."""
    if participant is None and round_.guests_allowed:
        return _("Kies eerst vanuit welk perspectief je meedoet.")
    if participant is None or (participant.is_guest and not round_.guests_allowed):
        return _("Voor deze ronde moet je ingelogd zijn. Gasten doen hier niet mee.")
    return ""


TOO_FAST = _("Je gaat erg snel. Wacht een minuut en probeer het dan opnieuw; wat je schreef staat er nog.")


@require_POST
@live_meeting(ended=True)
def contribute(request, meeting, round_pk):
    if not meeting.is_live:
        # Closed while this person was typing: say thank you and give the text back to copy.
        context = {**phone_context(request, meeting), "draft_text": request.POST.get("text", "")[:2000]}
        template = "live/partials/_phone_update.html" if request.htmx else "live/participate.html"
        return render(request, template, context, status=200 if request.htmx else 409)
    round_ = get_object_or_404(meeting.rounds, pk=round_pk)
    participant = participant_for(request)
    refusal = _who_may_not(participant, round_)
    if refusal:
        return _refuse(request, meeting, refusal, 403)
    form = ContributionForm(request.POST, perspective=participant.perspective)
    if not form.is_valid():
        return _refuse(request, meeting, _("Je bijdrage is niet geplaatst."), 400, form=form, participant=participant)
    if _rate_limited(meeting, participant, round_):
        return _refuse(request, meeting, TOO_FAST, 429, form=form, participant=participant)
    perspective = participant.perspective if participant.is_guest else form.cleaned_data["perspective"]
    try:
        contribution = round_.contribute(
            text=form.cleaned_data["text"],
            perspective=perspective or participant.perspective,
            author=participant.user,
            guest_key=participant.guest_key,
            submission_key=form.cleaned_data["submission_key"],
        )
    except Refused as refused:
        return _refuse(request, meeting, refused.message, 409, form=form, participant=participant)
    if contribution.awaiting_approval:
        message = _("Je bijdrage is ontvangen en wacht op goedkeuring van de begeleider.")
    else:
        message = _("Je bijdrage staat op de muur.")
    return _updated(request, meeting, participant, message)


def _own_contribution(request, meeting, pk):
    participant = participant_for(request)
    if participant is None:
        return None, None
    own = Contribution.objects.by_participant(user=participant.user, guest_key=participant.guest_key)
    return participant, get_object_or_404(own.select_related("round"), meeting=meeting, pk=pk)


@never_cache
@live_meeting
def contribution_edit(request, meeting, pk):
    participant, contribution = _own_contribution(request, meeting, pk)
    if contribution is None:
        return redirect("live:participate", code=meeting.join_code)
    form = ContributionEditForm(request.POST or None, instance=contribution)
    if request.method == "POST" and form.is_valid():
        if _rate_limited(meeting, participant, contribution.round):
            return render(
                request,
                "live/contribution_edit.html",
                {"meeting": meeting, "form": form, "refusal": TOO_FAST},
                status=429,
            )
        try:
            contribution.edit(form.cleaned_data["text"].strip())
        except Refused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, _("Je bijdrage is aangepast."))
        return redirect("live:participate", code=meeting.join_code)
    context = {"meeting": meeting, "form": form, "contribution": contribution}
    return render(request, "live/contribution_edit.html", context)


@require_POST
@live_meeting
def contribution_withdraw(request, meeting, pk):
    _participant, contribution = _own_contribution(request, meeting, pk)
    if contribution is None:
        return redirect("live:participate", code=meeting.join_code)
    try:
        contribution.withdraw()
    except Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Je bijdrage is ingetrokken."))
    return redirect("live:participate", code=meeting.join_code)


def _vote(request, meeting, round_pk, factor_pk, method, success):
    round_ = get_object_or_404(meeting.rounds, pk=round_pk)
    participant = participant_for(request)
    refusal = _who_may_not(participant, round_)
    if refusal:
        return _refuse(request, meeting, refusal, 403)
    if _rate_limited(meeting, participant, round_):
        return _refuse(request, meeting, TOO_FAST, 429, participant=participant)
    factor = get_object_or_404(round_.vote_options(), pk=factor_pk)
    try:
        extra = {"guest_joined_at": participant.joined_at} if method == "cast_vote" else {}
        getattr(round_, method)(factor, voter=participant.user, guest_key=participant.guest_key, **extra)
    except Refused as refused:
        return _refuse(request, meeting, refused.message, 409, participant=participant)
    return _updated(request, meeting, participant, success % {"name": factor.name})


@require_POST
@live_meeting
def vote_add(request, meeting, round_pk, factor_pk):
    return _vote(request, meeting, round_pk, factor_pk, "cast_vote", _("Stip gezet op ‘%(name)s’."))


@require_POST
@live_meeting
def vote_remove(request, meeting, round_pk, factor_pk):
    return _vote(request, meeting, round_pk, factor_pk, "withdraw_vote", _("Stip weggehaald bij ‘%(name)s’."))
