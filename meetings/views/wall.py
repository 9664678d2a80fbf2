"""The projector wall (/live/<code>/muur/): the page, its poll and its push stream.

The wall's cursor is the meeting's ``live_version`` it last drew. A poll answers
204 (nothing new), just the contributions after the cursor, or a redraw; the
stream (``meetings.push``) sends the same new contributions the moment they are
stored, and "redraw" for anything else. Both carry the version they bring the
wall to, so a wall that lost its connection catches up without showing a
contribution twice.
"""

import json
import queue
import re
import time
from collections import Counter
from functools import lru_cache

from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from cop.models import anonymous_label
from meetings.access import live_meeting
from meetings.harvest import group
from meetings.models import LIVE_VERSIONS, Contribution, Meeting
from meetings.push import HUB
from meetings.qr import qr_data_uri
from meetings.views.live import answers_unchanged_polls

# Words the word cloud leaves out: Dutch function words that say nothing about the round.
STOPWORD_TEXT = """de het een en of maar dat die dit deze van in op aan met voor door naar bij uit over om tot als
    is zijn was waren wordt worden werd heeft hebben had kan kunnen moet moeten wil willen zal zou
    niet geen wel ook nog al dan toen er hier daar waar wat wie hoe je jij jullie we wij ze zij hij
    u ik me mij mijn ons onze hun haar zich zo heel veel meer minder echt gewoon andere elkaar
    te ja nee want omdat dus zodat hebt bent ben gaat gaan komt komen doen doet"""
STOPWORDS = frozenset(STOPWORD_TEXT.split())
WORD = re.compile(r"[^\W\d_][\w'-]*[^\W_]|[^\W\d_]{2,}")
CLOUD_SIZE = 40
STREAM_SECONDS = 300  # a stream ends after this long; the wall opens a new one with its cursor
HEARTBEAT_SECONDS = 15


@lru_cache(maxsize=64)
def _join_qr(url, title):
    return qr_data_uri(url, title=title)


def word_cloud(texts):
    """``[(word, count, size 1–5)]`` of the most used words, in alphabetical order."""
    counts = Counter(
        word.lower() for text in texts for word in WORD.findall(text) if word.lower() not in STOPWORDS and len(word) > 2
    )
    common = counts.most_common(CLOUD_SIZE)
    if not common:
        return []
    top = common[0][1]
    return sorted(((word, n, 1 + round(4 * (n - 1) / max(1, top - 1))) for word, n in common), key=lambda w: w[0])


# The most notes a wall page draws; older ones are counted ("… eerdere bijdragen"). More than
# fit on a 1920x1080 screen even at the smallest note size (wall.js leaves out the oldest).
WALL_NOTES = 120


def wall_context(request, meeting):
    """The wall as of ``meeting.live_version``: newer contributions come with the next poll or the stream."""
    round_ = None if not meeting.is_live else meeting.current_round()
    context = {
        "meeting": meeting,
        "round": round_,
        "ended": not meeting.is_live,
        "version": meeting.live_version,
        "round_id": round_.pk if round_ else "",
        "join_display": meeting.wall_join_display,
        "push": settings.LIVE_PUSH and request.META.get("wsgi.multithread", False),
    }
    if context["ended"]:
        return context
    if meeting.wall_join_display != Meeting.JoinDisplay.HIDDEN:
        join_url = request.build_absolute_uri(reverse("live:participate", kwargs={"code": meeting.join_code}))
        # Read aloud from the screen: the address without "https://".
        context["join_short_url"] = request.get_host() + reverse("live:join")
        context["join_qr"] = _join_qr(join_url, _("QR-code om mee te doen"))
    if round_ is None:
        return context
    if round_.is_vote:
        if round_.shows_results:
            context["totals"] = round_.vote_totals()
            context["max_dots"] = max([dots for _f, dots in context["totals"]] or [0])
        else:
            context["options"] = list(round_.vote_options())
            context["dots_cast"] = round_.votes.count()
        return context
    shown = round_.contributions.filter(hidden=False, live_version__lte=meeting.live_version)
    if meeting.wall_view == Meeting.WallView.WORDS:
        texts = list(shown.values_list("text", flat=True))
        context["word_view"] = True
        context["words"] = word_cloud(texts)
        context["contribution_count"] = len(texts)
        return context
    # The newest notes only: a screen shows a few dozen, and the page must not grow with the room.
    contributions = list(shown.select_related("factor").order_by("-created_at", "-id")[: WALL_NOTES + 1])
    context["older_count"] = shown.count() - WALL_NOTES if len(contributions) > WALL_NOTES else 0
    context["wall_notes"] = WALL_NOTES  # wall.js keeps as many as new ones arrive
    context["clusters"], context["unclustered"] = group(contributions[:WALL_NOTES])
    return context


