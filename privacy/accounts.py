"""A member's rights under the AVG (GDPR): a copy of all their data, and account deletion.

Both work from the same discovery: every field of every installed model that points
to the user model. A model added later by any app is therefore exported and handled
on deletion without a change here; only the friendly section names below are
maintained by hand.

Deletion removes the person: profile, avatar file, e-mail addresses, registrations,
two-factor devices, sessions and finally the account row. What they contributed to the
community's knowledge is either deleted or kept anonymously, as they choose.
"""

import contextlib
import dataclasses
import re
import secrets
from datetime import date, datetime
from decimal import Decimal
from pathlib import PurePosixPath
from uuid import UUID

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.postgres.search import SearchVectorField
from django.contrib.sessions.models import Session
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from cases.models import Case, CaseImage, CasePendingChange, CaseRevision, CoEditorInvitation, Reflection
from cop.cache import bump_content_version
from cop.images import stored_renditions
from cop.models import Profile
from meetings.models import Contribution, Registration, Vote

FORMAT = "weten-wat-werkt/persoonsgegevens"
# 2: readable names for every section, a legend of them ("sections"), the photos as files ("files").
FORMAT_VERSION = 2

# Each relation to the account is one section of the export: a readable name (the key in
# gegevens.json) and a title (the heading in overzicht.html). A relation added later and not
# named here gets "<model>_<field>" and the model's own names (see ``section_of``).
SECTIONS = {
    "account.emailaddress.user": ("email_addresses", _("E-mailadressen")),
    "mfa.authenticator.user": ("two_factor_devices", _("Tweestapsverificatie")),
    "cases.case.owner": ("cases_owned", _("Casussen waarvan je eigenaar bent")),
    "cases.case.co_editors": ("cases_coedited", _("Casussen waarvan je mede-auteur bent")),
    "cases.case.published_by": ("cases_published", _("Casussen die je hebt gepubliceerd")),
    "cases.caserevision.author": ("case_changes", _("Je wijzigingen in casussen")),
    "cases.coeditorinvitation.invited_by": ("coeditor_invitations_sent", _("Uitnodigingen om mee te schrijven die je stuurde")),
    "cases.casependingchange.author": ("case_changes_waiting_for_review", _("Je wijzigingen die wachten op een begeleider")),
    "cases.casependingchange.decided_by": ("case_changes_reviewed", _("Wijzigingen die je als begeleider beoordeelde")),
    "cases.reflection.author": ("reflections", _("Je reflecties")),
    "cases.reflection.hidden_by": ("reflections_hidden", _("Reflecties die je verborg")),
    "meetings.registration.user": ("registrations", _("Je aanmeldingen voor bijeenkomsten")),
    "meetings.contribution.author": ("contributions", _("Je bijdragen in bijeenkomsten")),
    "meetings.contribution.hidden_by": ("contributions_hidden", _("Bijdragen die je verborg")),
    "meetings.vote.voter": ("votes", _("Je stippen")),
    "meetings.meeting.facilitators": ("meetings_facilitated", _("Bijeenkomsten die je begeleidt")),
    "meetings.meeting.created_by": ("meetings_created", _("Bijeenkomsten die je hebt aangemaakt")),
    "meetings.clusteringstep.by": ("clustering_steps", _("Je stappen bij het clusteren")),
    "factors.factor.proposed_by": ("factors_proposed", _("Factoren die je hebt voorgesteld")),
    "factors.factor.accepted_by": ("factors_accepted", _("Factoren die je hebt aanvaard")),
    "factors.curationlog.by": ("curation_log", _("Je stappen in het curatielogboek")),
    "cop.termversion.proposed_by": ("term_versions_proposed", _("Versies van begrippen die je hebt voorgesteld")),
    "cop.termversion.accepted_by": ("term_versions_accepted", _("Versies van begrippen die je hebt vastgesteld")),
    "admin.logentry.user": ("admin_actions", _("Je handelingen in het beheer")),
    "notifications.notification.recipient": ("notifications", _("Je meldingen")),
    "notifications.follow.user": ("follows", _("Wat je volgt")),
    "notifications.mailsettings.user": ("mail_settings", _("Je e-mailvoorkeuren")),
    "notifications.digestdelivery.user": ("digests", _("De overzichten die je per e-mail kreeg")),
}  # fmt: skip
# Not a relation to the account: the photos of the member's own cases, exported as files too.
CASE_PHOTOS = ("case_photos", _("Foto's bij je casussen"))
PHOTO_FOLDER = "fotos"
# The profile is its own section; these relations are not data *about* the member (the actor of another
# member's notification: that notification is theirs).
SKIP_RELATIONS = {"cop.profile.user", "notifications.notification.actor"}
# Never exported: secrets (the encrypted TOTP key, recovery code seeds) and derived columns.
SKIP_FIELDS = {
    "mfa.authenticator": {"data"},
    "cop.user": {"password"},
    "cases.coeditorinvitation": {"token_hash"},
}


