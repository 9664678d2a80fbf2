from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FactorsConfig(AppConfig):
    name = "factors"
    verbose_name = _("Wat werkt")

    def ready(self):
        from cop.versions import watch
        from factors.models import Cluster, Factor, FactorRelation, FactorSlugRedirect

        # The public content of this app (cop.versions). Factor names show on case and meeting pages too.
        kinds = ["factors", "cases", "meetings"]
        watch(Cluster, kinds)
        watch(Factor, kinds, when=lambda factor, created: factor.status != Factor.Status.PROPOSED)
        watch(FactorRelation, kinds)
        watch(FactorSlugRedirect, kinds)
