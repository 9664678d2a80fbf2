from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GlossaryConfig(AppConfig):
    """The shared language (/begrippen/): pages, forms, comparison and term marking.

    The Term and TermVersion models stay in cop (their app label and migrations).
    """

    name = "glossary"
    verbose_name = _("Begrippen")
