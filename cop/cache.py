"""Caching of public pages, invalidated by what changed.

Every kind of public content (``cop.versions.KINDS``: factors, cases, reflections,
meetings, seats, glossary, people, site) has its own *content version*, one row of
``cop.models.ContentVersion``, raised in the same transaction as a change of that kind
(``bump_content_version(*kinds)`` in the named state changes, and the save signals of the
models that hold public content, ``cop.versions.watch``). A kept page is keyed on the
versions of the kinds it shows (``cop.versions.PAGE_KINDS``), so a change renews exactly
the pages that show it. A write that changes no public content raises nothing.

``PublicPageCacheMiddleware`` serves the pages named in ``CACHED_PAGES`` (URL names):

* to anonymous visitors one kept page per versions, deploy, language and address, kept
  fresh for ``settings.PAGE_CACHE_SECONDS`` (a bound on how long time-dependent parts,
  such as "next meeting", can lag) and then renewed by one request while the others get
  the previous copy (stale-while-revalidate). Each kept page has an ``ETag`` and a
  ``Last-Modified``, so a revisit costs a 304; kept pages are also kept gzipped;
* to a signed-in member their own kept copy (``member_key``: account, session, CSRF
  secret and a counter of their own writes), for at most ``MEMBER_PAGE_SECONDS``, never
  compressed when the address has a query string (it holds their CSRF token, and a
  search would reflect the visitor's input beside it: BREACH), marked ``private``.

On a miss one request renders and the others wait for its page (``cop.singleflight``).
Requests with pending messages and responses that set a cookie, use the CSP nonce or
change the session are never kept; for visitors also none that use a CSRF token.
``PAGE_CACHE_SECONDS = 0`` switches it off (the test suite does, see tests/settings.py).

For a part of a page, ``cached_by_content(key, build, kinds=…)`` keeps any value (a
fragment, a list of choices, the data of a heavy page) until one of its kinds changes,
shared by visitors and members alike.
"""

import functools
import gzip
import hashlib
import threading
import time
from contextlib import contextmanager
from email.utils import formatdate

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags, parse_http_date_safe
from django.utils.translation import get_language

from cop.singleflight import LOCK_SECONDS, _wait_for, single_flight
from cop.versions import (  # noqa: F401 (the place callers have always imported them from)
    KINDS,
    PAGE_KINDS,
    bump_content_version,
    content_version,
    content_versions,
    forget_versions,
    kinds_of_page,
    versions_of,
)

PAGE_KEY_PREFIX = "cop:page"
DATA_KEY_PREFIX = "cop:data"
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


# --- the content versions (cop.versions) ---------------------------------------------------

_local = threading.local()


def _forget_version():
    forget_versions()


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


def cached_by_content(key, build, timeout=DATA_SECONDS, *, vary=None, kinds=KINDS):
    """``build()``, kept in the cache under ``key`` until the version of one of ``kinds`` changes.

    ``vary``: what else the value depends on (a query, filters, a page number), any
    ``repr``-able value; it is hashed into the key, so visitors' input never makes a
    key too long or invalid. Built every time when caching is off (``PAGE_CACHE_SECONDS = 0``).
    """
    if not getattr(settings, "PAGE_CACHE_SECONDS", 0) or _is_bypassed():
        return build()
    if vary is not None:
        key = f"{key}:{hashlib.sha256(repr(vary).encode()).hexdigest()}"
    language = get_language() or settings.LANGUAGE_CODE
    full_key = f"{DATA_KEY_PREFIX}:{versions_of(kinds)}:{language}:{key}"
    return single_flight(full_key, build, timeout)


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


def page_cache_key(request, viewer="all"):
    """The versions of what the page shows, deploy, language, viewer, full page or htmx partial, and the address.

    ``viewer`` is ``"all"`` for the page every visitor gets, or a member's own key (``member_key``).
    """
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()[:32]
    kind = "hx" if _is_htmx(request) else "page"
    versions = versions_of(kinds_of_page(_view_name(request)))
    return f"{PAGE_KEY_PREFIX}:{versions}:{_release()}:{_language(request)}:{viewer}:{kind}:{address}"


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

    def __init__(self, response, *, compress=True, private=False):
        self.content = response.content
        self.headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
        self.marks = {name: getattr(response, name) for name in KEPT_MARKS if hasattr(response, name)}
        digest = hashlib.sha256(self.content).hexdigest()[:32]
        self.etag, self.gzip_etag = f'"{digest}"', f'"{digest}-gz"'
        self.gzip_content = None
        content_type = self.headers.get("Content-Type", "")
        self.private = private
        if compress and len(self.content) >= GZIP_MIN_BYTES and content_type.startswith(GZIP_TYPES):
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
        if self.private:
            patch_cache_control(response, private=True)
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


def _is_write(request, response):
    return request.method in ("POST", "PUT", "PATCH", "DELETE") and response.status_code < 400


def _changes_content(request, response):
    """A successful write in the admin: it may change anything, so every kind is raised.

    Elsewhere a write raises only what it changes: the named state changes and the
    save signals of the models that hold public content (``cop.versions.watch``). A
    profile save, a registration, a form that fails validation or a POST to a page
    that only reads raise nothing.
    """
    if not _is_write(request, response):
        return False
    match = getattr(request, "resolver_match", None)
    return match is not None and "admin" in match.namespaces


