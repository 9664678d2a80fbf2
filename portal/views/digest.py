"""*Wat is er opgehaald*: a short digest of a published meeting, for those who were not there."""

from django.http import Http404
from django.shortcuts import render

from meetings.access import get_meeting_for_user
from portal import queries


def digest(request, slug):
    meeting = get_meeting_for_user(request, slug)
    if not meeting.has_harvest:
        raise Http404
    context = {"meeting": meeting, "digest": queries.harvest_digest(meeting, user=request.user)}
    return render(request, "portal/digest.html", context)
