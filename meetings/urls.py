from django.urls import path

from meetings.views import clustering, console, manage, mine, pages, registration, wall_controls

app_name = "meetings"
urlpatterns = [
    path("", pages.meeting_list, name="list"),
    # Fixed paths before "<slug:slug>/".
    path("nieuw/", manage.meeting_create, name="create"),
    path("mijn/", mine.my_meetings, name="mine"),
    path("agenda.ics", pages.calendar_feed, name="calendar-feed"),
    path("reeksen/nieuw/", manage.series_create, name="series-create"),
    path("reeksen/<slug:slug>/", pages.series_detail, name="series-detail"),
    path("reeksen/<slug:slug>/bewerken/", manage.series_edit, name="series-edit"),
    # The portal's pages of a published harvest (poster, digest) are added by config/urls.py.
    path("<slug:slug>/", pages.detail, name="detail"),
    path("<slug:slug>/agenda.ics", pages.meeting_ics, name="ics"),
    path("<slug:slug>/bewerken/", manage.meeting_edit, name="edit"),
    # Registration and attendance.
    path("<slug:slug>/aanmelden/", registration.register, name="register"),
    path("<slug:slug>/afmelden/", registration.cancel, name="cancel"),
    path("<slug:slug>/aanmelding/", registration.my_registration, name="registration"),
    path("<slug:slug>/aanmeldingen/", registration.registration_list, name="registrations"),
    path("<slug:slug>/aanmeldingen.csv", registration.registration_export, name="registrations-csv"),
    path("<slug:slug>/aanmeldingen/<int:pk>/aanwezig/", registration.mark_attendance, name="attendance"),
    path("<slug:slug>/inchecken/<str:token>/", registration.checkin, name="checkin"),
    # The console of the live mode.
    path("<slug:slug>/regie/", console.console, name="console"),
    path("<slug:slug>/regie/wijzigingen/", console.console_changes, name="console-changes"),
    path("<slug:slug>/regie/bijwerken/", console.console_part, name="console-part"),
    path("<slug:slug>/regie/live-openen/", console.open_live, name="open-live"),
    path("<slug:slug>/regie/afsluiten/", console.close_meeting, name="close"),
    path("<slug:slug>/regie/werkvorm/", console.format_apply, name="format-apply"),
    path("<slug:slug>/regie/rondes/nieuw/", console.round_add, name="round-add"),
    path("<slug:slug>/regie/rondes/volgende/", console.round_next, name="round-next"),
    path("<slug:slug>/regie/rondes/<int:pk>/bewerken/", console.round_edit, name="round-edit"),
    path("<slug:slug>/regie/rondes/<int:pk>/verwijderen/", console.round_delete, name="round-delete"),
    path("<slug:slug>/regie/rondes/<int:pk>/starten/", console.round_start, name="round-start"),
    path("<slug:slug>/regie/rondes/<int:pk>/pauzeren/", console.round_pause, name="round-pause"),
    path("<slug:slug>/regie/rondes/<int:pk>/afronden/", console.round_close, name="round-close"),
    path("<slug:slug>/regie/rondes/<int:pk>/late-gasten/", console.round_discount, name="round-discount"),
    path("<slug:slug>/regie/muur/", wall_controls.wall_display, name="wall-display"),
    path("<slug:slug>/regie/rondes/<int:pk>/muur/", wall_controls.round_wall, name="round-wall"),
    path("<slug:slug>/regie/rondes/<int:pk>/uitslag/", wall_controls.round_reveal, name="round-reveal"),
    path("<slug:slug>/regie/clusteren/", clustering.cluster, name="cluster"),
    path("<slug:slug>/regie/loskoppelen/", clustering.uncluster, name="uncluster"),
    path("<slug:slug>/regie/ongedaan-maken/", clustering.undo, name="undo"),
    path("<slug:slug>/regie/bijdragen/<int:pk>/verbergen/", clustering.contribution_hide, name="contribution-hide"),
    path(
        "<slug:slug>/regie/bijdragen/<int:pk>/goedkeuren/",
        clustering.contribution_approve,
        name="contribution-approve",
    ),
    path("<slug:slug>/regie/bijdragen/<int:pk>/tonen/", clustering.contribution_unhide, name="contribution-unhide"),
    path("<slug:slug>/regie/bijdragen/<int:pk>/schrijver/", clustering.contribution_scribe, name="contribution-scribe"),
    # The harvest.
    path("<slug:slug>/oogst/", manage.harvest_edit, name="harvest-edit"),
    path("<slug:slug>/oogst/beelden/nieuw/", manage.harvest_image_add, name="harvest-image-add"),
    path("<slug:slug>/oogst/beelden/<int:pk>/verwijderen/", manage.harvest_image_delete, name="harvest-image-delete"),
    path("<slug:slug>/publiceren/", manage.publish, name="publish"),
    path("<slug:slug>/publicatie-intrekken/", manage.unpublish, name="unpublish"),
]
