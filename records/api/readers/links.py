"""The addresses an answer gives: of the API's own resources and of the reader site's pages.

Each kind of address is reversed once per language and answer, then completed per row (a list
of 200 releases reverses nothing per row)."""

import functools

from django.urls import reverse
from django.utils import translation

# Stands for the slug while an address is reversed once; a slug converter accepts it.
MARK = "slug--mark"


class Links:
    """Absolute addresses of what readers of ``language`` reach, for one request."""

    NAMES = {
        "release": ("api-published-release", True),
        "topic_releases": ("api-published-topic-releases", True),
        "release_page": ("records:release_detail", False),
        "topic_page": ("records:topic", False),
    }

    def __init__(self, request, language):
        self.request = request
        self.language = language

    @functools.cached_property
    def _parts(self):
        parts = {}
        with translation.override(self.language):
            for kind, (name, takes_language) in self.NAMES.items():
                args = [self.language, MARK] if takes_language else [MARK]
                before, after = reverse(name, args=args).split(MARK)
                parts[kind] = (self.request.build_absolute_uri(before), after)
        return parts

    def _address(self, kind, slug):
        before, after = self._parts[kind]
        return f"{before}{slug}{after}"

    def release(self, slug):
        return self._address("release", slug)

    def release_page(self, slug):
        return self._address("release_page", slug)

    def topic_releases(self, slug):
        return self._address("topic_releases", slug)

    def topic_page(self, slug):
        return self._address("topic_page", slug)

    def photo(self, name):
        return self.request.build_absolute_uri(reverse("photo_file", args=[name]))
