"""Server-made visuals: accessible SVG with a data-table alternative.

Each builder takes plain data (lists of dicts, no model instances) and returns a
``Chart``: the geometry that its template ``templates/visuals/<kind>.svg`` draws,
and a ``Table`` with the same data for people who cannot see the picture (and for
tests, which compare the two). No database access happens here; ``portal.queries``
gathers the data. The factor map's spring layout (networkx) is computed by
``spring_positions``; callers cache it (see ``portal.queries.factor_graph``).

Rules every visual follows:
- ``<svg role="img" aria-labelledby="…-title …-desc">`` with ``<title>`` and
  ``<desc>``; a visual with links in it uses ``role="group"`` instead, because the
  children of an ``img`` are presentational and links inside it would be hidden
  from assistive technology;
- presentation attributes only, never ``style=`` (the Content-Security-Policy);
- colour is never the only cue: working factors carry a ``+`` badge or a circle,
  obstacles a ``−`` badge or a diamond;
- every number written into an attribute is formatted here, with a dot, so that a
  Dutch locale cannot turn ``1.5`` into ``1,5`` inside the SVG.
"""

import math
import textwrap
from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# The design tokens of static/css/site.css, for SVG presentation attributes.
PALETTE = {
    "working": "#1d6b3a",
    "working_soft": "#e3f1e7",
    "obstacle": "#a23a12",
    "obstacle_soft": "#fbe8df",
    "text": "#1b1f24",
    "muted": "#4a5560",
    "primary": "#0b5563",
    "contribution": "#5b3a8c",
    "line": "#8a969e",
    "grid": "#d5dcd9",
    "surface": "#f4f6f5",
    "white": "#ffffff",
}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
WORKING = "working"
OBSTACLE = "obstacle"


def kind_colours(kind):
    """(strong, soft, glyph) for a factor kind."""
    if kind == OBSTACLE:
        return PALETTE["obstacle"], PALETTE["obstacle_soft"], "−"
    return PALETTE["working"], PALETTE["working_soft"], "+"


def kind_label(kind):
    return _("belemmering") if kind == OBSTACLE else _("werkzame factor")


# --- colour contrast (WCAG 2.1) -----------------------------------------------------


def _luminance(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground, background):
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# --- the shared shapes --------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """A table cell that links somewhere."""

    text: str
    url: str

    def __str__(self):
        return self.text


@dataclass
class Table:
    """The data-table alternative of a visual."""

    caption: str
    columns: list
    rows: list
    numeric: tuple = ()  # indexes of numeric columns (right-aligned)


@dataclass
class Chart:
    kind: str
    uid: str
    title: str
    description: str
    width: int
    height: int
    table: Table
    shapes: dict = field(default_factory=dict)
    has_links: bool = False
    # A second, narrow layout of the same data for small screens (board only).
    narrow: "Chart | None" = None

    @property
    def title_id(self):
        return f"{self.uid}-title"

    @property
    def desc_id(self):
        return f"{self.uid}-desc"

    @property
    def role(self):
        return "group" if self.has_links else "img"

    @property
    def template_name(self):
        return f"visuals/{self.kind}.svg"


def num(value):
    """A number for an SVG attribute: at most one decimal, always a dot."""
    value = round(float(value), 1)
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def wrap(text, width, max_lines=2):
    """``text`` in at most ``max_lines`` lines of about ``width`` characters, with an ellipsis."""
    text = " ".join(str(text or "").split())
    lines = textwrap.wrap(text, width=max(width, 4), break_long_words=True) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        lines[-1] = (last[: max(width - 1, 1)].rstrip() if len(last) >= width else last) + "…"
    return lines


def truncate(text, width):
    return wrap(text, width, max_lines=1)[0]


# The average width of a glyph of the sans-serif font, as a share of the font size.
GLYPH_WIDTH = 0.56


def chars_for(pixels, font_size):
    """About how many characters of a sans-serif font fit in ``pixels``."""
    return max(int(pixels / (font_size * GLYPH_WIDTH)), 4)


def text_width(text, font_size):
    """About how wide ``text`` is drawn in a sans-serif font (the inverse of ``chars_for``)."""
    return len(text) * font_size * GLYPH_WIDTH


def nice_ceiling(value):
    """The next 'round' number (1, 2, 5 × 10^k) at or above ``value``; at least 1."""
    if value <= 1:
        return 1
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        candidate = step * 10**exponent
        if candidate >= value:
            return candidate
    return 10 ** (exponent + 1)


def render_svg(chart, *, standalone=False):
    """The SVG markup of ``chart``; ``standalone`` adds the XML declaration for a download."""
    context = {"chart": chart, "c": chart.shapes, "p": PALETTE, "font": FONT, "standalone": standalone}
    if standalone:
        context |= {
            "licence_name": settings.COP_LICENCE_NAME,
            "licence_url": settings.COP_LICENCE_URL,
            "site_url": settings.SITE_URL,
            "source_line": _("Bron: Weten wat werkt (%(site)s) · licentie %(licence)s")
            % {"site": settings.SITE_URL, "licence": settings.COP_LICENCE_NAME},
        }
    return render_to_string(chart.template_name, context)


