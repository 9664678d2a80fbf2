"""The API follows the NL API Design Rules (issue 18): version, paths, headers, CORS, problem details.

Two external checks run here too: Spectral with the ADR rules of tests/portal/adr-ruleset.yaml
on the generated openapi.json (0 errors), and schemathesis, which sends generated valid and
invalid requests to every operation through the WSGI app and holds each answer to the schema.
"""

import json
import subprocess
from pathlib import Path

import pytest
import schemathesis
from django.conf import settings
from django.core import signals
from django.db import close_old_connections
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from rest_framework.exceptions import Throttled
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application
from portal.api.problems import exception_handler
from tests.tools import require_spectral

pytestmark = pytest.mark.django_db
RULESET = Path(__file__).with_name("adr-ruleset.yaml")
PROBLEM = "application/problem+json"


def assert_problem(response, status, *, param=None):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith(PROBLEM)
    body = json.loads(response.content)
    assert body["status"] == status and body["type"] == "about:blank"
    assert body["title"] and body["detail"]
    assert response["API-Version"] == settings.API_VERSION
    assert response["Access-Control-Allow-Origin"] == "*"
    if param:
        assert param in {e["location"]["name"] for e in body["errors"]}
        assert {e["in"] for e in body["errors"]} == {"query"}
    return body


# --- version, paths, headers ----------------------------------------------------------------


def test_every_answer_names_the_version_and_is_open_to_other_sites(client, world):
    for url in [
        reverse("api-index"),
        reverse("api-schema"),
        reverse("api:case-list"),
        reverse("api:case-detail", kwargs={"slug": world.case.slug}),
        "/api/v1/bestaat-niet",
        "/api/cases/",
    ]:
        response = client.get(url)
        assert response["API-Version"] == settings.API_VERSION == "1.2.0", url
        assert response["Access-Control-Allow-Origin"] == "*", url
        assert "API-Version" in response["Access-Control-Expose-Headers"]


def test_the_schema_says_the_same_version_and_base_path(client, db):
    response = client.get(reverse("api-schema"))
    assert reverse("api-schema") == "/api/v1/openapi.json"
    assert response["Content-Disposition"] == 'inline; filename="openapi.json"'
    schema = response.json()
    assert schema["openapi"].startswith("3.") and schema["info"]["version"] == settings.API_VERSION
    assert schema["servers"] == [{"url": f"{settings.SITE_URL}/api/v1", "description": "This site"}]
    assert set(schema["info"]["contact"]) == {"name", "url", "email"}
    assert all(not path.endswith("/") for path in schema["paths"])
    page_size = next(p for p in schema["paths"]["/cases"]["get"]["parameters"] if p["name"] == "pageSize")
    assert page_size["schema"] | {"minimum": 1, "maximum": 100} == page_size["schema"]
    yaml = client.get(reverse("api-schema-yaml"))
    assert yaml["Content-Disposition"] == 'inline; filename="openapi.yaml"' and b"openapi:" in yaml.content


def test_every_operation_documents_its_errors_as_problems(client, db):
    schema = client.get(reverse("api-schema")).json()
    problem = schema["components"]["responses"]["NotFound"]["content"][PROBLEM]["schema"]
    assert problem == {"$ref": "#/components/schemas/Problem"}
    for path, item in schema["paths"].items():
        responses = item["get"]["responses"]
        assert {"200", "400", "404", "406", "500", "503"} <= set(responses), path
        assert responses["200"]["headers"]["API-Version"] == {"$ref": "#/components/headers/API-Version"}


def test_paths_have_no_trailing_slash_and_one_with_one_is_not_redirected(client, world):
    assert reverse("api:case-list") == "/api/v1/cases"
    assert reverse("api:case-detail", kwargs={"slug": world.case.slug}) == f"/api/v1/cases/{world.case.slug}"
    assert_problem(client.get("/api/v1/cases/"), 404)
    assert_problem(client.get(f"/api/v1/cases/{world.case.slug}/"), 404)
    assert_problem(client.get("/api/v1/"), 404)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/api/cases/?theme=leefbaarheid&page_size=1", "/api/v1/cases?theme=leefbaarheid&page_size=1"),
        ("/api/cases/dorpshuis/", "/api/v1/cases/dorpshuis"),
        ("/api/themes/", "/api/v1/themes"),
        ("/api/schema/", "/api/v1/openapi.yaml"),
        ("/api/schema/?format=json", "/api/v1/openapi.json"),
    ],
)
def test_the_paths_of_before_version_1_redirect_permanently(client, db, old, new):
    response = client.get(old)
    assert response.status_code == 308 and response["Location"] == new
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_human_page_stays_at_api(client, db):
    assert reverse("api-root") == "/api/"
    assert "Open data API" in client.get("/api/").content.decode()


# --- CORS -----------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/api/v1/cases", "/api/v1/openapi.json", "/api/v1"])
def test_a_cors_preflight_is_answered(client, db, url):
    response = client.options(url, headers={"Origin": "https://elders.example", "Access-Control-Request-Method": "GET"})
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_head_answers_like_get(client, world):
    response = client.head(reverse("api:case-list"))
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"


