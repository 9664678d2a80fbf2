"""The visuals on the pages of the other apps: board, factor, term and meeting pages.

Each visual is well-formed SVG with a title and description, and its data table
says the same as the page it sits on.
"""

import re
import xml.etree.ElementTree as ET
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import visuals
from cases.models import CaseFactor
from cop.models import TermVersion
from factors.models import Cluster, Factor
from meetings.models import Round, Vote
from portal import queries
from tests.conftest import make_case, make_factor
from tests.portal.conftest import _round, contribute

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


def svgs(html, kind):
    """Every SVG of a kind of visual on the page, parsed."""
    found = re.findall(rf'<svg [^>]*class="visual__svg visual__svg--{kind}".*?</svg>', html, re.DOTALL)
    return [ET.fromstring(svg) for svg in found]


def table_rows(html, caption):
    """The rows of a visual's table (cell texts), found by its caption."""
    table = re.search(rf"<caption>{re.escape(caption)}</caption>.*?</table>", html, re.DOTALL).group(0)
    rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], re.DOTALL)
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)] for row in rows
    ]


def test_board_page_shows_each_factor_once_with_a_table_alternative(client, world):
    html = client.get(reverse("factors:board")).content.decode()
    # The cards are the picture (level meter, counts); no second drawing of the same factors.
    assert svgs(html, "board") == []
    for factor in (world.working, world.obstacle):
        assert html.count(f">{factor.name}</a></h4>") == 1
    rows = table_rows(html, "Werkzame factoren en belemmeringen per cluster, met hun onderbouwing")
    assert {row[1] for row in rows} == {world.working.name, world.obstacle.name}
    working = next(row for row in rows if row[1] == world.working.name)
    assert working[0] == world.cluster.name
    # Sources as on the cards: cases + meetings.
    counted = Factor.objects.with_evidence().get(pk=world.working.pk)
    assert working[3] == str(counted.case_count + counted.meeting_count)
    assert working[4].startswith(str(counted.strength_label))
    assert html.index("board-cluster") < html.index("Toon als tabel")


def test_board_table_follows_the_filters_of_the_board(client, world):
    response = client.get(reverse("factors:board"), {"thema": world.theme.slug})
    html = response.content.decode()
    rows = table_rows(html, "Werkzame factoren en belemmeringen per cluster, met hun onderbouwing")
    assert [row[1] for row in rows] == [world.working.name]
    htmx = client.get(reverse("factors:board"), {"thema": world.theme.slug}, headers={"HX-Request": "true"})
    rows = table_rows(htmx.content.decode(), "Werkzame factoren en belemmeringen per cluster, met hun onderbouwing")
    assert [row[1] for row in rows] == [world.working.name]


def test_board_table_lists_the_factors_of_a_cluster_strongest_first(client, world):
    cluster = Cluster.objects.create(name="Veel factoren", order=2)
    for i in range(7):
        factor = make_factor(f"Factor {i}", cluster=cluster)
        for j in range(i):
            CaseFactor.objects.create(case=make_case(title=f"Casus {i}-{j}"), factor=factor)
    html = client.get(reverse("factors:board")).content.decode()
    rows = table_rows(html, "Werkzame factoren en belemmeringen per cluster, met hun onderbouwing")
    assert [row[1] for row in rows if row[0] == "Veel factoren"] == [f"Factor {i}" for i in (6, 5, 4, 3, 2, 1, 0)]
    assert "Factor 0" in html.split("board-cluster", 1)[1]  # the HTML board lists all


def page_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_visuals_add_no_query_to_the_pages_of_the_other_apps(client, world):
    """The board, factor, term and meeting pages draw their visual from what their view loaded."""
    rounds_that_ran(world.harvested)
    urls = {
        "board": (reverse("factors:board"), "factors.templatetags.factor_visuals.board_chart_from_board"),
        "factor": (world.working.get_absolute_url(), "factors.templatetags.factor_visuals.factor_evidence_chart"),
        "term": (world.term.get_absolute_url(), "glossary.templatetags.glossary_visuals.term_timeline_chart"),
        "meeting": (world.harvested.get_absolute_url(), "meetings.templatetags.meeting_visuals.harvest_board_chart"),
    }
    for name, (url, builder) in urls.items():
        client.get(url)  # warm the glossary cache
        with_visual = page_queries(client, url)
        with mock.patch(builder, side_effect=lambda *args, **kwargs: visuals.board([])):
            without = page_queries(client, url)
        assert with_visual == without, name