def render_figure(chart, *, show_table=True, open_table=False):
    """A ``<figure>``: the SVG (wide and narrow when there is a narrow layout) and its data table."""
    return render_to_string("visuals/figure.html", {"chart": chart, "show_table": show_table, "open_table": open_table})


# --- the Wat werkt board ------------------------------------------------------------


def _group_by_cluster(factors, clusters):
    order = list(clusters or [])
    groups = {name: {WORKING: [], OBSTACLE: []} for name in order}
    other = _("Overig")
    for factor in factors:
        name = factor.get("cluster") or other
        if name not in groups:
            groups[name] = {WORKING: [], OBSTACLE: []}
            order.append(name)
    for factor in factors:
        name = factor.get("cluster") or other
        kind = OBSTACLE if factor.get("kind") == OBSTACLE else WORKING
        groups[name][kind].append(factor)
    for group in groups.values():
        for kind in (WORKING, OBSTACLE):
            group[kind].sort(key=lambda f: (-(f.get("strength") or 0), str(f.get("name", ""))))
    if other in order:  # "Overig" always last
        order.remove(other)
        order.append(other)
    return [(name, groups[name]) for name in order if groups[name][WORKING] or groups[name][OBSTACLE]]


def _one_group(factors):
    """All factors in one unnamed group, strongest first per kind (the compact board)."""
    group = {WORKING: [], OBSTACLE: []}
    for factor in factors:
        group[OBSTACLE if factor.get("kind") == OBSTACLE else WORKING].append(factor)
    for kind in (WORKING, OBSTACLE):
        group[kind].sort(key=lambda f: (-(f.get("strength") or 0), str(f.get("name", ""))))
    return [(None, group)] if group[WORKING] or group[OBSTACLE] else []


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
):
    """The *Wat werkt* board: factors and obstacles by cluster, weighted by evidence strength.

    ``factors``: ``[{"name", "kind" ("working"|"obstacle"), "cluster" (name or None),
    "strength" (number), "evidence" (count), "url" (optional), "statement" (optional)}]``.
    ``clusters``: cluster names in their display order (others follow, "Overig" last).
    ``columns``: 2 (working left, obstacles right) or 1 (a narrow layout for phones).
    ``grouped``: False draws one list per kind without clusters (the compact board of
    the home page and the posters).
    ``per_group``: keep only the strongest ``per_group`` of each kind per cluster; the
    picture, the table and the description then say the same about what is shown.
    """
    all_factors = factors
    groups = _group_by_cluster(factors, clusters) if grouped else _one_group(factors)
    if per_group is not None:
        groups = [(name, {kind: group[kind][:per_group] for kind in (WORKING, OBSTACLE)}) for name, group in groups]
        factors = [f for _name, group in groups for f in group[WORKING] + group[OBSTACLE]]
    max_strength = max((f.get("strength") or 0 for f in factors), default=0) or 1
    margin, gap, tile_h = 16, 16, 64
    # The narrow layout is drawn about as wide as a phone, so that its text keeps its size there.
    width = 960 if columns == 2 else 400
    col_w = (width - 2 * margin - gap) // 2 if columns == 2 else width - 2 * margin
    track_w = min(260, col_w - 200)
    name_chars = chars_for(col_w - 54, 17)  # semi-bold text is wider than the average glyph
    shapes = {"headers": [], "clusters": [], "tiles": [], "note": None}

    def header(x, w, kind, y):
        strong, _soft, glyph = kind_colours(kind)
        text = _("Werkzame factoren") if kind == WORKING else _("Belemmeringen")
        shapes["headers"].append(
            {"x": num(x), "y": num(y), "w": num(w), "h": "40", "fill": strong, "tx": num(x + 14), "ty": num(y + 26)}
            | {"text": f"{glyph} {text}"}
        )

    def tile(factor, x, y):
        strong, soft, glyph = kind_colours(factor.get("kind"))
        strength = factor.get("strength") or 0
        bar = track_w * strength / max_strength if strength else 0
        return {
            "url": factor.get("url") or "",
            "tooltip": factor.get("statement") or factor.get("name", ""),
            "x": num(x),
            "y": num(y),
            "w": num(col_w),
            "h": num(tile_h),
            "fill": soft,
            "stroke": strong,
            "badge_x": num(x + 8),
            "badge_y": num(y + 8),
            "glyph": glyph,
            "glyph_x": num(x + 20),
            "glyph_y": num(y + 26),
            "lines": [
                {"text": line, "y": num(y + 22 + i * 18)}
                for i, line in enumerate(wrap(factor.get("name", ""), name_chars, max_lines=2))
            ],
            "text_x": num(x + 42),
            "track_y": num(y + tile_h - 14),
            "track_w": num(track_w),
            "bar_w": num(max(bar, 2) if strength else 0),
            # The bar is the evidence strength, so its label is too (the table has both numbers).
            "label": _("sterkte %(n)s") % {"n": strength},
            "label_x": num(x + 42 + track_w + 10),
            "label_y": num(y + tile_h - 8),
        }

    y = margin
    if columns == 2:
        header(margin, col_w, WORKING, y)
        header(margin + col_w + gap, col_w, OBSTACLE, y)
        y += 56
    for name, group in groups:
        if name is not None:
            shapes["clusters"].append({"text": name, "x": num(margin), "y": num(y + 20), "line_y": num(y + 28)})
            y += 38
        if columns == 2:
            rows = max(len(group[WORKING]), len(group[OBSTACLE]))
            for i, factor in enumerate(group[WORKING]):
                shapes["tiles"].append(tile(factor, margin, y + i * (tile_h + 8)))
            for i, factor in enumerate(group[OBSTACLE]):
                shapes["tiles"].append(tile(factor, margin + col_w + gap, y + i * (tile_h + 8)))
            y += rows * (tile_h + 8) + 12
        elif name is None:
            # The compact board on a phone: a heading per kind instead of the two column headers.
            for kind in (WORKING, OBSTACLE):
                if not group[kind]:
                    continue
                text = _("Werkzame factoren") if kind == WORKING else _("Belemmeringen")
                shapes["clusters"].append({"text": text, "x": num(margin), "y": num(y + 20), "line_y": num(y + 28)})
                y += 38
                for factor in group[kind]:
                    shapes["tiles"].append(tile(factor, margin, y))
                    y += tile_h + 8
                y += 12
        else:
            for factor in group[WORKING] + group[OBSTACLE]:
                shapes["tiles"].append(tile(factor, margin, y))
                y += tile_h + 8
            y += 12
    if not groups:
        shapes["empty"] = {"x": num(margin), "y": num(y + 24), "text": _("Er zijn nog geen factoren gepubliceerd.")}
        y += 48
    note = _("De balk toont hoe sterk een factor is onderbouwd met casussen en bijdragen uit bijeenkomsten.")
    note_lines = wrap(note, chars_for(width - 2 * margin, 13), max_lines=3)
    shapes["note"] = {
        "x": num(margin),
        "y": num(y + 14),
        "text": note,
        "lines": [{"text": line, "y": num(y + 14 + i * 17)} for i, line in enumerate(note_lines)],
    }
    height = y + 30 + (len(note_lines) - 1) * 17

    working = sum(1 for f in factors if f.get("kind") != OBSTACLE)
    obstacles = len(factors) - working

    def cells(f):
        return [
            Link(f["name"], f["url"]) if f.get("url") else f["name"],
            kind_label(f.get("kind")),
            f.get("evidence") or 0,
            num(f.get("strength") or 0),
        ]

    shown = [(name, f) for name, group in groups for f in group[WORKING] + group[OBSTACLE]]
    if grouped:
        table = Table(
            caption=_("Werkzame factoren en belemmeringen per cluster, met hun onderbouwing"),
            columns=[_("Cluster"), _("Factor"), _("Soort"), _("Onderbouwingen"), _("Sterkte")],
            rows=[[name, *cells(f)] for name, f in shown],
            numeric=(3, 4),
        )
        summary = _(
            "%(working)s werkzame factoren en %(obstacles)s belemmeringen in %(clusters)s clusters. "
            "Per factor toont een balk hoe sterk die is onderbouwd."
        ) % {"working": working, "obstacles": obstacles, "clusters": len(groups)}
    else:
        table = Table(
            caption=_("De sterkst onderbouwde werkzame factoren en belemmeringen"),
            columns=[_("Factor"), _("Soort"), _("Onderbouwingen"), _("Sterkte")],
            rows=[cells(f) for _name, f in shown],
            numeric=(2, 3),
        )
        summary = _(
            "De %(working)s sterkst onderbouwde werkzame factoren (links) en %(obstacles)s belemmeringen (rechts). "
            "Per factor toont een balk hoe sterk die is onderbouwd."
        ) % {"working": working, "obstacles": obstacles}
    if len(factors) < len(all_factors):
        summary += " " + _(
            "Per cluster staan alleen de %(n)s sterkst onderbouwde van elke soort in het beeld: "
            "%(shown)s van de %(total)s factoren."
        ) % {"n": per_group, "shown": len(factors), "total": len(all_factors)}
    chart = Chart(
        kind="board",
        uid=uid if columns == 2 else f"{uid}-smal",
        title=title or _("Wat werkt: werkzame factoren en belemmeringen"),
        description=description or summary,
        width=width,
        height=height,
        table=table,
        shapes=shapes,
        has_links=any(f.get("url") for f in factors),
    )
    if columns == 2:
        chart.narrow = board(
            factors,
            clusters=clusters,
            uid=uid,
            title=chart.title,
            description=chart.description,
            columns=1,
            grouped=grouped,
        )
    return chart


