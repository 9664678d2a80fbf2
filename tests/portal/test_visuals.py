"""The visuals library: well-formed, accessible SVG whose data table says the same as the picture."""

import itertools
import xml.etree.ElementTree as ET
from datetime import date

import pytest

import visuals
from visuals.templatetags.visuals import visual_cell

SVG = "{http://www.w3.org/2000/svg}"

FACTORS = [
    {
        "name": "Aansluiten bij wat leeft",
        "kind": "working",
        "cluster": "Eigenaarschap",
        "strength": 9,
        "evidence": 5,
        "url": "/wat-werkt/aansluiten/",
        "statement": "Begin bij de vragen van bewoners.",
    },
    {
        "name": "Lange adem",
        "kind": "working",
        "cluster": "Continuïteit",
        "strength": 3,
        "evidence": 2,
        "url": "/wat-werkt/lange-adem/",
    },
    {
        "name": "Versnipperde budgetten",
        "kind": "obstacle",
        "cluster": "Eigenaarschap",
        "strength": 4,
        "evidence": 4,
        "url": "/wat-werkt/versnipperd/",
    },
    {
        "name": "Zonder cluster <script>alert(1)</script> & co",
        "kind": "obstacle",
        "cluster": None,
        "strength": 0,
        "evidence": 0,
    },
]


ALL_CHARTS = [
    *["board", "compact", "matrix", "map", "harvest", "timeline", "timeseries"],
    *["board-narrow", "compact-narrow", "harvest-narrow", "timeseries-narrow"],
]


def charts():
    positions = visuals.spring_positions(["f1", "f2", "c1", "c2"], [("f1", "c1"), ("f2", "c1"), ("f1", "c2")])
    built = {
        "board": visuals.board(FACTORS, clusters=["Eigenaarschap", "Continuïteit"]),
        "compact": visuals.board(FACTORS, grouped=False, title="De sterkste factoren"),
        "matrix": visuals.perspective_matrix(
            [
                {"name": "Aansluiten", "kind": "working", "url": "/a/", "counts": {"gemeente": 3, "welzijn": 1}},
                {"name": "Versnipperd", "kind": "obstacle", "url": "/v/", "counts": {"inwoners": 2}},
            ],
            [
                {"key": "gemeente", "label": "gemeente"},
                {"key": "welzijn", "label": "welzijn"},
                {"key": "inwoners", "label": "inwonersinitiatief"},
            ],
        ),
        "map": visuals.factor_map(
            [
                {"id": "f1", "name": "Aansluiten", "kind": "working", "url": "/a/", "weight": 9},
                {"id": "f2", "name": "Versnipperd", "kind": "obstacle", "url": "/v/", "weight": 4},
            ],
            [{"id": "c1", "name": "Kenniskwartier", "url": "/c1/"}, {"id": "c2", "name": "Dorpshuis", "url": "/c2/"}],
            [("f1", "c1"), ("f2", "c1"), ("f1", "c2")],
            positions,
        ),
        "harvest": visuals.harvest_board(
            [
                {"name": "Aansluiten", "kind": "working", "url": "/a/", "contributions": 4, "votes": 13},
                {"name": "Versnipperd", "kind": "obstacle", "url": "/v/", "contributions": 1, "votes": 0},
            ],
            unclustered=2,
        ),
        "timeline": visuals.definition_timeline(
            [
                {
                    "number": 1,
                    "date": date(2024, 3, 1),
                    "text": "Samen werken aan de wijk.",
                    "meeting": "Start",
                    "meeting_url": "/m/",
                },
                {"number": 2, "date": date(2025, 1, 5), "text": "Samen met inwoners werken aan een wijk of dorp."},
            ],
            term="gebiedsgericht werken",
        ),
        "timeseries": visuals.evidence_over_time(
            [
                {"label": "K1 2025", "cases": 3, "contributions": 12},
                {"label": "K2 2025", "cases": 0, "contributions": 1},
            ]
        ),
    }
    # The narrow layouts for phones are visuals of their own: the same checks apply to them.
    built.update({f"{name}-narrow": chart.narrow for name, chart in list(built.items()) if chart.narrow})
    return built


