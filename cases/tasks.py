"""Background work of the cases app: the search text of cases after a linked name changed."""

from django_tasks import task

from cases import search_context


@task()
def refresh_after_rename(label, pk):
    """Rebuild the search text of the cases that still carry a stale copy of ``label`` ``pk``'s names."""
    from cases.models import Case
    from cop.search import update_search_vector

    pks = search_context.stale_after_rename(label, pk)
    for start in range(0, len(pks), search_context.CHUNK):
        update_search_vector(Case, pks[start : start + search_context.CHUNK])
    return len(pks)
