"""Bench of the notifications (issue 16): what queuing costs a request, and how long a digest takes.

    bench/notify.py publish --out FILE   publishing a harvest that 10,000 members follow, through the app
                                         (Django's test client on the bench database), with and without
                                         the notification receivers: the added milliseconds (target ≤ 20)
    bench/notify.py digest --out FILE    the weekly digest for those 10,000 members, its batches run in
                                         this process one after the other (target: under 2 minutes, a
                                         bounded number of tasks, nothing sent twice when run again)
    bench/notify.py report FILE…         print the targets of the files

Run from bench/run after scale L, or alone on any database with generated data: ``bench/notify-run``
starts its own PostgreSQL (BENCH_PGPORT), generates scale L (BENCH_NOTIFY_SCALE) and runs both steps.
Mail goes to Django's in-memory backend: what is measured is our work, not an SMTP server.
"""

import argparse
import json
import math
import os
import statistics
import sys
import time
from pathlib import Path

FOLLOWERS = 10_000
PUBLISH_ROUNDS = 15
PUBLISH_TARGET_MS = 20
DIGEST_TARGET_SECONDS = 120


def setup(backend):
    """Django on the bench database, with the tasks on ``backend`` (the bench sets the rest of the env)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["TASKS_BACKEND"] = backend
    os.environ["MFA_REQUIRED_FOR_FACILITATORS"] = "0"
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    import django

    django.setup()


def followed_meeting():
    """A meeting with clustered contributions, closed (ready to publish), and 10,000 members following its
    busiest factor. Returns (meeting, factor, facilitator, members)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.db.models import Count

    from cop.roles import FACILITATORS_GROUP
    from meetings import services
    from meetings.models import Contribution, Meeting
    from notifications.models import Follow
    from notifications.targets import type_of

    candidates = Meeting.objects.filter(visibility="public", status__in=["published", "closed"])
    meeting = candidates.annotate(n=Count("contributions", distinct=True)).filter(n__gt=0).order_by("-n", "pk").first()
    facilitator = get_user_model().objects.filter(groups__name=FACILITATORS_GROUP, is_active=True).first()
    if meeting.status == "published":
        services.unpublish_harvest(meeting, by=facilitator)
    clustered = Contribution.objects.filter(meeting=meeting, factor__isnull=False, hidden=False)
    factor_id = clustered.values("factor").annotate(n=Count("id")).order_by("-n").values_list("factor", flat=True)[0]
    factor = clustered.filter(factor_id=factor_id).first().factor
    users = get_user_model().objects.filter(is_active=True, is_staff=False).exclude(groups__name=FACILITATORS_GROUP)
    missing = FOLLOWERS - users.count()
    if missing > 0:  # scale L has 10,000 accounts, some of them facilitators: top up with verified members
        made = get_user_model().objects.bulk_create(
            [get_user_model()(email=f"volger{n}@bench.invalid", password="!") for n in range(missing)]
        )
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in made]
        )
    members = list(users.order_by("pk").values_list("pk", flat=True)[:FOLLOWERS])
    Follow.objects.bulk_create(
        [Follow(user_id=pk, target_type=type_of(factor), target_id=factor.pk) for pk in members],
        ignore_conflicts=True,
        batch_size=2000,
    )
    return meeting, factor, facilitator, members


def measure_publish(out):
    setup("database")
    from django.test import Client
    from django.urls import reverse
    from django_tasks_db.models import DBTaskResult

    from meetings.signals import harvest_published
    from notifications import events
    from portal import tasks as portal_tasks

    meeting, factor, facilitator, members = followed_meeting()
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(facilitator)
    publish = reverse("meetings:publish", args=[meeting.slug])
    unpublish = reverse("meetings:unpublish", args=[meeting.slug])
    receivers = [
        (events.on_harvest, "notifications-on_harvest"),
        (portal_tasks.on_harvest_published, "portal-harvest-poster"),
    ]

    def once():
        started = time.perf_counter()
        response = client.post(publish, {"bevestigd": "1"})  # the confirmed step, not the question
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 302, response.status_code
        meeting.refresh_from_db()
        assert meeting.status == "published", meeting.status
        assert client.post(unpublish).status_code == 302
        return elapsed

    once()  # warm: connections, templates, the first content version
    timings = {"queued": [], "nothing queued": []}
    queued_tasks = []
    for _round in range(PUBLISH_ROUNDS):
        for _receiver, uid in receivers:
            harvest_published.disconnect(dispatch_uid=uid)
        timings["nothing queued"].append(once())
        for receiver, uid in receivers:
            harvest_published.connect(receiver, dispatch_uid=uid)
        before = DBTaskResult.objects.count()
        timings["queued"].append(once())
        queued_tasks.append(DBTaskResult.objects.count() - before)
    medians = {name: statistics.median(values) for name, values in timings.items()}
    paired = [q - n for q, n in zip(timings["queued"], timings["nothing queued"], strict=True)]
    # What the request adds is exactly what the receivers do after the commit: time them alone too,
    # on the same meeting (publishing leaves it published for this, then closed again).
    from django.db import transaction

    from meetings import services

    services.publish_harvest(meeting, by=facilitator)
    meeting.refresh_from_db()
    receiver_ms = []
    for _round in range(30):
        started = time.perf_counter()
        with transaction.atomic():
            harvest_published.send(sender=type(meeting), meeting=meeting, by=facilitator)
        receiver_ms.append((time.perf_counter() - started) * 1000)
    services.unpublish_harvest(meeting, by=facilitator)
    result = {
        "followers": len(members),
        "meeting": meeting.slug,
        "factor": factor.name,
        "rounds": PUBLISH_ROUNDS,
        "median_ms": {name: round(value, 2) for name, value in medians.items()},
        "added_ms": round(statistics.median(paired), 2),
        "receivers_ms": round(statistics.median(receiver_ms), 2),
        "receivers_p95_ms": round(sorted(receiver_ms)[int(len(receiver_ms) * 0.95) - 1], 2),
        "tasks_queued_per_publish": max(queued_tasks),
    }
    Path(out).write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


