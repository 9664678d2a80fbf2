"""What runs on a schedule: reminders for tomorrow's meetings, the digests and the sweep of pending mail.

Production runs it every hour from cron (README, Deployment); it only enqueues tasks, the workers do
the work. Safe to run as often as you like: reminders are once per meeting, a digest once per day or
week (``DigestRun``), and the sweep only picks up mail that is still pending. With the database queue it
also removes finished tasks older than a day (their arguments may hold a rendered mail).
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from cop.tasks import enqueue
from notifications import digest, tasks
from notifications.models import MailSettings


class Command(BaseCommand):
    help = "Enqueue the reminders, the digests that are due and the sweep of pending mail."

    def add_arguments(self, parser):
        parser.add_argument("--digest", dest="which", choices=["daily", "weekly", "due", "none"], default="due")
        parser.add_argument("--weekday", type=int, default=1, help="ISO weekday of the weekly digest (1 = Monday).")
        parser.add_argument("--hour", type=int, default=7, help="From this local hour on the digests of the day leave.")

    def handle(self, *args, which="due", weekday=1, hour=7, **options):
        now = timezone.localtime()
        enqueue(tasks.send_reminders)
        enqueue(tasks.sweep)
        frequencies = []
        if which in ("daily", "weekly"):
            frequencies = [which]
        elif which == "due" and now.hour >= hour:
            frequencies = [MailSettings.Digest.DAILY]
            if now.isoweekday() == weekday:
                frequencies.append(MailSettings.Digest.WEEKLY)
        for frequency in frequencies:
            enqueue(digest.start_digests, frequency)
        if settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend":
            # Finished tasks keep their arguments (a rendered invitation mail holds its link): keep a day.
            call_command("prune_db_task_results", min_age_days=1, failed_min_age_days=14, verbosity=0)
        self.stdout.write(f"Enqueued: reminders, sweep, digests {', '.join(frequencies) or '—'}")
