"""Public pages: the meetings list, a meeting before, during and after, series, calendars."""

import hashlib

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag
from django.utils.translation import gettext as _

from cases.models import Case
from cop.roles import is_facilitator, is_member
from meetings.access import get_meeting_for_user
from meetings.calendar import calendar_bytes
from meetings.harvest import build_harvest
from meetings.models import Meeting, Registration, Series

PAST_PER_PAGE = 20


def meeting_list(request):
    meetings = Meeting.objects.visible_to(request.user).for_list()
    now = timezone.now()
    past = Paginator(meetings.past(now), PAST_PER_PAGE).get_page(request.GET.get("pagina"))
    context = {
        "upcoming": meetings.upcoming(now)[:50],
        "past": past,
        "can_manage": is_facilitator(request.user),
    }
    return render(request, "meetings/list.html", context)


def detail(request, slug):
    meeting = get_meeting_for_user(request, slug)
    can_manage = is_facilitator(request.user)
    registration = None
    if is_member(request.user):
        registration = Registration.objects.filter(meeting=meeting, user=request.user).first()
    show_harvest = meeting.has_harvest or (can_manage and meeting.status == Meeting.Status.CLOSED)
    context = {
        "meeting": meeting,
        "can_manage": can_manage,
        "registration": registration,
        "counts": meeting.counts()
        if meeting.capacity or can_manage or meeting.status != Meeting.Status.PLANNED
        else None,
        "took_part": meeting.live_participant_count() if meeting.status != Meeting.Status.PLANNED else None,
        "facilitators": meeting.facilitators.select_related("profile__organisation"),
        "cases": Case.objects.visible_to(request.user).filter(meetings=meeting).order_by("title"),
        "harvest": build_harvest(meeting) if show_harvest else None,
        "harvest_preview": show_harvest and not meeting.has_harvest,
        "images": meeting.harvest_images.all() if show_harvest else (),
        "agreed_versions": meeting.agreed_term_versions.select_related("term") if show_harvest else (),
    }
    return render(request, "meetings/detail.html", context)


def series_detail(request, slug):
    series = get_object_or_404(Series.objects.visible_to(request.user), slug=slug)
    meetings = Meeting.objects.visible_to(request.user).for_list().filter(series=series).order_by("starts_at")
    return render(
        request,
        "meetings/series_detail.html",
        {"series": series, "meetings": meetings, "can_manage": is_facilitator(request.user)},
    )


def _ics_response(request, content, filename, disposition="attachment"):
    """The calendar with an ETag of its bytes; a revisit with that ETag gets a 304.

    The bytes change only when a meeting does (DTSTAMP is its last change), so every
    worker gives the same ETag and a calendar app's poll costs no download.
    """
    etag = quote_etag(hashlib.sha256(content).hexdigest()[:32])
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["ETag"] = etag
    return response


def meeting_ics(request, slug):
    meeting = get_meeting_for_user(request, slug)
    return _ics_response(request, calendar_bytes([meeting]), f"{meeting.slug}.ics")


def calendar_feed(request):
    """All public meetings of the last year and the future, to subscribe to in a calendar app."""
    since = timezone.now() - timezone.timedelta(days=365)
    meetings = Meeting.objects.public().filter(starts_at__gte=since).order_by("starts_at")
    content = calendar_bytes(meetings, name=_("Bijeenkomsten · Weten wat werkt"))
    return _ics_response(request, content, "bijeenkomsten.ics", disposition="inline")
