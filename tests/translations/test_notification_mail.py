"""Notification mail: one per recipient per action, hourly and daily digests, "ready to
publish" once per revision, links to where people reach the site, never sent twice."""

import datetime
import smtplib

import pytest
import time_machine
from django.core import mail as django_mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import transaction
from django.urls import reverse

from tests.translations.notifying import japanese_edited, reviewer, settle, to
from translations.notifications.mail import digests_send
from translations.notifications.models import Notification, NotificationProfile
from translations.notifications.services import NotificationError, profile_update
from translations.notifications.tasks import notifications_send
from translations.review.actions import units_approve, units_submit
from translations.review.notify import enqueue

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


@pytest.fixture(autouse=True)
def _no_base_url(settings):
    settings.CONCORD_BASE_URL = ""


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run an action and what its transaction sends once it commits; return its result."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def waiting(published, commit):
    """Four Japanese units submitted for review in one action, with a second reviewer."""
    users = published["users"]
    second = reviewer("reviewer-ja-2", "ja")
    release, keys = japanese_edited(published["release"], users["translator-ja"], 4)
    settle()
    return {**published, "release": release, "keys": keys, "second": second}


def test_a_bulk_submit_is_one_mail_to_each_reviewer(waiting, commit, mailoutbox):
    users = waiting["users"]
    commit(units_submit, waiting["release"], "ja", waiting["keys"], users["translator-ja"])
    mails = to(mailoutbox)
    assert sorted(mails) == sorted([users["reviewer-ja"].email, waiting["second"].email])
    for mail in mails.values():
        assert "translator-ja sent 4 units of “Summit Meeting”" in mail.subject
        assert "segment 1, segment 2, segment 3, segment 4" in mail.body


def test_approve_all_is_one_mail_listing_the_units(waiting, commit, mailoutbox):
    users, release = waiting["users"], waiting["release"]
    commit(units_submit, release, "ja", waiting["keys"], users["translator-ja"])
    mailoutbox.clear()
    commit(
        units_approve,
        release,
        "ja",
        waiting["keys"],
        users["reviewer-ja"],
        based_on=release.head_number,
    )
    mails = to(mailoutbox)
    # The translator once for the four units; the editors that Japanese is ready.
    assert sorted(mails) == sorted([users["translator-ja"].email, users["editor"].email])
    approved = mails[users["translator-ja"].email]
    assert "reviewer-ja approved 4 units" in approved.subject
    assert "segment 1, segment 2, segment 3, segment 4" in approved.body


def test_actions_in_one_transaction_are_one_mail_per_recipient(waiting, commit, mailoutbox):
    users, release, keys = waiting["users"], waiting["release"], waiting["keys"]

    @transaction.atomic
    def two_submits():
        return [
            units_submit(release, "ja", keys[:2], users["translator-ja"]),
            units_submit(release, "ja", keys[2:], users["translator-ja"]),
        ]

    batches = commit(two_submits)
    mails = to(mailoutbox)
    assert len(mails) == 2
    body = mails[users["reviewer-ja"].email].body
    assert body.count("translator-ja sent 2 units") == 2
    # Both batches' notifications went out in that one mail.
    sent = Notification.objects.filter(batch__in=batches, recipient=users["reviewer-ja"])
    assert sent.count() == 2 and len({row.mail for row in sent}) == 1


def test_the_task_delivered_twice_sends_one_mail(waiting, django_capture_on_commit_callbacks):
    users, release = waiting["users"], waiting["release"]
    with django_capture_on_commit_callbacks(execute=False):
        batch = units_submit(release, "ja", waiting["keys"], users["translator-ja"])
    first = notifications_send.apply(args=[str(batch)]).get()
    second = notifications_send.apply(args=[str(batch)]).get()
    assert (first["sent"], second["sent"]) == (2, 0)
    assert len(django_mail.outbox) == 2
    assert not Notification.objects.filter(batch=batch, sent_at__isnull=True).exists()


class FlakyBackend(EmailBackend):
    """The locmem backend, refusing the first message it is given (a mail server hiccup)."""

    failures = 1

    def send_messages(self, messages):
        if FlakyBackend.failures:
            FlakyBackend.failures -= 1
            raise smtplib.SMTPServerDisconnected("connection unexpectedly closed")
        return super().send_messages(messages)


