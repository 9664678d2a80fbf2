"""What a factor needs before it counts publicly: a cluster and a description of its own.

A factor named in a live session starts with the room's name and nothing more
(``meetings.services.create_factor_from_meeting``); ``Factor.accept`` refuses it
until a facilitator has placed it in a cluster and described it.
"""

from django.utils.translation import gettext


def _plain(text):
    return " ".join((text or "").split()).rstrip(".").casefold()


def has_real_description(factor):
    """A statement that says more than the name (a factor named in the room starts with none)."""
    statement = _plain(factor.statement)
    return bool(statement) and statement != _plain(factor.name)


def missing_for_public(factor):
    """What a facilitator must still add before ``factor`` can be accepted (translated words)."""
    missing = []
    if factor.cluster_id is None:
        missing.append(gettext("een cluster"))
    if not has_real_description(factor):
        missing.append(gettext("een eigen beschrijving (meer dan de naam)"))
    return missing
