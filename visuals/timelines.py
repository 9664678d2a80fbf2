"""Visuals along time: a term's definition history and new evidence per quarter."""

import math
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from visuals.core import Chart, Content, Table, named, nice_ceiling, num, text_width, with_names
from visuals.labels import line_dicts, place_label

# --- the definition history ---------------------------------------------------------


# The measures of the timeline: its line on the left, the text of each version to its right.
MARGIN, LINE_X, TEXT_X, TIMELINE_WIDTH = 16, 40, 68, 720


def definition_timeline(versions, *, term="", uid="definitie-historie", title=None, description=None):
    """The versions of a term as a vertical timeline, oldest first, the current one marked.

    ``versions``: ``[{"number", "date" (date or datetime or None), "text" (plain text),
    "note" (optional), "meeting" (optional title), "meeting_url" (optional)}]``.
    """
    versions = sorted(versions, key=lambda v: v["number"])
    shapes, height = _timeline_shapes(versions)
    if title:
        caption = ""
    elif term:
        title, caption = with_names(_("Zo groeide de omschrijving van %(term)s"), term=term)
    else:
        title, caption = _("Zo groeide de omschrijving van %(term)s") % {"term": _("dit begrip")}, ""
    return Chart(
        kind="timeline",
        uid=uid,
        title=title,
        caption=caption,
        description=description
        or ngettext(
            "Een tijdlijn met %(n)s vastgestelde versie, de huidige onderaan.",
            "Een tijdlijn met %(n)s vastgestelde versies, de oudste bovenaan en de huidige onderaan.",
            len(versions),
        )
        % {"n": len(versions)},
        width=TIMELINE_WIDTH,
        height=height,
        table=_timeline_table(versions),
        shapes=shapes,
    )


def _timeline_shapes(versions):
    """The items of the timeline, its line, and its height."""
    shapes = {"items": []}
    y = MARGIN + 12
    for index, version in enumerate(versions):
        item, y = _timeline_item(version, index == len(versions) - 1, y)
        shapes["items"].append(item)
    last_cy = shapes["items"][-1]["cy"] if versions else num(MARGIN + 18)
    shapes["line"] = {"x": num(LINE_X), "y1": num(MARGIN + 18), "y2": last_cy}
    shapes["line_x"] = num(LINE_X)
    shapes["text_x"] = num(TEXT_X)
    if not versions:
        shapes["empty"] = {"x": num(MARGIN), "y": num(y + 12), "text": _("Nog geen vastgestelde omschrijving.")}
        y += 30
    return shapes, y


def _timeline_item(version, current, y):
    """A version from ``y`` down: its heading, its meeting, its text in up to three lines; and the next ``y``."""
    meeting = version.get("meeting")
    item = {
        "current": current,
        "cy": num(y + 6),
        "heading": _version_heading(version, current),
        "heading_y": num(y + 11),
        "meeting": (_("Vastgesteld in: %(meeting)s") % {"meeting": meeting}) if meeting else "",
        "meeting_y": num(y + 31),
        "lines": [],
    }
    text_y = y + (52 if item["meeting"] else 33)
    width = TIMELINE_WIDTH - TEXT_X - MARGIN
    lines = place_label(version.get("text", ""), width=width, font_size=14, y=text_y, line_height=19, max_lines=3)
    item["lines"] = line_dicts(lines)
    return item, text_y + len(lines) * 19 + 22


def _version_heading(version, current):
    date = date_format(version["date"], "j F Y") if version.get("date") else _("datum onbekend")
    heading = _("Versie %(n)s · %(date)s") % {"n": version["number"], "date": date}
    if current:
        heading = _("%(heading)s (huidig)") % {"heading": heading}
    return heading


def _timeline_table(versions):
    return Table(
        caption=_("Vastgestelde versies van de omschrijving"),
        columns=[_("Versie"), _("Vastgesteld op"), _("Bijeenkomst"), _("Omschrijving"), _("Toelichting")],
        rows=[
            [
                v["number"],
                date_format(v["date"], "j F Y") if v.get("date") else "",
                named(v["meeting"], v.get("meeting_url")) if v.get("meeting") else "",
                Content(v.get("text", "")),
                Content(v.get("note", "")),
            ]
            for v in versions
        ],
        numeric=(0,),
    )


# --- evidence over time -------------------------------------------------------------


def quarter_label(year, quarter):
    return _("K%(q)s %(year)s") % {"q": quarter, "year": year}


# The two series of a quarter: the cases left of the band's middle, the contributions right.
SERIES = ("cases", "contributions")


@dataclass(frozen=True)
class _Axes:
    """The plot area of evidence over time (x0..x1 by y0..y1) and its scale."""

    width: int
    height: int
    x0: int
    x1: int
    y0: int
    y1: int
    highest: int
    top: int
    band: float
    bar: float
    label_every: int

    def y_for(self, value):
        return self.y1 - (self.y1 - self.y0) * value / self.top

    def centre(self, i):
        """The middle of the ``i``th quarter's band."""
        return self.x0 + self.band * i + self.band / 2


