"""Reader benchmarks: requests per second of the release, home and topic pages at 1,000 and
10,000 published releases, cached and uncached, against a trivial constant view in the same run
(Django's test client: the whole middleware stack, no network). Ratios printed, nothing asserted.
"""

import time

import pytest
from django.core.cache import cache
from django.db import connection, reset_queries
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from records.reader import ReaderPage
from tests.helpers import reader_archive

from .figures import figure_add

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]
SIZES = (1_000, 10_000)
SECONDS = 1.5
ROUNDS = 6
CONSTANT = "/bench/constant/"
NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def rate(client, path, seconds, **headers):
    """Return requests per second of GET ``path`` for about ``seconds``."""
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        response = client.get(path, **headers)
        assert response.status_code in (200, 304), (path, response.status_code)
        count += 1
    return count, time.perf_counter() - start


def paired(client, path, **headers):
    """Return requests per second of ``path`` and of the constant view, measured in
    alternating slices so that a busy machine slows both alike."""
    client.get(path, **headers)  # warm up (and fill the cache)
    totals = {"page": [0, 0.0], "constant": [0, 0.0]}
    for _ in range(ROUNDS):
        for name, target, extra in (("page", path, headers), ("constant", CONSTANT, {})):
            count, seconds = rate(client, target, SECONDS / ROUNDS, **extra)
            totals[name][0] += count
            totals[name][1] += seconds
    return tuple(count / seconds for count, seconds in (totals["page"], totals["constant"]))


def queries(client, path):
    # A request empties the query log when it starts: the context must start from empty.
    reset_queries()
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
    print(
        f"{'page':<28}{'releases':>9}{'cache':>7}{'req/s':>10}{'constant':>10}{'ratio':>8}"
        f"{'queries':>9}"
    )
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
                for name, path in paths.items():
                    cache.clear()
                    measured, baseline = paired(client, path)
                    line(name, size, label, measured, baseline, queries(client, path))
        etag = client.get(paths["release"])["ETag"]
        measured, baseline = paired(client, paths["release"], HTTP_IF_NONE_MATCH=etag)
        line("release, 304 revalidation", size, "-", measured, baseline, 1)


def line(name, size, label, measured, baseline, count, server="test client"):
    """Print one row of requests per second; register it as time per request."""
    print(
        f"{name:<28}{size:>9}{label:>7}{measured:>10.0f}{baseline:>10.0f}"
        f"{measured / baseline:>8.2f}{count:>9}"
    )
    figure_add(
        f"reader {name}, {size} releases, cache {label} ({server}) [{count} queries]",
        1000 / measured,
        "ms",
        f"constant view ({server})",
        1000 / baseline,
    )


CLIENTS = 8


def served_rate(base, path, seconds=SECONDS):
    """Return requests per second of ``CLIENTS`` threads getting ``path`` from a live server."""
    import http.client
    import threading
    from urllib.parse import urlsplit

    host = urlsplit(base)
    counts = [0] * CLIENTS
    stop = time.perf_counter() + seconds

    def run(index):
        while time.perf_counter() < stop:
            connection = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            connection.close()
            assert response.status == 200, (path, response.status)
            counts[index] += 1

    threads = [threading.Thread(target=run, args=(index,)) for index in range(CLIENTS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.perf_counter() - start)


@pytest.mark.django_db(transaction=True)
@override_settings(ROOT_URLCONF="tests.benchmarks.urls_reader")
def test_reader_pages_on_a_threaded_server(live_server):
    """The same pages from Django's threaded live server, 8 concurrent clients, cached."""
    from translations.demo import demo_load_all

    demo = demo_load_all(password="bench-password-1", scenario=False)
    template = ReaderPage.objects.get(language="en")
    reader_archive(1_000, template, demo["release"].topic)
    print()
    print(f"threaded live server, {CLIENTS} clients, 1000 releases, cached")
    for name, path in (
        ("release", "/en/releases/archive-500/"),
        ("home", "/en/"),
        ("topic", "/en/topics/japan-russia-relations/"),
    ):
        served_rate(live_server.url, path, 0.2)  # fill the cache
        before = served_rate(live_server.url, CONSTANT)
        measured = served_rate(live_server.url, path)
        after = served_rate(live_server.url, CONSTANT)
        baseline = (before + after) / 2
        line(name, 1_000, "on", measured, baseline, 1, f"live server, {CLIENTS} clients")
