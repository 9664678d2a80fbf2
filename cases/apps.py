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
        self.watch_linked_names()

    def watch_linked_names(self):
        """Renaming what cases are found by queues the refresh of their stored search text (cases.search_context)."""
        from django.db.models.signals import post_save

        from cases.search_context import NAME_FIELDS
        from cases.tasks import refresh_after_rename
        from cop.models import Area, Municipality, Organisation, Theme
        from cop.tasks import enqueue_on_commit
        from factors.models import Factor

        def receiver_for(label):
            def renamed(sender, instance, created, raw=False, update_fields=None, **kwargs):
                if created or raw or (update_fields is not None and not NAME_FIELDS & set(update_fields)):
                    return
                enqueue_on_commit(refresh_after_rename, label, instance.pk)

            return renamed

        for label, model in (("municipality", Municipality), ("area", Area), ("organisation", Organisation),
                             ("theme", Theme), ("factor", Factor)):  # fmt: skip
            post_save.connect(receiver_for(label), sender=model, weak=False, dispatch_uid=f"cases-renamed-{label}")
