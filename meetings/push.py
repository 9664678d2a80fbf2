"""Push for the live wall: each app process keeps one hub that wakes the walls it streams to.

A wall holds one server-sent-events stream (``meetings.views.wall.wall_stream``).
The hub of its process learns that a meeting's live version changed and sends
every wall of that meeting one event: the new contributions as HTML (rendered
once per process, not once per wall), or "redraw" for any other change, which
the wall fetches through its usual poll. How it learns:

- PostgreSQL: every version bump sends ``pg_notify`` inside the writer's
  transaction (delivered on commit, never for a rollback); one listening
  connection per process wakes the hub at once, whichever process wrote.
- SQLite (``make run``) or a lost listener: the hub reads the versions of the
  meetings it streams every ``LIVE_PUSH_POLL_MS`` (one query per process).

All state stays in the database, so any number of processes serve one meeting.
Nothing here imports the models; ``meetings.views.wall`` gives the hub its
``check`` function.
"""

import logging
import queue
import select
import threading

import psycopg2
from django.conf import settings
from django.db import close_old_connections, connection

log = logging.getLogger(__name__)

CHANNEL = "live_meeting"


def notify(meeting_pk):
    """Tell every process that ``meeting_pk`` changed. Call it inside the writer's transaction."""
    if connection.vendor == "postgresql" and settings.LIVE_PUSH:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_notify(%s, %s)", [CHANNEL, str(meeting_pk)])


class Hub:
    """The walls this process streams to, by meeting, and the thread that feeds them."""

    def __init__(self):
        self.lock = threading.RLock()
        self.walls = {}  # meeting pk -> set of queues
        self.versions = {}  # meeting pk -> the live version last sent
        self.wake = threading.Event()
        self.listening = False
        self.stopping = False
        self.listening_done = threading.Event()
        self.thread = None
        self.check = None  # set by meetings.views.wall: (hub, {pk: version}) -> {pk: (version, event)}

    def streams(self):
        with self.lock:
            return sum(len(walls) for walls in self.walls.values())

    def subscribe(self, meeting_pk, version):
        """A queue that receives the meeting's events from now on; None when this process is full."""
        inbox = queue.SimpleQueue()
        with self.lock:
            if self.streams() >= settings.LIVE_PUSH_STREAMS:
                return None
            self.walls.setdefault(meeting_pk, set()).add(inbox)
            self.versions.setdefault(meeting_pk, version)
            self._start()
        self.wake.set()
        return inbox

    def unsubscribe(self, meeting_pk, inbox):
        with self.lock:
            walls = self.walls.get(meeting_pk, set())
            walls.discard(inbox)
            if not walls:
                self.walls.pop(meeting_pk, None)
                self.versions.pop(meeting_pk, None)

    def _start(self):
        if self.thread is None or not self.thread.is_alive():
            self.thread = threading.Thread(target=self._run, name="live-push-hub", daemon=True)
            self.thread.start()
            self.stopping = False
            self.listening_done = threading.Event()
            if connection.vendor == "postgresql":
                threading.Thread(target=self._listen, name="live-push-listen", daemon=True).start()
            else:
                self.listening_done.set()

    def stop(self):
        """End the hub's threads and close their connections (tests: the test database can then go)."""
        self.stopping = True
        self.wake.set()
        if self.thread is not None:
            self.thread.join(timeout=10)
        self.thread = None

    def _run(self):
        while not self.stopping:
            # With a listener the wait is only a safety net; without, it is the polling interval.
            self.wake.wait(5 if self.listening else settings.LIVE_PUSH_POLL_MS / 1000)
            self.wake.clear()
            with self.lock:
                versions = dict(self.versions)
            if not versions or self.check is None:
                continue
            try:
                close_old_connections()
                changes = self.check(versions)
            except Exception:  # the hub must outlive a database hiccup; the walls poll meanwhile
                log.exception("live push: reading the versions failed")
                threading.Event().wait(2)
                continue
            with self.lock:
                for pk, (version, event) in changes.items():
                    if pk in self.versions:
                        self.versions[pk] = version
                    for inbox in self.walls.get(pk, ()):
                        inbox.put(event)
        connection.close()
        self.listening_done.wait(10)

    def _listen(self):
        """Wake the hub on every NOTIFY; reconnect after a lost connection."""
        params = connection.get_connection_params()
        connection.close()
        while not self.stopping:
            listener = None
            try:
                listener = psycopg2.connect(**params)
                listener.set_isolation_level(psycopg2.extensions.ISOLATION_LEVEL_AUTOCOMMIT)
                with listener.cursor() as cursor:
                    cursor.execute(f"LISTEN {CHANNEL}")
                self.listening = True
                while not self.stopping:
                    if select.select([listener], [], [], 1) != ([], [], []):
                        listener.poll()
                        if listener.notifies:
                            listener.notifies.clear()
                            self.wake.set()
            except Exception:
                log.exception("live push: the listening connection was lost")
                threading.Event().wait(2)
            finally:
                if listener is not None:
                    listener.close()
            self.listening = False
            self.wake.set()
        self.listening_done.set()


HUB = Hub()
