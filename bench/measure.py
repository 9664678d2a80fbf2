"""Measure a running app (bench/run starts it under gunicorn) and write the numbers as JSON.

    python bench/measure.py pages    --base URL --scale S|L [--load] --out FILE
    python bench/measure.py live     --base URL --master-pid PID --out FILE
    python bench/measure.py scenario --hosts URL,URL --label NAME --out FILE

``pages``: for every page of bench/pages.py the SQL queries of one uncached
request (the ``X-Query-Count`` header of bench mode), and with ``--load`` the
throughput and latency under wrk at 16 connections, beside the bare view's.
``live``: the live endpoints one by one (post a contribution, wall poll unchanged
and changed), then the 500-person scenario (bench/locustfile.py), then the
resident memory of the gunicorn workers. ``scenario``: the scenario alone, for
example across two app processes.

Runs with the app's environment (DATABASE_URL and the settings), because it finds
its sample pages and checks stored contributions in the database.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from bench.pages import BARE, LIVE, PAGES, SCENARIO_SLUG, MissingError, Samples, live_paths  # noqa: E402
from cop.models import RateCount  # noqa: E402
from devtools.datagen.steps_meetings import open_live_room  # noqa: E402
from meetings.models import Contribution, Meeting  # noqa: E402

CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
THREADS = int(os.environ.get("BENCH_WRK_THREADS", "2"))
DURATION = int(os.environ.get("BENCH_DURATION", "8"))
REVISIT_DURATION = int(os.environ.get("BENCH_REVISIT_DURATION", "4"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "2"))
POST_DURATION = int(os.environ.get("BENCH_POST_DURATION", "5"))
GUESTS = int(os.environ.get("BENCH_GUESTS", "200"))
# A page slower than this per request is not put under load (it would only queue up).
SLOW_SECONDS = float(os.environ.get("BENCH_SLOW_SECONDS", "3"))
REQUEST_TIMEOUT = int(os.environ.get("BENCH_REQUEST_TIMEOUT", "60"))
BARE_PATH = "/bench/bare/"
WRK = os.environ.get("WRK", "wrk")
LOCUST = os.environ.get("LOCUST", str(Path(sys.executable).parent / "locust"))


def log(message):
    print(message, file=sys.stderr, flush=True)


# --- single requests ----------------------------------------------------------------------


def get(base, path, session=None, **kwargs):
    return (session or requests).get(base + path, allow_redirects=False, timeout=REQUEST_TIMEOUT, **kwargs)


# In bench mode this header makes the app bypass its page and fragment caches (devtools/benchmw.py).
COLD = {"X-Bench-Cold": "1"}


def timed_get(base, path, headers=None):
    started = time.monotonic()
    response = get(base, path, headers=headers)
    return response, round(time.monotonic() - started, 3)


def warm(base, path, rounds=2):
    """Let every worker render the page once: rounds of CONNECTIONS requests at the same time."""
    with ThreadPoolExecutor(CONNECTIONS) as pool:
        for _ in range(rounds):
            list(pool.map(lambda _n: get(base, path, headers={"Accept-Encoding": "gzip"}), range(CONNECTIONS)))


def probe(base, path):
    """Status, size, caching headers; queries and time of the work behind the page (cold), and warm."""
    response, first_s = timed_get(base, path)
    # Every worker first: a worker's first request also opens its database connection
    # (two pg_type lookups of django.contrib.postgres), which is not the page's work.
    warm(base, path)
    counts, colds = [], []
    # A page that takes seconds is measured once: the benchmark must end in 15 minutes.
    for _ in range(3 if first_s < SLOW_SECONDS else 1):
        cold, seconds = timed_get(base, path, headers=COLD)
        colds.append(seconds)
        if "X-Query-Count" in cold.headers:
            counts.append(int(cold.headers["X-Query-Count"]))
    warm_s = min(timed_get(base, path)[1] for _ in range(3))
    return {
        "status": response.status_code,
        "bytes": len(response.content),
        "content_type": response.headers.get("Content-Type", ""),
        "etag": response.headers.get("ETag"),
        "last_modified": response.headers.get("Last-Modified"),
        "queries": min(counts) if counts else None,
        "first_seconds": first_s,
        "cold_ms": round(1000 * statistics.median(colds)),
        "warm_seconds": warm_s,
    }


# --- load ---------------------------------------------------------------------------------


def wrk_command(url, seconds, headers=(), connections=None, threads=None):
    connections = connections or CONNECTIONS
    threads = min(threads or THREADS, connections)
    command = [WRK, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s"]
    command += ["-s", str(ROOT / "bench" / "wrk.lua")]
    for header in headers:
        command += ["-H", header]
    command.append(url)
    return command


def wrk_result(url, stdout, stderr=""):
    match = re.search(r"^WRK_JSON (.*)$", stdout, re.MULTILINE)
    if not match:
        raise RuntimeError(f"wrk gave no result for {url}: {stdout} {stderr}")
    raw = json.loads(match.group(1))
    seconds_run = raw["duration_us"] / 1e6
    errors = sum(raw[k] for k in ("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts"))
    return {
        "requests": raw["requests"],
        "rps": round(raw["requests"] / seconds_run, 1),
        "median_ms": round(raw["p50_us"] / 1000, 2),
        "p95_ms": round(raw["p95_us"] / 1000, 2),
        "p99_ms": round(raw["p99_us"] / 1000, 2),
        "errors": errors,
        "status_errors": raw["status_errors"],
    }


def wrk(url, seconds, headers=(), env=None):
    command = wrk_command(url, seconds, headers)
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **(env or {})}, check=False)
    return wrk_result(url, result.stdout, result.stderr)


def load(base, path, headers=(), env=None, seconds=None):
    if WARMUP:
        wrk(base + path, WARMUP, headers, env)
    return wrk(base + path, seconds or DURATION, headers, env)


# --- pages --------------------------------------------------------------------------------


def drain(base, limit=90):
    """Wait until the app answers the bare view quickly again (wrk leaves requests queued)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if timed_get(base, BARE_PATH)[1] < 0.5:
                return
        except requests.RequestException:
            pass
        time.sleep(1)


