"""A3 posters as PDF (WeasyPrint): a meeting's harvest and the *Wat werkt* board.

The posters are made from the same partials as the pages (``portal/partials/…``,
the visuals' figures) in ``templates/posters/``, with the print stylesheet
``static/css/poster.css``. Only public content goes on a poster, whoever asks:
a poster is made to be printed and passed on.

WeasyPrint fetches nothing: the stylesheet is read from disk, the QR code and
the visuals are inline, and any other URL in the HTML (links stay links) is
refused by a fetcher that allows ``data:`` URLs only.
"""

from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from meetings.qr import qr_data_uri
from portal import queries

BOARD_POSTER_PER_KIND = 4
# What fits on one A3 sheet: the harvest visual shows the factors with the most dots, the
# digest below it the first strengthened factors (then "and N more"), and three cases.
POSTER_HARVEST_ROWS = 6
POSTER_STRENGTHENED_ROWS = 6
POSTER_CASES = 3


@cache
def poster_stylesheet():
    return Path(finders.find("css/poster.css")).read_text(encoding="utf-8")


def render_pdf(request, template, context):
    from weasyprint import CSS, HTML, URLFetcher

    html = render_to_string(template, context, request=request)
    document = HTML(string=html, base_url=f"{settings.SITE_URL}/", url_fetcher=URLFetcher(allowed_protocols=["data"]))
    return document.write_pdf(stylesheets=[CSS(string=poster_stylesheet())])


def poster_context(path):
    """What every poster's footer shows: the link back to the portal as text and QR code, and the licence."""
    link = f"{settings.SITE_URL}{path}"
    return {
        "link": link,
        "qr": qr_data_uri(link, title=link),
        "made_on": timezone.localdate(),
        "licence_name": settings.COP_LICENCE_NAME,
        "licence_url": settings.COP_LICENCE_URL,
    }


def meeting_context(meeting):
    digest = queries.harvest_digest(meeting)
    rows = digest.rows
    chart = queries.harvest_board_chart(meeting, rows[:POSTER_HARVEST_ROWS], digest.unclustered, uid="poster-oogst")
    if len(rows) > POSTER_HARVEST_ROWS:
        chart.title = _("Oogst: de %(n)s factoren met de meeste stippen en bijdragen (van %(total)s)") % {
            "n": POSTER_HARVEST_ROWS,
            "total": len(rows),
        }
    return {
        "meeting": meeting,
        "digest": digest,
        "chart": chart,
        "row_limit": POSTER_STRENGTHENED_ROWS,
        "more_strengthened": max(0, len(digest.strengthened) - POSTER_STRENGTHENED_ROWS),
        "quotes": queries.harvest_quotes(meeting),
        "poster": True,
        **poster_context(reverse("meetings:digest", kwargs={"slug": meeting.slug})),
    }


def board_context():
    working, obstacles = queries.explain_strongest(*queries.strongest_factors(per_kind=BOARD_POSTER_PER_KIND))
    return {
        "key_terms": queries.key_terms(),
        "working_factors": working,
        "obstacles": obstacles,
        "chart": queries.strongest_chart(working, obstacles, uid="poster-wat-werkt"),
        "cases": queries.newest_cases(limit=POSTER_CASES),
        "poster": True,
        **poster_context(reverse("factors:board")),
    }


def build_meeting_pdf(slug):
    """The harvest poster of the public meeting ``slug`` (None when it is not public), for the task."""
    meeting = queries.public_harvests().select_related("series").filter(slug=slug).first()
    if meeting is None:
        return None
    return render_pdf(None, "posters/meeting.html", meeting_context(meeting))


def build_board_pdf():
    return render_pdf(None, "posters/board.html", board_context())
