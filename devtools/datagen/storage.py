"""Writing to and clearing the database: timestamps kept on bulk insert, COPY, delete, ANALYZE."""

import io
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from uuid import UUID

from allauth.account.models import EmailAddress
from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone

from cases.models import Case
from cop.models import Profile, User
from cop.search import update_search_vector
from factors.models import Factor
from meetings.models import Meeting

from .plans import GENERATED_EMAIL_DOMAIN

# The auto-created many-to-many models.
UserGroup = User.groups.through
FactorTheme = Factor.themes.through
CaseTheme = Case.themes.through
CaseCoEditor = Case.co_editors.through
MeetingFacilitator = Meeting.facilitators.through
MeetingCase = Meeting.presented_cases.through
MeetingTermVersion = Meeting.agreed_term_versions.through


@contextmanager
def keep_given_timestamps(model_classes):
    """Let bulk inserts keep the ``auto_now``/``auto_now_add`` values we set (history spread over years).

    A field left empty still gets "now", as on a normal save.
    """
    patched = []
    for model in model_classes:
        for field in model._meta.concrete_fields:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):

                def pre_save(obj, add, _field=field):
                    value = getattr(obj, _field.attname)
                    if value is None:
                        value = timezone.now()
                        setattr(obj, _field.attname, value)
                    return value

                field.pre_save = pre_save
                patched.append(field)
    try:
        yield
    finally:
        for field in patched:
            del field.pre_save


def content_models():
    """Every model of the community's content: all of meetings, cases, factors and cop but accounts.

    Models the apps add later are included without changing this module. The database
    checks foreign keys at commit, so the order of deleting does not matter.
    """
    return [
        model
        for label in ("meetings", "cases", "factors", "cop")
        for model in apps.get_app_config(label).get_models()
        if model not in (User, Profile)
    ]


def has_generated_data():
    return User.objects.filter(email__endswith="@" + GENERATED_EMAIL_DOMAIN).exists()


def has_other_content():
    """Community content that was not generated, such as the demo of ``make run`` (``seed_demo``)."""
    return any(
        model._default_manager.exists()
        for model in content_models()
        if model._meta.label in ("cop.Municipality", "cop.Theme", "cases.Case", "factors.Factor", "meetings.Meeting")
    )


def _copy_value(value):
    """One value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (int, float, Decimal, date, UUID)):  # datetime is a date
        return str(value)
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    raise TypeError(f"COPY of {type(value).__name__} is not supported")


def copy_insert(model, objs, chunk=20_000):
    """Insert ``objs`` with COPY (PostgreSQL): about twice as fast as INSERT, but no ids come back.

    Each value goes through the field's ``pre_save`` and ``get_db_prep_save``, as
    with ``bulk_create``, so defaults, sanitising and timestamps work the same.
    """
    fields = [f for f in model._meta.concrete_fields if not (f.primary_key and f.db_returning)]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor:
        for start in range(0, len(objs), chunk):
            buffer = io.StringIO()
            for obj in objs[start : start + chunk]:
                values = (_copy_value(f.get_db_prep_save(f.pre_save(obj, True), connection)) for f in fields)
                buffer.write("\t".join(values))
                buffer.write("\n")
            buffer.seek(0)
            cursor.cursor.copy_expert(sql, buffer)


def content_tables():
    """The tables of ``content_models()`` and of their many-to-many fields."""
    tables = []
    for model in content_models():
        for field in model._meta.local_many_to_many:
            if field.remote_field.through._meta.auto_created:
                tables.append(field.remote_field.through._meta.db_table)
        tables.append(model._meta.db_table)
    return tables


def delete_content():
    """Remove all community content and the generated members (for ``--force``).

    One plain DELETE per table: the ORM's cascade collector would fetch hundreds of
    thousands of rows first. Members who were not generated stay, without organisation.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        Profile.objects.exclude(organisation=None).update(organisation=None)
        for table in content_tables():
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
        User.objects.filter(email__endswith="@" + GENERATED_EMAIL_DOMAIN).delete()


def analyze():
    """Fresh planner statistics after a bulk load (PostgreSQL), so that queries get good plans at once."""
    if connection.vendor != "postgresql":
        return
    tables = content_tables() + [m._meta.db_table for m in (User, Profile, EmailAddress, UserGroup)]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def update_search_vectors():
    """One UPDATE per searchable model (a no-op outside PostgreSQL)."""
    updated = []
    for model in content_models():
        if hasattr(model, "SEARCH_FIELDS") and any(f.name == "search_vector" for f in model._meta.fields):
            update_search_vector(model)
            updated.append(model._meta.label)
    return updated
