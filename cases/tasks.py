"""Background work of the cases app: the search text of cases after a linked name changed.

A case stores the names it is linked to (cases.search_context), so renaming a municipality,
area, organisation, theme or factor (or retiring or merging a factor) leaves those copies
stale. ``watch_linked_names`` (called by CasesConfig.ready) queues ``refresh_after_rename``
once the rename has committed; the worker finds the linked cases whose stored lines no longer
hold the current names and rebuilds just those, CHUNK at a time. A municipality with thousands
of cases costs the request one enqueue.
"""

from django.db.models import Q
from django.db.models.signals import post_save
from django_tasks import task

from cases.models import Case
from cases.search_context import CHUNK
from cop.models import Area, Municipality, Organisation, Theme
from cop.search import update_search_vector
from cop.tasks import enqueue_on_commit
from factors.models import Factor

# Fields whose change makes the copies stale; a save with other ``update_fields`` is ignored.
NAME_FIELDS = {"name", "name_en", "status"}


def linked_cases(label, pk):
    """``(queryset of the cases linked to the object, its current names, whether they count)``."""
    if label == "factor":
        factor = Factor.objects.filter(pk=pk).first()
        if factor is None:
            return Case.objects.none(), [], False
        return Case.objects.filter(factor_links__factor=factor), [factor.name], factor.status == Factor.Status.ACCEPTED
    model, lookups = {
        "municipality": (Municipality, ["municipality"]),
        "area": (Area, ["area"]),
        "organisation": (Organisation, ["organisation", "partners__organisation"]),
        "theme": (Theme, ["themes"]),
    }[label]
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        return Case.objects.none(), [], True
    query = Q()
    for lookup in lookups:
        query |= Q(**{lookup: obj})
    names = [obj.name] + ([obj.name_en] if getattr(obj, "name_en", "") else [])
    return Case.objects.filter(query), names, True


def stale_after_rename(label, pk):
    """The pks of the cases whose stored context no longer matches the object's names."""
    cases, names, counts = linked_cases(label, pk)
    stale = set()
    for case_pk, text in cases.values_list("pk", "search_context").distinct().iterator(chunk_size=CHUNK):
        lines = set(text.split("\n"))
        if counts != all(name in lines for name in names):
            stale.add(case_pk)
    # A factor that no longer counts (retired, or merged and its links moved to the survivor):
    # every case that still carries its name, linked or not.
    for name in [] if counts else names:
        candidates = Case.objects.filter(search_context__contains=name).values_list("pk", "search_context")
        for case_pk, text in candidates.iterator(chunk_size=CHUNK):
            if name in text.split("\n"):
                stale.add(case_pk)
    return sorted(stale)


@task()
def refresh_after_rename(label, pk):
    """Rebuild the search text of the cases that still carry a stale copy of ``label`` ``pk``'s names."""
    pks = stale_after_rename(label, pk)
    for start in range(0, len(pks), CHUNK):
        update_search_vector(Case, pks[start : start + CHUNK])
    return len(pks)


def watch_linked_names():
    """Renaming what cases are found by queues the refresh of their stored search text."""

    def receiver_for(label):
        def renamed(sender, instance, created, raw=False, update_fields=None, **kwargs):
            if created or raw or (update_fields is not None and not NAME_FIELDS & set(update_fields)):
                return
            enqueue_on_commit(refresh_after_rename, label, instance.pk)

        return renamed

    for label, model in (("municipality", Municipality), ("area", Area), ("organisation", Organisation),
                         ("theme", Theme), ("factor", Factor)):  # fmt: skip
        post_save.connect(receiver_for(label), sender=model, weak=False, dispatch_uid=f"cases-renamed-{label}")
