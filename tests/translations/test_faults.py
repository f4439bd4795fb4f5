"""Faults: a save with the broker down succeeds at once and its term check is never lost."""

import time

import pytest
from django.core.management import call_command

from config.celery import app as celery_app
from records.services import release_write
from records.snapshots import release_snapshot
from tests.helpers import broker_use
from translations.models import CheckRun, PendingCheck
from translations.services import pending_check_done, pending_check_record, pending_checks_due

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: connecting is refused at once, as with a stopped Redis.
CLOSED_BROKER = "redis://127.0.0.1:1/0"
# Far above the connect timeout (2 s), far below the 20 s a save took with retries on.
SAVE_BOUND_SECONDS = 10


@pytest.fixture
def broker_down():
    broker_use(CLOSED_BROKER)
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = eager
    broker_use(None)


def ru_edit(release, text="Перевод"):
    content = release_snapshot(release)
    content["segments"][0]["text"]["ru"] = text
    release.refresh_from_db()
    return release_write(content, based_on=release.head_number)


def test_a_save_with_the_broker_down_succeeds_at_once_and_is_swept_later(
    seed_release, broker_down, django_capture_on_commit_callbacks, caplog
):
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        result = ru_edit(seed_release)
    assert time.monotonic() - started < SAVE_BOUND_SECONDS
    assert result.revision.number == 2
    assert "waits for the sweep" in caplog.text
    pending = PendingCheck.objects.get(release=seed_release)
    assert pending.revision_number == 2
    assert not CheckRun.objects.filter(release=seed_release, revision_number=2).exists()

    # The broker is back (eager here: the check runs in-process); the sweep finds the row.
    celery_app.conf.task_always_eager = True
    call_command("sweep")
    assert not PendingCheck.objects.exists()
    runs = CheckRun.objects.filter(release=seed_release)
    assert {(run.language, run.revision_number) for run in runs} == {("ja", 2), ("ru", 2)}


def test_a_checked_save_leaves_nothing_pending(seed_release, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ru_edit(seed_release)
    assert not PendingCheck.objects.exists()
    assert CheckRun.objects.filter(release=seed_release, revision_number=2).count() == 2


def test_a_check_of_an_older_revision_keeps_the_newer_one_pending(seed_release):
    pending_check_record(seed_release.pk, 3)
    pending_check_done(seed_release.pk, 2)
    assert PendingCheck.objects.get(release=seed_release).revision_number == 3
    pending_check_done(seed_release.pk, 3)
    assert not PendingCheck.objects.exists()


def test_the_sweep_leaves_fresh_rows_to_their_own_task(seed_release):
    pending_check_record(seed_release.pk, 1)
    assert pending_checks_due(older_than=60) == []
    assert pending_checks_due(older_than=0) == [seed_release.pk]


def test_beat_sweeps_every_minute():
    entry = celery_app.conf.beat_schedule["pending-checks-sweep"]
    assert entry["task"] == "translations.tasks.pending_checks_sweep"
    assert entry["schedule"] == 60.0
