"""The shared parts of the visuals: palette, colour contrast, the Chart and Table shapes, text
measures and rendering."""

import math
import textwrap
from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

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


@dataclass(frozen=True)
class Content:
    """A table cell of text members wrote (Dutch whatever the interface): marked lang="nl" on other pages."""

    text: str

    def __str__(self):
        return self.text


def named(text, url=None):
    """The cell of a name members gave (a factor, case, meeting): a link when it has a page."""
    return Link(text, url) if url else Content(text)


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
    # The figcaption as HTML when the title holds names members gave (see ``with_names``).
    caption: str = ""

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


def source_lang():
    """`` lang="nl"`` on a non-Dutch page, for names members gave (factors, clusters, cases, terms), else ""."""
    source = settings.LANGUAGE_CODE
    return "" if (get_language() or source) == source else format_html(' lang="{}"', source)


def with_names(sentence, **names):
    """A translated sentence with names members gave in it: ``(text, html)``.

    The text is for the SVG's own title and the alt texts; the HTML, for the figcaption, marks
    each name ``lang="nl"`` on a page in another language (WCAG 3.1.2), and is "" on Dutch pages.
    """
    text = sentence % names
    lang = source_lang()
    if not lang:
        return text, ""
    marked = {key: format_html("<span{}>{}</span>", lang, value) for key, value in names.items()}
    return text, mark_safe(conditional_escape(sentence) % marked)


def render_svg(chart, *, standalone=False):
    """The SVG markup of ``chart``; ``standalone`` adds the XML declaration for a download."""
    context = {"chart": chart, "c": chart.shapes, "p": PALETTE, "font": FONT, "standalone": standalone}
    context["lang"] = source_lang()
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
