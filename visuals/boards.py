"""The Wat werkt board and a meeting's harvest board."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from visuals.core import OBSTACLE, WORKING, Chart, Table, kind_colours, kind_label, named, num
from visuals.labels import line_dicts, place_label

# --- the Wat werkt board ------------------------------------------------------------


# The measures of the board, in SVG units.
BOARD_MARGIN, BOARD_GAP, TILE_H = 16, 16, 64
KINDS = (WORKING, OBSTACLE)


def _kind_of(factor):
    return OBSTACLE if factor.get("kind") == OBSTACLE else WORKING


def _by_strength(factor):
    """The sort key of a board: strongest first (then by ``points``, finer), then by name."""
    return (-(factor.get("strength") or 0), -(factor.get("points") or 0), str(factor.get("name", "")))


def _group_by_cluster(factors, clusters):
    order = list(clusters or [])
    groups = {name: {WORKING: [], OBSTACLE: []} for name in order}
    other = _("Nog zonder cluster")
    for factor in factors:
        name = factor.get("cluster") or other
        if name not in groups:
            groups[name] = {WORKING: [], OBSTACLE: []}
            order.append(name)
    for factor in factors:
        groups[factor.get("cluster") or other][_kind_of(factor)].append(factor)
    for group in groups.values():
        for kind in KINDS:
            group[kind].sort(key=_by_strength)
    if other in order:  # "Nog zonder cluster" always last
        order.remove(other)
        order.append(other)
    return [(name, groups[name]) for name in order if groups[name][WORKING] or groups[name][OBSTACLE]]


def _one_group(factors):
    """All factors in one unnamed group, strongest first per kind (the compact board)."""
    group = {WORKING: [], OBSTACLE: []}
    for factor in factors:
        group[_kind_of(factor)].append(factor)
    for kind in KINDS:
        group[kind].sort(key=_by_strength)
    return [(None, group)] if group[WORKING] or group[OBSTACLE] else []


def _board_groups(factors, clusters, grouped, per_group):
    """The groups of the board, and the factors that it shows (all of them without ``per_group``)."""
    groups = _group_by_cluster(factors, clusters) if grouped else _one_group(factors)
    if per_group is None:
        return groups, factors
    groups = [(name, {kind: group[kind][:per_group] for kind in KINDS}) for name, group in groups]
    return groups, [f for _name, group in groups for f in group[WORKING] + group[OBSTACLE]]


@dataclass(frozen=True)
class _BoardLayout:
    """The measures of a board of ``columns`` 2 (working left, obstacles right) or 1 (a phone)."""

    columns: int
    max_strength: float

    @property
    def width(self):
        # The narrow layout is drawn about as wide as a phone, so that its text keeps its size there.
        return 960 if self.columns == 2 else 400

    @property
    def col_w(self):
        if self.columns == 2:
            return (self.width - 2 * BOARD_MARGIN - BOARD_GAP) // 2
        return self.width - 2 * BOARD_MARGIN

    @property
    def track_w(self):
        return min(120, self.col_w - 260)


def board(
    factors,
    *,
    clusters=None,
    uid="wat-werkt",
    title=None,
    description=None,
    columns=2,
    grouped=True,
    per_group=None,
    max_strength=None,
):
    """The *Wat werkt* board: factors and obstacles by cluster, weighted by evidence strength.

    ``factors``: ``[{"name", "kind" ("working"|"obstacle"), "cluster" (name or None), "strength"
    (number), "evidence" (count), "url", "statement", "strength_label", "points" (optional)}]``.
    ``clusters``: cluster names in display order (others follow, "Nog zonder cluster" last).
    ``columns``: 2 (working left, obstacles right) or 1 (narrow, for phones). ``grouped``:
    False draws one list per kind (the compact board). ``per_group``: only the strongest
    ``per_group`` of each kind per cluster. ``max_strength``: a full bar (default: the strongest).
    """
    groups, shown = _board_groups(factors, clusters, grouped, per_group)
    layout = _BoardLayout(columns, max_strength or max((f.get("strength") or 0 for f in shown), default=0) or 1)
    shapes, height = _board_shapes(groups, layout)
    chart = Chart(
        kind="board",
        uid=uid if columns == 2 else f"{uid}-smal",
        title=title or _("Wat werkt: werkzame factoren en belemmeringen"),
        description=description or _board_summary(shown, len(factors), len(groups), grouped, per_group),
        width=layout.width,
        height=height,
        table=_board_table(groups, grouped),
        shapes=shapes,
        has_links=any(f.get("url") for f in shown),
    )
    if columns == 2:
        narrow = {"clusters": clusters, "uid": uid, "grouped": grouped, "max_strength": max_strength}
        chart.narrow = board(shown, title=chart.title, description=chart.description, columns=1, **narrow)
    return chart


def _board_shapes(groups, layout):
    """The shapes of a board and its height: the column headers, the groups, the note."""
    shapes = {"headers": [], "clusters": [], "tiles": [], "note": None}
    y = BOARD_MARGIN
    if layout.columns == 2:
        right = BOARD_MARGIN + layout.col_w + BOARD_GAP
        shapes["headers"] = [_header(BOARD_MARGIN, layout.col_w, WORKING, y), _header(right, layout.col_w, OBSTACLE, y)]
        y += 56
    for name, group in groups:
        y = _draw_group(shapes, name, group, y, layout)
    if not groups:
        shapes["empty"] = {
            "x": num(BOARD_MARGIN),
            "y": num(y + 24),
            "text": _("Er zijn nog geen factoren gepubliceerd."),
        }
        y += 48
    shapes["note"] = _board_note(y, layout.width)
    return shapes, y + 30 + (len(shapes["note"]["lines"]) - 1) * 17


def _kind_heading(kind):
    return _("Werkzame factoren") if kind == WORKING else _("Belemmeringen")


def _header(x, w, kind, y):
    """The header of a column: its kind's colour, glyph and name."""
    strong, _soft, glyph = kind_colours(kind)
    return {
        "x": num(x),
        "y": num(y),
        "w": num(w),
        "h": "40",
        "fill": strong,
        "tx": num(x + 14),
        "ty": num(y + 26),
        "text": f"{glyph} {_kind_heading(kind)}",
    }


