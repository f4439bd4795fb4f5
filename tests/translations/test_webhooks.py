"""Webhooks: a publication or a language ready to publish makes a signed POST to a receiver on
loopback, after commit; failures are retried with backoff, then given up."""

import datetime
import hashlib
import hmac
import json

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from config import languages
from config.celery import app as celery_app
from records.models import Publication
from records.services import PublicationError, release_publish, releases_publish
from tests.receiver import Answer, Receiver
from tests.scenarios import keys_in, release_with, user_with_role
from translations.notifications.models import Notification
from translations.review.actions import units_approve
from translations.review.vocabulary import UnitState
from translations.webhooks import sending
from translations.webhooks.models import Webhook, WebhookDelivery
from translations.webhooks.services import (
    LANGUAGE_PUBLISHED,
    LANGUAGE_READY,
    deliveries_resend,
    webhook_create,
    webhooks_language_ready,
)
from translations.webhooks.tasks import webhook_deliver, webhooks_sweep

pytestmark = pytest.mark.django_db

BASE = "https://concord.example"
START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
TARGET = languages.targets(languages.DEFAULT_SOURCE)[0]


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.CONCORD_BASE_URL = BASE


@pytest.fixture
def receiver():
    found = Receiver()
    yield found
    found.stop()


@pytest.fixture
def release(roles):
    """A release translated and approved in every language, published in none."""
    return release_with(languages=languages.CODES)


def hook(url, events=(LANGUAGE_PUBLISHED, LANGUAGE_READY), **options):
    return webhook_create(url=url, events=list(events), description="site", **options)


