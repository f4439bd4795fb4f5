"""Revisions: one write path, numbering, no lost update, restore, immutability."""

import threading

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from records.models import ImmutableRevisionError, Release, Revision, Segment
from records.segmenter import parse_release_text
from records.selectors import release_document
from records.services import (
    MergeConflict,
    ReleaseContentError,
    RevisionConflict,
    content_from_document,
    release_import_text,
    release_write,
    revision_restore,
)
from records.snapshots import release_snapshot, snapshot_checksum

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]


def edited(release, **titles):
    content = release_snapshot(release)
    content["title"].update(titles)
    return content


def test_each_change_is_one_numbered_revision(seed_release, editor):
    first = seed_release.revisions.get()
    result = release_write(
        edited(seed_release, ja="日露首脳会談"), author=editor, message="ja title", based_on=1
    )
    assert result.revision.number == 2
    assert result.revision.parent == first
    assert result.revision.author == editor and result.revision.message == "ja title"
    assert result.revision.snapshot["title"]["ja"] == "日露首脳会談"
    assert result.revision.checksum == snapshot_checksum(result.revision.snapshot)
    assert Release.objects.get().head_number == 2


def test_unchanged_write_creates_no_revision(seed_release, editor):
    result = release_write(release_snapshot(seed_release), author=editor, based_on=1)
    assert result.revision is None
    assert Revision.objects.count() == 1


def test_stale_write_merges_fields_only_it_changed(seed_release, editor):
    release_write(edited(seed_release, ja="一"), author=editor, based_on=1)
    stale = edited(seed_release, ru="два")
    stale["title"]["ja"] = ""  # as it was at revision 1: not a change of this writer's
    release_write(stale, author=editor, based_on=1)
    release = Release.objects.get()
    assert (release.title_ja, release.title_ru) == ("一", "два")
    assert Revision.objects.count() == 3


def test_stale_write_that_collides_is_refused_and_changes_nothing(seed_release, editor):
    release_write(edited(seed_release, ja="一"), author=editor, based_on=1)
    with pytest.raises(MergeConflict) as error:
        release_write(edited(seed_release, ja="壱", ru="два"), author=editor, based_on=1)
    assert "revision 1" in str(error.value) and "revision 2" in str(error.value)
    [conflict] = error.value.conflicts
    assert (conflict.id, conflict.base, conflict.theirs, conflict.mine) == (
        "release:title:ja",
        "",
        "一",
        "壱",
    )
    release = Release.objects.get()
    assert (release.title_ja, release.title_ru) == ("一", "")
    assert Revision.objects.count() == 2


def test_revisions_cannot_be_changed_or_deleted(seed_release):
    revision = Revision.objects.get()
    revision.message = "rewritten"
    with pytest.raises(ImmutableRevisionError):
        revision.save()
    with pytest.raises(ImmutableRevisionError):
        revision.delete()
    with pytest.raises(ImmutableRevisionError):
        Revision.objects.filter(pk=revision.pk).update(message="x")
    with pytest.raises(ImmutableRevisionError):
        Revision.objects.all().delete()
    assert Revision.objects.get().message == "Imported from text"


