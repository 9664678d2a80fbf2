import secrets

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from cop.forms import SingleLineCharField
from cop.images import VerifiedImageField
from cop.models import Perspective, TermVersion
from cop.roles import FACILITATORS_GROUP
from cop.widgets import FilteredCheckboxes
from factors.models import Factor
from meetings.formats import FORMATS
from meetings.models import Contribution, HarvestImage, Meeting, Round, Series

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATETIME_FORMAT)


class FacilitatorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name()


def facilitator_users():
    return (
        get_user_model()
        .objects.filter(Q(groups__name=FACILITATORS_GROUP) | Q(is_staff=True), is_active=True)
        .select_related("profile")
        .distinct()
        .order_by("profile__display_name", "email")
    )


class SeriesForm(forms.ModelForm):
    class Meta:
        model = Series
        fields = ["title", "description", "organisers", "visibility", "order"]
        field_classes = {"title": SingleLineCharField}
        widgets = {"organisers": forms.CheckboxSelectMultiple}


class MeetingForm(forms.ModelForm):
    online_url = forms.URLField(
        label=_("Online link"),
        required=False,
        assume_scheme="https",
        help_text=_("Voor een online of hybride bijeenkomst: de link naar de vergaderruimte."),
    )
    facilitators = FacilitatorChoiceField(
        label=_("Begeleiders"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Meeting
        fields = [
            "title",
            "series",
            "goal",
            "starts_at",
            "ends_at",
            "location_name",
            "address",
            "municipality",
            "online_url",
            "agenda",
            "capacity",
            "facilitators",
            "presented_cases",
            "visibility",
        ]
        field_classes = {"title": SingleLineCharField, "location_name": SingleLineCharField}
        widgets = {
            "goal": forms.Textarea(attrs={"rows": 3}),
            "starts_at": DateTimeLocalInput(),
            "ends_at": DateTimeLocalInput(),
            "presented_cases": FilteredCheckboxes(filter_label=_("Zoek een casus in de lijst")),
        }
        help_texts = {
            "starts_at": _("Nederlandse tijd (Europe/Amsterdam)."),
            "ends_at": _("Nederlandse tijd (Europe/Amsterdam)."),
            "presented_cases": _("Vink de casussen aan die in deze bijeenkomst aan bod komen."),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facilitators"].queryset = facilitator_users()
        self.fields["series"].empty_label = _("Geen reeks")
        self.fields["presented_cases"].queryset = Case.objects.visible_to(user).order_by("title")
        for name in ("starts_at", "ends_at"):
            self.fields[name].input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("Het einde ligt vóór het begin."))
        return cleaned


class RoundForm(forms.ModelForm):
    timer_minutes = forms.IntegerField(
        label=_("Timer (minuten)"),
        min_value=1,
        max_value=180,
        required=False,
        help_text=_("Laat leeg voor een ronde zonder timer. De muur laat de resterende tijd zien."),
    )

    class Meta:
        model = Round
        fields = ["prompt", "kind", "mode", "case", "source_round", "guests_allowed", "moderated", "dots_per_person"]
        help_texts = {
            "mode": _("Bij ‘stippen’ verdelen deelnemers hun stippen over de clusters."),
            "source_round": _("Alleen bij stippen: leeg is alle clusters van deze bijeenkomst."),
            "guests_allowed": _("Gasten doen mee zonder account; we vragen alleen hun perspectief, nooit een naam."),
        }

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["case"].queryset = meeting.presented_cases.order_by("title")
        self.fields["case"].empty_label = _("Geen casus in beeld")
        self.fields["source_round"].queryset = meeting.rounds.filter(mode=Round.Mode.CONTRIBUTE).exclude(
            pk=self.instance.pk
        )
        self.fields["source_round"].empty_label = _("Alle rondes")
        self.fields["dots_per_person"].widget.attrs.update({"min": 1, "max": 20})
        if self.instance.timer_seconds:
            self.fields["timer_minutes"].initial = max(1, self.instance.timer_seconds // 60)
        self.order_fields(["prompt", "kind", "mode", "case", "guests_allowed", "moderated", "timer_minutes"])

    def clean_dots_per_person(self):
        dots = self.cleaned_data["dots_per_person"]
        if not 1 <= dots <= 20:
            raise forms.ValidationError(_("Kies tussen 1 en 20 stippen."))
        return dots

    def save(self, commit=True):
        round_ = super().save(commit=False)
        round_.meeting = self.meeting
        minutes = self.cleaned_data.get("timer_minutes")
        round_.timer_seconds = minutes * 60 if minutes else None
        if not round_.pk:
            round_.order = self.meeting.next_round_order()
        if commit:
            round_.save()
        return round_


class FormatForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Werkvorm"), choices=[(f.key, f.name) for f in FORMATS], widget=forms.RadioSelect
    )
    topic = forms.CharField(
        label=_("Vraag of onderwerp"),
        max_length=200,
        required=False,
        help_text=_("Voor 1-2-4-Allen en Wat? / En dan? / Wat nu?. Leeg: de standaardvraag."),
    )
    kind = forms.ChoiceField(
        label=_("Soort bijdrage bij 1-2-4-Allen"),
        # One "overig": the kind's own choice, chosen when nothing else is.
        choices=Round.Kind.choices,
        initial=Round.Kind.OTHER,
        required=False,
    )
    case = forms.ModelChoiceField(label=_("Casus in beeld"), queryset=None, required=False)
    guests_allowed = forms.BooleanField(label=_("Gasten mogen meedoen"), required=False)

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = meeting.presented_cases.order_by("title")
        self.fields["case"].empty_label = _("Geen casus in beeld")


class ContributionForm(forms.Form):
    text = forms.CharField(
        label=_("Jouw bijdrage"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
        help_text=_("Kort en krachtig: één gedachte per bijdrage, hoogstens 500 tekens."),
    )
    # Members may speak from another perspective than their profile's; guests chose theirs once.
    perspective = forms.ChoiceField(label=_("Vanuit welk perspectief?"), choices=Perspective.choices, required=False)
    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=40, required=False)

    def __init__(self, *args, perspective="", **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("perspective", perspective or Perspective.OTHER)
        kwargs["initial"].setdefault("submission_key", secrets.token_urlsafe(16))
        super().__init__(*args, **kwargs)

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Schrijf eerst je bijdrage."))
        return text


class ContributionEditForm(forms.ModelForm):
    class Meta:
        model = Contribution
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3, "maxlength": 500})}
        labels = {"text": _("Jouw bijdrage")}


