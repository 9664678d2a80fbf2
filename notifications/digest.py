"""Digests: one mail per member grouping what happened in what they follow, daily or weekly.

A run is a handful of tasks however many members there are: ``start_digests`` makes the run (its key
is the day or the ISO week, so starting it twice does nothing the second time) and queues one
``digest_batch`` per ``BATCH`` members. A batch reads the follows, the activities and the verified
addresses of all its members in a few queries, claims a ``DigestDelivery`` per member (its row locked,
skipping rows another worker holds) and sends the mails over one connection, marking each one sent. A
batch run twice, or beside a retry of itself, skips the members it mailed; a batch that fails halfway
keeps what it sent and is retried for the rest (``cop.tasks.retried``).
"""

import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import ngettext
from django_tasks import task

from cop.tasks import enqueue, retried
from notifications import mail
from notifications.models import Activity, ActivitySubject, DigestDelivery, DigestRun, Follow, Kind, MailSettings
from notifications.targets import visible_ids

logger = logging.getLogger(__name__)
BATCH = 500
PERIOD = {MailSettings.Digest.DAILY: timedelta(days=1), MailSettings.Digest.WEEKLY: timedelta(days=7)}
# The sections of a digest, in this order.
SECTIONS = [Activity.Type.CASE, Activity.Type.HARVEST, Activity.Type.EVIDENCE, Activity.Type.TERM]


def run_key(frequency, now):
    local = timezone.localtime(now)
    if frequency == MailSettings.Digest.DAILY:
        return f"daily:{local.date().isoformat()}"
    year, week, _day = local.isocalendar()
    return f"weekly:{year}-W{week:02d}"


def recipients(frequency):
    """Ids of active members who follow something and chose ``frequency`` (weekly when they never chose)."""
    users = get_user_model().objects.filter(is_active=True, follows__isnull=False)
    if frequency == MailSettings.Digest.WEEKLY:
        users = users.filter(Q(mail_settings__isnull=True) | Q(mail_settings__digest=frequency))
    else:
        users = users.filter(mail_settings__digest=frequency)
    return list(users.order_by("pk").values_list("pk", flat=True).distinct())


@task()
@retried
def start_digests(frequency=MailSettings.Digest.WEEKLY, now=None):
    """Start the ``frequency`` digest of this day or week: ``BATCH`` members per task.

    The run counts its batches once they are all queued: a start that failed before (the queue was
    down) queues them again when retried; the batches themselves never mail anyone twice."""
    now = timezone.now() if now is None else timezone.datetime.fromisoformat(now)
    run, created = DigestRun.objects.get_or_create(
        key=run_key(frequency, now), defaults={"frequency": frequency, "since": now - PERIOD[frequency]}
    )
    if not created and run.batches:
        logger.info("Digest run %s was started before; nothing to do", run.key)
        return 0
    ids = recipients(frequency)
    batches = [ids[start : start + BATCH] for start in range(0, len(ids), BATCH)]
    for batch in batches:
        if enqueue(digest_batch, run.pk, batch) is None:
            raise RuntimeError(f"Digest run {run.key}: a batch could not be queued")
    DigestRun.objects.filter(pk=run.pk).update(batches=len(batches))
    return len(batches)


def _follows_by_user(user_ids):
    found = {}
    for user_id, type_id, target_id in Follow.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "target_type_id", "target_id"
    ):
        found.setdefault(user_id, set()).add((type_id, target_id))
    return found


def _activities_by_subject(follows, since, until):
    """(type id, object id) of a followed thing → the activities about it between ``since`` and ``until``."""
    by_type = {}
    for keys in follows.values():
        for type_id, target_id in keys:
            by_type.setdefault(type_id, set()).add(target_id)
    if not by_type:
        return {}, {}
    condition = Q()
    for type_id, ids in by_type.items():
        condition |= Q(target_type_id=type_id, target_id__in=ids)
    subjects = ActivitySubject.objects.filter(condition, activity__at__gt=since, activity__at__lte=until)
    activities, by_subject = {}, {}
    for subject in subjects.select_related("activity"):
        activities[subject.activity_id] = subject.activity
        by_subject.setdefault((subject.target_type_id, subject.target_id), set()).add(subject.activity_id)
    return activities, by_subject


def _public_pairs(activities):
    """The activities' objects anyone may see (``public()``): no per-member check needed for them."""
    by_type = {}
    for activity in activities.values():
        by_type.setdefault(activity.target_type_id, set()).add(activity.target_id)
    public = set()
    for type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        manager = model.objects
        queryset = manager.public() if hasattr(manager, "public") else manager.all()
        public.update((type_id, pk) for pk in queryset.filter(pk__in=ids).values_list("pk", flat=True))
    return public


