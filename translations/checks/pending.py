"""Term checks waiting for a worker: recorded with each revision, swept when left behind."""

import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from records.models import Release
from translations.checks.models import CheckRun, PendingCheck, PendingRecheck
from translations.enqueue import task_send

# The tasks that do the pending work (translations.checks.tasks), sent by name.
RELEASE_TERMS_CHECK = "translations.checks.release_terms_check"
GLOSSARY_RECHECK = "translations.checks.glossary_recheck"

# Releases per query when turning a glossary re-check into pending checks.
RECHECK_CHUNK = 500


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


def check_runs_forget():
    """Make every release checked so far wait for a new check of its newest revision (when
    what the checks look at grew): its run is deleted and a pending check recorded, which the
    sweep sends. The findings stay until that check replaces them; approving or publishing
    checks at once, as with any pending check."""
    waiting = set(PendingCheck.objects.values_list("release_id", flat=True))
    checked = set(CheckRun.objects.values_list("release_id", flat=True)) - waiting
    for start in range(0, len(checked), RECHECK_CHUNK):
        chunk = sorted(checked)[start : start + RECHECK_CHUNK]
        PendingCheck.objects.bulk_create(
            PendingCheck(release_id=pk, revision_number=head)
            for pk, head in Release.objects.filter(pk__in=chunk).values_list("pk", "head_number")
        )
    CheckRun.objects.all().delete()


def pending_checks_due(older_than=0):
    """Return the ids of releases whose check has waited at least ``older_than`` seconds."""
    since = timezone.now() - datetime.timedelta(seconds=older_than)
    return list(
        PendingCheck.objects.filter(created_at__lte=since)
        .order_by(F("created_at").asc())
        .values_list("release_id", flat=True)
    )


def pending_recheck_record(concept_ids, new_terms=None):
    """Record, in the glossary change's transaction, that its releases wait to be re-checked.

    Returns the row; :func:`pending_recheck_expand` turns it into pending checks.
    """
    return PendingRecheck.objects.create(
        concepts=sorted(set(concept_ids)),
        new_terms=None if new_terms is None else sorted(set(new_terms)),
    )


def pending_recheck_expand(recheck_id, find_releases):
    """Turn a pending glossary re-check into a pending check of each affected release.

    ``find_releases(concept_ids, new_terms)`` returns the affected release ids. In one
    transaction every such release gets a pending check (an existing one is kept) and the
    re-check row is deleted, so a task killed half way repeats the whole step and a broker
    lost after it leaves rows for the sweep. Returns the release ids (None for an unknown or
    already expanded row).
    """
    with transaction.atomic():
        recheck = PendingRecheck.objects.select_for_update().filter(pk=recheck_id).first()
        if recheck is None:
            return None
        release_ids = list(find_releases(recheck.concepts, recheck.new_terms))
        for start in range(0, len(release_ids), RECHECK_CHUNK):
            chunk = release_ids[start : start + RECHECK_CHUNK]
            waiting = set(
                PendingCheck.objects.filter(release_id__in=chunk).values_list(
                    "release_id", flat=True
                )
            )
            heads = Release.objects.filter(pk__in=chunk).exclude(pk__in=waiting)
            PendingCheck.objects.bulk_create(
                PendingCheck(release_id=pk, revision_number=head)
                for pk, head in heads.values_list("pk", "head_number")
            )
        recheck.delete()
    return release_ids


def pending_rechecks_due(older_than=0):
    """Return the ids of glossary re-checks that have waited at least ``older_than`` seconds."""
    since = timezone.now() - datetime.timedelta(seconds=older_than)
    return list(
        PendingRecheck.objects.filter(created_at__lte=since)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
    )


def pending_check_after_revision(revision, context=None):
    """Record the term check of a new revision as pending in its transaction; send it after
    commit (a revision listener: see ``records.extensions``)."""
    pending_check_record(revision.release_id, revision.number)
    task_send(
        RELEASE_TERMS_CHECK,
        revision.release_id,
        label=f"the term check of release {revision.release_id}",
    )


def glossary_recheck_record(concept_ids, new_terms=None):
    """Record, in a glossary change's transaction, that the releases using ``concept_ids`` wait
    to be re-checked; send the re-check after commit (a listener of
    :func:`translations.glossary.changes.glossary_changed`)."""
    recheck = pending_recheck_record(concept_ids, new_terms)
    task_send(GLOSSARY_RECHECK, recheck.pk, label=f"glossary re-check {recheck.pk}")