# --- the perspective matrix ---------------------------------------------------------


def perspective_matrix(rows, perspectives, *, uid="perspectieven", title=None, description=None):
    """Factor × perspective: who names what.

    ``rows``: ``[{"name", "kind", "url" (optional), "counts": {perspective key: n}}]``.
    ``perspectives``: ``[{"key", "label"}]`` in column order.
    """
    margin, label_w, cell_w, row_h, header_h = 16, 320, 64, 36, 150
    width = margin + label_w + cell_w * len(perspectives) + 90
    max_count = max((n for row in rows for n in row.get("counts", {}).values()), default=0) or 1
    shapes = {"columns": [], "rows": []}
    for j, perspective in enumerate(perspectives):
        x = margin + label_w + j * cell_w + cell_w / 2
        shapes["columns"].append(
            {
                "text": perspective["label"],
                "x": num(x),
                "y": num(header_h - 10),
                "rotate": f"-40 {num(x)} {num(header_h - 10)}",
            }
        )
    for i, row in enumerate(rows):
        y = header_h + i * row_h
        strong, _soft, glyph = kind_colours(row.get("kind"))
        cells = []
        for j, perspective in enumerate(perspectives):
            count = row.get("counts", {}).get(perspective["key"], 0)
            if not count:
                continue
            cx = margin + label_w + j * cell_w + 22
            cells.append(
                {
                    "cx": num(cx),
                    "cy": num(y + row_h / 2),
                    "r": num(3 + 11 * math.sqrt(count / max_count)),
                    "fill": strong,
                    "text": str(count),
                    "tx": num(cx + 17),
                    "ty": num(y + row_h / 2 + 5),
                }
            )
        shapes["rows"].append(
            {
                "url": row.get("url") or "",
                "name": row["name"],
                "label": truncate(row["name"], chars_for(label_w - 40, 14)),
                "band": i % 2 == 0,
                "x": num(margin),
                "y": num(y),
                "w": num(width - 2 * margin),
                "h": num(row_h),
                "badge_y": num(y + 8),
                "glyph_x": num(margin + 10),
                "glyph_y": num(y + 24),
                "fill": strong,
                "glyph": glyph,
                "text_x": num(margin + 28),
                "text_y": num(y + 23),
                "cells": cells,
            }
        )
    height = header_h + len(rows) * row_h + 24
    if not rows:
        shapes["empty"] = {
            "x": num(margin),
            "y": num(header_h + 24),
            "text": _("Nog geen onderbouwing met perspectief."),
        }
        height += 24
    totals = [sum(r.get("counts", {}).get(p["key"], 0) for r in rows) for p in perspectives]
    table = Table(
        caption=_("Hoe vaak elk perspectief een factor noemt (casussen en bijdragen)"),
        columns=[_("Factor"), _("Soort"), *[p["label"] for p in perspectives], _("Totaal")],
        rows=[
            [
                Link(row["name"], row["url"]) if row.get("url") else row["name"],
                kind_label(row.get("kind")),
                *[row.get("counts", {}).get(p["key"], 0) for p in perspectives],
                sum(row.get("counts", {}).values()),
            ]
            for row in rows
        ],
        numeric=tuple(range(2, len(perspectives) + 3)),
    )
    busiest = max(zip(totals, [p["label"] for p in perspectives], strict=True), default=(0, ""))
    return Chart(
        kind="matrix",
        uid=uid,
        title=title or _("Perspectieven: wie noemt wat?"),
        description=description
        or _(
            "Een matrix van %(rows)s factoren tegen %(columns)s perspectieven. Hoe groter de stip, hoe vaker "
            "casussen en bijdragen vanuit dat perspectief de factor noemen. Het vaakst aan het woord: %(busiest)s."
        )
        % {"rows": len(rows), "columns": len(perspectives), "busiest": busiest[1] or "–"},
        width=width,
        height=height,
        table=table,
        shapes=shapes,
        has_links=any(r.get("url") for r in rows),
    )


