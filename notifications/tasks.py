"""Background tasks: who is told about an event, and the mails (``deliver``), retried when they fail.

Each event task works out its recipients in the worker, not in the request: publishing a harvest that
10,000 members follow costs the request one enqueue. Recipients only get what they may see (the
owning app's ``visible_to``); one event tells one member once (``Notification.event_key``).
"""

import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django_tasks import task

from cases.models import Case, CaseFactor, CoEditorInvitation, Reflection
from cop.models import Term, TermVersion
from cop.roles import FACILITATORS_GROUP
from cop.tasks import enqueue, retried, retry_later
from meetings.calendar import calendar_bytes
from meetings.models import Contribution, Meeting, Registration
from notifications import mail, texts
from notifications.models import Activity, ActivitySubject, Follow, Kind, Notification
from notifications.targets import type_of, url_of, visible_queryset

logger = logging.getLogger(__name__)
# Mails per delivery task; a bigger fan-out becomes several tasks.
DELIVER_CHUNK = 200
# A mail still pending this long after it was made is picked up again by the sweep.
SWEEP_AFTER = timedelta(minutes=10)


def _actor_data(user, perspective=None):
    """The perspective to show when ``user`` is not named (``texts.actor`` names them only with consent)."""
    profile = getattr(user, "profile", None) if user is not None else None
    return {"perspective": perspective or (profile.effective_perspective if profile else "other")}


def _may_see_ids(target, user_ids):
    """Of ``user_ids``, the active members who may see ``target``."""
    users = list(get_user_model().objects.filter(pk__in=set(user_ids), is_active=True))
    model = type(target)
    public = model is not CoEditorInvitation and hasattr(model.objects, "public")
    if public and model.objects.public().filter(pk=target.pk).exists():
        return [user.pk for user in users]
    return [user.pk for user in users if visible_queryset(model, user).filter(pk=target.pk).exists()]


def notify(
    kind, target, user_ids, *, event_key, title, message="", data=None, exclude=(), with_mail=True, actor_id=None
):
    """Tell the members ``user_ids`` (who may see ``target``) about it once, and queue the mails they want.

    ``with_mail=False``: the lower app sends its own mail about it (the co-editor invitation with its
    link, the registration mail with the calendar file); the notification is for the site only.
    """
    excluded = {pk for pk in exclude if pk}
    recipients = [pk for pk in _may_see_ids(target, user_ids) if pk not in excluded]
    if not recipients:
        return 0
    target_type, url = type_of(target), url_of(target)
    title = title[:300]
    settings_of = mail.settings_by_user(recipients)
    verified = mail.verified_user_ids(get_user_model().objects.filter(pk__in=recipients).only("pk", "email"))
    rows = [
        Notification(
            recipient_id=pk,
            kind=kind,
            target_type=target_type,
            target_id=target.pk,
            title=title,
            message=message,
            data=data or {},
            actor_id=actor_id,
            url=url,
            event_key=event_key,
            mail=Notification.Mail.PENDING
            if with_mail and pk in verified and settings_of[pk].wants_mail(kind)
            else Notification.Mail.NONE,
        )
        for pk in recipients
    ]
    Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    pending = list(
        Notification.objects.filter(event_key=event_key, recipient_id__in=recipients, mail=Notification.Mail.PENDING)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(pending), DELIVER_CHUNK):
        enqueue(deliver, pending[start : start + DELIVER_CHUNK])
    return len(rows)


def record_activity(type_, target, *, subjects, event_key, title, at=None):
    """Something happened to ``subjects`` (followable objects), for the digests."""
    with transaction.atomic():  # the activity and its subjects, or nothing (a retry makes both)
        activity, created = Activity.objects.get_or_create(
            event_key=event_key,
            defaults={
                "type": type_,
                "target_type": type_of(target),
                "target_id": target.pk,
                "title": title[:300],
                "url": url_of(target),
                "at": at or timezone.now(),
            },
        )
        if created:
            ActivitySubject.objects.bulk_create(
                [
                    ActivitySubject(activity=activity, target_type=type_of(subject), target_id=subject.pk)
                    for subject in {(type(s), s.pk): s for s in subjects}.values()
                ],
                ignore_conflicts=True,
            )
        return activity


def followers(*objects):
    """The ids of members who follow any of ``objects``."""
    condition = Q(pk__in=[])
    for obj in objects:
        condition |= Q(target_type=type_of(obj), target_id=obj.pk)
    return set(Follow.objects.filter(condition).values_list("user_id", flat=True))


# --- events -------------------------------------------------------------------------------------


