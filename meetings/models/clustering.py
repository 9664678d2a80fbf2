"""The clustering steps of the console, kept so that each can be undone."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from factors.models import Factor
from meetings.models.meeting import Meeting


class ClusteringStep(models.Model):
    """A clustering action in the console, kept so that it can be undone."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="clustering_steps", verbose_name=_("bijeenkomst")
    )
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    # [{"contribution": id, "from": factor id or null, "to": factor id or null}, ...]
    moves = models.JSONField(default=list)
    # A factor this step made; undoing the step removes it again while nothing else uses it.
    created_factor = models.ForeignKey(
        Factor, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("nieuwe factor")
    )
    undone = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("clusterstap")
        verbose_name_plural = _("clusterstappen")
        ordering = ["meeting", "-at", "-id"]

    def __str__(self):
        return f"{self.meeting} · {self.at:%H:%M:%S}"
