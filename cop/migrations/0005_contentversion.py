"""The content version that public page caching is keyed on (cop.cache)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("cop", "0004_fill_term_search")]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("version", models.BigIntegerField(default=0)),
                ("changed_at", models.DateTimeField(blank=True, null=True)),
            ],
        ),
    ]
