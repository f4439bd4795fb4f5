"""Revisions store what they changed: one change row and its new text per single-unit save,
whatever the release's size; any revision reads back exactly as it was written."""

import copy
import itertools
import uuid

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from records.models import (
    ImmutableRevisionError,
    Release,
    Revision,
    RevisionChange,
    RevisionSlot,
    RevisionText,
)
from records.revisions import revisions_store, snapshots_read, with_release_field
from records.revisions.head import HeadState
from records.revisions.reading import contents_read
from records.services import release_write, revision_restore
from records.snapshots import release_snapshot, snapshot_checksum

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]


def content(size, slug="storage"):
    return {
        "slug": slug,
        "date": "2017-07-07",
        "topic": "japan-russia-relations",
        "title": {"en": "Summit", "ja": "", "ru": ""},
        "photos": [
            {"key": str(uuid.uuid4()), "caption": {"en": "Leaders"}, "credit": {"en": "Office"}}
        ],
        "segments": [
            {
                "key": str(uuid.uuid4()),
                "kind": "paragraph",
                "level": 0,
                "text": {"en": f"The leaders discussed item {n}.", "ja": "", "ru": ""},
            }
            for n in range(size)
        ],
    }


def fresh(release):
    return Release.objects.select_related("topic").get(pk=release.pk)


def counts():
    return (
        Revision.objects.count(),
        RevisionChange.objects.count(),
        RevisionText.objects.count(),
        RevisionSlot.objects.count(),
    )


