"""The factor map: factors and cases as a network, and its spring layout."""

import math
import random

from django.utils.translation import gettext as _

from visuals.core import OBSTACLE, PALETTE, Chart, Table, kind_colours, kind_label, named, num
from visuals.labels import LabelSpots, place_label


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


# The canvas of the map and the room kept free around the network (for the labels, the legend).
MAP_WIDTH, MAP_HEIGHT, PAD_X, PAD_TOP, PAD_BOTTOM = 960, 760, 110, 70, 36


def factor_map(factors, cases, edges, positions, *, uid="factorkaart", title=None, description=None):
    """Factors and cases as a network; every node is a link.

    ``factors``: ``[{"id", "name", "kind", "url", "weight"}]``; ``cases``: ``[{"id", "name", "url"}]``;
    ``edges``: ``[(factor id, case id)]``; ``positions``: ``{id: (x, y)}`` in [-1, 1]
    (from ``spring_positions``, cached by the caller).
    """
    max_weight = max((f.get("weight") or 0 for f in factors), default=0) or 1
    placed = _place_nodes([*factors, *cases], positions)
    radius = {f["id"]: 7 + 9 * math.sqrt((f.get("weight") or 0) / max_weight) for f in factors}
    shapes = _map_shapes(factors, cases, edges, placed, radius)
    return Chart(
        kind="map",
        uid=uid,
        title=title or _("Factorkaart: factoren en casussen als netwerk"),
        description=description or _map_summary(len(factors), len(cases), len(shapes["edges"])),
        width=MAP_WIDTH,
        height=MAP_HEIGHT,
        table=_map_table(factors, cases, edges),
        shapes=shapes,
        has_links=True,
    )


def _stretch(value, low, high, start, size):
    return start + size / 2 if high - low < 1e-9 else start + (value - low) / (high - low) * size


def _place_nodes(nodes, positions):
    """Each node's position on the canvas (a node without a position sits in the middle)."""
    # Stretch each axis on its own: a network has no true aspect ratio, and the
    # canvas is better filled than left half empty.
    xs = [x for x, _y in positions.values()] or [0.0]
    ys = [y for _x, y in positions.values()] or [0.0]
    placed = {}
    for node in nodes:
        x, y = positions.get(node["id"], (0.0, 0.0))
        placed[node["id"]] = (
            _stretch(x, min(xs), max(xs), PAD_X, MAP_WIDTH - 2 * PAD_X),
            _stretch(y, min(ys), max(ys), PAD_TOP, MAP_HEIGHT - PAD_TOP - PAD_BOTTOM),
        )
    return placed


def _map_shapes(factors, cases, edges, placed, radius):
    """The edges, the factors and the cases with their labels, and the legend."""
    # Labels are placed greedily, biggest factors first: the first free spot of
    # right, left, above, below; a case label that finds no room is left out (its
    # name stays in the node's title, its aria-label and the table).
    taken = [
        (x - radius.get(i, 7), y - radius.get(i, 7), x + radius.get(i, 7), y + radius.get(i, 7))
        for i, (x, y) in placed.items()
    ]
    spots = LabelSpots(taken, bounds=(2, PAD_TOP - 24, MAP_WIDTH - 2, MAP_HEIGHT - 2))
    shapes = {"edges": _map_edges(edges, placed), "cases": [], "factors": [], "legend": _map_legend()}
    biggest_first = sorted(factors, key=lambda f: -(f.get("weight") or 0))
    shapes["factors"] = [_map_factor(f, placed[f["id"]], radius[f["id"]], spots) for f in biggest_first]
    shapes["cases"] = [_map_case(case, placed[case["id"]], spots) for case in cases]
    if not factors and not cases:
        shapes["empty"] = {"x": "24", "y": "80", "text": _("Nog geen factoren met casussen om te tonen.")}
    return shapes


def _map_edges(edges, placed):
    """A line per edge between two placed nodes."""
    lines = []
    for a, b in edges:
        if a in placed and b in placed:
            (x1, y1), (x2, y2) = placed[a], placed[b]
            lines.append({"x1": num(x1), "y1": num(y1), "x2": num(x2), "y2": num(y2)})
    return lines


