"""Celery tasks of translations, run eagerly: a soft time limit cuts a check off cleanly."""

import pytest
from celery.exceptions import SoftTimeLimitExceeded

from config.celery import app as celery_app
from records.services import release_write
from records.snapshots import release_snapshot
from translations.checks import services, tasks
from translations.checks import services as terms
from translations.models import CheckRun, Finding

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _eager_retries(monkeypatch):
    """Let an eager task fail instead of raising, so that its retries run at once, in turn."""
    monkeypatch.setitem(celery_app.conf, "task_eager_propagates", False)


@pytest.fixture
def revised(demo):
    """The demo release at revision 3 with a forbidden Russian term, not yet checked."""
    release = demo["release"]
    content = release_snapshot(release)
    content["segments"][1]["text"]["ru"] = "Проблема Южных Курил"
    release_write(content, author=demo["users"]["editor"], based_on=release.head_number)
    release.refresh_from_db()
    return release


def test_check_cut_off_by_the_soft_limit_keeps_finished_languages_and_retries(
    revised, monkeypatch, caplog
):
    checked = []
    real_run_checks = terms.run_checks

    def run_checks(segments, language, *args, **kwargs):
        checked.append(language)
        return real_run_checks(segments, language, *args, **kwargs)

    real_check = services.release_terms_check
    attempts = []

    def cut_off_after_japanese(release, **kwargs):
        attempts.append(kwargs)
        if len(attempts) == 1:
            real_check(release, languages=["ja"], **kwargs)
            raise SoftTimeLimitExceeded()
        return real_check(release, **kwargs)

    monkeypatch.setattr(terms, "run_checks", run_checks)
    monkeypatch.setattr(services, "release_terms_check", cut_off_after_japanese)
    result = tasks.release_terms_check.apply(args=[revised.pk])
    assert result.successful(), result.traceback
    assert result.result["findings"] == {"ja": 0, "ru": 1}
    assert len(attempts) == 2
    assert checked == ["ja", "ru"]  # the retry did not check Japanese again
    assert "hit the soft time limit" in caplog.text
    runs = CheckRun.objects.filter(release=revised).values_list("language", "revision_number")
    assert sorted(runs) == [("ja", 3), ("ru", 3)]
    assert Finding.objects.get().check_id == "forbidden-term"


def test_check_always_cut_off_fails_after_its_retries_and_writes_nothing(revised, monkeypatch):
    attempts = []

    def cut_off(release, **kwargs):
        attempts.append(kwargs)
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(services, "release_terms_check", cut_off)
    result = tasks.release_terms_check.apply(args=[revised.pk])
    assert result.failed()
    assert isinstance(result.result, SoftTimeLimitExceeded)
    assert len(attempts) == tasks.release_terms_check.max_retries + 1
    assert not CheckRun.objects.filter(release=revised, revision_number=3).exists()
    assert not Finding.objects.exists()
