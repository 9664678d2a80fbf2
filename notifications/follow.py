"""The follow button (htmx, with a plain form for browsers without JavaScript) and follow look-ups."""

from django.template.loader import render_to_string

from cop.roles import is_member
from notifications.models import Follow
from notifications.targets import FOLLOWABLE

# The name of each followable kind in URLs (/profiel/volgen/<slug>/<pk>/).
SLUGS = {
    "factor": "factor",
    "theme": "thema",
    "municipality": "gemeente",
    "series": "reeks",
    "case": "casus",
    "term": "begrip",
}


def slug_of(model):
    return SLUGS[model._meta.model_name]


def model_of(slug):
    for model in FOLLOWABLE:
        if SLUGS[model._meta.model_name] == slug:
            return model
    return None


def is_following(user, obj):
    """One query on every page with a button (joined to the content types, so no cache decides the count)."""
    meta = obj._meta
    return Follow.objects.filter(
        user=user, target_type__app_label=meta.app_label, target_type__model=meta.model_name, target_id=obj.pk
    ).exists()


def button_context(request, obj, following):
    return {
        "object": obj,
        "following": following,
        "kind": slug_of(type(obj)),
        "kind_label": FOLLOWABLE[type(obj)],
        "next": request.get_full_path(),
    }


def render_button(request, obj):
    """The button for ``obj`` on its page: for signed-in members only (a visitor follows by feed)."""
    if type(obj) not in FOLLOWABLE or not is_member(request.user):
        return ""
    context = button_context(request, obj, is_following(request.user, obj))
    return render_to_string("notifications/partials/follow_button.html", context, request=request)
