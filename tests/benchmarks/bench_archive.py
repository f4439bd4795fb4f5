"""Archive benchmarks: the synthetic archive (``RELEASES`` releases of ``UNITS`` units, 200 of
20 by default) re-checked after a glossary change by one and by two real Celery worker processes
(their own Redis on a spare port), and the cost of reader pages at 100 and at 10,000 published
releases on PostgreSQL, uncached: a page's cost should not grow with the archive (flat)."""

import shutil
import socket
import time

import pytest
from django.db import connection, reset_queries
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from config import languages
from config.celery import app as celery_app
from records.models import Release, Revision
from records.reader import ReaderPage
from tests.helpers import reader_archive, wait_for
from translations.checks.tasks import release_terms_check
from translations.models import CheckRun, Concept, GlossaryState, Term

from . import synthetic
from .conftest import report, timed
from .figures import figure_skip

# Seconds a whole re-check may take before the benchmark gives up.
RECHECK_LIMIT = 1_200
PAGE_SIZES = (100, 10_000)
PAGE_REPEAT = 50
# "Flat": a page of the large archive costs at most this many times the same page of the small.
FLAT_GOAL = 1.25
# A large glossary's first (cold) build may outlast the fault tests' short limits.
WORKER_LIMITS = {
    "CELERY_TASK_SOFT_TIME_LIMIT": "600",
    "CELERY_TASK_TIME_LIMIT": "660",
    "CELERY_BROKER_VISIBILITY_TIMEOUT": "900",
}
NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def workers_ready(names):
    """Return whether every named worker answers a ping."""
    inspect = celery_app.control.inspect(destination=names, timeout=1)
    return len(inspect.ping() or {}) == len(names)


def recheck(workers, count, release_ids):
    """Start ``count`` workers, change the glossary version, enqueue a term check of every
    release and return the seconds until every target language of every release is checked."""
    host = socket.gethostname()
    names = [f"recheck-{count}-{n}" for n in range(count)]
    for name in names:
        workers.start(name, **WORKER_LIMITS)
    wait_for(lambda: workers_ready([f"{name}@{host}" for name in names]), "the workers' start")
    GlossaryState.bump()
    version = GlossaryState.current()
    expected = len(release_ids) * len(languages.targets())
    start = time.perf_counter()
    for release_id in release_ids:
        release_terms_check.apply_async((release_id,), ignore_result=True)
    wait_for(
        lambda: CheckRun.objects.filter(glossary_version=version).count() == expected,
        f"the re-check of {len(release_ids)} releases by {count} workers",
        RECHECK_LIMIT,
    )
    seconds = time.perf_counter() - start
    workers.stop_all()
    return seconds


@pytest.fixture
def broker(request):
    """The test's own Redis and workers; without redis-server, a row in the table says why."""
    if shutil.which("redis-server") is None:
        figure_skip("re-check with 1 vs 2 workers", "needs a redis-server binary on PATH")
        pytest.skip("the re-check with 1 vs 2 workers needs a redis-server binary")
    return request.getfixturevalue("own_broker")


@pytest.mark.django_db(transaction=True)
def test_bench_recheck_with_one_and_two_workers(broker):
    _redis, workers = broker
    concepts = synthetic.glossary()
    synthetic.glossary_store(concepts)
    releases = synthetic.archive_create(concepts=concepts)
    statistics_update(Concept, Term, Release, Revision, CheckRun)
    ids = [release.pk for release in releases]
    what = f"re-check {len(ids)} releases of {synthetic.UNITS} units after a glossary change"
    print(f"\n{what}, {len(concepts)} concepts")
    one = recheck(workers, 1, ids)
    report(f"{what}, 1 worker (baseline)", one, unit="s")
    two = recheck(workers, 2, ids)
    report(f"{what}, 2 workers", two, one, unit="s")


def page_costs(client, paths):
    """Return ``{page: (best seconds of a GET, queries)}``."""
    costs = {}
    for name, path in paths.items():
        # A request empties the query log when it starts: the context must start from empty,
        # and be counted before the next request.
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        count = len(queries)
        seconds, _ = timed(lambda p=path: client.get(p), repeat=PAGE_REPEAT)
        costs[name] = (seconds, count)
    return costs


@pytest.fixture
def on_postgresql(db):
    """Skip (with a row in the table saying why) unless the database is PostgreSQL."""
    if connection.vendor != "postgresql":
        small, large = PAGE_SIZES
        figure_skip(
            f"reader pages at {small:,} vs {large:,} releases",
            "needs PostgreSQL: make bench DATABASE_URL=postgres://…",
        )
        pytest.skip("the page cost at 100 vs 10,000 releases is measured on PostgreSQL")


def statistics_update(*models):
    """Vacuum and analyse the tables of ``models`` after a bulk insert, as autovacuum does after
    a while: the planner's estimates (and PostgreSQL's index-only scans) depend on it."""
    command = "VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE"
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"{command} {connection.ops.quote_name(model._meta.db_table)}")


# Transactional: VACUUM cannot run inside the transaction that other tests are wrapped in.
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("no_term_checks")
@override_settings(CACHES=NO_CACHE)
def test_bench_page_cost_at_100_and_10000_releases(on_postgresql, demo):
    small, large = PAGE_SIZES
    template = ReaderPage.objects.get(language=languages.DEFAULT_SOURCE)
    topic = demo["release"].topic
    code = languages.DEFAULT_SOURCE
    paths = {
        "home": f"/{code}/",
        "home, page 5": f"/{code}/?page=5",
        "topic": f"/{code}/topics/{topic.slug}/",
        "release": f"/{code}/releases/archive-50/",
        "feed": f"/{code}/feed/",
    }
    client = Client()
    reader_archive(small, template, topic)
    statistics_update(ReaderPage)
    before = page_costs(client, paths)
    reader_archive(large - small, template, topic, start=small)
    statistics_update(ReaderPage)
    after = page_costs(client, paths)
    print()
    for page, (seconds, queries) in before.items():
        report(f"{page}, {small:,} releases (uncached, baseline)", seconds, queries=queries)
        report(
            f"{page}, {large:,} releases (uncached)",
            after[page][0],
            seconds,
            after[page][1],
            goal=FLAT_GOAL,
        )
