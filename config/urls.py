from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from config import languages
from config.logins import RateLimitedLoginForm

# The admin is Concord's newsroom: its pages say so rather than "Django administration".
admin.site.site_header = _("Concord")
admin.site.site_title = _("Concord admin")
admin.site.login_form = RateLimitedLoginForm

urlpatterns = [
    path("", RedirectView.as_view(url=f"/{languages.DEFAULT_SOURCE}/", permanent=False)),
    path("admin/", admin.site.urls),
    path("", include("records.site_urls")),
    path("review/", include("translations.urls")),
    # The REST API: readers' resources and the schema, the staff's resources, then a problem
    # document for any other path under /api/.
    path("api/v1/", include("records.api.urls")),
    path("api/v1/", include("translations.api.urls")),
    path("api/", include("records.api.fallback_urls")),
]
urlpatterns += i18n_patterns(
    path("", include("records.urls")),
    prefix_default_language=True,
)
