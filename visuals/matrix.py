"""The perspective matrix: factor × perspective, who names what."""

import math

from django.utils.translation import gettext as _

from visuals.core import Chart, Table, kind_colours, kind_label, named, num
from visuals.labels import line_dicts, place_label

# The measures of the matrix: the factor names on the left, a column per perspective.
MARGIN, LABEL_W, CELL_W, ROW_H, HEADER_H = 16, 320, 64, 36, 150


def perspective_matrix(rows, perspectives, *, uid="perspectieven", title=None, description=None):
    """Factor × perspective: who names what.

    ``rows``: ``[{"name", "kind", "url" (optional), "counts": {perspective key: n}}]``.
    ``perspectives``: ``[{"key", "label"}]`` in column order.
    """
    width = MARGIN + LABEL_W + CELL_W * len(perspectives) + 90
    max_count = max((n for row in rows for n in row.get("counts", {}).values()), default=0) or 1
    shapes = {
        "columns": [_column(j, perspective) for j, perspective in enumerate(perspectives)],
        "rows": [],
    }
    y = HEADER_H
    for i, row in enumerate(rows):
        shapes["rows"].append(_row(i, row, perspectives, width, max_count, y))
        y += round(float(shapes["rows"][-1]["h"]))
    height = y + 24
    if not rows:
        shapes["empty"] = {
            "x": num(MARGIN),
            "y": num(HEADER_H + 24),
            "text": _("Nog geen onderbouwing met perspectief."),
        }
        height += 24
    return Chart(
        kind="matrix",
        uid=uid,
        title=title or _("Perspectieven: wie noemt wat?"),
        description=description or _matrix_summary(rows, perspectives),
        width=width,
        height=height,
        table=_matrix_table(rows, perspectives),
        shapes=shapes,
        has_links=any(r.get("url") for r in rows),
    )


def _column(j, perspective):
    """A perspective's name, slanted over its column."""
    x = MARGIN + LABEL_W + j * CELL_W + CELL_W / 2
    return {
        "text": perspective["label"],
        "x": num(x),
        "y": num(HEADER_H - 10),
        "rotate": f"-40 {num(x)} {num(HEADER_H - 10)}",
    }


def _row(i, row, perspectives, width, max_count, y):
    """A factor's row: a band, its kind badge and whole name, and a dot per perspective that names it.

    A long name takes two (or more) lines, and the row grows with it.
    """
    strong, _soft, glyph = kind_colours(row.get("kind"))
    lines = place_label(row["name"], width=LABEL_W - 40, font_size=14, y=y + 23, max_lines=1, min_font_size=12)
    if len(lines) > 1:
        lines = place_label(row["name"], width=LABEL_W - 40, font_size=13, y=y + 16, line_height=15)
    h = ROW_H + max(lines[-1].y - (y + 30), 0)
    return {
        "url": row.get("url") or "",
        "name": row["name"],
        "lines": line_dicts(lines),
        "band": i % 2 == 0,
        "x": num(MARGIN),
        "y": num(y),
        "w": num(width - 2 * MARGIN),
        "h": num(h),
        "badge_y": num(y + 8),
        "glyph_x": num(MARGIN + 10),
        "glyph_y": num(y + 24),
        "fill": strong,
        "glyph": glyph,
        "text_x": num(MARGIN + 28),
        "text_y": num(y + 23),
        "cells": _cells(row, perspectives, y + (h - ROW_H) / 2, strong, max_count),
    }


def _cells(row, perspectives, y, fill, max_count):
    """A dot (its area by the count) and the count, for each perspective that names the factor."""
    cells = []
    for j, perspective in enumerate(perspectives):
        count = row.get("counts", {}).get(perspective["key"], 0)
        if not count:
            continue
        cx = MARGIN + LABEL_W + j * CELL_W + 22
        cells.append(
            {
                "cx": num(cx),
                "cy": num(y + ROW_H / 2),
                "r": num(3 + 11 * math.sqrt(count / max_count)),
                "fill": fill,
                "text": str(count),
                "tx": num(cx + 17),
                "ty": num(y + ROW_H / 2 + 5),
            }
        )
    return cells


def _matrix_table(rows, perspectives):
    return Table(
        caption=_("Hoe vaak elk perspectief een factor noemt (casussen en bijdragen)"),
        columns=[_("Factor"), _("Soort"), *[p["label"] for p in perspectives], _("Totaal")],
        rows=[
            [
                named(row["name"], row.get("url")),
                kind_label(row.get("kind")),
                *[row.get("counts", {}).get(p["key"], 0) for p in perspectives],
                sum(row.get("counts", {}).values()),
            ]
            for row in rows
        ],
        numeric=tuple(range(2, len(perspectives) + 3)),
    )


def _matrix_summary(rows, perspectives):
    """The matrix's description, with the perspective that names factors most often."""
    totals = [sum(r.get("counts", {}).get(p["key"], 0) for r in rows) for p in perspectives]
    busiest = max(zip(totals, [p["label"] for p in perspectives], strict=True), default=(0, ""))
    return _(
        "Een matrix van %(rows)s factoren tegen %(columns)s perspectieven. Hoe groter de stip, hoe vaker "
        "casussen en bijdragen vanuit dat perspectief de factor noemen. Het vaakst aan het woord: %(busiest)s."
    ) % {"rows": len(rows), "columns": len(perspectives), "busiest": busiest[1] or "–"}
