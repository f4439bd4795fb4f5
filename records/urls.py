from django.urls import path

from . import views

app_name = "records"

urlpatterns = [
    path("", views.release_list, name="release_list"),
    path("releases/<slug:slug>/", views.release_detail, name="release_detail"),
]