def test_a_failed_mail_is_retried_and_sent_once(
    waiting, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    FlakyBackend.failures = 1
    users = waiting["users"]
    with django_capture_on_commit_callbacks(execute=False):
        batch = units_submit(waiting["release"], "ja", waiting["keys"], users["translator-ja"])
    # As a worker does: the failure is retried (eagerly here, at once).
    result = notifications_send.apply(args=[str(batch)], throw=False)
    assert result.successful(), result.traceback
    assert FlakyBackend.failures == 0
    assert sorted(mail.to[0] for mail in django_mail.outbox) == sorted(
        [users["reviewer-ja"].email, waiting["second"].email]
    )
    assert notifications_send.apply(args=[str(batch)]).get()["sent"] == 0


def at(*args):
    return time_machine.travel(datetime.datetime(*args, tzinfo=UTC), tick=False)


def test_hourly_digest_gathers_the_hour_in_one_mail(waiting, commit, mailoutbox):
    users, release, keys = waiting["users"], waiting["release"], waiting["keys"]
    profile_update(users["reviewer-ja"], digest=NotificationProfile.Digest.HOURLY)
    with at(2025, 3, 4, 10, 20):
        commit(units_submit, release, "ja", keys[:2], users["translator-ja"])
    # The second reviewer, who wants mail at once, has it; reviewer-ja waits for the hour.
    assert list(to(mailoutbox)) == [waiting["second"].email]
    mailoutbox.clear()
    with at(2025, 3, 4, 10, 40):
        commit(units_submit, release, "ja", keys[2:], users["translator-ja"])
        assert digests_send() == 0
    with at(2025, 3, 4, 10, 59, 59):
        assert digests_send() == 0
    assert list(to(mailoutbox)) == [waiting["second"].email]
    mailoutbox.clear()
    with at(2025, 3, 4, 11, 0, 30):
        assert digests_send() == 1
        assert digests_send() == 0
    digest = to(mailoutbox)[users["reviewer-ja"].email]
    assert digest.subject == "[Concord] Your hourly summary: 2 notifications"
    assert digest.body.count("translator-ja sent 2 units") == 2


def test_daily_digest_goes_out_at_the_digest_hour(waiting, commit, mailoutbox, settings):
    settings.CONCORD_DIGEST_HOUR = 8
    users, release, keys = waiting["users"], waiting["release"], waiting["keys"]
    for user in (users["reviewer-ja"], waiting["second"]):
        profile_update(user, digest=NotificationProfile.Digest.DAILY)
    with at(2025, 3, 4, 9, 0):
        commit(units_submit, release, "ja", keys, users["translator-ja"])
    for moment in [(2025, 3, 4, 23, 0), (2025, 3, 5, 7, 59)]:
        with at(*moment):
            assert digests_send() == 0
    assert mailoutbox == []
    with at(2025, 3, 5, 8, 0, 30):
        assert digests_send() == 2
    mails = to(mailoutbox)
    assert mails[users["reviewer-ja"].email].subject == (
        "[Concord] Your daily summary: 1 notification"
    )


def test_mail_a_lost_task_left_is_sent_by_the_sweep(waiting, django_capture_on_commit_callbacks):
    users = waiting["users"]
    with at(2025, 3, 4, 10, 0):
        with django_capture_on_commit_callbacks(execute=False):
            units_submit(waiting["release"], "ja", waiting["keys"], users["translator-ja"])
    with at(2025, 3, 4, 10, 0, 30):
        assert digests_send() == 0
    with at(2025, 3, 4, 10, 2):
        assert digests_send() == 2
        assert digests_send() == 0


def ready_notices(release, language="ja"):
    return list(
        Notification.objects.filter(kind="ready", payload__release=release.pk).values_list(
            "recipient__username", "payload__language", "payload__revision"
        )
    )


def test_ready_to_publish_once_per_revision(waiting, commit, mailoutbox):
    users, release, keys = waiting["users"], waiting["release"], waiting["keys"]
    Notification.objects.filter(kind="ready").delete()
    commit(units_submit, release, "ja", keys, users["translator-ja"])
    # Three of four approved: not ready yet.
    commit(
        units_approve, release, "ja", keys[:3], users["reviewer-ja"], based_on=release.head_number
    )
    assert ready_notices(release) == []
    mailoutbox.clear()
    batch = commit(
        units_approve, release, "ja", keys[3:], users["reviewer-ja"], based_on=release.head_number
    )
    revision = release.head_number
    assert ready_notices(release) == [("editor", "ja", revision)]
    assert "Japanese of “Summit Meeting”" in to(mailoutbox)[users["editor"].email].subject
    # The same batch recorded again (a listener run twice) tells no one again.
    mailoutbox.clear()
    enqueue(batch)
    assert ready_notices(release) == [("editor", "ja", revision)]
    # A new revision that becomes ready is told again.
    release, more = japanese_edited(release, users["translator-ja"], 1, start=5)
    commit(units_submit, release, "ja", more, users["translator-ja"])
    commit(units_approve, release, "ja", more, users["reviewer-ja"], based_on=release.head_number)
    assert sorted(ready_notices(release)) == [
        ("editor", "ja", revision),
        ("editor", "ja", release.head_number),
    ]


def workbench_approve(client, release, keys, host):
    return client.post(
        reverse("translations:workbench_action", args=[release.pk, "ja", "approve"]),
        {"key": keys, "based_on": release.head_number},
        HTTP_ACCEPT="application/json",
        HTTP_HOST=host,
    )


@pytest.mark.parametrize(
    "base_url, expected",
    [
        ("", "http://press.example:8443"),
        ("https://concord.example/", "https://concord.example"),
    ],
)
def test_links_use_the_base_url_else_the_address_of_the_action(
    waiting, commit, client, settings, mailoutbox, base_url, expected
):
    settings.CONCORD_BASE_URL = base_url.rstrip("/")
    settings.ALLOWED_HOSTS = ["testserver", "press.example"]
    users, release, keys = waiting["users"], waiting["release"], waiting["keys"]
    commit(units_submit, release, "ja", keys, users["translator-ja"])
    mailoutbox.clear()
    client.force_login(users["reviewer-ja"])
    response = commit(workbench_approve, client, release, keys, "press.example:8443")
    assert response.status_code == 200, response.content
    mail = to(mailoutbox)[users["translator-ja"].email]
    workbench = reverse("translations:workbench", args=[release.pk, "ja"])
    assert f"  {expected}{workbench}\n" in mail.body
    assert f"{expected}{reverse('translations:notification_settings')}" in mail.body


def test_links_outside_a_request_without_a_base_url_are_paths(waiting, commit, mailoutbox):
    users, release, keys = waiting["users"], waiting["release"], waiting["keys"]
    commit(units_submit, release, "ja", keys, users["translator-ja"])
    workbench = reverse("translations:workbench", args=[release.pk, "ja"])
    assert f"\n  {workbench}?filter=review\n" in to(mailoutbox)[users["reviewer-ja"].email].body


def test_mail_is_written_in_the_language_each_recipient_chose(waiting, commit, mailoutbox):
    users = waiting["users"]
    profile_update(users["reviewer-ja"], digest="immediately", language="ja")
    commit(units_submit, waiting["release"], "ja", waiting["keys"], users["translator-ja"])
    mails = to(mailoutbox)
    japanese = mails[users["reviewer-ja"].email]
    assert "すべての通知: /review/notifications/" in japanese.body
    assert "「首脳会談」（2017年7月7日" in japanese.subject
    # Who chose nothing reads the site's language.
    english = mails[waiting["second"].email]
    assert "All your notifications: /review/notifications/" in english.body
    assert "“Summit Meeting” (July 7, 2017" in english.subject


def test_an_unknown_mail_language_is_refused_and_changes_nothing(waiting):
    user = waiting["users"]["reviewer-ja"]
    profile_update(user, digest="daily", language="ru")
    with pytest.raises(NotificationError) as refused:
        profile_update(user, digest="hourly", language="xx")
    assert "“xx” is not a language mail can be written in; nothing was changed" == str(
        refused.value
    )
    assert list(NotificationProfile.objects.values_list("user", "digest", "language")) == [
        (user.pk, "daily", "ru")
    ]
