"""Poster PDFs are rendered by a background task, never in a request, and kept in the media storage.

A poster is stored per content version and language (``posters/<name>-<lang>-v<version>.pdf``) and
copied to ``…-<lang>-latest.pdf``: the request serves the file of the current version, or the latest one
while the new one is being made (and queues it); only when no file exists at all does it answer "being
made, try again in a moment" (``portal.views.posters``). Publishing a harvest queues its poster at once.
"""

import logging
import os
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import translation
from django_tasks import task

from cop.cache import kinds_of_page, versions_of
from cop.tasks import enqueue, retried
from portal.views import posters

logger = logging.getLogger(__name__)


# The page whose content each poster shows (cop.versions.PAGE_KINDS): its poster is renewed
# when one of those kinds changes, not at every change anywhere on the site.
POSTER_PAGES = {"meeting": "meetings:poster", "board": "board-poster"}


def poster_version(kind):
    """The versions of what the ``kind`` poster shows, e.g. ``"factors3.cases2.meetings1"``."""
    return versions_of(kinds_of_page(POSTER_PAGES[kind]))


def poster_name(kind, slug, language, version=None):
    stem = f"posters/{kind}-{slug}-{language}" if slug else f"posters/{kind}-{language}"
    return f"{stem}-v{version}.pdf" if version is not None else f"{stem}-latest.pdf"


def _save(name, pdf):
    """Store ``pdf`` as ``name``, replacing an older file without a moment in which there is none.

    On the file system the new file is written beside the old one and renamed over it
    (atomic), so a visitor reading the poster meanwhile gets the old copy whole, never a
    503 or a half-written file. Other storages (S3) overwrite in one PUT.
    """
    try:
        path = Path(default_storage.path(name))
    except NotImplementedError:
        if default_storage.exists(name):
            default_storage.delete(name)
        default_storage.save(name, ContentFile(pdf))
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".new-", suffix=".pdf", delete=False) as new:
        new.write(pdf)
    Path(new.name).chmod(0o644)
    os.replace(new.name, path)


@task()
@retried
def render_poster(kind, slug="", language="nl", version=None):
    """Render the ``kind`` poster ("meeting" with ``slug``, or "board") for ``version`` and keep it."""
    version = poster_version(kind) if version is None else version
    target = poster_name(kind, slug, language, version)
    if default_storage.exists(target):
        return "kept"
    with translation.override(language):
        pdf = posters.build_meeting_pdf(slug) if kind == "meeting" else posters.build_board_pdf()
    if pdf is None:
        return "gone"
    _save(target, pdf)
    _save(poster_name(kind, slug, language), pdf)
    return "rendered"


def on_harvest_published(sender, meeting, **kwargs):
    """Make the poster of a harvest as soon as it is published (in the worker)."""
    enqueue(render_poster, "meeting", meeting.slug, "nl")
