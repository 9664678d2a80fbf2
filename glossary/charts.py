"""A term's definition history as a chart of the visuals library (no query here)."""

from django.utils import timezone

import visuals
from cop.richtext import plain_text


def timeline_row(version, meetings):
    meeting = meetings[0] if meetings else None
    return {
        "number": version.number,
        "date": timezone.localtime(version.accepted_at or version.created_at).date(),
        "text": plain_text(version.definition),
        "note": version.note,
        "meeting": meeting.title if meeting else "",
        "meeting_url": meeting.get_absolute_url() if meeting else "",
    }


def term_timeline_chart(term, *, uid="definitie-historie"):
    """The timeline from the versions a term page already loaded (``Term.objects.with_versions(user)``; no query)."""
    rows = [
        timeline_row(version, sorted(version.agreed_in_meetings.all(), key=lambda m: m.starts_at))
        for version in term.accepted_versions
    ]
    return visuals.definition_timeline(rows, term=term.name, uid=uid)