def parse(chart, standalone=False):
    return ET.fromstring(visuals.render_svg(chart, standalone=standalone).encode())


@pytest.mark.parametrize("name", ALL_CHARTS)
def test_every_visual_is_well_formed_svg_with_title_and_description(name):
    chart = charts()[name]
    for standalone in (False, True):
        root = parse(chart, standalone)
        assert root.tag == f"{SVG}svg"
        assert root.get("role") in {"img", "group"}
        title_id, desc_id = root.get("aria-labelledby").split()
        assert root.find(f"{SVG}title").get("id") == title_id
        assert root.find(f"{SVG}title").text == chart.title
        assert root.find(f"{SVG}desc").get("id") == desc_id
        assert root.find(f"{SVG}desc").text.strip()


@pytest.mark.parametrize("name", ALL_CHARTS)
def test_no_visual_uses_style_attributes_or_scripts(name):
    for element in parse(charts()[name]).iter():
        assert "style" not in element.attrib
        assert not any(attribute.startswith("on") for attribute in element.attrib)
        assert element.tag not in {f"{SVG}script", f"{SVG}style", f"{SVG}foreignObject"}


@pytest.mark.parametrize("name", ALL_CHARTS)
def test_numbers_in_attributes_use_a_dot_even_in_dutch(name, settings):
    from django.utils import translation

    with translation.override("nl"):
        root = parse(charts()[name])
    for element in root.iter():
        for attribute in ("x", "y", "width", "height", "cx", "cy", "r", "x1", "x2", "y1", "y2"):
            value = element.get(attribute)
            if value is not None:
                float(value)  # "1,5" would fail here


def test_visuals_with_links_are_groups_and_static_ones_images():
    c = charts()
    assert parse(c["map"]).get("role") == "group"
    assert parse(c["timeline"]).get("role") == "img"
    assert parse(c["timeseries"]).get("role") == "img"


def test_text_in_visuals_is_escaped():
    svg = visuals.render_svg(charts()["board"])
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    ET.fromstring(svg.encode())


def test_factor_colours_pass_contrast_with_white_text():
    for colour in (visuals.PALETTE["working"], visuals.PALETTE["obstacle"], visuals.PALETTE["primary"]):
        assert visuals.contrast_ratio(colour, "#ffffff") >= 4.5
    for background in (
        visuals.PALETTE["working_soft"],
        visuals.PALETTE["obstacle_soft"],
        visuals.PALETTE["surface"],
        "#ffffff",
    ):
        assert visuals.contrast_ratio(visuals.PALETTE["text"], background) >= 4.5
        assert visuals.contrast_ratio(visuals.PALETTE["muted"], background) >= 4.5
    # Shapes and edges against the white canvas: 3:1 for graphical objects (WCAG 1.4.11).
    assert visuals.contrast_ratio(visuals.PALETTE["line"], "#ffffff") >= 3


def test_board_table_lists_every_factor_with_its_evidence():
    chart = charts()["board"]
    rows = {str(row[1]): row for row in chart.table.rows}
    assert set(rows) == {f["name"] for f in FACTORS}
    for factor in FACTORS:
        row = rows[factor["name"]]
        assert row[0] == (factor["cluster"] or "Nog zonder cluster")
        assert row[3] == factor["evidence"]
        assert row[2] == ("belemmering" if factor["kind"] == "obstacle" else "werkzame factor")


def test_board_puts_working_factors_left_obstacles_right_and_weights_the_bar():
    chart = charts()["board"]
    tiles = {t["lines"][0]["text"]: t for t in chart.shapes["tiles"]}
    assert float(tiles["Aansluiten bij wat leeft"]["x"]) < float(tiles["Versnipperde budgetten"]["x"])
    assert tiles["Aansluiten bij wat leeft"]["glyph"] == "+"
    assert tiles["Versnipperde budgetten"]["glyph"] == "−"
    strongest, weaker = float(tiles["Aansluiten bij wat leeft"]["bar_w"]), float(tiles["Lange adem"]["bar_w"])
    assert strongest == pytest.approx(weaker * 3, rel=0.01)