def measure_page(base, page, samples, with_load):
    row = {"name": page.name, "kind": page.kind}
    try:
        path = page.url(samples)
    except MissingError as missing:
        row["missing"] = str(missing)
        log(f"  {page.name:<28} missing ({missing})")
        return row
    row["path"] = path
    try:
        row.update(probe(base, path))
    except requests.RequestException as error:
        row["error"] = f"no answer ({type(error).__name__})"
        log(f"  {page.name:<28} {row['error']}")
        drain(base)
        return row
    if row["status"] == 404:
        row["missing"] = "404"
    elif row["status"] >= 400:
        row["error"] = f"HTTP {row['status']}"
    elif with_load and row["warm_seconds"] >= SLOW_SECONDS:
        row["error"] = f"too slow to load: {row['warm_seconds']} s per request"
    elif with_load:
        row["load"] = load(base, path)
        drain(base)
        if row.get("etag"):
            # A revisit: the page is warm already, so no warm-up run.
            row["revisit"] = wrk(base + path, REVISIT_DURATION, [f"If-None-Match: {row['etag']}"])
            drain(base)
    outcome = row.get("missing") or row.get("error") or "ok"
    log(f"  {page.name:<28} {outcome} queries={row.get('queries')} cold={row.get('cold_ms')} ms")
    return row


def measure_pages(base, scale, with_load):
    samples = Samples()
    bare_before = measure_page(base, BARE, samples, with_load)
    rows = [measure_page(base, page, samples, with_load) for page in PAGES]
    result = {"scale": scale, "base": base, "load": with_load, "pages": rows, "bare": bare_before}
    if with_load:
        # The baseline again at the end: the mean of both is what pages are compared with.
        result["bare_after"] = measure_page(base, BARE, samples, with_load)
    return result


# --- live ---------------------------------------------------------------------------------


