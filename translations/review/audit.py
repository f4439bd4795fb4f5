"""The one way a review action is recorded: its events, its audit line and its notifications.

Every submit, approval, request for changes, override, comment and resolution calls
:func:`review_audit` inside its transaction: an ``Event`` per unit (append-only, like
revisions), the ``concord.audit`` JSON line once the transaction commits (``records.logs``),
and the mail of the batch to those concerned (:mod:`.notify`).
"""

import uuid

from records.logs import audit as audit_line
from translations.review import notify
from translations.review.models import Event


def review_audit(
    action, *, user, release, language, units, log, reason="", details=None, batch=None
):
    """Record review ``action`` by ``user`` on ``units`` and return the batch id.

    ``units``: (key, state before, state after) for each unit; ``reason`` is kept on the
    events; ``log`` names the audit line, which carries ``details`` (by default the unit keys,
    the batch and the reason). ``batch`` joins the events to an existing batch (one action's).
    """
    batch = batch or uuid.uuid4()
    Event.objects.bulk_create(
        [
            Event(
                release=release,
                key=key,
                language=language,
                action=action,
                from_state=before,
                to_state=after,
                revision_number=release.head_number,
                actor=user,
                reason=reason,
                batch=batch,
            )
            for key, before, after in units
        ]
    )
    if action in notify.NOTIFIED:
        notify.enqueue(batch)
    if not details:
        details = {"units": [key for key, _, _ in units], "batch": batch, "reason": reason}
    audit_line(log, user=user, release=release, language=language, **details)
    return batch
