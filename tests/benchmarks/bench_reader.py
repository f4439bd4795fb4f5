"""Reader benchmarks: requests per second of the release, home and topic pages at 1,000 and
10,000 published releases, cached and uncached, against a trivial constant view in the same run
(Django's test client: the whole middleware stack, no network). Ratios printed, nothing asserted.
"""

import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from records.reader import ReaderPage
from tests.helpers import reader_archive

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]
SIZES = (1_000, 10_000)
SECONDS = 1.5
NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def rate(client, path, seconds=SECONDS, **headers):
    """Return requests per second of GET ``path`` for about ``seconds``."""
    client.get(path, **headers)  # warm up (and fill the cache)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        response = client.get(path, **headers)
        assert response.status_code in (200, 304), (path, response.status_code)
        count += 1
    return count / (time.perf_counter() - start)


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    return len(captured)


@override_settings(ROOT_URLCONF="tests.benchmarks.urls_reader")
def test_reader_pages_per_second(demo):
    template = ReaderPage.objects.get(language="en")
    topic = demo["release"].topic
    client = Client()
    created = 0
    print()
    print(f"{'page':<34}{'releases':>9}{'cache':>7}{'req/s':>10}{'ratio':>8}{'queries':>9}")
    for size in SIZES:
        reader_archive(size - created, template, topic, start=created)
        created = size
        middle = size // 2
        paths = {
            "release": f"/en/releases/archive-{middle}/",
            "home": "/en/",
            "home, page 20": "/en/?page=20",
            "topic": "/en/topics/japan-russia-relations/",
            "side by side": f"/en/releases/{demo['release'].slug}/compare/",
        }
        for label, settings in (("on", {}), ("off", {"CACHES": NO_CACHE})):
            with override_settings(**settings):
                cache.clear()
                baseline = rate(client, "/bench/constant/")
                print(f"{'constant view':<34}{size:>9}{label:>7}{baseline:>10.0f}{1:>8.2f}{0:>9}")
                for name, path in paths.items():
                    cache.clear()
                    measured = rate(client, path)
                    count = queries(client, path)
                    print(
                        f"{name:<34}{size:>9}{label:>7}{measured:>10.0f}"
                        f"{measured / baseline:>8.2f}{count:>9}"
                    )
        etag = client.get(paths["release"])["ETag"]
        measured = rate(client, paths["release"], HTTP_IF_NONE_MATCH=etag)
        print(
            f"{'release, 304 revalidation':<34}{size:>9}{'-':>7}{measured:>10.0f}"
            f"{measured / baseline:>8.2f}{queries(client, paths['release']):>9}"
        )
