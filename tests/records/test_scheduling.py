"""Scheduled publication: stored, cancellable, published by the sweep when due through the same
gate (all languages or none), late when no worker ran in time, and never seen before."""

import datetime
import io
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from records.models import Publication, ScheduledPublication
from records.photos import photo_image_store
from records.scheduling import (
    ScheduleError,
    publication_schedule,
    schedule_cancel,
    schedule_run,
    schedules_sweep,
)
from records.scheduling.services import _claimed
from records.services import ActionNotAllowed, release_write
from records.snapshots import release_snapshot
from records.tasks import scheduled_publications_sweep
from tests.helpers import approve_all, command_output
from tests.scenarios import release_with

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2024, 5, 1, 12, 0, tzinfo=datetime.UTC)
State = ScheduledPublication.State


@pytest.fixture
def clock():
    """Time stands still at noon on 1 May 2024 (UTC) until a test moves it."""
    with time_machine.travel(NOON, tick=False) as traveller:
        yield traveller


def readers_revisions(release):
    """Return ``{language: revision number}`` of what readers of each language see."""
    seen = {}
    for publication in Publication.objects.filter(release=release).order_by("id"):
        seen[publication.language] = publication.revision.number
    return seen


def png():
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (1200, 800), (200, 30, 30)).save(out, "PNG")
    return SimpleUploadedFile("photo.png", out.getvalue(), content_type="image/png")


