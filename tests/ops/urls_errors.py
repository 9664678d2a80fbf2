"""Views that fail on purpose, beside the real URLs (tests only)."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import InterfaceError, OperationalError
from django.urls import include, path

from config.urls import handler500  # noqa: F401  (the real handler, under test)


def broken(request):
    raise ValueError("secret detail that must never reach the visitor")


def database_gone(request):
    raise OperationalError("could not connect to server: Connection refused")


def connection_closed(request):
    raise InterfaceError("connection already closed")


def forbidden(request):
    raise PermissionDenied


def suspicious(request):
    raise SuspiciousOperation("tampered")


urlpatterns = [
    path("kapot/", broken),
    path("database-weg/", database_gone),
    path("verbinding-dicht/", connection_closed),
    path("verboden/", forbidden),
    path("verdacht/", suspicious),
    path("", include("config.urls")),
]
