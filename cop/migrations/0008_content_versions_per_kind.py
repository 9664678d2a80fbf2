"""One content version per kind of content instead of one for everything (cop.versions)."""

from django.db import migrations, models

# cop.versions.KINDS when this migration was written; a kind added later gets its row on its first bump.
KINDS = ("factors", "cases", "reflections", "meetings", "seats", "glossary", "people", "site")


def add_kinds(apps, schema_editor):
    ContentVersion = apps.get_model("cop", "ContentVersion")  # noqa: N806 (a model class)
    ContentVersion.objects.bulk_create([ContentVersion(kind=kind, version=1) for kind in KINDS], ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("cop", "0007_find_theme_name_en")]

    operations = [
        # The old single number has no meaning per kind: every kind starts again (pages are rendered anew).
        migrations.DeleteModel(name="ContentVersion"),
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                ("kind", models.CharField(max_length=20, primary_key=True, serialize=False)),
                ("version", models.BigIntegerField(default=0)),
                ("changed_at", models.DateTimeField(blank=True, null=True)),
            ],
        ),
        # One row per kind, so that raising a version is always one UPDATE.
        migrations.RunPython(add_kinds, migrations.RunPython.noop),
    ]
