"""The live mode: rounds, contributions, votes and the clustering steps.

Every change locks the meeting row first (``Meeting.lock``, see
``meetings.models.meeting``), so writers of one meeting are serialised.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from cop.access import Refused
from cop.cache import bump_content_version
from cop.models import Perspective
from cop.roles import is_facilitator, is_member
from cop.tasks import send_on_commit
from factors.models import Factor
from meetings.models.meeting import Meeting
from meetings.models.wall import RoundWallSettings
from meetings.signals import contribution_hidden


class RoundQuerySet(models.QuerySet):
    """A meeting's rounds by state (``meeting.rounds.active()`` …)."""

    def active(self):
        return self.filter(status=Round.Status.ACTIVE)

    def running(self):
        """Active or paused: the rounds that closing the meeting ends."""
        return self.filter(status__in=[Round.Status.ACTIVE, Round.Status.PAUSED])

    def pending(self):
        """Rounds that have not run yet, in their order."""
        return self.filter(status=Round.Status.PENDING).order_by("order", "id")

    def current(self):
        """What the wall and the phones show: the active round, else the one that ran last."""
        return (
            self.exclude(status=Round.Status.PENDING)
            .select_related("case", "source_round")
            .order_by(
                models.Case(models.When(status=Round.Status.ACTIVE, then=0), default=1),
                F("started_at").desc(nulls_last=True),
                "-id",
            )
            .first()
        )


