"""The live scenario of the benchmark: a 500-person meeting on the phone and 20 walls on projectors.

Every participant joins the live meeting as a guest (phone page, choose a
perspective), then posts ``BENCH_POSTS`` contributions at random moments within
the same ``BENCH_WINDOW`` seconds; the walls poll every ``BENCH_WALL_EVERY``
seconds as the wall page does (``?v=<version>``), or (``BENCH_WALL_MODE=push``, the
default) hold the wall's event stream as wall.js does: an append that starts at the
wall's cursor is drawn, anything else makes the wall poll once. Each contribution carries a
unique marker, so the walls can tell when they first showed it: the time from
sending the post to the first wall response that contains it is the *wall latency*.

With several hosts (``BENCH_HOSTS``, comma-separated; two app processes that share
only PostgreSQL) participant *i* posts to host *i mod n* and wall *j* polls host
*(j + 1) mod n*, so every wall shows contributions that were posted elsewhere.

Run by bench/measure.py (``locust --headless``); the results go to ``BENCH_LIVE_OUT``
as JSON. Settings come from the environment:

    BENCH_HOSTS            http://127.0.0.1:8001[,http://127.0.0.1:8002]
    BENCH_LIVE_CODE        the join code of the live meeting
    BENCH_LIVE_ROUND       the id of its active round (guests allowed)
    BENCH_RUN_ID           a word that makes this run's markers unique
    BENCH_PARTICIPANTS     500     BENCH_WALLS 20     BENCH_WALL_MODE push (or poll)
    BENCH_POSTS            3       BENCH_WINDOW 60      BENCH_JOIN_SECONDS 30
    BENCH_WALL_EVERY       2       BENCH_PHONE_POLL 0 (seconds; 0: phones do not poll)
"""

import json
import math
import os
import random
import re
import time
import uuid

import gevent
from locust import HttpUser, events, task

HOSTS = [h.strip().rstrip("/") for h in os.environ.get("BENCH_HOSTS", "http://127.0.0.1:8001").split(",") if h.strip()]
CODE = os.environ.get("BENCH_LIVE_CODE", "")
ROUND = os.environ.get("BENCH_LIVE_ROUND", "")
RUN_ID = os.environ.get("BENCH_RUN_ID", uuid.uuid4().hex[:8])
PARTICIPANTS = int(os.environ.get("BENCH_PARTICIPANTS", "500"))
WALLS = int(os.environ.get("BENCH_WALLS", "20"))
WALL_MODE = os.environ.get("BENCH_WALL_MODE", "push")
POSTS = int(os.environ.get("BENCH_POSTS", "3"))
WINDOW = float(os.environ.get("BENCH_WINDOW", "60"))
JOIN_SECONDS = float(os.environ.get("BENCH_JOIN_SECONDS", "30"))
WALL_EVERY = float(os.environ.get("BENCH_WALL_EVERY", "2"))
PHONE_POLL = float(os.environ.get("BENCH_PHONE_POLL", "0"))
OUT = os.environ.get("BENCH_LIVE_OUT", "bench/results/live.json")

MARKER = re.compile(rf"bench-{RUN_ID}-(\d+)-(\d+)")
TOKEN = re.compile(r'name="token" value="([^"]+)"')
VERSION = re.compile(r"\?v=(\d+)(?:&amp;|&)r=(\d*)")
PERSPECTIVES = ["gemeente", "welzijn", "onderwijs", "woningcorporatie", "inwoners", "vereniging", "ondernemer"]
WORDS = [
    "bewoners",
    "wijk",
    "samen",
    "vertrouwen",
    "kartrekker",
    "buurtkamer",
    "gemeente",
    "ruimte",
    "eigenaarschap",
    "korte",
    "lijnen",
]

# Shared by all simulated users of this (single) locust process.
STATE = {
    "start": None,  # when the posting window starts
    "posted": {},  # marker -> (sent at, host index)
    "acked": {},  # marker -> when the post was answered (stored)
    "seen": {},  # (wall, marker) -> first seen at
    "appended": {},  # (wall, marker) -> times a wall added it (a redraw is not an addition)
    "errors": [],
    "next_participant": 0,
    "next_wall": 0,
}


def _window_start():
    if STATE["start"] is None:
        STATE["start"] = time.time() + JOIN_SECONDS
    return STATE["start"]


def _error(what, response):
    STATE["errors"].append(f"{what}: {response.status_code} {response.url}")


