from django.contrib import admin

from meetings.models import (
    ClusteringStep,
    Contribution,
    HarvestImage,
    Meeting,
    Registration,
    Round,
    Series,
    Vote,
)


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["title", "visibility", "order"]
    list_filter = ["visibility"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["organisers"]


class RoundInline(admin.TabularInline):
    model = Round
    extra = 0
    fields = ["order", "prompt", "kind", "mode", "status", "guests_allowed", "dots_per_person", "timer_seconds"]


class HarvestImageInline(admin.TabularInline):
    model = HarvestImage
    extra = 0
    fields = ["image", "kind", "alt_text", "caption", "order"]


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    fields = ["user", "status", "attended_at"]
    autocomplete_fields = ["user"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "series", "starts_at", "status", "visibility"]
    list_filter = ["status", "visibility", "series"]
    search_fields = ["title", "goal", "location_name"]
    list_select_related = ["series"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["facilitators", "presented_cases", "agreed_term_versions", "created_by"]
    date_hierarchy = "starts_at"
    inlines = [RoundInline, HarvestImageInline, RegistrationInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["meeting", "user", "status", "created_at", "attended_at"]
    list_filter = ["status", "meeting"]
    search_fields = ["meeting__title", "user__email"]
    list_select_related = ["meeting", "user"]
    autocomplete_fields = ["meeting", "user"]


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["prompt", "meeting", "kind", "mode", "status"]
    list_filter = ["status", "mode", "kind"]
    search_fields = ["prompt", "meeting__title"]
    list_select_related = ["meeting"]
    autocomplete_fields = ["meeting", "case", "source_round"]


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["text", "meeting", "kind", "perspective", "factor", "hidden", "created_at"]
    list_filter = ["hidden", "kind", "perspective"]
    search_fields = ["text", "meeting__title"]
    list_select_related = ["meeting", "factor"]
    autocomplete_fields = ["round", "meeting", "case", "author", "factor", "hidden_by"]
    readonly_fields = ["live_version", "submission_key"]


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ["factor", "round", "voter", "created_at"]
    search_fields = ["factor__name", "round__prompt"]
    list_select_related = ["factor", "round", "voter"]
    autocomplete_fields = ["round", "factor", "voter"]


@admin.register(ClusteringStep)
class ClusteringStepAdmin(admin.ModelAdmin):
    list_display = ["meeting", "by", "at", "undone"]
    list_filter = ["undone"]
    search_fields = ["meeting__title"]
    list_select_related = ["meeting", "by"]
    readonly_fields = ["meeting", "by", "at", "moves", "created_factor", "undone"]
