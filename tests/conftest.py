import os
import shutil
from pathlib import Path

import pytest
from django.db import connection

from config.celery import app as celery_app

DATA = Path(__file__).resolve().parent / "data"
SEED = DATA / "release-seed-2017-07-07.txt"
BROKER = bool(os.environ.get("CELERY_BROKER_URL"))


# Tests that start a browser, a server or Celery workers of their own: under pytest-xdist
# they run one after another in one process (one such heavy, timing-bound test at a time).
SERIAL_GROUP = "live-servers"


# tryfirst: the groups must be in place before xdist reads them (`--dist loadgroup`).
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    skip_broker = pytest.mark.skip(reason="needs CELERY_BROKER_URL and a running Celery worker")
    # The shared worker reads the test database DATABASE_TEST_NAME names; an xdist process's
    # is that name with a suffix (_gw0): only tests with workers of their own run there.
    skip_parallel = pytest.mark.skip(reason="needs the shared Celery worker: run with XDIST=")
    parallel = bool(os.environ.get("PYTEST_XDIST_WORKER"))
    for item in items:
        if "integration" in item.keywords and not BROKER:
            item.add_marker(skip_broker)
        elif "integration" in item.keywords and parallel and "own_broker" not in item.fixturenames:
            item.add_marker(skip_parallel)
        if item.get_closest_marker("xdist_group") is None:
            # A module's tests stay together (its module fixtures are built once).
            serial = any(item.get_closest_marker(name) for name in ("browser", "integration"))
            group = SERIAL_GROUP if serial else item.nodeid.split("::")[0]
            item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture(autouse=True, scope="session")
def _strict_xliff_exports():
    """Validate every XLIFF export the suite makes against the XLIFF 1.2 strict schema: the
    writer, and the format table every download, command and zip goes through, return only
    documents the schema accepts (an invalid one fails the test that made it)."""
    import dataclasses

    from tests.xliff_schema import assert_strict_xliff
    from translations.exchange import services, xliff

    written = xliff.xliff_dump

    def xliff_dump_validated(exchange):
        data = written(exchange)
        assert_strict_xliff(data)
        return data

    patch = pytest.MonkeyPatch()
    patch.setattr(xliff, "xliff_dump", xliff_dump_validated)
    patch.setitem(
        services.FORMATS,
        "xliff",
        dataclasses.replace(services.FORMATS["xliff"], dump=xliff_dump_validated),
    )
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def _celery_mode(request):
    """Run tasks in-process except in integration tests, which go through the real worker."""
    eager = "integration" not in request.keywords
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = eager or not BROKER
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _webhooks_in_test_thread(monkeypatch):
    """Without a broker, webhook attempts run in a thread of their own after commit; tests
    make them where the transaction commits, as a test's transaction is seen nowhere else
    (tests/translations/test_webhooks.py turns the thread on where it commits for real)."""
    from translations.webhooks import dispatch

    monkeypatch.setattr(dispatch, "IN_THREAD", False)


@pytest.fixture(autouse=True)
def _revision_guard(request):
    """Keep the database's revision guard on, except while a transactional test's tables are
    flushed after it (its teardown runs before the flush: it comes after the database's)."""
    from records.guards import guard_set

    request.getfixturevalue("_django_db_helper")
    guard_set(True)
    yield
    guard_set(False)


@pytest.fixture
def no_term_checks(monkeypatch):
    """Leave out the term check enqueued after every revision, for tests that need no findings.

    The listener is registered again when the test ends (monkeypatch restores the list)."""
    from records.extensions import registry
    from translations.checks.pending import pending_check_after_revision

    listeners = [
        listener
        for listener in registry.revision_listeners
        if listener is not pending_check_after_revision
    ]
    monkeypatch.setattr(registry, "revision_listeners", listeners)


