"""Errors of the API as problem details (RFC 9457, ``application/problem+json``).

Every error the API answers, whether DRF raised it (a bad parameter, an unknown slug, a
method or media type it does not offer, too many requests) or Django did (an unknown
path under the API, a server error), has the same shape: ``type`` (``about:blank``: the
status says it all), a Dutch ``title`` and ``detail`` (English with the English
interface language), ``status`` and ``instance`` (the path asked for); a 400 names the
parameters that were wrong in ``errors``, the invalid-input extension of the NL API Design
Rules: one object per parameter with ``in`` (``query``), ``location`` (``{"name": …}``),
a ``code`` and a ``detail``.
"""

import json

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions

PROBLEM_CONTENT_TYPE = "application/problem+json"


def _titles():
    # A function, not a module constant: gettext must run in the request's language.
    return {
        400: (_("Ongeldige vraag"), _("De vraag klopt niet: kijk de parameters na.")),
        404: (_("Niet gevonden"), _("Dit adres of dit object bestaat niet in de API, of het is niet openbaar.")),
        405: (_("Methode niet toegestaan"), _("De API is alleen te lezen: gebruik GET, HEAD of OPTIONS.")),
        406: (
            _("Niet aanvaardbaar"),
            _("De API antwoordt alleen in JSON: vraag application/json (of laat Accept weg)."),
        ),
        429: (_("Te veel verzoeken"), _("Je doet te veel verzoeken: wacht even en probeer het dan opnieuw.")),
        500: (_("Fout in de server"), _("Er ging iets mis aan onze kant. Probeer het later opnieuw.")),
        503: (_("Tijdelijk niet beschikbaar"), _("De API is even niet bereikbaar. Probeer het zo opnieuw.")),
    }


def title_and_detail(status):
    titles = _titles()
    if status in titles:
        return titles[status]
    return (_("Fout in de server"), titles[500][1]) if status >= 500 else (_("Ongeldige vraag"), titles[400][1])


def problem_response(request, status, *, detail=None, errors=None, headers=None):
    """A problem details answer for ``status`` (the API's own headers are added by its middleware)."""
    title, default_detail = title_and_detail(status)
    body = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail or default_detail,
        "instance": request.path if request is not None else "",
    }
    if errors:
        body["errors"] = errors
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=f"{PROBLEM_CONTENT_TYPE}; charset=utf-8"
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def is_problem(response):
    return response.get("Content-Type", "").startswith(PROBLEM_CONTENT_TYPE)


def invalid_query_parameter(name, detail, code="invalid"):
    """One entry of a 400's ``errors``: a query parameter that is not what the schema says."""
    return {"in": "query", "location": {"name": name}, "code": code, "detail": detail}


class InvalidParams(exceptions.APIException):
    """Query parameters that are not what the schema says: a 400 with ``errors``."""

    status_code = 400

    def __init__(self, errors):
        self.errors = errors
        super().__init__(detail="; ".join(f"{e['location']['name']}: {e['detail']}" for e in errors))


def _detail_of(exc, request):
    if isinstance(exc, exceptions.NotFound) and str(exc.detail) == "Invalid page.":
        return _("Deze pagina bestaat niet: de lijst heeft minder pagina's.")
    if isinstance(exc, exceptions.MethodNotAllowed) and request is not None:
        return _("De methode %(method)s kan hier niet: de API is alleen te lezen.") % {"method": request.method}
    if isinstance(exc, exceptions.Throttled) and exc.wait:
        return _("Je doet te veel verzoeken: probeer het over %(seconds)s seconden opnieuw.") % {
            "seconds": int(exc.wait + 0.999)
        }
    return title_and_detail(exc.status_code)[1]


def exception_handler(exc, context):
    """DRF's ``EXCEPTION_HANDLER``: every API exception becomes a problem details answer.

    A plain ``HttpResponse`` rather than a DRF ``Response``, so that no content
    negotiation can refuse the error itself (a 406 is a problem too).
    """
    request = context.get("request")
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if not isinstance(exc, exceptions.APIException):
        return None  # a server error: Django answers 500, the API's middleware makes it a problem
    headers = {}
    if isinstance(exc, exceptions.MethodNotAllowed):
        headers["Allow"] = "GET, HEAD, OPTIONS"
    if isinstance(exc, exceptions.Throttled) and exc.wait:
        headers["Retry-After"] = str(int(exc.wait + 0.999))
    errors = exc.errors if isinstance(exc, InvalidParams) else None
    return problem_response(request, exc.status_code, detail=_detail_of(exc, request), errors=errors, headers=headers)