def test_board_has_a_narrow_single_column_layout_for_phones():
    chart = charts()["board"]
    assert chart.narrow is not None and chart.narrow.width < chart.width
    assert {t["x"] for t in chart.narrow.shapes["tiles"]} == {"16"}
    assert chart.narrow.uid != chart.uid
    assert len(chart.narrow.shapes["tiles"]) == len(FACTORS)


def test_board_figure_shows_both_layouts_and_the_table_in_details():
    html = visuals.render_figure(charts()["board"])
    assert html.count("<svg") == 2
    assert "<details" in html and "<table>" in html and "<caption>" in html
    assert 'href="/wat-werkt/aansluiten/"' in html


def test_matrix_table_matches_the_counts():
    chart = charts()["matrix"]
    assert chart.table.columns[2:5] == ["gemeente", "welzijn", "inwonersinitiatief"]
    assert chart.table.rows[0][2:] == [3, 1, 0, 4]
    assert chart.table.rows[1][2:] == [0, 0, 2, 2]
    circles = [cell for row in chart.shapes["rows"] for cell in row["cells"]]
    assert sorted(int(c["text"]) for c in circles) == [1, 2, 3]


def test_map_nodes_are_links_with_names_and_shapes_tell_kinds_apart():
    root = parse(charts()["map"])
    links = {a.get("href"): a.get("aria-label") for a in root.iter(f"{SVG}a")}
    assert set(links) == {"/a/", "/v/", "/c1/", "/c2/"}
    assert links["/c1/"] == "Kenniskwartier"
    assert "belemmering" in links["/v/"]
    assert len(list(root.iter(f"{SVG}polygon"))) >= 1  # the obstacle is a diamond
    assert len(list(root.iter(f"{SVG}line"))) == 3


def test_map_table_lists_each_factor_with_its_cases():
    chart = charts()["map"]
    rows = {str(row[0]): row for row in chart.table.rows}
    assert rows["Aansluiten"][2] == 2
    assert {str(c) for c in rows["Aansluiten"][3]} == {"Kenniskwartier", "Dorpshuis"}
    assert [str(c) for c in rows["Versnipperd"][3]] == ["Kenniskwartier"]


def test_spring_positions_are_deterministic_and_inside_the_square():
    nodes, edges = ["a", "b", "c", "d"], [("a", "b"), ("b", "c")]
    first = visuals.spring_positions(nodes, edges)
    assert first == visuals.spring_positions(nodes, edges)
    assert set(first) == set(nodes)
    assert all(-1 <= x <= 1 and -1 <= y <= 1 for x, y in first.values())
    assert visuals.spring_positions([], []) == {}


@pytest.mark.parametrize("name", ["harvest", "harvest-narrow"])
def test_harvest_table_and_dots_match_the_votes(name):
    chart = charts()[name]
    assert [row[2:] for row in chart.table.rows] == [[4, 13], [1, 0]]
    first = chart.shapes["rows"][0]
    assert len(first["dots"]) == 10 and first["more"] == "+3"
    assert "2 bijdragen" in chart.shapes["footer"]["text"]


def test_the_narrow_harvest_puts_each_factor_on_two_lines_inside_a_phone_wide_drawing():
    wide = visuals.harvest_board(
        [
            {
                "name": "Een heel lange naam van een werkzame factor die niet op één regel past",
                "kind": "working",
                "contributions": 3,
                "votes": 25,
            }
        ]
    )
    narrow = wide.narrow
    assert narrow.width <= 400 < wide.width and narrow.uid != wide.uid
    row = narrow.shapes["rows"][0]
    assert float(row["bar_y"]) > float(row["lines"][-1]["y"])  # the bar is below the whole name
    rightmost = float(row["more_x"]) + 13 * 0.6 * len(row["more"])
    assert max(float(d["cx"]) for d in row["dots"]) + 6 < rightmost <= narrow.width - 16  # ten dots and "+15" fit
    assert " ".join(line["text"] for line in row["lines"]) == row["name"]  # never cut
    assert float(row["count_x"]) < min(float(d["cx"]) for d in row["dots"]) - 6


