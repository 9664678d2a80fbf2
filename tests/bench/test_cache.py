"""The content version and the public-page helpers of cop.cache (applied by the page owners)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from django.http import HttpResponse
from django.test import RequestFactory

from cop import cache as content_cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


class CountingView:
    """A view that says how often it ran and what version of the content it saw."""

    def __init__(self, cookie=False, nonce=False, status=200):
        self.calls = 0
        self.cookie, self.nonce, self.status = cookie, nonce, status

    def __call__(self, request, *args, **kwargs):
        self.calls += 1
        if self.nonce:
            request._csp_nonce = "abc"
        response = HttpResponse(f"<p>render {self.calls}</p>", status=self.status)
        if self.cookie:
            response.set_cookie("csrftoken", "x")
        return response


def get(path="/wat-werkt/", user=None, **headers):
    request = RequestFactory().get(path, headers=headers)
    request.user = user or AnonymousUser()
    return request


def test_the_content_version_stays_the_same_until_it_is_bumped(django_capture_on_commit_callbacks):
    first = content_cache.content_version()
    assert content_cache.content_version() == first
    with django_capture_on_commit_callbacks(execute=True):
        content_cache.bump_content_version()
    assert content_cache.content_version() > first


def test_a_bump_inside_a_transaction_waits_for_the_commit(django_capture_on_commit_callbacks):
    first = content_cache.content_version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        content_cache.bump_content_version()
    assert content_cache.content_version() == first
    callbacks[0]()
    assert content_cache.content_version() > first


def test_the_version_expires_in_a_process_local_cache_and_not_in_a_shared_one(monkeypatch):
    assert content_cache.cache_is_shared() is False
    assert content_cache._version_timeout() == content_cache.LOCAL_VERSION_TTL
    monkeypatch.setattr(content_cache, "caches", {"default": RedisCache("redis://127.0.0.1:1", {})})
    assert content_cache.cache_is_shared() is True
    assert content_cache._version_timeout() is None


def test_a_public_page_gets_an_etag_and_a_revisit_costs_a_304_without_running_the_view():
    view = CountingView()
    page = content_cache.conditional_on_content(view)
    response = page(get())
    assert response.status_code == 200
    assert response["ETag"] and response["Last-Modified"]
    assert "no-cache" in response["Cache-Control"]
    revisit = page(get(**{"If-None-Match": response["ETag"]}))
    assert revisit.status_code == 304
    assert view.calls == 1


def test_publishing_changes_the_etag_so_the_revisit_gets_the_new_page(django_capture_on_commit_callbacks):
    view = CountingView()
    page = content_cache.conditional_on_content(view)
    etag = page(get())["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        content_cache.bump_content_version()
    response = page(get(**{"If-None-Match": etag}))
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_members_get_no_etag_and_always_a_fresh_page(participant):
    view = CountingView()
    page = content_cache.public_page()(view)
    for _ in range(2):
        response = page(get(user=participant))
        assert response.status_code == 200
        assert not response.has_header("ETag")
    assert view.calls == 2


def test_language_and_htmx_requests_get_their_own_etag():
    page = content_cache.conditional_on_content(CountingView())
    dutch = get()
    dutch.LANGUAGE_CODE = "nl"
    english = get()
    english.LANGUAGE_CODE = "en"
    partial = get(**{"HX-Request": "true"})
    partial.LANGUAGE_CODE = "nl"
    etags = {page(request)["ETag"] for request in (dutch, english, partial)}
    assert len(etags) == 3


def test_the_rendered_page_is_served_from_the_cache_until_the_version_changes(django_capture_on_commit_callbacks):
    view = CountingView()
    page = content_cache.cache_public_page(timeout=60)(view)
    first = page(get())
    second = page(get())
    assert view.calls == 1
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    with django_capture_on_commit_callbacks(execute=True):
        content_cache.bump_content_version()
    assert b"render 2" in page(get()).content


def test_each_query_string_is_a_page_of_its_own():
    view = CountingView()
    page = content_cache.cache_public_page()(view)
    page(get("/casussen/?thema=wonen"))
    page(get("/casussen/?thema=jeugd"))
    page(get("/casussen/?thema=wonen"))
    assert view.calls == 2


@pytest.mark.parametrize(
    "view",
    [CountingView(cookie=True), CountingView(nonce=True), CountingView(status=404)],
    ids=["sets a cookie", "uses the CSP nonce", "not found"],
)
def test_responses_that_differ_per_visitor_or_failed_are_not_cached(view):
    page = content_cache.cache_public_page()(view)
    page(get())
    page(get())
    assert view.calls == 2


def test_posts_are_never_answered_from_the_cache():
    view = CountingView()
    page = content_cache.public_page()(view)
    page(get())
    request = RequestFactory().post("/wat-werkt/")
    request.user = AnonymousUser()
    page(request)
    assert view.calls == 2