class GuestForm(forms.Form):
    perspective = forms.ChoiceField(
        label=_("Vanuit welk perspectief doe je mee?"),
        # A list, not nine radio buttons: "Doe mee als gast" stays on a phone's first screen.
        choices=[("", _("Kies een perspectief")), *Perspective.choices],
        help_text=_("We vragen geen naam. Je bijdragen verschijnen anoniem, met dit perspectief."),
    )
    token = forms.CharField(widget=forms.HiddenInput, required=False)


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Code van de bijeenkomst"),
        max_length=20,
        help_text=_("De code staat op het scherm in de zaal, bijvoorbeeld K7MQ4D."),
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}),
    )


class FactorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, factor):
        return f"{factor.name} ({factor.get_kind_display()})"


def clustering_factors():
    return Factor.objects.exclude(status__in=[Factor.Status.RETIRED, Factor.Status.MERGED]).order_by("kind", "name")


class ClusterForm(forms.Form):
    """Put the checked contributions on an existing factor or on a new one."""

    contributions = forms.ModelMultipleChoiceField(
        queryset=None, error_messages={"required": _("Vink eerst bijdragen aan.")}
    )
    factor = FactorChoiceField(label=_("Op bestaande factor of belemmering"), queryset=None, required=False)
    new_name = forms.CharField(label=_("Of een nieuwe factor of belemmering"), max_length=160, required=False)
    new_kind = forms.ChoiceField(label=_("Soort nieuwe factor"), choices=Factor.Kind.choices, required=False)
    new_statement = forms.CharField(label=_("Nieuwe factor in één zin"), max_length=300, required=False)

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contributions"].queryset = meeting.contributions.all()
        self.fields["factor"].queryset = clustering_factors()
        self.fields["factor"].empty_label = _("Kies een factor")

    def clean(self):
        cleaned = super().clean()
        factor, name = cleaned.get("factor"), (cleaned.get("new_name") or "").strip()
        if factor and name:
            raise forms.ValidationError(_("Kies een bestaande factor óf geef een nieuwe naam, niet allebei."))
        if not factor and not name:
            raise forms.ValidationError(_("Kies een factor of geef een naam voor een nieuwe."))
        cleaned["new_name"] = name
        return cleaned

    def new_factor(self):
        if not self.cleaned_data["new_name"]:
            return None
        return {
            "name": self.cleaned_data["new_name"],
            "kind": self.cleaned_data.get("new_kind") or Factor.Kind.WORKING,
            "statement": self.cleaned_data.get("new_statement", "").strip(),
        }


class UnclusterForm(forms.Form):
    contributions = forms.ModelMultipleChoiceField(
        queryset=None, error_messages={"required": _("Vink eerst bijdragen aan.")}
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contributions"].queryset = meeting.contributions.all()


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Reden van verbergen"), max_length=300, required=False)


class HarvestForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["summary", "open_questions", "agreed_term_versions"]
        widgets = {"agreed_term_versions": forms.CheckboxSelectMultiple}
        help_texts = {
            "agreed_term_versions": _(
                "Versies van begrippen waarover de groep het eens werd. Bij publiceren worden ze vastgesteld."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["agreed_term_versions"]
        field.queryset = TermVersion.objects.select_related("term").exclude(status=TermVersion.Status.REJECTED)
        label = _("%(term)s – versie %(n)s (%(status)s)")
        field.label_from_instance = lambda v: (
            label % {"term": v.term.name, "n": v.number, "status": v.get_status_display()}
        )


class HarvestImageForm(forms.ModelForm):
    image = VerifiedImageField(label=_("Afbeelding"), max_side=2400, thumb_side=640)
    field_order = ["image", "kind", "alt_text", "caption", "order"]

    class Meta:
        model = HarvestImage
        # The image is saved by hand: it is re-encoded first (cop.images).
        fields = ["kind", "alt_text", "caption", "order"]
        help_texts = {
            "alt_text": _("Wat staat er op de foto of tekening? Verplicht, voor wie de afbeelding niet ziet.")
        }

    def save(self, commit=True):
        harvest_image = super().save(commit=False)
        processed = self.cleaned_data["image"]
        harvest_image.image.save(processed.content.name, processed.content, save=False)
        if processed.thumbnail is not None:
            harvest_image.thumbnail.save(processed.thumbnail.name, processed.thumbnail, save=False)
        if commit:
            harvest_image.save()
        return harvest_image
