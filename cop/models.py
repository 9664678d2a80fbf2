"""The community base: people, organisations, places, themes and the shared language."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.postgres.search import SearchVectorField
from django.core.cache import caches
from django.db import models, transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cop.cache import bump_content_version
from cop.richtext import RichTextField, plain_text
from cop.roles import is_facilitator
from cop.search import update_search_vector
from cop.signals import term_version_accepted
from cop.tasks import send_on_commit
from cop.utils import SluggedModel


class Visibility(models.TextChoices):
    """Who may read a case, series or meeting once it is published: everyone, or signed-in members."""

    PUBLIC = "public", _("openbaar")
    COMMUNITY = "community", _("alleen voor deelnemers")


class Perspective(models.TextChoices):
    """The actor type someone speaks from; also the kind of an organisation."""

    MUNICIPALITY = "gemeente", _("gemeente")
    WELFARE = "welzijn", _("welzijn")
    EDUCATION = "onderwijs", _("onderwijs & onderzoek")
    HOUSING = "woningcorporatie", _("woningcorporatie")
    PROVINCE = "provincie", _("provincie")
    RESIDENTS = "inwoners", _("inwonersinitiatief")
    ASSOCIATION = "vereniging", _("vereniging")
    BUSINESS = "ondernemer", _("ondernemer")
    OTHER = "overig", _("overig")


# How a perspective reads in a sentence: "een deelnemer vanuit de gemeente".
PERSPECTIVE_PHRASES = {
    Perspective.MUNICIPALITY: _("vanuit de gemeente"),
    Perspective.WELFARE: _("vanuit welzijn"),
    Perspective.EDUCATION: _("vanuit onderwijs en onderzoek"),
    Perspective.HOUSING: _("vanuit een woningcorporatie"),
    Perspective.PROVINCE: _("vanuit de provincie"),
    Perspective.RESIDENTS: _("vanuit een inwonersinitiatief"),
    Perspective.ASSOCIATION: _("vanuit een vereniging"),
    Perspective.BUSINESS: _("vanuit een ondernemer"),
    Perspective.OTHER: _("vanuit een ander perspectief"),
}


def perspective_phrase(perspective):
    return PERSPECTIVE_PHRASES.get(perspective, PERSPECTIVE_PHRASES[Perspective.OTHER])


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractUser):
    """An account, identified by its e-mail address. Everything else is on ``Profile``."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mailadres"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")
        ordering = ["email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self):
        return self.email

    def get_full_name(self):
        profile = getattr(self, "profile", None)
        return profile.display_name if profile and profile.display_name else self.email

    def get_short_name(self):
        return self.get_full_name()

    @property
    def is_facilitator(self):
        return is_facilitator(self)


class Municipality(SluggedModel):
    """A municipality (gemeente) where cases happen."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    province = models.CharField(_("provincie"), max_length=60, default="Gelderland")

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Area(SluggedModel):
    """A neighbourhood, village or core (wijk, dorp, kern) within a municipality."""

    class Kind(models.TextChoices):
        DISTRICT = "wijk", _("wijk")
        VILLAGE = "dorp", _("dorp")
        CORE = "kern", _("kern")
        RURAL = "buitengebied", _("buitengebied")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="areas", verbose_name=_("gemeente")
    )
    name = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.DISTRICT)

    class Meta:
        verbose_name = _("wijk of kern")
        verbose_name_plural = _("wijken en kernen")
        ordering = ["municipality__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="area_slug_unique_per_municipality")
        ]

    def __str__(self):
        return f"{self.name} ({self.municipality})"

    def slug_scope(self):
        return {"municipality_id": self.municipality_id}


class Organisation(SluggedModel):
    """A partner organisation; its kind is the default perspective of its members."""

    name = models.CharField(_("naam"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Perspective.choices, default=Perspective.OTHER)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("gemeente"),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("beschrijving"), blank=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self):
        return self.name


def avatar_upload_to(instance, filename):
    # The file name is made by the server (see cop.images); only the folder is chosen here.
    return f"avatars/{filename}"


class ProfileQuerySet(models.QuerySet):
    def for_user(self, user):
        """The member's profile, created on first use (also for accounts made in the admin)."""
        profile, _created = self.get_or_create(user=user)
        return profile


class Profile(models.Model):
    """What a member tells about themselves. Names appear publicly only with consent."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    display_name = models.CharField(_("naam"), max_length=100, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("organisatie"),
    )
    perspective = models.CharField(
        _("perspectief"),
        max_length=20,
        choices=Perspective.choices,
        blank=True,
        help_text=_("Vanuit welke rol kijk je mee? Leeg: de soort van je organisatie."),
    )
    bio = models.TextField(_("over mij"), max_length=2000, blank=True)
    avatar = models.ImageField(_("foto"), upload_to=avatar_upload_to, blank=True)
    show_name_publicly = models.BooleanField(
        _("mijn naam mag openbaar zichtbaar zijn"),
        default=False,
        help_text=_(
            "Zonder toestemming tonen we alleen je perspectief, bijvoorbeeld ‘een deelnemer vanuit de gemeente’."
        ),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("profiel")
        verbose_name_plural = _("profielen")
        ordering = ["display_name"]

    def __str__(self):
        return self.display_name or str(self.user)

    @property
    def effective_perspective(self):
        if self.perspective:
            return self.perspective
        if self.organisation_id:
            return self.organisation.kind
        return Perspective.OTHER

    def public_label(self):
        """The name if the member consented, otherwise their perspective."""
        if self.show_name_publicly and self.display_name:
            return self.display_name
        return anonymous_label(self.effective_perspective)


def anonymous_label(perspective):
    return _("een deelnemer %(phrase)s") % {"phrase": perspective_phrase(perspective)}


def public_name(user, perspective=None):
    """How ``user`` is shown to the public: their name with consent, otherwise a perspective."""
    if user is None:
        return anonymous_label(perspective or Perspective.OTHER)
    profile = getattr(user, "profile", None)
    if profile is None:
        return anonymous_label(perspective or Perspective.OTHER)
    if profile.show_name_publicly and profile.display_name:
        return profile.display_name
    return anonymous_label(perspective or profile.effective_perspective)


class Theme(SluggedModel):
    """A theme such as leefbaarheid, duurzaamheid, zorg & welzijn, wonen."""

    name = models.CharField(_("naam"), max_length=80, unique=True)
    # Themes are data that facilitators add in the admin, so their English name is a field
    # beside the Dutch one rather than an entry in the .po catalogue (which only a release
    # can change); empty means "shown in Dutch".
    name_en = models.CharField(_("naam in het Engels"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("beschrijving"), blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["order", "name"]

    def __str__(self):
        return self.display_name

    @property
    def is_translated(self):
        """Whether the theme is shown in the interface's language (so not marked as Dutch content)."""
        return (get_language() or settings.LANGUAGE_CODE).startswith("en") and bool(self.name_en)

    @property
    def display_name(self):
        """The name in the interface's language: the English one when there is one, else the Dutch."""
        return self.name_en if self.is_translated else self.name


class TermQuerySet(models.QuerySet):
    def public(self):
        """Terms with at least one accepted version."""
        accepted = TermVersion.objects.filter(term=models.OuterRef("pk"), status=TermVersion.Status.ACCEPTED)
        return self.filter(models.Exists(accepted))

    def visible_to(self, user):
        if is_facilitator(user):
            return self.all()
        return self.public()

    def key_terms(self):
        """The public key terms (*gebiedsgericht werken*, *kerngericht werken*) that lead glossary and home."""
        return self.public().filter(is_key=True)

    def with_versions(self, user=None):
        """Prefetch the versions ``user`` may read, oldest first, with the meetings where they were agreed.

        Visitors and members read accepted versions; facilitators also the
        proposed and rejected ones. Meetings come through the reverse relation
        ``agreed_in_meetings`` (cop does not import meetings), filtered by the
        meeting's own ``visible_to``.
        """
        versions = TermVersion.objects.all() if is_facilitator(user) else TermVersion.objects.public()
        meeting_model = TermVersion._meta.get_field("agreed_in_meetings").related_model
        meetings = meeting_model._default_manager.visible_to(user).order_by("starts_at")
        return self.prefetch_related(
            models.Prefetch(
                "versions",
                queryset=versions.select_related("proposed_by__profile", "accepted_by__profile")
                .prefetch_related(models.Prefetch("agreed_in_meetings", queryset=meetings))
                .order_by("number"),
            )
        )

    def link_index(self):
        """``{lower-case name or slug: (slug, name)}`` of the public terms, cached.

        Used by the ``glossary_links`` template filter; every change to a term or
        a version forgets the cache (``Term.forget_link_index``).
        """
        index = caches["pages"].get(GLOSSARY_INDEX_CACHE_KEY)
        if index is None:
            index = {}
            for slug, name in self.public().values_list("slug", "name"):
                index[slug.lower()] = (slug, name)
                index[name.lower()] = (slug, name)
            caches["pages"].set(GLOSSARY_INDEX_CACHE_KEY, index, GLOSSARY_INDEX_TIMEOUT)
        return index


GLOSSARY_INDEX_CACHE_KEY = "glossary:link-index"
GLOSSARY_INDEX_TIMEOUT = 300


class Term(SluggedModel):
    """A term of the shared language (begrip); its definition lives in versions."""

    # Dutch full-text search (cop.search) over the name and every accepted definition.
    SEARCH_FIELDS = {"name": "A", "definitions_text": "B"}

    name = models.CharField(_("begrip"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    is_key = models.BooleanField(
        _("kernbegrip"), default=False, help_text=_("Kernbegrippen staan bovenaan de begrippenlijst en op de homepage.")
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=100)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    # The plain text of all accepted definitions, newest first: what search reads.
    definitions_text = models.TextField(_("tekst van de omschrijvingen"), blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = TermQuerySet.as_manager()

    class Meta:
        verbose_name = _("begrip")
        verbose_name_plural = _("begrippen")
        ordering = ["-is_key", "order", "name"]

    def __str__(self):
        return self.name

    def slug_text(self):
        # "nieuw" is the path of the form for a new term.
        return self.name if self.name.strip().lower() != "nieuw" else "begrip nieuw"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(update_fields) & set(self.SEARCH_FIELDS):
            update_search_vector(Term, [self.pk])
        self.forget_link_index()

    def get_absolute_url(self):
        return reverse("glossary-term", kwargs={"slug": self.slug})

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.forget_link_index()
        return result

    @staticmethod
    def forget_link_index():
        caches["pages"].delete(GLOSSARY_INDEX_CACHE_KEY)

    @property
    def current_version(self):
        """The newest accepted version (uses prefetched ``versions`` when present)."""
        accepted = [v for v in self.versions.all() if v.status == TermVersion.Status.ACCEPTED]
        return max(accepted, key=lambda v: (v.accepted_at or v.created_at, v.number), default=None)

    @property
    def accepted_versions(self):
        """The accepted versions, oldest first (uses prefetched ``versions``)."""
        return sorted(
            (v for v in self.versions.all() if v.status == TermVersion.Status.ACCEPTED), key=lambda v: v.number
        )

    @property
    def proposed_versions(self):
        return sorted(
            (v for v in self.versions.all() if v.status == TermVersion.Status.PROPOSED), key=lambda v: v.number
        )

    def propose_version(self, definition, *, by, note=""):
        """A facilitator proposes a new wording; it counts once accepted."""
        return TermVersion.objects.create(term=self, definition=definition, note=note, proposed_by=by)

    def refresh_search_document(self):
        """Rebuild ``definitions_text`` from the accepted versions (and so the search vector)."""
        definitions = (
            TermVersion.objects.public().filter(term=self).order_by("-number").values_list("definition", flat=True)
        )
        self.definitions_text = "\n".join(plain_text(definition) for definition in definitions)
        self.save(update_fields=["definitions_text"])


class TermVersionQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status=TermVersion.Status.ACCEPTED)


class TermVersion(models.Model):
    """One wording of a term. Accepted versions form the history of the definition.

    The meeting where a version was agreed links to it from the meetings app
    (``Meeting.agreed_term_versions``), so this model does not import meetings;
    read it as ``version.agreed_in_meetings``.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("voorgesteld")
        ACCEPTED = "accepted", _("vastgesteld")
        REJECTED = "rejected", _("niet overgenomen")

    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="versions", verbose_name=_("begrip"))
    number = models.PositiveIntegerField(_("versie"))
    definition = RichTextField(_("omschrijving"))
    note = models.TextField(_("toelichting op de wijziging"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposed_term_versions",
        verbose_name=_("voorgesteld door"),
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accepted_term_versions",
        verbose_name=_("vastgesteld door"),
    )
    accepted_at = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    objects = TermVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("versie van een begrip")
        verbose_name_plural = _("versies van begrippen")
        ordering = ["term", "number"]
        constraints = [models.UniqueConstraint(fields=["term", "number"], name="term_version_number_unique")]

    def __str__(self):
        return f"{self.term} v{self.number}"

    def save(self, *args, **kwargs):
        if not self.number:
            last = TermVersion.objects.filter(term_id=self.term_id).aggregate(models.Max("number"))["number__max"]
            self.number = (last or 0) + 1
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if self.status == self.Status.ACCEPTED or (update_fields and "status" in update_fields):
            self.term.refresh_search_document()

    def delete(self, *args, **kwargs):
        term = self.term
        result = super().delete(*args, **kwargs)
        term.refresh_search_document()
        return result

    @property
    def is_accepted(self):
        return self.status == self.Status.ACCEPTED

    @property
    def is_proposed(self):
        return self.status == self.Status.PROPOSED

    @property
    def text(self):
        """The definition as plain text (for comparing versions)."""
        return plain_text(self.definition)

    @transaction.atomic
    def accept(self, *, by, meeting=None):
        """Make this wording the current definition; ``meeting``: where it was agreed."""
        self.status = self.Status.ACCEPTED
        self.accepted_by = by
        self.accepted_at = timezone.now()
        self.save(update_fields=["status", "accepted_by", "accepted_at"])
        if meeting is not None:
            self.agreed_in_meetings.add(meeting)
        bump_content_version("glossary")  # the glossary, the home page and search show the current definition
        send_on_commit(term_version_accepted, sender=TermVersion, version=self)

    @transaction.atomic
    def reject(self, *, by):
        """Set a proposal aside; it stays readable for facilitators."""
        was_accepted = self.status == self.Status.ACCEPTED
        self.status = self.Status.REJECTED
        self.accepted_by = None
        self.accepted_at = None
        self.save(update_fields=["status", "accepted_by", "accepted_at"])
        if was_accepted:
            bump_content_version("glossary")


class ContentVersion(models.Model):
    """One row per kind of public content (``cop.versions.KINDS``): a number raised when it changes.

    Public pages are cached per version of the kinds they show (``cop.cache``);
    ``cop.versions.bump_content_version`` raises them in the transaction of the change,
    so every app process sees it at once.
    """

    # Plumbing, never shown: no verbose names to translate.
    kind = models.CharField(max_length=20, primary_key=True)
    version = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.kind} {self.version}"


class RateCount(models.Model):
    """Hits per key in one fixed time window, for rate limits every app process shares (``cop.ratelimit``)."""

    # Plumbing, never shown: no verbose names to translate.
    key = models.CharField(max_length=200)
    period = models.BigIntegerField()  # the window's number: seconds since the epoch // window length
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "period"], name="ratecount_key_period")]
        indexes = [models.Index(fields=["period"], name="ratecount_period")]

    def __str__(self):
        return f"{self.key}@{self.period}: {self.hits}"