class Round(RoundWallSettings):
    """One prompt in the live mode. At most one round of a meeting is active."""

    class Kind(models.TextChoices):
        WORKING = "working", _("werkzame factor")
        OBSTACLE = "obstacle", _("belemmering")
        PRIDE = "pride", _("trots")
        LESSON = "lesson", _("les")
        OBSERVATION = "observation", _("wat valt op")
        DEFINITION = "definition", _("element van de definitie")
        OBJECTION = "objection", _("bezwaar")
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
    # A voting round puts dots on the factors of this round (or of the whole meeting when empty).
    source_round = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("stippen op de clusters van"),
    )
    guests_allowed = models.BooleanField(_("gasten mogen meedoen"), default=False)
    # Moderation before the wall: new contributions wait until a facilitator approves them.
    moderated = models.BooleanField(
        _("bijdragen eerst goedkeuren"),
        default=False,
        help_text=_("Nieuwe bijdragen komen pas op de muur als een begeleider ze heeft goedgekeurd."),
    )
    # Dots of guests who joined only after this vote round started do not count (a room's
    # defence against a script that makes guests to stuff the vote; docs/security.md).
    discount_late_guests = models.BooleanField(
        _("stippen van gasten die pas tijdens de stemronde kwamen niet meetellen"), default=False
    )
    dots_per_person = models.PositiveSmallIntegerField(_("stippen per persoon"), default=3)
    timer_seconds = models.PositiveIntegerField(_("timer (seconden)"), null=True, blank=True)
    # The running timer: when it ends, or (paused) how many seconds were left.
    deadline = models.DateTimeField(_("timer loopt af om"), null=True, blank=True)
    timer_left = models.PositiveIntegerField(_("resterende seconden"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    started_at = models.DateTimeField(_("gestart"), null=True, blank=True)
    ended_at = models.DateTimeField(_("geëindigd"), null=True, blank=True)

    objects = RoundQuerySet.as_manager()

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

    @property
    def is_vote(self):
        return self.mode == self.Mode.VOTE

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def is_open(self):
        """Contributions can still be edited or withdrawn (the round has not ended)."""
        return self.status in (self.Status.ACTIVE, self.Status.PAUSED)

    @property
    def timer_minutes(self):
        return -(-self.timer_seconds // 60) if self.timer_seconds else None

    def seconds_left(self):
        """Seconds on the timer: counting down while active, frozen while paused, None without a timer."""
        if self.deadline:
            return max(0, int((self.deadline - timezone.now()).total_seconds()))
        if self.status == self.Status.PAUSED and self.timer_left is not None:
            return self.timer_left
        if self.status == self.Status.PENDING and self.timer_seconds:
            return self.timer_seconds
        return None

    @property
    def factor_kind(self):
        """The kind of factor a contribution of this round most likely belongs to."""
        return Factor.Kind.OBSTACLE if self.kind in (self.Kind.OBSTACLE, self.Kind.OBJECTION) else Factor.Kind.WORKING

    # Helpers for the state changes below; the caller holds the meeting lock and bumps the version.
    def _set_active(self):
        now = timezone.now()
        self.status = self.Status.ACTIVE
        self.started_at = self.started_at or now
        seconds = self.timer_left if self.timer_left is not None else self.timer_seconds
        self.deadline = now + timedelta(seconds=seconds) if seconds else None
        self.timer_left = None
        self.save(update_fields=["status", "started_at", "deadline", "timer_left"])

    def _set_paused(self):
        self.status = self.Status.PAUSED
        if self.deadline:
            self.timer_left = max(0, int((self.deadline - timezone.now()).total_seconds()))
        self.deadline = None
        self.save(update_fields=["status", "deadline", "timer_left"])

    def _set_closed(self):
        self.status = self.Status.CLOSED
        self.ended_at = timezone.now()
        self.deadline = None
        self.timer_left = None
        self.save(update_fields=["status", "ended_at", "deadline", "timer_left"])

    def _locked(self):
        """Lock the meeting and read this round afresh under the lock."""
        meeting = Meeting.lock(self.meeting_id)
        return meeting, Round.objects.select_related("meeting").get(pk=self.pk)

    def _refresh_after(self, fresh):
        for field in ("status", "started_at", "ended_at", "deadline", "timer_left"):
            setattr(self, field, getattr(fresh, field))

    def start(self):
        """Start or resume this round; a round that was active is paused."""
        with transaction.atomic():
            meeting, fresh = self._locked()
            if meeting.status != Meeting.Status.LIVE:
                raise Refused(_("Open eerst de live-modus."))
            if fresh.status == self.Status.CLOSED:
                raise Refused(_("Deze ronde is al afgerond."))
            if fresh.status != self.Status.ACTIVE:
                for other in meeting.rounds.filter(status=self.Status.ACTIVE).exclude(pk=fresh.pk):
                    other._set_paused()
                fresh._set_active()
                meeting.bump_live_version()
        self._refresh_after(fresh)

    def pause(self):
        with transaction.atomic():
            meeting, fresh = self._locked()
            if fresh.status != self.Status.ACTIVE:
                raise Refused(_("Alleen een actieve ronde kun je pauzeren."))
            fresh._set_paused()
            meeting.bump_live_version()
        self._refresh_after(fresh)

    def close(self):
        """End the round: no new contributions, edits or withdrawals."""
        with transaction.atomic():
            meeting, fresh = self._locked()
            if fresh.status != self.Status.CLOSED:
                fresh._set_closed()
                meeting.bump_live_version()
        self._refresh_after(fresh)

    # --- participating -------------------------------------------------------------

    def _check_participant(self, meeting, *, author, guest_key):
        if meeting.status != Meeting.Status.LIVE:
            raise Refused(_("Deze bijeenkomst is niet (meer) live."))
        if self.status != self.Status.ACTIVE:
            raise Refused(_("Deze ronde is gesloten. Je bijdrage is niet opgeslagen."))
        if author is None and not (self.guests_allowed and guest_key):
            raise Refused(_("Voor deze ronde moet je ingelogd zijn."))

    def contribute(self, *, text, perspective, author=None, guest_key="", submission_key=""):
        """Store one contribution exactly once (a repeated ``submission_key`` returns the first)."""
        with transaction.atomic():
            meeting, fresh = self._locked()
            fresh._check_participant(meeting, author=author, guest_key=guest_key)
            if fresh.is_vote:
                raise Refused(_("In deze ronde verdeel je stippen; bijdragen plaatsen kan hier niet."))
            if submission_key:
                earlier = Contribution.objects.filter(round=fresh, submission_key=submission_key).first()
                if earlier is not None:
                    return earlier
            version = meeting.bump_live_version(layout=False)
            waiting = fresh.moderated
            return Contribution.objects.create(
                round=fresh,
                meeting=meeting,
                text=text,
                kind=fresh.kind,
                perspective=perspective,
                case=fresh.case,
                author=author,
                guest_key="" if author else guest_key,
                submission_key=submission_key,
                live_version=version,
                hidden=waiting,
                awaiting_approval=waiting,
            )

    def vote_options(self):
        """The factors (clusters) a voting round puts dots on."""
        contributions = Contribution.objects.filter(meeting_id=self.meeting_id, hidden=False, factor__isnull=False)
        if self.source_round_id:
            contributions = contributions.filter(round_id=self.source_round_id)
        return Factor.objects.filter(pk__in=contributions.values("factor_id")).order_by("kind", "name")

    def votes_of(self, *, voter=None, guest_key=""):
        if voter is not None:
            return self.votes.filter(voter=voter)
        if guest_key:
            return self.votes.filter(voter__isnull=True, guest_key=guest_key)
        return self.votes.none()

    def cast_vote(self, factor, *, voter=None, guest_key="", guest_joined_at=None):
        """Put one dot on ``factor``. The count and the insert share the meeting lock, so no one exceeds their dots.

        ``guest_joined_at``: when the guest joined; a guest who joined after the round
        started casts a ``late_guest`` dot, which ``discount_late_guests`` leaves out.
        """
        with transaction.atomic():
            meeting, fresh = self._locked()
            fresh._check_participant(meeting, author=voter, guest_key=guest_key)
            if not fresh.is_vote:
                raise Refused(_("In deze ronde wordt niet gestemd."))
            if not fresh.vote_options().filter(pk=factor.pk).exists():
                raise Refused(_("Op deze factor kun je in deze ronde geen stip zetten."))
            used = fresh.votes_of(voter=voter, guest_key=guest_key).count()
            if used >= fresh.dots_per_person:
                raise Refused(_("Je hebt al je stippen verdeeld. Haal eerst een stip weg."))
            late = voter is None and bool(guest_joined_at and fresh.started_at and guest_joined_at >= fresh.started_at)
            vote = fresh.votes.create(factor=factor, voter=voter, guest_key="" if voter else guest_key, late_guest=late)
            meeting.bump_live_version()
            return vote

    def withdraw_vote(self, factor, *, voter=None, guest_key=""):
        with transaction.atomic():
            meeting, fresh = self._locked()
            fresh._check_participant(meeting, author=voter, guest_key=guest_key)
            vote = fresh.votes_of(voter=voter, guest_key=guest_key).filter(factor=factor).order_by("-id").first()
            if vote is None:
                raise Refused(_("Je had geen stip op deze factor."))
            vote.delete()
            meeting.bump_live_version()

    def discount_late_dots(self, discount=True):
        """Leave out (or count again) the dots of guests who joined after this vote round started."""
        with transaction.atomic():
            meeting, fresh = self._locked()
            if not fresh.is_vote:
                raise Refused(_("In deze ronde wordt niet gestemd."))
            fresh.discount_late_guests = discount
            fresh.save(update_fields=["discount_late_guests"])
            meeting.bump_live_version()
            if meeting.status == Meeting.Status.PUBLISHED:
                bump_content_version()  # the dots count as public evidence
        self.discount_late_guests = discount

    def vote_totals(self):
        """``[(factor, dots)]`` from most to fewest counted dots, also for factors without dots."""
        return [(factor, dots) for factor, dots, _guests, _late in self.vote_breakdown()]

    def vote_breakdown(self):
        """``[(factor, counted dots, of which from guests, late guests' dots)]``, most counted dots first.

        Late guests' dots are those of guests who joined after the round started; they
        count unless the facilitator turned ``discount_late_guests`` on.
        """
        rows = (
            self.votes.order_by()
            .values("factor_id")
            .annotate(
                n=models.Count("id"),
                guests=models.Count("id", filter=Q(voter__isnull=True)),
                late=models.Count("id", filter=Q(late_guest=True)),
            )
        )
        found = {row["factor_id"]: row for row in rows}
        options = list(self.vote_options().select_related("cluster"))
        table = []
        for factor in options:
            row = found.get(factor.pk, {"n": 0, "guests": 0, "late": 0})
            counted = row["n"] - (row["late"] if self.discount_late_guests else 0)
            guests = row["guests"] - (row["late"] if self.discount_late_guests else 0)
            table.append((factor, counted, guests, row["late"]))
        return sorted(table, key=lambda row: (-row[1], row[0].name.lower()))


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

    def evidence_for(self, viewer=None):
        """Contributions that count as evidence of their factor for ``viewer``: the meetings app's rule, once.

        Clustered onto a factor, not hidden, in a meeting whose harvest is published; for
        visitors the meeting is also public (``public()``). The factors app reads it through
        ``Factor.contributions`` (factors/evidence.py) and never restates it.
        """
        contributions = self.filter(factor__isnull=False, hidden=False, meeting__status=Meeting.Status.PUBLISHED)
        if not is_member(viewer):
            contributions = contributions.filter(meeting__visibility=Meeting.Visibility.PUBLIC)
        return contributions

    def evidence(self):
        """Public contributions clustered onto a factor: the meeting evidence a visitor sees."""
        return self.evidence_for(None)

    def shown(self):
        """Not hidden. A contribution waiting for approval is hidden too, so it is left out here."""
        return self.filter(hidden=False)

    def on_wall(self):
        """What the wall, the harvest and the evidence may show: approved and not hidden.

        Waiting contributions are stored hidden (see ``Contribution.awaiting_approval``), so every
        ``hidden=False`` filter already leaves them out; this names the rule for new readers.
        """
        return self.filter(hidden=False, awaiting_approval=False)

    def awaiting(self):
        """The moderation queue: contributions of a moderated round that no one approved yet."""
        return self.filter(awaiting_approval=True)

    def by_participant(self, *, user=None, guest_key=""):
        if user is not None and user.is_authenticated:
            return self.filter(author=user)
        if guest_key:
            return self.filter(author__isnull=True, guest_key=guest_key)
        return self.none()


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
    # A random key per form shown on the phone: a double tap or a retried request stores one contribution.
    submission_key = models.CharField(_("verzendsleutel"), max_length=40, blank=True, editable=False)
    # The meeting's live version when this contribution was posted: the wall asks for what is newer.
    live_version = models.PositiveBigIntegerField(_("versie live"), default=0, editable=False)
    factor = models.ForeignKey(
        Factor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributions",
        verbose_name=_("geclusterd bij"),
    )
    hidden = models.BooleanField(_("verborgen"), default=False)
    # In a moderated round a new contribution waits, stored hidden as well (a check constraint
    # keeps the two together): every rule that leaves hidden contributions out (wall, harvest,
    # evidence, exports, counts) leaves waiting ones out without knowing about moderation.
    awaiting_approval = models.BooleanField(_("wacht op goedkeuring"), default=False)
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

    objects = ContributionQuerySet.as_manager()

    class Meta:
        verbose_name = _("bijdrage")
        verbose_name_plural = _("bijdragen")
        ordering = ["round", "created_at", "id"]
        indexes = [
            models.Index(fields=["meeting", "hidden", "factor"], name="contribution_harvest_idx"),
            models.Index(fields=["round", "id"], name="contribution_wall_idx"),
            models.Index(fields=["meeting", "live_version"], name="contribution_version_idx"),
            # A guest's own notes in a round (the phone's list after every post and poll): without it
            # that list read every note of the round, so each post cost more as the room filled.
            models.Index(fields=["round", "guest_key"], name="contribution_guest_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(author__isnull=False) | ~models.Q(guest_key=""),
                name="contribution_has_author_or_guest",
            ),
            models.CheckConstraint(
                condition=models.Q(awaiting_approval=False) | models.Q(hidden=True),
                name="contribution_waiting_is_hidden",
            ),
            models.UniqueConstraint(
                fields=["round", "submission_key"],
                condition=~models.Q(submission_key=""),
                name="contribution_submitted_once",
            ),
        ]

    def __str__(self):
        return self.text[:60]

    def _locked(self):
        meeting = Meeting.lock(self.meeting_id)
        return meeting, Contribution.objects.select_related("round").get(pk=self.pk)

    def _check_editable(self, meeting, fresh):
        if meeting.status != Meeting.Status.LIVE or not fresh.round.is_open:
            raise Refused(_("Deze ronde is afgelopen; je bijdrage kan niet meer veranderen."))

    def edit(self, text):
        with transaction.atomic():
            meeting, fresh = self._locked()
            self._check_editable(meeting, fresh)
            fresh.text = text
            fresh.save(update_fields=["text", "updated_at"])
            meeting.bump_live_version()
        self.text = text

    def withdraw(self):
        """The author takes the contribution back: it is deleted."""
        with transaction.atomic():
            meeting, fresh = self._locked()
            self._check_editable(meeting, fresh)
            fresh.delete()
            meeting.bump_live_version()

    def approve(self):
        """A facilitator lets a waiting contribution through: it reaches the wall as a new one."""
        with transaction.atomic():
            meeting, fresh = self._locked()
            if not fresh.awaiting_approval:
                raise Refused(_("Deze bijdrage wachtte niet (meer) op goedkeuring."))
            # A fresh live version: the wall asks for what is newer than it saw, so it appends this one.
            fresh.live_version = meeting.bump_live_version(layout=False)
            fresh.hidden = fresh.awaiting_approval = False
            fresh.save(update_fields=["hidden", "awaiting_approval", "live_version", "updated_at"])
        self.hidden = self.awaiting_approval = False
        self.live_version = fresh.live_version

    def hide(self, *, by, reason=""):
        """A facilitator hides an inappropriate contribution from the wall and the harvest (also one that waits)."""
        with transaction.atomic():
            meeting, fresh = self._locked()
            fresh.hidden, fresh.hidden_reason, fresh.hidden_by = True, reason, by
            fresh.awaiting_approval = False
            fresh.save(update_fields=["hidden", "hidden_reason", "hidden_by", "awaiting_approval", "updated_at"])
            meeting.bump_live_version()
            bump_content_version()
            send_on_commit(contribution_hidden, sender=Contribution, contribution=fresh, reason=reason)
        self.hidden, self.hidden_reason, self.hidden_by, self.awaiting_approval = True, reason, by, False

    def unhide(self):
        with transaction.atomic():
            meeting, fresh = self._locked()
            fresh.hidden, fresh.hidden_reason, fresh.hidden_by = False, "", None
            fresh.save(update_fields=["hidden", "hidden_reason", "hidden_by", "updated_at"])
            meeting.bump_live_version()
            bump_content_version()
        self.hidden, self.hidden_reason, self.hidden_by = False, "", None
