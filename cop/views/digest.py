"""*Wat is er opgehaald*: a short digest of a published meeting, for those who were not there."""

from django.http import Http404
from django.shortcuts import render

from cop import portal
from meetings.access import get_meeting_for_user


def digest(request, slug):
    meeting = get_meeting_for_user(request, slug)
    if not meeting.has_harvest:
        raise Http404
    context = {"meeting": meeting, "digest": portal.harvest_digest(meeting, user=request.user)}
    return render(request, "portal/digest.html", context)
