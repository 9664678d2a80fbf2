from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Casussen")

    def ready(self):
        from cases.models import Case, CaseFactor, CaseImage, CaseLink, CasePartner, Reflection
        from cop.versions import watch

        def of_published_case(part, created):
            case = part._state.fields_cache.get("case")  # the case the form or view already holds
            if case is not None:
                return case.status == Case.Status.PUBLISHED
            return Case.objects.filter(pk=part.case_id, status=Case.Status.PUBLISHED).exists()

        # The public content of this app (cop.versions): a change renews the pages that show it.
        # Drafts show nowhere public: their saves raise nothing (publishing and withdrawing do).
        watch(Case, ["cases", "factors"], when=lambda case, created: case.status == Case.Status.PUBLISHED)
        for model, kinds in ((CaseImage, ["cases"]), (CasePartner, ["cases"]), (CaseLink, ["cases"]),
                             (CaseFactor, ["cases", "factors"])):  # fmt: skip
            watch(model, kinds, when=of_published_case)
        watch(Reflection, ["reflections"])
        from cases.holders import register_holders

        register_holders()
        from cases.tasks import watch_linked_names

        watch_linked_names()
