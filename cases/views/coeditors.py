"""Co-editors: the owner invites existing members by e-mail address, and can remove them."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases.access import get_case_for_user
from cases.forms import CoEditorForm
from cop.utils import one_line


def _page(request, case, perms, form, status=200):
    editors = case.co_editors.select_related("profile").order_by("email")
    context = {"case": case, "perms": perms, "form": form, "co_editors": editors}
    return render(request, "cases/coeditors.html", context, status=status)


@login_required
def coeditors(request, slug):
    case, perms = get_case_for_user(request, slug, need="can_edit")
    return _page(request, case, perms, CoEditorForm(case=case))


@require_POST
@login_required
def invite(request, slug):
    case, perms = get_case_for_user(request, slug, need="can_manage_coeditors")
    form = CoEditorForm(request.POST, case=case)
    if not form.is_valid():
        return _page(request, case, perms, form)
    user = form.cleaned_data["user"]
    with transaction.atomic():
        case.co_editors.add(user)
        case.revisions.create(
            author=request.user,
            action="coeditor_added",
            changes={"co_editors": {"label": _("mede-auteurs"), "added": [user.get_full_name()], "removed": []}},
        )
    send_mail(
        # One line: a header cannot hold a line break (BadHeaderError, a 500 after adding).
        one_line(_("Je bent mede-auteur van ‘%(title)s’") % {"title": case.title}),
        _("%(name)s heeft je uitgenodigd om mee te schrijven aan de casus ‘%(title)s’: %(url)s")
        % {
            "name": request.user.get_full_name(),
            "title": case.title,
            "url": settings.SITE_URL + case.get_absolute_url(),
        },
        None,
        [user.email],
        fail_silently=True,
    )
    messages.success(request, _("%(name)s is nu mede-auteur.") % {"name": user.get_full_name()})
    return redirect("cases:coeditors", slug=case.slug)


@require_POST
@login_required
def remove(request, slug, user_id):
    case, _perms = get_case_for_user(request, slug, need="can_manage_coeditors")
    user = get_object_or_404(case.co_editors.all(), pk=user_id)
    with transaction.atomic():
        case.co_editors.remove(user)
        case.revisions.create(
            author=request.user,
            action="coeditor_removed",
            changes={"co_editors": {"label": _("mede-auteurs"), "added": [], "removed": [user.get_full_name()]}},
        )
    messages.success(request, _("%(name)s is geen mede-auteur meer.") % {"name": user.get_full_name()})
    return redirect("cases:coeditors", slug=case.slug)
