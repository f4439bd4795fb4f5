"""Review notifications: who gets an email for each action, sent only after the action commits."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import timezone

from config.settings import email_settings
from records.services import release_write
from records.snapshots import release_snapshot
from translations.demo import COMMENT_RU, REVISED_INDEX
from translations.notifications.models import Notification
from translations.review.actions import (
    comment_add,
    units_approve,
    units_request_changes,
    units_submit,
)
from translations.review.models import Comment
from translations.roles import reviewers

pytestmark = pytest.mark.django_db

BASE = "https://concord.example"


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.CONCORD_BASE_URL = BASE + "/"


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks, mailoutbox):
    """Run ``action``; show that no mail left before its transaction committed; then commit
    (run its on-commit callbacks) and return the mail sent."""

    def run(action, *args, **kwargs):
        # What building the scenario recorded was never committed, so never mailed: settle it.
        Notification.objects.update(sent_at=timezone.now())
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            action(*args, **kwargs)
        assert mailoutbox == [], "mail sent inside the transaction"
        assert callbacks, "nothing to send after commit"
        for callback in callbacks:
            callback()
        return list(mailoutbox)

    return run


def recipients(mails):
    return sorted(address for mail in mails for address in mail.to)


def reviewer(username, code, email):
    user = User.objects.create_user(username, email=email, password="test-password-123")
    user.groups.add(Group.objects.get(name=reviewers(code)))
    return user


def revised_key(scenario):
    return release_snapshot(scenario["release"])["segments"][REVISED_INDEX]["key"]


def edit_japanese(scenario, author, *keys_and_texts, context=None):
    release = scenario["release"]
    content = release_snapshot(release)
    by_key = {segment["key"]: segment for segment in content["segments"]}
    for key, text in keys_and_texts:
        by_key[key]["text"]["ja"] = text
    release_write(content, author=author, based_on=release.head_number, context=context)
    release.refresh_from_db()
    return release


def test_submitted_tells_the_other_reviewers_with_an_address(published, after_commit):
    users = published["users"]
    second = reviewer("reviewer-ja-2", "ja", "second@example.org")
    reviewer("reviewer-ja-3", "ja", "")
    segments = release_snapshot(published["release"])["segments"]
    keys = [segments[1]["key"], segments[2]["key"]]
    release = edit_japanese(
        published, users["reviewer-ja"], (keys[0], "北方領土の問題"), (keys[1], "平和条約。")
    )
    mails = after_commit(units_submit, release, "ja", keys, users["reviewer-ja"])
    # One mail for both units, to the reviewers of Japanese other than the one who submitted.
    assert recipients(mails) == [second.email]
    body = mails[0].body
    assert "reviewer-ja sent 2 units of “Summit Meeting”" in body
    link = BASE + reverse("translations:workbench", args=[release.pk, "ja"])
    assert link in body


def test_a_save_that_submits_tells_the_reviewers(published, after_commit):
    users = published["users"]
    key = release_snapshot(published["release"])["segments"][1]["key"]
    mails = after_commit(
        edit_japanese,
        published,
        users["translator-ja"],
        (key, "北方領土の問題"),
        context={"submit": {"ja": True}},
    )
    assert recipients(mails) == [users["reviewer-ja"].email]


def test_approved_tells_the_translator(in_progress, after_commit):
    users = in_progress["users"]
    release = in_progress["release"]
    mails = after_commit(
        units_approve,
        release,
        "ru",
        [revised_key(in_progress)],
        users["reviewer-ru"],
        based_on=release.head_number,
    )
    by_address = {mail.to[0]: mail for mail in mails}
    # The translator hears of the approval; the editors that Russian became ready.
    assert sorted(by_address) == sorted([users["translator-ru"].email, users["editor"].email])
    assert "reviewer-ru approved 1 unit of" in by_address[users["translator-ru"].email].subject
    assert "Russian of “" in by_address[users["editor"].email].subject
    assert "is ready to publish: revision 4" in by_address[users["editor"].email].subject


def test_changes_requested_tells_the_translator_with_the_comment(in_progress, after_commit):
    users = in_progress["users"]
    release = in_progress["release"]
    mails = after_commit(
        units_request_changes,
        release,
        "ru",
        [revised_key(in_progress)],
        users["reviewer-ru"],
        comment="Поставьте год после месяца, как в английском.",
        based_on=release.head_number,
    )
    assert recipients(mails) == [users["translator-ru"].email]
    assert "Поставьте год после месяца, как в английском." in mails[0].body


def test_a_comment_tells_the_thread_and_the_translator(demo_scenario, after_commit):
    users = demo_scenario["users"]
    release = demo_scenario["release"]
    thread = Comment.objects.get(text=COMMENT_RU)
    key = thread.key
    comment_add(release, key, "ru", "Я тоже посмотрю.", users["editor"], parent=thread)
    mails = after_commit(
        comment_add,
        release,
        key,
        "ru",
        "Порядок слов верный.",
        users["reviewer-ru"],
        parent=thread,
    )
    # The thread's authors (translator-ru, editor) and the unit's translator, once each;
    # not the one who wrote.
    assert recipients(mails) == sorted([users["translator-ru"].email, users["editor"].email])
    assert all("Порядок слов верный." in mail.body for mail in mails)


def test_nobody_without_an_address_is_written_to(in_progress, after_commit):
    users = in_progress["users"]
    release = in_progress["release"]
    users["translator-ru"].email = ""
    users["translator-ru"].save()
    # The task runs after commit but does not write to the translator, who has no address
    # (only to the editor, told that Russian is ready); the list still shows the approval.
    mails = after_commit(
        units_approve,
        release,
        "ru",
        [revised_key(in_progress)],
        users["reviewer-ru"],
        based_on=release.head_number,
    )
    assert recipients(mails) == [users["editor"].email]
    told = Notification.objects.get(recipient=users["translator-ru"], kind="approved")
    assert told.read_at is None and told.sent_at is not None and told.mail is None


def test_email_settings_default_to_the_console():
    assert email_settings("")["EMAIL_BACKEND"].endswith("console.EmailBackend")
    assert email_settings("console://")["EMAIL_BACKEND"].endswith("console.EmailBackend")


@pytest.mark.parametrize(
    "url, expected",
    [
        (
            "smtp://mailer:p%40ss%2Fword@mail.example:2525",
            {"EMAIL_HOST": "mail.example", "EMAIL_PORT": 2525, "EMAIL_HOST_USER": "mailer"},
        ),
        (
            "smtp+tls://mailer:secret@mail.example",
            {"EMAIL_PORT": 587, "EMAIL_USE_TLS": True, "EMAIL_USE_SSL": False},
        ),
        ("smtps://mail.example?timeout=15", {"EMAIL_PORT": 465, "EMAIL_USE_SSL": True}),
        ("smtp://mail.example", {"EMAIL_PORT": 25, "EMAIL_HOST_USER": ""}),
    ],
)
def test_email_url_configures_smtp(url, expected):
    found = email_settings(url)
    assert found["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    for name, value in expected.items():
        assert found[name] == value
    if "%40" in url:
        assert found["EMAIL_HOST_PASSWORD"] == "p@ss/word"
    if "timeout" in url:
        assert found["EMAIL_TIMEOUT"] == 15


@pytest.mark.parametrize(
    "url, message",
    [
        ("imap://mail.example", "unknown scheme"),
        ("smtp://user:pass@:25", "no host"),
        ("smtp://mail.example:port", "port is not a number"),
        ("smtp://mail.example?timeout=soon", "timeout"),
    ],
)
def test_bad_email_url_is_refused(url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        email_settings(url)


@pytest.mark.parametrize("action", ["submitted", "approved"])
def test_a_batch_costs_the_same_queries_for_2_or_20_units(published, action, mailoutbox):
    """Recording who hears of a batch (in the action's transaction) and mailing it (the
    task) cost the same number of queries whatever the number of units."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from translations.notifications.mail import batch_send
    from translations.review.notify import enqueue

    users = published["users"]
    release = published["release"]
    japanese = {s["key"]: s["text"]["ja"] for s in release_snapshot(release)["segments"]}
    keys = list(japanese)
    counts = []
    for size in (2, 20):
        chosen = keys[:size] if size == 2 else keys[2 : 2 + size]
        # Revised, still rendering every number, date and name: approvable.
        release = edit_japanese(
            published, users["translator-ja"], *[(key, f"{japanese[key]}（改）") for key in chosen]
        )
        batch = units_submit(release, "ja", chosen, users["translator-ja"])
        if action == "approved":
            batch = units_approve(
                release, "ja", chosen, users["reviewer-ja"], based_on=release.head_number
            )
        Notification.objects.filter(batch=batch).delete()
        Notification.objects.update(sent_at=timezone.now())
        with CaptureQueriesContext(connection) as recording:
            enqueue(batch)
        with CaptureQueriesContext(connection) as sending:
            sent = batch_send(batch)
        # Approving every unit also tells the editors that Japanese is ready.
        assert sent == (2 if action == "approved" else 1)
        counts.append((len(recording), len(sending)))
    assert counts[0] == counts[1], counts


