"""Site-wide middleware: request ids, the health check, NUL bytes, database outages and two-factor rules.

Order in ``settings.MIDDLEWARE`` matters:
- ``RequestIdMiddleware`` first, so that every log line of a request carries its id;
- ``HealthCheckMiddleware`` second, so that ``/healthz`` answers before host checks,
  HTTPS redirects, sessions and cookies (a load balancer calls it by IP over HTTP);
- ``RejectNullCharactersMiddleware`` next, before anything reads the path or the data;
- ``DatabaseUnavailableMiddleware`` and ``RequireTwoFactorMiddleware`` last, after
  authentication and allauth.
"""

import contextlib
import logging
import re
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from cop.logging import request_context
from cop.roles import is_facilitator

logger = logging.getLogger("cop.ops")

HEALTH_PATH = "/healthz"
RETRY_AFTER_SECONDS = 30
# An id from a proxy is reused only when it looks like one (no log injection).
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdMiddleware:
    """Give every request an id (``X-Request-ID`` from the proxy or a new one) for the logs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request.id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        with request_context(request_id=request.id, method=request.method, path=request.path):
            response = self.get_response(request)
        response["X-Request-ID"] = request.id
        return response


def database_is_reachable():
    from django.db import connection

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("health check: database unreachable")
        # Leave no broken connection behind for the next request of this thread.
        with contextlib.suppress(DatabaseError):
            connection.close_if_unusable_or_obsolete()
        return False
    return True


def health_response():
    ok = database_is_reachable()
    response = HttpResponse("ok\n" if ok else "unavailable\n", status=200 if ok else 503, content_type="text/plain")
    response["Cache-Control"] = "no-store"
    if not ok:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class HealthCheckMiddleware:
    """Answer ``/healthz`` at once: no host check, redirect, session, cookie or template."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info in (HEALTH_PATH, HEALTH_PATH + "/") and request.method in ("GET", "HEAD"):
            return health_response()
        return self.get_response(request)


class NullCharacterInRequest(SuspiciousOperation):
    """A NUL byte in the path, the query string or form data: no person types one."""


FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_null(multivalue_dict):
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in multivalue_dict.lists())


class RejectNullCharactersMiddleware:
    """Answer the Dutch 400 page to a NUL byte in the path, the query string or form fields.

    PostgreSQL cannot store or compare a string with a NUL byte, so one in a URL
    parameter (``/api/cases/?q=%00``) or a path (``/live/A%00B/``) ended in a 500.
    Forms already refuse it field by field; this catches every other reader at once.
    Uploaded files are not read (they may hold any byte).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info or "\x00" in request.path or _has_null(request.GET):
            raise NullCharacterInRequest("NUL byte in the path or query string")
        if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES and _has_null(request.POST):
            raise NullCharacterInRequest("NUL byte in form data")
        return self.get_response(request)


DATABASE_ERRORS = (OperationalError, InterfaceError)


def database_unavailable_response(request=None):
    """The friendly Dutch 503 page. Standalone: it needs neither the database nor the request."""
    html = render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turn a lost database connection in a view into a 503 page instead of a 500.

    Errors raised before the view (for example while another middleware reads the
    session) reach ``ops.views.server_error``, which gives the same page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.error("database unavailable: %s", exception.__class__.__name__)
            return database_unavailable_response(request)
        return None


def needs_two_factor_setup(user):
    """A facilitator or staff member who has no active TOTP authenticator yet."""
    from allauth.mfa.models import Authenticator

    if not is_facilitator(user):
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequireTwoFactorMiddleware:
    """Facilitators and staff set up two-factor authentication (TOTP) before anything else.

    They can still reach the account pages (where the setup lives), static files and
    the fixed public statements; everything else, the admin included, redirects to
    allauth's TOTP setup. The admin's own login form (password only) is replaced by
    the site's login, which asks for the second factor.
    """

    EXEMPT_NAMES = ("privacy", "accessibility")

    def __init__(self, get_response):
        self.get_response = get_response
        self._exempt = None

    def exempt_prefixes(self):
        if self._exempt is None:
            accounts = reverse("account_login").rsplit("/", 2)[0] + "/"  # "/accounts/"
            prefixes = [accounts, settings.STATIC_URL, settings.MEDIA_URL, "/.well-known/", "/taal/", "/i18n/"]
            prefixes += [reverse(name) for name in self.EXEMPT_NAMES]
            self._exempt = tuple(p for p in prefixes if p and p != "/")
        return self._exempt

    def __call__(self, request):
        if request.path_info == reverse("admin:login"):
            query = urlencode({"next": request.GET.get("next", reverse("admin:index"))})
            return HttpResponseRedirect(f"{reverse('account_login')}?{query}")
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Before every view: after ``PublicPageCacheMiddleware`` has answered a member's own kept page.

        Such a page was rendered for this very session after it passed this check, so it
        may be served without the role lookup (one query less on every kept-page hit); it
        holds public content only, and removing an authenticator is a write that renews it.
        """
        if (
            getattr(settings, "MFA_REQUIRED_FOR_FACILITATORS", True)
            and not request.path_info.startswith(self.exempt_prefixes())
            and request.user.is_authenticated
            and needs_two_factor_setup(request.user)
        ):
            return self.redirect_to_setup(request)
        return None

    def redirect_to_setup(self, request):
        from django.contrib import messages

        url = reverse("mfa_activate_totp")
        if request.method == "GET" and not getattr(request, "htmx", False):
            messages.warning(
                request,
                _(
                    "Als begeleider of beheerder heb je tweestapsverificatie nodig. "
                    "Stel die nu in met een authenticator-app; daarna kun je verder."
                ),
            )
        if getattr(request, "htmx", False):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = url
            return response
        return HttpResponseRedirect(url)
