"""Scheduled publications: a release's languages published together at a chosen time.

- :mod:`.models` — ``ScheduledPublication`` (imported by ``records.models``);
- :mod:`.services` — scheduling, cancelling, and the sweep that publishes what is due;
- :mod:`.notify` — the mail an editor gets when a due schedule was refused.

The sweep runs as the Celery beat task ``records.scheduled_publications_sweep``
(``records.tasks``) and from ``manage.py sweep``.
"""

from .services import (
    LATE_AFTER,
    ScheduleError,
    moment,
    publication_schedule,
    schedule_cancel,
    schedule_run,
    schedule_warnings,
    schedules_due,
    schedules_sweep,
)

__all__ = [
    "LATE_AFTER",
    "ScheduleError",
    "moment",
    "publication_schedule",
    "schedule_cancel",
    "schedule_run",
    "schedule_warnings",
    "schedules_due",
    "schedules_sweep",
]
