from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Meldingen")

    def ready(self):
        # The lower apps send signals at their state changes; here they become notifications.
        from cop import hooks
        from notifications import events, follow, mail

        events.connect()
        hooks.register("follow_button", follow.render_button)
        hooks.register("mail_language", mail.language_of_address)
