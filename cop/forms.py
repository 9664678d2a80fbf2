from django import forms
from django.utils.translation import gettext_lazy as _

from cop.images import VerifiedImageField
from cop.models import Organisation, Perspective, Profile
from cop.utils import one_line
from cop.widgets import DutchOptionsSelect


class SingleLineCharField(forms.CharField):
    """A one-line text (a title, a name): line breaks and tabs become single spaces.

    A browser's text input cannot hold a line break, but a hand-made POST can; a title
    with one broke every e-mail whose subject names it.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return one_line(value) if value else value


def slug_filter(label, queryset, empty_label, help_text=""):
    """An optional filter on one object, chosen by its slug, so that a filtered page is a readable URL."""
    return forms.ModelChoiceField(
        label=label,
        widget=DutchOptionsSelect,
        queryset=queryset,
        to_field_name="slug",
        required=False,
        empty_label=empty_label,
        help_text=help_text,
    )


class SignupExtraForm(forms.Form):
    """Extra fields on allauth's sign-up form (allauth calls ``signup``)."""

    display_name = forms.CharField(
        label=_("Naam"),
        max_length=100,
        help_text=_("Zo noemen we je op het platform. Openbaar alleen als je dat zelf aanzet."),
    )
    perspective = forms.ChoiceField(
        label=_("Vanuit welk perspectief doe je mee?"),
        choices=[("", _("Kies een perspectief"))] + list(Perspective.choices),
        required=False,
    )

    def signup(self, request, user):
        Profile.objects.update_or_create(
            user=user,
            defaults={
                "display_name": self.cleaned_data["display_name"],
                "perspective": self.cleaned_data.get("perspective") or "",
            },
        )


class NewOrganisationMixin:
    """A form with an ``organisation`` choice that also lets the member name an organisation not in the list.

    Not moderated: a member's own organisation is a fact about them, not content the CoP
    vouches for, and a facilitator can rename or merge it in the admin. A name that exists
    already (in any case) picks that organisation instead of making a second one.
    """

    def add_new_organisation_fields(self):
        self.fields["new_organisation"] = forms.CharField(
            label=_("Staat je organisatie er niet bij? Vul dan de naam in"),
            max_length=150,
            required=False,
        )
        self.fields["new_organisation_kind"] = forms.ChoiceField(
            label=_("Soort van de nieuwe organisatie"),
            required=False,
            choices=[("", _("Kies een soort")), *Perspective.choices],
        )
        for name in ("new_organisation", "new_organisation_kind"):
            self.fields[name].show_optional = False

    def clean_new_organisation(self):
        return one_line(self.cleaned_data.get("new_organisation") or "")

    def resolve_new_organisation(self, data):
        """In ``clean()``: the named organisation, found or still to be made (``self.new_organisation``)."""
        self.new_organisation = None
        name = data.get("new_organisation")
        if not name:
            return data
        if data.get("organisation"):
            self.add_error("new_organisation", _("Kies een organisatie uit de lijst óf vul een nieuwe naam in."))
            return data
        existing = Organisation.objects.filter(name__iexact=name).first()
        if existing:
            data["organisation"] = existing
            return data
        if not data.get("new_organisation_kind"):
            self.add_error("new_organisation_kind", _("Kies de soort van de nieuwe organisatie."))
            return data
        self.new_organisation = Organisation(name=name, kind=data["new_organisation_kind"])
        return data

    def save_new_organisation(self, instance):
        """Before saving ``instance``: make the organisation the member named, and link it."""
        if getattr(self, "new_organisation", None) is not None:
            self.new_organisation.save()
            instance.organisation = self.new_organisation


class ProfileForm(NewOrganisationMixin, forms.ModelForm):
    avatar = VerifiedImageField(label=_("Foto"), required=False, max_side=512)

    class Meta:
        model = Profile
        fields = ["display_name", "organisation", "perspective", "bio", "show_name_publicly"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["organisation"].empty_label = _("Geen of niet in de lijst")
        self.fields["perspective"].choices = [("", _("Zoals mijn organisatie"))] + list(Perspective.choices)
        self.fields["avatar"].initial = self.instance.avatar or None
        self.add_new_organisation_fields()
        # Keep the fields in reading order: the photo before the consent.
        self.order_fields(
            [
                "display_name",
                "organisation",
                "new_organisation",
                "new_organisation_kind",
                "perspective",
                "bio",
                "avatar",
                "show_name_publicly",
            ]
        )

    def clean(self):
        return self.resolve_new_organisation(super().clean())

    def save(self, commit=True):
        profile = super().save(commit=False)
        self.save_new_organisation(profile)
        avatar = self.cleaned_data.get("avatar")
        if avatar is False:
            profile.avatar.delete(save=False)
        elif avatar is not None and hasattr(avatar, "content"):
            profile.avatar.save(avatar.content.name, avatar.content, save=False)
        if commit:
            profile.save()
        return profile
