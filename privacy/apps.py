from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """A member's data across every app: the export and the account deletion."""

    name = "privacy"
    verbose_name = _("Privacy")
