"""Without a broker (eager Celery), a publication's request does not wait on a slow webhook
receiver: the first attempt runs in a thread after commit, and still delivers."""

import threading
import time

import pytest
from django.db import transaction

from config import languages
from records.services import release_publish
from tests.receiver import Answer, Receiver
from tests.scenarios import release_with, user_with_role
from translations.webhooks import dispatch
from translations.webhooks.models import WebhookDelivery
from translations.webhooks.services import LANGUAGE_PUBLISHED, webhook_create

# Committed for real: the thread reads the delivery with a connection of its own.
pytestmark = pytest.mark.django_db(transaction=True)

TARGET = languages.targets(languages.DEFAULT_SOURCE)[0]


@pytest.fixture
def held():
    """A receiver that holds each request until the test lets it answer."""
    hold = threading.Event()
    receiver = Receiver(answers=[Answer(hold=hold)])
    yield receiver, hold
    hold.set()
    dispatch.threads_join(10)
    receiver.stop()


def test_a_slow_receiver_does_not_hold_the_publishing_request(held, monkeypatch):
    receiver, hold = held
    monkeypatch.setattr(dispatch, "IN_THREAD", True)
    webhook_create(url=receiver.url, events=[LANGUAGE_PUBLISHED])
    release = release_with(languages=languages.CODES)

    with transaction.atomic():
        release_publish(release, TARGET, author=user_with_role("editor"))

    # Back from the publication while the receiver still holds the POST: the attempt is
    # claimed and in progress, with no outcome (an attempt made inline would have timed out).
    for _ in range(200):
        if receiver.requests:
            break
        time.sleep(0.05)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.error) == ("pending", 1, "")
    assert delivery.response_status is None and delivery.log == []

    hold.set()
    assert dispatch.threads_join(10) == 0
    delivery.refresh_from_db()
    assert (delivery.status, delivery.response_status) == ("delivered", 200)
    assert len(receiver.requests) == 1


def test_without_the_thread_the_attempt_runs_where_it_commits(held):
    receiver, hold = held
    hold.set()
    webhook_create(url=receiver.url, events=[LANGUAGE_PUBLISHED])
    release = release_with(languages=languages.CODES)
    with transaction.atomic():
        release_publish(release, TARGET, author=user_with_role("editor"))
    assert WebhookDelivery.objects.get().status == "delivered"
    assert len(receiver.requests) == 1
