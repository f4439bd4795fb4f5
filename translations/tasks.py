"""Celery tasks: take ids, call a service, return a small dict."""

from celery import shared_task
from django.db import OperationalError

from records.models import Release

from . import services


@shared_task(bind=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def release_terms_check(self, release_id, force=False):
    """Check the newest revision of a release against the glossary."""
    release = Release.objects.filter(pk=release_id).first()
    if release is None:
        return {"release": release_id, "skipped": "no such release"}
    counts = services.release_terms_check(release, force=force)
    return {
        "release": release_id,
        "revision": release.head_number,
        "findings": counts,
        "worker": self.request.hostname,
    }


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def glossary_recheck(concept_ids):
    """Re-check the releases that contain terms of the changed concepts."""
    release_ids = services.releases_affected(concept_ids)
    for release_id in release_ids:
        release_terms_check.delay(release_id)
    return {"concepts": list(concept_ids), "releases": release_ids}


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def review_notify(batch):
    """Email the people concerned by one batch of review events."""
    from .review import notify

    return {"batch": batch, "sent": notify.send(batch)}