def _map_factor(factor, point, r, spots):
    """A factor: a circle (working) or a diamond (obstacle), and its label."""
    x, y = point
    strong, _soft, _glyph = kind_colours(factor.get("kind"))
    # The whole name, in up to two lines (three for a very long one), never cut.
    lines = place_label(factor["name"], width=170, font_size=13, max_lines=2, min_font_size=11)
    size = lines[0].size
    longest = max((line.text for line in lines), key=len)
    leader = None
    near = spots.place(x, y, r * 1.2, longest, size, required=False, lines=len(lines))
    if near is None:  # the four spots beside the point are taken: farther away, with a leader line
        far = spots.place_farther(x, y, r * 1.2, longest, size, lines=len(lines))
        if far is not None:
            near, (ax, ay) = far[:3], far[3]
            leader = {"x1": num(x), "y1": num(y), "x2": num(ax), "y2": num(ay)}
        else:
            near = spots.place(x, y, r * 1.2, longest, size, required=True, lines=len(lines))
    lx, ly, anchor = near
    d = r * 1.2  # a diamond of the same visual weight as the circle
    return {
        "url": factor.get("url") or "",
        "name": factor["name"],
        "kind_label": kind_label(factor.get("kind")),
        "obstacle": factor.get("kind") == OBSTACLE,
        "cx": num(x),
        "cy": num(y),
        "r": num(r),
        "points": f"{num(x)},{num(y - d)} {num(x + d)},{num(y)} {num(x)},{num(y + d)} {num(x - d)},{num(y)}",
        "fill": strong,
        "label": factor["name"],
        "lines": _label_lines(lines, lx, ly),
        "size": num(size),
        "lx": num(lx),
        "ly": num(ly),
        "anchor": anchor,
        "leader": leader,
    }


def _label_lines(lines, lx, ly):
    """The lines of a label placed with its first baseline at ``(lx, ly)``."""
    top = lines[0].y
    return [{"text": line.text, "x": num(lx), "y": num(ly + line.y - top)} for line in lines]


def _map_case(case, point, spots):
    """A case: a small square, and its label where there is room for it."""
    x, y = point
    lines = place_label(case["name"], width=150, font_size=11, max_lines=2, min_font_size=10)
    longest = max((line.text for line in lines), key=len)
    spot = spots.place(x, y, 7, longest, lines[0].size, required=False, lines=len(lines))
    return {
        "url": case.get("url") or "",
        "name": case["name"],
        "x": num(x - 6),
        "y": num(y - 6),
        "label": case["name"] if spot else "",
        "lines": _label_lines(lines, spot[0], spot[1]) if spot else [],
        "size": num(lines[0].size),
        "lx": num(spot[0]) if spot else "0",
        "ly": num(spot[1]) if spot else "0",
        "anchor": spot[2] if spot else "middle",
    }


def _map_legend():
    legend = [
        {"shape": "circle", "fill": PALETTE["working"], "x": "24", "y": "24", "text": _("werkzame factor")},
        {"shape": "diamond", "fill": PALETTE["obstacle"], "x": "184", "y": "24", "text": _("belemmering")},
        {"shape": "square", "fill": PALETTE["primary"], "x": "324", "y": "24", "text": _("casus")},
    ]
    for item in legend:
        x = int(item["x"])
        item["points"] = f"{x},14 {x + 10},24 {x},34 {x - 10},24"
        item["sx"], item["sy"], item["tx"] = str(x - 7), "17", str(x + 16)
    return legend


def _map_table(factors, cases, edges):
    """A row per factor with the cases that name it."""
    cases_by_factor = {f["id"]: [] for f in factors}
    case_by_id = {c["id"]: c for c in cases}
    for a, b in edges:
        if a in cases_by_factor and b in case_by_id:
            cases_by_factor[a].append(case_by_id[b])
    return Table(
        caption=_("Factoren en de casussen die ze noemen"),
        columns=[_("Factor"), _("Soort"), _("Aantal casussen"), _("Casussen")],
        rows=[
            [
                named(f["name"], f.get("url")),
                kind_label(f.get("kind")),
                len(cases_by_factor[f["id"]]),
                [named(c["name"], c.get("url")) for c in cases_by_factor[f["id"]]],
            ]
            for f in factors
        ],
        numeric=(2,),
    )


def _map_summary(factors, cases, edges):
    return _(
        "Een netwerk van %(factors)s factoren en %(cases)s casussen met %(edges)s verbindingen. Een lijn "
        "betekent dat een casus de factor noemt. Cirkels zijn werkzame factoren, ruiten belemmeringen, "
        "vierkantjes casussen; hoe groter de vorm, hoe sterker de onderbouwing."
    ) % {"factors": factors, "cases": cases, "edges": edges}