# --- problem details ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"pageSize": "abc"}, "pageSize"),
        ({"pageSize": "-1"}, "pageSize"),
        ({"pageSize": "0"}, "pageSize"),
        ({"pageSize": "101"}, "pageSize"),
        ({"page_size": "1000"}, "page_size"),
        ({"page": "abc"}, "page"),
        ({"page": "0"}, "page"),
        ({"page": "last"}, "page"),
    ],
)
def test_a_wrong_page_or_page_size_is_a_400_problem(client, world, params, name):
    body = assert_problem(client.get(reverse("api:case-list"), params), 400, param=name)
    assert body["title"] == "Ongeldige vraag" and body["instance"] == "/api/v1/cases"


@pytest.mark.parametrize(
    ("name", "params", "param"),
    [
        ("api:factor-list", {"kind": "bestaat-niet"}, "kind"),
        ("api:factor-list", {"sort": "random"}, "sort"),
        ("api:case-list", {"stage": "bijna"}, "stage"),
        ("api:case-list", {"perspective": "iedereen"}, "perspective"),
        ("api:meeting-list", {"status": "weg"}, "status"),
        ("api:meeting-list", {"harvest": "misschien"}, "harvest"),
        ("api:term-list", {"key": "2"}, "key"),
    ],
)
def test_a_value_outside_the_schema_is_a_400_problem(client, world, name, params, param):
    assert_problem(client.get(reverse(name), params), 400, param=param)


def test_the_page_size_is_at_most_100_and_a_page_past_the_end_is_not_found(client, world):
    assert client.get(reverse("api:case-list"), {"pageSize": "100"}).status_code == 200
    assert_problem(client.get(reverse("api:case-list"), {"page": "99"}), 404)


def test_unknown_objects_and_paths_are_404_problems_in_dutch(client, world):
    body = assert_problem(client.get(reverse("api:case-detail", kwargs={"slug": world.draft.slug})), 404)
    assert body["title"] == "Niet gevonden"
    assert_problem(client.get("/api/v1/bestaat/niet"), 404)


def test_problems_are_in_english_with_the_english_interface(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = assert_problem(client.get("/api/v1/bestaat-niet"), 404)
    assert body["title"] == "Not found"
    body = assert_problem(client.get(reverse("api:case-list"), {"pageSize": "0"}), 400, param="pageSize")
    assert body["errors"] == [
        {"in": "query", "location": {"name": "pageSize"}, "code": "out-of-range",
         "detail": "Give a whole number from 1 to 100."}
    ]  # fmt: skip


def test_writing_is_a_405_problem(client, world):
    response = client.post(reverse("api:case-list"), {"title": "Nieuw"})
    assert_problem(response, 405)
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert_problem(client.delete(reverse("api:case-detail", kwargs={"slug": world.case.slug})), 405)


def test_asking_for_anything_but_json_is_a_406_problem(client, world):
    assert_problem(client.get(reverse("api:case-list"), headers={"Accept": "text/html"}), 406)
    assert client.get(reverse("api:case-list"), headers={"Accept": "application/json"}).status_code == 200


def test_a_nul_byte_is_a_400_problem_that_names_the_parameter(client, db):
    body = assert_problem(client.get("/api/v1/cases?q=%00&pageSize=5"), 400, param="q")
    assert [e["location"]["name"] for e in body["errors"]] == ["q"]
    body = assert_problem(client.get("/api/v1/cases%00"), 400)
    assert body["errors"][0]["in"] == "path"


def test_a_server_error_is_a_500_problem(client, db, monkeypatch):
    def broken(self):
        raise RuntimeError("boom")

    monkeypatch.setattr("portal.api.views.ThemeViewSet.get_queryset", broken)
    client.raise_request_exception = False
    assert_problem(client.get(reverse("api:theme-list")), 500)


def test_too_many_requests_is_a_429_problem_with_retry_after(rf):
    request = rf.get("/api/v1/cases")
    response = exception_handler(Throttled(wait=12.5), {"request": request})
    assert response.status_code == 429 and response["Retry-After"] == "13"
    body = json.loads(response.content)
    assert body["title"] == "Te veel verzoeken" and "13" in body["detail"]


# --- the external checks --------------------------------------------------------------------


def test_spectral_finds_no_adr_errors_in_the_schema(client, db, tmp_path):
    spectral = require_spectral()
    document = tmp_path / "openapi.json"
    document.write_bytes(client.get(reverse("api-schema")).content)
    result = subprocess.run(
        [*spectral, "lint", "--quiet", "-r", str(RULESET), "-f", "json", str(document)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    findings = json.loads(result.stdout or "[]")
    errors = [f"{f['code']}: {f['message']} at {'.'.join(map(str, f['path']))}" for f in findings if f["severity"] == 0]
    assert errors == [], "\n".join(errors)
    assert result.returncode == 0, result.stderr


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = 10  # per operation and mode: 10 operations, 2 modes, some 200 requests in all


@pytest.fixture
def open_connections():
    """Keep the test's database connection open across WSGI requests, as Django's test client does.

    ``application`` closes old connections when a request ends (``close_old_connections``); in a
    test that would close the connection that holds the test's transaction.
    """
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


def test_schemathesis_finds_no_failures(world, open_connections):
    """Valid and invalid requests to every operation; each answer must match the schema.

    Run by hand rather than with ``schemathesis.pytest.from_fixture``, whose lazy loader
    does not work with pytest 9 (it reads ``request.node._nodeid``); the checks are the same.
    """
    api = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) == 10
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @hypothesis_settings(
                max_examples=EXAMPLES,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(generation_mode=mode))
            def check(case):
                case.call_and_validate(checks=CHECKS)

            check()
