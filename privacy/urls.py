"""The member's own pages: profile, data export and account deletion (under /profiel/)."""

from django.urls import path

from privacy import views

urlpatterns = [
    path("profiel/", views.profile, name="profile"),
    path("profiel/gegevens.zip", views.export, name="profile-export"),
    path("profiel/verwijderen/", views.delete_account, name="profile-delete"),
]
