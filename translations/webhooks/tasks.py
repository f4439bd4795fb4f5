"""Webhook tasks: one attempt at one delivery, and the sweep beat runs every minute (the
deliveries due: retries, and what a broker outage or a lost task left unsent)."""

from celery import shared_task
from django.db import OperationalError

from translations.enqueue import task_send_now
from translations.webhooks.sending import delivery_attempt
from translations.webhooks.services import WEBHOOK_DELIVER, deliveries_due


@shared_task(
    name=WEBHOOK_DELIVER,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def webhook_deliver(delivery_id):
    """Make one attempt at sending a webhook delivery, if it is due."""
    return delivery_attempt(delivery_id)


@shared_task(
    name="translations.webhooks.sweep",
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def webhooks_sweep():
    """Send the webhook deliveries that are due (by beat every minute; `manage.py sweep`)."""
    ids = deliveries_due()
    for delivery_id in ids:
        task_send_now(WEBHOOK_DELIVER, delivery_id, label=f"webhook delivery {delivery_id}")
    return {"deliveries": ids}
