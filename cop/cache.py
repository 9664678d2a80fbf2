"""Caching of public pages for visitors, invalidated when published content changes.

One number, the *content version* (``cop.models.ContentVersion``, one row in the
database), stands for "everything visitors can see". Whatever changes public
content bumps it, in the same transaction as the change:

* the named state changes call ``bump_content_version()`` (``case.publish``,
  ``meeting.publish``, ``factor.merge``, ``term_version.accept`` …), also from the
  shell and management commands;
* ``PublicPageCacheMiddleware`` bumps it after every successful write request
  (POST, PUT, PATCH, DELETE) of a signed-in user or in the admin, so that form
  edits and admin changes need no call of their own. The live mode (posting and
  voting by participants and guests) is left out: it changes no public page
  until a facilitator publishes the harvest, and that bumps.

Because the version lives in the database, every app process sees a bump at once
(each process reads it at most once per ``VERSION_RECHECK_SECONDS``), with Redis
as the cache or with the per-process local memory cache alike.

``PublicPageCacheMiddleware`` serves the pages named in ``CACHED_PAGES`` (URL
names) to anonymous visitors from the cache: the page is rendered once per content
version, language and address and kept for ``settings.PAGE_CACHE_SECONDS``
(a bound on how long time-dependent parts, such as "next meeting", can lag). Each
kept page has an ``ETag`` (a hash of its bytes) and a ``Last-Modified`` (when it was
rendered), so a revisit with ``If-None-Match`` or ``If-Modified-Since`` costs a 304
without rendering. Signed-in members, requests with pending messages and responses
that set a cookie, use a CSRF token or the CSP nonce, change the session or say
``private`` are never kept.
Kept pages are also kept gzipped, for the browsers that accept it (all do).
``PAGE_CACHE_SECONDS = 0`` switches it off (the test suite does, see tests/settings.py).

For a page that cannot be cached as a whole, ``cached_by_content(key, build)``
keeps any value (a fragment, a list of choices) until the next bump.
"""

import functools
import gzip
import hashlib
import threading
import time
from contextlib import contextmanager
from email.utils import formatdate

from django.apps import apps
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.db import transaction
from django.db.models import F
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags, parse_http_date_safe
from django.utils.translation import get_language

PAGE_KEY_PREFIX = "cop:page"
DATA_KEY_PREFIX = "cop:data"
# How long a process trusts the version it last read from the database.
VERSION_RECHECK_SECONDS = 1.0
# How long a fragment of ``cached_by_content`` is kept at most.
DATA_SECONDS = 3600

# The public pages kept for visitors (URL names), each address (with its query string)
# on its own. Search and the case library are here too: a repeated search or filter
# comes from the cache, a new one costs a full render (for members as well, who get
# their results from the fragment caches of portal/views/search.py and cases/views/library.py).
# Not here: the live mode and everything for signed-in members.
CACHED_PAGES = frozenset(
    {
        "home",
        "search",
        "cases:library",
        "about",
        "privacy",
        "accessibility",
        "glossary",
        "glossary-term",
        "glossary-term-compare",
        "factors:board",
        "factors:detail",
        "factor-map",
        "perspective-matrix",
        "board-poster",
        "cases:detail",
        "meetings:list",
        "meetings:series-detail",
        "meetings:detail",
        "meetings:digest",
        "meetings:poster",
        "meetings:ics",
        "meetings:calendar-feed",
        "api-root",
        "api-schema",
        "api:case-list",
        "api:case-detail",
        "api:factor-list",
        "api:factor-detail",
        "api:meeting-list",
        "api:meeting-detail",
        "api:term-list",
        "api:term-detail",
        "api:theme-list",
        "api:theme-detail",
        "open-data",
        "open-data-csv",
        "open-data-json",
        "open-data-catalogue",
        "visual-svg",
        "embed-board",
        "embed-factor",
        "sitemap",
        "sitemap-section",
        "feed-casussen",
        "feed-casussen-atom",
        "feed-casussen-item",
        "feed-casussen-item-atom",
        "feed-factoren",
        "feed-factoren-atom",
        "feed-factoren-item",
        "feed-factoren-item-atom",
        "feed-oogsten",
        "feed-oogsten-atom",
        "feed-oogsten-item",
        "feed-oogsten-item-atom",
    }
)

# Write requests that change no public page: the live mode (until the harvest is
# published), signing in and out, the language preference.
NO_BUMP_NAMESPACES = frozenset({"live"})
NO_BUMP_PREFIXES = ("account_", "mfa_", "set-language", "set_language")

# The response headers a kept page keeps; the middleware adds the rest on every hit.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "Cache-Control", "Content-Disposition")
# Kept pages of these types and sizes are also kept gzipped (PDF is compressed already).
GZIP_TYPES = ("text/", "application/json", "application/xml", "application/rss+xml", "application/atom+xml",
              "image/svg+xml", "application/vnd.oai.openapi")  # fmt: skip
GZIP_MIN_BYTES = 1024
# Marks that decorators leave on a response for the middleware further out
# (X-Frame-Options exemption, per-view Content-Security-Policy): kept with the page.
KEPT_MARKS = ("xframe_options_exempt", "_csp_update", "_csp_replace", "_csp_exempt", "_csp_config")


