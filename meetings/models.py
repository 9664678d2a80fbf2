"""Series, meetings, registrations and the live mode (rounds, contributions, votes)."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from cop.models import Organisation, Perspective, TermVersion
from cop.richtext import RichTextField
from cop.roles import is_facilitator, is_member
from cop.utils import unique_slug
from factors.models import Factor

# Join codes avoid characters that are easy to confuse when read from a projector
# (0/O, 1/I/L, 5/S, 2/Z, 8/B).
JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY3467"
JOIN_CODE_LENGTH = 6


def new_join_code():
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def new_checkin_token():
    return secrets.token_urlsafe(16)


class SeriesQuerySet(models.QuerySet):
    def public(self):
        return self.filter(visibility=Series.Visibility.PUBLIC)

    def visible_to(self, user):
        return self.all() if is_member(user) else self.public()


class Series(models.Model):
    """A series of meetings (reeks or leerkring)."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("openbaar")
        COMMUNITY = "community", _("alleen voor deelnemers")

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = RichTextField(_("beschrijving"))
    organisers = models.ManyToManyField(
        Organisation, blank=True, related_name="series", verbose_name=_("organisatoren")
    )
    visibility = models.CharField(
        _("zichtbaarheid"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=100)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    objects = SeriesQuerySet.as_manager()

    class Meta:
        verbose_name = _("reeks")
        verbose_name_plural = _("reeksen")
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title)
        super().save(*args, **kwargs)


