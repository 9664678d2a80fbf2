"""Structured logging: one JSON object per line, with the request's id, method and path.

Enabled with ``LOG_FORMAT=json`` (the default outside debug). ``RequestIdMiddleware``
fills a context variable for the duration of a request, so every log line written
while serving it, by any logger, carries the same ``request_id``.
"""

import contextlib
import contextvars
import json
import logging
from datetime import UTC, datetime

_request = contextvars.ContextVar("cop_request", default=None)

# Attributes every LogRecord has; anything else was passed with ``extra=`` and is kept.
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message", "asctime"}
# Django passes the request object and the (unserialisable) server socket in ``extra``.
_SKIP = {"request", "server_time"}


@contextlib.contextmanager
def request_context(**values):
    token = _request.set(values)
    try:
        yield
    finally:
        _request.reset(token)


def current_request_context():
    return _request.get() or {}


class JSONFormatter(logging.Formatter):
    """``{"time", "level", "logger", "message", "request_id", "method", "path", "status", …}``."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(current_request_context())
        # Django logs 4xx/5xx responses after the middleware has finished; it passes the request.
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry.setdefault("request_id", getattr(request, "id", None))
            entry.setdefault("method", request.method)
            entry.setdefault("path", request.path)
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        for key, value in record.__dict__.items():
            if key in _STANDARD or key in _SKIP or key in entry or key == "status_code" or key.startswith("_"):
                continue
            entry[key] = value if isinstance(value, str | int | float | bool | type(None)) else repr(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
