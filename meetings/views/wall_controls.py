"""The facilitator's wall controls, embedded in the console (``_wall_controls.html``).

Each action answers htmx with the controls again (in place, with a status line)
and a plain form post with a redirect back to the console.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cop.access import Refused
from meetings.access import get_meeting_to_manage
from meetings.wall_controls import RoundWallForm, WallDisplayForm


def _answer(request, meeting, round_, message, *, error=False):
    if request.htmx:
        # 200 also for a refusal: htmx swaps only successful answers, and the refusal is the news.
        context = {"meeting": meeting, "round": round_, "controls_message": message, "controls_error": error}
        return render(request, "meetings/partials/_wall_controls.html", context)
    (messages.error if error else messages.success)(request, message)
    url = reverse("meetings:console", kwargs={"slug": meeting.slug})
    return redirect(f"{url}?ronde={round_.pk}" if round_ else url)


@login_required
@require_POST
def wall_display(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    round_ = meeting.current_round()
    form = WallDisplayForm(request.POST)
    if not form.is_valid():
        return _answer(request, meeting, round_, _("Kies hoe de muur eruitziet."), error=True)
    meeting.set_wall_display(join_display=form.cleaned_data["join_display"], view=form.cleaned_data["view"])
    return _answer(request, meeting, round_, _("De muur is bijgewerkt."))


@login_required
@require_POST
def round_wall(request, slug, pk):
    meeting = get_meeting_to_manage(request, slug)
    round_ = get_object_or_404(meeting.rounds, pk=pk)
    form = RoundWallForm(request.POST)
    if not form.is_valid():
        errors = " ".join(e for field in form.errors.values() for e in field)
        return _answer(request, meeting, round_, errors, error=True)
    round_.set_wall_options(
        hide_results=form.cleaned_data["hide_results"], participant_limit=form.cleaned_data["participant_limit"]
    )
    return _answer(request, meeting, round_, _("De instellingen van de ronde zijn opgeslagen."))


@login_required
@require_POST
def round_reveal(request, slug, pk):
    """Show (``reveal=1``) or hide again the dots of a vote round on the wall."""
    meeting = get_meeting_to_manage(request, slug)
    round_ = get_object_or_404(meeting.rounds, pk=pk)
    reveal = request.POST.get("reveal") == "1"
    try:
        round_.reveal_results(reveal)
    except Refused as refused:
        return _answer(request, meeting, round_, refused.message, error=True)
    message = _("De uitslag staat op de muur.") if reveal else _("De uitslag is weer verborgen.")
    return _answer(request, meeting, round_, message)