def test_factor_page_shows_its_evidence_over_time(client, world):
    old_case = make_case(title="Oude casus", published_at=timezone.now() - timezone.timedelta(days=400))
    CaseFactor.objects.create(case=old_case, factor=world.working)
    response = client.get(world.working.get_absolute_url())
    html = response.content.decode()
    wide, narrow = svgs(html, "timeseries")  # a narrow layout for phones, the same data
    for root in (wide, narrow):
        assert world.working.name in root.find(f"{SVG}title").text
    assert int(narrow.get("viewBox").split()[2]) < int(wide.get("viewBox").split()[2])
    rows = table_rows(html, "Nieuwe onderbouwing per kwartaal")
    factor = response.context["factor"]
    assert sum(int(row[1]) for row in rows) == factor.case_count == 3
    assert sum(int(row[2]) for row in rows) == factor.contribution_count == 2
    assert len(rows) >= 4  # a quarter for every quarter in between, also the empty ones


def test_factor_page_without_evidence_has_no_evidence_visual(client, world):
    lonely = make_factor("Nog zonder onderbouwing")
    assert svgs(client.get(lonely.get_absolute_url()).content.decode(), "timeseries") == []


def test_term_page_shows_the_definition_history_as_a_timeline(client, world):
    html = client.get(world.term.get_absolute_url()).content.decode()
    (root,) = svgs(html, "timeline")
    assert root.get("role") == "img"
    rows = table_rows(html, "Vastgestelde versies van de omschrijving")
    assert [row[0] for row in rows] == ["1", "2"]
    assert rows[1][2] == world.harvested.title
    assert "Geheim" not in html


def test_term_page_with_one_version_has_no_timeline(client, world):
    TermVersion.objects.filter(term=world.term, number=1).delete()
    html = client.get(world.term.get_absolute_url()).content.decode()
    assert svgs(html, "timeline") == []


def rounds_that_ran(meeting):
    """The world's rounds as a real meeting has them: closed, and the dots in a voting round of their own."""
    meeting.rounds.update(status=Round.Status.CLOSED)
    dots = Round.objects.create(meeting=meeting, prompt="Stip", mode=Round.Mode.VOTE, status=Round.Status.CLOSED)
    Vote.objects.filter(round__meeting=meeting).update(round=dots)


def test_meeting_page_shows_the_harvest_board_the_same_as_the_public_harvest_chart(client, world):
    rounds_that_ran(world.harvested)
    html = client.get(world.harvested.get_absolute_url()).content.decode()
    wide, narrow = svgs(html, "harvest")  # and a narrow layout for phones
    for root in (wide, narrow):
        assert root.find(f"{SVG}title").text == f"Oogst van {world.harvested.title}"
    rows = table_rows(html, "Bijdragen en stippen per factor")
    expected = queries.harvest_chart(world.harvested).table.rows
    assert [[row[0], row[2], row[3]] for row in rows] == [[str(r[0]), str(r[2]), str(r[3])] for r in expected]
    assert reverse("meetings:digest", args=[world.harvested.slug]) in html


def test_harvest_board_is_shown_to_facilitators_before_publication_only(client_of, world, facilitator, participant):
    world.closed.rounds.update(status=Round.Status.CLOSED)
    assert len(svgs(client_of(facilitator).get(world.closed.get_absolute_url()).content.decode(), "harvest")) == 2
    html = client_of(participant).get(world.closed.get_absolute_url()).content.decode()
    assert svgs(html, "harvest") == [] and "Geheime bijdrage" not in html
    assert svgs(client_of(None).get(world.upcoming.get_absolute_url()).content.decode(), "harvest") == []


def test_harvest_board_of_a_community_meeting_is_for_members(client_of, world, participant):
    contribute(_round(world.private_meeting), "Nog een besloten bijdrage", factor=world.obstacle)
    world.private_meeting.rounds.update(status=Round.Status.CLOSED)
    html = client_of(participant).get(world.private_meeting.get_absolute_url()).content.decode()
    rows = table_rows(html, "Bijdragen en stippen per factor")
    assert {row[0] for row in rows} == {world.working.name, world.obstacle.name}
    assert client_of(None).get(world.private_meeting.get_absolute_url()).status_code == 404