# --- the factor map -----------------------------------------------------------------


def spring_positions(node_ids, edges, *, seed=7):
    """Spring-layout positions in [-1, 1] for a graph; plain floats, ready for a cache.

    networkx's ``spring_layout`` needs numpy; where numpy is not installed the same
    Fruchterman-Reingold method runs in plain Python (fine for the few hundred
    nodes the map shows, and it runs once per change, not per request).
    """
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(node_ids)
    graph.add_edges_from(edges)
    if graph.number_of_nodes() == 0:
        return {}
    k = 1.8 / math.sqrt(graph.number_of_nodes())
    try:
        positions = nx.spring_layout(graph, seed=seed, k=k, iterations=80)
    except ImportError:
        positions = _fruchterman_reingold(graph, k=k, seed=seed)
    return _rescale({node: (float(x), float(y)) for node, (x, y) in positions.items()})


def _fruchterman_reingold(graph, *, k, seed, iterations=60):
    import random

    rng = random.Random(seed)
    nodes = list(graph.nodes)
    pos = {node: [rng.random(), rng.random()] for node in nodes}
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _step in range(iterations):
        shift = {node: [0.0, 0.0] for node in nodes}
        for i, a in enumerate(nodes):
            ax, ay = pos[a]
            for b in nodes[i + 1 :]:
                dx, dy = ax - pos[b][0], ay - pos[b][1]
                distance = max(math.hypot(dx, dy), 0.01)
                force = k * k / distance
                fx, fy = dx / distance * force, dy / distance * force
                shift[a][0] += fx
                shift[a][1] += fy
                shift[b][0] -= fx
                shift[b][1] -= fy
        for a, b in graph.edges:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            distance = max(math.hypot(dx, dy), 0.01)
            force = distance * distance / k
            fx, fy = dx / distance * force, dy / distance * force
            shift[a][0] -= fx
            shift[a][1] -= fy
            shift[b][0] += fx
            shift[b][1] += fy
        for node in nodes:
            dx, dy = shift[node]
            length = max(math.hypot(dx, dy), 0.01)
            step = min(length, temperature)
            pos[node][0] += dx / length * step
            pos[node][1] += dy / length * step
        temperature -= cooling
    return pos


