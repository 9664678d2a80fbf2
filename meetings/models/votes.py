"""Dots of the voting rounds of the live mode."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cop.roles import is_member
from factors.models import Factor
from meetings.models.meeting import Meeting


class VoteQuerySet(models.QuerySet):
    def counted(self):
        """Dots that count: without late guests' dots in rounds that discount them."""
        return self.exclude(late_guest=True, round__discount_late_guests=True)

    def evidence_for(self, viewer=None):
        """Dots that count as evidence for ``viewer``: in a meeting whose harvest is published (public for visitors)."""
        votes = self.counted().filter(round__meeting__status=Meeting.Status.PUBLISHED)
        if not is_member(viewer):
            votes = votes.filter(round__meeting__visibility=Meeting.Visibility.PUBLIC)
        return votes


class Vote(models.Model):
    """One dot on a factor in a voting round. No one exceeds the round's dots."""

    round = models.ForeignKey("meetings.Round", on_delete=models.CASCADE, related_name="votes", verbose_name=_("ronde"))
    factor = models.ForeignKey(Factor, on_delete=models.CASCADE, related_name="votes", verbose_name=_("factor"))
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="votes",
        verbose_name=_("deelnemer"),
    )
    guest_key = models.CharField(_("gast"), max_length=40, blank=True)
    late_guest = models.BooleanField(_("gast die pas tijdens de ronde kwam"), default=False)
    created_at = models.DateTimeField(_("geplaatst"), auto_now_add=True)

    objects = VoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("stip")
        verbose_name_plural = _("stippen")
        ordering = ["round", "created_at", "id"]
        indexes = [models.Index(fields=["round", "voter", "guest_key"], name="vote_voter_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(voter__isnull=False) | ~models.Q(guest_key=""), name="vote_has_voter_or_guest"
            )
        ]

    def __str__(self):
        return f"{self.factor} · {self.round}"
