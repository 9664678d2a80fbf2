"""Fill the searchable text of existing terms from their accepted definitions."""

from html import unescape

from django.db import migrations
from django.utils.html import strip_tags


def fill(apps, schema_editor):
    Term = apps.get_model("cop", "Term")
    TermVersion = apps.get_model("cop", "TermVersion")
    for term in Term.objects.all():
        definitions = (
            TermVersion.objects.filter(term=term, status="accepted").order_by("-number").values_list("definition", flat=True)
        )
        term.definitions_text = "\n".join(" ".join(unescape(strip_tags(d or "")).split()) for d in definitions)
        term.save(update_fields=["definitions_text"])
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "UPDATE cop_term SET search_vector = "
            "setweight(to_tsvector('dutch', coalesce(name, '')), 'A') || "
            "setweight(to_tsvector('dutch', coalesce(definitions_text, '')), 'B')"
        )


class Migration(migrations.Migration):

    dependencies = [
        ('cop', '0003_term_search'),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
