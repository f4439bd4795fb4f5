"""Notification tasks: the mail of one action's batch, and the sweep beat runs every minute
(hourly and daily digests when due, and mail a lost task left unsent)."""

from smtplib import SMTPException

from celery import shared_task
from django.db import OperationalError

from translations.notifications import mail
from translations.notifications.services import NOTIFICATIONS_SEND

# A database that is briefly away, a mail server that refused or could not be reached.
RETRIED = (OperationalError, SMTPException, OSError)


@shared_task(
    name=NOTIFICATIONS_SEND,
    autoretry_for=RETRIED,
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=6,
)
def notifications_send(batch):
    """Mail the notifications of one batch to those who want mail at once."""
    return {"batch": batch, "sent": mail.batch_send(batch)}


@shared_task(
    name="translations.notifications.sweep",
    autoretry_for=RETRIED,
    retry_backoff=True,
    max_retries=3,
)
def notifications_sweep():
    """Mail the digests that are due, and anything a lost task left unsent."""
    return {"sent": mail.digests_send()}
