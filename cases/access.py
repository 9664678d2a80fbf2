"""Who may do what with a case, built on ``Case.objects.visible_to(user)``.

Outsiders (who may not see a case) get 404, so that a draft's existence stays
private; members who may see it but not do the action get 403.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from cases.models import Case, Reflection
from cop.access import require_facilitator  # noqa: F401  (the cases views import it from here)
from cop.roles import is_facilitator, is_member


@dataclass(frozen=True)
class CasePermissions:
    """The flags templates read; views check the same ones."""

    is_owner: bool
    is_editor: bool
    is_facilitator: bool
    status: str

    @property
    def can_edit(self):
        return self.is_editor

    @property
    def can_submit(self):
        return self.is_editor and self.status in (Case.Status.DRAFT, Case.Status.WITHDRAWN)

    @property
    def can_withdraw(self):
        return self.is_owner and self.status in (Case.Status.SUBMITTED, Case.Status.PUBLISHED)

    @property
    def can_delete(self):
        return self.is_owner

    @property
    def can_manage_coeditors(self):
        return self.is_owner

    @property
    def can_publish(self):
        return self.is_facilitator and self.status == Case.Status.SUBMITTED

    @property
    def can_send_back(self):
        return self.is_facilitator and self.status in (Case.Status.SUBMITTED, Case.Status.PUBLISHED)

    @property
    def can_see_revisions(self):
        return self.is_editor or self.is_facilitator

    @property
    def can_reflect(self):
        return self.status == Case.Status.PUBLISHED


def permissions_for(user, case):
    member = is_member(user)
    owner = member and case.owner_id == user.pk
    return CasePermissions(
        is_owner=owner,
        is_editor=owner or case.is_editor(user),
        is_facilitator=is_facilitator(user),
        status=case.status,
    )


def get_case_for_user(request, slug, *, need=None):
    """The case at ``slug`` if ``request.user`` may see it (else 404), with its permissions.

    ``need`` names a permission flag (``"can_edit"``); without it the member gets 403.
    """
    cases = Case.objects.visible_to(request.user).select_related("area", "municipality", "organisation")
    case = get_object_or_404(cases, slug=slug)
    perms = permissions_for(request.user, case)
    if need and not getattr(perms, need):
        raise PermissionDenied
    return case, perms


def get_reflection_for_user(request, slug, pk, *, need):
    """A reflection on a case the user can see; ``need`` is ``"author"`` or ``"facilitator"``."""
    case, perms = get_case_for_user(request, slug)
    reflection = get_object_or_404(Reflection.objects.visible_to(request.user), case=case, pk=pk)
    allowed = reflection.author_id == request.user.pk if need == "author" else perms.is_facilitator
    if not allowed:
        raise PermissionDenied
    return case, reflection
