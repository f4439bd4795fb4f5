"""The editor's loop in a real Chromium: the editor changes an English sentence of the demo
release, translator-ja updates the Japanese and reviewer-ja approves it, the editor's dashboard
turns Japanese to "ready", the editor schedules English and Japanese for a minute later, and
the scheduled-publications sweep publishes both together. Readers see nothing of the new
revision before, both languages after; each recipient gets one mail per action.

The sweep goes through Celery: in-process in the eager run (SQLite), through the broker to the
real worker when ``CELERY_BROKER_URL`` is set (CI's PostgreSQL run; this test's data is
committed, ``transaction=True``, so the worker sees it). The schedule's time is then moved to a
few seconds ahead rather than waiting the minute.

Screenshots at 1,366 px go to ``$CONCORD_SCREENSHOTS`` (CI keeps them) or the test's temporary
directory.
"""

import datetime
import os
from collections import Counter

import pytest

from tests.browser_support import demo_live, login, screenshot_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The shared worker reads only the database DATABASE_TEST_NAME names, never an xdist process's.
BROKER = bool(os.environ.get("CELERY_BROKER_URL")) and not os.environ.get("PYTEST_XDIST_WORKER")

# Segment 10 of the seed: translated in Japanese and Russian.
SEGMENT_POSITION = 10
OLD_EN = "that have been closed."
NEW_EN = "that have been closed, and agreed to continue these discussions."
ADDED_EN = "and agreed to continue these discussions"
NEW_JA = (
    "両首脳は、島内の閉鎖区域への元島民の立入りについても議論を行い、議論を続けることで一致した。"
)


@pytest.fixture
def desk(live_server):
    """The demo reviewed and published in three languages, with nothing in progress."""
    return demo_live(live_server, scenario=False)


@pytest.fixture
def worker_drained():
    """With a real worker, let it finish this test's tasks before the tables are flushed."""
    yield
    if BROKER:
        from tests.helpers import wait_for, worker_idle

        wait_for(worker_idle, "the worker finishing its tasks")


def _cell(page, release, code):
    return page.locator(f'tr[data-release="{release.pk}"] .lang-cell[data-language="{code}"]')


def _sent(outbox, start):
    """Return the mails sent since ``start`` as ``Counter({recipient: count})``."""
    return Counter(address for mail in outbox[start:] for address in mail.to)


def _reader_text(page, url):
    page.goto(url)
    return page.locator("article.release").inner_text()


