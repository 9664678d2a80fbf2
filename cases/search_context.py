"""The related text a case is found by: its place, organisations, themes and factors.

Search reads stored columns only (one ``search_vector`` on PostgreSQL, ``icontains`` over the
same fields on SQLite), so the names a case is linked to are copied into
``Case.search_context``: the municipality and area, the organisation and the partners, the
themes (Dutch and English names) and the accepted factors it names. Someone looking for
"Arnhem", "Presikhaaf" or "eigenaarschap" then finds the cases about it, in the library and
in the site search alike, on both databases.
"""

from django.db.models import Prefetch

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
