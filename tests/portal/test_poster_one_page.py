"""Every demo poster fits one A3 sheet, with its words whole.

The demo's second meeting printed on two A3 pages (the digest ran over by its discussed cases); the
poster is a sheet to hang on a wall. Each public demo harvest and the board poster are rendered as
the task renders them and read back with pypdf: one page, A3, and every factor name of the chart
and of the room's quotes whole in the text.
"""

import io
import re
from io import StringIO

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from meetings.models import Meeting
from portal import queries
from portal.views import posters

pytestmark = pytest.mark.django_db
A3_POINTS = (842, 1191)  # 297 × 420 mm


@pytest.fixture
def demo(settings):
    settings.DEBUG = True  # seed_demo refuses production settings
    call_command("seed_demo", force=True, stdout=StringIO())
    settings.DEBUG = False


def squeeze(text):
    return re.sub(r"[\s\-­]+", "", text)


def read(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    return reader, squeeze(" ".join(page.extract_text() for page in reader.pages))


def assert_one_a3_page(reader):
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A3_POINTS


def test_every_demo_meeting_poster_is_one_a3_page_with_its_names_whole(demo):
    slugs = list(queries.public_harvests().values_list("slug", flat=True))
    assert "cop-bijeenkomst-2-werkzame-factoren" in slugs  # the one that ran to two pages
    for slug in slugs:
        meeting = Meeting.objects.get(slug=slug)
        reader, text = read(posters.build_meeting_pdf(slug))
        assert_one_a3_page(reader)
        assert squeeze(meeting.title) in text, slug
        context = posters.meeting_context(meeting)
        for group in context["quotes"]:
            if group["factor"]:
                assert squeeze(group["factor"].name) in text, (slug, group["factor"].name)
            for contribution in group["quotes"]:
                assert squeeze(contribution.text) in text, (slug, contribution.text)
        for row in context["digest"].rows[: posters.POSTER_HARVEST_ROWS]:
            assert squeeze(row["factor"].name) in text, (slug, row["factor"].name)


def test_the_board_poster_is_one_a3_page(demo):
    reader, text = read(posters.build_board_pdf())
    assert_one_a3_page(reader)
    for factor in posters.board_context()["working_factors"]:
        assert squeeze(factor.name) in text