@pytest.fixture
def own_broker():
    """Start a Redis on a spare port and point this process's Celery app at it."""
    from tests.helpers import CELERY, Redis, Workers, broker_use, spare_port

    if shutil.which("redis-server") is None or not CELERY.exists():
        pytest.skip("needs redis-server and celery")
    redis = Redis(spare_port())
    redis.start()
    url = f"redis://127.0.0.1:{redis.port}/0"
    broker_use(url)
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    workers = Workers(url)
    yield redis, workers
    workers.stop_all()
    redis.stop()
    celery_app.conf.task_always_eager = eager
    broker_use(None)


@pytest.fixture
def broker_effort(monkeypatch):
    """Record the work a save spends on a broker instead of timing it: the connections it
    tries, by port (``connects``), and the pauses kombu's retry loop asks for (``pauses``, in
    seconds: recorded, not slept). See ``tests.helpers.assert_gives_up_at_once``."""
    import socket
    from collections import Counter

    import kombu.utils.functional

    effort = {"connects": Counter(), "pauses": []}
    connect = socket.socket.connect

    def counted(sock, address):
        if isinstance(address, tuple) and len(address) >= 2:
            effort["connects"][address[1]] += 1
        return connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", counted)
    monkeypatch.setattr(kombu.utils.functional, "sleep", effort["pauses"].append)
    return effort


@pytest.fixture
def postgres(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Every test's uploaded files go to a directory of its own (returned), never the shared
    var/media: tests running side by side (pytest-xdist) never see each other's files."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def data_dir():
    return DATA


@pytest.fixture
def seed_bytes():
    return SEED.read_bytes()


@pytest.fixture
def roles(db):
    from translations.roles import roles_sync

    return roles_sync()


@pytest.fixture
def users(roles):
    from records.demo import accounts_ensure

    return accounts_ensure("test-password-123")


@pytest.fixture
def editor(users):
    return users["editor"]


@pytest.fixture
def seed_release(db, editor, seed_bytes):
    """The seed release imported from text (English only), revision 1."""
    from records.segmenter import parse_release_text
    from records.services import release_import_text

    return release_import_text(parse_release_text(seed_bytes), author=editor).release


@pytest.fixture
def demo(db):
    """The demo release reviewed and published in three languages, with the accounts: for
    tests that read the demo's own text or glossary (others build ``published``)."""
    from translations.demo import demo_load_all

    return demo_load_all(password="test-password-123", scenario=False)


@pytest.fixture
def demo_scenario(db):
    """The full demo: published, then an English sentence revised and the Russian submitted
    (tests that do not read its text build ``in_progress``)."""
    from translations.demo import demo_load_all

    return demo_load_all(password="test-password-123")


@pytest.fixture
def published(users):
    """A release of seven paragraphs and a photo, translated, approved (revision 2) and
    published in every language, with every role's account: the demo's shape, built small
    (``tests.scenarios.published_release``). ``{"users", "release"}``."""
    from tests.scenarios import published_release

    return {"users": users, "release": published_release(units=7, photos=1)}


@pytest.fixture
def in_progress(users):
    """The demo's work in progress on a small release of seven paragraphs and a photo, with
    every role's account: published (revision 2), then paragraph 7's English revised
    (revision 3: its Japanese outdated) and its Russian updated and submitted (revision 4)
    with a comment. ``{"users", "release", "key", "comment"}``
    (``tests.scenarios.work_in_progress``)."""
    from tests.scenarios import work_in_progress

    return {"users": users, **work_in_progress(units=7, photos=1, revised=6)}


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _english():
    """Start every test in English: a request in another language must not leak into the next."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Start every test with an empty cache: a new test database reuses the ids that version
    cached reader pages."""
    from django.core.cache import cache

    cache.clear()
    yield


# --- a real browser (tests marked ``browser``) -----------------------------------------------


@pytest.fixture(scope="module")
def browser():
    """A Chromium driven by Playwright, shared by a module's tests; skips where missing."""
    from tests.browser_support import chromium

    yield from chromium(pytest.importorskip("playwright.sync_api"))


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def demo_live(live_server):
    """The full demo (with the work in progress) behind a live server."""
    from tests.browser_support import demo_live

    return demo_live(live_server, scenario=True)
