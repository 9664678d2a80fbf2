from django import template

register = template.Library()


@register.filter
def clock(seconds):
    """``312`` → ``5:12``: a timer as people read it."""
    if seconds is None:
        return ""
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


@register.simple_tag
def percentage(part, whole):
    """``part`` as a whole percentage of ``whole`` (0 when ``whole`` is 0)."""
    return round(100 * part / whole) if whole else 0
