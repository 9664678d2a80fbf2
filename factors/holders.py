"""Evidence that the apps above factors hold, and how it follows a factor that is merged or split.

factors may not import cases or meetings (``.importlinter``), nor write their
tables. Each app that holds evidence of a factor registers a ``Holder`` here
from its ``AppConfig.ready()``: cases its factor links, meetings its
contributions and votes. ``Factor.merge`` and ``Factor.split_off`` call every
holder inside their own transaction, so a merge or split moves all or nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Holder:
    """One kind of evidence row that points at a factor.

    ``merge(gone, into)`` moves every row of ``gone`` to ``into`` and returns
    counts for the curation log (``{"<key>_moved": n, …}``). ``split(old, new,
    pks)`` moves the rows ``pks`` of ``old`` to ``new`` and returns how many
    moved; ``None`` when a split never moves this kind (votes stay).
    """

    key: str
    merge: Callable
    split: Callable | None = None


_HOLDERS: dict[str, Holder] = {}


def register(holder):
    """Add (or replace, on a reload) the holder named ``holder.key``."""
    _HOLDERS[holder.key] = holder


def holders():
    """Every registered holder, in the order the apps registered them."""
    return list(_HOLDERS.values())


def holder(key):
    return _HOLDERS[key]