def opened(client, user, notification):
    """Open ``notification`` from the list as ``user``; return where it leads."""
    client.force_login(user)
    response = client.get(reverse("translations:notification_open", args=[notification.pk]))
    assert response.status_code == 302
    return response["Location"]


def test_a_notification_of_one_unit_opens_the_workbench_at_that_unit(
    in_progress, after_commit, client
):
    users, release = in_progress["users"], in_progress["release"]
    key = revised_key(in_progress)
    mails = after_commit(
        units_approve, release, "ru", [key], users["reviewer-ru"], based_on=release.head_number
    )
    path = reverse("translations:workbench", args=[release.pk, "ru"])
    at_unit = f"{path}?unit={key}#unit-{key}"
    translator = users["translator-ru"]
    assert f"  {BASE}{at_unit}\n" in to_address(mails, translator.email).body
    notification = newest(translator, "approved")
    assert opened(client, translator, notification) == at_unit
    # The workbench opens on the page that shows the unit.
    page = client.get(at_unit)
    assert page.status_code == 200
    assert f'id="unit-{key}"' in page.content.decode()


def test_a_notification_of_several_submitted_units_opens_the_review_filter(
    published, after_commit, client, mailoutbox
):
    users = published["users"]
    segments = release_snapshot(published["release"])["segments"]
    keys = [segments[1]["key"], segments[2]["key"]]
    release = edit_japanese(
        published, users["translator-ja"], (keys[0], "北方領土の問題"), (keys[1], "平和条約。")
    )
    after_commit(units_submit, release, "ja", keys, users["translator-ja"])
    reviewer_ja = users["reviewer-ja"]
    notification = newest(reviewer_ja, "submitted")
    path = reverse("translations:workbench", args=[release.pk, "ja"])
    assert opened(client, reviewer_ja, notification) == f"{path}?filter=review"
    # Sent back, the same units are drafts again: "To translate" lists them.
    mailoutbox.clear()
    after_commit(
        units_request_changes,
        release,
        "ja",
        keys,
        reviewer_ja,
        comment="語順を確認してください。",
        based_on=release.head_number,
    )
    sent_back = newest(users["translator-ja"], "changes_requested")
    assert sent_back.payload["path"] == f"{path}?filter=todo"


def newest(user, kind):
    return Notification.objects.filter(recipient=user, kind=kind).order_by("-pk").first()


def to_address(mails, address):
    (found,) = [mail for mail in mails if mail.to == [address]]
    return found
