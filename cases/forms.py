"""Forms of the case library: the case with its inline rows, the workflow and reflections (filters: library_filters)."""

from django import forms
from django.db import models
from django.db.models import Q
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from cases.models import Case, CaseFactor, CaseImage, CaseLink, CasePartner, Reflection, text_of
from cop.forms import NewOrganisationMixin, SingleLineCharField
from cop.images import ProcessedImage, VerifiedImageField, delete_renditions, make_renditions_later
from cop.models import Area, Municipality, Organisation, Perspective, Theme
from factors.models import Factor

STORY_REQUIRED = _("Vertel het verhaal van de casus: dit veld is nog leeg.")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def factor_choices(queryset):
    """Working factors and obstacles as two option groups."""
    groups = {Factor.Kind.WORKING: [], Factor.Kind.OBSTACLE: []}
    for factor in queryset:
        groups.setdefault(factor.kind, []).append((factor.pk, factor.name))
    return [
        ("", _("Kies een factor of belemmering")),
        (_("Werkzame factoren"), groups[Factor.Kind.WORKING]),
        (_("Belemmeringen"), groups[Factor.Kind.OBSTACLE]),
    ]


class CaseForm(NewOrganisationMixin, forms.ModelForm):
    """The case itself; photos, partners, links and factors are inline formsets beside it."""

    # Sections of the form, in reading order: (legend, fields, open by default).
    SECTIONS = [
        (_("Over de casus"), ["title", "summary", "story"], True),
        (_("De drie vragen"), ["pride", "what_worked", "lessons"], True),
        (
            _("Waar en wanneer"),
            ["municipality", "area", "area_type", "scale", "period_start", "period_end", "stage"],
            True,
        ),
        (
            _("Thema's en perspectief"),
            ["themes", "organisation", "new_organisation", "new_organisation_kind", "perspective"],
            True,
        ),
        (
            _("Beschrijving als werkzame praktijk"),
            ["occasion", "goal", "target_group", "approach", "preconditions", "transferability"],
            False,
        ),
        (_("Contactpersoon"), ["contact_name", "contact_email", "contact_consent"], False),
        (_("Wie mag de casus zien?"), ["visibility"], True),
    ]

    class Meta:
        model = Case
        fields = [
            "title",
            "summary",
            "story",
            "pride",
            "what_worked",
            "lessons",
            "occasion",
            "goal",
            "target_group",
            "approach",
            "preconditions",
            "transferability",
            "area_type",
            "scale",
            "municipality",
            "area",
            "themes",
            "period_start",
            "period_end",
            "stage",
            "organisation",
            "perspective",
            "contact_name",
            "contact_email",
            "contact_consent",
            "visibility",
        ]
        field_classes = {"title": SingleLineCharField}
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
            "themes": forms.CheckboxSelectMultiple,
            "period_start": DATE_WIDGET,
            "period_end": DATE_WIDGET,
            "stage": forms.RadioSelect,
            "visibility": forms.RadioSelect,
        }
        help_texts = {
            "title": _("Bijvoorbeeld ‘Kenniskwartier Arnhem’."),
            "summary": _("Eén of twee zinnen: wat is er gedaan, waar en met wie? Hoogstens 500 tekens."),
            "story": _("Vertel het verhaal in je eigen woorden: hoe het begon, wat jullie deden en wat het opleverde."),
            "occasion": _("Welk probleem of welke kans was de aanleiding?"),
            "goal": _("Wat wilden jullie bereiken?"),
            "target_group": _("Voor wie is het bedoeld?"),
            "approach": _("Wat deden jullie, stap voor stap?"),
            "preconditions": _("Wat is nodig om dit te laten werken (tijd, geld, mensen, afspraken)?"),
            "transferability": _("Wat kunnen anderen ervan overnemen, en wat is typisch voor jullie situatie?"),
            "period_end": _("Leeg laten als het nog loopt."),
            "contact_name": _("Iemand die vragen over de casus kan beantwoorden."),
            "visibility": _("Een casus is pas zichtbaar nadat een begeleider haar heeft gepubliceerd."),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].widget.attrs["autocomplete"] = "off"
        self.fields["municipality"].queryset = Municipality.objects.order_by("name")
        self.fields["municipality"].empty_label = _("Kies een gemeente")
        areas = Area.objects.select_related("municipality").order_by("municipality__name", "name")
        self.fields["area"].queryset = areas
        grouped = {}
        for area in areas:
            grouped.setdefault(area.municipality.name, []).append((area.pk, area.name))
        self.fields["area"].choices = [("", _("Kies een wijk, dorp of kern"))] + list(grouped.items())
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["organisation"].empty_label = _("Geen of niet in de lijst")
        self.add_new_organisation_fields()
        self.fields["themes"].queryset = Theme.objects.order_by("order", "name")
        self.fields["area_type"].choices = [("", _("Kies een soort gebied"))] + list(Case.AreaType.choices)
        self.fields["scale"].choices = [("", _("Kies een schaal"))] + list(Case.Scale.choices)
        # Also checked on the sanitised text in clean_story: an empty editor sends "<p></p>".
        self.fields["story"].required = True
        self.fields["story"].error_messages["required"] = STORY_REQUIRED
        if not self.instance.pk and user is not None:
            profile = getattr(user, "profile", None)
            if profile is not None:
                # The model's defaults are already in ``initial``: the member's own profile wins.
                self.initial["perspective"] = profile.effective_perspective
                if profile.organisation_id:
                    self.initial["organisation"] = profile.organisation_id

    def clean_story(self):
        story = self.cleaned_data.get("story") or ""
        if not text_of(story):
            raise forms.ValidationError(STORY_REQUIRED, code="required")
        return story

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("De einddatum ligt vóór de begindatum."))
        area, municipality = data.get("area"), data.get("municipality")
        if area and municipality and area.municipality_id != municipality.pk:
            self.add_error("area", _("Deze wijk of kern hoort niet bij de gekozen gemeente."))
        elif area and not municipality:
            data["municipality"] = area.municipality
        return self.resolve_new_organisation(data)

    def save(self, commit=True):
        self.save_new_organisation(self.instance)
        return super().save(commit=commit)

    def sections(self):
        """(legend, bound fields, has errors, open) per section, for the template."""
        result = []
        for legend, names, is_open in self.SECTIONS:
            fields = [self[name] for name in names]
            has_errors = any(f.errors for f in fields)
            filled = any(self[name].value() not in (None, "", [], False) for name in names)
            result.append((legend, fields, has_errors, is_open or has_errors or filled))
        return result