def verified(webhook, request):
    """Return the JSON of ``request`` after checking its signature as a receiver would."""
    expected = hmac.new(webhook.secret.encode(), request.body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(request.headers["X-Concord-Signature"], f"sha256={expected}")
    return json.loads(request.body)


def publish(release, language, capture):
    with capture(execute=True):
        publication, created = release_publish(release, language, author=user_with_role("editor"))
    assert created
    return publication


def test_a_publication_delivers_one_signed_post(
    release, receiver, django_capture_on_commit_callbacks
):
    webhook = hook(receiver.url)
    publication = publish(release, TARGET, django_capture_on_commit_callbacks)

    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    delivery = WebhookDelivery.objects.get()
    assert request.path == "/hook"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["X-Concord-Event"] == LANGUAGE_PUBLISHED
    assert request.headers["X-Concord-Delivery"] == str(delivery.pk)
    document = verified(webhook, request)
    assert list(document) == [
        "event",
        "delivery",
        "sent_at",
        "release",
        "language",
        "revision",
        "url",
    ]
    assert document["event"] == LANGUAGE_PUBLISHED and document["delivery"] == delivery.pk
    assert datetime.datetime.fromisoformat(document["sent_at"]) <= timezone.now()
    assert document["release"] == {
        "id": release.pk,
        "slug": release.slug,
        "title": getattr(release, f"title_{TARGET}"),
    }
    assert document["language"] == TARGET
    assert document["revision"] == publication.revision.number == release.head_number
    assert document["url"] == f"{BASE}/{TARGET}/releases/{publication.slug}/"
    # A signature made with another secret does not verify.
    forged = hmac.new(b"another secret", request.body, hashlib.sha256).hexdigest()
    assert request.headers["X-Concord-Signature"] != f"sha256={forged}"

    assert delivery.status == WebhookDelivery.Status.DELIVERED
    assert (delivery.attempts, delivery.response_status, delivery.response_excerpt) == (
        1,
        200,
        "ok",
    )
    assert delivery.next_attempt_at is None and delivery.delivered_at is not None
    assert [entry["status"] for entry in delivery.log] == [200]


def test_nothing_is_sent_before_the_publication_commits(
    release, receiver, django_capture_on_commit_callbacks
):
    hook(receiver.url)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        release_publish(release, TARGET, author=user_with_role("editor"))
        assert WebhookDelivery.objects.get().status == WebhookDelivery.Status.PENDING
    assert receiver.requests == [] and callbacks
    for callback in callbacks:
        callback()
    assert len(receiver.requests) == 1


def test_a_delivered_delivery_is_never_sent_again(
    release, receiver, django_capture_on_commit_callbacks
):
    hook(receiver.url)
    publish(release, TARGET, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    # A task delivered twice, the sweep: nothing more goes out.
    assert webhook_deliver.apply((delivery.pk,)).get()["skipped"]
    assert webhooks_sweep.apply().get() == {"deliveries": []}
    assert len(receiver.requests) == 1
    delivery.refresh_from_db()
    assert delivery.attempts == 1


def test_ready_to_publish_delivers(roles, receiver, django_capture_on_commit_callbacks):
    release = release_with(languages=languages.CODES, states={TARGET: "needs_review"})
    webhook = hook(receiver.url, events=[LANGUAGE_READY])
    with django_capture_on_commit_callbacks(execute=True):
        units_approve(
            release,
            TARGET,
            keys_in(release, TARGET, UnitState.NEEDS_REVIEW),
            user_with_role("reviewer", TARGET),
            based_on=release.head_number,
        )
    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    assert request.headers["X-Concord-Event"] == LANGUAGE_READY
    document = verified(webhook, request)
    assert document["event"] == LANGUAGE_READY
    assert (document["language"], document["revision"]) == (TARGET, release.head_number)
    assert document["release"]["id"] == release.pk and document["url"] is None
    # The editors were told in the same action.
    assert Notification.objects.filter(kind="ready", payload__language=TARGET).exists()
    # The same revision ready again (another call) makes no second delivery.
    assert webhooks_language_ready(release, TARGET, release.head_number) == []
    assert WebhookDelivery.objects.count() == 1


def test_only_active_webhooks_subscribed_to_the_event_get_it(
    release, receiver, django_capture_on_commit_callbacks
):
    hook(receiver.url, events=[LANGUAGE_PUBLISHED], active=False)
    hook(receiver.url + "/ready-only", events=[LANGUAGE_READY])
    active = hook(receiver.url + "/published", events=[LANGUAGE_PUBLISHED])
    publish(release, TARGET, django_capture_on_commit_callbacks)
    assert [request.path for request in receiver.requests] == ["/hook/published"]
    assert list(WebhookDelivery.objects.values_list("webhook", flat=True)) == [active.pk]


def test_a_webhook_made_inactive_gets_nothing_more(
    release, receiver, django_capture_on_commit_callbacks
):
    webhook = hook(receiver.url)
    with django_capture_on_commit_callbacks(execute=False):
        release_publish(release, TARGET, author=user_with_role("editor"))
    Webhook.objects.filter(pk=webhook.pk).update(active=False)
    assert webhooks_sweep.apply().get() == {"deliveries": []}
    assert receiver.requests == []
    assert WebhookDelivery.objects.get().attempts == 0


def test_no_delivery_when_the_publication_rolls_back(
    roles, receiver, django_capture_on_commit_callbacks
):
    release = release_with(languages=languages.CODES, states={languages.CODES[-1]: "draft"})
    hook(receiver.url)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(PublicationError):
            releases_publish(
                [(release, code, None) for code in languages.CODES],
                author=user_with_role("editor"),
            )
    assert not Publication.objects.exists()
    assert not WebhookDelivery.objects.exists()
    assert receiver.requests == [] and callbacks == []


def test_a_failing_receiver_is_retried_with_backoff_then_given_up(
    release, receiver, django_capture_on_commit_callbacks
):
    receiver.answers = [Answer(500, b"Internal Server Error: " + b"x" * 10_000)]
    hook(receiver.url)
    with time_machine.travel(START, tick=False) as clock:
        publish(release, TARGET, django_capture_on_commit_callbacks)
        delivery = WebhookDelivery.objects.get()
        now = START
        for attempt, wait in enumerate(sending.BACKOFF, start=1):
            delivery.refresh_from_db()
            assert (delivery.status, delivery.attempts) == ("pending", attempt)
            assert delivery.response_status == 500
            assert delivery.response_excerpt.startswith("Internal Server Error: ")
            assert len(delivery.response_excerpt) == sending.EXCERPT_CHARS
            assert delivery.next_attempt_at == now + datetime.timedelta(seconds=wait)
            # Not due a second early.
            clock.move_to(now + datetime.timedelta(seconds=wait - 1))
            assert webhooks_sweep.apply().get() == {"deliveries": []}
            assert len(receiver.requests) == attempt
            now += datetime.timedelta(seconds=wait)
            clock.move_to(now)
            assert webhooks_sweep.apply().get() == {"deliveries": [delivery.pk]}
            assert len(receiver.requests) == attempt + 1
        delivery.refresh_from_db()
        assert delivery.status == WebhookDelivery.Status.FAILED
        assert delivery.attempts == sending.MAX_ATTEMPTS == 6
        assert delivery.next_attempt_at is None and delivery.delivered_at is None
        assert [entry["status"] for entry in delivery.log] == [500] * 6
        # Given up: later sweeps send nothing.
        clock.move_to(now + datetime.timedelta(days=7))
        assert webhooks_sweep.apply().get() == {"deliveries": []}
    assert len(receiver.requests) == 6
    assert {request.headers["X-Concord-Delivery"] for request in receiver.requests} == {
        str(delivery.pk)
    }


def test_a_receiver_that_is_down_is_retried(release, django_capture_on_commit_callbacks):
    down = Receiver()
    port, url = down.port, down.url
    down.stop()
    hook(url)
    with time_machine.travel(START, tick=False) as clock:
        publish(release, TARGET, django_capture_on_commit_callbacks)
        delivery = WebhookDelivery.objects.get()
        assert delivery.status == WebhookDelivery.Status.PENDING and delivery.attempts == 1
        assert delivery.response_status is None
        assert "refused" in delivery.error.lower()
        assert delivery.next_attempt_at == START + datetime.timedelta(seconds=sending.BACKOFF[0])
        back = Receiver(port=port)
        try:
            clock.move_to(delivery.next_attempt_at)
            assert webhooks_sweep.apply().get() == {"deliveries": [delivery.pk]}
        finally:
            back.stop()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.error) == ("delivered", 2, "")
    assert [bool(entry["error"]) for entry in delivery.log] == [True, False]
    assert len(back.requests) == 1


def test_a_redirect_is_not_followed(release, receiver, django_capture_on_commit_callbacks):
    receiver.answers = [Answer(302, b"", headers=(("Location", receiver.url + "/moved"),))]
    hook(receiver.url)
    publish(release, TARGET, django_capture_on_commit_callbacks)
    assert [request.path for request in receiver.requests] == ["/hook"]
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.response_status) == ("pending", 302)


