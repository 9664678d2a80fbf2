"""What every answer under /api/ carries, and problem details for every error under /api/v1.

Outside the views, so that it also holds for what no view answers: an unknown path (Django's
404), a server error (the 500 page), a NUL byte refused by ``RejectNullCharactersMiddleware``,
a lost database (the 503 page), and answers that ``cop.cache`` serves from its cache.

- ``API-Version`` (the full semantic version, ``settings.API_VERSION``), the licence as a
  ``Link`` and open CORS for reading (``Access-Control-Allow-Origin: *``) on every answer;
- a CORS preflight (``OPTIONS`` with ``Access-Control-Request-Method``) is answered here: 204;
- under /api/v1 an error that is not yet ``application/problem+json`` becomes one (status and
  ``Retry-After``/``Allow`` kept).
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _

from portal.api.problems import invalid_query_parameter, is_problem, problem_response

API_PREFIX = "/api/"
V1_PREFIX = "/api/v1"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
EXPOSED_HEADERS = "API-Version, Link, Retry-After, Allow"
KEPT_ON_PROBLEMS = ("Retry-After", "Allow")


def is_api_path(path):
    return path.startswith(API_PREFIX)


def is_v1_path(path):
    return path == V1_PREFIX or path.startswith(f"{V1_PREFIX}/")


def _unreadable_input(request):
    """The ``errors`` of a 400 that Django gave (a NUL byte): the parameters that hold one, or the path."""
    detail = _("Hierin staat een teken dat niet kan (een NUL-teken).")
    names = sorted({key for key, value in request.GET.lists() if "\x00" in key or any("\x00" in v for v in value)})
    if names:
        return [invalid_query_parameter(name, detail) for name in names]
    return [{"in": "path", "location": {"name": "path"}, "code": "invalid", "detail": detail}]


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if not is_api_path(path):
            return self.get_response(request)
        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            response = self._preflight(request)
        else:
            response = self.get_response(request)
        if is_v1_path(path) and response.status_code >= 400 and not is_problem(response):
            kept = {name: response[name] for name in KEPT_ON_PROBLEMS if response.has_header(name)}
            errors = _unreadable_input(request) if response.status_code == 400 else None
            response = problem_response(request, response.status_code, errors=errors, headers=kept)
        response["API-Version"] = settings.API_VERSION
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        if is_v1_path(path):
            response["Link"] = f'<{settings.COP_LICENCE_URL}>; rel="license"'
        return response

    def _preflight(self, request):
        response = HttpResponse(status=204)
        response["Allow"] = ALLOWED_METHODS
        response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
        requested = request.headers.get("Access-Control-Request-Headers", "")
        if requested:
            # Nothing here reads credentials, so any header may come along.
            response["Access-Control-Allow-Headers"] = requested
            response["Vary"] = "Access-Control-Request-Headers"
        response["Access-Control-Max-Age"] = "86400"
        return response