def test_timeline_marks_the_current_version_last():
    chart = charts()["timeline"]
    items = chart.shapes["items"]
    assert [i["current"] for i in items] == [False, True]
    assert "(huidig)" in items[-1]["heading"]
    assert [row[0] for row in chart.table.rows] == [1, 2]
    assert chart.table.rows[0][1] == "1 maart 2024"


def test_evidence_over_time_table_matches_the_bars():
    chart = charts()["timeseries"]
    assert chart.table.rows == [["K1 2025", 3, 12], ["K2 2025", 0, 1]]
    values = [(b["series"], b["value"]) for b in chart.shapes["bars"]]
    assert values == [("cases", "3"), ("contributions", "12"), ("cases", "0"), ("contributions", "1")]


QUARTERS = [f"K{q} {year}" for year in (2025, 2026) for q in (1, 2, 3, 4)] + ["K1 2027", "K2 2027"]


def test_evidence_over_time_has_a_narrow_layout_whose_text_keeps_its_size_on_a_phone():
    periods = [{"label": quarter, "cases": i, "contributions": 1} for i, quarter in enumerate(QUARTERS)]
    chart = visuals.evidence_over_time(periods)
    narrow = chart.narrow
    assert narrow.width <= 400 < chart.width and narrow.uid != chart.uid
    assert narrow.shapes["bars"] and [b["value"] for b in narrow.shapes["bars"]] == [
        b["value"] for b in chart.shapes["bars"]
    ]
    assert narrow.table.rows == chart.table.rows
    # The legend is stacked, so "bijdragen uit bijeenkomsten" stays inside the drawing.
    cases, contributions = narrow.shapes["legend"]
    assert contributions["y"] > cases["y"] and float(contributions["tx"]) + 13 * 0.6 * 27 <= narrow.width
    # Fewer quarter labels, so they do not overlap; every label is still in the table.
    assert 0 < len(narrow.shapes["labels"]) < len(chart.shapes["labels"]) == len(QUARTERS)
    xs = [float(label["x"]) for label in narrow.shapes["labels"]]
    assert min(b - a for a, b in itertools.pairwise(xs)) >= 50
    ET.fromstring(visuals.render_svg(narrow).encode())


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_narrow_harvest_wraps_its_footer_inside_the_drawing(language):
    from django.utils import translation

    with translation.override(language):
        wide = visuals.harvest_board(
            [{"name": "Aansluiten", "kind": "working", "contributions": 3, "votes": 1}], unclustered=12
        )
    narrow = wide.narrow
    lines = narrow.shapes["footer"]["lines"]
    assert len(lines) >= 2 and " ".join(line["text"] for line in lines) == narrow.shapes["footer"]["text"]
    assert all(16 + 13 * 0.56 * len(line["text"]) <= narrow.width - 16 for line in lines)
    assert float(lines[-1]["y"]) < narrow.height
    assert len(wide.shapes["footer"]["lines"]) == 1


def test_the_counts_above_the_bars_are_left_out_where_two_would_overlap():
    many = [{"label": q, "cases": 12, "contributions": 37} for q in QUARTERS * 2][:16]
    chart = visuals.evidence_over_time(many)
    assert chart.shapes["show_values"] and not chart.narrow.shapes["show_values"]
    assert ">37</text>" in visuals.render_svg(chart) and ">37</text>" not in visuals.render_svg(chart.narrow)
    few = visuals.evidence_over_time([{"label": "K1 2026", "cases": 12, "contributions": 30}])
    assert few.narrow.shapes["show_values"]  # one quarter has room