def sweep(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return schedules_sweep()


def test_a_schedule_publishes_its_languages_together_when_due(
    clock, in_progress, django_capture_on_commit_callbacks
):
    release, users = in_progress["release"], in_progress["users"]
    approve_all(release, "ja", users["reviewer-ja"])
    schedule = publication_schedule(
        release, ["ja", "en"], NOON + datetime.timedelta(hours=1), author=users["editor"]
    )
    assert schedule.languages == ["en", "ja"] and schedule.state == State.PENDING
    clock.shift(datetime.timedelta(minutes=59))
    assert sweep(django_capture_on_commit_callbacks)["published"] == []
    assert readers_revisions(release) == {"en": 2, "ja": 2, "ru": 2}
    clock.shift(datetime.timedelta(seconds=70))
    outcome = sweep(django_capture_on_commit_callbacks)
    assert outcome["published"] == [schedule.pk] and outcome["late"] == []
    assert readers_revisions(release) == {"en": 4, "ja": 4, "ru": 2}
    schedule.refresh_from_db()
    assert schedule.state == State.DONE and not schedule.late
    assert schedule.revision_number == 4 and schedule.attempts == 1
    assert schedule.published_at == NOON + datetime.timedelta(minutes=60, seconds=10)
    publications = Publication.objects.filter(release=release, revision__number=4)
    assert {p.published_by.username for p in publications} == {"editor"}
    # Run again, the sweep finds nothing to do: a done schedule is never published twice.
    assert sweep(django_capture_on_commit_callbacks)["published"] == []
    assert schedule_run(schedule.pk) is None
    assert Publication.objects.filter(release=release, revision__number=4).count() == 2


def test_readers_see_nothing_before_the_time(
    client, clock, users, media, django_capture_on_commit_callbacks
):
    release = release_with(languages=("en", "ja", "ru"), units=2, photos=1, slug="embargoed")
    name = photo_image_store(png())
    content = release_snapshot(release)
    content["photos"][0]["image"] = name
    release_write(content, author=users["editor"], based_on=release.head_number)
    release.refresh_from_db()
    digest = name.split("/")[1].split(".")[0]
    publication_schedule(
        release, ["en", "ja"], NOON + datetime.timedelta(minutes=30), author=users["editor"]
    )

    def readers_see():
        """Return what each reader surface shows of the release."""
        return {
            "en page": client.get("/en/releases/embargoed/").status_code,
            "ja page": client.get("/ja/releases/embargoed/").status_code,
            "compare": client.get("/en/releases/embargoed/compare/").status_code,
            "feed": "embargoed" in client.get("/en/feed/").content.decode(),
            "topic feed": "embargoed"
            in client.get(f"/ja/topics/{release.topic.slug}/feed/").content.decode(),
            "list": "embargoed" in client.get("/en/").content.decode(),
            "sitemap": "embargoed" in client.get("/sitemap.xml").content.decode(),
            "search": "embargoed" in client.get("/en/search/", {"q": "leaders"}).content.decode(),
            "photo": client.get(reverse("photo_file", args=[f"{digest}-960.jpg"])).status_code,
        }

    before = {
        "en page": 404,
        "ja page": 404,
        "compare": 404,
        "feed": False,
        "topic feed": False,
        "list": False,
        "sitemap": False,
        "search": False,
        "photo": 404,
    }
    assert readers_see() == before
    clock.shift(datetime.timedelta(minutes=29, seconds=59))
    sweep(django_capture_on_commit_callbacks)
    assert readers_see() == before
    clock.shift(datetime.timedelta(seconds=2))
    sweep(django_capture_on_commit_callbacks)
    assert readers_see() == {
        "en page": 200,
        "ja page": 200,
        "compare": 200,
        "feed": True,
        "topic feed": True,
        "list": True,
        "sitemap": True,
        "search": True,
        "photo": 200,
    }
    assert client.get("/ru/releases/embargoed/").status_code == 404  # not scheduled


def test_a_sweep_long_after_the_time_publishes_late_and_says_so(
    client, clock, published, django_capture_on_commit_callbacks
):
    release, users = published["release"], published["users"]
    from tests.scenarios import release_edit

    release_edit(release, "en", 0, "The leaders met again.")
    schedule = publication_schedule(
        release, ["en"], NOON + datetime.timedelta(minutes=10), author=users["editor"]
    )
    # No worker ran for an hour past the time: the next sweep publishes, late.
    clock.shift(datetime.timedelta(minutes=70))
    outcome = sweep(django_capture_on_commit_callbacks)
    assert outcome["published"] == outcome["late"] == [schedule.pk]
    schedule.refresh_from_db()
    assert schedule.late and schedule.state == State.DONE
    assert readers_revisions(release)["en"] == 3
    client.force_login(users["editor"])
    history = client.get(reverse("admin:records_release_history", args=[release.pk]))
    assert "late: it was due at" in history.content.decode()
    dashboard = client.get(reverse("admin:records_release_dashboard")).content.decode()
    assert "late: it was due at" in dashboard


def test_a_refused_schedule_publishes_nothing_tells_the_editor_once_and_retries(
    client, clock, in_progress, mailoutbox, django_capture_on_commit_callbacks
):
    release, users = in_progress["release"], in_progress["users"]
    schedule = publication_schedule(
        release, ["en", "ja"], NOON + datetime.timedelta(minutes=5), author=users["editor"]
    )
    clock.shift(datetime.timedelta(minutes=5))
    outcome = sweep(django_capture_on_commit_callbacks)
    assert outcome["refused"] == [schedule.pk]
    # Japanese is outdated: English, which alone could go out, waits with it.
    assert readers_revisions(release) == {"en": 2, "ja": 2, "ru": 2}
    schedule.refresh_from_db()
    assert schedule.state == State.PENDING and schedule.attempts == 1
    assert "Japanese of revision 4 cannot be published yet" in schedule.last_error
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["editor@example.org"]
    assert mail.subject == (
        "[Concord] Scheduled publication waiting — Summit Meeting (English, Japanese)"
    )
    assert "Japanese of revision 4 cannot be published yet" in mail.body
    assert reverse("admin:records_release_dashboard") in mail.body
    # The dashboard shows the refusal while the schedule waits.
    client.force_login(users["editor"])
    page = client.get(reverse("admin:records_release_dashboard")).content.decode()
    assert "refused when due (1 attempt)" in page
    assert "Japanese of revision 4 cannot be published yet" in page
    # The next sweep tries again, still refused: no second mail.
    clock.shift(datetime.timedelta(seconds=30))
    assert sweep(django_capture_on_commit_callbacks)["refused"] == [schedule.pk]
    assert len(mailoutbox) == 1
    # Once Japanese is approved, the next sweep publishes both (late, after the retries).
    approve_all(release, "ja", users["reviewer-ja"])
    clock.shift(datetime.timedelta(minutes=5))
    assert sweep(django_capture_on_commit_callbacks)["published"] == [schedule.pk]
    schedule.refresh_from_db()
    assert schedule.state == State.DONE and schedule.attempts == 3 and schedule.late
    assert schedule.last_error == ""
    assert readers_revisions(release) == {"en": 4, "ja": 4, "ru": 2}


def test_a_schedule_whose_editor_may_no_longer_publish_fails(
    clock, in_progress, mailoutbox, django_capture_on_commit_callbacks
):
    release, users = in_progress["release"], in_progress["users"]
    editor = users["editor"]
    schedule = publication_schedule(
        release, ["en"], NOON + datetime.timedelta(minutes=1), author=editor
    )
    editor.groups.clear()
    clock.shift(datetime.timedelta(minutes=2))
    outcome = sweep(django_capture_on_commit_callbacks)
    assert outcome["failed"] == [schedule.pk]
    schedule.refresh_from_db()
    assert schedule.state == State.FAILED
    assert "editor may not publish releases" in schedule.last_error
    assert readers_revisions(release)["en"] == 2
    assert len(mailoutbox) == 1 and "failed" in mailoutbox[0].subject
    # A failed schedule is not tried again.
    clock.shift(datetime.timedelta(minutes=2))
    assert sweep(django_capture_on_commit_callbacks)["failed"] == []


def test_two_sweeps_never_run_one_schedule_twice(clock, in_progress):
    release, users = in_progress["release"], in_progress["users"]
    schedule = publication_schedule(
        release, ["en"], NOON + datetime.timedelta(minutes=1), author=users["editor"]
    )
    clock.shift(datetime.timedelta(minutes=1))
    # A second sweep read the schedule as pending before the first one claimed it…
    stale = ScheduledPublication.objects.get(pk=schedule.pk)
    assert schedule_run(schedule.pk).state == State.DONE
    # …its conditional claim finds the row changed and gives up.
    assert not _claimed(stale, NOON + datetime.timedelta(minutes=1))
    assert Publication.objects.filter(release=release, revision__number=4).count() == 1
    assert ScheduledPublication.objects.get(pk=schedule.pk).attempts == 1


# --- refusals: each changes nothing ------------------------------------------------------------


def nothing_changed(release, schedules, publications):
    assert ScheduledPublication.objects.count() == schedules
    assert Publication.objects.count() == publications


@pytest.mark.parametrize(
    "codes, when, expected",
    [
        (["en"], NOON - datetime.timedelta(minutes=1), "is not in the future"),
        (["en"], NOON, "is not in the future"),
        (["en"], datetime.datetime(2024, 5, 1, 11, 0), "is not in the future"),
        ([], NOON + datetime.timedelta(hours=1), "Choose at least one language"),
        (["en", "de"], NOON + datetime.timedelta(hours=1), "“de” is not a language of"),
    ],
)
def test_a_bad_schedule_is_refused(clock, in_progress, codes, when, expected):
    release, users = in_progress["release"], in_progress["users"]
    counts = ScheduledPublication.objects.count(), Publication.objects.count()
    with pytest.raises(ScheduleError, match=expected):
        publication_schedule(release, codes, when, author=users["editor"])
    nothing_changed(release, *counts)


def test_the_past_is_named_with_the_time_zone(clock, in_progress, settings):
    release, users = in_progress["release"], in_progress["users"]
    with pytest.raises(ScheduleError) as refused:
        publication_schedule(
            release, ["en"], NOON - datetime.timedelta(hours=1), author=users["editor"]
        )
    assert "(it is " in str(refused.value) and "time zone UTC" in str(refused.value)


def test_a_language_already_scheduled_is_refused(clock, in_progress):
    release, users = in_progress["release"], in_progress["users"]
    first = publication_schedule(
        release, ["en", "ja"], NOON + datetime.timedelta(hours=1), author=users["editor"]
    )
    counts = ScheduledPublication.objects.count(), Publication.objects.count()
    with pytest.raises(ScheduleError, match="Japanese of “.*” is already scheduled for"):
        publication_schedule(
            release, ["ja", "ru"], NOON + datetime.timedelta(hours=2), author=users["editor"]
        )
    nothing_changed(release, *counts)
    # Once that schedule is cancelled, the language may be scheduled again.
    schedule_cancel(first.pk, author=users["editor"])
    publication_schedule(
        release, ["ja", "ru"], NOON + datetime.timedelta(hours=2), author=users["editor"]
    )


@pytest.mark.parametrize("username", ["translator-ja", "reviewer-ja", "terminologist"])
def test_only_editors_schedule_and_cancel(clock, in_progress, username):
    release, users = in_progress["release"], in_progress["users"]
    schedule = publication_schedule(
        release, ["en"], NOON + datetime.timedelta(hours=1), author=users["editor"]
    )
    counts = ScheduledPublication.objects.count(), Publication.objects.count()
    with pytest.raises(ActionNotAllowed, match=f"{username} may not publish releases"):
        publication_schedule(
            release, ["ru"], NOON + datetime.timedelta(hours=1), author=users[username]
        )
    with pytest.raises(ActionNotAllowed, match="nothing was cancelled"):
        schedule_cancel(schedule.pk, author=users[username])
    nothing_changed(release, *counts)
    assert ScheduledPublication.objects.get(pk=schedule.pk).state == State.PENDING


def test_a_done_or_cancelled_schedule_cannot_be_cancelled(
    clock, in_progress, django_capture_on_commit_callbacks
):
    release, users = in_progress["release"], in_progress["users"]
    editor = users["editor"]
    done = publication_schedule(
        release, ["en"], NOON + datetime.timedelta(minutes=1), author=editor
    )
    clock.shift(datetime.timedelta(minutes=1))
    sweep(django_capture_on_commit_callbacks)
    with pytest.raises(ScheduleError, match="already published: only a pending one"):
        schedule_cancel(done.pk, author=editor)
    assert ScheduledPublication.objects.get(pk=done.pk).state == State.DONE
    cancelled = publication_schedule(
        release, ["ru"], NOON + datetime.timedelta(hours=1), author=editor
    )
    schedule_cancel(cancelled.pk, author=editor)
    with pytest.raises(ScheduleError, match="already cancelled"):
        schedule_cancel(cancelled.pk, author=editor)
    with pytest.raises(ScheduleError, match="no such scheduled publication"):
        schedule_cancel(10**9, author=editor)
    # A cancelled schedule is never published, even once its time has come.
    clock.shift(datetime.timedelta(hours=2))
    assert sweep(django_capture_on_commit_callbacks)["published"] == []
    assert readers_revisions(release)["ru"] == 2


# --- from the dashboard and the history page ------------------------------------------------


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_the_dashboard_schedules_cancels_and_shows_schedules(clock, client, in_progress):
    release, users = in_progress["release"], in_progress["users"]
    client.force_login(users["editor"])
    url = reverse("admin:records_release_dashboard")
    page = client.get(url).content.decode()
    assert 'type="datetime-local" name="publish_at"' in page and "UTC" in page
    response = client.post(
        url,
        {
            "action": "schedule",
            "cell": [f"{release.pk}:en:4", f"{release.pk}:ru:4"],
            "publish_at": "2024-05-02T09:30",
        },
        follow=True,
    )
    assert messages_of(response) == [
        "“Summit Meeting” in English, Russian will be published at May 2, 2024, 9:30 a.m. (UTC).",
        # Russian has a unit in review now: scheduled, with a warning that the gate may refuse.
        "Russian of “Summit Meeting” could not be published now (1 in review): unless that work "
        "is done by May 2, 2024, 9:30 a.m. (UTC), the schedule is refused then and tried again "
        "at every sweep.",
    ]
    schedule = ScheduledPublication.objects.get()
    assert schedule.publish_at == datetime.datetime(2024, 5, 2, 9, 30, tzinfo=datetime.UTC)
    assert schedule.languages == ["en", "ru"] and schedule.created_by == users["editor"]
    page = response.content.decode()
    assert 'id="scheduled-publications"' in page and f'data-schedule="{schedule.pk}"' in page
    cells = re.search(rf'data-release="{release.pk}">(.*?)</tr>', page, re.S).group(1)
    assert cells.count("scheduled for May 2, 2024, 9:30 a.m.") == 2
    # The release's history lists it too, with its state.
    history = client.get(reverse("admin:records_release_history", args=[release.pk]))
    assert f'data-schedule="{schedule.pk}"' in history.content.decode()

    response = client.post(url, {"cancel": schedule.pk}, follow=True)
    assert messages_of(response)[0].startswith("The publication of “Summit Meeting” planned")
    assert ScheduledPublication.objects.get().state == State.CANCELLED
    # A page still showing the cancelled schedule cancels nothing more.
    response = client.post(url, {"cancel": schedule.pk}, follow=True)
    assert "already cancelled" in messages_of(response)[0]


@pytest.mark.parametrize(
    "publish_at, expected",
    [
        ("", "Give the date and time to publish at"),
        ("tomorrow", "Give the date and time to publish at"),
        ("2024-05-01T11:00", "is not in the future"),
    ],
)
def test_the_dashboard_refuses_a_bad_time(clock, client, in_progress, publish_at, expected):
    release = in_progress["release"]
    client.force_login(in_progress["users"]["editor"])
    response = client.post(
        reverse("admin:records_release_dashboard"),
        {"action": "schedule", "cell": [f"{release.pk}:en:4"], "publish_at": publish_at},
        follow=True,
    )
    assert expected in messages_of(response)[0]
    assert not ScheduledPublication.objects.exists()


def test_scheduling_several_releases_is_all_or_none(clock, client, in_progress):
    users = in_progress["users"]
    first = in_progress["release"]
    second = release_with(languages=("en", "ja"), units=2, slug="second")
    publication_schedule(second, ["ja"], NOON + datetime.timedelta(hours=3), author=users["editor"])
    client.force_login(users["editor"])
    response = client.post(
        reverse("admin:records_release_dashboard"),
        {
            "action": "schedule",
            "cell": [f"{first.pk}:en:4", f"{second.pk}:ja:2"],
            "publish_at": "2024-05-01T15:00",
        },
        follow=True,
    )
    assert "is already scheduled for" in messages_of(response)[0]
    assert ScheduledPublication.objects.count() == 1


def test_the_sweep_runs_from_the_task_and_the_command(clock, in_progress):
    release, users = in_progress["release"], in_progress["users"]
    first = publication_schedule(
        release, ["en"], NOON + datetime.timedelta(minutes=1), author=users["editor"]
    )
    clock.shift(datetime.timedelta(minutes=1))
    result = scheduled_publications_sweep.delay().get()
    assert result["published"] == [first.pk]
    second = publication_schedule(
        release, ["ja"], NOON + datetime.timedelta(minutes=3), author=users["editor"]
    )
    clock.shift(datetime.timedelta(minutes=3))
    out, _err = command_output("sweep")
    # One line per count, each in the plural form its number takes.
    assert out.splitlines() == [
        "1 pending term check enqueued",
        "0 glossary re-checks enqueued",
        "0 topic exports enqueued",
        "0 scheduled publications published",
        "1 scheduled publication refused (still pending)",
        "0 webhook deliveries that were due sent",
    ]
    assert ScheduledPublication.objects.get(pk=second.pk).attempts == 1


def test_a_language_ready_now_is_scheduled_without_a_warning(clock, client, in_progress):
    release, users = in_progress["release"], in_progress["users"]
    client.force_login(users["editor"])
    response = client.post(
        reverse("admin:records_release_dashboard"),
        {"action": "schedule", "cell": [f"{release.pk}:en:4"], "publish_at": "2024-05-02T09:30"},
        follow=True,
    )
    assert messages_of(response) == [
        "“Summit Meeting” in English will be published at May 2, 2024, 9:30 a.m. (UTC)."
    ]


def test_a_schedule_no_sweep_ran_says_it_is_overdue(clock, client, in_progress):
    release, users = in_progress["release"], in_progress["users"]
    client.force_login(users["editor"])
    schedule = publication_schedule(
        release, ["en"], datetime.datetime(2024, 5, 1, 12, 30), author=users["editor"]
    )
    url = reverse("admin:records_release_dashboard")
    assert "schedule-overdue" not in client.get(url).content.decode()
    clock.move_to(NOON + datetime.timedelta(minutes=31))
    # Just due: a sweep may be on its way.
    assert "schedule-overdue" not in client.get(url).content.decode()
    clock.move_to(NOON + datetime.timedelta(minutes=40))
    page = client.get(url).content.decode()
    assert "overdue: it was due at May 1, 2024, 12:30 p.m. and no sweep has run since" in page
    history = client.get(reverse("admin:records_release_history", args=[release.pk]))
    assert "schedule-overdue" in history.content.decode()
    # A sweep that ran and was refused says so instead.
    ScheduledPublication.objects.filter(pk=schedule.pk).update(last_error="refused")
    assert "schedule-overdue" not in client.get(url).content.decode()