def _rescale(positions):
    """Centre the positions and scale them into [-1, 1], rounded for a compact cache entry."""
    if len(positions) == 1:
        return {node: (0.0, 0.0) for node in positions}
    xs = [x for x, _y in positions.values()]
    ys = [y for _x, y in positions.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1
    return {node: (round((x - cx) / half, 4), round((y - cy) / half, 4)) for node, (x, y) in positions.items()}


def factor_map(factors, cases, edges, positions, *, uid="factorkaart", title=None, description=None):
    """Factors and cases as a network; every node is a link.

    ``factors``: ``[{"id", "name", "kind", "url", "weight"}]``; ``cases``: ``[{"id", "name", "url"}]``;
    ``edges``: ``[(factor id, case id)]``; ``positions``: ``{id: (x, y)}`` in [-1, 1]
    (from ``spring_positions``, cached by the caller).
    """
    width, height, pad_x, pad_top, pad_bottom = 960, 760, 110, 70, 36
    max_weight = max((f.get("weight") or 0 for f in factors), default=0) or 1
    # Stretch each axis on its own: a network has no true aspect ratio, and the
    # canvas is better filled than left half empty.
    xs = [x for x, _y in positions.values()] or [0.0]
    ys = [y for _x, y in positions.values()] or [0.0]

    def stretch(value, low, high, start, size):
        return start + size / 2 if high - low < 1e-9 else start + (value - low) / (high - low) * size

    def place(node_id):
        x, y = positions.get(node_id, (0.0, 0.0))
        return (
            stretch(x, min(xs), max(xs), pad_x, width - 2 * pad_x),
            stretch(y, min(ys), max(ys), pad_top, height - pad_top - pad_bottom),
        )

    placed = {node["id"]: place(node["id"]) for node in [*factors, *cases]}
    radius = {f["id"]: 7 + 9 * math.sqrt((f.get("weight") or 0) / max_weight) for f in factors}
    # Labels are placed greedily, biggest factors first: the first free spot of
    # right, left, above, below; a case label that finds no room is left out (its
    # name stays in the node's title, its aria-label and the table).
    taken = [
        (x - radius.get(i, 7), y - radius.get(i, 7), x + radius.get(i, 7), y + radius.get(i, 7))
        for i, (x, y) in placed.items()
    ]

    def free(box):
        return all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in taken) and (
            box[0] >= 2 and box[2] <= width - 2 and box[1] >= pad_top - 24 and box[3] <= height - 2
        )

    def place_label(x, y, r, text, size, *, required):
        w, h = len(text) * size * 0.58, size
        candidates = [
            ((x + r + 5, y - h / 2, x + r + 5 + w, y + h / 2), x + r + 5, y + size * 0.35, "start"),
            ((x - r - 5 - w, y - h / 2, x - r - 5, y + h / 2), x - r - 5, y + size * 0.35, "end"),
            ((x - w / 2, y - r - 4 - h, x + w / 2, y - r - 4), x, y - r - 6, "middle"),
            ((x - w / 2, y + r + 4, x + w / 2, y + r + 4 + h), x, y + r + 3 + size, "middle"),
        ]
        for box, lx, ly, anchor in candidates:
            if free(box):
                taken.append(box)
                return lx, ly, anchor
        if not required:
            return None
        box, lx, ly, anchor = candidates[0] if x < width / 2 else candidates[1]
        taken.append(box)
        return lx, ly, anchor

    shapes = {"edges": [], "cases": [], "factors": [], "legend": []}
    for a, b in edges:
        if a in placed and b in placed:
            (x1, y1), (x2, y2) = placed[a], placed[b]
            shapes["edges"].append({"x1": num(x1), "y1": num(y1), "x2": num(x2), "y2": num(y2)})
    for factor in sorted(factors, key=lambda f: -(f.get("weight") or 0)):
        x, y = placed[factor["id"]]
        r = radius[factor["id"]]
        strong, _soft, _glyph = kind_colours(factor.get("kind"))
        label = truncate(factor["name"], 30)
        lx, ly, anchor = place_label(x, y, r * 1.2, label, 13, required=True)
        d = r * 1.2  # a diamond of the same visual weight as the circle
        shapes["factors"].append(
            {
                "url": factor.get("url") or "",
                "name": factor["name"],
                "kind_label": kind_label(factor.get("kind")),
                "obstacle": factor.get("kind") == OBSTACLE,
                "cx": num(x),
                "cy": num(y),
                "r": num(r),
                "points": f"{num(x)},{num(y - d)} {num(x + d)},{num(y)} {num(x)},{num(y + d)} {num(x - d)},{num(y)}",
                "fill": strong,
                "label": label,
                "lx": num(lx),
                "ly": num(ly),
                "anchor": anchor,
            }
        )
    for case in cases:
        x, y = placed[case["id"]]
        label = truncate(case["name"], 26)
        spot = place_label(x, y, 7, label, 11, required=False)
        shapes["cases"].append(
            {
                "url": case.get("url") or "",
                "name": case["name"],
                "x": num(x - 6),
                "y": num(y - 6),
                "label": label if spot else "",
                "lx": num(spot[0]) if spot else "0",
                "ly": num(spot[1]) if spot else "0",
                "anchor": spot[2] if spot else "middle",
            }
        )
    shapes["legend"] = [
        {"shape": "circle", "fill": PALETTE["working"], "x": "24", "y": "24", "text": _("werkzame factor")},
        {"shape": "diamond", "fill": PALETTE["obstacle"], "x": "184", "y": "24", "text": _("belemmering")},
        {"shape": "square", "fill": PALETTE["primary"], "x": "324", "y": "24", "text": _("casus")},
    ]
    for item in shapes["legend"]:
        x = int(item["x"])
        item["points"] = f"{x},14 {x + 10},24 {x},34 {x - 10},24"
        item["sx"], item["sy"], item["tx"] = str(x - 7), "17", str(x + 16)
    if not factors and not cases:
        shapes["empty"] = {"x": "24", "y": "80", "text": _("Nog geen factoren met casussen om te tonen.")}

    cases_by_factor = {f["id"]: [] for f in factors}
    case_by_id = {c["id"]: c for c in cases}
    for a, b in edges:
        if a in cases_by_factor and b in case_by_id:
            cases_by_factor[a].append(case_by_id[b])
    table = Table(
        caption=_("Factoren en de casussen die ze noemen"),
        columns=[_("Factor"), _("Soort"), _("Aantal casussen"), _("Casussen")],
        rows=[
            [
                Link(f["name"], f["url"]) if f.get("url") else f["name"],
                kind_label(f.get("kind")),
                len(cases_by_factor[f["id"]]),
                [Link(c["name"], c["url"]) if c.get("url") else c["name"] for c in cases_by_factor[f["id"]]],
            ]
            for f in factors
        ],
        numeric=(2,),
    )
    return Chart(
        kind="map",
        uid=uid,
        title=title or _("Factorkaart: factoren en casussen als netwerk"),
        description=description
        or _(
            "Een netwerk van %(factors)s factoren en %(cases)s casussen met %(edges)s verbindingen. Een lijn "
            "betekent dat een casus de factor noemt. Cirkels zijn werkzame factoren, ruiten belemmeringen, "
            "vierkantjes casussen; hoe groter de vorm, hoe sterker de onderbouwing."
        )
        % {"factors": len(factors), "cases": len(cases), "edges": len(shapes["edges"])},
        width=width,
        height=height,
        table=table,
        shapes=shapes,
        has_links=True,
    )


