from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The public read side that combines the apps: home, search, visuals, posters, API, feeds, open data."""

    name = "portal"
    verbose_name = _("Portaal")
