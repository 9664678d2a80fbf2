"""Dutch error pages that need no database; a lost database gives a friendly 503, never a stack trace."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import OperationalError
from django.template import loader
from django.test import Client

import config.urls

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.ops.urls_errors")]

ERROR_TEMPLATES = ["400.html", "403.html", "403_csrf.html", "404.html", "429.html", "500.html", "503.html"]


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def assert_dutch_page(response, status, heading):
    assert response.status_code == status
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert heading in html
    for leak in ("Traceback", "secret detail", "OperationalError", "Connection refused", "settings"):
        assert leak not in html
    return html


@pytest.mark.parametrize("name", ERROR_TEMPLATES)
def test_every_error_page_renders_without_context_request_or_database(name, django_assert_num_queries):
    with django_assert_num_queries(0):
        html = loader.get_template(name).render()
    assert '<html lang="nl">' in html
    assert html.count("<h1>") == 1
    assert '<main id="main"' in html


def test_an_unknown_address_gets_the_dutch_404_page_without_a_query(visitor, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = visitor.get("/bestaat-niet/")
    assert_dutch_page(response, 404, "Deze pagina bestaat niet (meer)")


def test_a_crash_gets_the_dutch_500_page_without_details(visitor):
    assert_dutch_page(visitor.get("/kapot/"), 500, "Er ging bij ons iets mis")


def test_the_real_urlconf_installs_the_database_aware_500_handler():
    assert config.urls.handler500 == "ops.views.server_error"


@pytest.mark.parametrize("path", ["/database-weg/", "/verbinding-dicht/"])
def test_a_lost_database_in_a_view_gets_the_friendly_503_page(visitor, path):
    response = visitor.get(path)
    assert_dutch_page(response, 503, "Het platform is even niet beschikbaar")
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"


def test_a_lost_database_while_reading_the_session_gets_the_503_page_too(visitor, participant, monkeypatch):
    visitor.force_login(participant)

    def unreachable(self):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(SessionStore, "load", unreachable)
    response = visitor.get("/")
    assert_dutch_page(response, 503, "Het platform is even niet beschikbaar")
    assert response["Retry-After"] == "30"


def test_a_lost_database_in_a_middleware_gets_the_503_page(visitor, facilitator, monkeypatch, settings):
    settings.MFA_REQUIRED_FOR_FACILITATORS = True  # its middleware reads the user before any view runs
    visitor.force_login(facilitator)

    def unreachable(*args, **kwargs):
        raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr("cop.middleware.needs_two_factor_setup", unreachable)
    assert_dutch_page(visitor.get("/"), 503, "Het platform is even niet beschikbaar")


def test_permission_denied_gets_the_dutch_403_page(visitor):
    assert_dutch_page(visitor.get("/verboden/"), 403, "Je hebt geen toegang tot deze pagina")


def test_a_suspicious_request_gets_the_dutch_400_page(visitor):
    assert_dutch_page(visitor.get("/verdacht/"), 400, "Dit verzoek kunnen we niet verwerken")


def test_an_unknown_host_gets_the_dutch_400_page(visitor):
    assert_dutch_page(visitor.get("/", HTTP_HOST="aanvaller.example"), 400, "Dit verzoek kunnen we niet verwerken")
