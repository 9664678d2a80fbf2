"""The member's copy of their data as one ZIP: gegevens.json, overzicht.html and their photos.

``gegevens.json`` is the machine-readable copy (``privacy.accounts.collect_member_data``:
readable section names and a legend of them); ``overzicht.html`` shows the same data
to a person, one heading per kind, with the labels of the models' own (Dutch) field
names. The overview is self-contained: styles inline, no scripts, no external
images; the photos beside it in ``fotos/`` are shown from there. Everything in it is
escaped by the template, so nothing the member or others typed runs when it is opened.
"""

import io
import json
import re
import zipfile
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cop.models import Profile
from cop.richtext import RichTextField, plain_text
from privacy.accounts import collect_member_data

DATA_NAME = "gegevens.json"
OVERVIEW_NAME = "overzicht.html"
ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?)?$")
ACCOUNT_LABELS = {
    "email": gettext_lazy("E-mailadres"),
    "date_joined": gettext_lazy("Lid sinds"),
    "last_login": gettext_lazy("Laatst ingelogd"),
    "is_active": gettext_lazy("Account actief"),
    "is_staff": gettext_lazy("Toegang tot het beheer"),
    "groups": gettext_lazy("Groepen"),
}


def _shown(value):
    """A value of gegevens.json as text for people."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, list):
        return ", ".join(_shown(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, indent=1)
    if isinstance(value, str) and ISO_MOMENT.match(value):
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        if "T" not in value:
            return formats.date_format(moment, "DATE_FORMAT")
        return formats.date_format(
            timezone.localtime(moment) if timezone.is_aware(moment) else moment, "DATETIME_FORMAT"
        )
    return str(value)


class _Fields:
    """How the rows of one model read: labels from the fields' names, choices by their names, rich text as text."""

    EXTRA = {"id": gettext_lazy("Nummer"), "url": gettext_lazy("Adres op de site")}

    def __init__(self, model):
        fields = [field for field in model._meta.get_fields() if hasattr(field, "verbose_name")]
        self.labels = {**{field.name: self._label(field) for field in fields}, **self.EXTRA}
        self.choices = {field.name: dict(field.flatchoices) for field in fields if getattr(field, "choices", None)}
        self.rich = {field.name for field in fields if isinstance(field, RichTextField)}

    @staticmethod
    def _label(field):
        if field.verbose_name == field.name and field.related_model is get_user_model():
            return _("Account")  # a relation without a (Dutch) name of its own, such as Profile.user
        return capfirst(str(field.verbose_name))

    def value(self, key, value):
        if key in self.choices and isinstance(value, str | int):
            value = self.choices[key].get(value, value)
        if key in self.rich and isinstance(value, str):
            value = plain_text(value)
        return _shown(value)

    def rows(self, rows):
        return [
            {
                "fields": [
                    (self.labels.get(key, key), self.value(key, value), key == "url")
                    for key, value in row.items()
                    if key != "file"
                ],
                "photo": row.get("file"),
                "alt": row.get("alt_text") or "",
            }
            for row in rows
        ]


def overview_context(export):
    data = export.data
    sections = [
        {"name": name, "title": title, "rows": _Fields(model).rows(data[name])}
        for name, title, model in export.sections
    ]
    profile = data["profile"]
    avatar = next((f["path"] for f in data["files"] if f["section"] == "profile"), None)
    return {
        "data": data,
        "exported_at": _shown(data["exported_at"]),
        "account": [(ACCOUNT_LABELS.get(key, key), _shown(value)) for key, value in data["account"].items()],
        "profile": _Fields(Profile).rows([profile])[0] if profile else None,
        "avatar": avatar,
        "sections": sections,
        "filled": [section for section in sections if section["rows"]],
    }


def member_zip(user):
    """The ZIP of ``user``'s data, as bytes."""
    export = collect_member_data(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(DATA_NAME, json.dumps(export.data, ensure_ascii=False, indent=2))
        archive.writestr(OVERVIEW_NAME, render_to_string("privacy/export_overview.html", overview_context(export)))
        for path, name in export.files:
            try:
                with default_storage.open(name, "rb") as photo:
                    # Photos are compressed already.
                    archive.writestr(path, photo.read(), compress_type=zipfile.ZIP_STORED)
            except OSError:
                continue  # the file is gone from storage: gegevens.json still names it
    return buffer.getvalue()