@task()
@retried
def case_step(case_id, step, by_id, message, event_key):
    case = Case.objects.filter(pk=case_id).select_related("municipality").first()
    if case is None:
        return 0
    authors = {case.owner_id, *case.co_editors.values_list("pk", flat=True)}
    if step == "submit":
        facilitators = get_user_model().objects.filter(
            Q(groups__name=FACILITATORS_GROUP) | Q(is_staff=True), is_active=True
        )
        ids = set(facilitators.values_list("pk", flat=True))
        return notify(Kind.CASE_SUBMITTED, case, ids, event_key=event_key, title=case.title, exclude=[by_id])
    if step == "send_back":
        return notify(
            Kind.CASE_SENT_BACK, case, authors, event_key=event_key, title=case.title, message=message, exclude=[by_id]
        )
    if step == "publish":
        told = notify(Kind.CASE_PUBLISHED, case, authors, event_key=event_key, title=case.title, exclude=[by_id])
        factors = [link.factor for link in CaseFactor.objects.filter(case=case).select_related("factor")]
        subjects = [case, *case.themes.all(), *factors]
        if case.municipality_id:
            subjects.append(case.municipality)
        record_activity(Activity.Type.CASE, case, subjects=subjects, event_key=f"a-{event_key}", title=case.title)
        for factor in factors:
            record_activity(
                Activity.Type.EVIDENCE,
                factor,
                subjects=[factor],
                event_key=f"a-{event_key}-f{factor.pk}",
                title=factor.name,
            )
        return told
    return 0


@task()
@retried
def reflection_posted(reflection_id):
    reflection = Reflection.objects.filter(pk=reflection_id).select_related("case", "author__profile").first()
    if reflection is None or reflection.hidden:
        return 0
    case = reflection.case
    authors = {case.owner_id, *case.co_editors.values_list("pk", flat=True)}
    return notify(
        Kind.REFLECTION,
        case,
        authors,
        event_key=f"reflection-{reflection.pk}",
        title=case.title,
        data=_actor_data(reflection.author, reflection.perspective),
        actor_id=reflection.author_id,
        exclude=[reflection.author_id],
    )


@task()
@retried
def item_hidden(model, pk, reason, event_key):
    """A facilitator hid a reflection or a contribution: its author hears why."""
    if model == "reflection":
        item = Reflection.objects.filter(pk=pk).select_related("case").first()
        target = item.case if item else None
    else:
        item = Contribution.objects.filter(pk=pk).select_related("meeting").first()
        target = item.meeting if item else None
    if item is None or not item.hidden or item.author_id is None:
        return 0
    return notify(Kind.HIDDEN, target, [item.author_id], event_key=event_key, title=target.title, message=reason)


@task()
@retried
def invitation_sent(invitation_id, invitee_id):
    invitation = (
        CoEditorInvitation.objects.filter(pk=invitation_id).select_related("case", "invited_by__profile").first()
    )
    if invitation is None:
        return 0
    return notify(
        Kind.INVITATION,
        invitation,
        [invitee_id],
        event_key=f"invitation-{invitation.pk}",
        title=invitation.case.title,
        data=_actor_data(invitation.invited_by),
        actor_id=invitation.invited_by_id,
        with_mail=False,
    )


@task()
@retried
def place_from_waitlist(registration_id, event_key):
    registration = Registration.objects.filter(pk=registration_id).select_related("meeting").first()
    if registration is None or registration.status != Registration.Status.REGISTERED:
        return 0
    meeting = registration.meeting
    return notify(
        Kind.WAITLIST, meeting, [registration.user_id], event_key=event_key, title=meeting.title, with_mail=False
    )


@task()
@retried
def harvest_published(meeting_id, by_id, event_key):
    """Those registered or present, and the followers of its series and of the factors it gave evidence."""
    meeting = Meeting.objects.filter(pk=meeting_id).select_related("series").first()
    if meeting is None or meeting.status != Meeting.Status.PUBLISHED:
        return 0
    from_factors = Contribution.objects.filter(meeting=meeting, factor__isnull=False).shown()
    factors = list({c.factor_id: c.factor for c in from_factors.select_related("factor")}.values())
    present = Registration.objects.filter(meeting=meeting).filter(
        Q(status=Registration.Status.REGISTERED) | Q(attended_at__isnull=False)
    )
    subjects = [meeting, *factors] + ([meeting.series] if meeting.series_id else [])
    ids = set(present.values_list("user_id", flat=True)) | followers(*subjects)
    told = notify(Kind.HARVEST, meeting, ids, event_key=event_key, title=meeting.title, exclude=[by_id])
    record_activity(Activity.Type.HARVEST, meeting, subjects=subjects, event_key=f"a-{event_key}", title=meeting.title)
    for factor in factors:
        record_activity(
            Activity.Type.EVIDENCE,
            factor,
            subjects=[factor],
            event_key=f"a-{event_key}-f{factor.pk}",
            title=factor.name,
        )
    return told


