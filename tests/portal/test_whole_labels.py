"""No label is ever cut: every factor name on a chart appears whole in the text of its SVG.

The names are the long ones that were measured cut on the site ("Investeren in onderling…",
"Wantrouwen door eerdere…"); each chart is drawn wide and narrow and its text read back
from the SVG, line by line, as a reader (or a screen reader, or pdftotext) gets it.
"""

import re
import xml.etree.ElementTree as ET

import pytest

import visuals

SVG = "{http://www.w3.org/2000/svg}"
LONG_NAMES = [
    "Investeren in onderlinge relaties tussen bewoners, professionals en gemeente",
    "Continuïteit borgen: meer dan één projectperiode financieren en bemensen",
    "Wantrouwen door eerdere ervaringen met de gemeente",
    "Eigenaarschap bij inwoners",
    "Onderwijsachterstandenbeleidsbijeenkomstverslaglegging zonder spaties",
]


def svg_texts(chart):
    """Every ``<text>`` of the chart (and of its narrow layout) as one string per text, lines joined by spaces."""
    found = []
    for drawn in (chart, getattr(chart, "narrow", None)):
        if drawn is None:
            continue
        root = ET.fromstring(visuals.render_svg(drawn))
        for text in root.iter(f"{SVG}text"):
            parts = [text.text or ""]
            for child in text:
                if child.tag != f"{SVG}title":  # the tooltip is not what is drawn
                    parts.extend(child.itertext())
                parts.append(child.tail or "")
            found.append(" ".join(part.strip() for part in parts if part.strip()))
    return found


def drawn_whole(name, texts):
    """``name`` is drawn whole: some text of the SVG is the name, its lines joined (a word broken across lines too)."""
    squeeze = re.compile(r"\s+")
    return any(squeeze.sub("", text) == squeeze.sub("", name) or text == name for text in texts)


def assert_every_name_whole(chart, names):
    texts = svg_texts(chart)
    for name in names:
        assert drawn_whole(name, texts), f"{name!r} is not drawn whole in {chart.kind}: {texts}"
    assert not any("…" in text for text in texts)


def factor_rows():
    return [
        {
            "name": name,
            "kind": "obstacle" if i % 2 else "working",
            "cluster": "Samenwerken",
            "strength": i % 4,
            "evidence": i,
            "contributions": 3 + i,
            "votes": 2 * i,
            "counts": {"gemeente": 1 + i, "welzijn": 2},
        }
        for i, name in enumerate(LONG_NAMES)
    ]


def test_the_board_draws_every_name_whole():
    assert_every_name_whole(visuals.board(factor_rows(), clusters=["Samenwerken"]), LONG_NAMES)


def test_the_compact_board_draws_every_name_whole():
    assert_every_name_whole(visuals.board(factor_rows(), grouped=False), LONG_NAMES)


def test_the_harvest_chart_draws_every_name_whole():
    assert_every_name_whole(visuals.harvest_board(factor_rows(), unclustered=2), LONG_NAMES)


def test_the_perspective_matrix_draws_every_name_whole():
    perspectives = [{"key": "gemeente", "label": "gemeente"}, {"key": "welzijn", "label": "welzijn"}]
    assert_every_name_whole(visuals.perspective_matrix(factor_rows(), perspectives), LONG_NAMES)


def test_the_factor_map_draws_every_factor_name_whole_inside_the_map():
    factors = [
        {"id": f"f{i}", "name": row["name"], "kind": row["kind"], "weight": 1 + i}
        for i, row in enumerate(factor_rows())
    ]
    cases = [{"id": "c1", "name": "Kenniskwartier Arnhem: samen de wijk in"}]
    edges = [(f["id"], "c1") for f in factors]
    positions = visuals.spring_positions([f["id"] for f in factors] + ["c1"], edges)
    chart = visuals.factor_map(factors, cases, edges, positions)
    assert_every_name_whole(chart, LONG_NAMES)
    # Every line of a factor label starts inside the drawing.
    root = ET.fromstring(visuals.render_svg(chart))
    for span in root.iter(f"{SVG}tspan"):
        assert 0 <= float(span.get("x")) <= chart.width


@pytest.mark.parametrize("items", [[("A", 7), ("B", 7), ("C", 2)], [("A", 7), ("B", 3)]])
def test_the_harvest_summary_names_every_factor_of_a_tie(items):
    chart = visuals.harvest_board([{"name": n, "kind": "working", "contributions": 1, "votes": v} for n, v in items])
    if items[1][1] == items[0][1]:
        assert "Gedeeld de meeste stippen (7 elk): A, B." in chart.description
    else:
        assert "Meeste stippen (7): A." in chart.description
