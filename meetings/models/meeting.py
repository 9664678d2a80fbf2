"""Series, meetings and their registrations.

Every change of a meeting runs in a transaction that first locks the meeting
row (``Meeting.lock``). That one lock serialises the writers of a meeting, so
that the live version numbers are handed out in commit order, no one exceeds
the capacity or their dots, and any number of app processes can serve one
meeting: all state lives in the database. The live mode's rounds,
contributions and votes are in ``meetings.models.live``; a meeting reaches its
rounds through ``meeting.rounds`` (``RoundQuerySet``).
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from cop.access import Refused
from cop.cache import ProcessMemo, bump_content_version
from cop.models import Municipality, Organisation, TermVersion, Visibility
from cop.richtext import RichTextField
from cop.roles import is_member
from cop.tasks import send_on_commit
from cop.utils import SluggedModel
from meetings.push import notify
from meetings.signals import registration_made

# Join codes avoid characters that are easy to confuse when read from a projector
# (0/O, 1/I/L, 5/S, 2/Z, 8/B).
JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY3467"
JOIN_CODE_LENGTH = 6
# Without an end time a meeting is assumed to take this long (calendar entries).
DEFAULT_DURATION = timedelta(hours=2, minutes=30)


def new_join_code():
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(code):
    """What a person typed, as stored: upper case, without spaces or dashes."""
    return "".join((code or "").split()).replace("-", "").upper()[:12]


def new_checkin_token():
    return secrets.token_urlsafe(16)


class SeriesQuerySet(models.QuerySet):
    def public(self):
        return self.filter(visibility=Series.Visibility.PUBLIC)

    def visible_to(self, user):
        return self.all() if is_member(user) else self.public()


class Series(SluggedModel):
    """A series of meetings (reeks or leerkring)."""

    slug_source = "title"

    Visibility = Visibility  # one set of choices for every published thing (cop.models)

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

    def get_absolute_url(self):
        return reverse("meetings:series-detail", kwargs={"slug": self.slug})


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
        return self.filter(starts_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        return self.filter(starts_at__lt=now or timezone.now()).order_by("-starts_at")

    def for_list(self):
        """What the meetings list shows: the series and the number of registered members.

        The count is a correlated subquery, so that counting the (paginated) list needs no GROUP BY.
        """
        registered = (
            Registration.objects.filter(meeting=models.OuterRef("pk"), status=Registration.Status.REGISTERED)
            .order_by()
            .values("meeting")
            .annotate(n=models.Count("id"))
            .values("n")
        )
        return self.select_related("series").annotate(
            registered_count=Coalesce(models.Subquery(registered, output_field=models.IntegerField()), 0)
        )


# The live version each app process last read per join code, trusted for half a
# second: polls of walls and phones that saw it answer 204 without a query (see
# meetings/views/live.py). Other processes see a change at most that much later.
LIVE_VERSIONS = ProcessMemo(seconds=0.5)
# How long after closing the wall and the phones show "Dank je wel" (then the unknown-code page).
# How long after closing the live pages show the end screen instead of "unknown code": the day
# of the session. After that a closed meeting's code looks exactly like one that never existed.
END_SCREEN_DAYS = timedelta(days=1)


class Meeting(SluggedModel):
    """A meeting of the CoP: planned → live → closed → published (the harvest)."""

    slug_source = "title"

    class Status(models.TextChoices):
        PLANNED = "planned", _("gepland")
        LIVE = "live", _("live")
        CLOSED = "closed", _("afgesloten")
        PUBLISHED = "published", _("oogst gepubliceerd")

    Visibility = Visibility  # one set of choices for every published thing (cop.models)

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
    # Where the meeting was: its contributions count as evidence from this
    # municipality (unless they are about a case, which has its own).
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("gemeente"),
        help_text=_("Waar de bijeenkomst is; telt mee bij de gemeenten achter de factoren die er opkomen."),
    )
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
    # The live version of the last change that was not just a new contribution
    # (a round started, a contribution clustered, edited or hidden, a dot cast):
    # a poll older than this redraws the wall instead of appending.
    live_layout_version = models.PositiveBigIntegerField(_("versie indeling live"), default=0)

    class JoinDisplay(models.TextChoices):
        LARGE = "large", _("groot, naast de bijdragen")
        SMALL = "small", _("klein, in een hoek")
        HIDDEN = "hidden", _("niet tonen")

    class WallView(models.TextChoices):
        NOTES = "notes", _("bijdragen")
        WORDS = "words", _("woordenwolk")

    # What the wall shows besides the round: set by the facilitator during the session.
    wall_join_display = models.CharField(
        _("QR-code en code op de muur"), max_length=8, choices=JoinDisplay.choices, default=JoinDisplay.LARGE
    )
    wall_view = models.CharField(
        _("weergave van de muur"), max_length=8, choices=WallView.choices, default=WallView.NOTES
    )
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

    def get_absolute_url(self):
        return reverse("meetings:detail", kwargs={"slug": self.slug})

    @property
    def harvest_is_public(self):
        return self.status == self.Status.PUBLISHED and self.visibility == self.Visibility.PUBLIC

    @property
    def is_live(self):
        return self.status == self.Status.LIVE

    @property
    def has_ended(self):
        """Closed (or its harvest published) within the last week: the live pages show the end screen."""
        recent = self.closed_at is not None and self.closed_at > timezone.now() - END_SCREEN_DAYS
        return self.status in (self.Status.CLOSED, self.Status.PUBLISHED) and recent

    @property
    def live_title(self):
        """The title on the live pages: always while live, after closing only for a public meeting.

        Whoever holds the code of a closed community meeting learns nothing of it (its end screen
        says thank you, without the title).
        """
        return self.title if self.is_live or self.visibility == self.Visibility.PUBLIC else ""

    @property
    def has_harvest(self):
        return self.status == self.Status.PUBLISHED

    @property
    def end(self):
        return self.ends_at or self.starts_at + DEFAULT_DURATION

    @property
    def registration_open(self):
        return self.status in (self.Status.PLANNED, self.Status.LIVE) and self.end > timezone.now()

    # --- locking and versions ---------------------------------------------------

    @classmethod
    def lock(cls, pk):
        """The meeting row, locked until the surrounding transaction ends.

        PostgreSQL takes a row lock; SQLite runs every transaction in IMMEDIATE
        mode (see settings), which serialises writers in the same way.
        """
        return cls.objects.select_for_update().get(pk=pk)

    def bump_live_version(self, *, layout=True):
        """Hand out the next live version. Call it on a meeting from ``lock()``, inside its transaction."""
        updates = {"live_version": F("live_version") + 1}
        if layout:
            # The right-hand side reads the old row, so this is the new live_version.
            updates["live_layout_version"] = F("live_version") + 1
        Meeting.objects.filter(pk=self.pk).update(**updates)
        notify(self.pk)  # the walls' streams, in every process (meetings.push)
        # Forget the remembered version now and again once the change is committed: a poll in
        # between still reads the old committed row and would remember it for another moment.
        code = self.join_code
        LIVE_VERSIONS.forget(code)
        transaction.on_commit(lambda: LIVE_VERSIONS.forget(code))
        self.live_version += 1
        if layout:
            self.live_layout_version = self.live_version
        return self.live_version

    def set_wall_display(self, *, join_display, view):
        """The facilitator changes how the wall looks; every wall redraws."""
        with transaction.atomic():
            meeting = Meeting.lock(self.pk)
            meeting.wall_join_display, meeting.wall_view = join_display, view
            meeting.save(update_fields=["wall_join_display", "wall_view", "updated_at"])
            meeting.bump_live_version()
        self.wall_join_display, self.wall_view = join_display, view

    def touch(self):
        """Tell the wall and the phones that something they show has changed."""
        with transaction.atomic():
            Meeting.lock(self.pk).bump_live_version()

    # --- the live mode ----------------------------------------------------------

    def _free_join_code(self):
        for _attempt in range(20):
            code = new_join_code()
            if not Meeting.objects.filter(join_code=code).exists():
                return code
        raise RuntimeError("No free join code after 20 attempts.")

    # The meeting's lifecycle: planned → live → closed → published (and back to closed).
    # Which states each change accepts, and what it says when refused, is stated here once.
    TRANSITIONS = {
        "open_live": ({Status.PLANNED, Status.LIVE, Status.CLOSED}, Status.LIVE,
                      _("De oogst is al gepubliceerd. Trek de publicatie eerst in.")),
        "close": ({Status.PLANNED, Status.LIVE, Status.CLOSED}, Status.CLOSED, _("De oogst is al gepubliceerd.")),
        "publish": ({Status.CLOSED}, Status.PUBLISHED,
                    _("Sluit de bijeenkomst eerst af; daarna kun je de oogst publiceren.")),
        "unpublish": ({Status.PUBLISHED}, Status.CLOSED, _("De oogst van deze bijeenkomst is niet gepubliceerd.")),
    }  # fmt: skip

    def _transition(self, name, change):
        """Lock the row, refuse a state ``name`` does not accept, let ``change(meeting)`` set its fields, save.

        ``change`` returns the fields it set; a change to the state the meeting already
        has (opening a live meeting again) saves nothing. The wall and the kept pages
        learn of it through the live and content versions.
        """
        allowed, target, refusal = self.TRANSITIONS[name]
        with transaction.atomic():
            meeting = Meeting.lock(self.pk)
            if meeting.status not in allowed:
                raise Refused(refusal)
            if meeting.status != target:
                fields = change(meeting)
                meeting.status = target
                meeting.save(update_fields=["status", *fields, "updated_at"])
                meeting.bump_live_version()
                bump_content_version("meetings", "factors")  # a published harvest is evidence
        self.refresh_from_db()

    def open_live(self):
        """Start (or reopen) the live mode: the meeting gets its join code."""

        def change(meeting):
            meeting.join_code = meeting.join_code or self._free_join_code()
            meeting.live_opened_at = meeting.live_opened_at or timezone.now()
            meeting.closed_at = None
            return ["join_code", "live_opened_at", "closed_at"]

        self._transition("open_live", change)

    def close(self):
        """End the meeting: every round ends and contributions are frozen."""

        def change(meeting):
            for round_ in meeting.rounds.running():
                round_._set_closed()
            meeting.closed_at = timezone.now()
            return ["closed_at"]

        self._transition("close", change)

    def publish(self):
        """Make the harvest public. Use ``meetings.services.publish_harvest``, which also does the cross-app work."""

        def change(meeting):
            meeting.published_at = timezone.now()
            return ["published_at"]

        self._transition("publish", change)

    def unpublish(self):
        """Take the harvest off the portal again; nothing is deleted."""
        self._transition("unpublish", lambda meeting: [])

    def active_round(self):
        return self.rounds.active().first()

    def current_round(self):
        """What the wall and the phones show: the active round, else the one that ran last."""
        return self.rounds.current()

    def next_round(self):
        """Close the active round and start the first round that has not run yet (None: there is none)."""
        with transaction.atomic():
            meeting = Meeting.lock(self.pk)
            if meeting.status != self.Status.LIVE:
                raise Refused(_("Open eerst de live-modus."))
            following = meeting.rounds.pending().first()
            for round_ in meeting.rounds.active():
                round_._set_closed()
            if following is not None:
                following._set_active()
            meeting.bump_live_version()
            return following

    def next_round_order(self):
        last = self.rounds.aggregate(models.Max("order"))["order__max"]
        return (last or 0) + 1

    # --- registration -----------------------------------------------------------

    def register(self, user):
        """Give ``user`` a place, or a place on the waiting list when the meeting is full.

        Returns ``(registration, changed)``. The confirmation e-mail leaves when
        the transaction commits.
        """
        with transaction.atomic():
            meeting = Meeting.lock(self.pk)
            if not meeting.registration_open:
                raise Refused(_("Aanmelden voor deze bijeenkomst kan niet meer."))
            registration = Registration.objects.filter(meeting=meeting, user=user).first()
            if registration and registration.status != Registration.Status.CANCELLED:
                return registration, False
            status = Registration.Status.REGISTERED if meeting.has_free_place() else Registration.Status.WAITLISTED
            if registration is None:
                registration = Registration.objects.create(meeting=meeting, user=user, status=status)
            else:
                registration.status = status
                # The waiting list is ordered by this moment: re-registering queues at the end.
                registration.created_at = timezone.now()
                registration.attended_at = None
                registration.save(update_fields=["status", "created_at", "attended_at", "updated_at"])
            # The confirmation leaves from a background task (meetings.tasks), after the commit.
            send_on_commit(registration_made, sender=Registration, registration=registration, promoted=False)
        return registration, True

    def has_free_place(self):
        if self.capacity is None:
            return True
        return self.registrations.filter(status=Registration.Status.REGISTERED).count() < self.capacity

    def fill_from_waitlist(self):
        """Move people up from the waiting list while there is room. Call inside a transaction with the lock."""
        promoted = []
        waiting = self.registrations.filter(status=Registration.Status.WAITLISTED).order_by("created_at", "id")
        for registration in waiting:
            if not self.has_free_place():
                break
            registration.status = Registration.Status.REGISTERED
            registration.save(update_fields=["status", "updated_at"])
            promoted.append(registration)
        for registration in promoted:
            send_on_commit(registration_made, sender=Registration, registration=registration, promoted=True)
        return promoted

    def counts(self):
        """Registered, waiting and checked in, in one query."""
        return self.registrations.aggregate(
            registered=models.Count("id", filter=Q(status=Registration.Status.REGISTERED)),
            waitlisted=models.Count("id", filter=Q(status=Registration.Status.WAITLISTED)),
            attended=models.Count("id", filter=Q(status=Registration.Status.REGISTERED, attended_at__isnull=False)),
        )

    def live_participant_count(self):
        """How many people (members and guests) contributed or put a dot in the live mode, in one query."""
        contributors = self.contributions.order_by().values_list("author_id", "guest_key")
        voters = (
            self.rounds.model._meta.get_field("votes")
            .related_model.objects.filter(round__meeting=self)
            .order_by()
            .values_list("voter_id", "guest_key")
        )
        return len(set(contributors.union(voters)))


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def for_list(self):
        """The facilitators' list: people with their profile and organisation, in queue order."""
        return self.select_related("user__profile__organisation").order_by(
            models.Case(
                models.When(status=Registration.Status.REGISTERED, then=0),
                models.When(status=Registration.Status.WAITLISTED, then=1),
                default=2,
            ),
            "created_at",
            "id",
        )


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
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)
    attended_at = models.DateTimeField(_("aanwezig sinds"), null=True, blank=True)
    checkin_token = models.CharField(_("inchekcode"), max_length=40, unique=True, default=new_checkin_token)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["meeting", "created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="registration_once_per_meeting")]
        indexes = [models.Index(fields=["meeting", "status", "created_at"], name="registration_queue_idx")]

    def __str__(self):
        return f"{self.user} · {self.meeting}"

    @property
    def is_active(self):
        return self.status != self.Status.CANCELLED

    def cancel(self):
        """Give the place back; the first person on the waiting list moves up in the same transaction."""
        with transaction.atomic():
            meeting = Meeting.lock(self.meeting_id)
            registration = Registration.objects.get(pk=self.pk)
            if registration.status == self.Status.CANCELLED:
                return []
            registration.status = self.Status.CANCELLED
            registration.attended_at = None
            registration.save(update_fields=["status", "attended_at", "updated_at"])
            promoted = meeting.fill_from_waitlist()
        self.refresh_from_db()
        return promoted

    def mark_attended(self, attended=True):
        if attended and self.status != self.Status.REGISTERED:
            raise Refused(_("Alleen wie een plaats heeft, kan als aanwezig worden gemeld."))
        self.attended_at = (self.attended_at or timezone.now()) if attended else None
        self.save(update_fields=["attended_at", "updated_at"])

    def checkin_path(self):
        return reverse("meetings:checkin", kwargs={"slug": self.meeting.slug, "token": self.checkin_token})