def relations_to_user():
    """``(model, field)`` for every forward FK, one-to-one and many-to-many to the user model."""
    user_model = get_user_model()
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            forward = field.is_relation and not field.auto_created and field.related_model is user_model
            if forward and (field.many_to_many or (field.concrete and model is not user_model)):
                found.append((model, field))
    return found


def relation_key(model, field):
    return f"{model._meta.label_lower}.{field.name}"


def _jsonable(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, FieldFile):
        return _media_url(value.name) if value else None
    return value


def _media_url(name):
    url = default_storage.url(name)
    return url if url.startswith("http") else settings.SITE_URL + url


def serialise(obj, user):
    """One row as plain JSON. Other people who appear in it (a moderator, a publisher) are left out."""
    user_model = get_user_model()
    skip = SKIP_FIELDS.get(obj._meta.label_lower, set())
    row = {"id": obj.pk}
    for field in obj._meta.concrete_fields:
        if field.primary_key or field.name in skip or isinstance(field, SearchVectorField):
            continue
        if field.is_relation:
            related_id = getattr(obj, field.attname)
            if field.related_model is user_model:
                if related_id == user.pk:
                    row[field.name] = "jij"
                continue
            row[field.name] = str(getattr(obj, field.name)) if related_id is not None else None
        else:
            row[field.name] = _jsonable(field.value_from_object(obj))
    for field in obj._meta.many_to_many:
        if field.related_model is not user_model:
            row[field.name] = [str(item) for item in getattr(obj, field.name).all()]
    if hasattr(obj, "get_absolute_url"):
        with contextlib.suppress(NoReverseMatch):
            row["url"] = settings.SITE_URL + obj.get_absolute_url()
    return row


def _rows_of(model, field, user):
    user_model = get_user_model()
    queryset = model._default_manager.filter(**{field.name: user})
    if field.many_to_many:
        queryset = queryset.distinct()
    plain_fks = [
        f.name
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model is not user_model and f.related_model is not model
    ]
    other_m2m = [f.name for f in model._meta.many_to_many if f.related_model is not user_model]
    queryset = queryset.select_related(*plain_fks).prefetch_related(*other_m2m).order_by("pk")
    return [serialise(obj, user) for obj in queryset]


def section_of(model, field):
    """``(name, title)`` of the section for a relation to the account."""
    key = relation_key(model, field)
    if key in SECTIONS:
        return SECTIONS[key]
    meta = model._meta
    return f"{meta.model_name}_{field.name}", f"{capfirst(meta.verbose_name_plural)} ({field.verbose_name})"


@dataclasses.dataclass
class MemberExport:
    """A copy of the member's data: ``data`` is gegevens.json; ``sections`` are ``(name, title, model)``
    in the order of ``data``; ``files`` are ``(path in the ZIP, storage name)`` of their photos."""

    data: dict
    sections: list = dataclasses.field(default_factory=list)
    files: list = dataclasses.field(default_factory=list)

    def add_file(self, path, name, section, pk):
        self.files.append((path, name))
        self.data["files"].append({"path": path, "section": section, "id": pk})


def _photo_path(stem, name):
    return f"{PHOTO_FOLDER}/{stem}{PurePosixPath(name).suffix.lower()}"


