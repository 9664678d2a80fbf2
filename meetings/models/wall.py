"""What a round shows on the wall and how much one phone may post in it (the facilitator's controls)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from cop.access import Refused

# The highest per-participant limit a facilitator can set for a round (a scribe typing for a table).
MAX_PARTICIPANT_LIMIT = 120


class RoundWallSettings(models.Model):
    """The wall settings of a ``Round`` (``meetings.models.live``), which supplies ``_locked`` and ``is_vote``."""

    # A vote's dots stay off the wall until the facilitator reveals them: no bandwagon.
    hide_results = models.BooleanField(_("uitslag pas tonen als de begeleider die onthult"), default=True)
    results_revealed = models.BooleanField(_("uitslag onthuld"), default=False)
    # Contributions, edits and dots per participant per minute (empty: the site's limit);
    # a scribe or a shared group tablet needs more.
    participant_limit = models.PositiveSmallIntegerField(
        _("bijdragen per deelnemer per minuut"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PARTICIPANT_LIMIT)],
    )

    class Meta:
        abstract = True

    @property
    def shows_results(self):
        """The wall shows the dots: the round does not hide them, or they were revealed."""
        return not self.hide_results or self.results_revealed

    def set_wall_options(self, *, hide_results, participant_limit):
        """The facilitator's wall settings of this round: hidden results, a higher posting limit."""
        with transaction.atomic():
            meeting, fresh = self._locked()
            fresh.hide_results, fresh.participant_limit = hide_results, participant_limit
            fresh.save(update_fields=["hide_results", "participant_limit"])
            meeting.bump_live_version()
        self.hide_results, self.participant_limit = hide_results, participant_limit

    def reveal_results(self, reveal=True):
        """Show (or hide again) the dots of this vote round on the wall."""
        with transaction.atomic():
            meeting, fresh = self._locked()
            if not fresh.is_vote:
                raise Refused(_("In deze ronde wordt niet gestemd."))
            fresh.results_revealed = reveal
            fresh.save(update_fields=["results_revealed"])
            meeting.bump_live_version()
        self.results_revealed = reveal
