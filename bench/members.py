"""The benchmark as signed-in members see the site, and the mixed scenario (bench/run runs both).

    python bench/members.py members --base URL --out FILE
    python bench/members.py mixed   --base URL --out FILE

``members``: every page of bench/pages.py as one ordinary generated member (a real
session cookie in the database, as after signing in): the work behind the page with
the caches bypassed (queries, cold ms), a single request alone (median of 5), and wrk
with 16 connections carrying the member's cookies, beside the bare view measured in
the same run (before and after).

``mixed``: visitors read home, the board and a factor page (three wrk runs at the same
time, 16 connections in all), first quietly, then while public content changes once a
second (a new reflection on a random public case, made in this process: the save
signal raises the "reflections" version in the database, as any app process would)
and a member posts writes that change no public content five times a second (a profile
save with a new "about me", a POST to a page that only reads, a form that fails
validation, a search by POST). Visitors should keep their throughput.
"""

import argparse
import json
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.storage import default_storage
from django.db import close_old_connections, connection
from django.urls import reverse

from bench import measure
from bench.pages import BARE, PAGES, MissingError, Samples
from cases.models import Case, Reflection
from cop.models import User
from cop.versions import bump_content_version, forget_versions
from devtools.datagen.plans import GENERATED_EMAIL_DOMAIN
from portal import tasks

SINGLE_ROUNDS = 5
PUBLIC_CHANGES_PER_SECOND = 1
MEMBER_WRITES_PER_SECOND = 5
log = measure.log


def ordinary_member():
    """A generated member without any role: what most people who sign in are."""
    return (
        User.objects.filter(email__endswith="@" + GENERATED_EMAIL_DOMAIN, is_active=True, is_staff=False, groups=None)
        .select_related("profile")
        .order_by("pk")
        .first()
    )


def member_session(base, user):
    """A requests session signed in as ``user`` (a session row as ``login()`` makes), with its CSRF cookie."""
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    session = requests.Session()
    session.mount("http://", requests.adapters.HTTPAdapter(pool_maxsize=2 * measure.CONNECTIONS))
    session.cookies.set("sessionid", store.session_key)
    measure.get(base, reverse("profile"), session)
    if "csrftoken" not in session.cookies:
        raise RuntimeError("the member got no CSRF cookie")
    return session


def cookie_header(session):
    return f"Cookie: sessionid={session.cookies['sessionid']}; csrftoken={session.cookies['csrftoken']}"


def timed(session, base, path, headers=None):
    started = time.monotonic()
    response = measure.get(base, path, session, headers=headers)
    return response, time.monotonic() - started


def measure_member_page(base, page, samples, session):
    row = {"name": page.name, "kind": page.kind}
    try:
        path = page.url(samples)
    except MissingError as missing:
        row["missing"] = str(missing)
        return row
    row["path"] = path
    response, _seconds = timed(session, base, path)
    row["status"] = response.status_code
    if response.status_code >= 400:
        row["error"] = f"HTTP {response.status_code}"
        return row
    colds, counts = [], []
    for _ in range(3):
        cold, seconds = timed(session, base, path, headers=measure.COLD)
        colds.append(seconds)
        if "X-Query-Count" in cold.headers:
            counts.append(int(cold.headers["X-Query-Count"]))
    row["cold_ms"] = round(1000 * statistics.median(colds))
    row["queries"] = min(counts) if counts else None
    # Every worker its first copy (rounds of 16 at once), then one request at a time.
    with measure.ThreadPoolExecutor(measure.CONNECTIONS) as pool:
        for _ in range(2):
            list(pool.map(lambda _n: timed(session, base, path), range(measure.CONNECTIONS)))
    singles = [timed(session, base, path)[1] for _ in range(SINGLE_ROUNDS)]
    row["single_ms"] = round(1000 * statistics.median(singles), 1)
    row["load"] = measure.load(base, path, headers=[cookie_header(session)])
    measure.drain(base)
    log(f"  {page.name:<28} member: single {row['single_ms']} ms, {row['load']['rps']} req/s, cold {row['cold_ms']} ms")
    return row


