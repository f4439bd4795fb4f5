"""The sitemap: every published language version, each with its hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import translation

from config import languages

from .reader.models import ReaderPage


def _release_url(language, slug):
    with translation.override(language):
        return reverse("records:release_detail", args=[slug])


class ReaderSitemap(Sitemap):
    """One entry per (release, language) readers can reach, alternates in the languages that
    release is published in (``x-default``: the default source language where published)."""

    changefreq = "monthly"

    def items(self):
        rows = list(
            ReaderPage.objects.order_by("-date", "slug", "language").values_list(
                "release_id", "language", "slug", "published_at"
            )
        )
        versions = {}
        for release_id, language, slug, _at in rows:
            versions.setdefault(release_id, {})[language] = slug
        return [
            (language, slug, published_at, versions[release_id])
            for release_id, language, slug, published_at in rows
        ]

    def location(self, item):
        return _release_url(item[0], item[1])

    def lastmod(self, item):
        return item[2]

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        default = languages.DEFAULT_SOURCE
        for url in urls:
            versions = url["item"][3]
            codes = [code for code in languages.CODES if code in versions]
            if default in versions:
                codes.append(default)
            url["alternates"] = [
                {
                    "lang_code": "x-default" if index == len(versions) else code,
                    "location": f"{protocol}://{domain}{_release_url(code, versions[code])}",
                }
                for index, code in enumerate(codes)
            ]
        return urls


class HomeSitemap(Sitemap):
    """The home page of every language."""

    changefreq = "daily"

    def items(self):
        return list(languages.CODES)

    def location(self, code):
        with translation.override(code):
            return reverse("records:release_list")


SITEMAPS = {"home": HomeSitemap, "releases": ReaderSitemap}
