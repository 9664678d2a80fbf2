"""Content versions per kind of content: what a kept page or fragment is keyed on.

Each *kind* (``KINDS``) is one row of ``cop.models.ContentVersion`` with a number that
is raised in the same transaction as a change of that kind of public content. A kept
page (``cop.cache``) names the kinds it shows (``cop.cache.PAGE_KINDS``) and is keyed on
their numbers only, so a new reflection on one case renews the case page and nothing
else, and a new definition renews the glossary, the home page and search, not the board.

Two ways a kind is raised:

* explicitly, by the named state changes: ``bump_content_version("cases", "factors")``
  in ``case.publish``, ``meeting.publish``, ``factor.merge`` … (also from the shell);
  without arguments every kind is raised (the safe choice for a change of unknown reach);
* as a safety net, by the save and delete signals of the models that hold public
  content (``watch(model, kinds)``, registered by each app in ``AppConfig.ready``): an
  edit through any form, the shell or a script renews the pages that show that model.
  Models that hold nothing public (sessions, registrations' personal side, log-in
  times, preferences) are not watched, so such writes raise nothing.

Every app process
reads all numbers in one query at most once per ``VERSION_RECHECK_SECONDS``.
"""

import threading
import time

from django.apps import apps
from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.utils import timezone

# The kinds of public content, each with its own version.
# factors: factors, clusters, relations and their evidence (what the board and map show);
# cases: the cases themselves (library, case pages, feeds, API); reflections: the
# reflections under a case; meetings: series, meetings and harvests; seats: how many
# places of a meeting are taken (only the meeting page shows it); glossary: terms and
# definitions; people: names and organisations shown with content (profiles, accounts);
# site: themes, municipalities, areas and everything else.
KINDS = ("factors", "cases", "reflections", "meetings", "seats", "glossary", "people", "site")

# The fields of a profile that public pages show (cop.models.public_name and the author lines).
PUBLIC_PROFILE_FIELDS = ("display_name", "show_name_publicly", "perspective", "organisation_id")

# How long a process trusts the versions it last read from the database.
VERSION_RECHECK_SECONDS = 1.0

_local = threading.local()


def _model():
    # From the app registry, not an import: cop/models.py imports cop.cache, which imports this.
    return apps.get_model("cop", "ContentVersion")


def forget_versions():
    _local.versions, _local.read_at = None, 0.0


class _Raised:
    """An on-commit callback that stands for "these kinds were raised in this transaction"."""

    def __init__(self, kinds):
        self.kinds = frozenset(kinds)

    def __call__(self):
        forget_versions()


def _raised_already(kinds):
    """``kinds`` were raised in this transaction and nothing read the versions since.

    A second raise would change nothing anyone could see: other processes see only the
    committed number, and nothing in this one was keyed on the number in between. The
    marker is an on-commit callback, which Django drops with a rolled-back savepoint.
    """
    raised = getattr(_local, "raised", None)
    if raised is None or not connection.in_atomic_block or not set(kinds) <= raised.kinds:
        return False
    return any(func is raised for _sids, func, *_rest in connection.run_on_commit)


def content_versions():
    """``{kind: number}`` of every kind, read from the database at most once a second."""
    versions = getattr(_local, "versions", None)
    if versions is None or time.monotonic() - _local.read_at > VERSION_RECHECK_SECONDS:
        _local.raised = None  # what is read now may be keyed on: the next raise must happen
        found = dict(_model().objects.values_list("kind", "version"))
        versions = {kind: found.get(kind, 0) for kind in KINDS}
        _local.versions, _local.read_at = versions, time.monotonic()
    return versions


def versions_of(kinds):
    """The part of a cache key that stands for ``kinds``: ``"factors3.site1"``."""
    versions = content_versions()
    return ".".join(f"{kind}{versions[kind]}" for kind in kinds)


def content_version():
    """One number that changes whenever any kind changes (the sum of all)."""
    return sum(content_versions().values())


def _check(kinds):
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"Unknown content kinds: {sorted(unknown)}")


def bump_content_version(*kinds):
    """Raise the versions of ``kinds`` (all kinds without arguments) in the current transaction.

    Call it when content visitors can see changes (publish, unpublish, edit, merge, hide…).
    The new numbers become visible to other processes exactly when the change does (and
    not at all if it rolls back).
    """
    _check(kinds)
    wanted = list(kinds or KINDS)
    if _raised_already(wanted):
        return
    model = _model()
    now = timezone.now()
    changed = model.objects.filter(kind__in=wanted).update(version=F("version") + 1, changed_at=now)
    if changed < len(wanted):
        present = set(model.objects.filter(kind__in=wanted).values_list("kind", flat=True))
        for kind in wanted:
            if kind not in present:
                model.objects.get_or_create(kind=kind, defaults={"version": 1, "changed_at": now})
    forget_versions()
    # Forget again once committed; a rolled-back bump must not stay remembered either.
    if connection.in_atomic_block:
        _local.raised = _Raised(wanted)
        transaction.on_commit(_local.raised)


