"""Working factors and obstacles, their clusters, relations and curation log.

Evidence lives in other apps (``cases.CaseFactor`` as ``case_links``, clustered
``meetings.Contribution`` as ``contributions``, ``meetings.Vote`` as ``votes``).
This app reads it only through those reverse relations and never imports them
(see ``factors.evidence``); merging and splitting move it through the holders
those apps register (``factors.holders``).
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cop.access import Refused
from cop.cache import bump_content_version
from cop.models import Theme
from cop.richtext import RichTextField
from cop.search import update_search_vector
from cop.utils import SluggedModel
from factors import evidence
from factors.holders import holder, holders
from factors.models.public import has_real_description, missing_for_public
from factors.models.queries import FactorQuerySet

# How the keys of ``CurationLog.details`` read on the log pages.
DETAIL_LABELS = {
    "case_links_moved": _("casussen overgezet"),
    "case_links_joined": _("casussen samengevoegd (toelichtingen samengevoegd)"),
    "contributions_moved": _("bijdragen overgezet"),
    "votes_moved": _("stippen overgezet"),
    "relations_moved": _("relaties overgezet"),
    "relations_dropped": _("relaties vervallen (dubbel of met zichzelf)"),
    "themes_added": _("thema's toegevoegd"),
    "redirects_moved": _("oude adressen omgeleid"),
    "merged_slug": _("oud adres"),
    "old_name": _("oude naam"),
    "new_name": _("nieuwe naam"),
    "old_slug": _("oud adres"),
    "new_slug": _("nieuw adres"),
    "previous_status": _("vorige status"),
    "reason": _("reden"),
    "fields": _("gewijzigde velden"),
    "kind": _("soort relatie"),
    "note": _("toelichting"),
    "removed": _("verwijderd"),
    "order": _("nieuwe volgorde"),
}

# Paths under /wat-werkt/ that are pages, not factors.
RESERVED_SLUGS = {"voorstellen", "beheer", "kaart", "perspectieven", "zoeken"}


class Cluster(SluggedModel):
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

    @transaction.atomic
    def move(self, steps, *, by):
        """Move this cluster ``steps`` places (negative: up) and renumber all clusters 10, 20, …"""
        clusters = list(Cluster.objects.select_for_update().order_by("order", "name"))
        index = next(i for i, cluster in enumerate(clusters) if cluster.pk == self.pk)
        target = max(0, min(len(clusters) - 1, index + steps))
        if target == index:
            return False
        clusters.insert(target, clusters.pop(index))
        for position, cluster in enumerate(clusters, start=1):
            cluster.order = position * 10
        Cluster.objects.bulk_update(clusters, ["order"])
        self.order = target * 10 + 10
        CurationLog.record(
            CurationLog.Action.REORDER,
            by=by,
            cluster=self,
            summary=gettext("Cluster ‘%(name)s’ verplaatst naar plaats %(place)s")
            % {"name": self.name, "place": target + 1},
            details={"order": [cluster.slug for cluster in clusters]},
        )
        return True


class Factor(evidence.LevelWords, models.Model):
    """A working factor (werkzame factor) or an obstacle (belemmering)."""

    class Kind(models.TextChoices):
        WORKING = "working", _("werkzame factor")
        OBSTACLE = "obstacle", _("belemmering")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("voorgesteld")
        ACCEPTED = "accepted", _("aanvaard")
        RETIRED = "retired", _("vervallen")
        MERGED = "merged", _("samengevoegd")

    # Dutch full-text search (cop.search).
    SEARCH_FIELDS = {"name": "A", "statement": "B", "explanation": "C"}

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
    search_vector = SearchVectorField(null=True, editable=False)

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
            self.slug = self.free_slug(self.name)
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(update_fields) & set(self.SEARCH_FIELDS):
            update_search_vector(Factor, [self.pk])

    def get_absolute_url(self):
        return reverse("factors:detail", kwargs={"slug": self.slug})

    @property
    def is_obstacle(self):
        return self.kind == self.Kind.OBSTACLE

    @property
    def is_public(self):
        return self.status == self.Status.ACCEPTED

    @property
    def missing_for_public(self):
        """What a facilitator must still add before the factor counts publicly (``factors.models.public``)."""
        return missing_for_public(self)

    def free_slug(self, source):
        """A slug no other factor, old slug (of another factor) or page of /wat-werkt/ uses."""
        max_length = self._meta.get_field("slug").max_length
        base = slugify(source)[: max_length - 4].strip("-") or "factor"
        taken = set(
            Factor.objects.exclude(pk=self.pk).filter(slug__startswith=base).values_list("slug", flat=True)
        ) | set(
            FactorSlugRedirect.objects.filter(old_slug__startswith=base)
            .exclude(factor_id=self.pk)
            .values_list("old_slug", flat=True)
        )
        taken |= RESERVED_SLUGS
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    # --- curation -----------------------------------------------------------------

    @classmethod
    @transaction.atomic
    def propose(cls, *, by, themes=(), **fields):
        """A member proposes a factor; a facilitator accepts it later."""
        factor = cls.objects.create(status=cls.Status.PROPOSED, proposed_by=by, **fields)
        factor.themes.set(themes)
        CurationLog.record(
            CurationLog.Action.PROPOSE,
            by=by,
            factor=factor,
            summary=gettext("‘%(name)s’ voorgesteld") % {"name": factor.name},
        )
        return factor

    @transaction.atomic
    def accept(self, *, by):
        """Put the factor on the board; only with a cluster and a description of its own."""
        if self.status not in (self.Status.PROPOSED, self.Status.RETIRED):
            raise Refused(gettext("Alleen een voorgestelde of vervallen factor kan aanvaard worden."))
        missing = self.missing_for_public
        if missing:
            raise Refused(
                gettext("Geef ‘%(name)s’ eerst %(missing)s; daarna kun je de factor aanvaarden.")
                % {"name": self.name, "missing": gettext(" en ").join(missing)}
            )
        self.status = self.Status.ACCEPTED
        self.accepted_by = by
        self.accepted_at = timezone.now()
        self.save(update_fields=["status", "accepted_by", "accepted_at", "updated_at"])
        CurationLog.record(
            CurationLog.Action.ACCEPT, by=by, factor=self, summary=gettext("‘%(name)s’ aanvaard") % {"name": self.name}
        )

    @transaction.atomic
    def retire(self, *, by, reason=""):
        if self.status not in (self.Status.PROPOSED, self.Status.ACCEPTED):
            raise Refused(gettext("Deze factor is al vervallen of samengevoegd."))
        previous = self.status
        self.status = self.Status.RETIRED
        self.save(update_fields=["status", "updated_at"])
        CurationLog.record(
            CurationLog.Action.RETIRE,
            by=by,
            factor=self,
            summary=gettext("‘%(name)s’ laten vervallen") % {"name": self.name},
            details={"previous_status": previous, "reason": reason},
        )

    @transaction.atomic
    def log_edit(self, *, by, fields):
        """Record an edit made through the edit form (``fields``: the changed field names)."""
        CurationLog.record(
            CurationLog.Action.EDIT,
            by=by,
            factor=self,
            summary=gettext("‘%(name)s’ bewerkt") % {"name": self.name},
            details={"fields": sorted(fields)},
        )

    @transaction.atomic
    def rename(self, name, *, by):
        """Give the factor a new name and slug; the old slug keeps redirecting here."""
        old_name, old_slug = self.name, self.slug
        new_slug = self.free_slug(name)
        self.name = name
        if new_slug != old_slug:
            self.slug = new_slug
            FactorSlugRedirect.objects.filter(old_slug=new_slug).delete()
            FactorSlugRedirect.objects.update_or_create(old_slug=old_slug, defaults={"factor": self})
        self.save(update_fields=["name", "slug", "updated_at"])
        CurationLog.record(
            CurationLog.Action.RENAME,
            by=by,
            factor=self,
            summary=gettext("‘%(old)s’ hernoemd tot ‘%(new)s’") % {"old": old_name, "new": name},
            details={"old_name": old_name, "new_name": name, "old_slug": old_slug, "new_slug": self.slug},
        )

    @transaction.atomic
    def merge(self, other, *, by):
        """Merge ``other`` into this factor: all its evidence, relations and links move here.

        A case that names both keeps one link, with both explanations. ``other``
        becomes ``merged`` and its slug (and the old slugs that pointed to it)
        redirect here permanently.
        """
        if other.pk == self.pk:
            raise Refused(gettext("Een factor kan niet met zichzelf samengevoegd worden."))
        # Lock both rows (in id order, so that two merges cannot deadlock) and
        # work on fresh copies.
        locked = Factor.objects.select_for_update().filter(pk__in=[self.pk, other.pk]).order_by("pk")
        locked = {factor.pk: factor for factor in locked}
        current, gone = locked[self.pk], locked[other.pk]
        for factor in (current, gone):
            if factor.status not in (self.Status.PROPOSED, self.Status.ACCEPTED):
                raise Refused(gettext("‘%(name)s’ is al vervallen of samengevoegd.") % {"name": factor.name})
        if current.kind != gone.kind:
            raise Refused(gettext("Een werkzame factor en een belemmering kunnen niet samengevoegd worden."))

        details = {"relations_moved": 0, "relations_dropped": 0}
        for evidence_holder in holders():
            details.update(evidence_holder.merge(gone, current))

        for relation in FactorRelation.objects.filter(Q(from_factor=gone) | Q(to_factor=gone)):
            from_id = current.pk if relation.from_factor_id == gone.pk else relation.from_factor_id
            to_id = current.pk if relation.to_factor_id == gone.pk else relation.to_factor_id
            created = False
            if from_id != to_id:
                _relation, created = FactorRelation.objects.get_or_create(
                    from_factor_id=from_id, to_factor_id=to_id, kind=relation.kind, defaults={"note": relation.note}
                )
            details["relations_moved" if created else "relations_dropped"] += 1
        FactorRelation.objects.filter(Q(from_factor=gone) | Q(to_factor=gone)).delete()

        new_themes = set(gone.themes.values_list("pk", flat=True)) - set(current.themes.values_list("pk", flat=True))
        current.themes.add(*new_themes)
        details["themes_added"] = len(new_themes)

        details["redirects_moved"] = FactorSlugRedirect.objects.filter(factor=gone).update(factor=current)
        FactorSlugRedirect.objects.update_or_create(old_slug=gone.slug, defaults={"factor": current})
        Factor.objects.filter(merged_into=gone).update(merged_into=current)

        was_accepted = gone.status == self.Status.ACCEPTED
        gone.status = self.Status.MERGED
        gone.merged_into = current
        gone.save(update_fields=["status", "merged_into", "updated_at"])
        if was_accepted and current.status == self.Status.PROPOSED:
            # The proposal takes the place of an accepted factor: it inherits what it
            # lacks to count publicly, and is accepted when that makes it complete.
            if current.cluster_id is None and gone.cluster_id is not None:
                current.cluster_id = gone.cluster_id
            if not has_real_description(current) and has_real_description(gone):
                current.statement = gone.statement
            current.save(update_fields=["cluster", "statement", "updated_at"])
            if not current.missing_for_public:
                current.accept(by=by)
        CurationLog.record(
            CurationLog.Action.MERGE,
            by=by,
            factor=current,
            other_factor=gone,
            summary=gettext("‘%(other)s’ samengevoegd met ‘%(name)s’") % {"other": gone.name, "name": current.name},
            details={"merged_slug": gone.slug, **details},
        )
        self.refresh_from_db()
        other.refresh_from_db()
        return details

    @transaction.atomic
    def split_off(self, *, name, statement, by, **moves):
        """Make a new factor from part of this one, moving the chosen evidence rows.

        ``moves`` names rows per holder (``case_links=…``, ``contributions=…``:
        objects or primary keys); see ``factors.holders``.
        """
        new = Factor.objects.create(
            name=name,
            statement=statement,
            kind=self.kind,
            cluster=self.cluster,
            status=self.Status.ACCEPTED if self.is_public else self.Status.PROPOSED,
            proposed_by=by,
            accepted_by=by if self.is_public else None,
            accepted_at=timezone.now() if self.is_public else None,
        )
        new.themes.set(self.themes.all())
        moved = {}
        for key, rows in moves.items():
            pks = [getattr(row, "pk", row) for row in rows]
            moved[f"{key}_moved"] = holder(key).split(self, new, pks)
        FactorRelation.objects.create(from_factor=new, to_factor=self, kind=FactorRelation.Kind.SIMILAR)
        CurationLog.record(
            CurationLog.Action.SPLIT,
            by=by,
            factor=new,
            other_factor=self,
            summary=gettext("‘%(new)s’ afgesplitst van ‘%(name)s’") % {"new": new.name, "name": self.name},
            details=moved,
        )
        return new

    @transaction.atomic
    def relate(self, other, kind, *, by, note=""):
        """Relate this factor to ``other`` (``kind`` from ``FactorRelation.Kind``); idempotent."""
        if other.pk == self.pk:
            raise Refused(gettext("Een factor kan niet aan zichzelf verwant zijn."))
        if kind == FactorRelation.Kind.HELPS_AGAINST and (self.is_obstacle or not other.is_obstacle):
            raise Refused(gettext("Alleen een werkzame factor kan helpen tegen een belemmering."))
        relation, created = FactorRelation.objects.get_or_create(
            from_factor=self, to_factor=other, kind=kind, defaults={"note": note}
        )
        if created:
            CurationLog.record(
                CurationLog.Action.RELATE,
                by=by,
                factor=self,
                other_factor=other,
                summary=gettext("‘%(name)s’ %(kind)s ‘%(other)s’")
                % {"name": self.name, "kind": relation.get_kind_display(), "other": other.name},
                details={"kind": kind, "note": note},
            )
        return relation


class FactorRelation(evidence.LevelWords, models.Model):
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

    @transaction.atomic
    def remove(self, *, by):
        CurationLog.record(
            CurationLog.Action.RELATE,
            by=by,
            factor=self.from_factor,
            other_factor=self.to_factor,
            summary=gettext("Relatie ‘%(relation)s’ verwijderd") % {"relation": str(self)},
            details={"kind": self.kind, "removed": True},
        )
        self.delete()


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
        CLUSTER = "cluster", _("cluster toegevoegd")

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

    @property
    def details_display(self):
        """``details`` as (Dutch label, value) pairs for the log pages."""

        def text(value):
            if isinstance(value, bool):
                return gettext("ja") if value else gettext("nee")
            if isinstance(value, list | tuple):
                return ", ".join(str(item) for item in value)
            return str(value)

        return [(DETAIL_LABELS.get(key, key), text(value)) for key, value in self.details.items() if value != ""]

    @classmethod
    def record(cls, action, *, by, summary, factor=None, other_factor=None, cluster=None, details=None):
        by = by if getattr(by, "is_authenticated", False) else None
        # Every curation step ends here, and each can change what visitors see (factor names show
        # on case and meeting pages too); a proposal shows only to its proposer and the facilitators.
        if action != cls.Action.PROPOSE:
            bump_content_version("factors", "cases", "meetings")
        return cls.objects.create(
            action=action,
            by=by,
            factor=factor,
            other_factor=other_factor,
            cluster=cluster,
            summary=summary[:500],
            details=details or {},
        )
