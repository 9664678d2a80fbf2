from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from notifications.models import Kind, MailSettings

# What a member can turn off by mail, in the order the form shows it. The digest has its own field; the
# co-editor invitation (its link) and a place from the waiting list (the calendar file) are mailed by
# their own apps whatever the choice, and are notifications in the site only.
MAILED_KINDS = [kind for kind in Kind if kind not in (Kind.DIGEST, Kind.INVITATION, Kind.WAITLIST)]


class MailSettingsForm(forms.ModelForm):
    mailed = forms.MultipleChoiceField(
        label=_("Stuur me een e-mail over"),
        choices=[(kind.value, kind.label) for kind in MAILED_KINDS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("In de lijst met meldingen zie je ze altijd."),
    )

    class Meta:
        model = MailSettings
        fields = ["digest", "language"]
        widgets = {"digest": forms.RadioSelect, "language": forms.RadioSelect}
        help_texts = {"digest": _("Eén e-mail met wat er nieuw is in wat je volgt. Geen nieuws, geen e-mail.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES
        self.initial["mailed"] = [kind.value for kind in MAILED_KINDS if kind.value not in self.instance.muted]

    def save(self, commit=True):
        chosen = set(self.cleaned_data["mailed"])
        self.instance.muted = [kind.value for kind in MAILED_KINDS if kind.value not in chosen]
        return super().save(commit=commit)