def _axes(periods, narrow):
    # The narrow layout stacks the legend and labels fewer quarters; the text sizes stay the same.
    width, height = (380, 320) if narrow else (720, 330)
    x0, x1, y0, y1 = 40 if narrow else 56, width - 16, 68 if narrow else 48, height - 44
    # Four grid steps of a round whole number: counts never get a tick like 2.5.
    highest = max((max(p.get("cases") or 0, p.get("contributions") or 0) for p in periods), default=0)
    top = 4 * nice_ceiling(highest / 4)
    band = (x1 - x0) / max(len(periods), 1)
    bar = min(band * 0.36, 40)
    label_every = max(1, math.ceil(len(periods) * 54 / (x1 - x0)))  # a quarter's label needs about 54 units
    return _Axes(width, height, x0, x1, y0, y1, highest, top, band, bar, label_every)


def evidence_over_time(
    periods, *, uid="onderbouwing-in-de-tijd", title=None, caption="", description=None, narrow=False
):
    """New evidence per quarter: cases and meeting contributions, side by side.

    ``periods``: ``[{"label", "cases", "contributions"}]`` in time order. The chart carries a
    ``narrow`` layout about as wide as a phone, so that its text keeps a readable size there.
    """
    axes = _axes(periods, narrow)
    chart = Chart(
        kind="timeseries",
        uid=f"{uid}-smal" if narrow else uid,
        title=title or _("Onderbouwing in de tijd"),
        caption=caption,
        description=description or _timeseries_summary(periods),
        width=axes.width,
        height=axes.height,
        table=_timeseries_table(periods),
        shapes=_timeseries_shapes(periods, axes, narrow),
    )
    if not narrow:
        chart.narrow = evidence_over_time(
            periods, uid=uid, title=chart.title, description=chart.description, narrow=True
        )
    return chart


def _timeseries_shapes(periods, axes, narrow):
    shapes = {
        "grid": _grid(axes),
        "bars": [_bar(period, i, series, axes) for i, period in enumerate(periods) for series in SERIES],
        "labels": [
            {"x": num(axes.centre(i)), "y": num(axes.y1 + 18), "text": period["label"]}
            for i, period in enumerate(periods)
            if i % axes.label_every == 0
        ],
        "axis": {"x0": num(axes.x0), "x1": num(axes.x1), "y": num(axes.y1)},
        # The count above each bar, while the two counts of a quarter fit side by side (the two
        # centres are bar + 2 apart); otherwise the grid and the table give the numbers.
        "show_values": axes.bar + 2 >= text_width(str(axes.highest), 11) + 2,
        "legend": _legend(axes.x0, narrow),
    }
    if not periods:
        shapes["empty"] = {
            "x": num(axes.x0 + 8),
            "y": num((axes.y0 + axes.y1) / 2),
            "text": _("Nog geen onderbouwing."),
        }
    return shapes


def _grid(axes):
    """Five grid lines, from 0 to the top of the scale, with their values."""
    grid = []
    for step in range(5):
        value = axes.top * step / 4
        text = num(value) if value != int(value) else str(int(value))
        grid.append({"y": num(axes.y_for(value)), "text": text, "tx": num(axes.x0 - 8)})
    return grid


def _bar(period, i, series, axes):
    value = period.get(series) or 0
    x = axes.centre(i) + (-axes.bar - 1 if series == "cases" else 1)
    return {
        "series": series,
        "x": num(x),
        "y": num(axes.y_for(value)),
        "w": num(axes.bar),
        "h": num(axes.y1 - axes.y_for(value)),
        "value": str(value),
        "tx": num(x + axes.bar / 2),
        "ty": num(axes.y_for(value) - 4),
    }


def _legend(x0, narrow):
    """The two series side by side, or one below the other on a phone."""
    second_x, second_y = (x0, 20) if narrow else (x0 + 140, 0)
    return [
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


def _timeseries_table(periods):
    return Table(
        caption=_("Nieuwe onderbouwing per kwartaal"),
        columns=[_("Kwartaal"), _("Casussen"), _("Bijdragen")],
        rows=[[p["label"], p.get("cases") or 0, p.get("contributions") or 0] for p in periods],
        numeric=(1, 2),
    )


def _timeseries_summary(periods):
    total_cases = sum(p.get("cases") or 0 for p in periods)
    total_contrib = sum(p.get("contributions") or 0 for p in periods)
    return _(
        "Staafdiagram per kwartaal over %(n)s kwartalen: %(cases)s casussen (effen staven) en %(contributions)s "
        "bijdragen uit bijeenkomsten (gearceerde staven) die factoren onderbouwen."
    ) % {"n": len(periods), "cases": total_cases, "contributions": total_contrib}
