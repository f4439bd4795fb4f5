"""Backups: export_archive writes everything, import_archive restores it into an empty database."""

import io
import json
import shutil
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.test import override_settings

from records.archive import MANIFEST, ArchiveError, archive_export, archive_import
from records.archive.sections import PublicationSection
from records.guards import guard_set
from records.models import Release, Topic
from records.reader import ReaderPage
from records.segmenter import parse_release_text
from records.services import release_import_text, release_publish, release_write
from records.snapshots import release_snapshot
from tests.helpers import DATA, revise_and_check, run
from translations.archive import archive_sections as translation_sections
from translations.demo import demo_load_all
from translations.glossary.files import ConceptData, TermData
from translations.models import (
    CheckRun,
    Comment,
    Concept,
    Finding,
    FindingOverride,
    GlossaryState,
)
from translations.review.actions import comment_add, comment_resolve, finding_override, units_submit

PASSWORD = "test-password-123"
MD5 = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Everything an archive restores, as dumpdata sees it (the read model is rebuilt, not dumped).
ARCHIVED = [
    "auth.user",
    "records.topic",
    "records.release",
    "records.segment",
    "records.photo",
    "records.revision",
    "records.revisiontext",
    "records.revisionslot",
    "records.revisionchange",
    "records.publication",
    *(section.name for section in translation_sections()),
]
# Rows derived from the archived ones and rebuilt by import_archive.
DERIVED = {"records.readerpage", "records.readerimage"}
# Left out of backups (adding them is a new archive format version): what users were told
# and how often they want mail. A restored site mails at once until a user chooses again.
NOT_KEPT = {"translations.notification", "translations.notificationprofile"}
# Webhooks (their signing secrets do not belong in a backup file) and their deliveries.
NOT_KEPT |= {"translations.webhook", "translations.webhookdelivery"}
# API tokens: keys a restore would hand back to whoever holds an old backup; users make new ones.
NOT_KEPT |= {"records.apitoken"}


def png(color=(20, 120, 200)):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (640, 400), color).save(out, "PNG")
    return SimpleUploadedFile("photo.png", out.getvalue(), content_type="image/png")


def dump():
    """Return the archived tables as dumpdata writes them (groups by name)."""
    out = io.StringIO()
    call_command("dumpdata", *ARCHIVED, "--natural-foreign", "--indent=1", stdout=out)
    groups = {
        group.name: sorted(group.permissions.values_list("codename", flat=True))
        for group in Group.objects.all()
    }
    return json.loads(out.getvalue()), groups


def reader_pages():
    fields = [field.attname for field in ReaderPage._meta.concrete_fields]
    left_out = {"id", "search_vector"}
    return sorted(
        ReaderPage.objects.values_list(*(name for name in fields if name not in left_out)),
        key=lambda row: (row[0], row[1]),
    )


def files_of(directory):
    root = Path(directory)
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def table_counts():
    return {
        model._meta.label_lower: model._base_manager.count()
        for label in ("auth", "records", "translations")
        for model in apps.get_app_config(label).get_models()
        if not model._meta.proxy
    }


