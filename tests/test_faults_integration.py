"""Faults against a Redis and Celery workers of the test's own (never the shared ones).

Marked ``integration``: runs where a broker and workers exist (CI); skips without
redis-server or celery. The test's Redis listens on a spare port and is started, stopped and
killed by the test; its workers read the test database through DATABASE_URL.
"""

import socket

import pytest
from django.core.management import call_command

from config.celery import app as celery_app
from records.services import release_write
from records.snapshots import release_snapshot
from tests.helpers import assert_gives_up_at_once, wait_for
from translations.models import CheckRun, Finding, PendingCheck

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def release(own_broker):
    from translations.demo import demo_load_all

    celery_app.conf.task_always_eager = True  # the demo's own checks run in-process
    loaded = demo_load_all(password="test-password-123", scenario=False)
    celery_app.conf.task_always_eager = False
    return loaded["release"]


def forbidden_term_save(release):
    release.refresh_from_db()
    content = release_snapshot(release)
    content["segments"][1]["text"]["ru"] = "Проблема Южных Курил"
    return release_write(content, based_on=release.head_number).revision.number


def checked(release, number):
    return CheckRun.objects.filter(release=release, language="ru", revision_number=number).exists()


def test_a_save_while_redis_is_down_is_checked_after_the_sweep(
    own_broker, release, broker_effort, settings
):
    redis, workers = own_broker
    workers.start("steady")
    redis.stop()
    number = forbidden_term_save(release)
    assert_gives_up_at_once(broker_effort, redis.port, settings)
    assert PendingCheck.objects.get(release=release).revision_number == number

    redis.start()
    call_command("sweep")
    wait_for(lambda: checked(release, number), "the worker's check after the sweep")
    wait_for(lambda: not PendingCheck.objects.exists(), "the pending row's removal")
    finding = Finding.objects.get(release=release, language="ru")
    assert (finding.check_id, finding.revision_number) == ("forbidden-term", number)


def test_a_check_whose_worker_is_killed_runs_again_on_another(own_broker, release):
    redis, workers = own_broker
    doomed = workers.start("doomed", CONCORD_TERMS_CHECK_TEST_PAUSE="60")
    inspect = celery_app.control.inspect(destination=["doomed@" + socket.gethostname()])
    wait_for(lambda: inspect.ping(), "the first worker's start", 60)
    number = forbidden_term_save(release)
    wait_for(lambda: any((inspect.active() or {}).values()), "the first worker's task start")
    workers.kill(doomed)
    assert not checked(release, number)

    workers.start("rescuer")
    wait_for(lambda: checked(release, number), "the redelivered check", 120)
    findings = Finding.objects.filter(release=release, language="ru")
    assert [(f.check_id, f.revision_number) for f in findings] == [("forbidden-term", number)]
    assert not PendingCheck.objects.exists()
