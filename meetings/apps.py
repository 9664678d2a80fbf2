from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Bijeenkomsten")

    def ready(self):
        from meetings import signals, tasks
        from meetings.holders import register_holders

        register_holders()
        signals.registration_made.connect(tasks.mail_registration, dispatch_uid="meetings-registration-mail")
