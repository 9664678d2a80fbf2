"""Log-in links come back to the page they left, but never to an account page (no nesting ?next=)."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import RequestFactory

from cop.utils import login_url
from tests.conftest import make_case

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"


def login_links(client, path):
    html = client.get(path).content.decode()
    return [href.replace("&amp;", "&") for href in re.findall(r'href="(/accounts/login/[^"]*)"', html)]


def next_of(href):
    return parse_qs(urlsplit(href).query).get("next", [None])[0]


@pytest.fixture
def case(owner):
    return make_case(owner, title="Kenniskwartier Arnhem")


def test_a_public_page_logs_in_and_comes_back(client, case):
    links = login_links(client, case.get_absolute_url())
    assert links
    assert {next_of(link) for link in links} == {case.get_absolute_url()}


@pytest.mark.parametrize(
    "path",
    [LOGIN, f"{LOGIN}?next=/casussen/", f"{LOGIN}?next={LOGIN}%3Fnext%3D/casussen/", "/accounts/signup/"],
)
def test_no_log_in_link_points_back_at_an_account_page(client, path):
    links = login_links(client, path)
    assert links, path
    for link in links:
        target = next_of(link)
        assert target is None or not target.startswith("/accounts/"), (path, link)


def test_the_log_in_page_keeps_the_page_it_came_from(client):
    for link in login_links(client, f"{LOGIN}?next=/casussen/"):
        assert next_of(link) == "/casussen/"


def test_following_log_in_links_reaches_a_fixed_set_of_addresses(client, case):
    # A crawler following every log-in link once reached 3,079 addresses under /accounts/.
    seen, todo = set(), [case.get_absolute_url(), "/accounts/signup/"]
    for _step in range(6):
        found = {link for path in todo for link in login_links(client, path)}
        todo = sorted(found - seen)
        seen |= found
    assert len(seen) <= 3, sorted(seen)
    assert all(len(link) < 100 for link in seen)


@pytest.mark.parametrize("unsafe", ["https://elders.example/", "//elders.example/pad", "/accounts/logout/"])
def test_an_unsafe_or_account_next_is_dropped(unsafe):
    request = RequestFactory().get(LOGIN, {"next": unsafe})
    assert login_url(request) == LOGIN
    assert login_url(RequestFactory().get("/casussen/"), unsafe) == LOGIN


def test_the_live_phone_page_links_to_log_in_with_its_own_address():
    request = RequestFactory().get("/live/ABC123/", {"x": "1"})
    assert login_url(request, request.path) == f"{LOGIN}?next=/live/ABC123/"
