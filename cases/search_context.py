"""The related text a case is found by: its place, organisations, themes and factors.

Search reads stored columns only (one ``search_vector`` on PostgreSQL, ``icontains`` over the
same fields on SQLite), so the names a case is linked to are copied into
``Case.search_context``: the municipality and area, the organisation and the partners, the
themes (Dutch and English names) and the accepted factors it names. Someone looking for
"Arnhem", "Presikhaaf" or "eigenaarschap" then finds the cases about it, in the library and
in the site search alike, on both databases.
"""

from django.db.models import Prefetch, Q

from factors.models import Factor

CHUNK = 1000


def context_of(case):
    """The related text of ``case`` (prefetched as in ``fill``), one name a line."""
    names = [
        case.municipality.name if case.municipality_id else "",
        case.area.name if case.area_id else "",
        case.organisation.name if case.organisation_id else "",
    ]
    names += [partner.organisation.name if partner.organisation_id else partner.name for partner in case.partners.all()]
    for theme in case.themes.all():
        names += [theme.name, theme.name_en]
    names += [link.factor.name for link in case.factor_links.all()]
    seen = []
    for name in names:
        if name and name not in seen:
            seen.append(name)
    return "\n".join(seen)


def fill(model, pks=None):
    """Store ``search_context`` of the cases ``pks`` (all when None); returns how many changed."""
    queryset = model._default_manager.order_by("pk")
    if pks is not None:
        queryset = queryset.filter(pk__in=list(pks))
    accepted = model.factor_links.rel.related_model.objects.filter(factor__status=Factor.Status.ACCEPTED)
    queryset = queryset.select_related("municipality", "area", "organisation").prefetch_related(
        "partners__organisation", "themes", Prefetch("factor_links", queryset=accepted.select_related("factor"))
    )
    changed = 0
    last = 0
    while True:
        rows = list(queryset.filter(pk__gt=last)[:CHUNK])
        if not rows:
            return changed
        stale = []
        for case in rows:
            text = context_of(case)
            if text != case.search_context:
                case.search_context = text
                stale.append(case)
        model._default_manager.bulk_update(stale, ["search_context"])
        changed += len(stale)
        last = rows[-1].pk


# --- Renamed names ------------------------------------------------------------------------
# A case stores the names it is linked to, so renaming a municipality, area, organisation,
# theme or factor (or retiring or merging a factor) leaves those copies stale. The rename
# queues ``refresh_after_rename`` (cases.tasks) once it has committed; the worker finds the
# linked cases whose stored lines no longer hold the current names and rebuilds just those,
# CHUNK at a time. A municipality with thousands of cases costs the request one enqueue.

# Fields whose change makes the copies stale; a save with other ``update_fields`` is ignored.
NAME_FIELDS = {"name", "name_en", "status"}


def linked_cases(label, pk):
    """``(queryset of the cases linked to the object, its current names, whether they count)``."""
    from cases.models import Case
    from cop.models import Area, Municipality, Organisation, Theme

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
    from cases.models import Case

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
