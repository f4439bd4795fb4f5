"""The exchange's Celery tasks: a topic's zip, and sending again the zips left queued."""

from celery import shared_task
from django.conf import settings
from django.db import OperationalError

from translations.enqueue import task_send_now
from translations.exchange import bulk


# A topic's zip is small work per release; the limits keep a stuck export from holding a worker.
@shared_task(
    name=bulk.TOPIC_EXPORT_ZIP,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=120,
    time_limit=150,
)
def topic_export_zip(job_id):
    """Build the zip of every release of a topic in one language (see :mod:`.bulk`)."""
    job = bulk.topic_zip_build(job_id)
    if job is None:
        return {"job": job_id, "skipped": "no such job"}
    return {"job": job_id, "state": job["state"], "done": job["done"], "file": job["file"]}


@shared_task(name="translations.exchange.topic_zips_sweep")
def topic_zips_sweep(older_than=None):
    """Send again the topic zips still queued after ``older_than`` seconds (a broker that was
    down when they were asked for); by beat every minute and ``manage.py sweep``."""
    age = settings.CONCORD_PENDING_CHECK_AGE if older_than is None else older_than
    jobs = bulk.jobs_queued(age)
    for job_id in jobs:
        task_send_now(bulk.TOPIC_EXPORT_ZIP, job_id, label=f"the topic export {job_id}")
    return {"jobs": jobs}
