"""Write all app data, and the list of media files, to one JSON file.

    python manage.py backup_data /backups/www-2026-11-29.json

The file holds ``dumpdata``'s objects (natural keys, so it loads into any freshly
migrated database), their counts per model, the applied migrations and the media
files the rows refer to. The media files themselves are copied separately (see
docs/operations.md). Restore with ``restore_data``. For a large PostgreSQL
production database, ``pg_dump`` is the faster primary backup; this format is
portable (SQLite ↔ PostgreSQL) and checkable.
"""

import json
import os

from django.apps import apps
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import models
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "weten-wat-werkt/backup"
FORMAT_VERSION = 1
# Rebuilt by ``migrate`` (and referred to by natural key) or short-lived: not backed up.
EXCLUDED = ["contenttypes", "auth.permission", "sessions"]


def backed_up_models():
    excluded_apps = {e for e in EXCLUDED if "." not in e}
    excluded_models = {e for e in EXCLUDED if "." in e}
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label not in excluded_apps
        and model._meta.label_lower not in excluded_models
        and not model._meta.proxy
        and model._meta.managed
    ]


def model_counts():
    return {model._meta.label_lower: model._default_manager.count() for model in backed_up_models()}


def media_files():
    """Every file a row refers to, with its size (None when the file is missing)."""
    files = []
    for model in backed_up_models():
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.FileField):
                continue
            names = model._default_manager.exclude(**{field.name: ""}).exclude(**{f"{field.name}__isnull": True})
            for name in names.values_list(field.name, flat=True).iterator():
                size = default_storage.size(name) if default_storage.exists(name) else None
                files.append({"name": name, "size": size, "model": model._meta.label_lower, "field": field.name})
    return sorted(files, key=lambda f: f["name"])


def applied_migrations():
    latest = {}
    for app, name in MigrationRecorder.Migration.objects.values_list("app", "name").order_by("app", "name"):
        latest[app] = name
    return latest


class Command(BaseCommand):
    help = "Write all app data and the list of media files to one JSON file (restore with restore_data)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file to write.")
        parser.add_argument("--force", action="store_true", help="Overwrite the file if it exists.")

    def handle(self, *args, path, force, **options):
        if os.path.exists(path) and not force:
            self.stderr.write(f"{path} exists; pass --force to overwrite it.")
            raise SystemExit(1)
        header = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "migrations": applied_migrations(),
            "counts": model_counts(),
            "media": media_files(),
        }
        tmp = f"{path}.partial"
        with open(tmp, "w", encoding="utf-8") as out:
            # The envelope is written around dumpdata's stream so that large tables are
            # never held in memory twice.
            out.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "objects": ')
            call_command(
                "dumpdata",
                exclude=EXCLUDED,
                natural_foreign=True,
                natural_primary=True,
                stdout=out,
                verbosity=0,
            )
            out.write("}\n")
        os.replace(tmp, path)
        total = sum(header["counts"].values())
        self.stdout.write(
            f"Wrote {total} rows of {len(header['counts'])} models and {len(header['media'])} media names to {path}."
        )
