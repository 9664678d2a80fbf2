"""The perspective matrix: factor × perspective, who names what."""

import math

from django.utils.translation import gettext as _

from visuals.core import (
    Chart,
    Link,
    Table,
    chars_for,
    kind_colours,
    kind_label,
    num,
    truncate,
)

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
