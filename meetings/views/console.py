"""The facilitator's console of the live mode (/bijeenkomsten/<slug>/regie/)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from cop.access import Refused, run_or_refuse
from factors.models import Factor
from meetings.access import get_meeting_to_manage
from meetings.formats import FORMATS, FORMATS_BY_KEY, apply_format
from meetings.forms import FormatForm, RoundForm, clustering_factors
from meetings.harvest import group, label
from meetings.models import Round, Scribe
from meetings.qr import qr_data_uri
from meetings.suggestions import suggest, with_lexemes

# At most this many factors as drop targets above the list (more when the meeting used more).
SHELF_SIZE = 8


def console_url(meeting, round_id=None, anchor=""):
    url = reverse("meetings:console", kwargs={"slug": meeting.slug})
    if round_id:
        url += "?" + urlencode({"ronde": round_id})
    return url + (f"#{anchor}" if anchor else "")


def _back(request, meeting, anchor=""):
    round_id = request.POST.get("ronde") or request.GET.get("ronde")
    return redirect(console_url(meeting, round_id if str(round_id).isdigit() else None, anchor))


def _selected_round(meeting, rounds, wanted):
    by_id = {r.pk: r for r in rounds}
    if wanted and wanted.isdigit() and int(wanted) in by_id:
        return by_id[int(wanted)]
    active = [r for r in rounds if r.status == Round.Status.ACTIVE]
    if active:
        return active[0]
    started = [r for r in rounds if r.started_at]
    if started:
        return max(started, key=lambda r: r.started_at)
    return rounds[0] if rounds else None


def console_context(request, meeting, wanted=""):
    """Everything the console shows; the full page and its in-place parts share it."""
    rounds = list(
        meeting.rounds.select_related("case", "source_round").annotate(
            contribution_count=Count("contributions", filter=Q(contributions__hidden=False))
        )
    )
    selected = _selected_round(meeting, rounds, wanted)
    context = {
        "meeting": meeting,
        "rounds": rounds,
        "selected": selected,
        "has_pending": any(r.status == Round.Status.PENDING for r in rounds),
    }
    if selected is not None:
        context.update(board_context(meeting, selected))
    return context


def board_context(meeting, selected):
    """The contributions of the selected round: waiting, not clustered yet (first), clustered; or its dots."""
    context = {"can_undo": meeting.clustering_steps.filter(undone=False).exists()}
    if selected.is_vote:
        context["breakdown"] = selected.vote_breakdown()
        return context
    contributions = list(selected.contributions.select_related("factor").order_by("created_at", "id"))
    context["waiting"] = [c for c in contributions if c.awaiting_approval]
    context["clusters"], context["unclustered"] = group([c for c in contributions if not c.awaiting_approval])
    for contribution in context["waiting"]:
        contribution.public_label = label(contribution)
    scribes = Scribe.keys(meeting)
    for contribution in contributions:
        who = ("user", contribution.author_id) if contribution.author_id else ("guest", contribution.guest_key)
        contribution.by_scribe = who in scribes
    factors = list(with_lexemes(clustering_factors()))
    clustered = list(
        meeting.contributions.filter(factor__isnull=False, hidden=False).order_by().values_list("factor_id", "text")
    )
    used = {factor_id for factor_id, _text in clustered}
    context["factor_groups"] = [
        (_("Al gebruikt in deze bijeenkomst"), [f for f in factors if f.pk in used]),
        (_("Werkzame factoren"), [f for f in factors if f.pk not in used and f.kind == Factor.Kind.WORKING]),
        (_("Belemmeringen"), [f for f in factors if f.pk not in used and f.kind == Factor.Kind.OBSTACLE]),
    ]
    context["factor_kinds"] = Factor.Kind.choices
    suggestions = suggest([c for c in context["unclustered"] if not c.hidden], factors, clustered)
    for contribution in context["unclustered"]:
        contribution.suggestions = suggestions.get(contribution.pk, [])
    # Drop targets above the list: the factors of this meeting, then the best suggestion of each note.
    shelf = {f.pk: f for f in factors if f.pk in used}
    for found in suggestions.values():
        if found and len(shelf) < SHELF_SIZE:
            shelf.setdefault(found[0].pk, found[0])
    context["shelf"] = sorted(shelf.values(), key=lambda f: (f.kind, f.name.lower()))
    return context


def console_response(request, meeting, partial, wanted=""):
    """An in-place part of the console (``_console_main`` or ``_console_board``), with the
    messages of the action for the screen reader and a poll that starts from the new version."""
    # The action changed the meeting's live version under its lock: start the poll from the new one.
    meeting.refresh_from_db(fields=["live_version", "live_layout_version", "status"])
    context = console_context(request, meeting, wanted)
    context["partial"] = partial
    context["notices"] = list(messages.get_messages(request))
    response = render(request, "meetings/partials/_console_response.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _wanted_round(request):
    wanted = request.POST.get("ronde") or request.GET.get("ronde") or ""
    return wanted if wanted.isdigit() else ""


def done(request, meeting, *, partial="board", round_id=None, anchor="bijdragen"):
    """After a console action: the changed part in place for htmx, else back to the console."""
    wanted = str(round_id) if round_id else _wanted_round(request)
    if request.htmx:
        response = console_response(request, meeting, f"meetings/partials/_console_{partial}.html", wanted)
        response["HX-Replace-Url"] = console_url(meeting, wanted or None)
        return response
    return redirect(console_url(meeting, wanted or None, anchor))


@login_required
def console(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    context = console_context(request, meeting, request.GET.get("ronde", ""))
    context.update(
        {
            "round_form": RoundForm(meeting=meeting),
            # Its own ids: the round form beside it has fields of the same names (kind, case, guests_allowed).
            "format_form": FormatForm(meeting=meeting, auto_id="format_%s"),
            "formats": FORMATS,
        }
    )
    if meeting.join_code:
        join_url = request.build_absolute_uri(reverse("live:participate", kwargs={"code": meeting.join_code}))
        context["join_url"] = join_url
        context["join_qr"] = qr_data_uri(join_url, title=_("QR-code om mee te doen"))
    return render(request, "meetings/console.html", context)


@login_required
def console_changes(request, slug):
    """The console asks every few seconds whether anything changed; it never redraws by itself."""
    meeting = get_meeting_to_manage(request, slug)
    seen = request.GET.get("v", "")
    if seen.isdigit() and int(seen) >= meeting.live_version:
        return HttpResponse(status=204)
    round_id = request.GET.get("ronde", "")
    round_id = round_id if round_id.isdigit() else None
    context = {
        "meeting": meeting,
        "reload_url": console_url(meeting, round_id),
        "refresh_url": reverse("meetings:console-part", kwargs={"slug": meeting.slug})
        + (f"?ronde={round_id}" if round_id else ""),
        "waiting": meeting.contributions.awaiting().count(),
    }
    # 286 tells htmx to stop polling: the notice stays until the facilitator refreshes.
    return render(request, "meetings/partials/_console_changes.html", context, status=286)


@login_required
def console_part(request, slug):
    """The rounds and contributions afresh, in place (the "Bijwerken" of the change notice)."""
    meeting = get_meeting_to_manage(request, slug)
    if not request.htmx:
        return redirect(console_url(meeting, _wanted_round(request) or None))
    return console_response(request, meeting, "meetings/partials/_console_main.html", _wanted_round(request))


@login_required
@require_POST
def open_live(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    run_or_refuse(request, meeting.open_live, _("De live-modus is open. Laat de code en de QR-code zien."))
    return _back(request, meeting)


@login_required
@require_POST
def close_meeting(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    if request.POST.get("bevestigd") != "1":
        return render(request, "meetings/confirm.html", _confirm_close(meeting))
    run_or_refuse(request, meeting.close, _("De bijeenkomst is afgesloten: er kan niets meer worden bijgedragen."))
    return _back(request, meeting)


@login_required
@require_POST
def round_add(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    form = RoundForm(request.POST, meeting=meeting)
    if form.is_valid():
        round_ = form.save()
        messages.success(request, _("De ronde is toegevoegd."))
        return redirect(console_url(meeting, round_.pk, "rondes"))
    return render(request, "meetings/round_form.html", {"meeting": meeting, "form": form}, status=400)


@login_required
def round_edit(request, slug, pk):
    meeting = get_meeting_to_manage(request, slug)
    round_ = get_object_or_404(meeting.rounds, pk=pk)
    form = RoundForm(request.POST or None, instance=round_, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        form.save()
        meeting.touch()
        messages.success(request, _("De ronde is opgeslagen."))
        return redirect(console_url(meeting, round_.pk, "rondes"))
    return render(request, "meetings/round_form.html", {"meeting": meeting, "form": form, "round": round_})


@login_required
@require_POST
def round_delete(request, slug, pk):
    meeting = get_meeting_to_manage(request, slug)
    round_ = get_object_or_404(meeting.rounds, pk=pk)
    if round_.status != Round.Status.PENDING or round_.contributions.exists():
        messages.error(request, _("Alleen een ronde die nog niet is gestart, kun je verwijderen."))
    else:
        round_.delete()
        messages.success(request, _("De ronde is verwijderd."))
    return done(request, meeting, partial="main", anchor="rondes")


@login_required
@require_POST
def format_apply(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    form = FormatForm(request.POST, meeting=meeting)
    if not form.is_valid():
        messages.error(request, _("Kies een werkvorm."))
        return redirect(console_url(meeting, anchor="werkvormen"))
    fmt = FORMATS_BY_KEY[form.cleaned_data["format"]]
    created = apply_format(
        meeting,
        fmt,
        topic=form.cleaned_data["topic"],
        case=form.cleaned_data["case"],
        kind=form.cleaned_data["kind"],
        guests_allowed=form.cleaned_data["guests_allowed"],
    )
    messages.success(
        request,
        ngettext(
            "%(count)s ronde van ‘%(name)s’ toegevoegd.", "%(count)s rondes van ‘%(name)s’ toegevoegd.", len(created)
        )
        % {"count": len(created), "name": fmt.name},
    )
    return redirect(console_url(meeting, anchor="rondes"))


def _round_action(request, slug, pk, method, success):
    meeting = get_meeting_to_manage(request, slug)
    round_ = get_object_or_404(meeting.rounds, pk=pk)
    run_or_refuse(request, getattr(round_, method), success)
    return done(request, meeting, partial="main", round_id=round_.pk, anchor=f"ronde-{round_.pk}")


@login_required
@require_POST
def round_start(request, slug, pk):
    return _round_action(request, slug, pk, "start", _("De ronde loopt. Deelnemers zien de vraag op hun telefoon."))


@login_required
@require_POST
def round_pause(request, slug, pk):
    return _round_action(request, slug, pk, "pause", _("De ronde is gepauzeerd."))


@login_required
@require_POST
def round_close(request, slug, pk):
    return _round_action(request, slug, pk, "close", _("De ronde is afgerond."))


@login_required
@require_POST
def round_discount(request, slug, pk):
    """Leave out (``discount=1``) or count again the dots of guests who came during the vote."""
    meeting = get_meeting_to_manage(request, slug)
    round_ = get_object_or_404(meeting.rounds, pk=pk)
    discount = request.POST.get("discount") == "1"
    success = (
        _("Stippen van gasten die pas tijdens de stemronde kwamen, tellen niet mee.")
        if discount
        else _("Alle stippen tellen weer mee.")
    )
    run_or_refuse(request, lambda: round_.discount_late_dots(discount), success)
    return done(request, meeting, round_id=round_.pk)


@login_required
@require_POST
def round_next(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    try:
        following = meeting.next_round()
    except Refused as refused:
        messages.error(request, refused.message)
        return done(request, meeting, partial="main", anchor="rondes")
    if following is None:
        messages.info(request, _("Er is geen volgende ronde meer. Voeg een ronde toe of sluit de bijeenkomst af."))
        return done(request, meeting, partial="main", anchor="rondes")
    messages.success(request, _("Volgende ronde: %(prompt)s") % {"prompt": following.prompt})
    return done(request, meeting, partial="main", round_id=following.pk, anchor="rondes")


def _confirm_close(meeting):
    return {
        "meeting": meeting,
        "title": _("Bijeenkomst afsluiten?"),
        "text": _(
            "Na het afsluiten kan niemand meer bijdragen of stippen zetten; de muur en de telefoons "
            "laten het einde zien. Clusteren, verbergen en de oogst bewerken kan daarna nog. "
            "Je kunt de live-modus later weer openen."
        ),
        "action": reverse("meetings:close", kwargs={"slug": meeting.slug}),
        "button": _("Ja, bijeenkomst afsluiten"),
        "back": console_url(meeting),
    }