def _changes_own_pages(request, response):
    """A successful write of a signed-in member outside the live mode: their own kept pages are renewed."""
    if not _is_write(request, response):
        return False
    match = getattr(request, "resolver_match", None)
    if match is None or set(match.namespaces) & NO_BUMP_NAMESPACES:
        return False
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    return bool(user is not None and user.is_authenticated and session is not None)


# --- serving a kept page ------------------------------------------------------------------

# A signed-in member's own kept pages: renewed by any write of theirs and by every change of
# the content they show; kept at most this long, which bounds how late a change someone else
# makes to their personal parts shows (an invitation, moving up from the waiting list).
MEMBER_PAGE_SECONDS = 60
MEMBER_PAGES_VERSION = "_cop_pages_v"


def member_key(request):
    """The part of a member's page key that is theirs: account, session, CSRF secret, own writes."""
    session = request.session
    secret = "|".join(
        (
            str(request.user.pk),
            session.session_key or "",
            request.COOKIES.get(settings.CSRF_COOKIE_NAME, ""),
            str(session.get(MEMBER_PAGES_VERSION, 0)),
        )
    )
    return f"u{request.user.pk}-{hashlib.sha256(secret.encode()).hexdigest()[:24]}"


def _new_csrf_cookie(request):
    """The page made a new CSRF secret (not only used the member's own, which Django marks for renewal too)."""
    if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    return request.META.get("CSRF_COOKIE") != request.COOKIES.get(settings.CSRF_COOKIE_NAME)


def _member_storable(request, response):
    """Like ``_storable``, but the page may hold the member's CSRF token (it is kept for them alone)."""
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not _new_csrf_cookie(request)
        and not (session is not None and session.modified)
        and not (messages is not None and getattr(messages, "added_new", False))
        and getattr(request, "_csp_nonce", None) is None
        and "no-store" not in response.get("Cache-Control", "")
    )


def _lookup(request, key, seconds):
    """The kept page to answer with, or ``None`` when this request must render (then it holds the lock).

    A page older than ``seconds`` is renewed by one request while the others keep
    getting it (stale-while-revalidate: it is of the current content versions, only
    its time-dependent parts may lag); a missing page is rendered by one request while
    the others wait for it.
    """
    store = caches["pages"]
    page = store.get(key)
    lock = f"{key}:lock"
    if page is not None:
        if time.time() - page.rendered_at < seconds or not store.add(lock, 1, LOCK_SECONDS):
            return page
        request._page_lock = lock
        return None
    if store.add(lock, 1, LOCK_SECONDS):
        request._page_lock = lock
        return None
    return _wait_for(store, key)


def _keep(request, key, response, seconds, *, member=False):
    """Keep the response when it may be kept; always free this request's lock."""
    try:
        storable = _member_storable(request, response) if member else _storable(request, response)
        if key and storable:
            # A member's page holds their CSRF token: compressed only where nothing of the
            # request can be reflected in it (no query string), so BREACH has nothing to vary.
            page = KeptPage(response, compress=not member or not request.META.get("QUERY_STRING"), private=member)
            # Kept twice as long as it is fresh: the second half serves while one request renews it.
            caches["pages"].set(key, page, 2 * seconds)
            return page.response(request)
        return response
    finally:
        lock = getattr(request, "_page_lock", None)
        if lock:
            caches["pages"].delete(lock)
            request._page_lock = None


def _serve(request, key, view, timeout):
    """The kept page at ``key``, else the view's answer, kept when it is the same for everyone."""
    page = _lookup(request, key, timeout)
    if page is not None:
        return page.response(request)
    response = view()
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    return _keep(request, key, response, timeout)


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


def _is_member_request(request):
    user = getattr(request, "user", None)
    return (
        request.method == "GET"
        and user is not None
        and user.is_authenticated
        and getattr(request, "session", None) is not None
        and len(get_messages(request)) == 0
    )


class PublicPageCacheMiddleware:
    """Serve the ``CACHED_PAGES`` from the cache (with 304s); raise versions after writes.

    Visitors share one kept page per address; a signed-in member gets their own kept
    copy (``member_key``), renewed by their own writes and by changes of what it shows.
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
        if _changes_own_pages(request, response):
            request.session[MEMBER_PAGES_VERSION] = request.session.get(MEMBER_PAGES_VERSION, 0) + 1
        key = getattr(request, "_page_cache_key", None)
        if key:
            member = getattr(request, "_page_for_member", False)
            seconds = MEMBER_PAGE_SECONDS if member else settings.PAGE_CACHE_SECONDS
            response = _keep(request, key, response, min(seconds, settings.PAGE_CACHE_SECONDS), member=member)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """A kept page answers at once; otherwise the view runs as usual (errors and all) and is kept after."""
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if not seconds or _is_bypassed() or _view_name(request) not in CACHED_PAGES:
            return None
        if is_cacheable_request(request):
            key, member = page_cache_key(request), False
        elif _is_member_request(request):
            key, member = page_cache_key(request, viewer=member_key(request)), True
            seconds = min(seconds, MEMBER_PAGE_SECONDS)
        else:
            return None
        page = _lookup(request, key, seconds)
        if page is not None:
            return page.response(request)
        request._page_cache_key, request._page_for_member = key, member
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
