"""Reflections: peers' responses to a published case, from their own perspective."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.models.case import Case
from cases.signals import reflection_hidden
from cop.access import Refused
from cop.cache import bump_content_version
from cop.models import Perspective
from cop.roles import is_facilitator, is_member
from cop.tasks import send_on_commit


class ReflectionQuerySet(models.QuerySet):
    def public(self):
        """Not hidden, on a public case."""
        return self.filter(hidden=False, case__status=Case.Status.PUBLISHED, case__visibility=Case.Visibility.PUBLIC)

    def visible_to(self, user):
        if is_facilitator(user):
            return self.filter(case__in=Case.objects.visible_to(user))
        if is_member(user):
            return self.filter(models.Q(hidden=False) | models.Q(author=user), case__status=Case.Status.PUBLISHED)
        return self.public()


class Reflection(models.Model):
    """A peer's reflection on a case, from their own perspective."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reflections", verbose_name=_("casus"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reflections",
        verbose_name=_("auteur"),
    )
    perspective = models.CharField(_("perspectief"), max_length=20, choices=Perspective.choices)
    strikes = models.TextField(_("Wat valt je op?"), max_length=3000, blank=True)
    learns = models.TextField(_("Wat is leerzaam voor jou?"), max_length=3000, blank=True)
    hidden = models.BooleanField(_("verborgen"), default=False)
    hidden_reason = models.CharField(_("reden van verbergen"), max_length=300, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verborgen door"),
    )
    created_at = models.DateTimeField(_("geplaatst"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    objects = ReflectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("reflectie")
        verbose_name_plural = _("reflecties")
        ordering = ["case", "perspective", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(strikes="", learns=""),
                name="reflection_not_empty",
                violation_error_message=_("Beantwoord minstens één van de twee vragen."),
            )
        ]

    def __str__(self):
        return f"{self.get_perspective_display()} over {self.case}"

    def hide(self, *, by, reason):
        """A facilitator hides the reflection from everyone but its author and the facilitators."""
        reason = (reason or "").strip()
        if not reason:
            raise Refused(_("Geef een reden op."))
        self.hidden, self.hidden_by, self.hidden_reason = True, by, reason
        self.save(update_fields=["hidden", "hidden_by", "hidden_reason", "updated_at"])
        bump_content_version("reflections")
        send_on_commit(reflection_hidden, sender=Reflection, reflection=self, reason=reason)

    def unhide(self, *, by):
        self.hidden, self.hidden_by, self.hidden_reason = False, None, ""
        self.save(update_fields=["hidden", "hidden_by", "hidden_reason", "updated_at"])
        bump_content_version("reflections")
