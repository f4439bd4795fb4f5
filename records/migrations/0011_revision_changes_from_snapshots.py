"""Rewrite every revision's full snapshot as what it changed, and prove nothing was lost.

Release by release, revision by revision in number order, each snapshot is stored as its
changes against the one before; then every revision is read back from the new tables and must
equal its old snapshot and have the checksum the revision row keeps. The first revision that
does not stops the migration, which then changes nothing (it runs in one transaction).
"""

from django.db import migrations

from records.revisions import HistoryModels, revisions_store, snapshots_read
from records.snapshots import snapshot_checksum

# Revisions read, rewritten and verified at a time (their full snapshots are in memory).
CHUNK = 50


class SnapshotMismatch(RuntimeError):
    """A revision that would read back differently: the migration refuses to finish."""


def _verify(release, revisions, read):
    for revision in revisions:
        content = read[revision.pk]
        checksum = snapshot_checksum(content)
        if content != revision.snapshot or checksum != revision.checksum:
            raise SnapshotMismatch(
                f"revision {revision.number} of release “{release}” reads back with checksum "
                f"{checksum}, not {revision.checksum} as recorded: the migration stops and "
                "changes nothing; repair that revision's snapshot or checksum and run it again"
            )


def forwards(apps, schema_editor):
    Revision = apps.get_model("records", "Revision")
    Release = apps.get_model("records", "Release")
    models = HistoryModels(
        slot=apps.get_model("records", "RevisionSlot"),
        change=apps.get_model("records", "RevisionChange"),
        text=apps.get_model("records", "RevisionText"),
    )
    for release in Release.objects.order_by("pk").iterator():
        ids = list(
            Revision.objects.filter(release=release).order_by("number").values_list("pk", flat=True)
        )
        previous = None
        for start in range(0, len(ids), CHUNK):
            revisions = list(
                Revision.objects.filter(pk__in=ids[start : start + CHUNK]).order_by("number")
            )
            entries = []
            for revision in revisions:
                entries.append((revision, revision.snapshot, previous))
                previous = revision.snapshot
            revisions_store(entries, models)
            _verify(release.slug, revisions, snapshots_read(revisions, models))


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0010_revision_changes"),
    ]

    # Backwards, 0010 drops the tables this fills.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
