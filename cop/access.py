"""Access and refusal helpers every app shares: one facilitator check, one refusal, one way to say it.

``facilitator_required`` guards a view (visitors to the log-in page, members 403);
``require_facilitator(user)`` is the same check inside a view that first looked up its
object (so that outsiders get that object's 404 first). A model state change that the
current state does not allow raises ``Refused`` with a Dutch message for the person;
``run_or_refuse`` runs such a change and turns a refusal into an error message.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from cop.roles import is_facilitator, is_member


def require_facilitator(user):
    if not is_facilitator(user):
        raise PermissionDenied


def facilitator_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_member(request.user):
            return redirect_to_login(request.get_full_path())
        require_facilitator(request.user)
        return view(request, *args, **kwargs)

    return wrapper


class Refused(Exception):  # noqa: N818 (a refusal, not a programming error)
    """A state change that is not allowed now; ``message`` says why, in Dutch, for the person."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def run_or_refuse(request, change, success=""):
    """Run ``change()``; on ``Refused`` show its message and return None, else show ``success`` and return the result."""
    try:
        result = change()
    except Refused as refused:
        messages.error(request, refused.message)
        return None
    if success:
        messages.success(request, success)
    return result
