"""Visuals along time: a term's definition history and new evidence per quarter."""

import math

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from visuals.core import (
    Chart,
    Link,
    Table,
    chars_for,
    nice_ceiling,
    num,
    text_width,
    wrap,
)

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
