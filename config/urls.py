from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(url="/en/", permanent=False)),
    path("admin/", admin.site.urls),
    path("review/", include("translations.urls")),
]
urlpatterns += i18n_patterns(
    path("", include("records.urls")),
    prefix_default_language=True,
)
