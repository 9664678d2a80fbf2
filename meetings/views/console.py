"""The facilitator's console of the live mode (/bijeenkomsten/<slug>/regie/)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from cop.access import Refused, run_or_refuse
from factors.models import Factor
from meetings import services
from meetings.access import get_meeting_to_manage
from meetings.formats import FORMATS, FORMATS_BY_KEY, apply_format
from meetings.forms import ClusterForm, FormatForm, HideForm, RoundForm, UnclusterForm, clustering_factors
from meetings.harvest import group
from meetings.models import Contribution, Round
from meetings.qr import qr_data_uri


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


def _factor_groups(meeting):
    """The factors for the "put on" choice: those used in this meeting first, then by kind."""
    factors = list(clustering_factors())
    used = set(meeting.contributions.filter(factor__isnull=False).values_list("factor_id", flat=True))
    return [
        (_("Al gebruikt in deze bijeenkomst"), [f for f in factors if f.pk in used]),
        (_("Werkzame factoren"), [f for f in factors if f.pk not in used and f.kind == Factor.Kind.WORKING]),
        (_("Belemmeringen"), [f for f in factors if f.pk not in used and f.kind == Factor.Kind.OBSTACLE]),
    ]


@login_required
def console(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    rounds = list(
        meeting.rounds.select_related("case", "source_round").annotate(
            contribution_count=Count("contributions", filter=Q(contributions__hidden=False))
        )
    )
    selected = _selected_round(meeting, rounds, request.GET.get("ronde", ""))
    context = {
        "meeting": meeting,
        "rounds": rounds,
        "selected": selected,
        "round_form": RoundForm(meeting=meeting),
        # Its own ids: the round form beside it has fields of the same names (kind, case, guests_allowed).
        "format_form": FormatForm(meeting=meeting, auto_id="format_%s"),
        "formats": FORMATS,
        "can_undo": meeting.clustering_steps.filter(undone=False).exists(),
        "factor_groups": _factor_groups(meeting),
        "factor_kinds": Factor.Kind.choices,
        "has_pending": any(r.status == Round.Status.PENDING for r in rounds),
    }
    if selected is not None:
        if selected.is_vote:
            context["breakdown"] = selected.vote_breakdown()
        contributions = selected.contributions.select_related("factor").order_by("created_at", "id")
        context["clusters"], context["unclustered"] = group(contributions)
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
    context = {"meeting": meeting, "reload_url": console_url(meeting, round_id if round_id.isdigit() else None)}
    # 286 tells htmx to stop polling: the notice stays until the facilitator reloads.
    return render(request, "meetings/partials/_console_changes.html", context, status=286)


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
    return redirect(console_url(meeting, anchor="rondes"))


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
    return redirect(console_url(meeting, round_.pk))


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
    return redirect(console_url(meeting, round_.pk))


@login_required
@require_POST
def round_next(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    try:
        following = meeting.next_round()
    except Refused as refused:
        messages.error(request, refused.message)
        return redirect(console_url(meeting))
    if following is None:
        messages.info(request, _("Er is geen volgende ronde meer. Voeg een ronde toe of sluit de bijeenkomst af."))
        return redirect(console_url(meeting))
    messages.success(request, _("Volgende ronde: %(prompt)s") % {"prompt": following.prompt})
    return redirect(console_url(meeting, following.pk))


@login_required
@require_POST
def cluster(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    form = ClusterForm(request.POST, meeting=meeting)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return _back(request, meeting, "bijdragen")
    step = run_or_refuse(
        request,
        lambda: services.cluster_contributions(
            meeting,
            [c.pk for c in form.cleaned_data["contributions"]],
            by=request.user,
            factor=form.cleaned_data["factor"],
            new_factor=form.new_factor(),
        ),
    )
    if step is not None:
        count = len(step.moves)
        messages.success(
            request,
            ngettext("%(count)s bijdrage geclusterd.", "%(count)s bijdragen geclusterd.", count) % {"count": count},
        )
    return _back(request, meeting, "bijdragen")


@login_required
@require_POST
def uncluster(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    form = UnclusterForm(request.POST, meeting=meeting)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return _back(request, meeting, "bijdragen")
    ids = [c.pk for c in form.cleaned_data["contributions"]]
    step = run_or_refuse(request, lambda: services.cluster_contributions(meeting, ids, by=request.user))
    if step is not None:
        count = len(step.moves)
        messages.success(
            request,
            ngettext(
                "%(count)s bijdrage losgemaakt van het cluster.",
                "%(count)s bijdragen losgemaakt van hun cluster.",
                count,
            )
            % {"count": count},
        )
    return _back(request, meeting, "bijdragen")


@login_required
@require_POST
def undo(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    run_or_refuse(
        request,
        lambda: services.undo_clustering(meeting, by=request.user),
        _("De laatste clusterstap is teruggedraaid."),
    )
    return _back(request, meeting, "bijdragen")


@login_required
@require_POST
def contribution_hide(request, slug, pk):
    meeting = get_meeting_to_manage(request, slug)
    contribution = get_object_or_404(Contribution, meeting=meeting, pk=pk)
    form = HideForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    contribution.hide(by=request.user, reason=reason)
    messages.success(request, _("De bijdrage is verborgen. Ze staat niet meer op de muur en niet in de oogst."))
    return _back(request, meeting, "bijdragen")


@login_required
@require_POST
def contribution_unhide(request, slug, pk):
    meeting = get_meeting_to_manage(request, slug)
    contribution = get_object_or_404(Contribution, meeting=meeting, pk=pk)
    contribution.unhide()
    messages.success(request, _("De bijdrage is weer zichtbaar."))
    return _back(request, meeting, "bijdragen")
