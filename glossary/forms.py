"""The shared language: forms of the glossary and the comparison of two versions of a definition."""

import difflib
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from cop.models import Term, TermVersion


class TermForm(forms.ModelForm):
    """A new term with its first (proposed) definition."""

    definition = TermVersion._meta.get_field("definition").formfield(
        label=_("Omschrijving"),
        help_text=_("Markeer andere begrippen zo: [[kerngericht werken]]."),
    )
    note = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    class Meta:
        model = Term
        fields = ["name", "is_key", "order"]

    def clean_definition(self):
        definition = self.cleaned_data.get("definition") or ""
        if not TermVersion(definition=definition).text:
            raise forms.ValidationError(_("Geef een omschrijving."))
        return definition

    def save(self, *, by):
        term = super().save()
        term.propose_version(self.cleaned_data["definition"], note=self.cleaned_data["note"], by=by)
        return term


class VersionForm(forms.ModelForm):
    """A new wording of an existing term."""

    class Meta:
        model = TermVersion
        fields = ["definition", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "definition": _("Markeer andere begrippen zo: [[kerngericht werken]]."),
            "note": _("Wat is er veranderd en waarom? Bijvoorbeeld: ‘aangescherpt in de tweede bijeenkomst’."),
        }

    def clean_definition(self):
        definition = self.cleaned_data.get("definition") or ""
        if not TermVersion(definition=definition).text:
            raise forms.ValidationError(_("Geef een omschrijving."))
        return definition


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({timezone.localtime(obj.starts_at):%d-%m-%Y})"


class AcceptVersionForm(forms.Form):
    """Accept a proposed wording, optionally naming the meeting where it was agreed."""

    meeting = MeetingChoiceField(
        label=_("Vastgesteld in bijeenkomst"),
        queryset=TermVersion._meta.get_field("agreed_in_meetings").related_model._default_manager.none(),
        required=False,
        empty_label=_("(geen bijeenkomst)"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        meeting_model = TermVersion._meta.get_field("agreed_in_meetings").related_model
        now = timezone.now()
        # A bounded list: the meetings of the past year and the coming month.
        self.fields["meeting"].queryset = meeting_model._default_manager.filter(
            starts_at__gte=now - timezone.timedelta(days=366), starts_at__lte=now + timezone.timedelta(days=31)
        ).order_by("-starts_at")


class CompareForm(forms.Form):
    van = forms.TypedChoiceField(label=_("Van versie"), coerce=int)
    naar = forms.TypedChoiceField(label=_("Naar versie"), coerce=int)

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(v.number, _("versie %(n)s") % {"n": v.number}) for v in versions]
        self.fields["van"].choices = choices
        self.fields["naar"].choices = choices


@dataclass
class Comparison:
    old: str  # safe HTML of the old text, deletions marked
    new: str  # safe HTML of the new text, insertions marked
    removed: int  # words
    added: int  # words

    @property
    def unchanged(self):
        return not self.removed and not self.added


def _marked(tag, label_start, label_end, words):
    return format_html(
        '<{tag}><span class="visually-hidden">[{start}] </span>{words}<span class="visually-hidden"> [{end}]</span></{tag}>',
        tag=mark_safe(tag),
        start=label_start,
        end=label_end,
        words=" ".join(words),
    )


def compare(old_version, new_version):
    """Word by word, what changed from ``old_version`` to ``new_version`` (plain text, escaped).

    Deleted words are wrapped in ``<del>``, inserted ones in ``<ins>``, each
    with a hidden text label for screen readers, so the change is never
    conveyed by colour alone (the stylesheet also strikes through and underlines).
    """
    a, b = old_version.text.split(), new_version.text.split()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    old_parts, new_parts, removed, added = [], [], 0, 0
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            same = format_html("{}", " ".join(a[i1:i2]))
            old_parts.append(same)
            new_parts.append(same)
            continue
        if i2 > i1:
            old_parts.append(_marked("del", _("verwijderd"), _("einde verwijderd"), a[i1:i2]))
            removed += i2 - i1
        if j2 > j1:
            new_parts.append(_marked("ins", _("toegevoegd"), _("einde toegevoegd"), b[j1:j2]))
            added += j2 - j1
    return Comparison(
        old=mark_safe(" ".join(old_parts)), new=mark_safe(" ".join(new_parts)), removed=removed, added=added
    )