class MeetingQuerySet(models.QuerySet):
    def public(self):
        """Meetings anyone may see announced. Their harvest needs ``with_public_harvest()``."""
        return self.filter(visibility=Meeting.Visibility.PUBLIC)

    def visible_to(self, user):
        return self.all() if is_member(user) else self.public()

    def with_public_harvest(self):
        """Public meetings whose harvest a facilitator published."""
        return self.public().filter(status=Meeting.Status.PUBLISHED)

    def upcoming(self, now=None):
        from django.utils import timezone

        return self.filter(starts_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        from django.utils import timezone

        return self.filter(starts_at__lt=now or timezone.now()).order_by("-starts_at")


class Meeting(models.Model):
    """A meeting of the CoP: planned → live → closed → published (the harvest)."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("gepland")
        LIVE = "live", _("live")
        CLOSED = "closed", _("afgesloten")
        PUBLISHED = "published", _("oogst gepubliceerd")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("openbaar")
        COMMUNITY = "community", _("alleen voor deelnemers")

    series = models.ForeignKey(
        Series, on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings", verbose_name=_("reeks")
    )
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    goal = models.TextField(_("doel"), max_length=2000, blank=True)
    starts_at = models.DateTimeField(_("begint"))
    ends_at = models.DateTimeField(_("eindigt"), null=True, blank=True)
    location_name = models.CharField(_("locatie"), max_length=200, blank=True)
    address = models.CharField(_("adres"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    agenda = RichTextField(_("programma"))
    capacity = models.PositiveIntegerField(
        _("aantal plaatsen"), null=True, blank=True, help_text=_("Leeg: geen maximum.")
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="facilitated_meetings", verbose_name=_("begeleiders")
    )
    presented_cases = models.ManyToManyField(
        Case, blank=True, related_name="meetings", verbose_name=_("casussen die aan bod komen")
    )
    agreed_term_versions = models.ManyToManyField(
        TermVersion, blank=True, related_name="agreed_in_meetings", verbose_name=_("vastgestelde begrippen")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    visibility = models.CharField(
        _("zichtbaarheid"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    join_code = models.CharField(_("deelnamecode"), max_length=12, unique=True, null=True, blank=True)
    live_opened_at = models.DateTimeField(_("live geopend"), null=True, blank=True)
    # Bumped on every change the wall must show, so that a poll that saw this
    # version can be answered "nothing new" with a single cheap query.
    live_version = models.PositiveBigIntegerField(_("versie live"), default=0)
    # The harvest.
    summary = RichTextField(_("samenvatting van de oogst"))
    open_questions = RichTextField(_("open vragen"))
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    published_at = models.DateTimeField(_("oogst gepubliceerd op"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangemaakt door"),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True) | models.Q(ends_at__gte=models.F("starts_at")),
                name="meeting_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:detail", kwargs={"slug": self.slug})

    @property
    def harvest_is_public(self):
        return self.status == self.Status.PUBLISHED and self.visibility == self.Visibility.PUBLIC


def harvest_upload_to(instance, filename):
    return f"harvest/{filename}"


class HarvestImage(models.Model):
    """A photo of the visual harvest: graphic recording, flip-over, wall of post-its."""

    class Kind(models.TextChoices):
        GRAPHIC_RECORDING = "recording", _("tekening (graphic recording)")
        FLIPOVER = "flipover", _("flip-over")
        PHOTO = "photo", _("foto")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="harvest_images", verbose_name=_("bijeenkomst")
    )
    image = models.ImageField(_("afbeelding"), upload_to=harvest_upload_to, width_field="width", height_field="height")
    thumbnail = models.ImageField(_("miniatuur"), upload_to=harvest_upload_to, blank=True)
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.PHOTO)
    alt_text = models.CharField(_("beschrijving voor wie de afbeelding niet ziet"), max_length=500)
    caption = models.CharField(_("onderschrift"), max_length=250, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("beeld van de oogst")
        verbose_name_plural = _("beelden van de oogst")
        ordering = ["meeting", "order", "id"]

    def __str__(self):
        return self.alt_text


class Registration(models.Model):
    """A member's place at a meeting, or on its waiting list."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("aangemeld")
        WAITLISTED = "waitlisted", _("op de wachtlijst")
        CANCELLED = "cancelled", _("afgemeld")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("bijeenkomst")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("deelnemer")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.REGISTERED)
    created_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)
    attended_at = models.DateTimeField(_("aanwezig sinds"), null=True, blank=True)
    checkin_token = models.CharField(_("inchekcode"), max_length=40, unique=True, default=new_checkin_token)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["meeting", "created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="registration_once_per_meeting")]
        indexes = [models.Index(fields=["meeting", "status", "created_at"], name="registration_queue_idx")]

    def __str__(self):
        return f"{self.user} · {self.meeting}"


class Round(models.Model):
    """One prompt in the live mode. At most one round of a meeting is active."""

    class Kind(models.TextChoices):
        WORKING = "working", _("werkzame factor")
        OBSTACLE = "obstacle", _("belemmering")
        PRIDE = "pride", _("trots")
        LESSON = "lesson", _("les")
        OBSERVATION = "observation", _("wat valt op")
        DEFINITION = "definition", _("element van de definitie")
        HELPS = "helps", _("wat helpt")
        OTHER = "other", _("overig")

    class Mode(models.TextChoices):
        CONTRIBUTE = "contribute", _("bijdragen")
        VOTE = "vote", _("stippen")

    class Status(models.TextChoices):
        PENDING = "pending", _("klaar om te starten")
        ACTIVE = "active", _("actief")
        PAUSED = "paused", _("gepauzeerd")
        CLOSED = "closed", _("afgerond")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="rounds", verbose_name=_("bijeenkomst"))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    prompt = models.CharField(_("vraag"), max_length=300)
    kind = models.CharField(_("soort bijdrage"), max_length=12, choices=Kind.choices, default=Kind.OTHER)
    mode = models.CharField(_("vorm"), max_length=10, choices=Mode.choices, default=Mode.CONTRIBUTE)
    case = models.ForeignKey(
        Case, on_delete=models.SET_NULL, null=True, blank=True, related_name="rounds", verbose_name=_("casus in beeld")
    )
    guests_allowed = models.BooleanField(_("gasten mogen meedoen"), default=False)
    dots_per_person = models.PositiveSmallIntegerField(_("stippen per persoon"), default=3)
    timer_seconds = models.PositiveIntegerField(_("timer (seconden)"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    started_at = models.DateTimeField(_("gestart"), null=True, blank=True)
    ended_at = models.DateTimeField(_("geëindigd"), null=True, blank=True)

    class Meta:
        verbose_name = _("ronde")
        verbose_name_plural = _("rondes")
        ordering = ["meeting", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"], condition=models.Q(status="active"), name="one_active_round_per_meeting"
            ),
        ]

    def __str__(self):
        return self.prompt


class ContributionQuerySet(models.QuerySet):
    def public(self):
        """Not hidden, in a public meeting whose harvest is published."""
        return self.filter(
            hidden=False,
            meeting__status=Meeting.Status.PUBLISHED,
            meeting__visibility=Meeting.Visibility.PUBLIC,
        )

    def visible_to(self, user):
        if is_facilitator(user):
            return self.all()
        if is_member(user):
            return self.filter(models.Q(author=user) | models.Q(hidden=False, meeting__status=Meeting.Status.PUBLISHED))
        return self.public()

    def evidence(self):
        """Public contributions clustered onto a factor: meeting evidence."""
        return self.public().filter(factor__isnull=False)


class Contribution(models.Model):
    """A post-it in a live round, by a member or an anonymous guest."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("ronde"))
    # Denormalised from the round so that harvest and evidence queries skip a join.
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("bijeenkomst")
    )
    text = models.TextField(_("bijdrage"), max_length=500)
    kind = models.CharField(_("soort"), max_length=12, choices=Round.Kind.choices, default=Round.Kind.OTHER)
    perspective = models.CharField(_("perspectief"), max_length=20, choices=Perspective.choices)
    case = models.ForeignKey(
        Case, on_delete=models.SET_NULL, null=True, blank=True, related_name="contributions", verbose_name=_("casus")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributions",
        verbose_name=_("auteur"),
    )
    # A random key kept in the guest's session; never a name.
    guest_key = models.CharField(_("gast"), max_length=40, blank=True)
    factor = models.ForeignKey(
        Factor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributions",
        verbose_name=_("geclusterd bij"),
    )
    hidden = models.BooleanField(_("verborgen"), default=False)
    hidden_reason = models.CharField(_("reden van verbergen"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("geplaatst"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        verbose_name = _("bijdrage")
        verbose_name_plural = _("bijdragen")
        ordering = ["round", "created_at", "id"]
        indexes = [
            models.Index(fields=["meeting", "hidden", "factor"], name="contribution_harvest_idx"),
            models.Index(fields=["round", "id"], name="contribution_wall_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(author__isnull=False) | ~models.Q(guest_key=""),
                name="contribution_has_author_or_guest",
            )
        ]

    def __str__(self):
        return self.text[:60]


class Vote(models.Model):
    """One dot on a factor in a voting round. No one exceeds the round's dots."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="votes", verbose_name=_("ronde"))
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
    created_at = models.DateTimeField(_("geplaatst"), auto_now_add=True)

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


class ClusteringStep(models.Model):
    """A clustering action in the console, kept so that it can be undone."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="clustering_steps", verbose_name=_("bijeenkomst")
    )
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    # [{"contribution": id, "from": factor id or null, "to": factor id or null}, ...]
    moves = models.JSONField(default=list)
    undone = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("clusterstap")
        verbose_name_plural = _("clusterstappen")
        ordering = ["meeting", "-at", "-id"]

    def __str__(self):
        return f"{self.meeting} · {self.at:%H:%M:%S}"
