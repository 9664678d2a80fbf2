"""Single flight: on a miss one process builds a value, the others wait for it (``cop.cache``)."""

import time

from django.conf import settings
from django.core.cache import caches

# A render holds its lock at most this long (a process that dies frees it then).
LOCK_SECONDS = 30
# How long a request waits for the render of another process before it renders itself.
WAIT_SECONDS = 5.0
POLL_SECONDS = 0.05


def _shared_level():
    """The cache every process shares when "pages" is each process's own memory: the "default" one.

    With Redis as "pages" (shared already) there is no second level.
    """
    backend = settings.CACHES.get("pages", {}).get("BACKEND", "")
    if "locmem" not in backend.lower() or "default" not in settings.CACHES:
        return None
    if "locmem" in settings.CACHES["default"].get("BACKEND", "").lower():
        return None
    return caches["default"]


def _wait_for(store, key):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        value = store.get(key)
        if value is not None:
            return value
    return None


def single_flight(key, build, timeout):
    """``build()`` kept at ``key``; on a miss one process builds it and the others wait for its result.

    With the per-process memory cache as "pages", the value is also kept in the shared
    "default" cache (the database table), so that each process takes it from there
    instead of building it again, and the lock lives there too.
    """
    local = caches["pages"]
    value = local.get(key)
    if value is not None:
        return value
    shared = _shared_level()
    store = shared or local
    if shared is not None:
        value = shared.get(key)
        if value is not None:
            local.set(key, value, timeout)
            return value
    lock = f"{key}:lock"
    if not store.add(lock, 1, LOCK_SECONDS):
        value = _wait_for(store, key)
        if value is not None:
            if shared is not None:
                local.set(key, value, timeout)
            return value
    try:
        value = build()
        if value is not None:
            store.set(key, value, timeout)
            if shared is not None:
                local.set(key, value, timeout)
    finally:
        store.delete(lock)
    return value
