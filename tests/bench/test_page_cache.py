"""Public pages come from the cache for visitors, with 304s on revisits, until content changes."""

import gzip

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.urls import reverse

from cop import cache as content_cache
from tests.conftest import make_case, make_factor

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("caching_on")]


def test_a_second_visit_comes_from_the_cache_without_rendering(client, owner, django_assert_num_queries):
    case = make_case(owner, title="Buurtkamer De Linde")
    first = client.get(case.get_absolute_url())
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    assert "no-cache" in first["Cache-Control"]
    with django_assert_num_queries(1):  # the content version, nothing else
        second = client.get(case.get_absolute_url())
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_a_revisit_with_the_etag_or_the_date_costs_a_304_without_a_body(client, owner):
    url = make_case(owner).get_absolute_url()
    first = client.get(url)
    by_etag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 304 and by_etag.content == b""
    assert by_etag["ETag"] == first["ETag"]
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_publishing_a_case_shows_it_on_the_cached_library_and_withdrawing_removes_its_page(client, owner, facilitator):
    make_case(owner, title="Eerste casus")
    library = reverse("cases:library")
    etag = client.get(library)["ETag"]
    assert "Tweede casus" not in client.get(library).content.decode()

    second = make_case(owner, title="Tweede casus", status="submitted")
    second.publish(by=facilitator)

    page = client.get(library, HTTP_IF_NONE_MATCH=etag)
    assert page.status_code == 200 and "Tweede casus" in page.content.decode()
    assert client.get(second.get_absolute_url()).status_code == 200
    second.withdraw(by=owner)
    assert client.get(second.get_absolute_url()).status_code == 404


def test_a_profile_save_renews_the_pages_only_when_the_public_name_changes(client_of, owner):
    # A change no state-change method announces: the save signal of the profile does,
    # and only for what public pages show (the name and the consent to show it).
    client = client_of(owner)
    profile = owner.profile
    data = {"display_name": profile.display_name, "perspective": profile.perspective, "bio": "Nieuw over mij."}
    if profile.show_name_publicly:
        data["show_name_publicly"] = "on"
    before = content_cache.content_version()
    assert client.post(reverse("profile"), data).status_code < 400
    owner.profile.refresh_from_db()
    assert owner.profile.bio == "Nieuw over mij."
    assert content_cache.content_version() == before
    assert client.post(reverse("profile"), {**data, "display_name": "Olga E."}).status_code < 400
    assert content_cache.content_versions()["people"] > 0
    assert content_cache.content_version() == before + 1


def test_posting_in_the_live_mode_does_not_renew_the_pages():
    from cop.cache import _changes_content

    request = RequestFactory().post("/live/ABC123/rondes/1/bijdragen/")
    request.user = AnonymousUser()
    request.resolver_match = type("Match", (), {"namespaces": ["live"], "url_name": "contribute"})()
    assert not _changes_content(request, HttpResponse(status=302))


def test_members_get_their_own_private_copy_never_the_visitors_page(client, client_of, participant, owner):
    url = make_case(owner).get_absolute_url()
    visitor_page = client.get(url).content
    member = client_of(participant)
    member.get(url)  # sets the CSRF cookie: not kept
    for _ in range(2):
        response = member.get(url)
        assert response.status_code == 200
        assert "private" in response["Cache-Control"]
        assert response.content != visitor_page
        assert b"csrfmiddlewaretoken" in response.content  # their own sign-out form
    assert b"csrfmiddlewaretoken" not in client.get(url).content


def test_htmx_partials_and_full_pages_are_kept_apart(client):
    make_factor("Korte lijnen")
    board = reverse("factors:board")
    partial = client.get(board, HTTP_HX_REQUEST="true").content.decode()
    full = client.get(board).content.decode()
    assert "<html" not in partial and "<html" in full
    assert "HX-Request" in client.get(board)["Vary"]


def test_a_kept_page_is_also_kept_gzipped_for_browsers(client):
    for n in range(40):
        make_factor(f"Factor nummer {n}")
    board = reverse("factors:board")
    plain = client.get(board)
    packed = client.get(board, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert packed["ETag"] != plain["ETag"]
    assert "Accept-Encoding" in packed["Vary"]


def test_an_embed_from_the_cache_stays_frameable(client):
    make_factor("Korte lijnen")
    url = reverse("embed-board")
    fresh, kept = client.get(url), client.get(url)
    assert kept.content == fresh.content
    for response in (fresh, kept):
        assert not response.has_header("X-Frame-Options")
        assert "frame-ancestors *" in response["Content-Security-Policy"]


def request_for_a_page():
    request = RequestFactory().get("/over/")
    request.user = AnonymousUser()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


@pytest.mark.parametrize(
    "make_personal",
    [
        lambda request, response: get_token(request),
        lambda request, response: request.session.__setitem__("seen", True),
        lambda request, response: request._messages.add(20, "Welkom"),
        lambda request, response: setattr(request, "_csp_nonce", "abc"),
        lambda request, response: response.set_cookie("x", "y"),
        lambda request, response: setattr(response, "status_code", 404),
    ],
    ids=["CSRF token", "session changed", "message added", "CSP nonce", "cookie", "not found"],
)
def test_a_page_with_something_of_this_visitor_in_it_is_never_kept(make_personal):
    request, response = request_for_a_page(), HttpResponse("<p>Pagina</p>")
    assert content_cache._storable(request, response)
    make_personal(request, response)
    assert not content_cache._storable(request, response)


@pytest.mark.usefixtures("two_factor_enforced")
def test_a_member_s_kept_page_costs_the_session_and_the_user_only(
    client_of, participant, owner, django_assert_num_queries
):
    # The two-factor rule asks for the member's roles only when a view runs, not for their own
    # kept page (rendered for this session after it passed the rule).
    url = make_case(owner).get_absolute_url()
    member = client_of(participant)
    member.get(url)  # sets the CSRF cookie: not kept
    member.get(url)
    with django_assert_num_queries(3):  # the session, the user, the content versions (read every time here)
        response = member.get(url)
    assert response.status_code == 200 and "private" in response["Cache-Control"]


@pytest.mark.usefixtures("two_factor_enforced")
def test_a_facilitator_without_two_factor_is_still_sent_to_set_it_up_from_a_kept_page(
    client, client_of, facilitator, owner
):
    url = make_case(owner).get_absolute_url()
    assert client.get(url).status_code == 200  # the visitors' kept page exists
    response = client_of(facilitator).get(url)
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
