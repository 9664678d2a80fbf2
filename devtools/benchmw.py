"""Instrumentation for the benchmark (``make bench``); active only with ``BENCH_MODE=1``.

* ``QueryCountMiddleware`` (outermost) counts the SQL queries of each request,
  including those of the other middleware (session, user), and reports them in
  the ``X-Query-Count`` response header, with their time in ``Server-Timing``.
  Queries run while a streaming response is iterated come after the header and
  are not counted. A request with ``X-Bench-Cold: 1`` bypasses the page and
  fragment caches (``cop.cache.bypassed``): its numbers are those of the work
  behind the page, as for the first visitor after a change.
* ``urlpatterns`` (the ``ROOT_URLCONF`` in bench mode) is the site's URLconf plus
  ``/bench/bare/``: a minimal template view served by the same processes and the
  same middleware, the baseline every page is compared with.

Production never loads this module: config/settings.py adds both only when
``BENCH_MODE`` is set.
"""

import time
from contextlib import nullcontext

from django.db import connection
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from config import urls as site_urls
from cop import cache as content_cache


class QueryCounter:
    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.count += 1
            self.seconds += time.perf_counter() - started


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counter = QueryCounter()
        cold = content_cache.bypassed() if request.headers.get("X-Bench-Cold") == "1" else nullcontext()
        with cold, connection.execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Query-Count"] = str(counter.count)
        response["Server-Timing"] = f'db;dur={counter.seconds * 1000:.1f};desc="{counter.count} queries"'
        return response


BARE_TEMPLATE = engines["django"].from_string(
    """<!doctype html>
<html lang="{{ LANGUAGE_CODE|default:'nl' }}">
<head><meta charset="utf-8"><title>Bench</title></head>
<body><main><h1>Weten wat werkt</h1><p>{{ message }}</p></main></body>
</html>
"""
)


def bare(request):
    """The baseline: a template rendered with the request's context, no database, no layout."""
    return HttpResponse(BARE_TEMPLATE.render({"message": "Een kale pagina om mee te vergelijken."}, request))


urlpatterns = [path("bench/bare/", bare, name="bench-bare"), *site_urls.urlpatterns]

handler400 = getattr(site_urls, "handler400", "django.views.defaults.bad_request")
handler403 = getattr(site_urls, "handler403", "django.views.defaults.permission_denied")
handler404 = getattr(site_urls, "handler404", "django.views.defaults.page_not_found")
handler500 = getattr(site_urls, "handler500", "django.views.defaults.server_error")