def collect_member_data(user):
    """Everything stored about ``user`` (the AVG right of access), with their photos."""
    profile = Profile.objects.filter(user=user).select_related("organisation").first()
    data = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "site": settings.SITE_URL,
        "about": str(
            _(
                "Alle gegevens die Weten wat werkt over jou bewaart. 'sections' zegt wat elk onderdeel "
                "bevat; je foto's staan als bestand in de map fotos, 'files' zegt bij welk onderdeel."
            )
        ),
        "sections": {},
        "files": [],
        "account": {
            "email": user.email,
            "date_joined": _jsonable(user.date_joined),
            "last_login": _jsonable(user.last_login),
            "is_active": user.is_active,
            "is_staff": user.is_staff,
            "groups": sorted(user.groups.values_list("name", flat=True)),
        },
        "profile": serialise(profile, user) if profile else None,
    }
    export = MemberExport(data)
    if profile and profile.avatar:
        export.add_file(_photo_path("profielfoto", profile.avatar.name), profile.avatar.name, "profile", profile.pk)
    legend = {}
    for model, relation in relations_to_user():
        key = relation_key(model, relation)
        if key in SKIP_RELATIONS:
            continue
        name, title = section_of(model, relation)
        data[name] = _rows_of(model, relation, user)
        export.sections.append((name, title, model))
        legend[name] = key
    name, title = CASE_PHOTOS
    data[name] = []
    for image in CaseImage.objects.filter(case__owner=user).select_related("case").order_by("case_id", "order", "pk"):
        row = serialise(image, user)
        if image.image:
            row["file"] = _photo_path(f"casus-{image.case.slug}-{image.pk}", image.image.name)
            export.add_file(row["file"], image.image.name, name, image.pk)
        data[name].append(row)
    export.sections.append((name, title, CaseImage))
    legend[name] = "cases.caseimage.case.owner"
    data["sections"] = {
        name: {"title": str(title), "source": legend[name], "rows": len(data[name])}
        for name, title, _model in export.sections
    }
    return export


def export_member_data(user):
    """Everything stored about ``user``, as one JSON-ready dict (gegevens.json of the export)."""
    return collect_member_data(user).data


def member_data_summary(user):
    """Counts for the deletion page: what will be deleted or anonymised."""
    return {
        "cases": Case.objects.filter(owner=user).count(),
        "reflections": Reflection.objects.filter(author=user).count(),
        "contributions": Contribution.objects.filter(author=user).count(),
        "votes": Vote.objects.filter(voter=user).count(),
        "registrations": Registration.objects.filter(user=user).count(),
    }


# --- deletion ---------------------------------------------------------------------------


class ContentChoice(models.TextChoices):
    ANONYMISE = "anonymise", _("Anonimiseer mijn bijdragen: ze blijven staan, zonder mijn naam of account")
    DELETE = "delete", _("Verwijder mijn bijdragen: mijn casussen, reflecties, bijdragen en stippen verdwijnen")


REMOVED = "[verwijderd]"


class _Scrubber:
    """Replaces the member's e-mail addresses and display name in text that stays behind."""

    def __init__(self, emails, name):
        patterns = [re.escape(e) for e in emails if e]
        name = (name or "").strip()
        if len(name) >= 3:
            patterns.append(r"\b" + re.escape(name) + r"\b")
        self.regex = re.compile("|".join(patterns), re.IGNORECASE) if patterns else None

    def text(self, value):
        if not self.regex or not isinstance(value, str):
            return value
        return self.regex.sub(REMOVED, value)

    def data(self, value):
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.data(item) for item in value]
        if isinstance(value, dict):
            return {key: self.data(item) for key, item in value.items()}
        return value

    def model(self, obj, field_names):
        """Scrub ``field_names`` of ``obj``; return the names that changed."""
        changed = []
        for name in field_names:
            old = getattr(obj, name)
            new = self.data(old)
            if new != old:
                setattr(obj, name, new)
                changed.append(name)
        return changed


def _text_fields(model):
    return [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField) and not f.choices and not isinstance(f, models.SlugField)
    ]


def end_sessions(user):
    """Delete every stored session of ``user`` (database-backed sessions).

    Sessions only carry the user id, so each live session is decoded; this runs
    once per deletion, never per request. With other session engines the sessions
    simply stop working once the account row is gone.
    """
    if not settings.SESSION_ENGINE.endswith(("sessions.backends.db", "sessions.backends.cached_db")):
        return 0
    from importlib import import_module

    store = import_module(settings.SESSION_ENGINE).SessionStore
    mine = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator(chunk_size=2000):
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            mine.append(session.session_key)
    for key in mine:
        store(session_key=key).delete()
    return len(mine)


