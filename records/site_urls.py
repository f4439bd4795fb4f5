"""The site's routes outside the language prefix: photo files, the sitemap, and the staff
user's own API tokens page.

Their names stay global (no namespace): templates and the security tests reverse
``photo_file`` and Django's own sitemap view name.
"""

from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import path

from .api.views import TokenListView, TokenRevokeView
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
    # A staff login, as every admin page asks.
    path(
        "account/api-tokens/",
        admin.site.admin_view(TokenListView.as_view()),
        name="account_api_tokens",
    ),
    path(
        "account/api-tokens/<int:token_id>/revoke/",
        admin.site.admin_view(TokenRevokeView.as_view()),
        name="account_api_token_revoke",
    ),
]
