from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("profiel/meldingen/", views.notification_list, name="list"),
    path("profiel/meldingen/<int:pk>/", views.open_notification, name="open"),
    path("profiel/meldingen/gelezen/", views.mark_all_read, name="read-all"),
    path("profiel/meldingen/voorkeuren/", views.mail_settings, name="settings"),
    path("profiel/meldingen/afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("profiel/volgen/<slug:kind>/<int:pk>/", views.toggle_follow, name="follow"),
]
