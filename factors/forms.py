"""Forms of the "Wat werkt" pages: board filters, proposing and curating factors."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cop.forms import SingleLineCharField, slug_filter
from cop.models import Municipality, Perspective, Theme
from factors import evidence
from factors.models import Cluster, Factor, FactorRelation


class BoardFilterForm(forms.Form):
    """The board's filters, as short Dutch query parameters so that a filtered board is a shareable URL."""

    q = forms.CharField(label=_("Zoek in factoren"), required=False, max_length=200)
    thema = slug_filter(_("Thema"), Theme.objects.all(), _("Alle thema's"))
    perspectief = forms.ChoiceField(
        label=_("Perspectief"),
        choices=[("", _("Alle perspectieven")), *Perspective.choices],
        required=False,
        help_text=_("Alleen onderbouwing vanuit dit perspectief telt mee."),
    )
    gemeente = slug_filter(
        _("Gemeente"),
        Municipality.objects.all(),
        _("Alle gemeenten"),
        help_text=_("Alleen onderbouwing uit casussen in deze gemeente telt mee."),
    )
    cluster = slug_filter(
        _("Cluster"),
        Cluster.objects.all(),
        _("Alle clusters"),
        help_text=_("Eén cluster toont al zijn factoren, niet alleen de sterkste."),
    )

    # The summary of the folding filter panel (forms/_filter_panel.html).
    panel_title = _("Filters")
    panel_id = "board-filters-summary"

    @property
    def narrowing(self):
        """How many filters besides the search words are set (the phone's folded filters say so)."""
        return sum(1 for name, value in self.filters().items() if name != "query" and value)

    def filters(self):
        """The valid filters as keyword arguments of ``Factor.objects.for_board``; invalid ones are ignored."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "query": (data.get("q") or "").strip(),
            "theme": data.get("thema"),
            "perspective": data.get("perspectief") or None,
            "municipality": data.get("gemeente"),
            "cluster": data.get("cluster"),
        }


class FactorProposalForm(forms.ModelForm):
    class Meta:
        model = Factor
        fields = ["name", "kind", "statement", "explanation", "cluster", "themes"]
        field_classes = {"name": SingleLineCharField, "statement": SingleLineCharField}
        widgets = {
            "kind": forms.RadioSelect,
            "themes": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "name": _("Kort en in gewone taal, bijvoorbeeld ‘Aansluiten bij wat leeft’."),
            "statement": _("Wat werkt (of belemmert), in één zin die iedereen begrijpt."),
            "explanation": _("Waarom en hoe? Markeer begrippen zo: [[gebiedsgericht werken]]."),
        }


class FactorEditForm(forms.ModelForm):
    """Everything but the name (renaming changes the address: see ``RenameForm``)."""

    class Meta:
        model = Factor
        fields = ["kind", "statement", "explanation", "cluster", "themes", "order"]
        widgets = {
            "kind": forms.RadioSelect,
            "themes": forms.CheckboxSelectMultiple,
        }

    def save(self, *, by):
        factor = super().save()
        factor.log_edit(by=by, fields=self.changed_data)
        return factor


class RenameForm(forms.Form):
    name = SingleLineCharField(label=_("Nieuwe naam"), max_length=160)


class RetireForm(forms.Form):
    reason = forms.CharField(label=_("Reden"), max_length=300, required=False)


def _other_factors(factor):
    return Factor.objects.curatable().exclude(pk=factor.pk).order_by("kind", "name")


class FactorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        status = f" ({obj.get_status_display()})" if obj.status != Factor.Status.ACCEPTED else ""
        return f"{obj.name} — {obj.get_kind_display()}{status}"


class MergeForm(forms.Form):
    """Choose the factor that goes up in this one."""

    other = FactorChoiceField(
        label=_("Welke factor gaat op in deze factor?"),
        queryset=Factor.objects.none(),
        help_text=_("Alle onderbouwing, relaties en thema's gaan over; het oude adres verwijst door."),
    )

    def __init__(self, *args, factor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = _other_factors(factor).filter(kind=factor.kind)


class CaseLinkChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.case.title}: {obj.explanation[:120]}" if obj.explanation else obj.case.title


class ContributionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.text[:160]} ({obj.meeting.title})"


class SplitForm(forms.Form):
    name = forms.CharField(label=_("Naam van de nieuwe factor"), max_length=160)
    statement = forms.CharField(label=_("In één zin"), max_length=300)
    case_links = CaseLinkChoiceField(
        label=_("Casussen die meegaan"),
        queryset=evidence.case_link_model()._default_manager.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    contributions = ContributionChoiceField(
        label=_("Bijdragen uit bijeenkomsten die meegaan"),
        queryset=evidence.contribution_model()._default_manager.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, factor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case_links"].queryset = factor.case_links.select_related("case").order_by("case__title", "pk")
        self.fields["contributions"].queryset = factor.contributions.select_related("meeting").order_by(
            "meeting__starts_at", "pk"
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("case_links") and not cleaned.get("contributions"):
            raise forms.ValidationError(_("Kies ten minste één casus of bijdrage die meegaat naar de nieuwe factor."))
        return cleaned


class RelationForm(forms.Form):
    HELPS = "helps"
    HELPED_BY = "helped_by"
    SIMILAR = "similar"

    relation = forms.ChoiceField(
        label=_("Soort relatie"),
        choices=[
            (HELPS, _("deze factor helpt tegen …")),
            (HELPED_BY, _("… helpt tegen deze belemmering")),
            (SIMILAR, _("deze factor lijkt op …")),
        ],
    )
    other = FactorChoiceField(label=_("Andere factor"), queryset=Factor.objects.none())
    note = forms.CharField(label=_("Toelichting"), max_length=300, required=False)

    def __init__(self, *args, factor, **kwargs):
        super().__init__(*args, **kwargs)
        self.factor = factor
        self.fields["other"].queryset = _other_factors(factor)

    def clean(self):
        cleaned = super().clean()
        other, relation = cleaned.get("other"), cleaned.get("relation")
        if other is None or relation is None:
            return cleaned
        helper, obstacle = (self.factor, other) if relation == self.HELPS else (other, self.factor)
        if relation != self.SIMILAR and (helper.is_obstacle or not obstacle.is_obstacle):
            raise forms.ValidationError(_("Alleen een werkzame factor kan helpen tegen een belemmering."))
        return cleaned

    def save(self, *, by):
        other, relation, note = self.cleaned_data["other"], self.cleaned_data["relation"], self.cleaned_data["note"]
        if relation == self.HELPS:
            return self.factor.relate(other, FactorRelation.Kind.HELPS_AGAINST, by=by, note=note)
        if relation == self.HELPED_BY:
            return other.relate(self.factor, FactorRelation.Kind.HELPS_AGAINST, by=by, note=note)
        return self.factor.relate(other, FactorRelation.Kind.SIMILAR, by=by, note=note)


class ClusterForm(forms.ModelForm):
    class Meta:
        model = Cluster
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
