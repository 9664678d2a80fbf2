"""Who is who: the roles of DESIGN.md in one place."""

FACILITATORS_GROUP = "Facilitators"


def is_member(user):
    """A signed-in participant (allauth only lets verified addresses sign in)."""
    return bool(user and user.is_authenticated and user.is_active)


def is_facilitator(user):
    """Facilitators (the group) and staff run meetings, curate and publish."""
    if not is_member(user):
        return False
    cached = getattr(user, "_is_facilitator", None)
    if cached is None:
        cached = user.is_staff or user.is_superuser or user.groups.filter(name=FACILITATORS_GROUP).exists()
        user._is_facilitator = cached
    return cached
