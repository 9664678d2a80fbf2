"""The poster URLs serve stored PDFs (made by ``portal.tasks``): the current version, else the latest one
while the new one is made, else a short "being made" page (503 with Retry-After)."""

from django.core.cache import caches
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from cop.tasks import enqueue
from portal import queries, tasks

# How long the "being made" page asks the browser to wait before it tries again.
RETRY_SECONDS = 20
# After this long without the poster, a request queues it again (a lost task, a crashed worker).
QUEUED_SECONDS = 120


def meeting_poster(request, slug):
    meeting = get_object_or_404(queries.public_harvests(), slug=slug)
    return serve(request, "meeting", meeting.slug, f"poster-{meeting.slug}.pdf")


def board_poster(request):
    return serve(request, "board", "", "poster-wat-werkt.pdf")


def serve(request, kind, slug, filename):
    """The poster of the current content, else the previous copy while the new one is made, else a 503.

    The previous copy is marked ``no-store``: the page cache (cop.cache) keeps only the
    current poster, so the new one is served as soon as the task has made it.
    """
    language = (get_language() or "nl")[:2]
    version = tasks.poster_version(kind)
    current = tasks.poster_name(kind, slug, language, version)
    # Queued once per version (for a while), not by every visitor who asks meanwhile.
    if not default_storage.exists(current) and caches["default"].add(f"poster-queued:{current}", 1, QUEUED_SECONDS):
        enqueue(tasks.render_poster, kind, slug, language, version)
    for name in (current, tasks.poster_name(kind, slug, language)):
        try:
            with default_storage.open(name, "rb") as stored:
                pdf = stored.read()
        except (FileNotFoundError, OSError):
            continue
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        if name != current:
            response["Cache-Control"] = "no-store"
            response["X-Poster"] = "previous"
        return response
    response = render(request, "portal/poster_pending.html", {"retry": RETRY_SECONDS}, status=503)
    response["Retry-After"] = str(RETRY_SECONDS)
    return response