def _heading(text, y):
    """A cluster's name (or a kind's, on the compact board on a phone) over a rule."""
    return {"text": text, "x": num(BOARD_MARGIN), "y": num(y + 20), "line_y": num(y + 28)}


def _draw_group(shapes, name, group, y, layout):
    """Adds the heading and the tiles of a group to ``shapes``; returns the ``y`` below them."""
    if name is not None:
        shapes["clusters"].append(_heading(name, y))
        y += 38
    if layout.columns == 2:
        return _two_columns(shapes["tiles"], group, y, layout)
    if name is None:
        # The compact board on a phone: a heading per kind instead of the two column headers.
        for kind in KINDS:
            if group[kind]:
                shapes["clusters"].append(_heading(_kind_heading(kind), y))
                y = _one_column(shapes["tiles"], group[kind], y + 38, layout)
        return y
    return _one_column(shapes["tiles"], group[WORKING] + group[OBSTACLE], y, layout)


def _two_columns(tiles, group, y, layout):
    """The working factors of a group on the left, its obstacles on the right.

    A tile grows with the lines of its name; each row of two tiles is as tall as the taller.
    """
    right = BOARD_MARGIN + layout.col_w + BOARD_GAP
    pairs = max(len(group[WORKING]), len(group[OBSTACLE]))
    for i in range(pairs):
        row = [(x, group[kind][i]) for x, kind in ((BOARD_MARGIN, WORKING), (right, OBSTACLE)) if i < len(group[kind])]
        placed = [_tile(factor, x, y, layout) for x, factor in row]
        tiles.extend(placed)
        y += max(round(float(tile["h"])) for tile in placed) + 8
    return y + 12


def _one_column(tiles, factors, y, layout):
    for factor in factors:
        tile = _tile(factor, BOARD_MARGIN, y, layout)
        tiles.append(tile)
        y += round(float(tile["h"])) + 8
    return y + 12


