"""``/api/v1/``: the staff's resources."""

from django.urls import include, path

urlpatterns = [
    path("", include("translations.api.releases.urls")),
    path("", include("translations.api.files_urls")),
]