# --- what each kept page shows ---------------------------------------------------------------

# What each kept page shows, as kinds of content (cop.versions.KINDS): its key holds
# their versions only. Every page also shows names ("people") and the site's themes,
# places and organisations ("site"). A page not listed here is keyed on every kind.
ALWAYS = ("people", "site")
_FACTOR_LISTS = ("factors",)
_FACTOR_PAGES = ("factors", "cases", "meetings", "glossary")
_CASE_PAGES = ("cases", "reflections", "factors", "glossary")
_CASE_LISTS = ("cases", "factors")
_MEETING_PAGES = ("meetings", "factors", "cases", "glossary")
PAGE_KINDS = {
    "home": ("factors", "cases", "meetings", "glossary"),
    "about": (),
    "privacy": (),
    "accessibility": (),
    "glossary": ("glossary",),
    "glossary-term": ("glossary",),
    "glossary-term-compare": ("glossary",),
    "api:term-list": ("glossary",),
    "api:term-detail": ("glossary",),
    "factors:board": _FACTOR_LISTS,
    "factor-map": ("factors", "cases"),  # the map shows the cases behind the factors too
    "perspective-matrix": _FACTOR_LISTS,
    "board-poster": _FACTOR_LISTS,
    "embed-board": _FACTOR_LISTS,
    "api:factor-list": _FACTOR_LISTS,
    "feed-factoren": _FACTOR_LISTS,
    "feed-factoren-atom": _FACTOR_LISTS,
    "factors:detail": _FACTOR_PAGES,
    "embed-factor": _FACTOR_PAGES,
    "api:factor-detail": _FACTOR_PAGES,
    "feed-factoren-item": _FACTOR_PAGES,
    "feed-factoren-item-atom": _FACTOR_PAGES,
    "cases:detail": _CASE_PAGES,
    "cases:library": _CASE_LISTS,
    "api:case-list": _CASE_LISTS,
    "api:case-detail": _CASE_PAGES,
    "feed-casussen": _CASE_LISTS,
    "feed-casussen-atom": _CASE_LISTS,
    "feed-casussen-item": _CASE_PAGES,
    "feed-casussen-item-atom": _CASE_PAGES,
    "meetings:list": ("meetings", "seats"),
    "meetings:series-detail": ("meetings",),
    "meetings:detail": (*_MEETING_PAGES, "seats"),
    "meetings:digest": _MEETING_PAGES,
    "meetings:poster": _MEETING_PAGES,
    "meetings:ics": ("meetings",),
    "meetings:calendar-feed": ("meetings",),
    "api:meeting-list": ("meetings",),
    "api:meeting-detail": _MEETING_PAGES,
    "feed-oogsten": ("meetings",),
    "feed-oogsten-atom": ("meetings",),
    "feed-oogsten-item": _MEETING_PAGES,
    "feed-oogsten-item-atom": _MEETING_PAGES,
}


def kinds_of_page(view_name):
    """The kinds of content the page ``view_name`` shows (every kind when it is not listed)."""
    shown = PAGE_KINDS.get(view_name)
    if shown is None:
        return KINDS
    return tuple(kind for kind in KINDS if kind in shown or kind in ALWAYS)


# --- the safety net: models that hold public content ----------------------------------------

WATCHED = {}


def watch(model, kinds, *, when=None, track=()):
    """Raise ``kinds`` whenever a ``model`` row is saved or deleted (and its many-to-many fields change).

    ``when(instance, created)``, if given, decides per save (for example: only for a
    published case); ``track``: raise only when one of these fields changed since the
    row was loaded (for example a profile's public name). Deletes always raise.
    """
    _check(kinds)
    kinds = tuple(kinds)
    WATCHED[model] = kinds
    uid = f"cop.versions:{model._meta.label}"
    track = tuple(track)

    def saved(sender, instance, created=False, raw=False, **kwargs):
        if raw or (when is not None and not when(instance, created)):
            return
        if track and not created:
            loaded = getattr(instance, "_cop_loaded", None)
            if loaded is not None and all(loaded[name] == getattr(instance, name) for name in track):
                return
            instance._cop_loaded = {name: getattr(instance, name) for name in track}
        bump_content_version(*kinds)

    def loaded(sender, instance, **kwargs):
        if instance.pk is not None and all(name in instance.__dict__ for name in track):
            instance._cop_loaded = {name: instance.__dict__[name] for name in track}

    def deleted(sender, instance, **kwargs):
        bump_content_version(*kinds)

    def m2m(sender, instance, action, **kwargs):
        if action in ("post_add", "post_remove", "post_clear"):
            bump_content_version(*kinds)

    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"{uid}:save")
    post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"{uid}:delete")
    if track:
        post_init.connect(loaded, sender=model, weak=False, dispatch_uid=f"{uid}:init")
    for field in model._meta.local_many_to_many:
        m2m_changed.connect(m2m, sender=field.remote_field.through, weak=False, dispatch_uid=f"{uid}:{field.name}")
