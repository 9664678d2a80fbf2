from django.urls import path

from cases.views import changes, coeditors, detail, edit, library, reflections, workflow

app_name = "cases"
urlpatterns = [
    path("", library.library, name="library"),
    # Fixed paths before <slug:slug>/ (their slugs are reserved in cases.models.RESERVED_SLUGS).
    path("nieuw/", edit.create, name="create"),
    path("redactie/", workflow.review_queue, name="review-queue"),
    path("uitnodiging/<str:token>/", coeditors.invitation, name="invitation"),
    path("uitnodiging/<str:token>/aannemen/", coeditors.accept_invitation, name="invitation-accept"),
    path("uitnodiging/<str:token>/afslaan/", coeditors.decline_invitation, name="invitation-decline"),
    # The same answers from the profile page, which lists the member's open invitations (no token there).
    path("uitnodigingen/<int:pk>/aannemen/", coeditors.accept_invitation, name="invitation-accept-listed"),
    path("uitnodigingen/<int:pk>/afslaan/", coeditors.decline_invitation, name="invitation-decline-listed"),
    path("<slug:slug>/", detail.detail, name="detail"),
    path("<slug:slug>/bewerken/", edit.edit, name="edit"),
    path("<slug:slug>/verwijderen/", edit.delete, name="delete"),
    path("<slug:slug>/versies/", detail.revisions, name="revisions"),
    path("<slug:slug>/indienen/", workflow.submit, name="submit"),
    path("<slug:slug>/publiceren/", workflow.publish, name="publish"),
    path("<slug:slug>/terugsturen/", workflow.send_back, name="send-back"),
    path("<slug:slug>/terugtrekken/", workflow.withdraw, name="withdraw"),
    path("<slug:slug>/wijziging/", changes.change_review, name="change-review"),
    path("<slug:slug>/wijziging/goedkeuren/", changes.change_approve, name="change-approve"),
    path("<slug:slug>/wijziging/afwijzen/", changes.change_reject, name="change-reject"),
    path("<slug:slug>/mede-auteurs/", coeditors.coeditors, name="coeditors"),
    path("<slug:slug>/mede-auteurs/uitnodigen/", coeditors.invite, name="coeditor-invite"),
    path("<slug:slug>/mede-auteurs/<int:user_id>/verwijderen/", coeditors.remove, name="coeditor-remove"),
    path(
        "<slug:slug>/mede-auteurs/uitnodigingen/<int:pk>/intrekken/",
        coeditors.withdraw_invitation,
        name="coeditor-invitation-withdraw",
    ),
    path("<slug:slug>/reflecties/nieuw/", reflections.create, name="reflection-create"),
    path("<slug:slug>/reflecties/<int:pk>/bewerken/", reflections.edit, name="reflection-edit"),
    path("<slug:slug>/reflecties/<int:pk>/verwijderen/", reflections.delete, name="reflection-delete"),
    path("<slug:slug>/reflecties/<int:pk>/verbergen/", reflections.hide, name="reflection-hide"),
    path("<slug:slug>/reflecties/<int:pk>/tonen/", reflections.unhide, name="reflection-unhide"),
]
