from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from meetings.models import Meeting


def meeting_list(request):
    meetings = Meeting.objects.visible_to(request.user).select_related("series")
    now = timezone.now()
    return render(
        request,
        "meetings/list.html",
        {"upcoming": meetings.upcoming(now), "past": meetings.past(now)},
    )


def detail(request, slug):
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user), slug=slug)
    return render(request, "meetings/detail.html", {"meeting": meeting})
