"""Workbench benchmarks (issue 21): the page and the requests of moving through work at 200
and 2,000 units, each against the same request at 200 units measured in the same run.

The page stays paginated (100 units a page): every request builds the rows of the whole
release in a constant number of queries and renders one page of them, so what grows with the
release is reading its newest revision, its states and findings, and filtering in Python.
Each release: Japanese drafts by the editor, Russian waiting for review, a forbidden Japanese
term in one paragraph of ten (error findings, checked), a comment on one unit of fifty.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.scenarios import glossary_with, release_with
from translations.checks.services import release_terms_check
from translations.review.actions import comment_add

from .conftest import report, timed

pytestmark = pytest.mark.django_db
SIZES = (200, 2000)
REPEAT = 5
JSON = {"HTTP_ACCEPT": "application/json"}


def built(size, users):
    release = release_with(
        units=size,
        languages=("en", "ja", "ru"),
        states={"ja": "draft", "ru": "needs_review"},
        slug=f"bench-workbench-{size}",
    )
    release_terms_check(release)
    keys = [str(key) for key in release.segments.order_by("position").values_list("key", flat=True)]
    for key in keys[::50]:
        comment_add(release, key, "ja", "Check this.", users["translator-ja"])
    release.refresh_from_db()
    return release, keys


def requests(release, keys):
    """Return ``{figure: (url, params, headers)}`` of the requests measured."""
    args = [release.pk, "ja"]
    page = reverse("translations:workbench", args=args)
    last = -(-(len(keys) + 1) // 100)
    return {
        "workbench page 1": (page, {}, {}),
        "workbench, last page": (page, {"page": last}, {}),
        "workbench, search (one unit in ten)": (page, {"q": "漁業"}, {}),
        "workbench, filter with errors": (page, {"filter": "errors"}, {}),
        "next unit with errors (JSON)": (
            reverse("translations:workbench_next", args=args),
            {"state": "errors", "after": keys[len(keys) // 2]},
            JSON,
        ),
        "100 rows re-rendered (JSON)": (
            reverse("translations:workbench_rows", args=args),
            {"key": keys[:100]},
            JSON,
        ),
        "term check status (JSON)": (
            reverse("translations:workbench_check_status", args=args),
            {},
            JSON,
        ),
    }


def measure(client, url, params, headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params, **headers)
    assert response.status_code == 200
    # Counted now: every request the client makes next empties the connection's query log.
    count = len(queries)
    seconds, _ = timed(lambda: client.get(url, params, **headers), repeat=REPEAT)
    return seconds, count


def test_bench_workbench_pages(users):
    glossary_with(("fisheries", {"en": "fisheries", "ja": [("漁業", "forbidden")]}))
    client = Client()
    client.force_login(users["translator-ja"])
    results = {}
    for size in SIZES:
        release, keys = built(size, users)
        for name, (url, params, headers) in requests(release, keys).items():
            results[name, size] = measure(client, url, params, headers)
    print()
    for name in dict.fromkeys(name for name, _size in results):
        small, small_queries = results[name, SIZES[0]]
        report(f"{name}, {SIZES[0]} units (baseline)", small, None, small_queries)
        large, large_queries = results[name, SIZES[1]]
        report(f"{name}, {SIZES[1]:,} units", large, small, large_queries)
