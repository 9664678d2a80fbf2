from django.contrib import admin

from cases.models import Case, CaseFactor, CaseImage, CaseLink, CasePartner, CaseRevision, Reflection


class CaseImageInline(admin.TabularInline):
    model = CaseImage
    extra = 0
    fields = ["image", "alt_text", "caption", "credit", "order"]


class CaseFactorInline(admin.TabularInline):
    model = CaseFactor
    extra = 0
    autocomplete_fields = ["factor"]


class CasePartnerInline(admin.TabularInline):
    model = CasePartner
    extra = 0
    autocomplete_fields = ["organisation"]


class CaseLinkInline(admin.TabularInline):
    model = CaseLink
    extra = 0


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "visibility", "municipality", "organisation", "published_at"]
    list_filter = ["status", "visibility", "stage", "perspective", "themes", "municipality"]
    search_fields = ["title", "summary", "story", "owner__email"]
    list_select_related = ["municipality", "organisation"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["municipality", "area", "organisation", "owner", "co_editors", "published_by"]
    filter_horizontal = ["themes"]
    date_hierarchy = "created_at"
    inlines = [CaseFactorInline, CasePartnerInline, CaseLinkInline, CaseImageInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.refresh_search_document()  # themes, partners and factors may have changed


@admin.register(CaseRevision)
class CaseRevisionAdmin(admin.ModelAdmin):
    list_display = ["case", "action", "author", "created_at"]
    list_filter = ["action"]
    search_fields = ["case__title", "message"]
    list_select_related = ["case", "author"]
    readonly_fields = ["case", "author", "created_at", "action", "message", "changes"]


@admin.register(Reflection)
class ReflectionAdmin(admin.ModelAdmin):
    list_display = ["case", "perspective", "author", "hidden", "created_at"]
    list_filter = ["hidden", "perspective"]
    search_fields = ["case__title", "strikes", "learns"]
    list_select_related = ["case", "author"]
    autocomplete_fields = ["case", "author", "hidden_by"]
