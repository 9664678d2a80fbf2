"""Load a file written by ``backup_data`` into a migrated, empty database.

    python manage.py migrate
    python manage.py restore_data /backups/www-2026-11-29.json [--dry-run] [--force]

Refuses a database that already holds accounts or content unless ``--force``, which
first wipes every table (``flush``). Everything happens in one transaction: a restore
that fails leaves the database as it was. Afterwards every model's row count is
checked against the counts in the file, and missing media files are listed.
"""

import json
import os
import tempfile

from django.apps import apps
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from cop.search import update_search_vector
from ops.management.commands.backup_data import FORMAT, applied_migrations, model_counts

CONTENT_APPS = ("cop", "factors", "cases", "meetings")


def database_has_content():
    models = [m for m in apps.get_models() if m._meta.app_label in CONTENT_APPS]
    return any(model._default_manager.exists() for model in models)


def wipe():
    """Empty every table (``flush``), also when called inside a transaction that already wrote rows."""
    if connection.vendor == "postgresql":
        # TRUNCATE refuses tables with deferred foreign-key checks still pending.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)


def refresh_search_vectors():
    for model in apps.get_models():
        if getattr(model, "SEARCH_FIELDS", None):
            update_search_vector(model)


class Command(BaseCommand):
    help = "Load a backup_data file into an empty database (--force wipes it first; --dry-run only reports)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="A file written by backup_data.")
        parser.add_argument("--force", action="store_true", help="Wipe ALL data in this database first.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would happen; change nothing.")

    def handle(self, *args, path, force, dry_run, **options):
        backup = self.read(path)
        has_content = database_has_content()
        self.report(backup, has_content, force)
        if dry_run:
            self.stdout.write("Dry run: nothing changed.")
            return
        if has_content and not force:
            raise CommandError(
                "This database already holds accounts or content. Restore into an empty database, or pass --force to wipe it first."
            )
        with transaction.atomic():
            if force:
                wipe()
            with tempfile.TemporaryDirectory() as folder:
                fixture = os.path.join(folder, "backup.json")
                with open(fixture, "w", encoding="utf-8") as out:
                    json.dump(backup["objects"], out, ensure_ascii=False)
                call_command("loaddata", fixture, verbosity=0)
            refresh_search_vectors()
            self.check_counts(backup["counts"])
        missing = [f["name"] for f in backup["media"] if not default_storage.exists(f["name"])]
        if missing:
            self.stderr.write(f"{len(missing)} media files are missing from the media storage; copy them back:")
            for name in missing[:50]:
                self.stderr.write(f"  {name}")
        self.stdout.write(f"Restored {sum(backup['counts'].values())} rows from {path}.")

    def read(self, path):
        try:
            with open(path, encoding="utf-8") as source:
                backup = json.load(source)
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        if backup.get("format") != FORMAT or "objects" not in backup:
            raise CommandError(f"{path} is not a backup_data file.")
        return backup

    def report(self, backup, has_content, force):
        self.stdout.write(
            f"Backup of {backup['created_at']}: {len(backup['objects'])} objects, {len(backup['media'])} media files."
        )
        for label, count in sorted(backup["counts"].items()):
            if count:
                self.stdout.write(f"  {label:<40} {count:>9}")
        mismatched = {app: name for app, name in backup["migrations"].items() if applied_migrations().get(app) != name}
        if mismatched:
            self.stderr.write(f"Warning: the backup was made at other migrations for: {', '.join(sorted(mismatched))}.")
        if has_content:
            self.stdout.write(
                "This database holds data: "
                + ("it will be wiped first (--force)." if force else "restore refused without --force.")
            )
        else:
            self.stdout.write("This database is empty: the backup will be loaded.")

    def check_counts(self, expected):
        actual = model_counts()
        wrong = {label: (count, actual.get(label)) for label, count in expected.items() if actual.get(label) != count}
        if wrong:
            details = ", ".join(
                f"{label}: {want} expected, {got} found" for label, (want, got) in sorted(wrong.items())
            )
            raise CommandError(f"Restore rolled back: row counts differ ({details}).")
