"""Form widgets for long choice lists.

``QuickSelect`` renders the same markup as Django's ``Select`` (``select.html``,
``select_option.html``, ``attrs.html``) in Python instead of one template include per
option. With 2,000 factors in the case library's factor filter, the template way took
about half a second per page. With ``cache_as`` (for choices that follow published
content only), the rendered list is also kept per value until content changes
(``cop.cache.cached_by_content``), and the choices are not even read.
"""

from django import forms
from django.utils.choices import CallableChoiceIterator
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from cop.cache import cached_by_content
from cop.context_processors import content_language


def _attrs(attrs):
    """`` name="value"`` pairs as ``attrs.html`` writes them: False left out, True as a bare name."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(f" {conditional_escape(name)}" if value is True else format_html(' {}="{}"', name, str(value)))
    return "".join(parts)


class DutchOptionsMixin:
    """Choices named by members (themes, municipalities, clusters, factors) get lang="nl" on a non-Dutch page.

    Not the empty choice ("All themes"), which is interface text (WCAG 3.1.2).
    """

    def create_option(self, *args, **kwargs):
        option = super().create_option(*args, **kwargs)
        language = content_language()
        if language and str(option["value"]) != "":
            option["attrs"] = {**option["attrs"], "lang": language}
        return option


class DutchOptionsSelect(DutchOptionsMixin, forms.Select):
    pass


class QuickSelect(forms.Select):
    """A ``Select`` whose options are written in Python (same HTML, same accessibility)."""

    def __init__(self, attrs=None, choices=(), *, cache_as=None):
        super().__init__(attrs, choices)
        self.cache_as = cache_as

    def use_required_attribute(self, initial):
        """As ``Select``, reading only the first choice (not normalising all of them to find it)."""
        choices = self.choices.func() if isinstance(self.choices, CallableChoiceIterator) else self.choices
        first_choice = next(iter(choices), None)
        return (
            forms.Widget.use_required_attribute(self, initial)
            and first_choice is not None
            and self._choice_has_empty_value(first_choice)
        )

    def render(self, name, value, attrs=None, renderer=None):
        if not self.cache_as:
            return self.render_options(name, value, attrs)
        final_attrs = sorted(self.build_attrs(self.attrs, attrs).items())
        html = cached_by_content(
            f"select:{self.cache_as}",
            lambda: str(self.render_options(name, value, attrs)),
            vary=(name, self.format_value(value), final_attrs),
        )
        return mark_safe(html)  # rendered (and escaped) by render_options

    def render_options(self, name, value, attrs=None):
        widget = self.get_context(name, value, attrs)["widget"]
        out = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                out.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for option in options:
                out.append(
                    f'\n  <option value="{conditional_escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
                    f"{conditional_escape(option['label'])}</option>"
                )
            if group_name:
                out.append("\n  </optgroup>")
        out.append("\n</select>")
        return mark_safe("".join(out))  # every value above is escaped


class DutchQuickSelect(DutchOptionsMixin, QuickSelect):
    pass


class FilteredCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes for a long list (every case of the CoP), with a filter field added by JavaScript.

    Unlike a multiple ``<select>``, choosing several needs no Ctrl-click, and a screen
    reader announces each choice with its state. Without JavaScript all boxes show.
    """

    class Media:
        js = ["js/choice-filter.js"]

    def __init__(self, attrs=None, choices=(), *, filter_label=""):
        attrs = {
            **(attrs or {}),
            "class": "choice-list choice-list--long",
            "data-choice-filter": filter_label,
            # Read by the script, which fills in both numbers: "3 van 10 zichtbaar".
            "data-choice-filter-status": _("{shown} van {total} zichtbaar"),
        }
        super().__init__(attrs, choices)
