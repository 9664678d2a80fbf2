"""Rate limits that hold across every app process and server: counters in the database.

Fixed windows (one minute unless said otherwise): ``hit()`` adds one to the
counter of ``(name, key)`` in the current window with one atomic
``INSERT … ON CONFLICT DO UPDATE … RETURNING`` (PostgreSQL and SQLite ≥ 3.35),
so two processes can never both see room for the last hit. Old windows are
deleted now and then by the hit that opens a new one.

Keys of people are their client address (``client_ip``, which honours
``TRUSTED_PROXY_COUNT``) or another identity; they are hashed, so no address is
stored in clear.
"""

import hashlib
import time

from django.conf import settings
from django.db import connection, transaction

from cop.models import RateCount

WINDOW_SECONDS = 60


def client_ip(request):
    """The client's address: behind ``TRUSTED_PROXY_COUNT`` proxies, the one the outermost proxy saw.

    Each proxy appends the address it received the request from to
    X-Forwarded-For, so with N trusted proxies the client is the N-th entry from
    the right; entries further left were sent by the client and are not trusted.
    Without enough entries (a request that bypassed the proxies) it is REMOTE_ADDR.
    """
    count = settings.TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "")
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        return remote
    return forwarded[-count][:64]


def _key(name, key):
    digest = hashlib.sha256(str(key).encode()).hexdigest()[:32]
    return f"{name}:{digest}"


def _window(seconds):
    return int(time.time() // seconds)


def hit(name, key, limit, *, seconds=WINDOW_SECONDS):
    """Count one hit of ``key`` under ``name``; True while the window's hits are at most ``limit``."""
    return count_hit(name, key, seconds=seconds) <= limit


def count_hit(name, key, *, seconds=WINDOW_SECONDS):
    """Add one hit and return the window's hits so far (this one included)."""
    quote = connection.ops.quote_name
    table, key_, period, hits_ = (quote(name_) for name_ in (RateCount._meta.db_table, "key", "period", "hits"))
    window = _window(seconds)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_}, {period}, {hits_}) VALUES (%s, %s, 1) "
            f"ON CONFLICT ({key_}, {period}) DO UPDATE SET {hits_} = {table}.{hits_} + 1 RETURNING {hits_}",
            [_key(name, key), window],
        )
        counted = cursor.fetchone()[0]
        if counted == 1:
            # The first hit of a window clears this limit's finished windows (of any key).
            RateCount.objects.filter(key__startswith=f"{name}:", period__lt=window - 1).delete()
    return counted


def hits(name, key, *, seconds=WINDOW_SECONDS):
    """The hits of ``key`` in the current window, without counting one."""
    row = RateCount.objects.filter(key=_key(name, key), period=_window(seconds)).values_list("hits", flat=True)
    return row.first() or 0


def used_up(name, key, limit, *, seconds=WINDOW_SECONDS):
    """True when ``key`` already has ``limit`` hits in this window (counts nothing)."""
    return hits(name, key, seconds=seconds) >= limit
