from django.contrib import admin

from factors.models import Cluster, CurationLog, Factor, FactorRelation, FactorSlugRedirect


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


class RelationInline(admin.TabularInline):
    model = FactorRelation
    fk_name = "from_factor"
    extra = 0
    autocomplete_fields = ["to_factor"]


class SlugRedirectInline(admin.TabularInline):
    model = FactorSlugRedirect
    extra = 0


@admin.register(Factor)
class FactorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "cluster", "status", "order"]
    list_filter = ["kind", "status", "cluster", "themes"]
    search_fields = ["name", "statement", "explanation"]
    list_select_related = ["cluster"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["cluster", "merged_into", "proposed_by", "accepted_by"]
    filter_horizontal = ["themes"]
    inlines = [RelationInline, SlugRedirectInline]


@admin.register(FactorRelation)
class FactorRelationAdmin(admin.ModelAdmin):
    list_display = ["from_factor", "kind", "to_factor"]
    list_filter = ["kind"]
    search_fields = ["from_factor__name", "to_factor__name"]
    list_select_related = ["from_factor", "to_factor"]
    autocomplete_fields = ["from_factor", "to_factor"]


@admin.register(CurationLog)
class CurationLogAdmin(admin.ModelAdmin):
    list_display = ["at", "action", "factor", "by", "summary"]
    list_filter = ["action"]
    search_fields = ["summary", "factor__name"]
    list_select_related = ["factor", "by"]
    readonly_fields = [f.name for f in CurationLog._meta.fields]

    def has_add_permission(self, request):
        return False