def rich_state(demo):
    """Add to the demo scenario a second release with photo files, a glossary change, a
    comment thread, an override and another publication."""
    from django.contrib.auth.models import Permission

    from records.photos import photo_image_store
    from translations.glossary.services import glossary_import

    users, release = demo["users"], demo["release"]
    editor = users["editor"]
    # A permission given to one user directly, besides their groups.
    users["terminologist"].user_permissions.add(Permission.objects.get(codename="publish_release"))
    # An override of a forbidden Russian term, then approval work in progress.
    release = revise_and_check(demo, 1, "ru", "Проблема Южных Курил")
    key = release_snapshot(release)["segments"][1]["key"]
    units_submit(release, "ru", [key], users["translator-ru"])
    concept = Concept.objects.get(identifier="northern-territories")
    finding_override(
        release,
        "ru",
        key,
        check_id="forbidden-term",
        concept_id=concept.pk,
        reason="Quoted from the Russian side",
        user=users["reviewer-ru"],
    )
    first = Comment.objects.get()
    comment_add(
        release, first.key, "ru", "Порядок слов верный.", users["reviewer-ru"], parent=first
    )
    comment_resolve(first, users["reviewer-ru"])
    # A second release with an image, published in English.
    second = release_import_text(
        parse_release_text((DATA / "release-variant-photos-2017-09-07.txt").read_bytes()),
        author=editor,
    ).release
    content = release_snapshot(second)
    content["photos"][0]["image"] = photo_image_store(png())
    release_write(content, author=editor, based_on=second.head_number, message="Photo file")
    second.refresh_from_db()
    release_publish(second, second.source_language, author=editor)
    # An older revision names a photo file the newest one no longer shows.
    content = release_snapshot(second)
    content["photos"][0]["image"] = photo_image_store(png(color=(0, 0, 0)))
    release_write(content, author=editor, based_on=second.head_number, message="New photo")
    # A publication scheduled for later, and one cancelled.
    import datetime

    from django.utils import timezone

    from records.scheduling import publication_schedule, schedule_cancel

    later = timezone.now() + datetime.timedelta(days=1)
    publication_schedule(second, ["en", "ru"], later, author=editor)
    cancelled = publication_schedule(release, ["ja"], later, author=editor)
    schedule_cancel(cancelled.pk, author=editor)
    # A glossary change after all of it.
    glossary_import(
        [
            ConceptData(
                identifier="summit-meeting",
                definition={"en": "A meeting of heads of state"},
                terms=(
                    TermData("en", "summit meeting"),
                    TermData("ru", "встреча на высшем уровне"),
                ),
            )
        ]
    )
    return demo


def flush():
    """Empty every table as a new database would be (the role groups come back)."""
    guard_set(False)
    try:
        call_command("flush", interactive=False, verbosity=0)
    finally:
        guard_set(True)


@pytest.mark.django_db(transaction=True)
def test_restore_into_an_empty_database_gives_the_same_state(demo_scenario, tmp_path, settings):
    assert not connection.in_atomic_block  # a transactional test: commits run their hooks
    rich_state(demo_scenario)
    first = tmp_path / "first"
    manifest = archive_export(first)
    before, pages = dump(), reader_pages()
    users = {user.username: user.password for user in get_user_model().objects.all()}
    assert FindingOverride.objects.exists() and Comment.objects.filter(parent__isnull=False)
    assert Finding.objects.exists() and CheckRun.objects.exists()
    assert len(manifest["files"]) == 2  # the current photo file and the older revision's
    assert GlossaryState.current()

    flush()
    assert not Release.objects.exists() and Group.objects.exists()
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    archive_import(first)

    assert dump() == before
    assert reader_pages() == pages
    for entry in manifest["files"]:
        assert default_storage.exists(entry["name"].removeprefix("media/"))
    second = tmp_path / "second"
    archive_export(second)
    assert files_of(second) == files_of(first)
    # Logins survive; new rows get new ids after the restored ones (sequences reset).
    user = get_user_model().objects.get(username="reviewer-ru")
    assert user.password == users["reviewer-ru"] and user.check_password(PASSWORD)
    newest = Topic.objects.order_by("-id").first().id
    assert Topic.objects.create(slug="after-restore", name="After").id > newest
    # The restored history is as immutable as it was.
    with pytest.raises(DatabaseError, match="immutable"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE records_revision SET message = 'rewritten'")


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """An archive of the demo scenario; the database is left empty again (rolled back)."""
    directory = tmp_path_factory.mktemp("archive") / "demo"
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=MD5, MEDIA_ROOT=media):
        with transaction.atomic():
            demo_load_all(password=PASSWORD)
            archive_export(directory)
            transaction.set_rollback(True)
    return directory