class Participant(HttpUser):
    """One person on a phone: join as a guest, post at random moments in the window."""

    fixed_count = PARTICIPANTS
    host = HOSTS[0]

    def on_start(self):
        self.number = STATE["next_participant"]
        STATE["next_participant"] += 1
        self.host_index = self.number % len(HOSTS)
        self.base = HOSTS[self.host_index]
        self.moments = sorted(_window_start() + random.uniform(0, WINDOW - 2) for _ in range(POSTS))
        self.done = False
        self.version = "0"
        self.round_key = ""
        # Each phone has its own address, as behind the venue's proxy (bench/run: TRUSTED_PROXY_COUNT=1):
        # the limit on new guests per address is for scripts, not for a room.
        # A phone opens a connection per request (as under sync workers): no keep-alive race.
        self.client.headers["Connection"] = "close"
        self.client.headers["X-Forwarded-For"] = (
            f"10.{self.number // 65536 % 256}.{self.number // 256 % 256}.{self.number % 256}"
        )
        page = self.client.get(f"{self.base}/live/{CODE}/", name="phone: join page")
        if page.status_code != 200:
            _error("join page", page)
        token = TOKEN.search(page.text)
        guest = self.client.post(
            f"{self.base}/live/{CODE}/gast/",
            data={
                "perspective": random.choice(PERSPECTIVES),
                "token": token.group(1) if token else "",
                "csrfmiddlewaretoken": self._csrf(),
            },
            name="phone: become guest",
            allow_redirects=False,
        )
        if (
            guest.status_code != 302
            or "verlopen" in self.client.get(f"{self.base}/live/{CODE}/", name="phone: page").text
        ):
            _error("become guest", guest)
            # Without a guest every post would be refused (403): one error, not four.
            self.done = True

    def _csrf(self):
        return self.client.cookies.get("csrftoken", "")

    @task
    def take_part(self):
        if self.done:
            gevent.sleep(1)
            return
        for post_number, moment in enumerate(self.moments):
            self._wait_until(moment)
            marker = f"bench-{RUN_ID}-{self.number}-{post_number}"
            text = f"{' '.join(random.sample(WORDS, 4)).capitalize()} ({marker})"
            sent = time.time()
            response = self.client.post(
                f"{self.base}/live/{CODE}/rondes/{ROUND}/bijdragen/",
                data={
                    "text": text,
                    "submission_key": uuid.uuid4().hex,
                    "csrfmiddlewaretoken": self._csrf(),
                },
                # As phone.js posts: through htmx, answered with the round panel in place
                # (with the contribution under "mine"), so no page load follows.
                headers={"HX-Request": "true"},
                name="phone: post a contribution",
                allow_redirects=False,
            )
            if response.status_code == 200 and "live-posted" in response.text:
                STATE["posted"][marker] = (sent, self.host_index)
                STATE["acked"][marker] = time.time()
            else:
                _error("post", response)
        self.done = True

    def _wait_until(self, moment):
        while time.time() < moment:
            if PHONE_POLL:
                self._poll()
                gevent.sleep(min(PHONE_POLL, max(0, moment - time.time())))
            else:
                gevent.sleep(max(0, moment - time.time()))

    def _poll(self):
        response = self.client.get(
            f"{self.base}/live/{CODE}/wijzigingen/",
            params={"v": self.version, "r": self.round_key},
            headers={"HX-Request": "true"},
            name="phone: poll",
        )
        if response.status_code == 200:
            match = re.search(r"\?v=(\d+)", response.text)
            if match:
                self.version = match.group(1)
        elif response.status_code != 204:
            _error("phone poll", response)


