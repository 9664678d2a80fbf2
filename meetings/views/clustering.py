"""The console's work on contributions: clustering, undo, moderation and hiding.

Each action is one POST. Without JavaScript it redirects back to the console; through
htmx it answers with the changed part (``meetings.views.console.done``), so focus and
scroll stay where the facilitator works.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from cop.access import run_or_refuse
from meetings import services
from meetings.access import get_meeting_to_manage
from meetings.forms import ClusterForm, HideForm, UnclusterForm
from meetings.models import SCRIBE_LIMIT, Contribution, Scribe
from meetings.views.console import done


def _form_errors(request, form):
    messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))


@login_required
@require_POST
def cluster(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    form = ClusterForm(request.POST, meeting=meeting)
    if not form.is_valid():
        _form_errors(request, form)
        return done(request, meeting)
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
        factor = step.created_factor or form.cleaned_data["factor"]
        messages.success(
            request,
            ngettext(
                "%(count)s bijdrage geclusterd bij ‘%(factor)s’.",
                "%(count)s bijdragen geclusterd bij ‘%(factor)s’.",
                count,
            )
            % {"count": count, "factor": factor.name},
        )
    return done(request, meeting)


@login_required
@require_POST
def uncluster(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    form = UnclusterForm(request.POST, meeting=meeting)
    if not form.is_valid():
        _form_errors(request, form)
        return done(request, meeting)
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
    return done(request, meeting)


@login_required
@require_POST
def undo(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    run_or_refuse(
        request,
        lambda: services.undo_clustering(meeting, by=request.user),
        _("De laatste clusterstap is teruggedraaid."),
    )
    return done(request, meeting)


@login_required
@require_POST
def contribution_approve(request, slug, pk):
    meeting = get_meeting_to_manage(request, slug)
    contribution = get_object_or_404(Contribution, meeting=meeting, pk=pk)
    run_or_refuse(request, contribution.approve, _("De bijdrage is goedgekeurd en staat nu op de muur."))
    return done(request, meeting)


@login_required
@require_POST
def contribution_hide(request, slug, pk):
    meeting = get_meeting_to_manage(request, slug)
    contribution = get_object_or_404(Contribution, meeting=meeting, pk=pk)
    form = HideForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    contribution.hide(by=request.user, reason=reason)
    messages.success(request, _("De bijdrage is verborgen. Ze staat niet meer op de muur en niet in de oogst."))
    return done(request, meeting)


@login_required
@require_POST
def contribution_unhide(request, slug, pk):
    meeting = get_meeting_to_manage(request, slug)
    contribution = get_object_or_404(Contribution, meeting=meeting, pk=pk)
    contribution.unhide()
    messages.success(request, _("De bijdrage is weer zichtbaar."))
    return done(request, meeting)


@login_required
@require_POST
def contribution_scribe(request, slug, pk):
    """Mark the author of a contribution as scribe (a higher personal limit), or no longer."""
    meeting = get_meeting_to_manage(request, slug)
    contribution = get_object_or_404(Contribution, meeting=meeting, pk=pk)
    if Scribe.toggle(contribution):
        message = _("De schrijver van deze bijdrage mag nu %(limit)s keer per minuut iets plaatsen.") % {
            "limit": SCRIBE_LIMIT
        }
    else:
        message = _("De schrijver van deze bijdrage is geen schrijver voor de groep meer.")
    messages.success(request, message)
    return done(request, meeting)
