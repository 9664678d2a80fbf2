"""Caching of public pages, invalidated when content is published.

One number, the *content version*, stands for "everything visitors can see".
Code that changes public content calls ``bump_content_version()`` (after the
transaction commits, so that no request caches the old content under the new
version). Public pages then use it in two ways:

* ``@public_page(timeout=…)`` on a view: anonymous visitors get an ``ETag`` and
  ``Last-Modified`` made from the version, so that a revisit costs a 304 without
  running the view, and the rendered page is kept in the cache under the version
  until the next bump (``conditional_on_content`` and ``cache_public_page`` are
  the two halves, usable alone);
* in a template, a fragment cached under the version::

      {% load cache %}{% cache 600 factor_board content_version LANGUAGE_CODE %}…{% endcache %}

  with ``"content_version": content_version()`` in the view's context.

Signed-in members always get a freshly rendered page: their pages show their own
name, drafts and forms with CSRF tokens.

The version lives in the default cache. With Redis (``REDIS_URL``) every process
shares it and a bump is seen at once everywhere. With the per-process local
memory cache, a bump is seen at once by the process that made it; other processes
start a new version every ``LOCAL_VERSION_TTL`` seconds, which bounds how long
they can serve an older page (and answer 304 for it).
"""

import functools
import hashlib
import time
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.http import condition

CONTENT_VERSION_KEY = "cop:content-version"
PAGE_KEY_PREFIX = "cop:page"
# How long a process-local cache trusts its own version (see the module docstring).
LOCAL_VERSION_TTL = 60
# The response headers a cached page keeps; the middleware adds the rest on every hit.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "Cache-Control", "Content-Disposition")


def _now_ms():
    return int(time.time() * 1000)


def cache_is_shared():
    """True when every app process sees the same cache (Redis, Memcached, database)."""
    return not isinstance(caches["default"], (LocMemCache, DummyCache))


def _version_timeout():
    return None if cache_is_shared() else LOCAL_VERSION_TTL


def content_version():
    """The current content version: a timestamp in milliseconds."""
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, _now_ms(), _version_timeout())
        version = cache.get(CONTENT_VERSION_KEY) or _now_ms()
    return version


def _bump():
    current = cache.get(CONTENT_VERSION_KEY) or 0
    cache.set(CONTENT_VERSION_KEY, max(_now_ms(), current + 1), _version_timeout())


def bump_content_version():
    """Call when public content changes (publish, unpublish, edit, merge, hide…).

    The new version starts when the current transaction commits (at once outside one).
    """
    transaction.on_commit(_bump)


@functools.cache
def _release():
    """Changes with each deploy, so that a revisit after a deploy gets the new page.

    ``settings.RELEASE`` when set, else the time of the last ``collectstatic``.
    """
    release = getattr(settings, "RELEASE", "")
    if release:
        return str(release)
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    try:
        return str(int(manifest.stat().st_mtime))
    except OSError:
        return "0"


def _request_version(request):
    """The version once per request (ETag, Last-Modified and the cache key agree)."""
    version = getattr(request, "_content_version", None)
    if version is None:
        version = request._content_version = content_version()
    return version


def _is_htmx(request):
    return request.headers.get("HX-Request") == "true"


def _language(request):
    return getattr(request, "LANGUAGE_CODE", None) or get_language() or settings.LANGUAGE_CODE


def is_cacheable_request(request):
    """An anonymous GET/HEAD without pending messages: the page is the same for all such visitors."""
    if request.method not in ("GET", "HEAD"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    return len(get_messages(request)) == 0


def content_etag(request, *args, **kwargs):
    """The ETag of a public page for this visitor, or None (no ETag) for members."""
    if not is_cacheable_request(request):
        return None
    return "-".join(
        [str(_request_version(request)), _release(), _language(request), "hx" if _is_htmx(request) else "page"]
    )


def content_last_modified(request, *args, **kwargs):
    if not is_cacheable_request(request):
        return None
    return datetime.fromtimestamp(_request_version(request) / 1000, tz=UTC)


def conditional_on_content(view):
    """ETag and Last-Modified from the content version; a revisit gets a 304 without running the view."""
    conditional_view = condition(etag_func=content_etag, last_modified_func=content_last_modified)(view)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = conditional_view(request, *args, **kwargs)
        if response.has_header("ETag"):
            # Stored by browsers, but checked with the server on every visit.
            patch_cache_control(response, no_cache=True)
        patch_vary_headers(response, ["HX-Request"])
        return response

    return wrapper


def page_cache_key(request):
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    kind = "hx" if _is_htmx(request) else "page"
    return f"{PAGE_KEY_PREFIX}:{_request_version(request)}:{_release()}:{_language(request)}:{kind}:{path}"


def _storable(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # A page that used the CSP nonce cannot be served again with a new one.
        and getattr(request, "_csp_nonce", None) is None
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def cache_public_page(timeout=600):
    """Keep the rendered page for anonymous visitors until the content version changes."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not is_cacheable_request(request):
                return view(request, *args, **kwargs)
            key = page_cache_key(request)
            stored = cache.get(key)
            if stored is not None:
                content, headers = stored
                response = HttpResponse(content)
                for name, value in headers.items():
                    response[name] = value
                return response
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
                response.render()
            if _storable(request, response):
                headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
                cache.set(key, (response.content, headers), timeout)
            return response

        return wrapper

    return decorator


def public_page(timeout=600):
    """Both: 304 on revisit (``conditional_on_content``) and the rendered page cached (``cache_public_page``)."""

    def decorator(view):
        return conditional_on_content(cache_public_page(timeout)(view))

    return decorator