def measure_members(base):
    samples = Samples()
    user = ordinary_member()
    session = member_session(base, user)
    bare = measure.measure_page(base, BARE, samples, True)
    rows = [measure_member_page(base, page, samples, session) for page in PAGES]
    bare_after = measure.measure_page(base, BARE, samples, True)
    return {"member": user.email, "pages": rows, "bare": bare, "bare_after": bare_after}


# --- the mixed scenario -------------------------------------------------------------------


def visitors(base, paths, seconds):
    """Three wrk runs at the same time (16 connections in all): summed req/s, the worst p99."""
    share = max(1, measure.CONNECTIONS // len(paths))
    running = [
        (
            path,
            subprocess.Popen(
                measure.wrk_command(base + path, seconds, connections=share, threads=1),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            ),
        )
        for path in paths
    ]
    results = {}
    for path, process in running:
        stdout, stderr = process.communicate()
        results[path] = measure.wrk_result(base + path, stdout, stderr)
    return {
        "rps": round(sum(r["rps"] for r in results.values()), 1),
        "p99_ms": max(r["p99_ms"] for r in results.values()),
        "median_ms": max(r["median_ms"] for r in results.values()),
        "errors": sum(r["errors"] for r in results.values()),
        "by_path": results,
    }


def every(per_second, stop, action, counts):
    interval = 1.0 / per_second
    next_at = time.monotonic()
    try:
        while not stop.is_set():
            try:
                counts["ok" if action() else "failed"] += 1
            except Exception as error:
                counts["failed"] += 1
                counts["last_error"] = repr(error)
            next_at += interval
            stop.wait(max(0.0, next_at - time.monotonic()))
    finally:
        close_old_connections()
        connection.close()


def public_change(case_ids, authors):
    """A new reflection on a random public case: public content of the kind "reflections"."""
    Reflection.objects.create(
        case_id=random.choice(case_ids),
        author_id=random.choice(authors),
        perspective="inwoners",
        strikes=f"Een reflectie van de benchmark ({time.time():.3f}).",
    )
    return True


def member_writes(base, session, user):
    """Writes that change no public content, in turn; each must answer without a server error."""
    token = session.cookies["csrftoken"]
    profile = user.profile
    profile_data = {"display_name": profile.display_name, "perspective": profile.perspective,
                    "organisation": profile.organisation_id or ""}  # fmt: skip
    if profile.show_name_publicly:
        profile_data["show_name_publicly"] = "on"
    writes = [
        (reverse("profile"), lambda: {**profile_data, "bio": f"Over mij ({time.time():.3f})."}),
        (reverse("about"), dict),
        (reverse("factors:propose"), lambda: {"name": ""}),
        (reverse("search"), lambda: {"q": "buurt"}),
    ]
    turn = {"n": 0}

    def write():
        url, data = writes[turn["n"] % len(writes)]
        turn["n"] += 1
        response = session.post(base + url, data={**data(), "csrfmiddlewaretoken": token},
                                headers={"Referer": base + url}, allow_redirects=False, timeout=30)  # fmt: skip
        return response.status_code < 500

    return write


def measure_mixed(base):
    samples = Samples()
    paths = [reverse("home"), reverse("factors:board"), samples.factor.get_absolute_url()]
    for path in paths:
        measure.warm(base, path)
    user = ordinary_member()
    session = member_session(base, user)
    case_ids = list(Case.objects.public().values_list("pk", flat=True)[:500])
    authors = list(User.objects.filter(email__endswith="@" + GENERATED_EMAIL_DOMAIN).values_list("pk", flat=True)[:500])
    log("  mixed: visitors quietly")
    quiet = visitors(base, paths, measure.DURATION)
    measure.drain(base)
    for path in paths:
        measure.warm(base, path)
    stop = threading.Event()
    changes, writes = {"ok": 0, "failed": 0}, {"ok": 0, "failed": 0}
    threads = [
        threading.Thread(target=every, args=(PUBLIC_CHANGES_PER_SECOND, stop, lambda: public_change(case_ids, authors), changes)),
        threading.Thread(target=every, args=(MEMBER_WRITES_PER_SECOND, stop, member_writes(base, session, user), writes)),
    ]  # fmt: skip
    for thread in threads:
        thread.start()
    log("  mixed: visitors while content changes and members write")
    try:
        busy = visitors(base, paths, measure.DURATION)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    measure.drain(base)
    # Quietly again: the machine's own ups and downs show as the difference of the two quiet runs.
    log("  mixed: visitors quietly again")
    quiet_after = visitors(base, paths, measure.DURATION)
    measure.drain(base)
    result = {"paths": paths, "quiet": quiet, "quiet_after": quiet_after, "busy": busy,
              "public_changes": changes, "member_writes": writes}  # fmt: skip
    quiet_rps = (quiet["rps"] + quiet_after["rps"]) / 2
    result["ratio"] = round(busy["rps"] / quiet_rps, 2) if quiet_rps else None
    log(f"  mixed: {quiet['rps']} → {busy['rps']} req/s ({result['ratio']}), p99 {busy['p99_ms']} ms")
    return result


# --- the poster: what a visitor gets, and how long a change takes to reach it ---------------

POSTER_WAIT_SECONDS = 180


def poll_poster(base, path, slug, deadline):
    """GET the poster until the one of the current versions is made and served: the answers seen.

    Served means 200 without ``X-Poster: previous`` once the file of the versions that this
    process reads exists (the app's processes read the versions at most once a second).
    """
    forget_versions()
    target = tasks.poster_name("meeting", slug, "nl", tasks.poster_version("meeting"))
    seen = []
    while time.monotonic() < deadline:
        response = measure.get(base, path)
        seen.append("previous" if response.headers.get("X-Poster") == "previous" else str(response.status_code))
        if seen[-1] == "200" and default_storage.exists(target):
            return seen
        time.sleep(0.1)
    return seen


def measure_poster(base):
    """The meeting poster with a task worker running (the requests never draw a PDF, portal/tasks.py).

    Rows: the first render (the only time a 503 may answer), the served poster (one request
    alone, and under wrk), then a change of what the poster shows and the time until the new
    poster is served, with what visitors got meanwhile (the previous copy, never a 503).
    """
    samples = Samples()
    path = reverse("meetings:poster", kwargs={"slug": samples.harvest.slug})
    row = {"path": path}
    worker = subprocess.Popen(
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "db_worker", "--no-startup-delay"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        started = time.monotonic()
        first = measure.get(base, path)
        row["first_status"] = first.status_code
        seen = poll_poster(base, path, samples.harvest.slug, started + POSTER_WAIT_SECONDS)
        row["first_render_s"] = round(time.monotonic() - started, 2)
        row["first_seen"] = sorted(set(seen))
        if seen[-1:] != ["200"]:
            row["error"] = f"no poster after {POSTER_WAIT_SECONDS} s"
            return row
        singles = [timed(None, base, path)[1] for _ in range(SINGLE_ROUNDS)]
        row["single_ms"] = round(1000 * statistics.median(singles), 1)
        row["load"] = measure.load(base, path)
        measure.drain(base)
        # A change of what the poster shows (its meeting pages' kinds), committed as any write would be.
        bump_content_version("meetings")
        changed = time.monotonic()
        seen = poll_poster(base, path, samples.harvest.slug, changed + POSTER_WAIT_SECONDS)
        row["change_to_served_s"] = round(time.monotonic() - changed, 2)
        row["meanwhile"] = {status: seen.count(status) for status in sorted(set(seen))}
        if seen[-1:] != ["200"]:
            row["error"] = f"no new poster after {POSTER_WAIT_SECONDS} s"
    finally:
        worker.terminate()
        try:
            worker.wait(20)
        except subprocess.TimeoutExpired:
            worker.kill()
    log(f"  poster: first render {row['first_render_s']} s (first answer {row['first_status']}), served "
        f"{row.get('single_ms')} ms alone, {row.get('load', {}).get('rps')} req/s; change → new poster "
        f"{row.get('change_to_served_s')} s, meanwhile {row.get('meanwhile')}")  # fmt: skip
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["members", "mixed", "poster"])
    parser.add_argument("--base", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    started = time.monotonic()
    if args.command == "members":
        log("Pages as a signed-in member:")
        result = measure_members(args.base)
    elif args.command == "poster":
        log("Poster (with a task worker):")
        result = measure_poster(args.base)
    else:
        log("Mixed scenario:")
        result = measure_mixed(args.base)
    result["seconds"] = round(time.monotonic() - started, 1)
    Path(args.out).write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
