from django.contrib import admin

from notifications.models import Activity, DigestRun, Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["kind", "title", "recipient", "created_at", "read_at", "mail"]
    list_filter = ["kind", "mail"]
    raw_id_fields = ["recipient"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["type", "title", "at"]


@admin.register(DigestRun)
class DigestRunAdmin(admin.ModelAdmin):
    list_display = ["key", "started_at", "batches"]
