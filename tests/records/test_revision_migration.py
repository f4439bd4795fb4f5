"""The migration from full snapshots to stored changes: nothing lost, or nothing done."""

import importlib
import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from records.guards import guard_set
from records.models import Revision, RevisionChange
from records.snapshots import snapshot_checksum

BEFORE = ("records", "0009_photo_image")
DATA = importlib.import_module("records.migrations.0011_revision_changes_from_snapshots")


def executor():
    found = MigrationExecutor(connection)
    found.loader.build_graph()
    return found


def migrate(target):
    executor().migrate([target])


def latest():
    # Every app's newest migrations: going back in records also took back the translations
    # migrations that depend on it.
    executor().migrate(executor().loader.graph.leaf_nodes())


def old_models():
    """Return the models as they were before revisions stored their changes."""
    return executor().loader.project_state([BEFORE]).apps


def segment(text, kind="paragraph", level=0, **extra):
    return {"key": str(uuid.uuid4()), "kind": kind, "level": level, "text": text, **extra}


def history():
    """Snapshots of two releases as Concord wrote them over its schema versions."""
    first = [segment({"en": "Leaders met.", "ja": "", "ru": ""}, style="")]
    heading = segment({"en": "1. Talks", "ja": "", "ru": ""}, "heading", 1, style="decimal")
    photo = {"key": str(uuid.uuid4()), "caption": {"en": "Leaders"}, "credit": {"en": "Office"}}
    v1 = {
        "schema_version": 1,
        "slug": "summit",
        "date": "2017-07-07",
        "topic": "relations",
        "title": {"en": "Summit", "ja": "", "ru": ""},
        "photos": [],
        "segments": [{k: v for k, v in first[0].items() if k != "style"}],
    }
    v2 = {
        **v1,
        "schema_version": 2,
        "source_language": "en",
        "topic_name": {"en": "Relations", "ja": "", "ru": ""},
        "title": {"en": "Summit", "ja": "首脳会談", "ru": ""},
    }
    v3 = {
        **v2,
        "schema_version": 3,
        "segments": [heading, {**first[0], "text": {"en": "Leaders met.", "ja": "会談", "ru": ""}}],
        "photos": [{**photo, "image": f"photos/{'a' * 64}.png"}],
    }
    v4 = {**v3, "segments": v3["segments"][::-1], "photos": []}
    other = {**v3, "slug": "other", "segments": [segment({"en": "Other.", "ja": "", "ru": ""})]}
    return {"summit": [v1, v2, v3, v4, v2], "other": [other]}


def create_old(apps, snapshots, checksums=None):
    """Write revisions with full snapshots through the old models; return their ids."""
    Topic = apps.get_model("records", "Topic")
    Release = apps.get_model("records", "Release")
    OldRevision = apps.get_model("records", "Revision")
    topic = Topic.objects.create(slug="relations", name="Relations")
    ids = {}
    for slug, versions in snapshots.items():
        release = Release.objects.create(
            slug=slug, topic=topic, date="2017-07-07", title="Summit", head_number=len(versions)
        )
        parent = None
        for number, snapshot in enumerate(versions, start=1):
            checksum = (checksums or {}).get((slug, number), snapshot_checksum(snapshot))
            parent = OldRevision.objects.create(
                release=release, number=number, parent=parent, snapshot=snapshot, checksum=checksum
            )
            ids[(slug, number)] = parent.pk
    return ids


def history_clear():
    """Remove the revisions a test wrote (the guard refuses it to anyone but a test)."""
    guard_set(False)
    try:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("TRUNCATE records_revision, records_publication CASCADE")
            else:
                cursor.execute("DELETE FROM records_revision")
    finally:
        guard_set(True)


@pytest.mark.django_db(transaction=True)
def test_every_snapshot_reads_back_the_same_after_the_migration():
    migrate(BEFORE)
    try:
        snapshots = history()
        ids = create_old(old_models(), snapshots)
    finally:
        latest()
    for (slug, number), pk in ids.items():
        revision = Revision.objects.get(pk=pk)
        assert revision.snapshot == snapshots[slug][number - 1]
        assert snapshot_checksum(revision.snapshot) == revision.checksum
    # Revision 5 of "summit" brings back revision 2's content: a change for each slot it
    # changed back (its photos stayed none).
    fifth = RevisionChange.objects.filter(revision_id=ids[("summit", 5)])
    assert sorted(fifth.values_list("slot__name", flat=True)) == [
        "release",
        "segments",
        f"segments:{snapshots['summit'][0]['segments'][0]['key']}",
    ]


@pytest.mark.django_db(transaction=True)
def test_a_revision_that_would_read_back_differently_stops_the_migration():
    migrate(BEFORE)
    try:
        snapshots = history()
        # A checksum that does not match its snapshot: the content cannot be vouched for.
        create_old(old_models(), snapshots, checksums={("summit", 3): "0" * 64})
        with pytest.raises(DATA.SnapshotMismatch, match="revision 3 of release “summit”"):
            migrate(("records", "0011_revision_changes_from_snapshots"))
        # Refused as a whole: no change row of any revision was kept.
        apps = executor().loader.project_state([("records", "0010_revision_changes")]).apps
        assert not apps.get_model("records", "RevisionChange").objects.exists()
        assert apps.get_model("records", "Revision").objects.count() == 6
    finally:
        history_clear()
        latest()
