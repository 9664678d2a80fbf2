"""The live mode for phones and the projector wall (/live/<code>/)."""

from django.urls import path

from meetings.views import live, wall

app_name = "live"
urlpatterns = [
    path("", live.join, name="join"),
    path("<str:code>/", live.participate, name="participate"),
    path("<str:code>/wijzigingen/", live.phone_changes, name="changes"),
    path("<str:code>/gast/", live.become_guest_view, name="guest"),
    path("<str:code>/rondes/<int:round_pk>/bijdragen/", live.contribute, name="contribute"),
    path("<str:code>/bijdragen/<int:pk>/bewerken/", live.contribution_edit, name="contribution-edit"),
    path("<str:code>/bijdragen/<int:pk>/intrekken/", live.contribution_withdraw, name="contribution-withdraw"),
    path("<str:code>/rondes/<int:round_pk>/stippen/<int:factor_pk>/", live.vote_add, name="vote-add"),
    path("<str:code>/rondes/<int:round_pk>/stippen/<int:factor_pk>/weghalen/", live.vote_remove, name="vote-remove"),
    path("<str:code>/muur/", wall.wall, name="wall"),
    path("<str:code>/muur/wijzigingen/", wall.wall_changes, name="wall-changes"),
    path("<str:code>/muur/stroom/", wall.wall_stream, name="wall-stream"),
]
