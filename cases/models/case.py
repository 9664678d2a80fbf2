"""Cases (casussen): the practice example, its library queries and its publication workflow.

The parts of a case (photos, factor links, partners, links, revisions) are in
``cases.models.parts``, reflections in ``cases.models.reflections``; this module
reaches them through their relation to ``Case`` (``_part``), so the modules
import one way only.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models, transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cases import search_context
from cases.signals import case_step_taken
from cop.access import Refused
from cop.cache import bump_content_version
from cop.models import Area, Municipality, Organisation, Perspective, Theme, Visibility
from cop.richtext import RichTextField
from cop.roles import is_facilitator, is_member
from cop.search import update_search_vector, write_search_vector
from cop.tasks import send_on_commit
from cop.utils import SluggedModel
from factors.models import Factor

# Slugs that are fixed paths under /casussen/ and so cannot name a case.
RESERVED_SLUGS = {"nieuw", "redactie", "uitnodiging", "uitnodigingen"}


def text_of(html):
    """The plain text of a rich-text value (for checks, excerpts and word counts)."""
    return " ".join(strip_tags(html or "").split())


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

    def published(self):
        return self.filter(status=Case.Status.PUBLISHED)

    def listed_for(self, user):
        """The published cases ``user`` may find in the library: public ones, plus community-only for members.

        Unlike ``visible_to`` it needs no join (and no DISTINCT): drafts of one's own are on the profile page.
        """
        if is_member(user):
            return self.published()
        return self.public()

    def mine(self, user):
        """Cases ``user`` owns or co-edits, in any state (the profile's overview)."""
        if not is_member(user):
            return self.none()
        coedited = Case.co_editors.through.objects.filter(case_id=OuterRef("pk"), user_id=user.pk)
        return self.filter(Q(owner=user) | Q(Exists(coedited)))

    def with_evidence_count(self):
        """``evidence_count``: how many factors the case names (a subquery, so other joins cannot inflate it)."""
        count = (
            _part("factor_links")
            .objects.filter(case_id=OuterRef("pk"))
            .order_by()
            .values("case_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(evidence_count=Coalesce(Subquery(count), 0))

    def filter_library(self, *, theme="", municipality="", perspective="", stage="", factor="", organisation_kind=""):
        """The library's filters (slugs and choice values); empty ones are ignored, the rest combine with AND.

        The library pages and the API both filter with it. ``factor`` counts only
        accepted factors: a proposed one is not named on public pages.
        """
        qs = self
        if theme:
            qs = qs.filter(Exists(Case.themes.through.objects.filter(case_id=OuterRef("pk"), theme__slug=theme)))
        if municipality:
            qs = qs.filter(municipality__slug=municipality)
        if perspective:
            qs = qs.filter(perspective=perspective)
        if stage:
            qs = qs.filter(stage=stage)
        if factor:
            named = _part("factor_links").objects.filter(
                case_id=OuterRef("pk"), factor__slug=factor, factor__status=Factor.Status.ACCEPTED
            )
            qs = qs.filter(Exists(named))
        if organisation_kind:
            partner = (
                _part("partners")
                .objects.filter(case_id=OuterRef("pk"))
                .filter(Q(kind=organisation_kind) | Q(organisation__kind=organisation_kind))
            )
            qs = qs.filter(Q(organisation__kind=organisation_kind) | Exists(partner))
        return qs

    def for_list(self):
        """Everything a case card shows, in a fixed number of queries."""
        return (
            self.select_related("municipality", "area", "organisation")
            .prefetch_related("themes", Prefetch("images", queryset=_part("images").objects.order_by("order", "id")))
            .with_evidence_count()
        )


class Case(SluggedModel):
    """A practice example brought by an organisation, with the CoP's three questions."""

    slug_source = "title"
    reserved_slugs = RESERVED_SLUGS
    reserved_suffix = "casus"

    class Status(models.TextChoices):
        DRAFT = "draft", _("concept")
        SUBMITTED = "submitted", _("ingediend")
        PUBLISHED = "published", _("gepubliceerd")
        WITHDRAWN = "withdrawn", _("teruggetrokken")

    # The publication workflow, stated once: the states each step starts from. The
    # model refuses a step from any other state; cases.access adds who may take it,
    # for the views and the buttons (CasePermissions.may).
    STEP_FROM = {
        "submit": (Status.DRAFT, Status.WITHDRAWN),
        "publish": (Status.SUBMITTED,),
        "send_back": (Status.SUBMITTED, Status.PUBLISHED),
        "withdraw": (Status.SUBMITTED, Status.PUBLISHED),
    }

    Visibility = Visibility  # one set of choices for every published thing (cop.models)

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
    # The names of the place, organisations, themes and factors (cases.search_context).
    search_context = models.TextField(_("plaats, partners, thema's en factoren"), blank=True, editable=False)
    # Dutch full-text search document, kept up to date on PostgreSQL only (cop.search).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = CaseQuerySet.as_manager()

    # Dutch full-text search (cop.search): weight A ranks highest.
    SEARCH_FIELDS = {
        "title": "A",
        "summary": "B",
        "story": "C",
        "pride": "C",
        "what_worked": "C",
        "lessons": "C",
        "search_context": "B",
    }
    RICH_TEXT_FIELDS = (
        "story",
        "pride",
        "what_worked",
        "lessons",
        "occasion",
        "goal",
        "target_group",
        "approach",
        "preconditions",
        "transferability",
    )
    # The fields whose changes a revision records (besides themes, factors, partners, links and photos).
    TRACKED_FIELDS = (
        "title",
        "summary",
        *RICH_TEXT_FIELDS,
        "area_type",
        "scale",
        "municipality",
        "area",
        "period_start",
        "period_end",
        "stage",
        "organisation",
        "perspective",
        "contact_name",
        "contact_email",
        "contact_consent",
        "visibility",
    )

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
                violation_error_message=_("De einddatum ligt vóór de begindatum."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(update_fields) & set(self.SEARCH_FIELDS):
            write_search_vector(Case, [self.pk])

    @classmethod
    def fill_search_context(cls, pks=None):
        """Rebuild ``search_context`` of ``pks`` (called by ``cop.search.update_search_vector``)."""
        return search_context.fill(cls, pks)

    def refresh_search_document(self):
        """After its themes, partners or factors changed: the related text and the vector anew."""
        update_search_vector(Case, [self.pk])

    def get_absolute_url(self):
        return reverse("cases:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and self.visibility == self.Visibility.PUBLIC

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def practice_fields(self):
        """The filled-in practice-databank fields as (label, html), in reading order."""
        names = ("occasion", "goal", "target_group", "approach", "preconditions", "transferability")
        return [(self._meta.get_field(n).verbose_name, getattr(self, n)) for n in names if text_of(getattr(self, n))]

    @property
    def missing_for_submit(self):
        """What must be filled in before the case can be submitted (Dutch labels)."""
        missing = []
        if not self.title.strip():
            missing.append(_("titel"))
        if not self.summary.strip():
            missing.append(_("korte samenvatting"))
        if not text_of(self.story):
            missing.append(_("het verhaal"))
        return missing

    def related_for(self, user, limit=4):
        """Other cases ``user`` may find that share factors (weighing most) or themes with this one."""
        shared_factors = (
            _part("factor_links")
            .objects.filter(case_id=OuterRef("pk"), factor_id__in=self.factor_links.values("factor_id"))
            .order_by()
            .values("case_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        through = Case.themes.through
        shared_themes = (
            through.objects.filter(
                case_id=OuterRef("pk"), theme_id__in=through.objects.filter(case_id=self.pk).values("theme_id")
            )
            .order_by()
            .values("case_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        listed = Case.objects.listed_for(user).exclude(pk=self.pk)
        # Only candidates get the counts (not every listed case): all that share a factor,
        # plus the ``limit`` best by shared themes, which hold every theme-only case that
        # can make the top ``limit``.
        my_factors = self.factor_links.values("factor_id")
        sharing_factor = _part("factor_links").objects.filter(factor_id__in=my_factors).values("case_id")
        best_by_theme = (
            listed.filter(themes__in=through.objects.filter(case_id=self.pk).values("theme_id"))
            .values("pk", "published_at")
            .annotate(n=Count("pk"))
            .order_by("-n", "-published_at", "-pk")
            .values("pk")[:limit]
        )
        return (
            listed.filter(Q(pk__in=sharing_factor) | Q(pk__in=best_by_theme))
            .annotate(
                shared_factors=Coalesce(Subquery(shared_factors), 0), shared_themes=Coalesce(Subquery(shared_themes), 0)
            )
            .filter(Q(shared_factors__gt=0) | Q(shared_themes__gt=0))
            .select_related("municipality")
            .order_by("-shared_factors", "-shared_themes", "-published_at", "-pk")[:limit]
        )

    def is_editor(self, user):
        """Owner or co-editor (one query for co-editors unless they were prefetched)."""
        if not is_member(user):
            return False
        if self.owner_id == user.pk:
            return True
        return self.co_editors.filter(pk=user.pk).exists()

    # --- state changes -------------------------------------------------------------

    def _change_status(self, *, by, to, step, message="", fields=()):
        """Take workflow ``step`` (a key of ``STEP_FROM``) to status ``to``, with a revision that says so."""
        if self.status not in self.STEP_FROM[step]:
            raise Refused(
                _("Dit kan niet bij een casus met de status ‘%(status)s’.") % {"status": self.get_status_display()}
            )
        old = self.get_status_display()
        self.status = to
        self.save(update_fields=["status", "updated_at", *fields])
        bump_content_version("cases", "factors")  # publishing, sending back and withdrawing change public pages
        self.revisions.create(
            author=by,
            action=step,
            message=message,
            changes={"status": {"label": str(_("status")), "old": str(old), "new": str(self.get_status_display())}},
        )
        send_on_commit(case_step_taken, sender=Case, case=self, step=step, by=by, message=message)

    @transaction.atomic
    def submit(self, *, by):
        """Owner or co-editor offers the case to the facilitators for publication."""
        missing = self.missing_for_submit
        if missing:
            raise Refused(_("Vul eerst in: %(fields)s.") % {"fields": ", ".join(str(m) for m in missing)})
        self.submitted_at = timezone.now()
        self.review_message = ""
        self._change_status(
            by=by,
            to=self.Status.SUBMITTED,
            step="submit",
            fields=["submitted_at", "review_message"],
        )

    @transaction.atomic
    def publish(self, *, by):
        """A facilitator publishes a submitted case."""
        self.published_at = timezone.now()
        self.published_by = by
        self.review_message = ""
        self._change_status(
            by=by,
            to=self.Status.PUBLISHED,
            step="publish",
            fields=["published_at", "published_by", "review_message"],
        )
        # What was submitted is what the facilitator reviewed: an older edit that still waited is closed.
        self.pending_changes.filter(status="open").update(status="replaced")

    @transaction.atomic
    def send_back(self, *, by, message):
        """A facilitator returns a submitted (or published) case to its authors, saying what to improve."""
        message = (message or "").strip()
        if not message:
            raise Refused(_("Schrijf erbij wat de auteurs nog moeten doen."))
        self.review_message = message
        self._change_status(
            by=by,
            to=self.Status.DRAFT,
            step="send_back",
            message=message,
            fields=["review_message"],
        )

    @transaction.atomic
    def withdraw(self, *, by):
        """The owner takes a submitted or published case back; it can be submitted again later."""
        self._change_status(
            by=by,
            to=self.Status.WITHDRAWN,
            step="withdraw",
        )

    # --- revisions -----------------------------------------------------------------

    def snapshot(self):
        """A comparable picture of everything an editor can change, for ``record_changes``."""
        data = {}
        for name in self.TRACKED_FIELDS:
            field = self._meta.get_field(name)
            value = getattr(self, name)
            if name in self.RICH_TEXT_FIELDS:
                data[name] = value or ""
            elif field.choices:
                data[name] = str(getattr(self, f"get_{name}_display")()) if value else ""
            elif isinstance(value, bool):
                data[name] = str(_("ja") if value else _("nee"))
            elif value is None:
                data[name] = ""
            elif hasattr(value, "isoformat"):
                data[name] = value.isoformat()
            else:
                data[name] = str(value)
        data["themes"] = sorted(t.name for t in self.themes.all())
        data["factors"] = [
            f"{link.factor.name}: {link.explanation}" for link in self.factor_links.select_related("factor")
        ]
        data["partners"] = [
            f"{p.display_name} ({p.role})" if p.role else p.display_name
            for p in self.partners.select_related("organisation")
        ]
        data["links"] = [f"{link.title} <{link.url}>" for link in self.links.all()]
        data["images"] = [f"{img.alt_text} [{img.image.name.rsplit('/', 1)[-1]}]" for img in self.images.all()]
        return data

    def describe_changes(self, before, after):
        """Field → old/new (plain), a word-count summary (rich text) or added/removed (lists)."""
        labels = {name: str(self._meta.get_field(name).verbose_name) for name in self.TRACKED_FIELDS}
        labels |= {
            "themes": str(_("thema's")),
            "factors": str(_("factoren en belemmeringen")),
            "partners": str(_("partners")),
            "links": str(_("links")),
            "images": str(_("foto's")),
        }
        changes = {}
        for name, new in after.items():
            old = before.get(name, "" if not isinstance(new, list) else [])
            if old == new:
                continue
            if isinstance(new, list):
                changes[name] = {
                    "label": labels[name],
                    "added": [item for item in new if item not in old],
                    "removed": [item for item in old if item not in new],
                }
            elif name in self.RICH_TEXT_FIELDS:
                changes[name] = {"label": labels[name], "summary": _rich_summary(old, new)}
            else:
                changes[name] = {"label": labels[name], "old": old, "new": new}
        return changes

    def record_changes(self, *, by, before=None, action="edit", message=""):
        """Save a revision if anything changed since ``before`` (a ``snapshot()``; None for a new case)."""
        after = self.snapshot()
        changes = self.describe_changes(before or {}, after)
        if before is not None and not changes:
            return None
        if self.status == self.Status.PUBLISHED:
            bump_content_version("cases", "factors")  # perspective and place count as evidence
        return self.revisions.create(
            author=by, action="create" if before is None else action, message=message, changes=changes
        )


def _rich_summary(old, new):
    old_words, new_words = len(text_of(old).split()), len(text_of(new).split())
    if not old_words:
        return ngettext("toegevoegd (%(n)s woord)", "toegevoegd (%(n)s woorden)", new_words) % {"n": new_words}
    if not new_words:
        return str(_("leeggemaakt"))
    return str(_("aangepast (%(old)s → %(new)s woorden)") % {"old": old_words, "new": new_words})


def _part(name):
    """The model behind ``Case.<name>`` (a part in ``cases.models.parts``), found through its relation."""
    return Case._meta.get_field(name).related_model
