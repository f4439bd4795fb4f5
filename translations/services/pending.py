"""Term checks waiting for a worker: recorded with each revision, swept when left behind."""

import datetime

from django.db.models import F
from django.utils import timezone

from ..models import PendingCheck


def pending_check_record(release_id, revision_number):
    """Record that revision ``revision_number`` of a release waits for its term check.

    Called inside the revision's transaction, so a committed revision always has either its
    findings or this row. The row keeps the time it was first written: a release saved again
    and again while the broker is down is still swept.
    """
    updated = PendingCheck.objects.filter(release_id=release_id).update(
        revision_number=revision_number
    )
    if not updated:
        PendingCheck.objects.create(release_id=release_id, revision_number=revision_number)


def pending_check_done(release_id, revision_number):
    """Forget the pending check once revision ``revision_number`` (or a newer one) is checked."""
    PendingCheck.objects.filter(
        release_id=release_id, revision_number__lte=revision_number
    ).delete()


def pending_checks_due(older_than=0):
    """Return the ids of releases whose check has waited at least ``older_than`` seconds."""
    since = timezone.now() - datetime.timedelta(seconds=older_than)
    return list(
        PendingCheck.objects.filter(created_at__lte=since)
        .order_by(F("created_at").asc())
        .values_list("release_id", flat=True)
    )
