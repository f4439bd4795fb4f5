"""Records' Celery task: the sweep that publishes the scheduled publications that are due."""

from celery import shared_task
from django.db import OperationalError

from .scheduling import schedules_sweep

SCHEDULES_SWEEP = "records.scheduled_publications_sweep"


@shared_task(
    name=SCHEDULES_SWEEP, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3
)
def scheduled_publications_sweep():
    """Publish every scheduled publication whose time has come (by beat, every 30 seconds)."""
    return schedules_sweep()