# --- the content version ------------------------------------------------------------------

_local = threading.local()


def _forget_version():
    _local.version, _local.read_at = None, 0.0


def _content_version_model():
    # From the app registry, not an import: cop/models.py imports this module.
    return apps.get_model("cop", "ContentVersion")


def content_version():
    """The current content version (an integer), read from the database at most once a second."""
    version = getattr(_local, "version", None)
    if version is None or time.monotonic() - _local.read_at > VERSION_RECHECK_SECONDS:
        model = _content_version_model()
        version = model.objects.filter(pk=model.SINGLETON).values_list("version", flat=True).first()
        _local.version, _local.read_at = version or 0, time.monotonic()
    return _local.version


def bump_content_version():
    """Call when content visitors can see changes (publish, unpublish, edit, merge, hide…).

    Runs in the current transaction, so the new version becomes visible to other
    processes exactly when the change does (and not at all if it rolls back).
    """
    ContentVersion = _content_version_model()  # noqa: N806 (a model class)
    changed = ContentVersion.objects.filter(pk=ContentVersion.SINGLETON).update(
        version=F("version") + 1, changed_at=timezone.now()
    )
    if not changed:
        ContentVersion.objects.get_or_create(
            pk=ContentVersion.SINGLETON, defaults={"version": 1, "changed_at": timezone.now()}
        )
    _forget_version()
    # A rolled-back bump must not stay remembered either.
    transaction.on_commit(_forget_version)


@contextmanager
def bypassed():
    """Within it, nothing comes from these caches (for measuring the work behind a page)."""
    _local.bypass = True
    try:
        yield
    finally:
        _local.bypass = False


def _is_bypassed():
    return getattr(_local, "bypass", False)


def cached_by_content(key, build, timeout=DATA_SECONDS, *, vary=None):
    """``build()``, kept in the cache under ``key`` until the content version changes.

    ``vary``: what else the value depends on (a query, filters, a page number), any
    ``repr``-able value; it is hashed into the key, so visitors' input never makes a
    key too long or invalid. Built every time when caching is off (``PAGE_CACHE_SECONDS = 0``).
    """
    if not getattr(settings, "PAGE_CACHE_SECONDS", 0) or _is_bypassed():
        return build()
    if vary is not None:
        key = f"{key}:{hashlib.sha256(repr(vary).encode()).hexdigest()}"
    full_key = f"{DATA_KEY_PREFIX}:{content_version()}:{get_language() or settings.LANGUAGE_CODE}:{key}"
    value = caches["pages"].get(full_key)
    if value is None:
        value = build()
        caches["pages"].set(full_key, value, timeout)
    return value


# --- which requests -----------------------------------------------------------------------


def is_cacheable_request(request):
    """An anonymous GET without pending messages: the page is the same for all such visitors."""
    if request.method != "GET":
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    return len(get_messages(request)) == 0


def _is_htmx(request):
    return request.headers.get("HX-Request") == "true"


def _language(request):
    return getattr(request, "LANGUAGE_CODE", None) or get_language() or settings.LANGUAGE_CODE


def page_cache_key(request):
    """Content version, deploy, language, full page or htmx partial, and the address with host and scheme."""
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()[:32]
    kind = "hx" if _is_htmx(request) else "page"
    return f"{PAGE_KEY_PREFIX}:{content_version()}:{_release()}:{_language(request)}:{kind}:{address}"


def _release():
    """Changes with each deploy (``settings.RELEASE``, else the static files manifest), so pages follow the code."""
    release = getattr(_release, "value", None)
    if release is None:
        release = str(getattr(settings, "RELEASE", "") or "")
        if not release:
            from pathlib import Path

            try:
                release = str(int((Path(settings.STATIC_ROOT) / "staticfiles.json").stat().st_mtime))
            except (OSError, TypeError):
                release = "0"
        _release.value = release
    return release


def _storable(request, response):
    """A page that is the same for every visitor: nothing of this visitor's in it or about to be set.

    The middleware further out sets cookies after this one has seen the response, so
    their causes are checked here: a CSRF token used (``get_token``), a session changed,
    a message added, the CSP nonce used (a page cannot be served again with a new one).
    """
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.META.get("CSRF_COOKIE_USED")
        and not (session is not None and session.modified)
        and not (messages is not None and getattr(messages, "added_new", False))
        and getattr(request, "_csp_nonce", None) is None
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


# --- the kept page ------------------------------------------------------------------------


def _accepts_gzip(request):
    return "gzip" in request.headers.get("Accept-Encoding", "").lower()