def _tile(factor, x, y, layout):
    """A factor's tile: its badge, its name in up to two lines and the bar of its evidence strength."""
    strong, soft, glyph = kind_colours(factor.get("kind"))
    strength = factor.get("strength") or 0
    track_w = layout.track_w
    bar = track_w * strength / layout.max_strength if strength else 0
    # Measured at 17 for a name drawn at 15: semi-bold text is wider than the average glyph.
    # The whole name, always: it shrinks a little, then the tile grows by a line.
    name = place_label(
        factor.get("name", ""), width=layout.col_w - 54, font_size=17, y=y + 22, line_height=18, min_font_size=14
    )
    step = name[1].y - name[0].y if len(name) > 1 else 0
    grow = max(len(name) - 2, 0) * step
    height = TILE_H + grow
    return {
        "url": factor.get("url") or "",
        "tooltip": factor.get("statement") or factor.get("name", ""),
        "x": num(x),
        "y": num(y),
        "w": num(layout.col_w),
        "h": num(height),
        "fill": soft,
        "stroke": strong,
        "badge_x": num(x + 8),
        "badge_y": num(y + 8),
        "glyph": glyph,
        "glyph_x": num(x + 20),
        "glyph_y": num(y + 26),
        # Drawn at 15/17 of the size it was fitted at (see above).
        "lines": [{"text": line.text, "y": num(line.y), "size": num(line.size * 15 / 17)} for line in name],
        "text_x": num(x + 42),
        "track_y": num(y + height - 14),
        "track_w": num(track_w),
        "bar_w": num(max(bar, 2) if strength else 0),
        # The bar is the evidence strength, so its label is too (the table has both numbers).
        "label": factor.get("strength_label") or _("sterkte %(n)s") % {"n": strength},
        "label_x": num(x + 42 + track_w + 10),
        "label_y": num(y + height - 8),
    }


def _board_note(y, width):
    note = _("De balk toont het niveau van de onderbouwing (0–3): bronnen, gemeenten en perspectieven.")
    lines = place_label(note, width=width - 2 * BOARD_MARGIN, font_size=13, y=y + 14, line_height=17, max_lines=3)
    return {"x": num(BOARD_MARGIN), "y": num(y + 14), "text": note, "lines": line_dicts(lines)}


def _board_cells(factor):
    return [
        named(factor["name"], factor.get("url")),
        kind_label(factor.get("kind")),
        factor.get("evidence") or 0,
        factor.get("strength_label") or num(factor.get("strength") or 0),
    ]


def _board_table(groups, grouped):
    """The board's data table: with a cluster column when the board is grouped."""
    shown = [(name, f) for name, group in groups for f in group[WORKING] + group[OBSTACLE]]
    if grouped:
        return Table(
            caption=_("Werkzame factoren en belemmeringen per cluster, met hun onderbouwing"),
            columns=[_("Cluster"), _("Factor"), _("Soort"), _("Bronnen"), _("Onderbouwing")],
            rows=[[name, *_board_cells(f)] for name, f in shown],
            numeric=(3,),
        )
    return Table(
        caption=_("De sterkst onderbouwde werkzame factoren en belemmeringen"),
        columns=[_("Factor"), _("Soort"), _("Bronnen"), _("Onderbouwing")],
        rows=[_board_cells(f) for _name, f in shown],
        numeric=(2,),
    )


def _board_summary(shown, total, clusters, grouped, per_group):
    """The board's description: how many of each kind it shows, and whether it shows them all."""
    working = sum(1 for f in shown if f.get("kind") != OBSTACLE)
    counts = {"working": working, "obstacles": len(shown) - working, "clusters": clusters}
    if grouped:
        summary = (
            _(
                "%(working)s werkzame factoren en %(obstacles)s belemmeringen in %(clusters)s clusters. "
                "Per factor toont een balk hoe sterk die is onderbouwd."
            )
            % counts
        )
    else:
        summary = (
            _(
                "De %(working)s sterkst onderbouwde werkzame factoren (links) en %(obstacles)s belemmeringen (rechts). "
                "Per factor toont een balk hoe sterk die is onderbouwd."
            )
            % counts
        )
    if len(shown) < total:
        summary += " " + _(
            "Per cluster staan alleen de %(n)s sterkst onderbouwde van elke soort in het beeld: "
            "%(shown)s van de %(total)s factoren."
        ) % {"n": per_group, "shown": len(shown), "total": total}
    return summary


# --- a meeting's harvest board ------------------------------------------------------


# HARVEST_NAME_X: where a row's name starts, after the kind badge (as in the template).
HARVEST_MARGIN, HARVEST_NAME_X = 16, 46


