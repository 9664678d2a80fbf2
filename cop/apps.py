from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CopConfig(AppConfig):
    name = "cop"
    verbose_name = _("Gemeenschap")

    def ready(self):
        from cop.models import Area, Municipality, Organisation, Profile, Term, TermVersion, Theme
        from cop.versions import PUBLIC_PROFILE_FIELDS, watch

        # The public content of this app (cop.versions): a change renews the pages that show it.
        for model in (Municipality, Area, Organisation, Theme):
            watch(model, ["site"])
        watch(Term, ["glossary"])
        watch(TermVersion, ["glossary"], when=lambda version, created: version.status != "proposed")
        # Names and perspectives shown with content: only a change of what is shown raises "people".
        watch(Profile, ["people"], track=PUBLIC_PROFILE_FIELDS)