@pytest.fixture
def copy(archive, tmp_path):
    target = tmp_path / "copy"
    shutil.copytree(archive, target)
    return target


def manifest_edit(directory, change):
    path = directory / MANIFEST
    manifest = json.loads(path.read_text())
    change(manifest)
    path.write_text(json.dumps(manifest))


def section(manifest, name):
    return next(entry for entry in manifest["sections"] if entry["name"] == name)


def rewrite(directory, name, change, rows=0):
    """Change the lines of section ``name`` and let the manifest agree with the new bytes
    (``rows`` more or fewer rows): what a careless hand edit would do."""
    from records.archive.format import file_sha256

    path = directory / "data" / f"{name}.jsonl"
    path.write_bytes(b"".join(change(path.read_bytes().splitlines(keepends=True))))

    def agree(manifest):
        entry = section(manifest, name)
        entry.update(sha256=file_sha256(path), rows=entry["rows"] + rows)

    manifest_edit(directory, agree)


def drop_last_line(directory):
    rewrite(directory, "records.revision", lambda lines: lines[:-1])


def not_json(directory):
    rewrite(directory, "records.topic", lambda lines: [b"{not json\n", *lines[1:]])


def no_column(directory):
    rewrite(directory, "records.topic", lambda lines: [b'{"id": 1}\n', *lines[1:]])


def duplicate_id(directory):
    rewrite(directory, "translations.term", lambda lines: [*lines, lines[0]], rows=1)


def foreign_file(directory, name="media/settings.py"):
    """List a file that is not a content-addressed photo, checksum and all."""
    import hashlib

    (directory / name).parent.mkdir(parents=True, exist_ok=True)
    (directory / name).write_bytes(b"DEBUG = True\n")
    digest = hashlib.sha256(b"DEBUG = True\n").hexdigest()
    manifest_edit(directory, lambda m: m["files"].append({"name": name, "sha256": digest}))


def misnamed_photo(directory):
    foreign_file(directory, f"media/photos/{'0' * 64}.png")


def tamper(directory):
    path = directory / "data" / "records.release.jsonl"
    path.write_bytes(path.read_bytes().replace(b"japan-russia", b"japan-russla", 1))


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda d: (d / MANIFEST).unlink(), "has no manifest.json: it is not a Concord archive"),
        (
            lambda d: (d / "data" / "translations.term.jsonl").unlink(),
            "“data/translations.term.jsonl” is missing",
        ),
        (tamper, "“data/records.release.jsonl” does not match its checksum in the manifest"),
        (
            lambda d: manifest_edit(d, lambda m: m.update(version=5)),
            "The archive has format version 5; this Concord reads versions 1, 2, 3, 4.",
        ),
        (
            lambda d: manifest_edit(d, lambda m: m["sections"].pop()),
            f"sections do not match this Concord's: missing {ARCHIVED[-1]}",
        ),
        (
            lambda d: manifest_edit(d, lambda m: section(m, "records.topic").update(file="../x")),
            "The manifest names a file outside the archive: “../x”",
        ),
        (drop_last_line, "“data/records.revision.jsonl” holds 3 rows; the manifest says 4"),
        (not_json, "Line 1 of “data/records.topic.jsonl” is not a valid row"),
        (no_column, "Line 1 of “data/records.topic.jsonl” is not a valid row: no column 'slug'"),
        (duplicate_id, "The database refused rows of “data/translations.term.jsonl”"),
        (foreign_file, "The manifest names a file that is not a stored photo: “media/settings.py”"),
        (misnamed_photo, f"is not a stored photo: “media/photos/{'0' * 64}.png”"),
    ],
    ids=[
        "no-manifest",
        "missing-file",
        "tampered",
        "version",
        "sections",
        "outside",
        "rows",
        "not-json",
        "no-column",
        "duplicate-id",
        "foreign-file",
        "misnamed-photo",
    ],
)
@pytest.mark.django_db
def test_a_bad_archive_is_refused_and_nothing_is_written(copy, spoil, message):
    spoil(copy)
    before, dumped = table_counts(), dump()
    with pytest.raises(ArchiveError) as refusal:
        archive_import(copy)
    assert message in str(refusal.value)
    assert table_counts() == before and dump() == dumped
    assert not Release.objects.exists()