@pytest.mark.parametrize(
    "builder",
    [
        lambda: visuals.board([]),
        lambda: visuals.perspective_matrix([], [{"key": "gemeente", "label": "gemeente"}]),
        lambda: visuals.factor_map([], [], [], {}),
        lambda: visuals.harvest_board([]),
        lambda: visuals.definition_timeline([]),
        lambda: visuals.evidence_over_time([]),
    ],
)
def test_empty_visuals_say_so_and_stay_well_formed(builder):
    chart = builder()
    ET.fromstring(visuals.render_svg(chart).encode())
    assert chart.shapes.get("empty")
    assert chart.table.rows == []


def test_standalone_svg_names_the_licence(settings):
    settings.COP_LICENCE_NAME = "CC BY-SA 4.0"
    svg = visuals.render_svg(charts()["timeseries"], standalone=True)
    assert svg.startswith("<?xml")
    assert "CC BY-SA 4.0" in svg


def test_table_cells_escape_text_and_render_links():
    assert visual_cell("<b>") == "&lt;b&gt;"
    assert visual_cell(visuals.Link("A & B", "/a/?x=1&y=2")) == '<a href="/a/?x=1&amp;y=2">A &amp; B</a>'
    assert visual_cell([visuals.Link("A", "/a/"), "<i>"]) == '<a href="/a/">A</a>, &lt;i&gt;'


def test_wrap_limits_lines_and_adds_an_ellipsis():
    lines = visuals.wrap("een twee drie vier vijf zes zeven acht", 10, max_lines=2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert visuals.wrap("kort", 10) == ["kort"]


def test_compact_board_has_no_clusters_and_puts_the_strongest_first():
    chart = charts()["compact"]
    assert chart.table.columns[0] == "Factor"
    assert [str(row[0]) for row in chart.table.rows] == [
        "Aansluiten bij wat leeft",
        "Lange adem",
        "Versnipperde budgetten",
        "Zonder cluster <script>alert(1)</script> & co",
    ]
    assert chart.shapes["clusters"] == []
    # On a phone the two kinds get a heading each instead of the column headers.
    assert [c["text"] for c in chart.narrow.shapes["clusters"]] == ["Werkzame factoren", "Belemmeringen"]


def test_board_per_group_keeps_the_strongest_and_says_so():
    many = [
        {"name": f"Factor {i}", "kind": "working", "cluster": "Eigenaarschap", "strength": i, "evidence": i}
        for i in range(1, 8)
    ]
    chart = visuals.board(many, clusters=["Eigenaarschap"], per_group=3)
    assert [str(row[1]) for row in chart.table.rows] == ["Factor 7", "Factor 6", "Factor 5"]
    assert len(chart.shapes["tiles"]) == 3
    assert "3 van de 7" in chart.description


def test_the_board_note_wraps_in_the_narrow_layout():
    chart = charts()["board"]
    assert len(chart.shapes["note"]["lines"]) == 1
    assert len(chart.narrow.shapes["note"]["lines"]) > 1
    assert all(len(line["text"]) <= 55 for line in chart.narrow.shapes["note"]["lines"])


def test_evidence_over_time_grid_counts_in_whole_numbers():
    for highest in (0, 1, 3, 7, 13, 48):
        chart = visuals.evidence_over_time([{"label": "K1 2025", "cases": highest, "contributions": 0}])
        ticks = [g["text"] for g in chart.shapes["grid"]]
        assert all(tick.isdigit() for tick in ticks), (highest, ticks)
        assert int(ticks[-1]) >= highest


def test_plain_text_keeps_paragraphs_apart():
    from portal.queries import plain_text

    assert plain_text("<p>Eerste zin.</p><p>Tweede &amp; laatste</p><ul><li>a</li><li>b</li></ul>") == (
        "Eerste zin. Tweede & laatste a b"
    )
