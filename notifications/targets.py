"""The kinds of things notifications are about and members follow: who may see them, where they are.

Every check goes through the owning app's ``visible_to`` queryset, so a notification, a digest item or
a follow button never shows what the recipient may not see.
"""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from cases.invitations import open_invitations_for
from cases.models import Case, CoEditorInvitation
from cop.models import Municipality, Term, Theme
from factors.models import Factor
from meetings.models import Series

# Model → what to call it on the profile's list of follows.
FOLLOWABLE = {
    Factor: _("factor"),
    Theme: _("thema"),
    Municipality: _("gemeente"),
    Series: _("reeks"),
    Case: _("casus"),
    Term: _("begrip"),
}


def visible_queryset(model, user):
    """The objects of ``model`` that ``user`` may see."""
    if model is CoEditorInvitation:
        return open_invitations_for(user)
    if model in (Theme, Municipality):
        return model.objects.all()
    return model.objects.visible_to(user)


def visible_ids(user, pairs):
    """Of ``pairs`` (content type id, object id), those ``user`` may see: one query per kind of object."""
    by_type = {}
    for type_id, object_id in pairs:
        by_type.setdefault(type_id, set()).add(object_id)
    allowed = set()
    for type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        found = visible_queryset(model, user).filter(pk__in=ids).values_list("pk", flat=True)
        allowed.update((type_id, pk) for pk in found)
    return allowed


def may_see(user, obj):
    return visible_queryset(type(obj), user).filter(pk=obj.pk).exists()


def url_of(obj):
    """The path of ``obj`` on the site (themes and municipalities: the case library filtered on them)."""
    if isinstance(obj, Theme):
        return reverse("cases:library") + "?" + urlencode({"thema": obj.slug})
    if isinstance(obj, Municipality):
        return reverse("cases:library") + "?" + urlencode({"gemeente": obj.slug})
    if isinstance(obj, CoEditorInvitation):
        return reverse("profile") + "#profile-invitations-title"
    return obj.get_absolute_url()


def type_of(model_or_obj):
    return ContentType.objects.get_for_model(model_or_obj)
