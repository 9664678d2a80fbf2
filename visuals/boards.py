"""The Wat werkt board and a meeting's harvest board."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from visuals.core import (
    OBSTACLE,
    WORKING,
    Chart,
    Link,
    Table,
    chars_for,
    kind_colours,
    kind_label,
    num,
    truncate,
    wrap,
)

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
