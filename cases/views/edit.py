"""Telling a case: create and edit with the inline rows (factors, partners, photos, links), and delete."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

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
    before = case.snapshot() if data is not None and case.pk else None  # before the form touches the instance
    form = CaseForm(data, instance=case, user=request.user)
    formsets = case_formsets(request.user, data, files, instance=case)
    if data is not None and form.is_valid() and all(fs.is_valid() for fs in formsets.values()):
        with transaction.atomic():
            created = case.pk is None
            case = form.save()
            for formset in formsets.values():
                formset.instance = case
                formset.save()
            case.record_changes(by=request.user, before=None if created else before)
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
    context = {
        "case": case if case.pk else None,
        "perms": perms,
        "form": form,
        "formsets": formsets,
        "photos_lost": data is not None and bool(files),
    }
    return render(request, "cases/form.html", context, status=200)


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
