"""/healthz for the load balancer and /.well-known/security.txt."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import OperationalError, connection

pytestmark = pytest.mark.django_db


def test_healthz_says_ok_with_one_trivial_query_and_no_cookie(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"] == "text/plain"
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    assert "Vary" not in response


def test_healthz_answers_a_load_balancer_by_ip_over_plain_http(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/", HTTP_HOST="testserver").status_code == 301  # everything else goes to HTTPS
    response = client.get("/healthz", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200


def test_healthz_says_unavailable_when_the_database_is_unreachable(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"unavailable\n"
    assert response["Retry-After"] == "30"


def test_healthz_refuses_to_change_anything(client):
    assert client.post("/healthz").status_code == 405


def security_txt(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = {}
    for line in response.content.decode().splitlines():
        name, _, value = line.partition(": ")
        fields[name] = value
    return fields


def test_security_txt_has_the_fields_of_rfc_9116_and_expires_in_the_future(client):
    fields = security_txt(client)
    assert fields["Contact"] == "mailto:security@wetenwatwerkt.nl"
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    now = datetime.now(UTC)
    assert now + timedelta(days=30) < expires < now + timedelta(days=365)
    assert fields["Canonical"].endswith("/.well-known/security.txt")
    assert fields["Preferred-Languages"] == "nl, en"


def test_the_security_contact_comes_from_the_settings(client, settings):
    settings.SECURITY_CONTACT = "https://example.nl/melden"
    assert security_txt(client)["Contact"] == "https://example.nl/melden"
