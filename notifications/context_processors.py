"""The unread count in the header: one query on a signed-in page (when the header shows it), none for visitors."""

from django.utils.functional import SimpleLazyObject

from notifications.models import Notification


def unread(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_notifications": SimpleLazyObject(
            lambda: Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        )
    }
