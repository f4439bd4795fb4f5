"""The site's URLs, plus a stand-in for the workbench page where the site has none yet
(notifications link to it)."""

from django.http import HttpResponse
from django.urls import NoReverseMatch, include, path, reverse

from config import urls as site


def workbench(request, release_id, language):
    return HttpResponse(f"workbench {release_id} {language}")


urlpatterns = list(site.urlpatterns)
try:
    reverse("translations:workbench", args=[1, "ja"], urlconf=site)
except NoReverseMatch:
    stand_in = [path("<int:release_id>/<str:language>/", workbench, name="workbench")]
    urlpatterns.append(path("workbench/", include((stand_in, "translations"))))
