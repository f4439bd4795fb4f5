"""Webhooks are written here: the list an admin keeps, and the deliveries an event makes.

An event (a language version published, a language ready to publish) makes one delivery per
active webhook subscribed to it, in the transaction of what caused it; its first attempt
starts after commit (:mod:`.dispatch`: a task by name with a broker, a thread without one,
so no request waits on a receiver). A delivery is a pending row before anything is sent, so
a broker that is down only delays it: beat's sweep
(``translations.webhooks.sweep``, every minute; ``manage.py sweep``) sends what is due.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from config.middleware import request_origin
from translations.webhooks.dispatch import WEBHOOK_DELIVER, deliveries_send
from translations.webhooks.models import (
    LANGUAGE_PUBLISHED,
    LANGUAGE_READY,
    Webhook,
    WebhookDelivery,
)

# At most this many deliveries are sent again by one sweep (the next sweep sends the rest).
SWEEP_BATCH = 500


def secret_new():
    """Return a new signing secret (256 random bits, hex)."""
    return secrets.token_hex(32)


@transaction.atomic
def webhook_save(webhook):
    """Validate and save ``webhook`` (a new one gets its secret); refuse a URL that is not
    http(s) or an empty or unknown list of events, saving nothing."""
    webhook.url = (webhook.url or "").strip()
    webhook.events = list(dict.fromkeys(webhook.events or []))
    if not webhook.secret:
        webhook.secret = secret_new()
    webhook.full_clean()
    webhook.save()
    return webhook


def webhook_create(*, url, events, description="", active=True):
    """Create a webhook that receives ``events`` at ``url``; return it."""
    return webhook_save(Webhook(url=url, events=events, description=description, active=active))


@transaction.atomic
def webhook_secret_rotate(webhook):
    """Give ``webhook`` a new secret (the old one no longer verifies); return it."""
    webhook.secret = secret_new()
    Webhook.objects.filter(pk=webhook.pk).update(secret=webhook.secret)
    return webhook.secret


def base_url():
    """Return where links start: ``CONCORD_BASE_URL``, else the address of the current
    request, else "" (links stay paths)."""
    return (settings.CONCORD_BASE_URL or request_origin() or "").rstrip("/")


def release_fields(release, language):
    """Return what a payload tells of ``release``: id, slug and its title in ``language``
    (its source language's title where that one is empty)."""
    title = getattr(release, f"title_{language}", "") or ""
    if not title:
        title = getattr(release, f"title_{release.source_language}", "") or ""
    return {"id": release.pk, "slug": release.slug, "title": title}


def webhooks_fire(event, *, release, language, revision, key, url=None):
    """Record one delivery of ``event`` for every active webhook subscribed to it (once per
    webhook and ``key``), inside the current transaction; send them once it commits.

    Return the deliveries' ids.
    """
    hooks = [hook.pk for hook in Webhook.objects.filter(active=True) if event in hook.events]
    if not hooks:
        return []
    payload = {
        "release": release_fields(release, language),
        "language": language,
        "revision": revision,
        "url": url,
    }
    now = timezone.now()
    rows = [
        WebhookDelivery(
            webhook_id=hook,
            event=event,
            key=key[:200],
            payload=payload,
            created=now,
            next_attempt_at=now,
        )
        for hook in hooks
    ]
    # An event already recorded for a webhook (another process, a second call) is kept as is.
    WebhookDelivery.objects.bulk_create(rows, ignore_conflicts=True)
    ids = list(
        WebhookDelivery.objects.filter(
            webhook_id__in=hooks,
            key=key[:200],
            resent_from__isnull=True,
            status=WebhookDelivery.Status.PENDING,
            attempts=0,
        ).values_list("pk", flat=True)
    )
    deliveries_send(ids)
    return ids


def reader_url(publication):
    """Return the address of ``publication``'s page on the reader site."""
    with translation.override(publication.language):
        path = reverse("records:release_detail", args=[publication.slug])
    return f"{base_url()}{path}"


def webhooks_after_publication(publication):
    """Tell the webhooks that ``publication``'s language version was published (a
    publication listener: runs in the publishing transaction)."""
    return webhooks_fire(
        LANGUAGE_PUBLISHED,
        release=publication.release,
        language=publication.language,
        revision=publication.revision.number,
        key=f"published:{publication.pk}",
        url=reader_url(publication),
    )


def webhooks_language_ready(release, language, revision):
    """Tell the webhooks that ``language`` of revision ``revision`` of ``release`` is ready
    to publish (once per release, language and revision)."""
    return webhooks_fire(
        LANGUAGE_READY,
        release=release,
        language=language,
        revision=revision,
        key=f"ready:{release.pk}:{language}:{revision}",
    )


@transaction.atomic
def deliveries_resend(deliveries):
    """Send ``deliveries`` again, each as a new delivery of the same event and payload;
    return the new ones. Refuse (sending nothing) when one is still pending or its webhook
    is inactive."""
    deliveries = list(deliveries.select_related("webhook").order_by("pk"))
    if not deliveries:
        raise ValidationError(_("Choose at least one delivery; nothing was sent."))
    pending = [d.pk for d in deliveries if d.status == WebhookDelivery.Status.PENDING]
    if pending:
        raise ValidationError(
            ngettext(
                "Delivery %(ids)s is still being tried; nothing was sent.",
                "Deliveries %(ids)s are still being tried; nothing was sent.",
                len(pending),
            )
            % {"ids": ", ".join(f"#{pk}" for pk in pending[:10])}
        )
    inactive = sorted({str(d.webhook) for d in deliveries if not d.webhook.active})
    if inactive:
        raise ValidationError(
            _("Inactive webhooks get nothing: %(hooks)s; nothing was sent.")
            % {"hooks": ", ".join(inactive[:5])}
        )
    now = timezone.now()
    created = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(
            webhook=delivery.webhook,
            event=delivery.event,
            key=delivery.key,
            payload=delivery.payload,
            created=now,
            next_attempt_at=now,
            resent_from=delivery,
        )
        for delivery in deliveries
    )
    deliveries_send(delivery.pk for delivery in created)
    return created


def deliveries_due(limit=SWEEP_BATCH):
    """Return the ids of pending deliveries due now whose webhook is active, oldest due
    first."""
    return list(
        WebhookDelivery.objects.filter(
            status=WebhookDelivery.Status.PENDING,
            next_attempt_at__lte=timezone.now(),
            webhook__active=True,
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )


__all__ = [
    "LANGUAGE_PUBLISHED",
    "LANGUAGE_READY",
    "WEBHOOK_DELIVER",
    "deliveries_due",
    "deliveries_resend",
    "webhook_create",
    "webhook_save",
    "webhook_secret_rotate",
    "webhooks_after_publication",
    "webhooks_fire",
    "webhooks_language_ready",
]
