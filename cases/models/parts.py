"""The parts of a case: photos, factor links (its evidence), partners, links, revisions, invitations."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models.case import Case
from cop.images import delete_renditions
from cop.models import Organisation, Perspective
from cop.roles import is_member
from factors.models import Factor


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

    def delete(self, *args, **kwargs):
        image, thumbnail = self.image, self.thumbnail
        result = super().delete(*args, **kwargs)
        if image:
            delete_renditions(image)
        for file in (image, thumbnail):
            if file:
                file.delete(save=False)
        return result


class CaseFactorQuerySet(models.QuerySet):
    def evidence_for(self, viewer=None):
        """Links that count as evidence of their factor for ``viewer``: the cases app's rule, stated once.

        The case is published; for visitors it is also public (``Case.objects.public()``),
        members also count community-only cases. The factors app reads it through
        ``Factor.case_links`` (factors/evidence.py) and never restates it.
        """
        links = self.filter(case__status=Case.Status.PUBLISHED)
        if not is_member(viewer):
            links = links.filter(case__visibility=Case.Visibility.PUBLIC)
        return links


class CaseFactor(models.Model):
    """Evidence: a case names a factor or obstacle and explains how it played a part."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="factor_links", verbose_name=_("casus"))
    factor = models.ForeignKey(Factor, on_delete=models.CASCADE, related_name="case_links", verbose_name=_("factor"))
    explanation = models.TextField(_("hoe speelde dit mee?"), max_length=2000, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    objects = CaseFactorQuerySet.as_manager()

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

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        # Keep the organisation's name, so the partner still reads well if the organisation is deleted.
        if self.organisation_id and not self.name:
            self.name = self.organisation.name
        super().save(*args, **kwargs)

    @property
    def display_name(self):
        if self.organisation_id:
            return self.organisation.name
        return self.name or str(_("een organisatie die niet meer bestaat"))


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

    ACTIONS = {
        "create": _("aangemaakt"),
        "edit": _("bewerkt"),
        "submit": _("ingediend"),
        "publish": _("gepubliceerd"),
        "send_back": _("teruggestuurd"),
        "withdraw": _("teruggetrokken"),
        "coeditor_added": _("mede-auteur toegevoegd"),
        "coeditor_removed": _("mede-auteur verwijderd"),
        "propose_change": _("wijziging voorgesteld"),
        "publish_change": _("wijziging gepubliceerd"),
        "reject_change": _("wijziging afgewezen"),
    }

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

    def get_action_display(self):
        return self.ACTIONS.get(self.action, self.action)


def invitation_token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


class CoEditorInvitationQuerySet(models.QuerySet):
    def open(self):
        """Not yet accepted, declined or expired: the invitee may still answer."""
        return self.filter(
            accepted_at__isnull=True,
            declined_at__isnull=True,
            created_at__gt=timezone.now() - CoEditorInvitation.VALID_FOR,
        )

    def listed(self):
        """What the owner sees as sent: not accepted and not expired.

        A declined invitation stays listed until it expires, as one to an address without
        an account does: the list never tells which addresses belong to members.
        """
        return self.filter(accepted_at__isnull=True, created_at__gt=timezone.now() - CoEditorInvitation.VALID_FOR)


class CoEditorInvitation(models.Model):
    """The owner asks someone, by e-mail address, to become co-editor; only a member can accept.

    Made for every address the owner types, known or not, so the owner's answer and the
    list of sent invitations are the same either way; only a member gets the e-mail.
    The link in it carries a random token of which only the SHA-256 hash is stored.
    """

    VALID_FOR = timedelta(days=14)

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("casus"))
    email = models.EmailField(_("e-mailadres"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="coeditor_invitations_sent",
        verbose_name=_("uitgenodigd door"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("verstuurd op"), default=timezone.now)
    accepted_at = models.DateTimeField(_("geaccepteerd op"), null=True, blank=True)
    declined_at = models.DateTimeField(_("afgeslagen op"), null=True, blank=True)

    objects = CoEditorInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("uitnodiging voor mede-auteur")
        verbose_name_plural = _("uitnodigingen voor mede-auteurs")
        ordering = ["case", "-created_at", "-id"]

    def __str__(self):
        return f"{self.case} · {self.created_at:%Y-%m-%d}"

    @classmethod
    def issue(cls, *, case, email, invited_by):
        """A new invitation and its token (only the token's hash is stored)."""
        token = secrets.token_urlsafe(32)
        invitation = cls.objects.create(
            case=case, email=email.strip().lower(), invited_by=invited_by, token_hash=invitation_token_hash(token)
        )
        return invitation, token

    @property
    def expires_at(self):
        return self.created_at + self.VALID_FOR

    @property
    def is_open(self):
        return self.accepted_at is None and self.declined_at is None and timezone.now() < self.expires_at