@never_cache
@live_meeting(ended=True)
def wall(request, meeting):
    return render_wall(request, "live/wall.html", wall_context(request, meeting))


def render_wall(request, template, context, status=200):
    response = HttpResponse(render_to_string(template, context, request), status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


@never_cache
@answers_unchanged_polls
@live_meeting(ended=True)
def wall_changes(request, meeting):
    """What the wall has not seen since version ``v``: nothing (204), the new contributions, or a redraw."""
    LIVE_VERSIONS.set(meeting.join_code, meeting.live_version)
    seen = request.GET.get("v", "")
    seen = int(seen) if seen.isdigit() else None
    if seen == meeting.live_version:
        response = HttpResponse(status=204)
        patch_vary_headers(response, ["HX-Request"])
        return response
    if (
        seen is None
        or seen < meeting.live_layout_version
        or seen > meeting.live_version
        or not meeting.is_live
        or meeting.wall_view == Meeting.WallView.WORDS
    ):
        context = wall_context(request, meeting)
        context["announce_round"] = request.GET.get("r", "") != str(getattr(context["round"], "pk", ""))
        return render_wall(request, "live/partials/_wall_redraw.html", context)
    context = {
        "meeting": meeting,
        "new": new_contributions(meeting.pk, seen, meeting.live_version),
        "version": meeting.live_version,
        "round_id": request.GET.get("r", ""),
        "push": settings.LIVE_PUSH and request.META.get("wsgi.multithread", False),
    }
    return render_wall(request, "live/partials/_wall_append.html", context)


def new_contributions(meeting_pk, after, upto):
    """The contributions a wall at version ``after`` has not shown, up to version ``upto``, newest first."""
    new = list(
        Contribution.objects.filter(
            meeting_id=meeting_pk, hidden=False, live_version__gt=after, live_version__lte=upto
        ).order_by("-live_version")
    )
    for contribution in new:
        contribution.public_label = anonymous_label(contribution.perspective)
    return new


# --- the push stream -------------------------------------------------------------------------


def _event(name, data, version=None):
    lines = [f"event: {name}"]
    if version is not None:
        lines.append(f"id: {version}")
    lines.append("data: " + json.dumps(data))
    return ("\n".join(lines) + "\n\n").encode()


def check_versions(versions):
    """The hub's look at the meetings it streams: ``{pk: (new version, event)}`` for those that changed.

    One query for all of them; the new contributions of a meeting are read and
    rendered once per process, whatever the number of walls.
    """
    rows = Meeting.objects.filter(pk__in=versions).values_list(
        "pk", "live_version", "live_layout_version", "status", "wall_view"
    )
    changes = {}
    for pk, version, layout, status, view in rows:
        seen = versions[pk]
        if version == seen:
            continue
        if layout > seen or version < seen or status != Meeting.Status.LIVE or view == Meeting.WallView.WORDS:
            changes[pk] = (version, ("redraw", {"to": version}))
            continue
        new = new_contributions(pk, seen, version)
        html = render_to_string("live/partials/_wall_items.html", {"new": new})
        if len(new) == 1:
            status_text = _("Nieuwe bijdrage: %(text)s") % {"text": new[0].text}
        else:
            status_text = _("%(n)s nieuwe bijdragen") % {"n": len(new)}
        data = {"from": seen, "to": version, "html": html, "ids": [c.pk for c in new], "status": status_text}
        changes[pk] = (version, ("append", data))
    return changes


HUB.check = check_versions


def _stream(meeting, inbox):
    try:
        yield _event("hello", {"v": meeting.live_version}, meeting.live_version)
        ends = time.monotonic() + STREAM_SECONDS
        while time.monotonic() < ends:
            try:
                name, data = inbox.get(timeout=HEARTBEAT_SECONDS)
            except queue.Empty:  # a comment line keeps proxies from closing an idle stream
                yield b": ping\n\n"
                continue
            yield _event(name, data, data["to"])
    finally:
        HUB.unsubscribe(meeting.pk, inbox)


@never_cache
@live_meeting
def wall_stream(request, meeting):
    """Server-sent events for one wall; 204 (poll instead) where this process cannot hold a stream."""
    inbox = None
    if settings.LIVE_PUSH and request.META.get("wsgi.multithread", False):
        inbox = HUB.subscribe(meeting.pk, meeting.live_version)
    if inbox is None:
        return HttpResponse(status=204)
    response = StreamingHttpResponse(_stream(meeting, inbox), content_type="text/event-stream")
    response["X-Accel-Buffering"] = "no"  # nginx: pass each event on at once
    return response
