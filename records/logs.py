"""Audit log: one JSON line per service action (who did what to which release and language).

The ``concord.audit`` logger writes the line once the action's transaction commits, so a
refused or rolled-back action logs nothing.
"""

import json
import logging

from django.db import transaction

logger = logging.getLogger("concord.audit")


def audit(action, *, user, release, language=None, **details):
    """Log ``action`` by ``user`` (None: the system) on ``release`` after commit."""
    entry = {
        "action": action,
        "user": user.get_username() if user is not None else None,
        "release": release.pk,
        "slug": release.slug,
        "language": language,
        **details,
    }
    line = json.dumps(entry, ensure_ascii=False, default=str)
    transaction.on_commit(lambda: logger.info(line, extra={"audit": entry}))
