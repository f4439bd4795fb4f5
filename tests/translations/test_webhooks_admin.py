"""The webhooks' admin pages: the list superusers keep, the deliveries (read-only, "Send
again"), and nobody else."""

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.helpers import command_output
from tests.receiver import Receiver
from tests.scenarios import user_with_role
from translations.webhooks.models import (
    LANGUAGE_PUBLISHED,
    LANGUAGE_READY,
    Webhook,
    WebhookDelivery,
)
from translations.webhooks.services import webhook_create

pytestmark = pytest.mark.django_db

ADD = reverse("admin:translations_webhook_add")
WEBHOOKS = reverse("admin:translations_webhook_changelist")
DELIVERIES = reverse("admin:translations_webhookdelivery_changelist")


@pytest.fixture
def admin_client(client, roles):
    client.force_login(user_with_role("admin"))
    return client


@pytest.fixture
def receiver():
    found = Receiver()
    yield found
    found.stop()


def deliveries(webhook, count, status=WebhookDelivery.Status.DELIVERED, start=0):
    now = timezone.now()
    return WebhookDelivery.objects.bulk_create(
        WebhookDelivery(
            webhook=webhook,
            event=LANGUAGE_PUBLISHED,
            key=f"published:{n}",
            payload={"release": {"id": n, "slug": f"release-{n}", "title": "T"}, "language": "ja"},
            status=status,
            attempts=1,
            response_status=200,
            log=[{"at": now.isoformat(), "status": 200, "excerpt": "ok", "error": ""}],
            next_attempt_at=now if status == WebhookDelivery.Status.PENDING else None,
        )
        for n in range(start, start + count)
    )


