"""Celery tasks: take ids, call a service, return a small dict."""

from celery import shared_task
from django.db import OperationalError

from records.models import Release

from .services import release_check_terms, releases_affected


@shared_task(bind=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def release_check(self, release_id, force=False):
    """Check the newest revision of a release against the glossary."""
    release = Release.objects.filter(pk=release_id).first()
    if release is None:
        return {"release": release_id, "skipped": "no such release"}
    counts = release_check_terms(release, force=force)
    return {
        "release": release_id,
        "revision": release.head_number,
        "findings": counts,
        "worker": self.request.hostname,
    }


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def glossary_recheck(concept_ids):
    """Re-check the releases that contain terms of the changed concepts."""
    release_ids = releases_affected(concept_ids)
    for release_id in release_ids:
        release_check.delay(release_id)
    return {"concepts": list(concept_ids), "releases": release_ids}
