from django.urls import path

from factors import curation, views

app_name = "factors"
urlpatterns = [
    path("", views.board, name="board"),
    path("voorstellen/", views.propose, name="propose"),
    path("beheer/", curation.console, name="console"),
    path("beheer/logboek/", curation.log, name="log"),
    path("beheer/clusters/nieuw/", curation.cluster_create, name="cluster-create"),
    path("beheer/clusters/<slug:slug>/omhoog/", curation.cluster_move, {"direction": "up"}, name="cluster-up"),
    path("beheer/clusters/<slug:slug>/omlaag/", curation.cluster_move, {"direction": "down"}, name="cluster-down"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/aanvaarden/", curation.accept, name="accept"),
    path("<slug:slug>/laten-vervallen/", curation.retire, name="retire"),
    path("<slug:slug>/bewerken/", curation.edit, name="edit"),
    path("<slug:slug>/hernoemen/", curation.rename, name="rename"),
    path("<slug:slug>/samenvoegen/", curation.merge, name="merge"),
    path("<slug:slug>/afsplitsen/", curation.split, name="split"),
    path("<slug:slug>/relaties/", curation.relate, name="relate"),
    path("<slug:slug>/relaties/<int:pk>/verwijderen/", curation.unrelate, name="unrelate"),
]
