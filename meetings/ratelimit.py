"""Rate limits of the live mode: counters shared by every app process (``cop.ratelimit``).

Fixed one-minute windows: cheap, and good enough to stop a stuck button or a
script without getting in the way of a room full of people.
"""

from django.conf import settings

from cop import ratelimit

DEFAULTS = {
    # Contributions, edits and dots per participant or guest.
    "participant": 12,
    # All writes through one join code: a room of 500 people posting three times in a
    # minute is 1,500; twice that leaves room for edits, dots and a second round.
    "code": 3000,
    # Failed join-code lookups per address: codes cannot be guessed in bulk. A valid code is
    # answered always, so a flood of wrong codes from a room's shared address (or a proxy)
    # cannot lock anyone out of a live meeting.
    "lookup": 30,
    # New guests per join code and per client address. A room of 500 on one venue address
    # joins within two minutes; a script gets at most this many guests, each needing a page
    # load (meetings.access.guest_token) and with its own dots (docs/security.md).
    "guest_code": 500,
    "guest_address": 250,
}


def limit(name):
    return getattr(settings, "LIVE_RATE_LIMITS", {}).get(name, DEFAULTS[name])


def allow(name, key, *, at_most=None):
    """Count one hit for ``key`` under limit ``name``; False when the limit of this window is used up.

    ``at_most`` replaces the configured limit (a round's own per-participant limit).
    """
    return ratelimit.hit(f"live-{name}", key, at_most or limit(name))
