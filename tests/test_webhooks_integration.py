"""Webhooks through a real broker and Celery worker (runs when CELERY_BROKER_URL is set): the
worker, another process, POSTs to a receiver this test runs on loopback."""

import hashlib
import hmac
import json

import pytest

from config import languages
from records.services import release_publish
from tests.helpers import wait_for, worker_idle
from tests.receiver import Receiver
from tests.scenarios import release_with, user_with_role
from translations.webhooks.models import LANGUAGE_PUBLISHED, WebhookDelivery
from translations.webhooks.services import webhook_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _drain_worker():
    """Let the worker finish this test's tasks before the database is flushed."""
    yield
    wait_for(worker_idle, "the worker finishing its tasks")


@pytest.fixture
def receiver():
    found = Receiver()
    yield found
    found.stop()


def test_the_worker_delivers_a_publication_to_the_receiver(roles, receiver):
    release = release_with(languages=languages.CODES)
    webhook = webhook_create(url=receiver.url, events=[LANGUAGE_PUBLISHED])
    target = languages.targets(release.source_language)[0]

    publication, _created = release_publish(release, target, author=user_with_role("editor"))

    wait_for(lambda: receiver.requests, "the worker's POST to the receiver")
    delivery = wait_for(
        lambda: WebhookDelivery.objects.filter(status=WebhookDelivery.Status.DELIVERED).first(),
        "the delivery recorded as delivered",
    )
    (request,) = receiver.requests
    expected = hmac.new(webhook.secret.encode(), request.body, hashlib.sha256).hexdigest()
    assert request.headers["X-Concord-Signature"] == f"sha256={expected}"
    document = json.loads(request.body)
    assert (document["event"], document["delivery"]) == (LANGUAGE_PUBLISHED, delivery.pk)
    assert (document["language"], document["revision"]) == (target, publication.revision.number)
    assert (delivery.attempts, delivery.response_status) == (1, 200)
