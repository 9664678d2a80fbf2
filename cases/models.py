"""Cases (casussen): practice examples, their photos, factors, revisions and reflections."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cop.models import Area, Municipality, Organisation, Perspective, Theme
from cop.richtext import RichTextField
from cop.roles import is_facilitator, is_member
from cop.utils import unique_slug
from factors.models import Factor


class CaseQuerySet(models.QuerySet):
    def public(self):
        """Published and public: the only cases a visitor, feed, API or export may show."""
        return self.filter(status=Case.Status.PUBLISHED, visibility=Case.Visibility.PUBLIC)

    def visible_to(self, user):
        """What ``user`` may read.

        Visitors: ``public()``. Members: every published case (public or
        community-only) plus the ones they own or co-edit. Facilitators: also
        everything submitted or withdrawn (the review queue); drafts stay with
        their authors.
        """
        if not is_member(user):
            return self.public()
        mine = models.Q(owner=user) | models.Q(co_editors=user)
        published = models.Q(status=Case.Status.PUBLISHED)
        if is_facilitator(user):
            reviewable = models.Q(status__in=[Case.Status.SUBMITTED, Case.Status.WITHDRAWN])
            return self.filter(published | reviewable | mine).distinct()
        return self.filter(published | mine).distinct()

    def editable_by(self, user):
        if not is_member(user):
            return self.none()
        return self.filter(models.Q(owner=user) | models.Q(co_editors=user)).distinct()


class Case(models.Model):
    """A practice example brought by an organisation, with the CoP's three questions."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("concept")
        SUBMITTED = "submitted", _("ingediend")
        PUBLISHED = "published", _("gepubliceerd")
        WITHDRAWN = "withdrawn", _("teruggetrokken")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("openbaar")
        COMMUNITY = "community", _("alleen voor deelnemers")

    class Stage(models.TextChoices):
        IDEA = "idea", _("idee")
        RUNNING = "running", _("loopt")
        FINISHED = "finished", _("afgerond")

    class AreaType(models.TextChoices):
        CITY_DISTRICT = "city_district", _("stadswijk")
        VILLAGE = "village", _("dorp")
        RURAL_CORE = "rural_core", _("landelijke kern")
        REGION = "region", _("regio of meerdere kernen")

    class Scale(models.TextChoices):
        STREET = "street", _("straat of buurt")
        DISTRICT = "district", _("wijk of dorp")
        MUNICIPALITY = "municipality", _("gemeente")
        REGION = "region", _("regio")

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.CharField(_("korte samenvatting"), max_length=500)
    story = RichTextField(_("het verhaal"))
    # The CoP's three questions.
    pride = RichTextField(_("Waar zijn we trots op?"))
    what_worked = RichTextField(_("Wat heeft gewerkt?"))
    lessons = RichTextField(_("Welke lessen nemen we mee?"))
    # Fields of Dutch practice databanks (Movisie, Platform31); optional.
    occasion = RichTextField(_("aanleiding"))
    goal = RichTextField(_("doel"))
    target_group = RichTextField(_("doelgroep"))
    approach = RichTextField(_("aanpak"))
    preconditions = RichTextField(_("randvoorwaarden"))
    transferability = RichTextField(_("overdraagbaarheid"))

    area_type = models.CharField(_("soort gebied"), max_length=20, choices=AreaType.choices, blank=True)
    scale = models.CharField(_("schaal"), max_length=20, choices=Scale.choices, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("gemeente"),
    )
    area = models.ForeignKey(
        Area, on_delete=models.SET_NULL, null=True, blank=True, related_name="cases", verbose_name=_("wijk of kern")
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="cases", verbose_name=_("thema's"))
    period_start = models.DateField(_("begonnen"), null=True, blank=True)
    period_end = models.DateField(_("afgerond"), null=True, blank=True)
    stage = models.CharField(_("fase"), max_length=10, choices=Stage.choices, default=Stage.RUNNING)

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("ingebracht door organisatie"),
    )
    perspective = models.CharField(
        _("perspectief"), max_length=20, choices=Perspective.choices, default=Perspective.OTHER
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_cases",
        verbose_name=_("eigenaar"),
    )
    co_editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="coedited_cases", verbose_name=_("mede-auteurs")
    )
    contact_name = models.CharField(_("contactpersoon"), max_length=120, blank=True)
    contact_email = models.EmailField(_("e-mail contactpersoon"), blank=True)
    contact_consent = models.BooleanField(
        _("contactpersoon mag openbaar getoond worden"),
        default=False,
        help_text=_("Alleen met toestemming van de contactpersoon zelf."),
    )
    factors = models.ManyToManyField(
        Factor, through="CaseFactor", blank=True, related_name="cases", verbose_name=_("factoren")
    )

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    visibility = models.CharField(
        _("zichtbaarheid"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    review_message = models.TextField(_("bericht van de redactie"), blank=True)
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gepubliceerd door"),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)
    # Dutch full-text search document, kept up to date on PostgreSQL only (see cases.search).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")
        ordering = ["-published_at", "-created_at"]
        indexes = [
            models.Index(fields=["status", "visibility", "-published_at"], name="case_public_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__isnull=True)
                | models.Q(period_start__isnull=True)
                | models.Q(period_end__gte=models.F("period_start")),
                name="case_period_in_order",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("cases:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and self.visibility == self.Visibility.PUBLIC


def case_image_upload_to(instance, filename):
    return f"cases/{filename}"


class CaseImage(models.Model):
    """A photo of a case: re-encoded on upload, with a thumbnail made once."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="images", verbose_name=_("casus"))
    image = models.ImageField(_("foto"), upload_to=case_image_upload_to, width_field="width", height_field="height")
    thumbnail = models.ImageField(_("miniatuur"), upload_to=case_image_upload_to, blank=True)
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    alt_text = models.CharField(
        _("beschrijving voor wie de foto niet ziet"),
        max_length=250,
        help_text=_("Wat is er op de foto te zien? Verplicht, voor schermlezers."),
    )
    caption = models.CharField(_("onderschrift"), max_length=250, blank=True)
    credit = models.CharField(_("foto"), max_length=120, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("foto")
        verbose_name_plural = _("foto's")
        ordering = ["case", "order", "id"]

    def __str__(self):
        return self.alt_text


class CaseFactor(models.Model):
    """Evidence: a case names a factor or obstacle and explains how it played a part."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="factor_links", verbose_name=_("casus"))
    factor = models.ForeignKey(Factor, on_delete=models.CASCADE, related_name="case_links", verbose_name=_("factor"))
    explanation = models.TextField(_("hoe speelde dit mee?"), max_length=2000, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("factor bij een casus")
        verbose_name_plural = _("factoren bij casussen")
        ordering = ["case", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["case", "factor"], name="case_factor_unique")]

    def __str__(self):
        return f"{self.case} – {self.factor}"


class CasePartner(models.Model):
    """A partner in the case and its role; an organisation of the platform or a name."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="partners", verbose_name=_("casus"))
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_partnerships",
        verbose_name=_("organisatie"),
    )
    name = models.CharField(_("naam (als de organisatie niet in de lijst staat)"), max_length=150, blank=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Perspective.choices, blank=True)
    role = models.CharField(_("rol"), max_length=250, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["case", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False) | ~models.Q(name=""),
                name="case_partner_has_name",
            )
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.organisation.name if self.organisation_id else self.name


class CaseLink(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links", verbose_name=_("casus"))
    url = models.URLField(_("adres"), max_length=500)
    title = models.CharField(_("titel"), max_length=200)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["case", "order", "id"]

    def __str__(self):
        return self.title


class CaseRevision(models.Model):
    """Every change to a case: who, when and what (field → old and new value)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("casus"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    created_at = models.DateTimeField(_("op"), auto_now_add=True)
    action = models.CharField(_("handeling"), max_length=40, default="edit")
    message = models.TextField(_("bericht"), blank=True)
    changes = models.JSONField(_("wijzigingen"), default=dict, blank=True)

    class Meta:
        verbose_name = _("versie van een casus")
        verbose_name_plural = _("versies van casussen")
        ordering = ["case", "-created_at", "-id"]

    def __str__(self):
        return f"{self.case} · {self.created_at:%Y-%m-%d %H:%M}"


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
        constraints = [models.CheckConstraint(condition=~models.Q(strikes="", learns=""), name="reflection_not_empty")]

    def __str__(self):
        return f"{self.get_perspective_display()} over {self.case}"
