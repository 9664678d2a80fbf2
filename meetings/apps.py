from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Bijeenkomsten")

    def ready(self):
        from cop.versions import watch
        from meetings import signals, tasks
        from meetings.models import HarvestImage, Meeting, Registration, Series

        # The public content of this app (cop.versions). The live mode's rows (rounds,
        # contributions, votes) are left out: they show on public pages once the harvest is
        # published, and publishing raises. Registrations change only the seats taken.
        watch(Series, ["meetings"])
        watch(Meeting, ["meetings", "factors"])
        watch(HarvestImage, ["meetings"])
        watch(Registration, ["seats"])
        from meetings.holders import register_holders

        register_holders()
        signals.registration_made.connect(tasks.mail_registration, dispatch_uid="meetings-registration-mail")