def test_a_superuser_adds_a_webhook_and_sees_its_secret(admin_client):
    response = admin_client.post(
        ADD,
        {
            "url": "https://site.example/concord",
            "description": "public site",
            "events": [LANGUAGE_PUBLISHED],
            "active": "on",
        },
    )
    assert response.status_code == 302
    webhook = Webhook.objects.get()
    assert (webhook.url, webhook.events, webhook.active) == (
        "https://site.example/concord",
        [LANGUAGE_PUBLISHED],
        True,
    )
    assert len(webhook.secret) == 64
    page = admin_client.get(reverse("admin:translations_webhook_change", args=[webhook.pk]))
    assert webhook.secret in page.content.decode()
    # The secret is not a field of the form: a POST cannot set it.
    admin_client.post(
        reverse("admin:translations_webhook_change", args=[webhook.pk]),
        {
            "url": webhook.url,
            "description": "public site",
            "events": [LANGUAGE_PUBLISHED, LANGUAGE_READY],
            "active": "on",
            "secret": "chosen",
        },
    )
    changed = Webhook.objects.get()
    assert changed.secret == webhook.secret and changed.events == [
        LANGUAGE_PUBLISHED,
        LANGUAGE_READY,
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"url": "file:///etc/passwd", "events": [LANGUAGE_PUBLISHED]}, "starts with http://"),
        ({"url": "ftp://site.example/", "events": [LANGUAGE_READY]}, "starts with http://"),
        ({"url": "https://site.example/", "events": []}, "This field is required."),
        (
            {"url": "https://site.example/", "events": ["release.deleted"]},
            "not one of the available",
        ),
    ],
)
def test_the_form_refuses_bad_input_and_creates_nothing(admin_client, data, message):
    response = admin_client.post(ADD, {**data, "description": "x"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Webhook.objects.exists()


def test_a_new_secret_replaces_the_old(admin_client):
    webhook = webhook_create(url="https://site.example/", events=[LANGUAGE_PUBLISHED])
    response = admin_client.post(
        WEBHOOKS, {"action": "rotate_secret", "_selected_action": [webhook.pk]}
    )
    assert response.status_code == 302
    assert Webhook.objects.get().secret != webhook.secret


@pytest.mark.parametrize("role", ["editor", "terminologist"])
def test_other_staff_see_no_webhooks(client, roles, role):
    client.force_login(user_with_role(role))
    webhook = webhook_create(url="https://site.example/", events=[LANGUAGE_PUBLISHED])
    (delivery,) = deliveries(webhook, 1)
    for url in (
        WEBHOOKS,
        ADD,
        DELIVERIES,
        reverse("admin:translations_webhook_change", args=[webhook.pk]),
        reverse("admin:translations_webhookdelivery_change", args=[delivery.pk]),
    ):
        assert client.get(url).status_code == 403, url
    response = client.post(DELIVERIES, {"action": "send_again", "_selected_action": [delivery.pk]})
    assert response.status_code == 403
    assert WebhookDelivery.objects.count() == 1
    assert "webhook" not in client.get(reverse("admin:index")).content.decode().lower()


def test_the_deliveries_list_costs_the_same_queries_for_2_or_40(
    admin_client, django_assert_num_queries
):
    webhook = webhook_create(url="https://site.example/", events=[LANGUAGE_PUBLISHED])
    deliveries(webhook, 2)
    admin_client.get(DELIVERIES)
    with CaptureQueriesContext(connection) as few:
        assert admin_client.get(DELIVERIES).status_code == 200
    WebhookDelivery.objects.all().delete()
    deliveries(webhook, 40)
    with django_assert_num_queries(len(few.captured_queries)):
        page = admin_client.get(DELIVERIES)
    assert page.content.decode().count("release-3") >= 1


def test_a_delivery_page_is_read_only_and_shows_its_attempts(admin_client):
    webhook = webhook_create(url="https://site.example/", events=[LANGUAGE_PUBLISHED])
    (delivery,) = deliveries(webhook, 1)
    url = reverse("admin:translations_webhookdelivery_change", args=[delivery.pk])
    page = admin_client.get(url).content.decode()
    assert "release-0" in page and "&quot;excerpt&quot;: &quot;ok&quot;" in page
    assert 'name="_save"' not in page
    assert admin_client.get(reverse("admin:translations_webhookdelivery_add")).status_code == 403


def test_send_again_from_the_list(admin_client, receiver, django_capture_on_commit_callbacks):
    webhook = webhook_create(url=receiver.url, events=[LANGUAGE_PUBLISHED])
    (delivered,) = deliveries(webhook, 1)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            DELIVERIES, {"action": "send_again", "_selected_action": [delivered.pk]}
        )
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["1 delivery is sent again."]
    again = WebhookDelivery.objects.get(resent_from=delivered)
    assert again.status == WebhookDelivery.Status.DELIVERED
    assert [request.headers["X-Concord-Delivery"] for request in receiver.requests] == [
        str(again.pk)
    ]


def test_send_again_refuses_a_pending_delivery_and_sends_nothing(
    admin_client, receiver, django_capture_on_commit_callbacks
):
    webhook = webhook_create(url=receiver.url, events=[LANGUAGE_PUBLISHED])
    delivered, pending = deliveries(webhook, 1) + deliveries(
        webhook, 1, WebhookDelivery.Status.PENDING, start=1
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            DELIVERIES,
            {"action": "send_again", "_selected_action": [delivered.pk, pending.pk]},
        )
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"Delivery #{pending.pk} is still being tried; nothing was sent."
    ]
    assert WebhookDelivery.objects.count() == 2 and receiver.requests == []


def test_the_sweep_command_sends_what_is_due(roles, receiver):
    webhook = webhook_create(url=receiver.url, events=[LANGUAGE_PUBLISHED])
    deliveries(webhook, 1, WebhookDelivery.Status.PENDING)
    assert "1 webhook delivery that was due sent" in command_output("sweep")[0]
    assert len(receiver.requests) == 1
    assert "0 webhook deliveries that were due sent" in command_output("sweep")[0]
