"""Review's Celery task: the mail of one batch of review events."""

from celery import shared_task
from django.db import OperationalError

from translations.review import notify


@shared_task(
    name=notify.REVIEW_NOTIFY, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3
)
def review_notify(batch):
    """Email the people concerned by one batch of review events."""
    return {"batch": batch, "sent": notify.send(batch)}
