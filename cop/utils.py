"""Small helpers shared by the apps."""

from django.utils.text import slugify


def unique_slug(instance, source, *, field="slug", scope=None):
    """A slug from ``source`` that no other row of the model (within ``scope``) uses.

    Collisions get a numeric suffix: ``buurtkamer``, ``buurtkamer-2``, ``buurtkamer-3``.
    """
    model = type(instance)
    max_length = model._meta.get_field(field).max_length
    base = slugify(source)[: max_length - 4].strip("-") or "item"
    others = model._default_manager.filter(**(scope or {}))
    if instance.pk:
        others = others.exclude(pk=instance.pk)
    taken = set(others.filter(**{f"{field}__startswith": base}).values_list(field, flat=True))
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate
