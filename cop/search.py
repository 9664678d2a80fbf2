"""Dutch full-text search, shared by the apps.

On PostgreSQL every searchable model keeps a ``search_vector`` column (a
``SearchVectorField``) filled with weighted ``to_tsvector('dutch', …)`` and backed
by a GIN index; queries use ``websearch_to_tsquery('dutch', …)`` and are ranked.
On SQLite (the zero-setup quick start) the same calls fall back to matching every
word with ``icontains`` over the same fields, ranked by the weights of the fields
the words occur in: simpler (no stemming), but it still finds words.

A model opts in with ``SEARCH_FIELDS = {"title": "A", "summary": "B", ...}`` and
calls ``update_search_vector(type(self), [self.pk])`` after saving (bulk loaders
call it once for all rows). Its migration creates the GIN index with
``PostgresOnly(RunSQL(...))``.
"""

from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, migrations
from django.db.models import Case, ExpressionWrapper, F, IntegerField, Q, TextField, Value, When
from django.db.models.functions import Coalesce, Greatest, Left, Length

SEARCH_CONFIG = "dutch"
# The SQLite fallback's weights of the fields' classes A–D (PostgreSQL: 1, 0.4, 0.2, 0.1).
FALLBACK_WEIGHTS = {"A": 10, "B": 4, "C": 2, "D": 1}


def is_postgres(conn=None):
    return (conn or connection).vendor == "postgresql"


# PostgreSQL refuses a tsvector over 1 MB ("string is too long for tsvector"), and a story
# of many distinct words gets there. The worst text measured (short distinct words of 4-byte
# characters) makes about 5.2 bytes of tsvector per character, so at most this many
# characters of a row go into its vector: the fields in order (title, summary, then the long
# texts), each taking what the fields before it left. A longer story is still saved and is
# found by its beginning.
SEARCH_TEXT_BUDGET = 100_000


def search_vector_expression(fields):
    """Weighted Dutch tsvector over ``fields`` ({name: weight}), at most SEARCH_TEXT_BUDGET characters."""
    vectors = []
    used = Value(0)
    for name, weight in fields.items():
        text = Coalesce(F(name), Value(""), output_field=TextField())
        # GREATEST(0, …): LEFT() with a negative length would keep all but the last characters.
        room = Greatest(Value(0), Value(SEARCH_TEXT_BUDGET) - used)
        vectors.append(SearchVector(Left(text, room), weight=weight, config=SEARCH_CONFIG))
        used = used + Length(text)
    return reduce(lambda a, b: a + b, vectors)


def update_search_vector(model, pks=None):
    """Refresh the search documents of ``pks`` (all rows when None): what bulk loaders call.

    A model whose document also holds text of related rows (a case's place, partners,
    themes and factors) rebuilds that text first, on every database, with its
    ``fill_search_context(pks)``; then the vector is written (PostgreSQL only).
    """
    fill = getattr(model, "fill_search_context", None)
    if fill is not None:
        fill(pks)
    write_search_vector(model, pks)


def write_search_vector(model, pks=None):
    """Write ``search_vector`` of ``pks`` (all rows when None) from the stored fields. No-op outside PostgreSQL."""
    if not is_postgres():
        return
    queryset = model._default_manager.all()
    if pks is not None:
        queryset = queryset.filter(pk__in=list(pks))
    queryset.update(search_vector=search_vector_expression(model.SEARCH_FIELDS))


def words_of(query):
    """The words a visitor typed, without search operators (at most eight): the SQLite fallback's terms."""
    return [word.lstrip("-") for word in query.replace('"', " ").split() if word not in {"OR", "or", "-"}][:8]


def ts_query(query):
    """``query`` as PostgreSQL's ``websearch_to_tsquery`` with the Dutch configuration."""
    return SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")


def word_filter(words, fields):
    """Every one of ``words`` (not empty) occurs in at least one of ``fields`` (the SQLite fallback)."""
    return reduce(and_, [reduce(or_, [Q(**{f"{name}__icontains": word}) for name in fields]) for word in words])


def search(queryset, query, *, rank=True):
    """Filter ``queryset`` by ``query``; ranked by relevance on PostgreSQL (``search_rank``)."""
    query = (query or "").strip()
    if not query:
        return queryset.none()
    model = queryset.model
    if is_postgres():
        ts = ts_query(query)
        queryset = queryset.filter(search_vector=ts)
        if rank:
            queryset = queryset.annotate(search_rank=SearchRank(F("search_vector"), ts)).order_by("-search_rank", "-pk")
        return queryset
    words = words_of(query)
    if not words:
        return queryset.none()
    queryset = queryset.filter(word_filter(words, model.SEARCH_FIELDS))
    if rank:
        # Weigh where each word occurs as PostgreSQL's weights do (A > B > C > D), so that a
        # word in a title comes before the same word deep in a story.
        score = sum(
            (
                Case(When(Q(**{f"{name}__icontains": word}), then=Value(FALLBACK_WEIGHTS[weight])), default=Value(0))
                for name, weight in model.SEARCH_FIELDS.items()
                for word in words
            ),
            start=Value(0),
        )
        queryset = queryset.annotate(search_rank=ExpressionWrapper(score, output_field=IntegerField())).order_by(
            "-search_rank", "-pk"
        )
    return queryset


class PostgresOnly(migrations.RunSQL):
    """A RunSQL that runs only on PostgreSQL (GIN indexes, triggers); a no-op on SQLite."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if is_postgres(schema_editor.connection):
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if is_postgres(schema_editor.connection):
            super().database_backwards(app_label, schema_editor, from_state, to_state)
