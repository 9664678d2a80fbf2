"""Fill the related text (place, partners, themes, factors) of existing cases, and their vectors."""

from django.db import migrations

from cases import search_context
from cop.search import is_postgres, search_vector_expression

# The same weights as Case.SEARCH_FIELDS when this migration was written.
FIELDS = {
    "title": "A",
    "summary": "B",
    "story": "C",
    "pride": "C",
    "what_worked": "C",
    "lessons": "C",
    "search_context": "B",
}


def fill(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    search_context.fill(Case)
    if is_postgres(schema_editor.connection):
        Case.objects.update(search_vector=search_vector_expression(FIELDS))


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0007_find_case_search_context"),
        ("cop", "0007_find_theme_name_en"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
