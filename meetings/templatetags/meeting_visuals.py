"""The meetings' visuals: ``{% harvest_visual meeting harvest %}`` (``meetings.harvest.build_harvest``)."""

from django import template

import visuals
from meetings.charts import harvest_board_chart, harvest_rows_from_rounds

register = template.Library()


@register.simple_tag
def harvest_visual(meeting, harvest, show_table=True):
    if meeting is None or harvest is None:
        return ""
    rows, unclustered = harvest_rows_from_rounds(harvest)
    if not rows:
        return ""
    return visuals.render_figure(harvest_board_chart(meeting, rows, unclustered), show_table=show_table)
