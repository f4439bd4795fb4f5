"""Every release of a topic in one language as one zip of PO or XLIFF files, built by Celery.

A job is a small JSON file next to its zip, ``<EXCHANGE_EXPORT_DIR>/<job id>.json``: who
asked, what, and its progress, which the status page polls. A file (not the cache, which is
per process without Redis) because the web process and the worker share that directory
anyway: the worker writes the zip the web process serves. The task takes the job id, is
idempotent (a finished job is not built again; a half-written zip or status is never
visible: each is written aside and renamed) and writes ``<job id>.zip``.
"""

import json
import os
import re
import time
import uuid
import zipfile
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from config import languages
from records import permissions
from records.models import Release
from records.services import ActionNotAllowed
from translations.enqueue import task_send
from translations.exchange.services import exchange_format, release_file_export, release_file_name

_JOB_ID = re.compile(r"[0-9a-f]{32}")
QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
# The task that builds a zip (translations.exchange.tasks), sent by name.
TOPIC_EXPORT_ZIP = "translations.exchange.topic_export_zip"
# Zip members carry a fixed time: the same revisions export byte-identically.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def export_dir():
    """Return the directory exports are written to (created when missing)."""
    path = Path(getattr(settings, "EXCHANGE_EXPORT_DIR", settings.VAR_DIR / "exports"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _status_path(job_id):
    # The id comes from a URL: only a job id ever names a file.
    if not _JOB_ID.fullmatch(job_id or ""):
        return None
    return export_dir() / f"{job_id}.json"


def topic_releases(topic, language):
    """Return the releases of ``topic`` that ``language`` is a target of, oldest first."""
    return [
        release
        for release in Release.objects.filter(topic=topic).order_by("date", "slug")
        if language in release.target_languages
    ]


def topic_zip_start(topic, language, fmt, user):
    """Queue the zip of ``topic`` in ``language``; return the job id."""
    exchange_format(fmt)
    if language not in permissions.editable_languages(user):
        raise ActionNotAllowed(
            _("%(user)s may not export the %(language)s text")
            % {"user": user.get_username(), "language": languages.name_in_sentence(language)}
        )
    job_id = uuid.uuid4().hex
    job = {
        "id": job_id,
        "topic": topic.pk,
        "topic_name": str(topic),
        "language": language,
        "format": fmt,
        "user": user.pk,
        "state": QUEUED,
        "done": 0,
        "total": len(topic_releases(topic, language)),
        "file": "",
        "error": "",
    }
    _write(job)
    task_send(TOPIC_EXPORT_ZIP, job_id, label=f"the topic export {job_id}")
    return job_id


def jobs_queued(older_than=0):
    """Return the ids of jobs still queued ``older_than`` seconds after they were asked for
    (their task never reached a worker), oldest first."""
    limit = time.time() - older_than
    found = []
    for path in export_dir().glob("*.json"):
        job = job_status(path.stem)
        if job is not None and job["state"] == QUEUED and path.stat().st_mtime <= limit:
            found.append((path.stat().st_mtime, job["id"]))
    return [job_id for _, job_id in sorted(found)]


def job_status(job_id):
    """Return the job's state (a dict), or None for an unknown job."""
    path = _status_path(job_id)
    try:
        return json.loads(path.read_text("utf-8")) if path else None
    except (OSError, ValueError):
        return None


def job_file(job):
    """Return the path of a finished job's zip, or None."""
    if job is None or job["state"] != DONE or not job["file"]:
        return None
    path = export_dir() / job["file"]
    return path if path.is_file() else None


def _write(job):
    path = _status_path(job["id"])
    partial = path.with_suffix(".json.part")
    partial.write_text(json.dumps(job), "utf-8")
    os.replace(partial, path)


def _save(job, **changes):
    job.update(changes)
    _write(job)


def topic_zip_build(job_id):
    """Build the zip of a queued job, recording progress per release; return the job."""
    from records.models import Topic

    job = job_status(job_id)
    if job is None or job_file(job) is not None:
        return job
    topic = Topic.objects.filter(pk=job["topic"]).first()
    if topic is None:
        _save(job, state=FAILED, error=_("the topic no longer exists"))
        return job
    releases = topic_releases(topic, job["language"])
    _save(job, state=RUNNING, done=0, total=len(releases))
    final = export_dir() / f"{job_id}.zip"
    partial = final.with_suffix(".part")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for number, release in enumerate(releases, start=1):
                data = release_file_export(release, job["language"], job["format"])
                name = release_file_name(release, job["language"], None, job["format"])
                info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
                _save(job, done=number)
        os.replace(partial, final)
    except Exception as error:
        partial.unlink(missing_ok=True)
        _save(job, state=FAILED, error=str(error))
        raise
    _save(job, state=DONE, file=final.name)
    return job