def test_the_editors_loop_to_a_scheduled_publication(
    browser, desk, tmp_path, mailoutbox, worker_drained
):
    from django.utils import timezone
    from playwright.sync_api import expect

    from config.celery import app as celery_app
    from records.models import Publication, ScheduledPublication
    from records.tasks import scheduled_publications_sweep
    from tests.helpers import wait_for
    from translations.models import UnitStatus
    from translations.review.vocabulary import UnitState

    expect.set_options(timeout=15_000)
    url, release, users = desk["url"], desk["release"], desk["users"]
    shots = screenshot_dir(tmp_path)
    segment = release.segments.get(position=SEGMENT_POSITION)
    key = str(segment.key)
    published = release.head_number
    assert segment.text_en.endswith(OLD_EN)
    assert set(
        Publication.objects.filter(release=release, revision__number=published).values_list(
            "language", flat=True
        )
    ) == {"en", "ja", "ru"}
    email = {name: user.email for name, user in users.items()}
    mailoutbox.clear()

    # The editor changes the English sentence in the release's change form.
    editor = login(browser, url, "editor", width=1366, height=900)
    editor.goto(f"{url}/admin/records/release/{release.pk}/change/")
    prefix = editor.locator(f'input[name$="-id"][value="{segment.pk}"]').get_attribute("name")
    field = editor.locator(f'textarea[name="{prefix.removesuffix("-id")}-text_en"]')
    field.fill(segment.text_en.replace(OLD_EN, NEW_EN))
    editor.fill("#id_revision_message", "Continued discussions")
    editor.click("input[name=_continue]")
    edited = published + 1
    expect(editor.locator(".messagelist")).to_contain_text(f"Saved as revision {edited}.")
    ja = UnitStatus.objects.filter(release=release, language="ja")
    assert ja.get(key=key).state == UnitState.OUTDATED
    mails = len(mailoutbox)
    assert max(_sent(mailoutbox, 0).values(), default=1) == 1

    # translator-ja updates the Japanese and submits it: one mail, to reviewer-ja.
    translator = login(browser, url, "translator-ja", width=1366, height=900)
    translator.goto(f"{url}/review/{release.pk}/ja/?filter=outdated")
    unit = translator.locator(f'.unit[data-key="{key}"]')
    expect(unit.locator(".source-diff ins")).to_contain_text(ADDED_EN)
    unit.locator("textarea.translation").fill(NEW_JA)
    unit.get_by_role("button", name="Save and submit").click()
    expect(translator.locator(f'.unit[data-key="{key}"] .badge.state')).to_have_text("needs review")
    assert ja.get(key=key).state == UnitState.NEEDS_REVIEW
    assert _sent(mailoutbox, mails) == Counter({email["reviewer-ja"]: 1})
    mails = len(mailoutbox)

    # reviewer-ja approves all: one mail to translator-ja, one to the editor (ready).
    reviewer = login(browser, url, "reviewer-ja", width=1366, height=900)
    reviewer.goto(f"{url}/review/{release.pk}/ja/?filter=review")
    reviewer.locator("form.wb-bulk button[type=submit]").click()
    expect(reviewer.locator("#wb-status")).to_contain_text("approved")
    assert ja.get(key=key).state == UnitState.APPROVED
    sent = _sent(mailoutbox, mails)
    assert sent[email["translator-ja"]] == 1 and sent[email["editor"]] == 1
    assert max(sent.values()) == 1
    ready = [mail for mail in mailoutbox[mails:] if email["editor"] in mail.to]
    assert "is ready to publish" in ready[0].subject
    mails = len(mailoutbox)

    release.refresh_from_db()
    head = release.head_number  # the Japanese was saved as a revision of its own
    assert head > edited
    # The dashboard: English and Japanese ready (Russian waits), readers see the old text.
    editor.goto(f"{url}/admin/records/release/dashboard/")
    expect(_cell(editor, release, "ja")).to_have_attribute("data-state", "ready")
    expect(_cell(editor, release, "en")).to_have_attribute("data-state", "ready")
    expect(_cell(editor, release, "ru")).to_have_attribute("data-state", "blocked")
    expect(_cell(editor, release, "ja")).to_contain_text(f"ready to publish revision {head}")
    editor.screenshot(path=str(shots / "editor-day-1-ready-1366.png"), full_page=True)
    assert editor.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # Scheduled for a minute later (the input takes minutes: the next whole minute but one).
    later = (timezone.now() + datetime.timedelta(minutes=2)).replace(second=0, microsecond=0)
    _cell(editor, release, "en").locator("input[type=checkbox]").check()
    _cell(editor, release, "ja").locator("input[type=checkbox]").check()
    editor.fill("#publish-at", later.strftime("%Y-%m-%dT%H:%M"))
    editor.get_by_role("button", name="Schedule").click()
    expect(editor.locator(".messagelist")).to_contain_text("will be published at")
    expect(_cell(editor, release, "ja").locator(".lang-scheduled")).to_contain_text("scheduled for")
    editor.screenshot(path=str(shots / "editor-day-2-scheduled-1366.png"), full_page=True)
    schedule = ScheduledPublication.objects.get(release=release)
    assert schedule.languages == ["en", "ja"] and schedule.publish_at == later
    assert schedule.state == ScheduledPublication.State.PENDING

    # Before the time: a sweep publishes nothing, readers see nothing of the new revision.
    early = scheduled_publications_sweep.delay().get(timeout=60)
    assert early["published"] == []
    reader = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    assert ADDED_EN not in _reader_text(reader, f"{url}/en/releases/{release.slug}/")
    assert NEW_JA not in _reader_text(reader, f"{url}/ja/releases/{release.slug}/")
    assert not Publication.objects.filter(release=release, revision__number=head).exists()

    # The time comes (moved to a few seconds ahead instead of a minute), and the sweep runs:
    # in-process in the eager run, through the broker to the real worker otherwise.
    soon = timezone.now() + datetime.timedelta(seconds=3)
    ScheduledPublication.objects.filter(pk=schedule.pk).update(publish_at=soon)
    wait_for(lambda: timezone.now() > soon, "the scheduled time")
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = not BROKER
    try:
        result = scheduled_publications_sweep.delay().get(timeout=90)
    finally:
        celery_app.conf.task_always_eager = eager
    assert result["published"] == [schedule.pk]
    together = Publication.objects.filter(release=release, revision__number=head)
    assert sorted(together.values_list("language", flat=True)) == ["en", "ja"]
    schedule.refresh_from_db()
    assert schedule.state == ScheduledPublication.State.DONE and not schedule.late
    assert (
        not Publication.objects.filter(release=release, language="ru")
        .exclude(revision__number=published)
        .exists()
    )

    # Readers see both now (the worker may still be building the pages: wait for them).
    wait_for(
        lambda: ADDED_EN in _reader_text(reader, f"{url}/en/releases/{release.slug}/"),
        "the English reader page",
        30,
    )
    expect(reader.locator("article.release")).to_contain_text(ADDED_EN)
    reader.goto(f"{url}/ja/releases/{release.slug}/")
    expect(reader.locator("article.release")).to_contain_text(NEW_JA)
    reader.screenshot(path=str(shots / "editor-day-3-reader-ja-1366.png"), full_page=True)
    editor.goto(f"{url}/admin/records/release/dashboard/")
    expect(_cell(editor, release, "en")).to_have_attribute("data-state", "published")
    expect(_cell(editor, release, "ja")).to_have_attribute("data-state", "published")
    expect(_cell(editor, release, "ja")).to_contain_text(f"published at revision {head}")
    editor.screenshot(path=str(shots / "editor-day-4-published-1366.png"), full_page=True)

    # One mail per recipient per action over the whole run.
    if not BROKER:  # the worker's mails go to its own backend, not to this outbox
        assert max(_sent(mailoutbox, mails).values(), default=1) == 1
    for page in (editor, translator, reviewer, reader):
        page.context.close()
