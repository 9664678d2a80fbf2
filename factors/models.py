"""Working factors and obstacles, their clusters, relations and curation log.

Evidence lives in other apps (``cases.CaseFactor`` as ``case_links``, clustered
``meetings.Contribution`` as ``contributions``, ``meetings.Vote`` as ``votes``).
This app reads it only through those reverse relations and never imports them.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cop.models import Theme
from cop.richtext import RichTextField
from cop.roles import is_facilitator, is_member
from cop.utils import unique_slug


class Cluster(models.Model):
    """A group of related factors, e.g. *eigenaarschap & continuïteit*."""

    name = models.CharField(_("naam"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("beschrijving"), blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=100)

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)


class FactorQuerySet(models.QuerySet):
    def public(self):
        """Accepted factors: what the community stands behind."""
        return self.filter(status=Factor.Status.ACCEPTED)

    def visible_to(self, user):
        """Facilitators see all; members also see what they proposed themselves."""
        if is_facilitator(user):
            return self.all()
        if is_member(user):
            return self.filter(models.Q(status=Factor.Status.ACCEPTED) | models.Q(proposed_by=user))
        return self.public()

    def working(self):
        return self.filter(kind=Factor.Kind.WORKING)

    def obstacles(self):
        return self.filter(kind=Factor.Kind.OBSTACLE)


class Factor(models.Model):
    """A working factor (werkzame factor) or an obstacle (belemmering)."""

    class Kind(models.TextChoices):
        WORKING = "working", _("werkzame factor")
        OBSTACLE = "obstacle", _("belemmering")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("voorgesteld")
        ACCEPTED = "accepted", _("aanvaard")
        RETIRED = "retired", _("vervallen")
        MERGED = "merged", _("samengevoegd")

    name = models.CharField(_("naam"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.WORKING)
    statement = models.CharField(_("in één zin"), max_length=300)
    explanation = RichTextField(_("toelichting"))
    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="factors",
        verbose_name=_("cluster"),
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="factors", verbose_name=_("thema's"))
    related = models.ManyToManyField(
        "self",
        through="FactorRelation",
        symmetrical=False,
        blank=True,
        related_name="related_from",
        verbose_name=_("verwante factoren"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_from",
        verbose_name=_("samengevoegd met"),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposed_factors",
        verbose_name=_("voorgesteld door"),
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accepted_factors",
        verbose_name=_("aanvaard door"),
    )
    accepted_at = models.DateTimeField(_("aanvaard op"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=100)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    objects = FactorQuerySet.as_manager()

    class Meta:
        verbose_name = _("factor")
        verbose_name_plural = _("factoren")
        ordering = ["kind", "order", "name"]
        indexes = [models.Index(fields=["status", "kind"], name="factor_status_kind_idx")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("factors:detail", kwargs={"slug": self.slug})

    @property
    def is_obstacle(self):
        return self.kind == self.Kind.OBSTACLE


class FactorRelation(models.Model):
    """A directed relation: what helps against an obstacle, or two similar factors."""

    class Kind(models.TextChoices):
        HELPS_AGAINST = "helps", _("helpt tegen")
        SIMILAR = "similar", _("lijkt op")

    from_factor = models.ForeignKey(
        Factor, on_delete=models.CASCADE, related_name="relations_out", verbose_name=_("factor")
    )
    to_factor = models.ForeignKey(
        Factor, on_delete=models.CASCADE, related_name="relations_in", verbose_name=_("verwante factor")
    )
    kind = models.CharField(_("soort relatie"), max_length=10, choices=Kind.choices, default=Kind.SIMILAR)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("relatie tussen factoren")
        verbose_name_plural = _("relaties tussen factoren")
        ordering = ["from_factor", "kind", "to_factor"]
        constraints = [
            models.UniqueConstraint(fields=["from_factor", "to_factor", "kind"], name="factor_relation_unique"),
            models.CheckConstraint(
                condition=~models.Q(from_factor=models.F("to_factor")), name="factor_relation_not_self"
            ),
        ]

    def __str__(self):
        return f"{self.from_factor} {self.get_kind_display()} {self.to_factor}"


class FactorSlugRedirect(models.Model):
    """An old slug of a renamed or merged factor; it redirects permanently."""

    old_slug = models.SlugField(_("oude slug"), max_length=160, unique=True)
    factor = models.ForeignKey(
        Factor, on_delete=models.CASCADE, related_name="slug_redirects", verbose_name=_("factor")
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("doorverwijzing")
        verbose_name_plural = _("doorverwijzingen")
        ordering = ["old_slug"]

    def __str__(self):
        return f"{self.old_slug} → {self.factor.slug}"


class CurationLog(models.Model):
    """One curation step by a facilitator (who, when, what), readable back."""

    class Action(models.TextChoices):
        PROPOSE = "propose", _("voorgesteld")
        ACCEPT = "accept", _("aanvaard")
        EDIT = "edit", _("bewerkt")
        RENAME = "rename", _("hernoemd")
        MERGE = "merge", _("samengevoegd")
        SPLIT = "split", _("afgesplitst")
        RETIRE = "retire", _("laten vervallen")
        REORDER = "reorder", _("volgorde aangepast")
        RELATE = "relate", _("relatie gelegd")

    action = models.CharField(_("handeling"), max_length=10, choices=Action.choices)
    factor = models.ForeignKey(
        Factor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="curation_log",
        verbose_name=_("factor"),
    )
    other_factor = models.ForeignKey(
        Factor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("andere factor"),
    )
    cluster = models.ForeignKey(
        Cluster, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("cluster")
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    at = models.DateTimeField(_("op"), auto_now_add=True)
    summary = models.CharField(_("samenvatting"), max_length=500)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("curatiestap")
        verbose_name_plural = _("curatielogboek")
        ordering = ["-at", "-id"]

    def __str__(self):
        return self.summary