# --- a meeting's harvest board ------------------------------------------------------


def harvest_board(items, *, unclustered=0, uid="oogst", title=None, description=None, narrow=False):
    """What a meeting harvested: contributions and votes per factor.

    ``items``: ``[{"name", "kind", "url" (optional), "contributions", "votes"}]``. The chart
    carries a ``narrow`` layout for phones: each factor on two lines (its name, then its bar and
    dots), drawn about as wide as a phone so that the text keeps its size.
    """
    items = sorted(items, key=lambda i: (-(i.get("votes") or 0), -(i.get("contributions") or 0), i["name"]))
    margin, name_x = 16, 46  # name_x: where a name starts, after the kind badge (as in the template)
    if narrow:
        width, row_h, header_h, bar_w, bar_h, dot_gap = 380, 60, 40, 120, 16, 12
        label_w = width - 2 * margin  # the name has the whole first line
        bar_x = name_x
        dots_x = bar_x + bar_w + 36
        headers = [(bar_x, _("Bijdragen")), (dots_x, _("Stippen"))]
    else:
        label_w, bar_w, row_h, header_h, bar_h, dot_gap = 300, 240, 40, 44, 20, 14
        bar_x = margin + label_w
        dots_x = margin + label_w + bar_w + 60
        width = dots_x + 12 * 14 + 60
        headers = [(margin, _("Factor")), (bar_x, _("Bijdragen")), (dots_x, _("Stippen"))]
    max_contrib = max((i.get("contributions") or 0 for i in items), default=0) or 1
    shapes = {"headers": [{"x": num(x), "text": text} for x, text in headers], "band_h": row_h, "rows": []}
    for i, item in enumerate(items):
        y = header_h + i * row_h
        strong, soft, glyph = kind_colours(item.get("kind"))
        contributions = item.get("contributions") or 0
        votes = item.get("votes") or 0
        shown_dots = min(votes, 10)
        # Wide: everything on one line. Narrow: the name on the first line, bar and dots below it.
        second = y + 30 if narrow else y
        shapes["rows"].append(
            {
                "url": item.get("url") or "",
                "name": item["name"],
                "label": truncate(item["name"], chars_for(label_w - 40, 14)),
                "band": i % 2 == 0,
                "y": num(y),
                "w": num(width - 2 * margin),
                "badge_y": num(y + 8),
                "glyph_x": num(margin + 10),
                "glyph_y": num(y + 25),
                "fill": strong,
                "soft": soft,
                "glyph": glyph,
                "text_y": num(y + 25),
                "bar_x": num(bar_x),
                "bar_y": num(second + (8 if narrow else 10)),
                "bar_h": bar_h,
                "bar_w": num(max(bar_w * contributions / max_contrib, 2) if contributions else 0),
                "count_x": num(bar_x + bar_w + 8),
                "count_y": num(second + 21 if narrow else y + 25),
                "contributions": str(contributions),
                "dots": [
                    {"cx": num(dots_x + 6 + d * dot_gap), "cy": num(second + 16 if narrow else y + 20)}
                    for d in range(shown_dots)
                ],
                "more": f"+{votes - shown_dots}" if votes > shown_dots else "",
                "more_x": num(dots_x + 6 + shown_dots * dot_gap + 4),
                "votes": str(votes),
            }
        )
    height = header_h + len(items) * row_h + 16
    shapes["footer"] = None
    if unclustered:
        text = ngettext(
            "%(n)s bijdrage is (nog) niet bij een factor ingedeeld.",
            "%(n)s bijdragen zijn (nog) niet bij een factor ingedeeld.",
            unclustered,
        ) % {"n": unclustered}
        lines = wrap(text, chars_for(width - 2 * margin, 13), max_lines=3)
        shapes["footer"] = {
            "x": num(margin),
            "text": text,
            "lines": [{"y": num(height + 6 + 18 * i), "text": line} for i, line in enumerate(lines)],
        }
        height += 24 + 18 * (len(lines) - 1)
    if not items:
        shapes["empty"] = {"x": num(margin), "y": num(header_h + 24), "text": _("Nog geen geclusterde bijdragen.")}
        height += 30
    table = Table(
        caption=_("Bijdragen en stippen per factor"),
        columns=[_("Factor"), _("Soort"), _("Bijdragen"), _("Stippen")],
        rows=[
            [
                Link(i["name"], i["url"]) if i.get("url") else i["name"],
                kind_label(i.get("kind")),
                i.get("contributions") or 0,
                i.get("votes") or 0,
            ]
            for i in items
        ],
        numeric=(2, 3),
    )
    total = sum(i.get("contributions") or 0 for i in items)
    top = items[0]["name"] if items else "–"
    chart = Chart(
        kind="harvest",
        uid=f"{uid}-smal" if narrow else uid,
        title=title or _("De oogst: bijdragen en stippen per factor"),
        description=description
        or _(
            "%(total)s bijdragen, ingedeeld bij %(factors)s factoren. De balk toont het aantal bijdragen, de stippen "
            "het aantal stemmen. Meeste stippen: %(top)s."
        )
        % {"total": total, "factors": len(items), "top": top},
        width=width,
        height=height,
        table=table,
        shapes=shapes,
        has_links=any(i.get("url") for i in items),
    )
    if not narrow:
        chart.narrow = harvest_board(
            items, unclustered=unclustered, uid=uid, title=chart.title, description=chart.description, narrow=True
        )
    return chart