@dataclass(frozen=True)
class _HarvestLayout:
    narrow: bool
    width: int
    row_h: int
    header_h: int
    bar_w: int
    bar_h: int
    dot_gap: int
    label_w: int
    bar_x: int
    dots_x: int
    headers: list


def _harvest_layout(narrow):
    """Wide: everything of a factor on one line. Narrow: its name on the first line, bar and dots below."""
    margin = HARVEST_MARGIN
    if narrow:
        width, row_h, header_h, bar_w, bar_h, dot_gap = 380, 60, 40, 120, 16, 12
        label_w = width - 2 * margin  # the name has the whole first line
        bar_x = HARVEST_NAME_X
        dots_x = bar_x + bar_w + 36
        headers = [(bar_x, _("Bijdragen")), (dots_x, _("Stippen"))]
    else:
        label_w, bar_w, row_h, header_h, bar_h, dot_gap = 300, 240, 40, 44, 20, 14
        bar_x = margin + label_w
        dots_x = margin + label_w + bar_w + 60
        width = dots_x + 12 * 14 + 60
        headers = [(margin, _("Factor")), (bar_x, _("Bijdragen")), (dots_x, _("Stippen"))]
    return _HarvestLayout(narrow, width, row_h, header_h, bar_w, bar_h, dot_gap, label_w, bar_x, dots_x, headers)


def harvest_board(items, *, unclustered=0, uid="oogst", title=None, caption="", description=None, narrow=False):
    """What a meeting harvested: contributions and votes per factor.

    ``items``: ``[{"name", "kind", "url" (optional), "contributions", "votes"}]``. The chart
    carries a ``narrow`` layout for phones: each factor on two lines (its name, then its bar and
    dots), drawn about as wide as a phone so that the text keeps its size.
    """
    items = sorted(items, key=lambda i: (-(i.get("votes") or 0), -(i.get("contributions") or 0), i["name"]))
    layout = _harvest_layout(narrow)
    shapes, height = _harvest_shapes(items, unclustered, layout)
    chart = Chart(
        kind="harvest",
        uid=f"{uid}-smal" if narrow else uid,
        title=title or _("De oogst: bijdragen en stippen per factor"),
        caption=caption,
        description=description or _harvest_summary(items),
        width=layout.width,
        height=height,
        table=_harvest_table(items),
        shapes=shapes,
        has_links=any(i.get("url") for i in items),
    )
    if not narrow:
        chart.narrow = harvest_board(
            items, unclustered=unclustered, uid=uid, title=chart.title, description=chart.description, narrow=True
        )
    return chart


def _harvest_shapes(items, unclustered, layout):
    """The shapes of a harvest board and its height: headers, a row per factor, the footer.

    A row grows with the lines of its factor's name (names are never cut).
    """
    max_contrib = max((i.get("contributions") or 0 for i in items), default=0) or 1
    rows, y = [], layout.header_h
    for i, item in enumerate(items):
        row = _harvest_row(i, item, y, layout, max_contrib)
        rows.append(row)
        y += round(float(row["h"]))
    shapes = {"headers": [{"x": num(x), "text": text} for x, text in layout.headers], "rows": rows}
    height = y + 16
    shapes["footer"] = None
    if unclustered:
        shapes["footer"] = _harvest_footer(unclustered, layout.width, height)
        height += 24 + 18 * (len(shapes["footer"]["lines"]) - 1)
    if not items:
        shapes["empty"] = {
            "x": num(HARVEST_MARGIN),
            "y": num(layout.header_h + 24),
            "text": _("Nog geen geclusterde bijdragen."),
        }
        height += 30
    return shapes, height


def _harvest_row(i, item, y, layout, max_contrib):
    name = _harvest_name(i, item, y, layout)
    grow = float(name["grow"])
    if layout.narrow:
        second = y + 30 + grow  # the line of the bar and the dots, under the whole name
        bar_y = y
    else:
        second = bar_y = y + grow / 2  # bar and dots beside the middle of the name
    return (
        name
        | _harvest_bar(item.get("contributions") or 0, bar_y, second, layout, max_contrib)
        | _harvest_dots(item.get("votes") or 0, bar_y, second, layout)
        | {"h": num(layout.row_h + grow)}
    )


