from django.urls import path

from factors import views

app_name = "factors"
urlpatterns = [
    path("", views.board, name="board"),
    path("<slug:slug>/", views.detail, name="detail"),
]
