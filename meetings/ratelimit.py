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
    # Writes a minute per place when the meeting's capacity is set (``code_write_limit``): a room of
    # 2,000 posting three times a minute writes 6,000, more than the fixed 3,000.
    "code_per_place": 6,
}


def limit(name):
    return getattr(settings, "LIVE_RATE_LIMITS", {}).get(name, DEFAULTS[name])


def allow(name, key, *, at_most=None):
    """Count one hit for ``key`` under limit ``name``; False when the limit of this window is used up.

    ``at_most`` replaces the configured limit (a round's own per-participant limit).
    """
    return ratelimit.hit(f"live-{name}", key, at_most or limit(name))


def code_write_limit(meeting):
    """The writes a minute through ``meeting``'s join code: 3,000, or six per place of its capacity when more.

    The capacity is what the facilitator set, not what anyone can raise by making guests: a
    script that makes a new guest for every post still meets the code's limit.
    """
    return max(limit("code"), limit("code_per_place") * (meeting.capacity or 0))


def guest_code_limit(meeting):
    """New guests per minute through ``meeting``'s code: 500, or the meeting's capacity when larger."""
    return max(limit("guest_code"), meeting.capacity or 0)


def allow_code_write(meeting):
    """Count one write through ``meeting``'s code; False when this minute's writes are used up.

    A meeting whose capacity is set for a large room (2,000) gets room for it (``code_write_limit``).
    """
    return ratelimit.count_hit("live-code", meeting.pk) <= code_write_limit(meeting)


def allow_guest(meeting):
    """Count one new guest through ``meeting``'s code; False when this minute's guests are used up."""
    counted = ratelimit.count_hit("live-guest_code", meeting.pk)
    return counted <= guest_code_limit(meeting)
