"""Archives of the history: version 2 on writes the change tables (version 3 adds the
scheduled publications); a version-1 archive (full snapshots, written by Concord before
revisions stored their changes) still restores.

``tests/data/archive-v1`` was exported by that earlier Concord from the demo scenario plus a
second release with photo files, a removed and reordered segment, and a head revision in the
first snapshot schema.
"""

import json
import shutil

import pytest
from django.core.files.storage import default_storage

from records.archive import MANIFEST, ArchiveError, archive_export, archive_import
from records.archive.format import file_sha256
from records.models import Release, Revision, RevisionChange
from records.reader import ReaderPage
from records.snapshots import snapshot_checksum
from tests.helpers import DATA
from tests.test_archive import NOT_KEPT, dump, files_of, flush, table_counts

V1 = DATA / "archive-v1"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def v1(tmp_path):
    target = tmp_path / "v1"
    shutil.copytree(V1, target)
    return target


def v1_revisions(directory):
    lines = (directory / "data" / "records.revision.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.mark.django_db
def test_a_version_1_archive_restores_with_every_snapshot_and_checksum(v1):
    manifest = archive_import(v1)
    assert manifest["version"] == 1
    archived = v1_revisions(v1)
    assert Revision.objects.count() == len(archived) == 8
    for row in archived:
        revision = Revision.objects.get(pk=row["id"])
        assert revision.snapshot == row["snapshot"]
        assert revision.checksum == row["checksum"] == snapshot_checksum(revision.snapshot)
        assert (revision.number, revision.message) == (row["number"], row["message"])
    # The head of the second release was written in the first schema, and reads so.
    head = Revision.objects.get(release__slug__endswith="09-07", number=4)
    assert head.snapshot["schema_version"] == 1 and "topic_name" not in head.snapshot
    # Both photo files came along, the one only an older revision shows included.
    for entry in manifest["files"]:
        assert default_storage.exists(entry["name"].removeprefix("media/"))
    assert ReaderPage.objects.count() == 4


@pytest.mark.django_db(transaction=True)
def test_a_newer_archive_round_trips_byte_for_byte(v1, tmp_path, settings):
    archive_import(v1)
    first = tmp_path / "first"
    manifest = archive_export(first)
    assert manifest["version"] == 4
    names = [section["name"] for section in manifest["sections"]]
    assert names[names.index("records.revision") :][:4] == [
        "records.revision",
        "records.revisiontext",
        "records.revisionslot",
        "records.revisionchange",
    ]
    assert "snapshot" not in (first / "data" / "records.revision.jsonl").read_text("utf-8")
    before, counts = dump(), table_counts()
    flush()
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    archive_import(first)
    assert dump() == before and table_counts() == counts
    second = tmp_path / "second"
    archive_export(second)
    assert files_of(second) == files_of(first)
    # Photo files only an old change row names are archived with it.
    assert len(manifest["files"]) == 2


@pytest.mark.django_db
def test_a_version_1_snapshot_that_does_not_match_its_checksum_is_refused(v1):
    path = v1 / "data" / "records.revision.jsonl"
    rows = v1_revisions(v1)
    rows[2]["snapshot"]["title"]["en"] = "Edited by hand"
    path.write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
    )
    manifest = json.loads((v1 / MANIFEST).read_text())
    entry = next(s for s in manifest["sections"] if s["name"] == "records.revision")
    entry["sha256"] = file_sha256(path)
    (v1 / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(ArchiveError) as refusal:
        archive_import(v1)
    assert "Line 3 of “data/records.revision.jsonl”: revision 3 of release 1" in str(refusal.value)
    assert not Release.objects.exists() and not RevisionChange.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_version_2_archive_without_schedules_still_restores(v1, tmp_path):
    """Version 3 added the scheduled publications' table; an archive written before has none."""
    archive_import(v1)
    directory = tmp_path / "v2"
    archive_export(directory)
    manifest = json.loads((directory / MANIFEST).read_text("utf-8"))
    manifest["version"] = 2
    manifest["sections"] = [
        section
        for section in manifest["sections"]
        if section["name"] != "records.scheduledpublication"
    ]
    (directory / "data" / "records.scheduledpublication.jsonl").unlink()
    (directory / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    counts = table_counts()
    flush()
    assert archive_import(directory)["version"] == 2
    assert table_counts() == counts


def release_with_unit_findings():
    """Return a published release whose Japanese title and Russian photo caption hold
    forbidden terms, checked: findings under the keys "title" and "<photo>:caption"."""
    from tests.scenarios import glossary_with, published_release, user_with_role
    from tests.translations.reviewing import write
    from translations.checks.services import release_terms_check

    glossary_with(
        ("summit", {"en": "Summit Meeting", "ja": ["首脳会談", ("サミット", "forbidden")]}),
        ("leaders", {"en": "leaders", "ru": ["лидеры", ("вожди", "forbidden")]}),
    )
    release = published_release(units=2, photos=1)

    def change(content):
        content["title"]["ja"] = "サミット"
        content["photos"][0]["caption"]["ru"] = "Вожди"

    write(release, user_with_role("editor"), change)
    release_terms_check(release)
    return release


def kept_counts():
    """Return the row counts of the tables an archive keeps."""
    return {name: count for name, count in table_counts().items() if name not in NOT_KEPT}


def unit_keys():
    from translations.models import Finding

    return sorted(Finding.objects.values_list("language", "segment_key"))


@pytest.mark.django_db(transaction=True)
def test_findings_of_every_unit_round_trip(users, tmp_path):
    from translations.models import CheckRun

    release = release_with_unit_findings()
    caption = f"{release.photos.get().key}:caption"
    assert ("ja", "title") in unit_keys() and ("ru", caption) in unit_keys()
    directory = tmp_path / "archive"
    archive_export(directory)
    lines = (directory / "data" / "translations.finding.jsonl").read_text("utf-8")
    assert '"segment_key":"title"' in lines and f'"segment_key":"{caption}"' in lines
    keys, runs, counts = unit_keys(), list(CheckRun.objects.values()), kept_counts()
    flush()
    archive_import(directory)
    assert unit_keys() == keys and kept_counts() == counts
    # Written with findings of every unit: the restored checks are current as they were.
    assert list(CheckRun.objects.values()) == runs


@pytest.mark.django_db(transaction=True)
def test_a_version_3_archive_restores_its_findings_and_checks_its_releases_again(users, tmp_path):
    """Before version 4 the checks looked at segments only: an older archive's findings come
    back, and its checked releases wait for a check that reads every unit."""
    from translations.checks.selectors import CHECK_PENDING, terms_check_status
    from translations.models import CheckRun, Finding, PendingCheck

    release = release_with_unit_findings()
    # What version 3 would have held: segment findings only.
    Finding.objects.filter(
        segment_key__in=["title", f"{release.photos.get().key}:caption"]
    ).delete()
    directory = tmp_path / "v3"
    archive_export(directory)
    manifest = json.loads((directory / MANIFEST).read_text("utf-8"))
    manifest["version"] = 3
    (directory / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    keys = unit_keys()
    assert CheckRun.objects.filter(release=release).count() == 2
    flush()
    assert archive_import(directory)["version"] == 3
    assert unit_keys() == keys
    assert not CheckRun.objects.exists()
    restored = Release.objects.get()
    assert list(PendingCheck.objects.values_list("release_id", "revision_number")) == [
        (restored.pk, restored.head_number)
    ]
    assert terms_check_status(restored, "ja") == CHECK_PENDING
