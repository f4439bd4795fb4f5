"""Celery tasks: take ids, call a service, return a small dict."""

import logging
import time

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import OperationalError
from kombu.exceptions import OperationalError as KombuOperationalError

from records.models import Release

from . import services

logger = logging.getLogger(__name__)

# Seconds before a term check cut off by the soft time limit runs again.
SOFT_LIMIT_RETRY_DELAY = 30


@shared_task(bind=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def release_terms_check(self, release_id, force=False):
    """Check the newest revision of a release against the glossary."""
    release = Release.objects.filter(pk=release_id).first()
    if release is None:
        return {"release": release_id, "skipped": "no such release"}
    if settings.CONCORD_TERMS_CHECK_TEST_PAUSE:
        time.sleep(settings.CONCORD_TERMS_CHECK_TEST_PAUSE)
    try:
        counts = services.release_terms_check(release, force=force)
    except SoftTimeLimitExceeded as error:
        # Each language's findings are stored in a transaction of their own: the languages
        # finished before the limit are kept (and skipped by the retry unless forced), the one
        # cut off wrote nothing. After max_retries the task fails with this error.
        logger.warning(
            "Term check of release %s hit the soft time limit (attempt %s); retrying",
            release_id,
            self.request.retries + 1,
        )
        raise self.retry(exc=error, countdown=SOFT_LIMIT_RETRY_DELAY) from error
    services.pending_check_done(release_id, release.head_number)
    return {
        "release": release_id,
        "revision": release.head_number,
        "findings": counts,
        "worker": self.request.hostname,
    }


def release_terms_check_enqueue(release_id):
    """Send a release's term check to the broker (no result kept, no retry loop: fails fast)."""
    release_terms_check.apply_async((release_id,), ignore_result=True)


@shared_task
def pending_checks_sweep(older_than=None):
    """Enqueue again the checks and glossary re-checks left pending (by beat every minute;
    `manage.py sweep`)."""
    age = settings.CONCORD_PENDING_CHECK_AGE if older_than is None else older_than
    rechecks = services.pending_rechecks_due(age)
    for recheck_id in rechecks:
        glossary_recheck_enqueue(recheck_id)
    release_ids = services.pending_checks_due(age)
    for release_id in release_ids:
        release_terms_check_enqueue(release_id)
    return {"releases": release_ids, "rechecks": rechecks}


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def glossary_recheck(recheck_id):
    """Re-check the releases that contain terms of the concepts a glossary change touched."""
    release_ids = services.pending_recheck_expand(recheck_id, services.releases_affected)
    if release_ids is None:
        return {"recheck": recheck_id, "skipped": "already done"}
    for release_id in release_ids:
        # A broker lost from here on leaves pending checks for the sweep.
        release_terms_check_enqueue(release_id)
    return {"recheck": recheck_id, "releases": release_ids}


def glossary_recheck_enqueue(recheck_id):
    """Send a glossary re-check to the broker; when it is unreachable the sweep sends it."""
    try:
        glossary_recheck.apply_async((recheck_id,), ignore_result=True)
    except KombuOperationalError as error:
        logger.warning(
            "Broker unreachable (%s): glossary re-check %s waits for the sweep", error, recheck_id
        )


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def review_notify(batch):
    """Email the people concerned by one batch of review events."""
    from .review import notify

    return {"batch": batch, "sent": notify.send(batch)}


# A topic's zip is small work per release; the limits keep a stuck export from holding a worker.
@shared_task(
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=120,
    time_limit=150,
)
def topic_export_zip(job_id):
    """Build the zip of every release of a topic in one language (see exchange_bulk)."""
    from .services.exchange_bulk import topic_zip_build

    job = topic_zip_build(job_id)
    if job is None:
        return {"job": job_id, "skipped": "no such job"}
    return {"job": job_id, "state": job["state"], "done": job["done"], "file": job["file"]}
