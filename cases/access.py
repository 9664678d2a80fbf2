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

# Who may take each workflow step; the states it starts from are Case.STEP_FROM.
STEP_ROLE = {"submit": "is_editor", "publish": "is_facilitator", "send_back": "is_facilitator", "withdraw": "is_owner"}


@dataclass(frozen=True)
class CasePermissions:
    """The flags templates read; views check the same ones."""

    is_owner: bool
    is_editor: bool
    is_facilitator: bool
    status: str

    def may(self, step):
        """Whether this user may take workflow ``step`` now: the right role and a state it starts from."""
        return getattr(self, STEP_ROLE[step]) and self.status in Case.STEP_FROM[step]

    @property
    def can_edit(self):
        return self.is_editor

    @property
    def can_submit(self):
        return self.may("submit")

    @property
    def can_withdraw(self):
        return self.may("withdraw")

    @property
    def can_delete(self):
        return self.is_owner

    @property
    def can_manage_coeditors(self):
        return self.is_owner

    @property
    def can_publish(self):
        return self.may("publish")

    @property
    def can_send_back(self):
        return self.may("send_back")

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


def get_case_for_step(request, slug, step):
    """The case at ``slug`` for workflow ``step``: 404 for outsiders, 403 without the step's role.

    A member with the role but a case in another state gets the model's refusal
    (a message on the case page), not a 403.
    """
    case, _perms = get_case_for_user(request, slug, need=STEP_ROLE[step])
    return case


def get_reflection_for_user(request, slug, pk, *, need):
    """A reflection on a case the user can see; ``need`` is ``"author"`` or ``"facilitator"``."""
    case, perms = get_case_for_user(request, slug)
    reflection = get_object_or_404(Reflection.objects.visible_to(request.user), case=case, pk=pk)
    allowed = reflection.author_id == request.user.pk if need == "author" else perms.is_facilitator
    if not allowed:
        raise PermissionDenied
    return case, reflection
