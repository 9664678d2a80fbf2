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


# How much of a harvest shows before "toon alle": enough to grasp it in two minutes.
TELLING_NOTES = 2
LEADING_CLUSTERS = 3


@register.filter
def telling_split(contributions, limit=TELLING_NOTES):
    """``(shown, rest)``: the few notes that tell most about a cluster, and the others.

    One note per perspective first (a cluster that several perspectives name says more
    than one voice repeated), the fuller text first within that; the notes keep the
    order they were posted in, so the page reads as the room wrote it.
    """
    notes = list(contributions)
    if len(notes) <= limit:
        return notes, []
    by_fullness = sorted(range(len(notes)), key=lambda i: (-len(notes[i].text.strip()), i))
    chosen, seen = [], set()
    for i in by_fullness:
        if len(chosen) < limit and notes[i].perspective not in seen:
            chosen.append(i)
            seen.add(notes[i].perspective)
    for i in by_fullness:
        if len(chosen) < limit and i not in chosen:
            chosen.append(i)
    picked = set(chosen)
    return [n for i, n in enumerate(notes) if i in picked], [n for i, n in enumerate(notes) if i not in picked]


@register.filter
def leading_split(items, limit=LEADING_CLUSTERS):
    """``(first, rest)`` of a list already ordered by weight: the strongest few and the others."""
    items = list(items)
    return items[:limit], items[limit:]
