"""The glossary's visual: ``{% term_timeline_visual term %}`` (``Term.objects.with_versions``; two or more accepted versions)."""

from django import template

import visuals
from glossary.charts import term_timeline_chart

register = template.Library()


@register.simple_tag
def term_timeline_visual(term, show_table=True):
    if term is None or len(term.accepted_versions) < 2:
        return ""
    return visuals.render_figure(term_timeline_chart(term), show_table=show_table)
