"""Faults: a save with the broker down succeeds at once and its term check is never lost."""

import pytest
from django.core.management import call_command
from django.db import transaction

from config.celery import app as celery_app
from records.services import release_write
from records.snapshots import release_snapshot
from tests.helpers import assert_gives_up_at_once, broker_use
from translations.checks.pending import (
    pending_check_done,
    pending_check_record,
    pending_checks_due,
    pending_recheck_expand,
)
from translations.glossary.files import ConceptData, TermData
from translations.glossary.services import glossary_import
from translations.models import CheckRun, Concept, GlossaryState, PendingCheck, PendingRecheck, Term

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: connecting is refused at once, as with a stopped Redis.
CLOSED_PORT = 1
CLOSED_BROKER = f"redis://127.0.0.1:{CLOSED_PORT}/0"


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
    seed_release, broker_down, broker_effort, settings, django_capture_on_commit_callbacks, caplog
):
    with django_capture_on_commit_callbacks(execute=True):
        result = ru_edit(seed_release)
    assert_gives_up_at_once(broker_effort, CLOSED_PORT, settings)
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
    schedule = celery_app.conf.beat_schedule
    assert set(schedule) == {
        "pending-checks-sweep",
        "topic-zips-sweep",
        "scheduled-publications-sweep",
        "notifications-sweep",
        "webhooks-sweep",
    }
    for name, entry in schedule.items():
        assert entry["task"] in celery_app.tasks  # a registered task, by the name beat sends
        # Scheduled publications go out within half a minute of their time.
        assert entry["schedule"] == (30.0 if name == "scheduled-publications-sweep" else 60.0)


def tor_note_changed(note):
    """A glossary change that touches the seed's TOR concept (a note: no text scan)."""
    tor = Concept.objects.get(identifier="tor")
    terms = [
        TermData(t.language, t.text, t.status, t.case_sensitive, t.part_of_speech, note)
        for t in Term.objects.filter(concept=tor).order_by("position", "id")
    ]
    glossary_import([ConceptData("tor", terms=tuple(terms))])
    return tor


def test_a_glossary_change_with_the_broker_down_is_rechecked_after_the_sweep(
    demo, broker_down, broker_effort, settings, django_capture_on_commit_callbacks, caplog
):
    seed_release = demo["release"]
    version = GlossaryState.current()
    with django_capture_on_commit_callbacks(execute=True):
        tor = tor_note_changed("changed while the broker is down")
    assert_gives_up_at_once(broker_effort, CLOSED_PORT, settings)
    assert "glossary re-check" in caplog.text and "waits for the sweep" in caplog.text
    assert GlossaryState.current() != version
    recheck = PendingRecheck.objects.latest("pk")
    assert recheck.concepts == [tor.pk]

    celery_app.conf.task_always_eager = True
    call_command("sweep")
    assert not PendingRecheck.objects.exists()
    assert not PendingCheck.objects.exists()
    runs = CheckRun.objects.filter(release=seed_release)
    assert {run.glossary_version for run in runs} == {GlossaryState.current()}


def test_a_recheck_broker_lost_after_expanding_leaves_pending_checks(demo):
    seed_release = demo["release"]
    with transaction.atomic():
        tor_note_changed("a note")
    recheck = PendingRecheck.objects.latest("pk")
    PendingCheck.objects.all().delete()
    released = pending_recheck_expand(recheck.pk, lambda concepts, new_terms: [seed_release.pk])
    assert released == [seed_release.pk]
    assert not PendingRecheck.objects.filter(pk=recheck.pk).exists()
    assert PendingCheck.objects.get(release=seed_release).revision_number == (
        seed_release.head_number
    )
    # The same task delivered twice finds nothing left to do.
    assert pending_recheck_expand(recheck.pk, lambda concepts, new_terms: 1 / 0) is None


def test_a_recheck_that_fails_half_way_changes_nothing(demo):
    with transaction.atomic():
        tor_note_changed("a note")
    recheck = PendingRecheck.objects.latest("pk")

    def fails(concepts, new_terms):
        raise RuntimeError("worker lost")

    pending = list(PendingCheck.objects.values_list("release_id", "revision_number"))
    with pytest.raises(RuntimeError):
        pending_recheck_expand(recheck.pk, fails)
    assert PendingRecheck.objects.filter(pk=recheck.pk).exists()
    assert list(PendingCheck.objects.values_list("release_id", "revision_number")) == pending


def test_a_topic_export_asked_for_with_the_broker_down_is_built_after_the_sweep(
    demo, broker_down, settings, tmp_path, django_capture_on_commit_callbacks, caplog
):
    from translations.exchange import bulk
    from translations.exchange.tasks import topic_zips_sweep

    settings.EXCHANGE_EXPORT_DIR = tmp_path
    release = demo["release"]
    with django_capture_on_commit_callbacks(execute=True):
        job_id = bulk.topic_zip_start(release.topic, "ru", "po", demo["users"]["translator-ru"])
    assert "the topic export" in caplog.text and "waits for the sweep" in caplog.text
    assert bulk.job_status(job_id)["state"] == bulk.QUEUED
    assert bulk.jobs_queued(older_than=3600) == []  # fresh jobs are left to their task
    assert bulk.jobs_queued(older_than=0) == [job_id]

    broker_use(None)
    celery_app.conf.task_always_eager = True
    assert topic_zips_sweep(older_than=0) == {"jobs": [job_id]}
    job = bulk.job_status(job_id)
    assert job["state"] == bulk.DONE and bulk.job_file(job) is not None
    assert bulk.jobs_queued(older_than=0) == []
