"""Co-editors: the owner invites by e-mail address, the invitee accepts or declines, the owner removes.

Issue 14 (accounts could be enumerated): the owner's answer is the same for every
address, known or not, and takes as long (``cases.invitations``); only a member gets
the invitation and becomes co-editor by accepting it. The page names co-editors,
never their e-mail addresses.
"""

import time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cases import invitations
from cases.access import get_case_for_user
from cases.forms import CoEditorForm
from cases.models import CoEditorInvitation, invitation_token_hash
from cases.signals import coeditor_invited
from cop.tasks import enqueue, mail_as_data, send_on_commit, send_prepared_mail

SENT = gettext_lazy(
    "Als er een deelnemer met dit adres is, krijgt die een uitnodiging. "
    "Neemt die haar aan, dan staat die hier bij de mede-auteurs."
)


def _masked(email):
    """``d…@example.org``: enough for the owner to tell their invitations apart, not an address to show around."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}…@{domain}"


def _page(request, case, perms, form, status=200):
    editors = case.co_editors.select_related("profile__organisation").order_by("profile__display_name", "pk")
    rows = [
        {
            "pk": editor.pk,
            "name": invitations.display_name(editor),
            "organisation": getattr(getattr(editor, "profile", None), "organisation", None),
        }
        for editor in editors
    ]
    pending = []
    if perms.can_manage_coeditors:
        pending = [
            {"pk": invitation.pk, "to": _masked(invitation.email), "sent": invitation.created_at}
            for invitation in case.invitations.listed().order_by("-created_at", "-pk")
        ]
    context = {"case": case, "perms": perms, "form": form, "co_editors": rows, "invitations": pending}
    return render(request, "cases/coeditors.html", context, status=status)


def _form(request, case, data=None):
    return CoEditorForm(data, case=case, own_addresses=invitations.addresses_of(request.user))


@login_required
def coeditors(request, slug):
    case, perms = get_case_for_user(request, slug, need="can_edit")
    return _page(request, case, perms, _form(request, case))


def _too_many(request, case, perms, form):
    form.add_error(
        None,
        _("Je hebt het afgelopen uur al %(count)s uitnodigingen verstuurd. Probeer het over een uur opnieuw.")
        % {"count": invitations.rate_limit()},
    )
    return _page(request, case, perms, form, status=429)


@require_POST
@login_required
def invite(request, slug):
    started = time.monotonic()
    case, perms = get_case_for_user(request, slug, need="can_manage_coeditors")
    form = _form(request, case, request.POST)
    if invitations.rate_limited(request.user):
        return _too_many(request, case, perms, form)
    if not form.is_valid():
        return _page(request, case, perms, form)
    if not invitations.count_invitation(request.user):
        return _too_many(request, case, perms, form)
    email = form.cleaned_data["email"]
    # The same work for every address: a row, a look-up and a rendered mail; only a member is sent it.
    invitation, token = CoEditorInvitation.issue(case=case, email=email, invited_by=request.user)
    message = invitations.invitation_mail(invitation, token, inviter=request.user)
    invitee = invitations.member_with_address(email)
    if invitee is not None and invitee.pk != case.owner_id and not case.co_editors.filter(pk=invitee.pk).exists():
        # Only a member is sent it, from the task queue: a slow mail server cannot make this answer tell
        # anything. The member also finds it among their notifications (notifications subscribes).
        message.to = [invitee.email]
        enqueue(send_prepared_mail, mail_as_data(message))
        send_on_commit(coeditor_invited, sender=CoEditorInvitation, invitation=invitation, invitee=invitee)
    invitations.answer_no_sooner_than(started)
    messages.success(request, SENT)
    return redirect("cases:coeditors", slug=case.slug)


@require_POST
@login_required
def withdraw_invitation(request, slug, pk):
    case, _perms = get_case_for_user(request, slug, need="can_manage_coeditors")
    get_object_or_404(case.invitations.listed(), pk=pk).delete()
    messages.success(request, _("De uitnodiging is ingetrokken."))
    return redirect("cases:coeditors", slug=case.slug)


def _invitation_for(request, *, token=None, pk=None, lock=False):
    """The open invitation with ``token`` (the mail's link) or ``pk`` (the profile page), addressed to the
    signed-in member; otherwise 404, which never tells for whom it is."""
    invitations_ = CoEditorInvitation.objects.open().select_related("case", "invited_by__profile")
    if lock:
        invitations_ = invitations_.select_for_update(of=("self",))
    if token is not None:
        invitations_ = invitations_.filter(token_hash=invitation_token_hash(token))
    else:
        invitations_ = invitations_.filter(pk=pk)
    invitation = invitations_.first()
    if invitation is None or invitation.email not in invitations.addresses_of(request.user):
        raise Http404(_("Deze uitnodiging bestaat niet, is verlopen of is niet voor jou."))
    return invitation


@login_required
def invitation(request, token):
    found = _invitation_for(request, token=token)
    context = {
        "invitation": found,
        "case": found.case,
        "token": token,
        "inviter": invitations.display_name(found.invited_by),
    }
    return render(request, "cases/invitation.html", context)


@require_POST
@login_required
def accept_invitation(request, token=None, pk=None):
    with transaction.atomic():
        found = _invitation_for(request, token=token, pk=pk, lock=True)
        case, user = found.case, request.user
        found.accepted_at = timezone.now()
        found.save(update_fields=["accepted_at"])
        if case.owner_id != user.pk and not case.co_editors.filter(pk=user.pk).exists():
            case.co_editors.add(user)
            case.revisions.create(
                author=user,
                action="coeditor_added",
                message=_("Uitnodiging aangenomen."),
                changes={
                    "co_editors": {
                        "label": _("mede-auteurs"),
                        "added": [invitations.display_name(user)],
                        "removed": [],
                    }
                },
            )
    messages.success(request, _("Je bent nu mede-auteur van ‘%(title)s’.") % {"title": case.title})
    return redirect(case.get_absolute_url())


@require_POST
@login_required
def decline_invitation(request, token=None, pk=None):
    with transaction.atomic():
        found = _invitation_for(request, token=token, pk=pk, lock=True)
        found.declined_at = timezone.now()
        found.save(update_fields=["declined_at"])
    messages.success(request, _("Je hebt de uitnodiging afgeslagen."))
    return redirect("profile")


@require_POST
@login_required
def remove(request, slug, user_id):
    case, _perms = get_case_for_user(request, slug, need="can_manage_coeditors")
    user = get_object_or_404(case.co_editors.all(), pk=user_id)
    name = invitations.display_name(user)
    with transaction.atomic():
        case.co_editors.remove(user)
        case.revisions.create(
            author=request.user,
            action="coeditor_removed",
            changes={"co_editors": {"label": _("mede-auteurs"), "added": [], "removed": [name]}},
        )
    messages.success(request, _("%(name)s is geen mede-auteur meer.") % {"name": name})
    return redirect("cases:coeditors", slug=case.slug)
