"""Who may do what on the "Wat werkt" pages, built on ``Factor.objects.visible_to``.

Visitors are sent to log in, members who lack the role get 403, and a factor
someone may not see is a 404, whatever they try to do with it.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404

from cop.access import facilitator_required  # noqa: F401  (the factors views import it from here)
from cop.roles import is_member
from factors.models import Factor


def member_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_member(request.user):
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


def get_factor_for_user(request, slug, queryset=None):
    """The factor ``slug`` if ``request.user`` may see it, else 404."""
    queryset = queryset if queryset is not None else Factor.objects.all()
    return get_object_or_404(queryset.visible_to(request.user), slug=slug)