def measure_digest(out):
    setup("immediate")
    from django.core import mail
    from django.utils import timezone
    from django_tasks.signals import task_enqueued

    from notifications import digest, tasks
    from notifications.models import Activity, DigestRun, MailSettings

    meeting, factor, _facilitator, members = followed_meeting()
    now = timezone.now()
    tasks.record_activity(
        Activity.Type.HARVEST, meeting, subjects=[meeting, factor], event_key=f"bench-h-{now:%s}", title=meeting.title
    )
    tasks.record_activity(
        Activity.Type.EVIDENCE, factor, subjects=[factor], event_key=f"bench-e-{now:%s}", title=factor.name
    )
    DigestRun.objects.filter(key=digest.run_key("weekly", now)).delete()
    MailSettings.objects.filter(user_id__in=members).update(last_digest_at=None)
    enqueued = []
    task_enqueued.connect(lambda sender, task_result, **kw: enqueued.append(task_result.task.name), weak=False)
    mail.outbox = []
    started = time.perf_counter()
    batches = digest.start_digests.call("weekly")
    seconds = time.perf_counter() - started
    sent = len(mail.outbox)
    mail.outbox = []
    again = digest.start_digests.call("weekly")
    result = {
        "members_following": len(members),
        "seconds": round(seconds, 1),
        "batches": batches,
        "batch_size": digest.BATCH,
        "tasks": 1 + len(enqueued),
        "mails": sent,
        "second_run_batches": again,
        "second_run_mails": len(mail.outbox),
    }
    Path(out).write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


def judge_notify(publish, digest_result, judge):
    """The targets of issue 16, for bench/report.py's list (``judge(name, met, detail)``)."""
    if publish:
        judge(
            f"notifications: publishing a harvest followed by {publish['followers']:,} members adds "
            f"≤ {PUBLISH_TARGET_MS} ms to the request (the work is queued)",
            publish["receivers_ms"] <= PUBLISH_TARGET_MS,
            f"+{publish['receivers_ms']} ms (p95 {publish['receivers_p95_ms']} ms): the receivers that queue the "
            f"work, timed alone; whole request {publish['median_ms']['queued']} ms queued vs "
            f"{publish['median_ms']['nothing queued']} ms without (median of paired differences "
            f"{publish['added_ms']} ms); {publish['tasks_queued_per_publish']} tasks queued",
        )
    if digest_result:
        bound = 1 + math.ceil(digest_result["members_following"] / digest_result["batch_size"])
        judge(
            f"notifications: the weekly digest for {digest_result['members_following']:,} members in under "
            f"{DIGEST_TARGET_SECONDS // 60} minutes with a bounded number of tasks, nothing twice",
            digest_result["seconds"] < DIGEST_TARGET_SECONDS
            and digest_result["tasks"] <= bound
            and digest_result["second_run_mails"] == 0,
            f"{digest_result['seconds']} s, {digest_result['tasks']} tasks (bound {bound}), "
            f"{digest_result['mails']:,} mails; run again: {digest_result['second_run_mails']} mails",
        )


def report(paths):
    found = {}
    for path in paths:
        if Path(path).exists():
            data = json.loads(Path(path).read_text())
            found["publish" if "added_ms" in data else "digest"] = data
    targets = []
    judge_notify(
        found.get("publish"), found.get("digest"), lambda name, met, detail="": targets.append((name, met, detail))
    )
    for name, met, detail in targets:
        print(f"[{'met' if met else 'NOT MET'}] {name}: {detail}")
    return all(met for _name, met, _detail in targets)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("publish", "digest"):
        commands.add_parser(name).add_argument("--out", required=True)
    commands.add_parser("report").add_argument("files", nargs="+")
    args = parser.parse_args()
    if args.command == "publish":
        measure_publish(args.out)
    elif args.command == "digest":
        measure_digest(args.out)
    else:
        sys.exit(0 if report(args.files) else 1)


if __name__ == "__main__":
    main()
