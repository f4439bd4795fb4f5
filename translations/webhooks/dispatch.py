"""How new deliveries get their first attempt once the transaction that made them commits.

With a broker, a task per delivery (``translations.webhooks.deliver``) makes it on a worker.
Without one (``CELERY_BROKER_URL`` unset: eager Celery, a fresh machine, ``make demo``) that
task would run inside the request that made the event and hold its answer for as long as the
receiver takes (up to ``sending.TIMEOUT`` to connect and again for each read). Instead a
daemon thread makes the attempts after commit, and the request answers at once.

Nothing is lost or sent twice either way: an attempt claims its delivery first
(:func:`.sending.delivery_claim`), so the thread, the sweep and "Send again" never POST one
twice, and a process that stops in the middle of an attempt leaves the delivery due again
after the claim's lease, for ``manage.py sweep``. Retries wait for the sweep as before.
"""

import logging
import threading

from celery import current_app
from django.db import close_old_connections, connections, transaction

from translations.enqueue import task_send
from translations.webhooks.sending import delivery_attempt

logger = logging.getLogger(__name__)

# The task that sends one delivery (translations.webhooks.tasks), by name.
WEBHOOK_DELIVER = "translations.webhooks.deliver"
# Without a broker, attempts run in a thread of their own; False runs them where the
# transaction commits (the tests do, as their database transaction is not visible elsewhere).
IN_THREAD = True

_threads = set()
_lock = threading.Lock()


def deliveries_send(ids):
    """Make the first attempt at each of ``ids`` once the current transaction commits."""
    ids = list(ids)
    if not ids:
        return
    if not current_app.conf.task_always_eager:
        for delivery_id in ids:
            task_send(WEBHOOK_DELIVER, delivery_id, label=f"webhook delivery {delivery_id}")
        return
    transaction.on_commit(lambda: _start(ids), robust=True)


def _start(ids):
    if not IN_THREAD:
        _attempts(ids)
        return
    thread = threading.Thread(
        target=_in_thread, args=(ids,), name="webhook-deliveries", daemon=True
    )
    with _lock:
        _threads.add(thread)
    thread.start()


def _attempts(ids):
    for delivery_id in ids:
        try:
            delivery_attempt(delivery_id)
        except Exception:
            # A database error: the claim's lease runs out and the sweep tries it again.
            logger.exception("Webhook delivery %s: the attempt failed", delivery_id)


def _in_thread(ids):
    try:
        close_old_connections()
        _attempts(ids)
    finally:
        connections.close_all()
        with _lock:
            _threads.discard(threading.current_thread())


def threads_join(timeout=None):
    """Wait for the attempts running in threads to end (at most ``timeout`` seconds each)."""
    with _lock:
        running = list(_threads)
    for thread in running:
        thread.join(timeout)
    with _lock:
        return sum(1 for thread in _threads if thread.is_alive())