def _harvest_name(i, item, y, layout):
    """The band of a row, its kind badge and the factor's whole name, in as many lines as it needs."""
    strong, soft, glyph = kind_colours(item.get("kind"))
    lines = place_label(item["name"], width=layout.label_w - 40, font_size=14, y=y + 25, max_lines=1, min_font_size=12)
    if len(lines) > 1:  # two or more lines from the top of the band
        lines = place_label(item["name"], width=layout.label_w - 40, font_size=14, y=y + 18, line_height=16)
    grow = max(lines[-1].y - (y + 25) + 2, 0) if len(lines) > 1 else 0
    return {
        "url": item.get("url") or "",
        "name": item["name"],
        "lines": line_dicts(lines),
        "grow": num(grow),
        "band": i % 2 == 0,
        "y": num(y),
        "w": num(layout.width - 2 * HARVEST_MARGIN),
        "badge_y": num(y + 8),
        "glyph_x": num(HARVEST_MARGIN + 10),
        "glyph_y": num(y + 25),
        "fill": strong,
        "soft": soft,
        "glyph": glyph,
        "text_y": num(y + 25),
    }


def _harvest_bar(contributions, y, second, layout, max_contrib):
    """The bar of a factor's contributions and their count."""
    narrow = layout.narrow
    return {
        "bar_x": num(layout.bar_x),
        "bar_y": num(second + (8 if narrow else 10)),
        "bar_h": layout.bar_h,
        "bar_w": num(max(layout.bar_w * contributions / max_contrib, 2) if contributions else 0),
        "count_x": num(layout.bar_x + layout.bar_w + 8),
        "count_y": num(second + 21 if narrow else y + 25),
        "contributions": str(contributions),
    }


def _harvest_dots(votes, y, second, layout):
    """A dot per vote, up to ten; more votes are written as ``+n``."""
    shown = min(votes, 10)
    cy = num(second + 16 if layout.narrow else y + 20)
    return {
        "dots": [{"cx": num(layout.dots_x + 6 + d * layout.dot_gap), "cy": cy} for d in range(shown)],
        "more": f"+{votes - shown}" if votes > shown else "",
        "more_x": num(layout.dots_x + 6 + shown * layout.dot_gap + 4),
        "votes": str(votes),
    }


def _harvest_footer(unclustered, width, height):
    """How many contributions are not (yet) with a factor, in up to three lines under the rows."""
    text = ngettext(
        "%(n)s bijdrage is (nog) niet bij een factor ingedeeld.",
        "%(n)s bijdragen zijn (nog) niet bij een factor ingedeeld.",
        unclustered,
    ) % {"n": unclustered}
    width = width - 2 * HARVEST_MARGIN
    lines = place_label(text, width=width, font_size=13, y=height + 6, line_height=18, max_lines=3)
    return {"x": num(HARVEST_MARGIN), "text": text, "lines": [{"y": num(ln.y), "text": ln.text} for ln in lines]}


def _harvest_table(items):
    return Table(
        caption=_("Bijdragen en stippen per factor"),
        columns=[_("Factor"), _("Soort"), _("Bijdragen"), _("Stippen")],
        rows=[
            [
                named(i["name"], i.get("url")),
                kind_label(i.get("kind")),
                i.get("contributions") or 0,
                i.get("votes") or 0,
            ]
            for i in items
        ],
        numeric=(2, 3),
    )


def most_dots(items):
    """``(votes, names)``: the most dots of ``items`` and every name that has them (a tie gives several)."""
    most = max((i.get("votes") or 0 for i in items), default=0)
    return most, [i["name"] for i in items if most and (i.get("votes") or 0) == most]


def _harvest_summary(items):
    total = sum(i.get("contributions") or 0 for i in items)
    summary = _(
        "%(total)s bijdragen, ingedeeld bij %(factors)s factoren. De balk toont het aantal bijdragen, de stippen "
        "het aantal stemmen."
    ) % {"total": total, "factors": len(items)}
    most, names = most_dots(items)
    if len(names) == 1:
        summary += " " + _("Meeste stippen (%(n)s): %(top)s.") % {"n": most, "top": names[0]}
    elif names:
        summary += " " + _("Gedeeld de meeste stippen (%(n)s elk): %(top)s.") % {"n": most, "top": ", ".join(names)}
    return summary
