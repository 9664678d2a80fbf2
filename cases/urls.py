from django.urls import path

from cases import views

app_name = "cases"
urlpatterns = [
    path("", views.library, name="library"),
    path("<slug:slug>/", views.detail, name="detail"),
]
