"""Template helpers shared by all apps."""

import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from js_asset import Media

from cop import hooks
from cop.context_processors import content_lang
from cop.images import renditions
from cop.models import anonymous_label
from cop.models import public_name as _public_name

register = template.Library()


@register.simple_tag(takes_context=True)
def form_media(context, *forms):
    """Render the media of one or more forms with the request's CSP nonce.

    ``{{ form.media }}`` would print django-prose-editor's import map as an inline
    script without a nonce, which the Content-Security-Policy blocks.
    """
    media = Media()
    for form in forms:
        if form is not None and form != "":
            media = media + form.media
    # django-csp's lazy nonce is falsy until read, so compare with None instead of testing its truth.
    nonce = getattr(context.get("request"), "csp_nonce", None)
    return Media.from_media(media, nonce=str(nonce) if nonce is not None else "").render()


@register.filter
def public_name(user, perspective=None):
    """``{{ contribution.author|public_name:contribution.perspective }}``: name with consent, else perspective."""
    return _public_name(user, perspective)


@register.filter
def anonymous(perspective):
    """``{{ contribution.perspective|anonymous }}``: what was said in a meeting is public without a name."""
    return anonymous_label(perspective)


FIRST_PARAGRAPH = re.compile(r"\s*(<p\b[^>]*>.*?</p>)", re.S)


@register.filter(is_safe=True)
def first_paragraph(html):
    """The first ``<p>`` of sanitised rich text (a teaser of whole sentences), else the text itself."""
    match = FIRST_PARAGRAPH.match(html or "")
    return mark_safe(match.group(1)) if match else html


@register.filter
def full_stop(text):
    """The full stop after ``text`` in a sentence: none when it ends in its own (``…werken?`` stays, not ``?.``)."""
    return "" if str(text or "").rstrip().endswith((".", "?", "!", "…")) else "."


@register.filter
def in_dutch(text):
    """``{{ term.name|in_dutch }}``: members' (Dutch) text in ``<span lang="nl">`` while the interface is not Dutch.

    For text inside a translated sentence (``blocktranslate with term=term.name|in_dutch``),
    where no element of its own can carry ``{{ content_lang }}``.
    """
    lang = content_lang()
    return format_html("<span{}>{}</span>", lang, text) if lang else text


@register.simple_tag
def srcset(field_file, width):
    """``srcset="{% srcset image.image image.width %}"``: the smaller copies and the original, by width."""
    return ", ".join(f"{url} {size}w" for url, size in renditions(field_file, width))


@register.simple_tag(takes_context=True)
def follow_button(context, obj):
    """The follow button of ``obj`` for the signed-in member (filled in by a higher app, ``cop.hooks``)."""
    request = context.get("request")
    if request is None or obj is None:
        return ""
    return hooks.call("follow_button", request, obj)
