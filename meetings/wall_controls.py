"""The facilitator's wall controls (forms): how the wall looks, a round's results and posting limit."""

from django import forms
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting
from meetings.models.wall import MAX_PARTICIPANT_LIMIT


class WallDisplayForm(forms.Form):
    join_display = forms.ChoiceField(
        label=_("QR-code en code op de muur"), choices=Meeting.JoinDisplay.choices, widget=forms.RadioSelect
    )
    view = forms.ChoiceField(label=_("De muur toont"), choices=Meeting.WallView.choices, widget=forms.RadioSelect)


class RoundWallForm(forms.Form):
    hide_results = forms.BooleanField(
        label=_("Uitslag van de stippen pas tonen als ik die laat zien"),
        required=False,
        help_text=_("Zo stemt niemand mee met wat al bovenaan staat."),
    )
    participant_limit = forms.IntegerField(
        label=_("Bijdragen en stippen per deelnemer per minuut"),
        required=False,
        min_value=1,
        max_value=MAX_PARTICIPANT_LIMIT,
        help_text=_("Leeg: de gewone grens (12). Hoger voor een notulist of een gedeelde tablet per tafel."),
    )
