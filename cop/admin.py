from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from cop.models import Area, Municipality, Organisation, Profile, Term, TermVersion, Theme, User


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    fields = ["display_name", "organisation", "perspective", "bio", "avatar", "show_name_publicly"]
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "is_active", "is_staff", "date_joined", "last_login"]
    list_filter = ["is_active", "is_staff", "is_superuser", "groups"]
    search_fields = ["email", "profile__display_name"]
    list_select_related = ["profile"]
    inlines = [ProfileInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Rechten"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("Data"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]

    @admin.display(description=_("naam"), ordering="profile__display_name")
    def display_name(self, obj):
        profile = getattr(obj, "profile", None)
        return profile.display_name if profile else ""


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality"]
    list_filter = ["kind", "municipality"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["municipality"]


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "organisation", "perspective", "show_name_publicly"]
    list_filter = ["perspective", "show_name_publicly", "organisation__kind"]
    search_fields = ["display_name", "user__email", "organisation__name"]
    list_select_related = ["user", "organisation"]
    autocomplete_fields = ["user", "organisation"]


class AreaInline(admin.TabularInline):
    model = Area
    extra = 0
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "province"]
    list_filter = ["province"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AreaInline]


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality"]
    list_filter = ["kind", "municipality"]
    search_fields = ["name", "municipality__name"]
    list_select_related = ["municipality"]
    autocomplete_fields = ["municipality"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "order"]
    list_editable = ["order"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


class TermVersionInline(admin.StackedInline):
    model = TermVersion
    extra = 0
    fields = ["number", "definition", "note", "status", "proposed_by", "accepted_by", "accepted_at"]
    autocomplete_fields = ["proposed_by", "accepted_by"]


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["name", "is_key", "order"]
    list_filter = ["is_key"]
    search_fields = ["name", "versions__definition"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TermVersionInline]


@admin.register(TermVersion)
class TermVersionAdmin(admin.ModelAdmin):
    list_display = ["term", "number", "status", "accepted_at"]
    list_filter = ["status", "term"]
    search_fields = ["term__name", "definition", "note"]
    list_select_related = ["term"]
    autocomplete_fields = ["term", "proposed_by", "accepted_by"]
