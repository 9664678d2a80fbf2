"""Operations and privacy: health check, security.txt, data export and account deletion."""

from django.urls import path

from cop.views import ops, privacy

urlpatterns = [
    path("healthz", ops.healthz, name="healthz"),
    path(".well-known/security.txt", ops.security_txt, name="security-txt"),
    path("profiel/gegevens.json", privacy.export, name="profile-export"),
    path("profiel/verwijderen/", privacy.delete_account, name="profile-delete"),
]