# --- the definition history ---------------------------------------------------------


def definition_timeline(versions, *, term="", uid="definitie-historie", title=None, description=None):
    """The versions of a term as a vertical timeline, oldest first, the current one marked.

    ``versions``: ``[{"number", "date" (date or datetime or None), "text" (plain text),
    "note" (optional), "meeting" (optional title), "meeting_url" (optional)}]``.
    """
    versions = sorted(versions, key=lambda v: v["number"])
    margin, line_x, text_x, width = 16, 40, 68, 720
    text_chars = chars_for(width - text_x - margin, 14)
    shapes = {"items": []}
    y = margin + 12
    for index, version in enumerate(versions):
        current = index == len(versions) - 1
        date = date_format(version["date"], "j F Y") if version.get("date") else _("datum onbekend")
        heading = _("Versie %(n)s · %(date)s") % {"n": version["number"], "date": date}
        if current:
            heading = _("%(heading)s (huidig)") % {"heading": heading}
        lines = wrap(version.get("text", ""), text_chars, max_lines=3)
        item = {
            "current": current,
            "cy": num(y + 6),
            "heading": heading,
            "heading_y": num(y + 11),
            "meeting": (_("Vastgesteld in: %(meeting)s") % {"meeting": version["meeting"]})
            if version.get("meeting")
            else "",
            "meeting_y": num(y + 31),
            "lines": [],
        }
        text_y = y + (52 if item["meeting"] else 33)
        item["lines"] = [{"text": line, "y": num(text_y + i * 19)} for i, line in enumerate(lines)]
        shapes["items"].append(item)
        y = text_y + len(lines) * 19 + 22
    last_cy = shapes["items"][-1]["cy"] if versions else num(margin + 18)
    shapes["line"] = {"x": num(line_x), "y1": num(margin + 18), "y2": last_cy}
    shapes["line_x"] = num(line_x)
    shapes["text_x"] = num(text_x)
    if not versions:
        shapes["empty"] = {"x": num(margin), "y": num(y + 12), "text": _("Nog geen vastgestelde omschrijving.")}
        y += 30
    height = y
    table = Table(
        caption=_("Vastgestelde versies van de omschrijving"),
        columns=[_("Versie"), _("Vastgesteld op"), _("Bijeenkomst"), _("Omschrijving"), _("Toelichting")],
        rows=[
            [
                v["number"],
                date_format(v["date"], "j F Y") if v.get("date") else "",
                Link(v["meeting"], v["meeting_url"]) if v.get("meeting_url") else v.get("meeting") or "",
                v.get("text", ""),
                v.get("note", ""),
            ]
            for v in versions
        ],
        numeric=(0,),
    )
    name = term or _("dit begrip")
    return Chart(
        kind="timeline",
        uid=uid,
        title=title or _("Zo groeide de omschrijving van %(term)s") % {"term": name},
        description=description
        or ngettext(
            "Een tijdlijn met %(n)s vastgestelde versie, de huidige onderaan.",
            "Een tijdlijn met %(n)s vastgestelde versies, de oudste bovenaan en de huidige onderaan.",
            len(versions),
        )
        % {"n": len(versions)},
        width=width,
        height=height,
        table=table,
        shapes=shapes,
    )


