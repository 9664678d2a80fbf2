"""A change to a published case that waits for a facilitator (issue 14: published content changes through review).

The editor's form is kept as it was sent (field name → list of values, as in a
POST), so that approving it binds the same forms again and saves them the way an
edit of a draft is saved. New photos are not part of it (``cases.review``).
"""

from django.conf import settings
from django.db import models
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from cases.models.case import Case


class CasePendingChangeQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=CasePendingChange.Status.OPEN)


class CasePendingChange(models.Model):
    """The submitted edit form of a published case; at most one is open per case."""

    class Status(models.TextChoices):
        OPEN = "open", _("wacht op een begeleider")
        APPROVED = "approved", _("goedgekeurd")
        REJECTED = "rejected", _("afgewezen")
        REPLACED = "replaced", _("vervangen door een nieuwere wijziging")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="pending_changes", verbose_name=_("casus"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    data = models.JSONField(_("ingevulde gegevens"), default=dict)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(_("opgeslagen op"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beoordeeld door"),
    )
    decided_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    message = models.TextField(_("bericht van de begeleider"), blank=True)

    objects = CasePendingChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("wijziging die wacht op een begeleider")
        verbose_name_plural = _("wijzigingen die wachten op een begeleider")
        ordering = ["case", "-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["case"], condition=models.Q(status="open"), name="case_one_open_change"),
        ]

    def __str__(self):
        return f"{self.case} · {self.get_status_display()}"

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    def as_querydict(self):
        """The stored form data as the forms read a POST."""
        data = QueryDict(mutable=True)
        for key, values in self.data.items():
            data.setlist(key, list(values))
        return data