class KeptPage:
    """A rendered page as kept in the cache: bytes (also gzipped), headers, marks, validators.

    Kept pages hold public content only (no CSRF token, no session, no nonce), so
    sending them compressed reveals nothing (BREACH needs a secret in the page).
    Browsers all accept gzip: a 3 MB board goes out as about a tenth of that.
    """

    def __init__(self, response):
        self.content = response.content
        self.headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
        self.marks = {name: getattr(response, name) for name in KEPT_MARKS if hasattr(response, name)}
        digest = hashlib.sha256(self.content).hexdigest()[:32]
        self.etag, self.gzip_etag = f'"{digest}"', f'"{digest}-gz"'
        self.gzip_content = None
        content_type = self.headers.get("Content-Type", "")
        if len(self.content) >= GZIP_MIN_BYTES and content_type.startswith(GZIP_TYPES):
            packed = gzip.compress(self.content, compresslevel=6, mtime=0)
            if len(packed) < 0.9 * len(self.content):
                self.gzip_content = packed
        self.rendered_at = int(time.time())

    def _etag_for(self, request):
        return self.gzip_etag if self.gzip_content is not None and _accepts_gzip(request) else self.etag

    def validators(self, response, request):
        response["ETag"] = self._etag_for(request)
        response["Last-Modified"] = formatdate(self.rendered_at, usegmt=True)
        # Browsers keep the page but ask every time; the answer is usually a 304.
        patch_cache_control(response, no_cache=True)
        if self.gzip_content is not None:
            patch_vary_headers(response, ["Accept-Encoding"])
        return response

    def is_fresh_for(self, request):
        """The visitor already has these bytes (If-None-Match, else If-Modified-Since)."""
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match:
            return if_none_match.strip() == "*" or self._etag_for(request) in parse_etags(if_none_match)
        since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
        return since is not None and self.rendered_at <= since

    def response(self, request):
        if self.is_fresh_for(request):
            response = HttpResponseNotModified()
            for name in ("Vary", "Content-Language"):
                if name in self.headers:
                    response[name] = self.headers[name]
        else:
            if self.gzip_content is not None and _accepts_gzip(request):
                response = HttpResponse(self.gzip_content)
                response["Content-Encoding"] = "gzip"
            else:
                response = HttpResponse(self.content)
            for name, value in self.headers.items():
                response[name] = value
            for name, value in self.marks.items():
                setattr(response, name, value)
        return self.validators(response, request)


# --- the middleware -----------------------------------------------------------------------


def _view_name(request):
    match = getattr(request, "resolver_match", None)
    return match.view_name if match else ""


def _changes_content(request, response):
    if request.method not in ("POST", "PUT", "PATCH", "DELETE") or response.status_code >= 400:
        return False
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    if set(match.namespaces) & NO_BUMP_NAMESPACES or (match.url_name or "").startswith(NO_BUMP_PREFIXES):
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated) or "admin" in match.namespaces


def _serve(request, key, view, timeout):
    """The kept page at ``key``, else the view's answer, kept when it is the same for everyone."""
    page = caches["pages"].get(key)
    if page is not None:
        return page.response(request)
    response = view()
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    if _storable(request, response):
        page = KeptPage(response)
        caches["pages"].set(key, page, timeout)
        return page.response(request)
    return response


def cache_public_page(timeout=600):
    """View decorator: what ``PublicPageCacheMiddleware`` does for ``CACHED_PAGES``, for one view.

    It keeps the page for ``timeout`` seconds whatever ``PAGE_CACHE_SECONDS`` says. Put
    decorators that mark the response (``frameable``, ``csp_replace``) outside it.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if _is_bypassed() or not is_cacheable_request(request):
                return view(request, *args, **kwargs)
            return _serve(request, page_cache_key(request), lambda: view(request, *args, **kwargs), timeout)

        return wrapper

    return decorator


public_page = cache_public_page


class PublicPageCacheMiddleware:
    """Serve the ``CACHED_PAGES`` to visitors from the cache (with 304s); bump the version after writes.

    The innermost middleware: what it keeps is the view's own response, and the
    middleware further out adds its headers (CSP, frame options, Vary: Cookie …)
    to kept and fresh pages alike.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _changes_content(request, response):
            bump_content_version()
        key = getattr(request, "_page_cache_key", None)
        if key and _storable(request, response):
            page = KeptPage(response)
            caches["pages"].set(key, page, settings.PAGE_CACHE_SECONDS)
            response = page.response(request)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """A kept page answers at once; otherwise the view runs as usual (errors and all) and is kept after."""
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if not seconds or _is_bypassed() or _view_name(request) not in CACHED_PAGES:
            return None
        if not is_cacheable_request(request):
            return None
        key = page_cache_key(request)
        page = caches["pages"].get(key)
        if page is not None:
            return page.response(request)
        request._page_cache_key = key
        return None


# --- a short memory inside one process ----------------------------------------------------


class ProcessMemo:
    """Values remembered by this process for ``seconds`` (no cache round trip, nothing shared).

    For numbers that are read very often and may lag a moment in other processes,
    such as a live meeting's version for the polls of walls and phones. The process
    that changes the value calls ``forget``.
    """

    def __init__(self, seconds):
        self.seconds = seconds
        self._values = {}

    def get(self, key):
        found = self._values.get(key)
        if found is None or time.monotonic() - found[1] >= self.seconds:
            return None
        return found[0]

    def set(self, key, value):
        if self.seconds > 0:
            self._values[key] = (value, time.monotonic())

    def forget(self, key):
        self._values.pop(key, None)
