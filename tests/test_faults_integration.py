"""Faults against a Redis and Celery workers of the test's own (never the shared ones).

Marked ``integration``: runs where a broker and workers exist (CI); skips without
redis-server or celery. The test's Redis listens on a spare port and is started, stopped and
killed by the test; its workers read the test database through DATABASE_URL.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from config.celery import app as celery_app
from records.services import release_write
from records.snapshots import release_snapshot
from tests.helpers import broker_use
from translations.models import CheckRun, Finding, PendingCheck

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parent.parent
CELERY = Path(sys.executable).with_name("celery")
WAIT_SECONDS = 90


def spare_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, what, seconds=WAIT_SECONDS):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.25)
    pytest.fail(f"{what} did not happen within {seconds} s")


class Redis:
    """A redis-server of this test's own, without persistence."""

    def __init__(self, port):
        self.port, self.process = port, None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        wait_for(self.answers, "redis-server start", 10)

    def answers(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None


def database_url():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


class Workers:
    """Celery workers of this test's own, each in a process group the test may kill."""

    def __init__(self, broker):
        self.broker, self.processes = broker, []

    def start(self, name, **env):
        environment = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("CELERY_", "DATABASE_", "CONCORD_", "DJANGO_"))
        }
        environment.update(
            DJANGO_SETTINGS_MODULE="config.settings",
            DATABASE_URL=database_url(),
            CELERY_BROKER_URL=self.broker,
            CELERY_RESULT_BACKEND=self.broker,
            # Redelivery of a killed worker's task within seconds, limits below it.
            CELERY_TASK_SOFT_TIME_LIMIT="20",
            CELERY_TASK_TIME_LIMIT="25",
            CELERY_BROKER_VISIBILITY_TIMEOUT="30",
            **env,
        )
        process = subprocess.Popen(
            [str(CELERY), "-A", "config", "worker", "-n", f"{name}@%h"]
            + ["--concurrency", "1", "--loglevel", "INFO", "--without-gossip", "--without-mingle"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def kill(self, process):
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)

    def stop_all(self):
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(20)
                except subprocess.TimeoutExpired:
                    self.kill(process)


@pytest.fixture
def own_broker():
    """Start a Redis on a spare port and point this process's Celery app at it."""
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


def test_a_save_while_redis_is_down_is_checked_after_the_sweep(own_broker, release):
    redis, workers = own_broker
    workers.start("steady")
    redis.stop()
    started = time.monotonic()
    number = forbidden_term_save(release)
    assert time.monotonic() - started < 10
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
