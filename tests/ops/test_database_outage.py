"""A real database outage: the app answers with the Dutch 503 page and recovers on its own.

A gunicorn worker (persistent connections, ``CONN_HEALTH_CHECKS``) serves the site
from a PostgreSQL cluster of this test's own, made with the binaries of the CI
cluster (``PGBIN``, ``PG_RUNAS`` exported by ``.ci/pg.sh``) and filled with the
schema of the test database. Stopping that cluster cannot disturb other tests.
"""

import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

# django_db: the test database (whose schema is copied) exists only for tests that ask for it.
pytestmark = [pytest.mark.postgres, pytest.mark.pgcontrol, pytest.mark.django_db]

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pg_tools():
    missing = [name for name in ("PGBIN", "PG_RUNAS") if name not in os.environ]
    if missing:
        reason = f"needs {', '.join(missing)} from .ci/pg.sh (run through .ci/run)"
        if os.environ.get("REQUIRE_ALL_TESTS") == "1":
            pytest.fail(f"REQUIRE_ALL_TESTS=1 but this test {reason}", pytrace=False)
        pytest.skip(reason)
    return os.environ["PGBIN"], shlex.split(os.environ["PG_RUNAS"])


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, timeout=120, **kwargs)
    if result.returncode:
        pytest.fail(
            f"{command[0]} failed ({result.returncode}): {result.stderr.decode(errors='replace')}", pytrace=False
        )
    return result


class Cluster:
    """A throwaway PostgreSQL cluster that can be stopped and started."""

    def __init__(self, pgbin, runas):
        self.pgbin, self.runas, self.port = pgbin, runas, free_port()
        self.folder = tempfile.mkdtemp(prefix="www-outage-")
        os.chmod(self.folder, 0o755)
        self.data = os.path.join(self.folder, "pgdata")
        os.mkdir(self.data, 0o700)
        if runas:
            shutil.chown(self.data, "postgres", "postgres")
        self.run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8")

    def run(self, tool, *args):
        return run([*self.runas, f"{self.pgbin}/{tool}", *args])

    def start(self):
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.data} -c fsync=off"
        )
        self.run("pg_ctl", "-D", self.data, "-l", f"{self.data}/server.log", "-w", "-t", "60", "start", "-o", options)

    def stop(self):
        self.run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def remove(self):
        subprocess.run(
            [*self.runas, f"{self.pgbin}/pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop"], capture_output=True
        )
        shutil.rmtree(self.folder, ignore_errors=True)

    def copy_schema_of(self, settings_dict):
        """Create role and database ``app`` holding the test database's schema and migration records."""
        psql = [f"{self.pgbin}/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(self.port)]
        run(
            [
                *psql,
                "-U",
                "postgres",
                "-c",
                "CREATE ROLE app LOGIN PASSWORD 'app'",
                "-c",
                "CREATE DATABASE app OWNER app",
            ]
        )
        source = settings_dict
        env = {**os.environ, "PGPASSWORD": source["PASSWORD"] or ""}
        dump = run(
            [
                f"{self.pgbin}/pg_dump",
                "--no-owner",
                "--no-acl",
                "-h",
                source["HOST"],
                "-p",
                str(source["PORT"]),
                "-U",
                source["USER"],
                source["NAME"],
            ],
            env=env,
        )
        run([*psql, "-U", "app", "-d", "app"], input=dump.stdout, env={**os.environ, "PGPASSWORD": "app"})


@pytest.fixture
def cluster(pg_tools, db):
    cluster = Cluster(*pg_tools)
    try:
        cluster.start()
        cluster.copy_schema_of(connection.settings_dict)
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def server(cluster, tmp_path):
    """One gunicorn sync worker: one thread, one persistent connection, as in production."""
    port = free_port()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SECRET_KEY": "outage-test-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DJANGO_PLAIN_STATIC": "1",
        "DATABASE_URL": f"postgres://app:app@127.0.0.1:{cluster.port}/app",
        "DATABASE_CONN_MAX_AGE": "600",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    log = open(tmp_path / "gunicorn.log", "w")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "1",
            "--timeout",
            "60",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            if process.poll() is not None:
                pytest.fail("gunicorn exited: " + (tmp_path / "gunicorn.log").read_text())
            try:
                urllib.request.urlopen(base + "/healthz", timeout=5)
                break
            except OSError:  # not listening yet, refused, or a first answer slower than 5 s on a busy machine
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not answer within 30 s: " + (tmp_path / "gunicorn.log").read_text())
        yield Server(base, tmp_path / "gunicorn.log")
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


class Server:
    def __init__(self, base, log):
        self.base, self.log = base, log

    def get(self, path):
        return get(self.base + path)

    def log_tail(self):
        return "\n--- gunicorn log ---\n" + "\n".join(self.log.read_text().splitlines()[-40:])


def get(url):
    """``(status, headers, text)`` without raising on 4xx/5xx."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_a_database_outage_gives_the_dutch_503_page_and_the_site_recovers_by_itself(cluster, server):
    status, _headers, html = server.get("/")
    assert status == 200, server.log_tail()

    # A restart between two requests: the worker's persistent connection is dead, and the
    # health check at the start of the next request replaces it before any query fails.
    cluster.stop()
    cluster.start()
    assert server.get("/")[0] == 200, server.log_tail()

    cluster.stop()
    status, headers, html = server.get("/casussen/")
    assert status == 503, server.log_tail()
    assert headers["Retry-After"] == "30"
    assert '<html lang="nl">' in html and "Het platform is even niet beschikbaar" in html
    assert "Traceback" not in html and "OperationalError" not in html
    assert server.get("/healthz")[0] == 503

    cluster.start()
    statuses = [server.get(path)[0] for path in ("/", "/casussen/", "/healthz", "/begrippen/")]
    assert statuses == [200, 200, 200, 200], server.log_tail()
