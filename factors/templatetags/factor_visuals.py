"""The factors' visuals: ``{% board_visual board %}`` (``factors.display.build_board``) and
``{% factor_evidence_visual factor %}`` (``Factor.objects.for_detail``), drawn from what the page loaded."""

from django import template

import visuals
from factors import evidence
from factors.charts import board_chart_from_board, factor_evidence_chart
from visuals.templatetags.visuals import visual_table as visuals_table

register = template.Library()


@register.simple_tag
def board_visual(board, show_table=True):
    if board is None or board.is_empty:
        return ""
    return visuals.render_figure(board_chart_from_board(board), show_table=show_table)


@register.simple_tag
def board_table(board):
    """The board as a table (the alternative of the cards): every factor of the board, by cluster."""
    if board is None or board.is_empty:
        return ""
    return visuals_table(board_chart_from_board(board, per_group=None))


@register.simple_tag
def factor_evidence_visual(factor, show_table=True):
    if not hasattr(factor, "evidence_case_links") or not (factor.evidence_case_links or factor.evidence_contributions):
        return ""
    return visuals.render_figure(factor_evidence_chart(factor), show_table=show_table)


@register.simple_tag
def evidence_scale():
    """The scale of evidence strength, weak to strong: ``[(level, name, label, rule)]``."""
    return evidence.scale()
