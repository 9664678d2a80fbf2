"""Helpers of the case tests: POST data for the case form, a small form reader, images."""

import io
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

FORMSETS = ("factors", "partners", "links", "images")


def case_data(**fields):
    """Valid POST data for a new case, without inline rows; keyword arguments override or add keys."""
    data = {
        "title": "Kenniskwartier Arnhem",
        "summary": "Studenten krijgen een leerwerkplek in de wijk.",
        "story": "<p>In het Kenniskwartier werken studenten samen met bewoners aan hun buurt.</p>",
        "stage": "running",
        "perspective": "onderwijs",
        "visibility": "public",
    }
    for prefix in FORMSETS:
        data.update(management(prefix, total=0))
    data.update(fields)
    return data


def management(prefix, *, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def rows(prefix, items, *, initial=0):
    """Formset rows: ``items`` is a list of dicts (field → value)."""
    data = management(prefix, total=len(items), initial=initial)
    for index, item in enumerate(items):
        for key, value in item.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


class _FormReader(HTMLParser):
    """Reads the values a browser would send back from the form with ``marker`` in its class."""

    def __init__(self, marker):
        super().__init__()
        self.marker, self.depth, self.values = marker, 0, {}
        self._textarea, self._select, self._option = None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.marker in (attrs.get("class") or ""):
            self.depth = 1
            return
        if not self.depth:
            return
        if tag == "template":
            self._in_template += 1
            return
        if self._in_template:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "file", "button"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.values.setdefault(name, []).append(attrs.get("value", "on"))
            else:
                self.values[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""
        elif tag == "select" and name:
            self._select = name
            self.values.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select] = attrs.get("value", "")

    _in_template = 0

    def handle_endtag(self, tag):
        if tag == "template" and self._in_template:
            self._in_template -= 1
        elif tag == "textarea" and self._textarea:
            # Like a browser: the newline right after <textarea> is not part of the value.
            value = self.values[self._textarea]
            self.values[self._textarea] = value[1:] if value.startswith("\n") else value
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self.depth:
            self.depth = 0

    def handle_data(self, data):
        if self._textarea and not self._in_template:
            self.values[self._textarea] += data


def read_form(html, marker="case-form"):
    """Field name → value (a list for checkboxes and radios) of the form whose class contains ``marker``."""
    reader = _FormReader(marker)
    reader.feed(html)
    values = reader.values
    for key, value in list(values.items()):
        if isinstance(value, list) and len(value) == 1 and not key.endswith(("themes",)):
            values[key] = value[0]
    return values


def image_bytes(fmt="PNG", size=(60, 40), color=(200, 40, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt)
    return buffer.getvalue()


def upload(name="foto.png", content=None, content_type="image/png"):
    return SimpleUploadedFile(name, content if content is not None else image_bytes(), content_type=content_type)


@pytest.fixture
def draft(owner, coeditor):
    """A draft of the owner, with a co-editor."""
    from tests.conftest import make_case

    case = make_case(owner, title="Concept van Olga", status="draft")
    case.co_editors.add(coeditor)
    return case
