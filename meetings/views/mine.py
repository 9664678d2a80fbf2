"""A facilitator's landing page after logging in: "Mijn bijeenkomsten" (/bijeenkomsten/mijn/)."""

from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone

from cases.models import Case
from cop.access import facilitator_required
from meetings.models import Meeting

CASES_LISTED = 10


@facilitator_required
def my_meetings(request):
    """Live now, coming up, harvests to publish (hers and those without a facilitator), and cases to review."""
    now = timezone.now()
    meetings = list(
        Meeting.objects.filter(Q(facilitators=request.user) | Q(facilitators__isnull=True))
        .filter(
            Q(status=Meeting.Status.LIVE)
            | Q(status=Meeting.Status.CLOSED)
            | Q(status=Meeting.Status.PLANNED, starts_at__gte=now - timezone.timedelta(days=1))
        )
        .select_related("series")
        .distinct()
        .order_by("starts_at", "pk")
    )
    cases = list(
        Case.objects.filter(status=Case.Status.SUBMITTED)
        .select_related("organisation")
        .order_by("submitted_at", "pk")[: CASES_LISTED + 1]
    )
    context = {
        "live": [m for m in meetings if m.status == Meeting.Status.LIVE],
        "upcoming": [m for m in meetings if m.status == Meeting.Status.PLANNED],
        "to_publish": [m for m in meetings if m.status == Meeting.Status.CLOSED],
        "cases": cases[:CASES_LISTED],
        "more_cases": len(cases) > CASES_LISTED,
        "nav_section": "meetings",
    }
    return render(request, "meetings/mine.html", context)