def test_a_slow_receiver_times_out(
    release, receiver, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(sending, "TIMEOUT", 0.2)
    receiver.answers = [Answer(delay=1.0)]
    hook(receiver.url)
    publish(release, TARGET, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.PENDING
    assert "timed out" in delivery.error.lower() and delivery.response_status is None


def test_a_broker_outage_loses_nothing(
    release, receiver, monkeypatch, django_capture_on_commit_callbacks
):
    hook(receiver.url)
    # The broker is unreachable when the publication commits: the delivery waits for the sweep.
    eager, celery_app.conf.task_always_eager = celery_app.conf.task_always_eager, False
    monkeypatch.setattr("translations.enqueue.task_send_now", lambda *args, **kwargs: False)
    try:
        publish(release, TARGET, django_capture_on_commit_callbacks)
    finally:
        celery_app.conf.task_always_eager = eager
    assert receiver.requests == []
    monkeypatch.undo()
    delivery = WebhookDelivery.objects.get()
    assert webhooks_sweep.apply().get() == {"deliveries": [delivery.pk]}
    assert len(receiver.requests) == 1


def test_sending_again_makes_a_new_delivery(release, receiver, django_capture_on_commit_callbacks):
    webhook = hook(receiver.url)
    publish(release, TARGET, django_capture_on_commit_callbacks)
    first = WebhookDelivery.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        (again,) = deliveries_resend(WebhookDelivery.objects.filter(pk=first.pk))
    again.refresh_from_db()
    assert (again.resent_from_id, again.status, again.key) == (first.pk, "delivered", first.key)
    bodies = [verified(webhook, request) for request in receiver.requests]
    assert [body["delivery"] for body in bodies] == [first.pk, again.pk]
    assert bodies[0]["release"] == bodies[1]["release"] and bodies[0]["url"] == bodies[1]["url"]


def test_sending_again_is_refused_for_pending_or_inactive(
    release, receiver, django_capture_on_commit_callbacks
):
    webhook = hook(receiver.url)
    with django_capture_on_commit_callbacks(execute=False):
        release_publish(release, TARGET, author=user_with_role("editor"))
    pending = WebhookDelivery.objects.all()
    with pytest.raises(ValidationError, match="is still being tried; nothing was sent"):
        deliveries_resend(pending)
    WebhookDelivery.objects.update(status=WebhookDelivery.Status.FAILED, next_attempt_at=None)
    Webhook.objects.filter(pk=webhook.pk).update(active=False)
    with pytest.raises(ValidationError, match="Inactive webhooks get nothing: site"):
        deliveries_resend(WebhookDelivery.objects.all())
    with pytest.raises(ValidationError, match="Choose at least one delivery"):
        deliveries_resend(WebhookDelivery.objects.none())
    assert WebhookDelivery.objects.count() == 1 and receiver.requests == []


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/hook",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "gopher://127.0.0.1:70/",
        "http://",
        "example.org/hook",
    ],
)
def test_a_url_that_is_not_http_is_refused(db, url):
    with pytest.raises(ValidationError) as refused:
        webhook_create(url=url, events=[LANGUAGE_PUBLISHED])
    assert "A webhook URL starts with http:// or https:// and names a host." in str(refused.value)
    assert not Webhook.objects.exists()


@pytest.mark.parametrize(
    ("events", "message"),
    [([], "Choose at least one event."), (["release.deleted"], "Unknown events: release.deleted")],
)
def test_events_must_be_known(db, events, message):
    with pytest.raises(ValidationError, match=message):
        webhook_create(url="https://example.org/hook", events=events)
    assert not Webhook.objects.exists()


def test_a_new_webhook_gets_a_secret_of_its_own(db):
    first = hook("https://example.org/a")
    second = hook("HTTPS://example.org/b")
    assert len(first.secret) == 64 and first.secret != second.secret