class CaseFactorForm(forms.ModelForm):
    """A factor named by the case, with its explanation.

    A saved row keeps its factor (delete the row to name another): it shows the
    name instead of a select, so a case with hundreds of factors stays light to
    render and to validate.
    """

    class Meta:
        model = CaseFactor
        fields = ["factor", "explanation"]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 2, "maxlength": 2000})}
        labels = {"factor": _("Factor of belemmering")}
        help_texts = {"explanation": _("Kort: hoe speelde dit mee in jullie casus?")}

    def __init__(self, *args, factor_queryset=None, factor_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["factor"]
        elif factor_queryset is not None:
            self.fields["factor"].queryset = factor_queryset
            self.fields["factor"].choices = factor_choices
        self.fields["explanation"].required = True
        self.fields["explanation"].error_messages["required"] = _("Leg kort uit hoe deze factor meespeelde.")

    @property
    def factor_id(self):
        if self.instance.pk:
            return self.instance.factor_id
        factor = self.cleaned_data.get("factor") if hasattr(self, "cleaned_data") else None
        return factor.pk if factor else None


class LightInlineFormSet(forms.BaseInlineFormSet):
    """Finds each row's own object in the formset's queryset (one query) instead of one query per row."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        field = form.fields.get(self._pk_field.name)
        if not isinstance(field, forms.ModelChoiceField):
            return
        if not hasattr(self, "_rows_by_pk"):
            self._rows_by_pk = {str(obj.pk): obj for obj in self.get_queryset()}
        rows = self._rows_by_pk

        def to_python(value):
            if value in field.empty_values:
                return None
            try:
                return rows[str(value)]
            except KeyError:
                raise forms.ValidationError(
                    field.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
                ) from None

        field.to_python = to_python


class BaseFactorFormSet(LightInlineFormSet):
    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            unused = not form.instance.pk and not form.has_changed()
            if unused or not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            if form.factor_id in seen:
                form.add_error(None, _("Deze factor staat er al bij. Noem elke factor één keer."))
            seen.add(form.factor_id)


class CasePartnerForm(forms.ModelForm):
    class Meta:
        model = CasePartner
        fields = ["organisation", "name", "kind", "role"]
        labels = {"name": _("Of: naam van de partner")}
        help_texts = {"role": _("Bijvoorbeeld: trekker, financier, levert studenten.")}

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["organisation"].queryset = organisations
        self.fields["organisation"].empty_label = _("Niet in de lijst")
        self.fields["kind"].choices = [("", _("Kies een soort"))] + list(Perspective.choices)

    def clean(self):
        data = super().clean()
        if not data.get("organisation") and not (data.get("name") or "").strip() and not self.errors:
            self.add_error("name", _("Kies een organisatie of vul de naam van de partner in."))
        return data


def _https_urls(field, **kwargs):
    # Addresses typed without a scheme get https:// (Django 6's default).
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class CaseLinkForm(forms.ModelForm):
    class Meta:
        model = CaseLink
        fields = ["title", "url"]
        field_classes = {"title": SingleLineCharField}
        labels = {"title": _("Titel van de link"), "url": _("Adres (https://…)")}
        formfield_callback = _https_urls


class CaseImageForm(forms.ModelForm):
    """A photo: verified and re-encoded by ``cop.images``; the thumbnail is made once, here."""

    image = VerifiedImageField(
        label=_("Foto"), required=False, thumb_side=480, widget=forms.FileInput, help_text=_("JPEG, PNG, WebP of GIF.")
    )

    class Meta:
        model = CaseImage
        fields = ["alt_text", "caption", "credit"]
        labels = {"credit": _("Fotograaf of bron")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["image", "alt_text", "caption", "credit"])
        if self.instance.pk:
            self.fields["image"].label = _("Andere foto kiezen")
            self.fields["image"].help_text = _("Leeg laten om deze foto te houden.")

    def clean(self):
        data = super().clean()
        if not self.instance.pk and not data.get("image") and "image" not in self.errors:
            self.add_error("image", _("Kies een foto, of maak de regel leeg."))
        return data

    def save(self, commit=True):
        instance = super().save(commit=False)
        processed = self.cleaned_data.get("image")
        if isinstance(processed, ProcessedImage):
            old = (instance.image.name, instance.thumbnail.name) if instance.pk else ()
            if instance.pk and instance.image:
                delete_renditions(instance.image)
            instance.image.save(processed.content.name, processed.content, save=False)
            make_renditions_later(instance.image)  # for srcset: phones get 480 or 800 pixels, not the whole photo
            if processed.thumbnail is not None:
                instance.thumbnail.save(processed.thumbnail.name, processed.thumbnail, save=False)
            for name in old:
                if name:
                    instance.image.storage.delete(name)
        if commit:
            instance.save()
        return instance


FORMSET_OPTIONS = {"can_delete": True, "validate_max": True}
PLAIN_OPTIONS = {"formset": LightInlineFormSet, **FORMSET_OPTIONS}
FactorFormSet = inlineformset_factory(
    Case, CaseFactor, form=CaseFactorForm, formset=BaseFactorFormSet, extra=2, max_num=500, **FORMSET_OPTIONS
)
PartnerFormSet = inlineformset_factory(Case, CasePartner, form=CasePartnerForm, extra=1, max_num=100, **FORMSET_OPTIONS)
LinkFormSet = inlineformset_factory(Case, CaseLink, form=CaseLinkForm, extra=1, max_num=50, **FORMSET_OPTIONS)
ImageFormSet = inlineformset_factory(Case, CaseImage, form=CaseImageForm, extra=1, max_num=30, **FORMSET_OPTIONS)


def case_formsets(user, data=None, files=None, *, instance):
    """The four inline formsets, with the choices computed once for all their rows."""
    linked = instance.factor_links.values("factor_id") if instance.pk else []
    factors = (
        Factor.objects.visible_to(user)
        .filter(Q(status__in=[Factor.Status.ACCEPTED, Factor.Status.PROPOSED]) | Q(pk__in=linked))
        .order_by("kind", "order", "name")
    )
    choices = factor_choices(list(factors))
    organisations = Organisation.objects.order_by("name")
    return {
        "factors": FactorFormSet(
            data,
            files,
            instance=instance,
            queryset=CaseFactor.objects.filter(case=instance).select_related("factor") if instance.pk else None,
            prefix="factors",
            form_kwargs={"factor_queryset": factors, "factor_choices": choices},
        ),
        "partners": PartnerFormSet(
            data, files, instance=instance, prefix="partners", form_kwargs={"organisations": organisations}
        ),
        "links": LinkFormSet(data, files, instance=instance, prefix="links"),
        "images": ImageFormSet(data, files, instance=instance, prefix="images"),
    }


class CoEditorForm(forms.Form):
    """An address to invite. Nothing here looks members up: the answer is the same for every address."""

    email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_("Als er een deelnemer met dit adres is, krijgt die een uitnodiging om mee te schrijven."),
    )

    def __init__(self, *args, case, own_addresses=(), **kwargs):
        self.case = case
        self.own_addresses = set(own_addresses)
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email in self.own_addresses:
            raise forms.ValidationError(_("Dit ben jij: je bent al de eigenaar van deze casus."), code="owner")
        # The owner's own earlier invitation, listed on the page: it tells nothing about the address.
        if self.case.invitations.listed().filter(email=email).exists():
            raise forms.ValidationError(_("Er staat al een uitnodiging open voor dit adres."), code="duplicate")
        return email


class SendBackForm(forms.Form):
    message = forms.CharField(
        label=_("Bericht aan de auteurs"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat moet er nog gebeuren voordat de casus gepubliceerd kan worden?"),
        error_messages={"required": _("Schrijf erbij wat de auteurs nog moeten doen.")},
    )


class RejectChangeForm(forms.Form):
    message = forms.CharField(
        label=_("Bericht aan de auteurs"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Waarom wijs je de wijziging af, en wat kunnen de auteurs anders doen?"),
        error_messages={"required": _("Schrijf erbij waarom je de wijziging afwijst.")},
    )


class HideReflectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden van verbergen"),
        max_length=300,
        error_messages={"required": _("Geef een reden op.")},
    )


class ReflectionForm(forms.ModelForm):
    class Meta:
        model = Reflection
        fields = ["perspective", "strikes", "learns"]
        widgets = {
            "strikes": forms.Textarea(attrs={"rows": 4, "maxlength": 3000}),
            "learns": forms.Textarea(attrs={"rows": 4, "maxlength": 3000}),
        }
        labels = {"perspective": _("Vanuit welk perspectief kijk je?")}
        help_texts = {
            "perspective": _("Je naam staat er alleen bij als je dat in je profiel hebt aangezet."),
            "strikes": _("Eén van de twee vragen beantwoorden is genoeg."),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # One of the two is needed: neither is "niet verplicht" (forms/field.html reads show_optional).
        for name in ("strikes", "learns"):
            self.fields[name].show_optional = False
        if not self.instance.pk and user is not None:
            profile = getattr(user, "profile", None)
            if profile is not None:
                self.initial["perspective"] = profile.effective_perspective

    def clean(self):
        data = super().clean()
        if not (data.get("strikes") or "").strip() and not (data.get("learns") or "").strip():
            raise forms.ValidationError(
                _("Beantwoord minstens één van de twee vragen."),
                code="empty",
            )
        return data

    def _get_validation_exclusions(self):
        # The form said it already; the model's constraint would say it a second time.
        exclude = super()._get_validation_exclusions()
        if self.has_error(forms.forms.NON_FIELD_ERRORS, "empty"):
            exclude |= {"strikes", "learns"}
        return exclude
