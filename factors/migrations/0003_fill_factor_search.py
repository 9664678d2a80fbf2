"""Fill the Dutch search document of existing factors (PostgreSQL only)."""

from django.db import migrations

from cop.search import PostgresOnly

# The same weights as Factor.SEARCH_FIELDS.
FILL = """
UPDATE factors_factor SET search_vector =
    setweight(to_tsvector('dutch', coalesce(name, '')), 'A')
    || setweight(to_tsvector('dutch', coalesce(statement, '')), 'B')
    || setweight(to_tsvector('dutch', coalesce(explanation, '')), 'C')
"""


class Migration(migrations.Migration):

    dependencies = [
        ('factors', '0002_factor_search'),
    ]

    operations = [
        PostgresOnly(sql=FILL, reverse_sql=migrations.RunSQL.noop),
    ]