class Wall(HttpUser):
    """A projector: load the wall, then poll for changes every few seconds."""

    fixed_count = WALLS
    host = HOSTS[0]

    def on_start(self):
        self.number = STATE["next_wall"]
        STATE["next_wall"] += 1
        self.base = HOSTS[(self.number + 1) % len(HOSTS)]
        page = self.client.get(f"{self.base}/live/{CODE}/muur/", name="wall: page")
        if page.status_code != 200:
            _error("wall page", page)
        self._read(page.text)

    def _read(self, body, appended=False):
        now = time.time()
        match = VERSION.search(body)
        if match:
            self.version, self.round_id = match.group(1), match.group(2)
        # Once per response: an append also names a single new contribution in its status line.
        for number, post in set(MARKER.findall(body)):
            key = (self.number, f"bench-{RUN_ID}-{number}-{post}")
            STATE["seen"].setdefault(key, now)
            if appended:
                STATE["appended"][key] = STATE["appended"].get(key, 0) + 1

    def _poll_once(self):
        response = self.client.get(
            f"{self.base}/live/{CODE}/muur/wijzigingen/",
            params={"v": self.version, "r": self.round_id},
            headers={"HX-Request": "true"},
            name="wall: poll",
        )
        if response.status_code == 200:
            self._read(response.text, appended="afterbegin:#wall-new" in response.text)
        elif response.status_code != 204:
            _error("wall poll", response)

    @task
    def poll(self):
        if WALL_MODE == "push":
            self._stream()
            return
        started = time.time()
        self._poll_once()
        gevent.sleep(max(0, WALL_EVERY - (time.time() - started)))

    def _stream(self):
        """Hold the event stream until the server ends it (then the task runs again and reconnects)."""
        response = self.client.get(
            f"{self.base}/live/{CODE}/muur/stroom/", stream=True, name="wall: stream", timeout=60
        )
        try:
            if response.status_code != 200:
                _error("wall stream", response)
                gevent.sleep(WALL_EVERY)
                self._poll_once()
                return
            name = None
            for line in response.iter_lines(decode_unicode=True):
                if line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: ") and name:
                    data = json.loads(line[6:])
                    if name == "append" and str(data["from"]) == self.version:
                        self._read(data["html"], appended=True)
                        self.version = str(data["to"])
                    elif str(data.get("to", data.get("v"))) != self.version:
                        self._poll_once()
                    name = None
        except Exception as error:  # a dropped stream: poll once, then the task reconnects
            STATE["errors"].append(f"wall stream: {error!r}"[:200])
            self._poll_once()
        finally:
            response.close()


def _percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def _finite(value):
    return None if value is None or math.isinf(value) else value


@events.quitting.add_listener
def write_results(environment, **kwargs):
    posted, seen = STATE["posted"], STATE["seen"]
    latencies, after_ack, cross_host, missing = [], [], 0, 0
    duplicated = sum(n - 1 for n in STATE["appended"].values() if n > 1)
    for wall in range(WALLS):
        wall_host = (wall + 1) % len(HOSTS)
        for marker, (sent, host_index) in posted.items():
            at = seen.get((wall, marker))
            if at is None:
                missing += 1
                continue
            latencies.append(at - sent)
            after_ack.append(at - STATE["acked"][marker])
            cross_host += host_index != wall_host
    requests = {}
    for (name, method), entry in environment.stats.entries.items():
        requests[name] = {
            "method": method,
            "count": entry.num_requests,
            "failures": entry.num_failures,
            "median_ms": entry.get_response_time_percentile(0.5),
            "p95_ms": entry.get_response_time_percentile(0.95),
            "rps": entry.total_rps,
        }
    result = {
        "run_id": RUN_ID,
        "hosts": HOSTS,
        "participants": PARTICIPANTS,
        "walls": WALLS,
        "wall_mode": WALL_MODE,
        "posts_per_participant": POSTS,
        "window_seconds": WINDOW,
        # Posts sent but not answered when the run ended are neither posted nor errors here;
        # bench/report.py compares what the database stored with what should have been posted.
        "posted": len(posted),
        "expected_posts": PARTICIPANTS * POSTS,
        "errors": len(STATE["errors"]) + environment.stats.total.num_failures,
        "error_samples": STATE["errors"][:20],
        # A contribution a wall never showed counts as infinitely late (reported as null).
        "wall_latency_median_s": _finite(_percentile(latencies + [math.inf] * missing, 50)),
        "wall_latency_p95_s": _finite(_percentile(latencies + [math.inf] * missing, 95)),
        "wall_latency_max_s": max(latencies) if latencies else None,
        # From the moment the post was answered (stored) to the wall: the push (or poll) alone,
        # without the time the app took to store it.
        "wall_after_stored_median_s": _finite(_percentile(after_ack + [math.inf] * missing, 50)),
        "wall_after_stored_p95_s": _finite(_percentile(after_ack + [math.inf] * missing, 95)),
        "wall_sightings": len(latencies),
        "wall_missing": missing,
        # A wall that added the same contribution twice (the cursor must prevent it).
        "wall_duplicated": duplicated,
        "cross_host_sightings": cross_host,
        "requests": requests,
    }
    os.makedirs(os.path.dirname(OUT) or ".", exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(result, f, indent=2)
    # Failures are judged by bench/report.py; locust itself always exits cleanly.
    environment.process_exit_code = 0
