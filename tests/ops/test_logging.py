"""Structured logs: one JSON object per line, with the request's id, path and status."""

import json
import logging
import sys
import uuid

import pytest

from cop.logging import JSONFormatter

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_log():
    """Lines written by the ``django.request`` and ``cop`` loggers, formatted as in production."""
    lines = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(self.format(record))

    handler = Collect()
    handler.setFormatter(JSONFormatter())
    loggers = [logging.getLogger("django.request"), logging.getLogger("cop")]
    for logger in loggers:
        logger.addHandler(handler)
    yield lines
    for logger in loggers:
        logger.removeHandler(handler)


def test_a_404_is_logged_as_one_json_line_with_request_id_path_and_status(client, json_log):
    response = client.get("/bestaat-niet/", headers={"X-Request-ID": "lb-7f3a9c21e0"})
    assert response["X-Request-ID"] == "lb-7f3a9c21e0"
    [line] = json_log
    entry = json.loads(line)
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "django.request"
    assert entry["message"] == "Not Found: /bestaat-niet/"
    assert entry["status"] == 404
    assert entry["request_id"] == "lb-7f3a9c21e0"
    assert entry["path"] == "/bestaat-niet/"
    assert entry["method"] == "GET"
    assert entry["time"].endswith("+00:00")


@pytest.mark.urls("tests.ops.urls_errors")
def test_a_database_outage_is_logged_once_with_the_request_id_and_no_traceback(json_log):
    from django.test import Client

    Client(raise_request_exception=False).get("/database-weg/", headers={"X-Request-ID": "req-outage-01"})
    entries = [json.loads(line) for line in json_log]
    assert [e["message"] for e in entries] == [
        "database unavailable: OperationalError",
        "Service Unavailable: /database-weg/",
    ]
    assert {e["request_id"] for e in entries} == {"req-outage-01"}
    assert "exception" not in entries[0]


def test_a_made_up_request_id_is_replaced(client):
    response = client.get("/healthz", headers={"X-Request-ID": 'x"\n{"level": "CRITICAL"}'})
    assert uuid.UUID(response["X-Request-ID"])


def test_exceptions_are_kept_inside_the_json_line():
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        record = logging.getLogger("cop").makeRecord(
            "cop", logging.ERROR, __file__, 1, "failed %s", ("x",), sys.exc_info()
        )
    line = JSONFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "failed x"
    assert "RuntimeError: boom" in entry["exception"]


def test_json_logs_are_the_production_default():
    from django.conf import settings

    assert settings.LOG_FORMAT == "json"
    assert settings.LOGGING["handlers"]["console"]["formatter"] == "json"
    assert settings.LOGGING["formatters"]["json"]["()"] == "cop.logging.JSONFormatter"
