"""Through a real broker and Celery worker (runs when CELERY_BROKER_URL is set)."""

import pytest

from records.services import release_write
from records.snapshots import release_snapshot
from tests.helpers import wait_for, worker_idle
from translations.checks.tasks import release_terms_check
from translations.models import CheckRun, Finding

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _drain_worker():
    """Let the worker finish this test's tasks before the database is flushed."""
    yield
    wait_for(worker_idle, "the worker finishing its tasks")


def test_new_revision_is_checked_by_the_worker():
    from translations.demo import demo_load_all

    release = demo_load_all(password="test-password-123", scenario=False)["release"]
    head = release.head_number
    wait_for(
        lambda: CheckRun.objects.filter(release=release, revision_number=head).count() == 2,
        "the worker's check of the demo release",
    )
    assert Finding.objects.count() == 0

    content = release_snapshot(release)
    content["segments"][1]["text"]["ru"] = "Проблема Южных Курил"
    release_write(content, based_on=release.head_number)
    finding = wait_for(
        lambda: Finding.objects.filter(
            release=release, language="ru", revision_number=head + 1
        ).first(),
        "the worker's check of the new revision",
    )
    assert finding.check_id == "forbidden-term"
    assert finding.suggestion == "северные территории"


def test_task_result_comes_back_from_the_worker():
    from translations.demo import demo_load_all

    release = demo_load_all(password="test-password-123")["release"]
    result = release_terms_check.delay(release.pk, True).get(
        timeout=60, disable_sync_subtasks=False
    )
    assert result["release"] == release.pk and result["revision"] == release.head_number
    assert result["findings"] == {"ja": 0, "ru": 0}
    assert result["worker"], "the result names the worker that ran it"
    missing = release_terms_check.delay(10**9).get(timeout=60, disable_sync_subtasks=False)
    assert missing == {"release": 10**9, "skipped": "no such release"}


def test_a_due_schedule_is_published_by_the_worker(users):
    import datetime

    from django.utils import timezone

    from records.models import Publication, ScheduledPublication
    from records.scheduling import publication_schedule
    from records.tasks import scheduled_publications_sweep
    from tests.scenarios import release_with

    release = release_with(languages=("en", "ja", "ru"), units=2, slug="scheduled")
    schedule = publication_schedule(
        release,
        ["en", "ja"],
        timezone.now() + datetime.timedelta(seconds=2),
        author=users["editor"],
    )
    # Not yet due: the worker's sweep publishes nothing.
    early = scheduled_publications_sweep.delay().get(timeout=60, disable_sync_subtasks=False)
    assert early["published"] == [] and not Publication.objects.exists()
    wait_for(lambda: timezone.now() > schedule.publish_at, "the scheduled time")
    result = scheduled_publications_sweep.delay().get(timeout=60, disable_sync_subtasks=False)
    assert result["published"] == [schedule.pk]
    assert sorted(Publication.objects.values_list("language", "revision__number")) == [
        ("en", 2),
        ("ja", 2),
    ]
    schedule.refresh_from_db()
    assert schedule.state == ScheduledPublication.State.DONE and not schedule.late
    # Sent again (a redelivered task, a second sweep), it publishes nothing twice.
    again = scheduled_publications_sweep.delay().get(timeout=60, disable_sync_subtasks=False)
    assert again["published"] == [] and Publication.objects.count() == 2