@task()
@retried
def term_accepted(version_id):
    version = TermVersion.objects.filter(pk=version_id, status=TermVersion.Status.ACCEPTED).first()
    if version is None:
        return 0
    term = Term.objects.get(pk=version.term_id)
    key = f"term-{version.pk}"
    record_activity(Activity.Type.TERM, term, subjects=[term], event_key=f"a-{key}", title=term.name)
    return notify(Kind.TERM, term, followers(term), event_key=key, title=term.name, exclude=[version.accepted_by_id])


@task()
@retried
def send_reminders(today=None):
    """Registered members of the meetings of tomorrow (run it any number of times a day: once per meeting)."""
    today = timezone.localdate() if today is None else timezone.datetime.fromisoformat(today).date()
    tomorrow = today + timedelta(days=1)
    meetings = Meeting.objects.filter(starts_at__date=tomorrow).exclude(status=Meeting.Status.PUBLISHED)
    told = 0
    for meeting in meetings:
        ids = Registration.objects.filter(meeting=meeting, status=Registration.Status.REGISTERED)
        told += notify(
            Kind.REMINDER,
            meeting,
            ids.values_list("user_id", flat=True),
            event_key=f"reminder-{meeting.pk}-{tomorrow.isoformat()}",
            title=meeting.title,
        )
    return told


# --- mail ---------------------------------------------------------------------------------------


def _message(notification):
    settings_ = mail.settings_for(notification.recipient)
    context = {"notification": notification, "link": mail.absolute(notification.url)}
    attachments = []
    target = notification.target
    if notification.kind in (Kind.REMINDER, Kind.WAITLIST) and isinstance(target, Meeting):
        context["meeting"] = target
        attachments.append(
            (f"{target.slug}.ics", calendar_bytes([target], with_online_link=True), "text/calendar; charset=utf-8")
        )
    with translation.override(settings_.language):
        subject = texts.headline(notification)
        context["headline"], context["detail"] = subject, texts.detail(notification)
    return mail.build(
        notification.recipient,
        kind=notification.kind,
        subject=subject,
        context=context,
        language=settings_.language,
        attachments=attachments,
    )


@task()
@retried
def deliver(notification_ids, attempt=1):
    """Send the pending mails of ``notification_ids``; those that fail are tried again later.

    Each mail is claimed first (its row locked, skipping rows another worker holds, and still pending):
    two deliveries of the same notification (a retry beside the sweep, a task queued twice) send it once.
    """
    pending = list(
        Notification.objects.filter(pk__in=notification_ids, mail=Notification.Mail.PENDING)
        .select_related("recipient", "target_type", "actor__profile")
        .order_by("pk")
    )
    failed, sent = [], 0
    connection = get_connection()
    for notification in pending:
        with transaction.atomic():
            claimed = Notification.objects.select_for_update(skip_locked=True).filter(
                pk=notification.pk, mail=Notification.Mail.PENDING
            )
            if not list(claimed.values_list("pk", flat=True)):
                continue  # sent meanwhile, or being sent by another worker
            try:
                connection.send_messages([_message(notification)])
            except Exception:
                logger.exception("Mail of notification %s could not be sent (attempt %s)", notification.pk, attempt)
                notification.mail_attempts += 1
                gave_up = notification.mail_attempts >= mail.max_attempts()
                notification.mail = Notification.Mail.FAILED if gave_up else Notification.Mail.PENDING
                notification.save(update_fields=["mail", "mail_attempts"])
                if not gave_up:
                    failed.append(notification.pk)
                continue
            notification.mail, notification.mailed_at = Notification.Mail.SENT, timezone.now()
            notification.save(update_fields=["mail", "mailed_at"])
            sent += 1
    if failed:
        retry_later(deliver, attempt, failed)
    return {"sent": sent, "failed": len(failed)}


@task()
@retried
def sweep():
    """Mails still pending after ``SWEEP_AFTER`` (the queue was down, the retries ran out of a backend
    that cannot wait) are queued again."""
    before = timezone.now() - SWEEP_AFTER
    ids = list(
        Notification.objects.filter(mail=Notification.Mail.PENDING, created_at__lt=before)
        .order_by("pk")
        .values_list("pk", flat=True)[:10_000]
    )
    for start in range(0, len(ids), DELIVER_CHUNK):
        enqueue(deliver, ids[start : start + DELIVER_CHUNK])
    return len(ids)
