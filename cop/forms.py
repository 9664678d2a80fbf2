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


class ProfileForm(forms.ModelForm):
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
        # Keep the fields in reading order: the photo before the consent.
        self.order_fields(["display_name", "organisation", "perspective", "bio", "avatar", "show_name_publicly"])

    def save(self, commit=True):
        profile = super().save(commit=False)
        avatar = self.cleaned_data.get("avatar")
        if avatar is False:
            profile.avatar.delete(save=False)
        elif avatar is not None and hasattr(avatar, "content"):
            profile.avatar.save(avatar.content.name, avatar.content, save=False)
        if commit:
            profile.save()
        return profile
