"""A revision is the snapshot of what was written, without reading the working copy back."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from records.models import Release, Revision, Topic
from records.services import release_write
from records.snapshots import release_snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]


def fresh(release):
    return Release.objects.select_related("topic").get(pk=release.pk)


def head(release):
    return Revision.objects.get(release=release, number=fresh(release).head_number)


def test_revision_snapshot_equals_the_working_copy_read_back(seed_release, editor):
    content = release_snapshot(seed_release)
    first, second, *rest = content["segments"]
    new = {
        "key": str(uuid.uuid4()).upper(),  # any spelling of a UUID
        "kind": "paragraph",
        "level": 0,
        "text": {"en": "An added paragraph."},
    }
    content["segments"] = [second, new, first, *rest[1:]]  # moved, added, removed
    second["text"] = {**second["text"], "ru": "Текст."}
    content["photos"].append({"key": str(uuid.uuid4()), "caption": {"en": "A photo"}, "credit": {}})
    result = release_write(content, author=editor, based_on=1)
    assert result.revision.snapshot == release_snapshot(fresh(seed_release))
    again = release_write(release_snapshot(fresh(seed_release)), author=editor, based_on=2)
    assert again.revision is None  # the stored checksum is the working copy's


def test_a_topic_change_alone_is_written(seed_release, editor):
    content = release_snapshot(seed_release)
    content["topic"] = "another-topic"
    result = release_write(content, author=editor, based_on=1)
    assert result.revision.number == 2
    assert fresh(seed_release).topic == Topic.objects.get(slug="another-topic")
    assert head(seed_release).snapshot["topic"] == "another-topic"


def test_a_text_change_stamps_the_release_without_rewriting_its_row(seed_release, editor):
    before = fresh(seed_release)
    content = release_snapshot(before)
    content["segments"][0]["text"] = {**content["segments"][0]["text"], "ja": "本文"}
    with CaptureQueriesContext(connection) as queries:
        result = release_write(content, author=editor, based_on=1)
    after = fresh(seed_release)
    assert after.updated_at == result.revision.created_at > before.updated_at
    assert (after.slug, after.title_en, after.head_number) == (before.slug, before.title_en, 2)
    release_table = Release._meta.db_table
    writes = [q["sql"] for q in queries if q["sql"].startswith(f'UPDATE "{release_table}"')]
    assert len(writes) == 1 and "head_number" in writes[0]
    segment_reads = [q["sql"] for q in queries if 'FROM "records_segment"' in q["sql"]]
    assert len(segment_reads) == 1  # read once to apply the write, never read back
