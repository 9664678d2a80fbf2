from django.db import migrations

from cop.search import PostgresOnly


class Migration(migrations.Migration):
    """A GIN index for the Dutch full-text search of cases (PostgreSQL only)."""

    dependencies = [
        ("cases", "0003_partner_name_snapshot"),
    ]

    operations = [
        PostgresOnly(
            "CREATE INDEX IF NOT EXISTS case_search_vector_gin ON cases_case USING GIN (search_vector);",
            "DROP INDEX IF EXISTS case_search_vector_gin;",
        ),
        PostgresOnly(
            # Fill the vector for cases that already exist (seeded or imported before this migration).
            "UPDATE cases_case SET search_vector = "
            "setweight(to_tsvector('dutch', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('dutch', coalesce(summary, '')), 'B') || "
            "setweight(to_tsvector('dutch', coalesce(story, '')), 'C') || "
            "setweight(to_tsvector('dutch', coalesce(pride, '')), 'C') || "
            "setweight(to_tsvector('dutch', coalesce(what_worked, '')), 'C') || "
            "setweight(to_tsvector('dutch', coalesce(lessons, '')), 'C');",
            migrations.RunSQL.noop,
        ),
    ]
