from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The public read side that combines the apps: home, search, visuals, posters, API, feeds, open data."""

    name = "portal"
    verbose_name = _("Portaal")

    def ready(self):
        # A published harvest gets its poster from the task queue right away (portal/tasks.py).
        from meetings.signals import harvest_published
        from portal import tasks

        harvest_published.connect(tasks.on_harvest_published, dispatch_uid="portal-harvest-poster")
