"""Reflections of peers on a published case: write, edit and delete one's own; facilitators hide."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases.access import get_case_for_user, get_reflection_for_user
from cases.forms import HideReflectionForm, ReflectionForm
from cases.models import Reflection
from cases.signals import reflection_posted
from cop.access import Refused
from cop.tasks import send_on_commit


def _back(case):
    return redirect(case.get_absolute_url() + "#reflecties")


@login_required
def create(request, slug):
    case, perms = get_case_for_user(request, slug)
    if not perms.can_reflect:
        raise PermissionDenied
    form = ReflectionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        reflection = form.save(commit=False)
        reflection.case, reflection.author = case, request.user
        reflection.save()
        send_on_commit(reflection_posted, sender=Reflection, reflection=reflection)
        messages.success(request, _("Dank je wel voor je reflectie."))
        return _back(case)
    return render(request, "cases/reflection_form.html", {"case": case, "form": form})


@login_required
def edit(request, slug, pk):
    case, reflection = get_reflection_for_user(request, slug, pk, need="author")
    form = ReflectionForm(request.POST or None, instance=reflection)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Je reflectie is bijgewerkt."))
        return _back(case)
    return render(request, "cases/reflection_form.html", {"case": case, "form": form, "reflection": reflection})


@require_POST
@login_required
def delete(request, slug, pk):
    case, reflection = get_reflection_for_user(request, slug, pk, need="author")
    reflection.delete()
    messages.success(request, _("Je reflectie is verwijderd."))
    return _back(case)


@require_POST
@login_required
def hide(request, slug, pk):
    case, reflection = get_reflection_for_user(request, slug, pk, need="facilitator")
    form = HideReflectionForm(request.POST)
    if not form.is_valid():
        return render(request, "cases/reflection_hide.html", {"case": case, "reflection": reflection, "form": form})
    try:
        reflection.hide(by=request.user, reason=form.cleaned_data["reason"])
    except Refused as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("De reflectie is verborgen."))
    return _back(case)


@require_POST
@login_required
def unhide(request, slug, pk):
    case, reflection = get_reflection_for_user(request, slug, pk, need="facilitator")
    reflection.unhide(by=request.user)
    messages.success(request, _("De reflectie is weer zichtbaar."))
    return _back(case)
