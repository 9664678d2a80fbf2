"""Template tags for the server-made visuals (see visuals).

``{% load visuals %}`` then ``{% visual chart %}`` for the whole figure (SVG plus a
data table in a ``<details>``), ``{% visual_svg chart %}`` for the SVG alone and
``{% visual_table chart %}`` for the table alone (a poster shows it open).

The apps draw their own visuals from what their view already loaded, with tag
libraries of their own that build the chart from their rows: ``factor_visuals``
(factors), ``meeting_visuals`` (meetings) and ``glossary_visuals`` (glossary).
"""

from django import template
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

import visuals
from visuals.core import source_lang

register = template.Library()


@register.simple_tag
def visual(chart, show_table=True, open_table=False):
    if not chart:
        return ""
    # render_to_string gives a SafeString: the template escaped every value.
    return visuals.render_figure(chart, show_table=show_table, open_table=open_table)


@register.simple_tag
def visual_svg(chart):
    if not chart:
        return ""
    return visuals.render_svg(chart)


@register.simple_tag
def visual_table(chart):
    if not chart:
        return ""
    return render_to_string("visuals/_table.html", {"table": chart.table})


@register.simple_tag
def visual_cell(cell):
    """One table cell: a link, a list of links/texts, or plain (escaped) text."""
    if isinstance(cell, visuals.Link):
        # A link names a case, factor or term: members' Dutch text (lang="nl" on English pages).
        return format_html('<a href="{}"{}>{}</a>', cell.url, source_lang(), cell.text)
    if isinstance(cell, visuals.Content):
        lang = source_lang()
        return (
            format_html("<span{}>{}</span>", lang, cell.text) if lang and cell.text else conditional_escape(cell.text)
        )
    if isinstance(cell, list | tuple):
        # Each part is escaped by the recursive call.
        return mark_safe(", ".join(str(visual_cell(item)) for item in cell))
    return conditional_escape("" if cell is None else cell)
