"""Production settings, security headers, the Content-Security-Policy and cookies."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_PAGES = ["home", "about", "privacy", "accessibility", "glossary", "search", "account_login", "account_signup"]


def production_env(**extra):
    """A clean environment as on a production host: a real secret, real hosts, nothing else."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "wetenwatwerkt.example.nl",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        **extra,
    }


def run_python(args, env):
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_the_production_settings_pass_check_deploy_without_any_warning():
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_the_production_settings_have_secure_cookies_hsts_and_no_debug():
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; print(json.dumps({k: getattr(s, k)"
        " for k in ['DEBUG', 'SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'SESSION_COOKIE_SAMESITE',"
        " 'CSRF_COOKIE_SECURE', 'CSRF_COOKIE_SAMESITE', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS',"
        " 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_CONTENT_TYPE_NOSNIFF', 'X_FRAME_OPTIONS', 'LOG_FORMAT']}))"
    )
    result = run_python(["-c", code], production_env())
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "X_FRAME_OPTIONS": "DENY",
        "LOG_FORMAT": "json",
    }


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_its_secret_or_hosts(missing):
    env = production_env()
    del env[missing]
    result = run_python(["manage.py", "check"], env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr


def csp(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_every_page_has_a_strict_content_security_policy(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    policy = csp(response)
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["default-src"] == ["'self'"]
    for directive in ("script-src", "default-src"):
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"} & set(policy[directive])
    # Every script on the page is either our own file or carries this response's nonce.
    nonces = {source[len("'nonce-") : -1] for source in policy["script-src"] if source.startswith("'nonce-")}
    for tag in re.findall(r"<script\b[^>]*>", response.content.decode()):
        src = re.search(r'\bsrc="([^"]+)"', tag)
        nonce = re.search(r'\bnonce="([^"]+)"', tag)
        assert (src and src.group(1).startswith("/")) or (nonce and nonce.group(1) in nonces), tag


@pytest.mark.urls("tests.security.urls_nonce")
def test_an_inline_script_runs_only_with_the_nonce_of_its_own_response(client):
    first, second = client.get("/met-nonce/"), client.get("/met-nonce/")
    nonce = re.search(r'nonce="([^"]+)"', first.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in csp(first)["script-src"]
    assert f"'nonce-{nonce}'" not in csp(second)["script-src"]
    assert "'unsafe-inline'" not in csp(first)["script-src"]


def test_the_other_security_headers_are_sent(client):
    response = client.get(reverse("home"), secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize("name", ["home", "about", "privacy", "glossary", "search"])
def test_a_visitor_who_only_reads_gets_no_cookie(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert not response.cookies
