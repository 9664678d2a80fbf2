"""Scribes: participants a facilitator lets post more per minute (one typing for a table)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Contributions, edits and dots per minute of a scribe (the site's default for others is 12).
SCRIBE_LIMIT = 60


class Scribe(models.Model):
    """A member or a guest (by the random key of their session) marked as scribe of one meeting."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="scribes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    guest_key = models.CharField(_("gast"), max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("schrijver")
        verbose_name_plural = _("schrijvers")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_scribe_per_member"),
            models.UniqueConstraint(
                fields=["meeting", "guest_key"], condition=~models.Q(guest_key=""), name="one_scribe_per_guest"
            ),
            models.CheckConstraint(
                condition=models.Q(user__isnull=False, guest_key="")
                | models.Q(user__isnull=True) & ~models.Q(guest_key=""),
                name="scribe_is_a_member_or_a_guest",
            ),
        ]

    def __str__(self):
        return f"{self.meeting_id}: {'member ' + str(self.user_id) if self.user_id else 'guest'}"

    @classmethod
    def of(cls, meeting, *, user=None, guest_key=""):
        return cls.objects.filter(
            meeting=meeting, **({"user": user} if user else {"user__isnull": True, "guest_key": guest_key})
        )

    @classmethod
    def toggle(cls, contribution):
        """Mark the author of ``contribution`` as scribe, or no longer; True when they are one now."""
        who = {"user": contribution.author} if contribution.author_id else {"guest_key": contribution.guest_key}
        if not contribution.author_id and not contribution.guest_key:
            return False
        found = cls.of(contribution.meeting, **who)
        if found.exists():
            found.delete()
            return False
        cls.objects.create(meeting=contribution.meeting, **who)
        return True

    @classmethod
    def keys(cls, meeting):
        """Who is scribe in ``meeting``: ("user", pk) and ("guest", key) pairs."""
        return {
            ("user", u) if u else ("guest", g)
            for u, g in cls.objects.filter(meeting=meeting).values_list("user_id", "guest_key")
        }
