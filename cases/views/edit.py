"""Telling a case: create and edit with the inline rows (factors, partners, photos, links), and delete.

An edit of a published case is not saved on the case: it waits for a facilitator (``cases.review``).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases import review
from cases.access import get_case_for_user
from cases.forms import CaseForm, case_formsets
from cases.models import Case
from cop.access import Refused


@login_required
def create(request):
    return _edit(request, Case(owner=request.user), perms=None)


@login_required
def edit(request, slug):
    case, perms = get_case_for_user(request, slug, need="can_edit")
    return _edit(request, case, perms)


def _edit(request, case, perms):
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    waiting = review.open_change(case)
    if data is None and waiting is not None:
        data = waiting.as_querydict()  # the editor's own change that waits: they go on from there
    before = case.snapshot() if request.method == "POST" and case.pk else None  # before the form touches the instance
    form = CaseForm(data, instance=case, user=request.user)
    formsets = case_formsets(request.user, data, files, instance=case)
    in_review = review.needs_review(case)
    if request.method == "POST" and review.is_valid(form, formsets):
        if in_review:
            if review.refuse_new_photos(formsets["images"]):
                return _propose(request, case, before, form, formsets)
        else:
            return _save(request, case, before, form, formsets)
    context = {
        "case": case if case.pk else None,
        "perms": perms,
        "form": form,
        "formsets": formsets,
        "photos_lost": data is not None and bool(files),
        "in_review": in_review,
        "waiting": waiting,
    }
    return render(request, "cases/form.html", context, status=200)


def _save(request, case, before, form, formsets):
    """A new case, a draft or a withdrawn one: nobody else sees it yet, so it is saved at once."""
    with transaction.atomic():
        created = case.pk is None
        case = form.save()
        for formset in formsets.values():
            formset.instance = case
            formset.save()
        case.refresh_search_document()  # themes, partners and factors may have changed
        case.record_changes(by=request.user, before=None if created else before)
        review.close_open_change(case)
    messages.success(request, _("De casus is opgeslagen."))
    if "_submit" in request.POST:
        try:
            case.submit(by=request.user)
            messages.success(request, _("De casus is ingediend. Een begeleider kijkt ernaar."))
        except Refused as error:
            messages.error(request, error.message)
    if "_continue" in request.POST:
        return redirect("cases:edit", slug=case.slug)
    return redirect(case)


def _propose(request, case, before, form, formsets):
    """A published case: the change waits for a facilitator and the published version stays online."""
    changes = case.describe_changes(before, review.snapshot_of(case, form, formsets))
    review.propose(case, by=request.user, data=review.form_data(request.POST), changes=changes)
    messages.success(
        request, _("Je wijziging is opgeslagen en wacht op een begeleider. Tot die tijd staat de vorige versie online.")
    )
    if "_continue" in request.POST:
        return redirect("cases:edit", slug=case.slug)
    return redirect(case)


@require_POST
@login_required
def delete(request, slug):
    case, _perms = get_case_for_user(request, slug, need="can_delete")
    title = case.title
    for image in case.images.all():
        image.delete()
    case.delete()
    messages.success(request, _("De casus ‘%(title)s’ is verwijderd.") % {"title": title})
    return redirect("profile")
