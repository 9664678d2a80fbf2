"""Link marked terms in texts to the glossary (the shared language).

Authors mark a term in any text (case, factor, meeting, definition) with double
brackets: ``[[gebiedsgericht werken]]``, or ``[[kerngericht werken|kerngericht]]``
to show other words. The mark matches a public term by name (case-insensitive)
or slug; unknown or unpublished terms render as their plain words.

In templates::

    {% load glossary %}
    {{ case.story|safe|glossary_links }}            rich text (sanitised on save)
    {{ link.explanation|glossary_links|linebreaksbr }}   plain text (escaped first)
    {{ case.summary|glossary_plain }}               marks removed, no links (titles, feeds)

Only text between tags is rewritten (never attribute values), and marks inside
an existing link stay plain, so the output is as safe as the input.
"""

import re
from html import unescape

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from cop.models import Term

register = template.Library()

MARK = re.compile(r"\[\[([^\[\]|<>\n]{1,120})(?:\|([^\[\]<>\n]{1,200}))?\]\]")
# A tag, with quoted attribute values that may contain ">".
TAG = re.compile(r"""(<(?:[^>"']|"[^"]*"|'[^']*')*>)""")
LINK_OPEN = re.compile(r"<a[\s>]", re.IGNORECASE)
LINK_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)


def _lookup(index, words):
    key = " ".join(unescape(words).split()).lower()
    return index.get(key) or index.get(slugify(key))


def link_terms(html):
    """Turn marks in (escaped or sanitised) ``html`` into glossary links; returns a safe string."""
    html = str(html)
    if "[[" not in html:
        return mark_safe(html)
    index = Term.objects.link_index()

    def replace(match, linkable):
        words = match.group(1).strip()
        label = (match.group(2) or match.group(1)).strip()
        found = _lookup(index, words) if linkable else None
        if not found:
            return label
        slug, _name = found
        return format_html(
            '<a class="term-link" href="{}">{}</a>', reverse("glossary-term", kwargs={"slug": slug}), mark_safe(label)
        )

    parts = TAG.split(html)
    depth = 0
    for i, part in enumerate(parts):
        if i % 2:
            if LINK_OPEN.match(part):
                depth += 1
            elif LINK_CLOSE.match(part):
                depth = max(0, depth - 1)
        elif "[[" in part:
            linkable = depth == 0
            parts[i] = MARK.sub(lambda match, linkable=linkable: replace(match, linkable), part)
    return mark_safe("".join(parts))


def strip_marks(text):
    """The text with marks replaced by their words: ``[[a|b]]`` → ``b``."""
    return MARK.sub(lambda match: (match.group(2) or match.group(1)).strip(), str(text or ""))


@register.filter(needs_autoescape=True)
def glossary_links(value, autoescape=True):
    """Marked terms become links to the glossary; plain text is escaped first."""
    if value is None:
        return ""
    return link_terms(conditional_escape(value) if autoescape else value)


@register.filter(is_safe=True)
def glossary_plain(value):
    """Marks removed, words kept (for titles, descriptions, feeds)."""
    return strip_marks(value)