def test_database_refuses_updates_of_revisions(seed_release):
    errors = (IntegrityError, DatabaseError)
    with pytest.raises(errors, match="immutable"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE records_revision SET message = 'stray'")
    with pytest.raises(errors, match="immutable"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM records_revision")
    assert Revision.objects.get().message == "Imported from text"


def test_import_edit_restore_keeps_every_language(demo, data_dir, tmp_path, editor):
    """Seed, an edited copy, and a restore of revision 2 leave right content in all languages."""
    release = demo["release"]
    translated = Revision.objects.get(release=release, number=2).snapshot
    text = (data_dir / "release-seed-2017-07-07.txt").read_text("utf-8")
    text = text.replace("4. Economy", "4. Economy and trade").replace(
        "  • The leaders discussed the latest progress",
        "  • A new bullet about energy.\n\n  • The leaders discussed the latest progress",
    )
    result = release_import_text(parse_release_text(text), author=editor)
    assert result.revision.number == 3
    third = result.revision.snapshot
    assert len(third["segments"]) == 21
    economy = next(s for s in third["segments"] if s["text"]["en"] == "Economy and trade")
    assert economy["text"]["ja"] == "経済"
    new = next(s for s in third["segments"] if s["text"]["en"] == "A new bullet about energy.")
    assert new["text"]["ja"] == "" and new["text"]["ru"] == ""

    restored = revision_restore(release, 2, author=editor, based_on=3)
    assert restored.revision.number == 4
    assert restored.revision.message == "Restored revision 2"
    assert restored.revision.snapshot == translated
    assert restored.revision.checksum == Revision.objects.get(release=release, number=2).checksum
    assert release_snapshot(Release.objects.get()) == translated
    assert list(
        Revision.objects.filter(release=release).order_by("number").values_list("number", flat=True)
    ) == [1, 2, 3, 4]
    # Restored segments come back with their original keys.
    assert {str(k) for k in Segment.objects.values_list("key", flat=True)} == {
        s["key"] for s in translated["segments"]
    }


def test_restore_of_unknown_revision_is_refused(seed_release, editor):
    with pytest.raises(ReleaseContentError, match="no revision 9"):
        revision_restore(seed_release, 9, author=editor)
    assert Revision.objects.count() == 1


def test_stale_restore_keeps_newer_work_it_does_not_undo(seed_release, editor):
    release_write(edited(seed_release, ja="一"), author=editor, based_on=1)
    # Seen at revision 2, restoring 1 undoes the Japanese title; someone adds Russian meanwhile.
    release_write(edited(seed_release, ja="一", ru="три"), author=editor, based_on=2)
    result = revision_restore(seed_release, 1, author=editor, based_on=2)
    release = Release.objects.get()
    assert result.revision.number == 4
    assert (release.title_ja, release.title_ru) == ("", "три")


def test_stale_restore_that_collides_is_refused(seed_release, editor):
    release_write(edited(seed_release, ja="一"), author=editor, based_on=1)
    release_write(edited(seed_release, ja="二"), author=editor, based_on=2)
    with pytest.raises(MergeConflict) as error:
        revision_restore(seed_release, 1, author=editor, based_on=2)
    assert [conflict.id for conflict in error.value.conflicts] == ["release:title:ja"]
    assert Revision.objects.count() == 3
    assert Release.objects.get().title_ja == "二"


def test_export_document_round_trip_is_lossless(published, editor):
    release = published["release"]
    document = release_document(release)
    assert document["revision"] == 2
    content, names, revision = content_from_document(document)
    assert names["ja"] == "日露関係"
    result = release_write(content, author=editor, based_on=revision, topic_names=names)
    assert result.revision is None
    old = release_document(release, 1)
    assert old["revision"] == 1 and old["title"]["ja"] == ""


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_never_lose_an_update(postgres, editor, seed_bytes):
    release = release_import_text(parse_release_text(seed_bytes), author=editor).release
    writers, attempts = 6, 5
    barrier = threading.Barrier(writers)
    landed, refused, failed = [], [], []
    lock = threading.Lock()

    def writer(index):
        try:
            barrier.wait()
            for attempt in range(attempts):
                current = Release.objects.get(pk=release.pk)
                content = release_snapshot(current)
                title = f"writer {index} attempt {attempt}"
                content["title"]["ru"] = title
                try:
                    result = release_write(content, author=editor, based_on=current.head_number)
                except RevisionConflict:
                    with lock:
                        refused.append(title)
                else:
                    with lock:
                        landed.append((result.revision.number, title))
        except Exception as error:  # noqa: BLE001 - reported below
            failed.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failed == []
    assert len(landed) + len(refused) == writers * attempts
    assert refused, "with six writers at once some writes must be refused"
    numbers = sorted(number for number, _title in landed)
    assert numbers == list(range(2, 2 + len(landed)))
    stored = {
        revision.number: revision.snapshot["title"]["ru"]
        for revision in Revision.objects.filter(release=release)
    }
    for number, title in landed:
        assert stored[number] == title
    assert sorted(stored) == list(range(1, 2 + len(landed)))
    final = Release.objects.get(pk=release.pk)
    assert final.head_number == numbers[-1]
    assert final.title_ru == stored[numbers[-1]]
