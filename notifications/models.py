"""Notifications, follows, mail preferences and the digest's bookkeeping.

A ``Notification`` is one thing one member is told (in the site, and by mail when they want). Its
``target`` is the object it is about (a case, a meeting, a factor, a term); the list shows it only while
the member may still see that object. ``Activity`` is what happened to followed things, for digests.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    CASE_SUBMITTED = "case_submitted", _("Een casus wacht op beoordeling")
    CASE_PUBLISHED = "case_published", _("Je casus is gepubliceerd")
    CASE_SENT_BACK = "case_sent_back", _("Je casus is teruggestuurd")
    REFLECTION = "reflection", _("Een reflectie op je casus")
    INVITATION = "invitation", _("Een uitnodiging om mee te schrijven")
    HIDDEN = "hidden", _("Iets van jou is verborgen")
    REMINDER = "reminder", _("Herinnering aan een bijeenkomst")
    WAITLIST = "waitlist", _("Een plaats van de wachtlijst")
    HARVEST = "harvest", _("Een oogst is gepubliceerd")
    TERM = "term", _("Een begrip heeft een nieuwe omschrijving")
    DIGEST = "digest", _("Het overzicht van wat je volgt")


class Notification(models.Model):
    class Mail(models.TextChoices):
        NONE = "none", _("geen e-mail")
        PENDING = "pending", _("wordt verstuurd")
        SENT = "sent", _("verstuurd")
        FAILED = "failed", _("niet gelukt")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("ontvanger")
    )
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("over (soort)"))
    target_id = models.PositiveBigIntegerField(_("over (nummer)"))
    target = GenericForeignKey("target_type", "target_id")
    title = models.CharField(_("titel"), max_length=300)
    message = models.TextField(_("bericht"), blank=True)
    # Who did it (a reflection's author, an inviter): named only while their profile consents, else by
    # ``data["perspective"]``; gone with their account.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    data = models.JSONField(_("gegevens"), default=dict, blank=True)
    url = models.CharField(_("link"), max_length=500)
    # One event tells one member once: a second delivery of the same signal adds nothing.
    event_key = models.CharField(_("gebeurtenis"), max_length=120)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    read_at = models.DateTimeField(_("gelezen"), null=True, blank=True)
    mail = models.CharField(_("e-mail"), max_length=10, choices=Mail.choices, default=Mail.NONE)
    mail_attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    mailed_at = models.DateTimeField(_("gemaild"), null=True, blank=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["recipient", "event_key"], name="notification_once_per_event")]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread_idx"),
            models.Index(fields=["mail", "created_at"], name="notification_mail_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"


class Follow(models.Model):
    """A member follows a factor, theme, municipality, series or case."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows", verbose_name=_("deelnemer")
    )
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("soort"))
    target_id = models.PositiveBigIntegerField(_("nummer"))
    target = GenericForeignKey("target_type", "target_id")
    created_at = models.DateTimeField(_("sinds"), auto_now_add=True)

    class Meta:
        verbose_name = _("volgen")
        verbose_name_plural = _("gevolgd")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "target_type", "target_id"], name="follow_once")]
        indexes = [models.Index(fields=["target_type", "target_id"], name="follow_target_idx")]

    def __str__(self):
        return f"{self.user_id} → {self.target_type.model} {self.target_id}"


class MailSettings(models.Model):
    """What a member wants by mail: per kind on or off, the digest's rhythm, and the language."""

    class Digest(models.TextChoices):
        DAILY = "daily", _("elke dag")
        WEEKLY = "weekly", _("elke week")
        NEVER = "never", _("nooit")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mail_settings")
    language = models.CharField(_("taal van de e-mails"), max_length=5, choices=settings.LANGUAGES, default="nl")
    digest = models.CharField(_("overzicht per e-mail"), max_length=10, choices=Digest.choices, default=Digest.WEEKLY)
    # The kinds the member does not want by mail (in the site they always appear).
    muted = models.JSONField(_("geen e-mail over"), default=list, blank=True)
    last_digest_at = models.DateTimeField(_("laatste overzicht"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mailvoorkeuren")
        verbose_name_plural = _("e-mailvoorkeuren")

    def __str__(self):
        return str(self.user_id)

    def wants_mail(self, kind):
        if kind == Kind.DIGEST:
            return self.digest != self.Digest.NEVER
        return kind not in self.muted


class Activity(models.Model):
    """Something that happened to things members follow, for the digests (a case published, a harvest, …)."""

    class Type(models.TextChoices):
        CASE = "case", _("nieuwe casus")
        HARVEST = "harvest", _("oogst")
        EVIDENCE = "evidence", _("nieuwe onderbouwing")
        TERM = "term", _("nieuwe omschrijving")

    type = models.CharField(_("soort"), max_length=10, choices=Type.choices)
    # What the digest shows and checks: the recipient must still be allowed to see it.
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()
    title = models.CharField(_("titel"), max_length=300)
    url = models.CharField(_("link"), max_length=500)
    at = models.DateTimeField(_("wanneer"), db_index=True)
    event_key = models.CharField(max_length=120, unique=True)

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return self.title


class ActivitySubject(models.Model):
    """A followable thing an activity is about (its factor, theme, municipality, series, case)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="subjects")
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "target_type", "target_id"], name="activity_subject_once")
        ]
        indexes = [models.Index(fields=["target_type", "target_id"], name="activity_subject_idx")]

    def __str__(self):
        return f"{self.activity_id}: {self.target_type_id} {self.target_id}"


class DigestRun(models.Model):
    """One digest round (``weekly:2026-W49``, ``daily:2026-12-03``); starting it again sends nothing twice."""

    key = models.CharField(max_length=40, unique=True)
    frequency = models.CharField(max_length=10)
    since = models.DateTimeField()
    started_at = models.DateTimeField(auto_now_add=True)
    batches = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.key


class DigestDelivery(models.Model):
    """The digest of one run for one member: written before the mail goes out, so a rerun skips them."""

    run = models.ForeignKey(DigestRun, on_delete=models.CASCADE, related_name="deliveries")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests")
    items = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "user"], name="digest_once_per_run")]

    def __str__(self):
        return f"{self.run_id}: {self.user_id}"
