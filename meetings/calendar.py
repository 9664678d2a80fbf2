"""Calendar entries (iCalendar, RFC 5545) for meetings: one meeting, or a feed of all.

A downloadable calendar never carries the online meeting link: the public feed is
cached and shared, and a file is forwarded. It says where the link is instead (the
meeting page, for registered participants). Only the registration e-mail, sent to
the registered member, attaches an entry with the link (``with_online_link``).
"""

from datetime import timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils.translation import gettext as _

from cop.richtext import plain_lines

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PRODID = "-//Weten wat werkt//CoP gebiedsgericht werken Gelderland//NL"


def _uid(meeting):
    host = urlsplit(settings.SITE_URL).hostname or "wetenwatwerkt.invalid"
    return f"meeting-{meeting.pk}@{host}"


def _online_hint():
    return _("Online; de link staat op de bijeenkomstpagina voor aangemelde deelnemers")


def _location(meeting, with_online_link):
    parts = [part for part in (meeting.location_name, meeting.address) if part]
    if not parts and meeting.online_url:
        parts.append(meeting.online_url if with_online_link else _online_hint())
    return ", ".join(parts)


def _description(meeting, url, with_online_link):
    lines = [meeting.goal.strip()] if meeting.goal.strip() else []
    agenda = plain_lines(meeting.agenda)
    if agenda:
        lines.append(agenda)
    if meeting.online_url:
        lines.append(f"{_('Online')}: {meeting.online_url}" if with_online_link else f"{_online_hint()}: {url}")
    lines.append(url)
    return "\n\n".join(lines)


def _event(meeting, with_online_link):
    url = settings.SITE_URL + meeting.get_absolute_url()
    event = icalendar.Event()
    event.add("uid", _uid(meeting))
    # DTSTAMP is the entry's last change, not the moment of download, so that a meeting
    # gives the same bytes (and ETag) from every worker until it changes (RFC 5545 3.8.7.2
    # allows this when the object is not sent by a scheduling method).
    event.add("dtstamp", meeting.updated_at)
    event.add("dtstart", meeting.starts_at.astimezone(AMSTERDAM))
    event.add("dtend", meeting.end.astimezone(AMSTERDAM))
    event.add("summary", meeting.title)
    event.add("description", _description(meeting, url, with_online_link))
    event.add("url", url)
    location = _location(meeting, with_online_link)
    if location:
        event.add("location", location)
    # A meeting that is called off stays in people's calendars unless it says so.
    event.add("status", "CONFIRMED")
    event.add("last-modified", meeting.updated_at)
    return event


def calendar_bytes(meetings, *, name="", with_online_link=False):
    """An iCalendar document with one event per meeting, times in Europe/Amsterdam.

    ``with_online_link`` only for the registered member's own e-mail: see the module's docstring.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", "Europe/Amsterdam")
    meetings = list(meetings)
    for meeting in meetings:
        calendar.add_component(_event(meeting, with_online_link))
    if meetings:
        first = min(m.starts_at for m in meetings).astimezone(AMSTERDAM).date() - timedelta(days=366)
        last = max(m.end for m in meetings).astimezone(AMSTERDAM).date() + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()
