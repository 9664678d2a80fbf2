"""The API's query parameters, declared once: validated (a 400 problem) and documented from the same list.

An empty value counts as absent (as a form sends an unused filter). A value outside an
enum, a boolean that is no boolean, a page number or size that is no whole number in
range: a 400 problem that names the parameter in ``errors``. Slugs of themes,
places and factors are not checked against the database: an unknown one gives an empty list.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from portal.api.problems import InvalidParams, invalid_query_parameter

TRUE_VALUES = frozenset({"true", "1", "ja", "yes"})
FALSE_VALUES = frozenset({"false", "0", "nee", "no"})

PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
PAGE_SIZE_PARAM = "pageSize"
# The name of API 1.0 before the lowerCamelCase rule (/core/query-keys-camel-case): still read, not documented.
LEGACY_PAGE_SIZE_PARAM = "page_size"


@dataclass(frozen=True)
class Param:
    """One query parameter: free text, one of ``enum``, or a boolean."""

    name: str
    description: str
    enum: tuple = ()
    boolean: bool = False

    def schema(self):
        kind = OpenApiTypes.BOOL if self.boolean else OpenApiTypes.STR
        return OpenApiParameter(
            self.name,
            kind,
            OpenApiParameter.QUERY,
            required=False,
            description=self.description,
            enum=list(self.enum) or None,
        )

    def clean(self, raw):
        """The value to filter on (None when absent), or raise ``ValueError`` with the reason."""
        value = (raw or "").strip()
        if not value:
            return None
        if self.boolean:
            if value.lower() in TRUE_VALUES:
                return True
            if value.lower() in FALSE_VALUES:
                return False
            raise ValueError(_("Geef true of false."))
        if self.enum and value not in self.enum:
            raise ValueError(_("Kies uit: %(values)s.") % {"values": ", ".join(self.enum)})
        return value


def clean_params(params, query_params):
    """``{name: value}`` for every declared parameter; raises ``InvalidParams`` naming each wrong one."""
    values, invalid = {}, []
    for param in params:
        try:
            values[param.name] = param.clean(query_params.get(param.name))
        except ValueError as error:
            invalid.append(invalid_query_parameter(param.name, str(error)))
    if invalid:
        raise InvalidParams(invalid)
    return values


def whole_number(query_params, name, *, minimum, maximum=None):
    """The parameter as an int in range, None when absent; a 400 naming it in ``errors`` otherwise."""
    raw = (query_params.get(name) or "").strip()
    if not raw:
        return None
    if not re.fullmatch(r"[0-9]{1,9}", raw) or int(raw) < minimum or (maximum is not None and int(raw) > maximum):
        if maximum is None:
            detail = _("Geef een heel getal vanaf %(min)s.") % {"min": minimum}
        else:
            detail = _("Geef een heel getal van %(min)s tot en met %(max)s.") % {"min": minimum, "max": maximum}
        raise InvalidParams([invalid_query_parameter(name, detail, code="out-of-range")])
    return int(raw)


def pagination_schema_parameters():
    return [
        {
            "name": "page",
            "required": False,
            "in": "query",
            "description": "Page number, from 1.",
            "schema": {"type": "integer", "minimum": 1, "default": 1},
        },
        {
            "name": PAGE_SIZE_PARAM,
            "required": False,
            "in": "query",
            "description": f"Results per page, 1 to {MAX_PAGE_SIZE}.",
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": PAGE_SIZE},
        },
    ]
