"""Rate limits of the live mode, kept in Django's cache (shared by all processes with Redis).

Fixed one-minute windows: cheap, and good enough to stop a stuck button or a
script without getting in the way of a room full of people.
"""

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60


def limit(name):
    defaults = {
        # Contributions, edits and dots per participant or guest.
        "participant": 12,
        # All writes through one join code: a room of 500 people posting three times in a
        # minute is 1,500; twice that leaves room for edits, dots and a second round.
        "code": 3000,
        # Failed join-code lookups per address: codes cannot be guessed in bulk.
        "lookup": 30,
    }
    return getattr(settings, "LIVE_RATE_LIMITS", {}).get(name, defaults[name])


def allow(name, key):
    """Count one hit for ``key`` under limit ``name``; False when the limit of this window is used up."""
    cache_key = f"live-rate:{name}:{key}"
    cache.add(cache_key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, WINDOW_SECONDS)
        count = 1
    return count <= limit(name)


def blocked(name, key):
    """True when ``key`` already used up limit ``name`` (does not count a hit)."""
    return (cache.get(f"live-rate:{name}:{key}") or 0) >= limit(name)