@pytest.mark.django_db
def test_the_demo_archive_restores_into_an_empty_database(archive):
    output = run("import_archive", str(archive))
    assert output.startswith(f"Archive restored from {archive}:")
    release = Release.objects.get()
    assert release.head_number == 4 and release.revisions.count() == 4
    assert ReaderPage.objects.filter(release=release).count() == 3


@pytest.mark.django_db
def test_a_database_with_data_is_refused_and_unchanged(archive, users):
    before = (table_counts(), dump())
    with pytest.raises(ArchiveError) as refusal:
        archive_import(archive)
    assert "The database is not empty (auth.user)" in str(refusal.value)
    assert "Nothing was changed." in str(refusal.value)
    assert (table_counts(), dump()) == before


@pytest.mark.django_db
def test_the_same_state_exports_the_same_bytes(published, tmp_path):
    archive_export(tmp_path / "a")
    archive_export(tmp_path / "b")
    assert files_of(tmp_path / "a") == files_of(tmp_path / "b")
    manifest = json.loads((tmp_path / "a" / MANIFEST).read_text())
    assert section(manifest, "records.revision")["rows"] == 2
    assert "password" in (tmp_path / "a" / "data" / "auth.user.jsonl").read_text()


@pytest.mark.django_db
def test_export_refuses_a_directory_that_is_not_empty(published, tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(ArchiveError, match="is not empty: export into a new directory"):
        archive_export(tmp_path)
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


def test_every_table_is_archived_or_rebuilt():
    from records.archive import archive_sections

    archived = {section.name for section in archive_sections()}
    tables = {
        model._meta.label_lower
        for label in ("records", "translations")
        for model in apps.get_app_config(label).get_models()
        if not model._meta.proxy
    }
    assert tables - archived == DERIVED | NOT_KEPT
    assert any(isinstance(section, PublicationSection) for section in archive_sections())


@pytest.mark.django_db
def test_the_commands_write_and_refuse(published, tmp_path):
    output = run("export_archive", str(tmp_path / "backup"))
    assert output.startswith(f"Archive written to {tmp_path / 'backup'}:")
    with pytest.raises(CommandError, match="The database is not empty"):
        call_command("import_archive", str(tmp_path / "backup"))
    with pytest.raises(CommandError, match="is not empty: export into a new directory"):
        call_command("export_archive", str(tmp_path / "backup"))


@pytest.mark.django_db
def test_export_refuses_when_a_photo_file_is_missing(published, tmp_path):
    from records.photos import photo_image_store

    release = published["release"]
    content = release_snapshot(release)
    name = content["photos"][0]["image"] = photo_image_store(png())
    release_write(content, author=published["users"]["editor"], based_on=release.head_number)
    default_storage.delete(name)
    with pytest.raises(ArchiveError, match=f"The photo file “{name}” is missing from storage."):
        archive_export(tmp_path / "backup")
    assert list((tmp_path / "backup").iterdir()) == []


@pytest.mark.django_db
def test_postgresql_sequences_follow_the_restored_ids(postgres, archive):
    # As in a new database: every sequence starts again at 1.
    with connection.cursor() as cursor:
        for model in (Topic, Release):
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), 1, false)", [model._meta.db_table]
            )
    archive_import(archive)
    release = Release.objects.get()
    assert Topic.objects.create(slug="later", name="Later").id > release.topic_id
    assert Release.objects.create(slug="later", topic_id=release.topic_id, date=release.date).id
