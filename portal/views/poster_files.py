"""The poster URLs serve stored PDFs (made by ``portal.tasks``): the current version, else the latest one
while the new one is made, else a short "being made" page (503 with Retry-After)."""

from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from cop.cache import content_version
from cop.tasks import enqueue
from portal import queries, tasks

# How long the "being made" page asks the browser to wait before it tries again.
RETRY_SECONDS = 20


def meeting_poster(request, slug):
    meeting = get_object_or_404(queries.public_harvests(), slug=slug)
    return serve(request, "meeting", meeting.slug, f"poster-{meeting.slug}.pdf")


def board_poster(request):
    return serve(request, "board", "", "poster-wat-werkt.pdf")


def serve(request, kind, slug, filename):
    language = (get_language() or "nl")[:2]
    current = tasks.poster_name(kind, slug, language, content_version())
    if not default_storage.exists(current):
        enqueue(tasks.render_poster, kind, slug, language, content_version())
    for name in (current, tasks.poster_name(kind, slug, language)):
        if default_storage.exists(name):
            with default_storage.open(name, "rb") as stored:
                response = HttpResponse(stored.read(), content_type="application/pdf")
            response["Content-Disposition"] = f'inline; filename="{filename}"'
            return response
    response = render(request, "portal/poster_pending.html", {"retry": RETRY_SECONDS}, status=503)
    response["Retry-After"] = str(RETRY_SECONDS)
    return response
