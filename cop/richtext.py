"""Rich text for the whole site: one editor configuration, sanitised on save.

The allowed tags follow from the editor extensions (django-prose-editor builds
the nh3 allowlist from them), so what the editor can make is exactly what the
server keeps. Links only to http(s) and mailto.
"""

import html
import re

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django_prose_editor.fields import ProseEditorField

RICH_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "History": True,
}


# The most a rich-text field takes from a form, markup included: some eighty pages of text (a 20,000-word story fits).
# Without a limit a 4 MB story was accepted (and the search vector refused it).
RICH_TEXT_MAX_LENGTH = 200_000


def validate_rich_text_length(value):
    if value and len(value) > RICH_TEXT_MAX_LENGTH:
        raise ValidationError(
            _("Deze tekst is te lang: maximaal %(limit)s tekens (nu %(length)s).")
            % {
                "limit": number_format(RICH_TEXT_MAX_LENGTH, force_grouping=True),
                "length": number_format(len(value), force_grouping=True),
            },
            code="max_length",
        )


class RichTextField(ProseEditorField):
    """A text field edited with django-prose-editor and sanitised with nh3.

    The editor's form field sanitises in ``clean()``; this field sanitises again
    in ``pre_save`` so that code paths without a form (seed data, the admin's
    bulk actions, imports) cannot store unsafe HTML either.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("blank", True)
        kwargs.setdefault("extensions", RICH_TEXT_EXTENSIONS)
        kwargs.setdefault("sanitize", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        field.validators.append(validate_rich_text_length)
        return field

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        cleaned = self.sanitize(value or "")
        setattr(model_instance, self.attname, cleaned)
        return cleaned


def sanitize_html(html):
    """Sanitise a fragment with the same allowlist as the rich-text fields."""
    return _sanitizer(html or "")


_sanitizer = RichTextField().sanitize


# The end of a block element (or a line break) separates words: "<p>a</p><p>b</p>" reads "a b".
BLOCK_END = re.compile(r"<(?:/p|/li|/h[1-6]|/blockquote|/div|br\s*/?)\s*>", re.IGNORECASE)


def plain_lines(value):
    """Sanitised rich text as plain text with one line per paragraph, list item or line break
    (calendar descriptions, where a line break is all the layout there is)."""
    text = html.unescape(strip_tags(BLOCK_END.sub("\n", value or "")))
    return "\n".join(line for line in (" ".join(part.split()) for part in text.split("\n")) if line)


def plain_text(value):
    """Sanitised rich text as one line of plain text (for snippets, CSV and visuals)."""
    return " ".join(html.unescape(strip_tags(BLOCK_END.sub(" ", value or ""))).split())
