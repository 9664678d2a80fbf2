"""Facilitators review a change to a published case: compare, approve or reject (``cases.review``)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases import review
from cases.access import get_case_for_user
from cases.forms import RejectChangeForm
from cop.access import run_or_refuse


def _case_and_change(request, slug):
    """404 for who may not see the case (or when no change waits), 403 for members who are no facilitator."""
    case, _perms = get_case_for_user(request, slug, need="is_facilitator")
    change = get_object_or_404(case.pending_changes.open().select_related("author__profile"))
    return case, change


def _page(request, case, change, form, status=200):
    context = {"case": case, "change": change, "form": form, **review.preview(change, request.user)}
    return render(request, "cases/change_review.html", context, status=status)


@login_required
def change_review(request, slug):
    case, change = _case_and_change(request, slug)
    return _page(request, case, change, RejectChangeForm())


@require_POST
@login_required
def change_approve(request, slug):
    case, change = _case_and_change(request, slug)
    run_or_refuse(request, lambda: review.approve(change, by=request.user), _("De wijziging is gepubliceerd."))
    return redirect(case)


@require_POST
@login_required
def change_reject(request, slug):
    case, change = _case_and_change(request, slug)
    form = RejectChangeForm(request.POST)
    if not form.is_valid():
        return _page(request, case, change, form)
    message = form.cleaned_data["message"]
    run_or_refuse(
        request,
        lambda: review.reject(change, by=request.user, message=message),
        _("De wijziging is afgewezen. De auteurs zien je bericht bij de casus."),
    )
    return redirect(case)