def items_for(user, keys, activities, by_subject, since, public):
    """What ``user`` gets: the activities about what they follow after ``since`` that they may see, newest first."""
    chosen = {}
    for key in keys:
        for activity_id in by_subject.get(key, ()):
            activity = activities[activity_id]
            if activity.at > since:
                chosen[activity_id] = activity
    pairs = {(a.target_type_id, a.target_id) for a in chosen.values()}
    private = pairs - public
    allowed = public | (visible_ids(user, private) if private else set())
    shown = [a for a in chosen.values() if (a.target_type_id, a.target_id) in allowed]
    return sorted(shown, key=lambda a: (a.at, a.pk), reverse=True)


def grouped(items):
    labels = dict(Activity.Type.choices)
    return [
        {"type": type_, "label": labels[type_], "items": [a for a in items if a.type == type_]}
        for type_ in SECTIONS
        if any(a.type == type_ for a in items)
    ]


def digest_message(user, items, settings_, run, rendered=None):
    with translation.override(settings_.language):
        count = len(items)
        subject = ngettext(
            "Wat je volgt: %(count)s nieuw bericht", "Wat je volgt: %(count)s nieuwe berichten", count
        ) % {"count": count}
        sections = [
            {"label": str(section["label"]), "items": [(a.title, mail.absolute(a.url)) for a in section["items"]]}
            for section in grouped(items)
        ]
    return mail.build(
        user,
        kind=Kind.DIGEST,
        subject=subject,
        context={"template": "digest", "sections": sections, "frequency": run.frequency},
        language=settings_.language,
        rendered=rendered,
        same_as=(run.frequency, tuple(a.pk for a in items)),
    )


@task()
@retried
def digest_batch(run_id, user_ids):
    """The digests of one batch of members; members who got this run's digest already are skipped."""
    run = DigestRun.objects.get(pk=run_id)
    done = set(
        DigestDelivery.objects.filter(run=run, user_id__in=user_ids, sent_at__isnull=False).values_list(
            "user_id", flat=True
        )
    )
    users = [
        user
        for user in get_user_model().objects.filter(pk__in=user_ids, is_active=True).order_by("pk")
        if user.pk not in done
    ]
    if not users:
        return 0
    settings_of = mail.settings_by_user([u.pk for u in users])
    verified = mail.verified_user_ids(users)
    follows = _follows_by_user([u.pk for u in users])
    since_of = {u.pk: settings_of[u.pk].last_digest_at or run.since for u in users}
    activities, by_subject = _activities_by_subject(follows, min(since_of.values()), run.started_at)
    public = _public_pairs(activities)
    outgoing = []
    for user in users:
        settings_ = settings_of[user.pk]
        if user.pk not in verified or not settings_.wants_mail(Kind.DIGEST):
            continue
        items = items_for(user, follows.get(user.pk, ()), activities, by_subject, since_of[user.pk], public)
        if items:  # an empty digest is not sent
            outgoing.append((user, items, settings_))
    if not outgoing:
        return 0
    DigestDelivery.objects.bulk_create(
        [DigestDelivery(run=run, user=user, items=len(items)) for user, items, _s in outgoing], ignore_conflicts=True
    )
    sent, failure = [], None
    with transaction.atomic():
        # Claim: another worker running this batch (a duplicate, a retry) holds its rows and we skip them.
        claimed = set(
            DigestDelivery.objects.select_for_update(skip_locked=True)
            .filter(run=run, user_id__in=[u.pk for u, _i, _s in outgoing], sent_at__isnull=True)
            .values_list("user_id", flat=True)
        )
        rendered = {}  # members who follow the same things get the same digest: render it once
        with get_connection() as connection:
            for user, items, settings_ in outgoing:
                if user.pk not in claimed:
                    continue
                try:
                    connection.send_messages([digest_message(user, items, settings_, run, rendered)])
                except Exception as error:  # the rest waits for the retry; what was sent stays sent
                    failure = error
                    break
                sent.append(user.pk)
        DigestDelivery.objects.filter(run=run, user_id__in=sent).update(sent_at=timezone.now())
        existing = set(MailSettings.objects.filter(user_id__in=sent).values_list("user_id", flat=True))
        MailSettings.objects.bulk_create(
            [MailSettings(user_id=pk, last_digest_at=run.started_at) for pk in sent if pk not in existing]
        )
        MailSettings.objects.filter(user_id__in=existing).update(last_digest_at=run.started_at)
    if failure is not None:
        raise failure
    return len(sent)