def new_guest(base, paths, number=0):
    session = requests.Session()
    # Its own address, as behind a proxy (bench/run: TRUSTED_PROXY_COUNT=1).
    session.headers["X-Forwarded-For"] = f"10.200.{number // 256 % 256}.{number % 256}"
    page = get(base, paths["join"], session)
    token = re.search(r'name="token" value="([^"]+)"', page.text)
    response = session.post(
        base + paths["guest"],
        data={
            "perspective": "inwoners",
            "token": token.group(1) if token else "",
            "csrfmiddlewaretoken": session.cookies.get("csrftoken", ""),
        },
        allow_redirects=False,
        timeout=60,
    )
    if response.status_code != 302 or "Doe mee als gast" in get(base, paths["join"], session).text:
        raise RuntimeError(f"could not become a guest: {response.status_code}")
    return session


def measure_live_endpoints(base):
    paths = live_paths()
    log(f"  live endpoints: making {GUESTS} guests")
    guests = [new_guest(base, paths, number) for number in range(GUESTS)]
    rows = []

    # Posting: one request for the query count, then wrk posting as all guests in turn.
    first = guests[0]
    response = first.post(
        base + paths["post"],
        data={"text": "Bewoners maken samen de wijk", "csrfmiddlewaretoken": first.cookies["csrftoken"]},
        allow_redirects=False,
        timeout=60,
    )
    row = {"name": "post a contribution", "kind": LIVE, "path": paths["post"], "status": response.status_code}
    row["queries"] = int(response.headers.get("X-Query-Count", -1))
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as sessions:
        for guest in guests:
            sessions.write(f"{guest.cookies['sessionid']} {guest.cookies['csrftoken']}\n")
    row["load"] = load(base, paths["post"], env={"BENCH_SESSIONS": sessions.name}, seconds=POST_DURATION)
    os.unlink(sessions.name)
    rows.append(row)
    log(f"  {row['name']:<28} status={row['status']} queries={row['queries']}")

    # The wall's poll: with ten contributions to fetch, and with nothing new (204).
    # First let the server finish the posts wrk left in flight.
    settle(paths["meeting"])
    for name, key, expected in (
        ("wall poll, changed", "wall_changed", 200),
        ("wall poll, unchanged", "wall_unchanged", 204),
    ):
        path = live_paths()[key]
        row = {"name": name, "kind": LIVE, "path": path}
        row.update(probe(base, path))
        if row["status"] != expected:
            row["error"] = f"HTTP {row['status']}, expected {expected}"
        row["load"] = load(base, path)
        drain(base)
        rows.append(row)
        log(f"  {name:<28} status={row['status']} queries={row['queries']}")
    return rows


def settle(meeting_pk, limit=120):
    """Wait until the meeting's live version stops moving (posts still queued in the app)."""
    deadline, last = time.monotonic() + limit, None
    while time.monotonic() < deadline:
        version = Meeting.objects.filter(pk=meeting_pk).values_list("live_version", flat=True).get()
        if version == last:
            return
        last = version
        time.sleep(2)


def fresh_room(template_slug, label, capacity=None):
    """A new live meeting for one scenario, as a facilitator opens one: its own join code and round.

    Each scenario starts empty, so its figures do not depend on what ran before. (The
    scenarios used to share one meeting and round: by the 2,000-person and the
    two-process runs that round held thousands of notes, and every page that showed
    the round grew with it.) The live rate counters are cleared too: the runs follow
    each other within the same minutes.
    """
    template = Meeting.objects.get(slug=template_slug)
    meeting = open_live_room(
        series=template.series,
        facilitator=template.facilitators.first(),
        title=f"{template.title} ({label})",
        slug=f"{template_slug}-{uuid.uuid4().hex[:6]}",
        starts_at=template.starts_at,
        goal=template.goal,
        capacity=capacity,
    )
    RateCount.objects.filter(key__startswith="live-").delete()
    return meeting.slug