@pytest.mark.parametrize("size", [20, 400])
def test_a_single_unit_save_stores_one_change_and_its_new_text(editor, size):
    release = release_write(content(size), author=editor).release
    current = release_snapshot(fresh(release))
    current["segments"][size // 2]["text"]["ja"] = f"第{size}項目について議論した。"
    before = counts()
    revision = release_write(current, author=editor, based_on=1).revision
    assert tuple(after - was for after, was in zip(counts(), before, strict=True)) == (1, 1, 1, 0)
    change = RevisionChange.objects.get(revision=revision)
    assert change.slot.name == f"segments:{current['segments'][size // 2]['key']}"
    assert (change.languages, change.structure, change.source, change.translation) == (
        ",ja,",
        False,
        False,
        True,
    )
    # The stored row names its texts: the unchanged English is the first revision's.
    assert "第" not in change.value and len(change.value) < 200


def test_every_revision_reads_back_as_it_was_written(editor):
    release = release_write(content(6), author=editor).release
    written = {1: release_snapshot(fresh(release))}

    def save(change):
        current = copy.deepcopy(written[max(written)])
        change(current)
        result = release_write(current, author=editor, based_on=max(written), release_id=release.pk)
        written[result.revision.number] = release_snapshot(fresh(release))

    save(lambda c: c["segments"][0]["text"].update(ja="一"))  # a translation
    save(lambda c: c["segments"].reverse())  # the order alone
    save(lambda c: c["segments"].pop(2))  # a segment removed
    save(lambda c: c["title"].update(en="Summit (revised)", ru="Саммит"))  # the release's row
    save(lambda c: c["photos"].clear())
    save(lambda c: c["segments"].insert(1, {**c["segments"][0], "key": str(uuid.uuid4())}))
    save(lambda c: c.update(slug="storage-renamed", date="2017-07-08"))
    restored = revision_restore(fresh(release), 1, author=editor).revision
    written[restored.number] = release_snapshot(fresh(release))

    revisions = list(Revision.objects.filter(release=release).order_by("number"))
    read = snapshots_read(revisions)
    contents = contents_read(revisions)
    for revision in revisions:
        # The checksum a write computes from the head's pieces is the snapshot's.
        state = HeadState.from_content(release.pk, revision.number, "", contents[revision.pk])
        assert state.content_checksum() == revision.checksum
        assert read[revision.pk] == written[revision.number]
        assert list(read[revision.pk]) == list(written[revision.number])  # fields in order
        assert snapshot_checksum(read[revision.pk]) == revision.checksum
    # Equal content, equal checksum: the restore brought revision 1's content back.
    assert restored.checksum == revisions[0].checksum
    # The restore re-adds the removed segment and photo under their keys, as slots they had.
    assert RevisionSlot.objects.filter(release=release, name__startswith="segments:").count() == 7


def test_a_snapshot_of_an_older_schema_reads_back_unchanged(seed_release):
    head = Revision.objects.get(release=seed_release, number=1)
    old = {
        name: value
        for name, value in head.snapshot.items()
        if name not in ("topic_name", "source_language")
    }
    old["schema_version"] = 1
    old["segments"] = [
        {name: value for name, value in segment.items() if name != "style"}
        for segment in old["segments"]
    ]
    old["extra"] = {"kept": [1, 2]}  # a field no schema knows is kept too
    revision = Revision.objects.create(
        release=seed_release, number=2, parent=head, checksum=snapshot_checksum(old)
    )
    revisions_store([(revision, old, head.snapshot)])
    assert Revision.objects.get(pk=revision.pk).snapshot == old
    content = contents_read([revision])[revision.pk]
    assert HeadState.from_content(seed_release.pk, 2, "", content).content_checksum() == (
        snapshot_checksum(old)
    )
    assert Revision.objects.get(pk=head.pk).snapshot == head.snapshot
    annotated = with_release_field(Revision.objects.filter(release=seed_release), "source_language")
    assert dict(annotated.values_list("number", "source_language")) == {1: "en", 2: None}


def test_texts_are_stored_once_for_every_release(editor):
    first = release_write(content(3, "first"), author=editor).release
    texts = RevisionText.objects.count()
    second = content(3, "second")
    second["segments"] = copy.deepcopy(release_snapshot(fresh(first))["segments"])
    for segment in second["segments"]:
        segment["key"] = str(uuid.uuid4())
    release_write(second, author=editor)
    # Only the second release's own title is new; the segment texts and "" are shared.
    assert RevisionText.objects.count() == texts


def test_reading_takes_the_same_queries_at_any_point_of_a_long_history(
    editor, django_assert_num_queries
):
    release = release_write(content(10), author=editor).release
    for step in range(30):
        current = release_snapshot(fresh(release))
        current["segments"][step % 10]["text"]["ru"] = f"Пункт {step}"
        release_write(current, author=editor, based_on=step + 1)
    for number in (1, 15, 31):
        revision = Revision.objects.get(release=release, number=number)
        with django_assert_num_queries(2):
            snapshot = revision.snapshot
        assert snapshot_checksum(snapshot) == revision.checksum


MODELS = [RevisionChange, RevisionSlot, RevisionText]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_history_rows_cannot_be_changed_or_deleted(seed_release, model):
    row = model.objects.first()
    with pytest.raises(ImmutableRevisionError):
        row.save()
    with pytest.raises(ImmutableRevisionError):
        row.delete()
    with pytest.raises(ImmutableRevisionError):
        model.objects.filter(pk=row.pk).update(pk=row.pk)
    with pytest.raises(ImmutableRevisionError):
        model.objects.all().delete()


@pytest.mark.parametrize(
    ("model", "column"),
    list(zip(MODELS, ["value", "name", "body"], strict=True)),
    ids=lambda value: getattr(value, "__name__", value),
)
def test_the_database_refuses_to_change_history_rows(seed_release, model, column):
    table = model._meta.db_table
    before = list(model.objects.values_list(column, flat=True))
    for statement in (f"UPDATE {table} SET {column} = 'stray'", f"DELETE FROM {table}"):
        with pytest.raises((IntegrityError, DatabaseError), match="immutable"):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(statement)
    assert list(model.objects.values_list(column, flat=True)) == before


def test_slots_per_release_are_bounded_by_its_units_not_its_history(editor):
    release = release_write(content(5), author=editor).release
    for step in itertools.islice(itertools.count(1), 40):
        current = release_snapshot(fresh(release))
        current["segments"][step % 5]["text"]["ja"] = f"版{step}"
        release_write(current, author=editor, based_on=step)
    # The release's own fields, two orders, five segments and one photo.
    assert RevisionSlot.objects.filter(release=release).count() == 9
    assert RevisionChange.objects.filter(revision__release=release).count() == 9 + 40
