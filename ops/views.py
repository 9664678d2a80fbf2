"""Operations: health check, security.txt and the server-error handler."""

import sys
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET

from cop.middleware import DATABASE_ERRORS, database_unavailable_response, health_response

SECURITY_TXT_VALID_DAYS = 180


@never_cache
@require_GET
def healthz(request):
    """For load balancers: 200 "ok" when the database answers, 503 otherwise.

    ``HealthCheckMiddleware`` answers this path before anything else runs; this
    view only makes the URL reversible and serves it should the middleware be absent.
    """
    return health_response()


@require_GET
def security_txt(request):
    """RFC 9116: where to report a vulnerability. Expires is always in the future."""
    expires = datetime.now(UTC).replace(microsecond=0) + timedelta(days=SECURITY_TXT_VALID_DAYS)
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires.isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {settings.SITE_URL}/.well-known/security.txt",
        f"Policy: {settings.SITE_URL}/privacy/#beveiliging",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "max-age=86400"
    return response


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """``handler500``: a lost database connection gets the 503 page, anything else the 500 page.

    Django calls this while handling the exception, so ``sys.exc_info`` holds it.
    Exceptions raised outside views (a middleware reading the session while the
    database is down) arrive here rather than at ``DatabaseUnavailableMiddleware``.
    """
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return database_unavailable_response(request)
    return HttpResponseServerError(loader.get_template(template_name).render())