def run_scenario(hosts, label, capacity=None, **extra):
    """The 500-person scenario with locust (``extra``: BENCH_* settings of this run); then count what was stored.

    ``capacity``: the meeting's number of places for this run (a room of 2,000 says so; the
    guests per minute through its code grow with it, meetings.ratelimit).
    """
    paths = live_paths(fresh_room(SCENARIO_SLUG, label, capacity))
    run_id = uuid.uuid4().hex[:8]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "live.json"
        env = {
            **os.environ,
            **extra,
            "BENCH_HOSTS": ",".join(hosts),
            "BENCH_LIVE_CODE": paths["code"],
            "BENCH_LIVE_ROUND": str(paths["round"]),
            "BENCH_RUN_ID": run_id,
            "BENCH_LIVE_OUT": str(out),
        }
        participants = int(env.get("BENCH_PARTICIPANTS", "500"))
        walls = int(env.get("BENCH_WALLS", "20"))
        seconds = float(env.get("BENCH_JOIN_SECONDS", "30")) + float(env.get("BENCH_WINDOW", "60")) + 8
        command = [
            LOCUST,
            "-f",
            str(ROOT / "bench" / "locustfile.py"),
            "--headless",
            "--users",
            str(participants + walls),
            "--spawn-rate",
            # People arrive over the joining time, not all in the same second.
            str(max(1, round((participants + walls) / (0.7 * float(env.get("BENCH_JOIN_SECONDS", "30")))))),
            "--run-time",
            f"{int(seconds)}s",
            "--stop-timeout",
            "5",
            "--only-summary",
            "--loglevel",
            "WARNING",
            "--host",
            hosts[0],
        ]
        log(f"  live scenario ({label}): {participants} participants, {walls} walls, {len(hosts)} app process(es)")
        subprocess.run(command, env=env, check=False, stdout=subprocess.DEVNULL)
        result = json.loads(out.read_text())
    stored = Contribution.objects.filter(meeting_id=paths["meeting"], text__contains=f"bench-{run_id}-")
    texts = list(stored.values_list("text", flat=True))
    result.update({"label": label, "stored": len(texts), "stored_distinct": len(set(texts))})
    return result


def worker_memory(master_pid):
    """Resident memory (MB) of each gunicorn worker: the children of the master process."""
    sizes = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) != master_pid:
                continue
            status = (stat.parent / "status").read_text()
        except (OSError, IndexError, ValueError):
            continue
        match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        if match:
            sizes.append(round(int(match.group(1)) / 1024, 1))
    return sorted(sizes)


# --- command line -------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    pages = sub.add_parser("pages")
    pages.add_argument("--base", required=True)
    pages.add_argument("--scale", required=True)
    pages.add_argument("--load", action="store_true")
    live = sub.add_parser("live")
    live.add_argument("--base", required=True)
    live.add_argument("--master-pid", type=int)
    scenario = sub.add_parser("scenario")
    scenario.add_argument("--hosts", required=True)
    scenario.add_argument("--label", default="scenario")
    for command in (pages, live, scenario):
        command.add_argument("--out", required=True)
    args = parser.parse_args()

    started = time.monotonic()
    if args.command == "pages":
        log(f"Pages at scale {args.scale}{' under load' if args.load else ''}:")
        result = measure_pages(args.base, args.scale, args.load)
    elif args.command == "live":
        log("Live mode:")
        result = {
            "endpoints": measure_live_endpoints(args.base),
            "scenario": run_scenario([args.base], "one process"),
            # Today's walls beside the push: every 2 s a poll, as before the stream.
            "scenario_polling": run_scenario([args.base], "one process, polling", BENCH_WALL_MODE="poll"),
            # A room of 2,000 (its capacity set so) walks in over a minute instead of half a one, and
            # posts its 6,000 contributions within three minutes: 33 a second, where 3 a minute each
            # (100 a second) is all that posting does on this 2-core machine (wrk: ~100 posts/s).
            "scenario_2000": run_scenario(
                [args.base],
                "2,000 participants",
                capacity=2000,
                BENCH_PARTICIPANTS="2000",
                BENCH_JOIN_SECONDS="60",
                BENCH_WINDOW="180",
            ),
        }
        if args.master_pid:
            result["worker_memory_mb"] = worker_memory(args.master_pid)
    else:
        result = {"scenario": run_scenario(args.hosts.split(","), args.label)}
    result["seconds"] = round(time.monotonic() - started, 1)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
