"""Template tags for the server-made visuals (see cop.visuals).

``{% load visuals %}`` then ``{% visual chart %}`` for the whole figure (SVG plus a
data table in a ``<details>``), ``{% visual_svg chart %}`` for the SVG alone and
``{% visual_table chart %}`` for the table alone (a poster shows it open).

The pages of the other apps draw their visual from what their view already
loaded, without a query of their own (the apps do not import the portal):
``{% board_visual board %}`` (the board of ``factors.display.build_board``),
``{% harvest_visual meeting harvest %}`` (``meetings.harvest.build_harvest``),
``{% factor_evidence_visual factor %}`` (``Factor.objects.for_detail``) and
``{% term_timeline_visual term %}`` (``Term.objects.with_versions``; only with
two or more accepted versions).
"""

from django import template
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from cop import visuals

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
        return format_html('<a href="{}">{}</a>', cell.url, cell.text)
    if isinstance(cell, list | tuple):
        # Each part is escaped by the recursive call.
        return mark_safe(", ".join(str(visual_cell(item)) for item in cell))
    return conditional_escape("" if cell is None else cell)


@register.simple_tag
def board_visual(board, show_table=True):
    from cop import portal

    if board is None or board.is_empty:
        return ""
    return visuals.render_figure(portal.board_chart_from_board(board), show_table=show_table)


@register.simple_tag
def harvest_visual(meeting, harvest, show_table=True):
    from cop import portal

    if meeting is None or harvest is None:
        return ""
    rows, unclustered = portal.harvest_rows_from_rounds(harvest)
    if not rows:
        return ""
    return visuals.render_figure(portal.harvest_board_chart(meeting, rows, unclustered), show_table=show_table)


@register.simple_tag
def factor_evidence_visual(factor, show_table=True):
    from cop import portal

    if not hasattr(factor, "evidence_case_links") or not (factor.evidence_case_links or factor.evidence_contributions):
        return ""
    return visuals.render_figure(portal.factor_evidence_chart(factor), show_table=show_table)


@register.simple_tag
def term_timeline_visual(term, show_table=True):
    from cop import portal

    if term is None or len(term.accepted_versions) < 2:
        return ""
    return visuals.render_figure(portal.term_timeline_chart(term), show_table=show_table)