@transaction.atomic
def delete_member(user, *, content):
    """Delete ``user`` and their personal data; ``content`` is a ``ContentChoice``."""
    from allauth.account.models import EmailAddress

    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    profile = Profile.objects.filter(user=user).first()
    emails = {user.email.lower()} | {
        e.lower() for e in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    }
    scrub = _Scrubber(emails, profile.display_name if profile else "")
    files = []
    if profile and profile.avatar:
        files.append(profile.avatar.name)

    owned = Case.objects.filter(owner=user)
    if content == ContentChoice.DELETE:
        for image in CaseImage.objects.filter(case__in=owned):
            files += [f.name for f in (image.image, image.thumbnail) if f]
            files += stored_renditions(image.image) if image.image else []  # the smaller copies for srcset
        owned.delete()
        Reflection.objects.filter(author=user).delete()
        Contribution.objects.filter(author=user).delete()
        Vote.objects.filter(voter=user).delete()
    else:
        _anonymise_cases(user, owned, emails, scrub)
        for reflection in Reflection.objects.filter(author=user):
            reflection.author = None
            scrub.model(reflection, ["strikes", "learns"])
            reflection.save(update_fields=["author", "strikes", "learns"])
        _anonymise_live_input(user, Contribution, Vote, scrub)
    # An edit that waited for a facilitator is what the member typed, not yet published: it goes with them.
    CasePendingChange.objects.filter(author=user).delete()
    for revision in CaseRevision.objects.filter(author=user):
        revision.author = None
        scrub.model(revision, ["message", "changes"])
        revision.save(update_fields=["author", "message", "changes"])

    Registration.objects.filter(user=user).delete()
    # Invitations the member sent go with the account (CASCADE); those to their addresses go here.
    CoEditorInvitation.objects.filter(email__in=emails).delete()
    EmailAddress.objects.filter(user=user).delete()
    end_sessions(user)
    if profile:
        profile.delete()
    user.delete()
    # Kept public pages show the name (under a reflection, as a case's author) until the
    # content changes: renew them now, not when PAGE_CACHE_SECONDS run out. The write
    # request cannot do it (PublicPageCacheMiddleware bumps for signed-in users, and
    # the member is signed out by then), and the shell must too.
    bump_content_version()
    transaction.on_commit(lambda: [default_storage.delete(name) for name in files])


def _is_members_contact(case, emails, name):
    if case.contact_email and case.contact_email.lower() in emails:
        return True
    return bool(name and case.contact_name and case.contact_name.strip().lower() == name.strip().lower())


def _anonymise_cases(user, owned, emails, scrub):
    name = _display_name(user)
    for case in owned:
        changed = ["owner"]
        case.owner = None
        if _is_members_contact(case, emails, name):
            case.contact_name, case.contact_email, case.contact_consent = "", "", False
            changed += ["contact_name", "contact_email", "contact_consent"]
        changed += scrub.model(case, [n for n in _text_fields(type(case)) if n not in changed and n != "slug"])
        case.save(update_fields=changed)
        _anonymise_images(case, scrub)
        for revision in CaseRevision.objects.filter(case=case):
            if scrub.model(revision, ["message", "changes"]):
                revision.save(update_fields=["message", "changes"])
        for change in CasePendingChange.objects.filter(case=case):
            if scrub.model(change, ["data", "message"]):
                change.save(update_fields=["data", "message"])


def _anonymise_images(case, scrub):
    """The photos of the member's own case: a credit that names them goes ("Beeld: <name>"), other texts are scrubbed."""
    for image in CaseImage.objects.filter(case=case):
        changed = scrub.model(image, ["alt_text", "caption"])
        if image.credit and scrub.text(image.credit) != image.credit:
            image.credit = ""
            changed.append("credit")
        if changed:
            image.save(update_fields=changed)


def _display_name(user):
    profile = getattr(user, "profile", None)
    return profile.display_name if profile else ""


def _anonymise_live_input(user, Contribution, Vote, scrub):  # noqa: N803 (model classes)
    """Keep contributions and dots under a fresh anonymous key per meeting (never one across meetings)."""
    keys = {}

    def key_for(meeting_id):
        return keys.setdefault(meeting_id, f"anon-{secrets.token_urlsafe(18)}")

    for contribution in Contribution.objects.filter(author=user):
        contribution.author = None
        contribution.guest_key = key_for(contribution.meeting_id)
        scrub.model(contribution, ["text"])
        contribution.save(update_fields=["author", "guest_key", "text"])
    for vote in Vote.objects.filter(voter=user).select_related("round"):
        vote.voter = None
        vote.guest_key = key_for(vote.round.meeting_id)
        vote.save(update_fields=["voter", "guest_key"])


class DeleteAccountForm(forms.Form):
    content = forms.ChoiceField(
        label=_("Wat doen we met wat je hebt bijgedragen?"),
        choices=ContentChoice.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Anonimiseren houdt de kennis van de community bewaard: niemand kan je er nog aan herkennen. "
            "Verwijderen haalt ook reacties van anderen op je eigen casussen weg."
        ),
    )
    password = forms.CharField(
        label=_("Je wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Ter bevestiging dat jij het bent."),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Dit wachtwoord klopt niet."), code="wrong_password")
        return password
