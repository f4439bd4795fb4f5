"""The one way to send a task: by name, after the transaction commits, never failing a save.

Work that must not be lost is written as a pending row in the same transaction before it is
sent (a ``PendingCheck``, a ``PendingRecheck``, a queued export job), so a broker that is down
only delays it: the sweep (``pending_checks_sweep`` by beat, ``manage.py sweep``) sends it
again. Sending by name keeps services free of task modules: tasks import services, never the
reverse. Without a broker (``CELERY_TASK_ALWAYS_EAGER``) the task runs in-process.
"""

import functools
import logging

from celery import current_app
from django.db import transaction
from kombu.exceptions import OperationalError as KombuOperationalError

logger = logging.getLogger(__name__)


def task_send_now(name, *args, label=""):
    """Send task ``name`` with ``args`` now; return False when the broker is unreachable.

    ``label`` names the work in the log line a broker outage leaves ("glossary re-check 7").
    """
    app = current_app
    try:
        if app.conf.task_always_eager:
            app.tasks[name].apply(args)
        else:
            app.send_task(name, args, ignore_result=True)
    except KombuOperationalError as error:
        what = label or f"task {name}{args!r}"
        logger.warning("Broker unreachable (%s): %s waits for the sweep", error, what)
        return False
    return True


def task_send(name, *args, label=""):
    """Send task ``name`` with ``args`` once the current transaction commits."""
    # robust: nothing after commit may turn an already committed save into an error.
    send = functools.partial(task_send_now, name, *args, label=label)
    transaction.on_commit(send, robust=True)
