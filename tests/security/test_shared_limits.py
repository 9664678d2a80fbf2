"""Limits hold across app processes without Redis (issue 14, finding 3).

Two app processes with the production settings (config.settings: allauth's
limits in the database cache table, the live mode's in ``cop.RateCount``) share
one database and hit the same limits at the same time. Without a shared store
each process counted for itself: 15 of 18 wrong passwords were checked, one
guest got 36 dots through a 12-per-minute limit.

The processes need a database they can both open, so this test makes its own
(a SQLite file; on PostgreSQL runs, a database next to the test database).
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def production_env(database_url):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PAGE_CACHE_SECONDS", "EMAIL_BACKEND"} and not key.startswith("PYTEST")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=database_url,
        SECRET_KEY="limits-test-not-a-secret",
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        DJANGO_PLAIN_STATIC="1",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        REDIS_URL="",
    )
    return env


@pytest.fixture
def shared_database(tmp_path):
    """A migrated database for two processes, with one member; the URL."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        name = f"limits_{uuid.uuid4().hex[:8]}"
        admin = connection.cursor()
        admin.execute(f'CREATE DATABASE "{name}"')
        url = f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST']}:{settings['PORT']}/{name}"
    else:
        name, url = None, f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    env = production_env(url)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    make_member = (
        "from cop.models import User; from allauth.account.models import EmailAddress; "
        "u = User.objects.create_user(email='lid@example.org', password='Goed-wachtwoord-2026'); "
        "EmailAddress.objects.create(user=u, email=u.email, verified=True, primary=True)"
    )
    subprocess.run([sys.executable, "manage.py", "shell", "-c", make_member], cwd=ROOT, env=env, check=True)
    yield env
    if name:
        connection.close()
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def two_processes(env, mode, n):
    """Start two app processes at once, each sending ``n`` requests; all their answers."""
    command = [sys.executable, "-m", "tests.security.limits_worker", mode, str(n)]
    workers = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    answers = []
    for worker in workers:
        out, _ = worker.communicate(timeout=120)
        assert worker.returncode == 0
        answers += json.loads(out.strip().splitlines()[-1])
    return answers


@pytest.mark.django_db(transaction=True)
def test_two_processes_share_the_live_lookup_limit(shared_database):
    answers = two_processes(shared_database, "lookup", 25)
    # 30 failed lookups a minute per address (meetings/ratelimit.py), counted once for both.
    assert sorted(answers) == [404] * 30 + [429] * 20


@pytest.mark.django_db(transaction=True)
def test_two_processes_share_the_failed_login_limit(shared_database):
    answers = two_processes(shared_database, "login", 5)
    # 5 failed logins per account in 5 minutes (ACCOUNT_RATE_LIMITS), checked once for both.
    assert answers.count(200) == 5
    assert answers.count("too-many") == 5
