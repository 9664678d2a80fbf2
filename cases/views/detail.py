"""The case page and its revision history."""

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone

from cases.access import get_case_for_user
from cases.forms import HideReflectionForm, ReflectionForm, SendBackForm
from cases.models import Reflection
from cop.roles import is_member
from factors.models import Factor


def factor_links_for(case, user):
    """The case's factors a reader may see named: a proposal only by whom ``Factor.visible_to`` shows it.

    Retired factors stay (they were public and the case's story still names them);
    a proposal is the community's unfinished work, never on a public page.
    """
    proposed = Q(factor__status=Factor.Status.PROPOSED)
    return case.factor_links.filter(~proposed | Q(factor__in=Factor.objects.visible_to(user)))


def detail(request, slug):
    case, perms = get_case_for_user(request, slug)
    user = request.user
    reflections = (
        Reflection.objects.visible_to(user)
        .filter(case=case)
        .select_related("author__profile")
        .order_by("perspective", "created_at", "pk")
    )
    context = {
        "case": case,
        "perms": perms,
        # Lists: the template reads them more than once (first image, meta tags).
        "images": list(case.images.all()),
        # "working" sorts after "obstacle": descending puts the working factors first.
        "factor_links": factor_links_for(case, user).select_related("factor").order_by("-factor__kind", "order", "pk"),
        "partners": case.partners.select_related("organisation"),
        "links": case.links.all(),
        "themes": list(case.themes.all()),
        **_presented(case.meetings.visible_to(user).order_by("-starts_at")),
        "reflections": reflections,
        "related": case.related_for(user),
        "reflection_form": ReflectionForm(user=user) if is_member(user) and perms.can_reflect else None,
        "send_back_form": SendBackForm() if perms.can_send_back else None,
        "hide_form": HideReflectionForm() if perms.is_facilitator else None,
        # The latest change that waited for review (cases.review): open, or rejected with a message.
        "change": case.pending_changes.order_by("-created_at", "-pk").first()
        if perms.is_editor or perms.is_facilitator
        else None,
    }
    return render(request, "cases/detail.html", context)


@login_required
def revisions(request, slug):
    case, _perms = get_case_for_user(request, slug, need="can_see_revisions")
    entries = case.revisions.select_related("author__profile").order_by("-created_at", "-pk")
    return render(request, "cases/revisions.html", {"case": case, "revisions": entries})


def _presented(meetings):
    """The meetings the case was presented at, and those where it will be (not "presented" yet)."""
    now = timezone.now()
    meetings = list(meetings)
    return {
        "meetings": [meeting for meeting in meetings if meeting.starts_at < now],
        "upcoming_meetings": sorted(
            (meeting for meeting in meetings if meeting.starts_at >= now), key=lambda m: m.starts_at
        ),
    }
