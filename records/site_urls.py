"""The reader site's routes outside the language prefix: photo files and the sitemap.

Their names stay global (no namespace): templates and the security tests reverse
``photo_file`` and Django's own sitemap view name.
"""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from .reader.cache import reader_page
from .sitemaps import SITEMAPS
from .views import photo_file

urlpatterns = [
    path("photos/<str:name>", photo_file, name="photo_file"),
    path(
        "sitemap.xml",
        reader_page(sitemap),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
]
