"""One content version per kind of content instead of one for everything (cop.versions)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("cop", "0006_shared_limits")]

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
    ]
