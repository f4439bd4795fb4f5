"""The term checks' Celery tasks: take ids, call a service, return a small dict."""

import logging
import time

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import OperationalError

from records.models import Release
from translations.checks import services
from translations.checks.pending import (
    GLOSSARY_RECHECK,
    RELEASE_TERMS_CHECK,
    pending_check_done,
    pending_checks_due,
    pending_recheck_expand,
    pending_rechecks_due,
)
from translations.enqueue import task_send_now

logger = logging.getLogger(__name__)


# Seconds before a term check cut off by the soft time limit runs again.
SOFT_LIMIT_RETRY_DELAY = 30


@shared_task(
    name=RELEASE_TERMS_CHECK,
    bind=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
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
    pending_check_done(release_id, release.head_number)
    return {
        "release": release_id,
        "revision": release.head_number,
        "findings": counts,
        "worker": self.request.hostname,
    }


@shared_task(name="translations.checks.pending_checks_sweep")
def pending_checks_sweep(older_than=None):
    """Enqueue again the checks and glossary re-checks left pending (by beat every minute;
    `manage.py sweep`)."""
    age = settings.CONCORD_PENDING_CHECK_AGE if older_than is None else older_than
    rechecks = pending_rechecks_due(age)
    for recheck_id in rechecks:
        task_send_now(GLOSSARY_RECHECK, recheck_id, label=f"glossary re-check {recheck_id}")
    release_ids = pending_checks_due(age)
    for release_id in release_ids:
        task_send_now(
            RELEASE_TERMS_CHECK, release_id, label=f"the term check of release {release_id}"
        )
    return {"releases": release_ids, "rechecks": rechecks}


@shared_task(
    name=GLOSSARY_RECHECK, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3
)
def glossary_recheck(recheck_id):
    """Re-check the releases that contain terms of the concepts a glossary change touched."""
    release_ids = pending_recheck_expand(recheck_id, services.releases_affected)
    if release_ids is None:
        return {"recheck": recheck_id, "skipped": "already done"}
    for release_id in release_ids:
        # A broker lost from here on leaves pending checks for the sweep.
        task_send_now(
            RELEASE_TERMS_CHECK, release_id, label=f"the term check of release {release_id}"
        )
    return {"recheck": recheck_id, "releases": release_ids}