# --- evidence over time -------------------------------------------------------------


def quarter_label(year, quarter):
    return _("K%(q)s %(year)s") % {"q": quarter, "year": year}


def evidence_over_time(periods, *, uid="onderbouwing-in-de-tijd", title=None, description=None, narrow=False):
    """New evidence per quarter: cases and meeting contributions, side by side.

    ``periods``: ``[{"label", "cases", "contributions"}]`` in time order. The chart carries a
    ``narrow`` layout about as wide as a phone, so that its text keeps a readable size there.
    """
    # The narrow layout stacks the legend and labels fewer quarters; the text sizes stay the same.
    width, height = (380, 320) if narrow else (720, 330)
    x0, x1, y0, y1 = 40 if narrow else 56, width - 16, 68 if narrow else 48, height - 44
    # Four grid steps of a round whole number: counts never get a tick like 2.5.
    highest = max((max(p.get("cases") or 0, p.get("contributions") or 0) for p in periods), default=0)
    top = 4 * nice_ceiling(highest / 4)
    band = (x1 - x0) / max(len(periods), 1)
    bar = min(band * 0.36, 40)
    label_every = max(1, math.ceil(len(periods) * 54 / (x1 - x0)))  # a quarter's label needs about 54 units

    def y_for(value):
        return y1 - (y1 - y0) * value / top

    shapes = {"grid": [], "bars": [], "labels": [], "axis": {"x0": num(x0), "x1": num(x1), "y": num(y1)}}
    # The count above each bar, while the two counts of a quarter fit side by side (the two
    # centres are bar + 2 apart); otherwise the grid and the table give the numbers.
    shapes["show_values"] = bar + 2 >= text_width(str(highest), 11) + 2
    for step in range(5):
        value = top * step / 4
        shapes["grid"].append(
            {"y": num(y_for(value)), "text": num(value) if value != int(value) else str(int(value)), "tx": num(x0 - 8)}
        )
    for i, period in enumerate(periods):
        centre = x0 + band * i + band / 2
        for offset, key, series in ((-bar - 1, "cases", "cases"), (1, "contributions", "contributions")):
            value = period.get(key) or 0
            shapes["bars"].append(
                {
                    "series": series,
                    "x": num(centre + offset),
                    "y": num(y_for(value)),
                    "w": num(bar),
                    "h": num(y1 - y_for(value)),
                    "value": str(value),
                    "tx": num(centre + offset + bar / 2),
                    "ty": num(y_for(value) - 4),
                }
            )
        if i % label_every == 0:
            shapes["labels"].append({"x": num(centre), "y": num(y1 + 18), "text": period["label"]})
    second_x, second_y = (x0, 20) if narrow else (x0 + 140, 0)
    shapes["legend"] = [
        {"series": "cases", "x": num(x0), "tx": num(x0 + 20), "y": 14, "ty": 26, "text": _("casussen")},
        {
            "series": "contributions",
            "x": num(second_x),
            "tx": num(second_x + 20),
            "y": 14 + second_y,
            "ty": 26 + second_y,
            "text": _("bijdragen uit bijeenkomsten"),
        },
    ]
    if not periods:
        shapes["empty"] = {"x": num(x0 + 8), "y": num((y0 + y1) / 2), "text": _("Nog geen onderbouwing.")}
    table = Table(
        caption=_("Nieuwe onderbouwing per kwartaal"),
        columns=[_("Kwartaal"), _("Casussen"), _("Bijdragen")],
        rows=[[p["label"], p.get("cases") or 0, p.get("contributions") or 0] for p in periods],
        numeric=(1, 2),
    )
    total_cases = sum(p.get("cases") or 0 for p in periods)
    total_contrib = sum(p.get("contributions") or 0 for p in periods)
    chart = Chart(
        kind="timeseries",
        uid=f"{uid}-smal" if narrow else uid,
        title=title or _("Onderbouwing in de tijd"),
        description=description
        or _(
            "Staafdiagram per kwartaal over %(n)s kwartalen: %(cases)s casussen (effen staven) en %(contributions)s "
            "bijdragen uit bijeenkomsten (gearceerde staven) die factoren onderbouwen."
        )
        % {"n": len(periods), "cases": total_cases, "contributions": total_contrib},
        width=width,
        height=height,
        table=table,
        shapes=shapes,
    )
    if not narrow:
        chart.narrow = evidence_over_time(
            periods, uid=uid, title=chart.title, description=chart.description, narrow=True
        )
    return chart
