"""The factor map and the perspective matrix pages, and the SVG downloads."""

import xml.etree.ElementTree as ET
from unittest import mock

import pytest
from django.urls import reverse

import visuals
from cases.models import CaseFactor
from tests.conftest import make_case, make_factor

SVG = "{http://www.w3.org/2000/svg}"

pytestmark = pytest.mark.django_db
# Factors, their case links, the themes.
FACTOR_MAP_QUERIES = 3
PERSPECTIVE_MATRIX_QUERIES = 4


def test_factor_map_shows_public_factors_and_cases_as_linked_nodes(client, world):
    response = client.get(reverse("factor-map"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Factorkaart</h1>" in html
    assert f'href="{world.working.get_absolute_url()}"' in html
    assert f'href="{world.case.get_absolute_url()}"' in html
    assert 'role="group"' in html and "<table>" in html


def test_factor_map_lays_out_once_per_change_of_the_graph(client, world):
    with mock.patch("visuals.spring_positions", wraps=visuals.spring_positions) as layout:
        client.get(reverse("factor-map"))
        client.get(reverse("factor-map"))
        assert layout.call_count == 1
        CaseFactor.objects.create(case=world.second, factor=world.obstacle)
        client.get(reverse("factor-map"))
        assert layout.call_count == 2
        client.get(reverse("factor-map"))
        assert layout.call_count == 2


def test_factor_map_filters_by_theme(client, world):
    html = client.get(reverse("factor-map"), {"thema": world.theme.slug}).content.decode()
    assert world.working.name in html
    assert world.obstacle.name not in html.split("<figure")[1]


def test_factor_map_ignores_an_unknown_theme(client, world):
    response = client.get(reverse("factor-map"), {"thema": "bestaat-niet"})
    assert response.status_code == 200


def test_factor_map_query_count_does_not_grow_with_data(client, world, django_assert_num_queries):
    client.get(reverse("factor-map"))
    with django_assert_num_queries(FACTOR_MAP_QUERIES):
        client.get(reverse("factor-map"))
    for i in range(10):
        factor = make_factor(f"Extra factor {i}")
        CaseFactor.objects.create(case=make_case(title=f"Extra casus {i}"), factor=factor)
    client.get(reverse("factor-map"))
    with django_assert_num_queries(FACTOR_MAP_QUERIES):
        client.get(reverse("factor-map"))


def test_perspective_matrix_counts_cases_and_contributions_per_perspective(client, world):
    response = client.get(reverse("perspective-matrix"))
    assert response.status_code == 200
    chart = response.context["chart"]
    rows = {str(row[0]): row for row in chart.table.rows}
    columns = chart.table.columns
    working = rows[world.working.name]
    # Cases: education (Kenniskwartier), residents (Dorpshuis); contributions: municipality, welfare.
    assert working[columns.index("onderwijs & onderzoek")] == 1
    assert working[columns.index("inwonersinitiatief")] == 1
    assert working[columns.index("gemeente")] == 1
    assert working[columns.index("welzijn")] == 1
    assert working[-1] == 4
    assert world.proposed.name not in rows


def test_perspective_matrix_filters_by_kind(client, world):
    chart = client.get(reverse("perspective-matrix"), {"soort": "obstacle"}).context["chart"]
    assert [str(row[0]) for row in chart.table.rows] == [world.obstacle.name]


def test_perspective_matrix_query_count_is_fixed(client, world, django_assert_num_queries):
    with django_assert_num_queries(PERSPECTIVE_MATRIX_QUERIES):
        client.get(reverse("perspective-matrix"))


@pytest.mark.parametrize("name", ["wat-werkt", "factorkaart", "perspectieven", "onderbouwing-in-de-tijd"])
def test_visuals_download_as_standalone_svg(client, world, name):
    response = client.get(reverse("visual-svg", args=[name]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{SVG}svg"
    assert "CC BY 4.0" in response.content.decode()


def test_an_unknown_visual_is_not_found(client, db):
    assert client.get(reverse("visual-svg", args=["bestaat-niet"])).status_code == 404


def test_evidence_over_time_counts_public_evidence_per_quarter(world):
    from portal import queries

    chart = queries.evidence_over_time_chart()
    assert sum(row[1] for row in chart.table.rows) == 3  # public case links to accepted factors
    assert sum(row[2] for row in chart.table.rows) == 3  # visible contributions in the public harvest


def test_definition_timeline_shows_accepted_versions_with_their_meeting(world):
    from portal import queries

    chart = queries.definition_timeline_chart(world.term)
    assert [row[0] for row in chart.table.rows] == [1, 2]
    assert str(chart.table.rows[1][2]) == world.harvested.title
    assert "Geheim" not in visuals.render_figure(chart)


def test_harvest_chart_only_for_a_published_public_harvest(world):
    from portal import queries

    chart = queries.harvest_chart(world.harvested)
    rows = {str(row[0]): row[2:] for row in chart.table.rows}
    assert rows == {world.working.name: [2, 3], world.obstacle.name: [1, 0]}
    assert "2 bijdragen" in chart.shapes["footer"]["text"]  # the unclustered one and the one on a proposal
    assert queries.harvest_chart(world.closed) is None
    assert queries.harvest_chart(world.private_meeting) is None
    assert queries.harvest_chart(world.closed, public_only=False) is not None


def test_board_chart_has_every_public_factor(world):
    from portal import queries

    chart = queries.board_chart()
    assert {str(row[1]) for row in chart.table.rows} == {world.working.name, world.obstacle.name}


def test_visual_pages_and_downloads_never_show_private_content(client, world):
    from tests.portal.conftest import assert_no_leaks

    urls = [reverse("factor-map"), reverse("perspective-matrix"), reverse("open-data"), reverse("api-root")]
    urls += [reverse("visual-svg", args=[name]) for name in ("wat-werkt", "factorkaart", "perspectieven")]
    for url in urls:
        assert_no_leaks(client.get(url).content.decode())
