"""Write the whole database to an archive directory, and restore one into an empty database."""

import hashlib
import shutil
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import connection, transaction

from ..extensions import registry
from ..models import (
    Photo,
    Publication,
    Release,
    Revision,
    RevisionChange,
    RevisionSlot,
    RevisionText,
    ScheduledPublication,
    Segment,
    Topic,
)
from ..photos import IMAGE_NAME
from .format import (
    DATA_DIR,
    FORMAT_VERSION,
    MEDIA_DIR,
    READ_BLOCK,
    ArchiveError,
    LinesWriter,
    manifest_read,
    manifest_write,
    member_path,
    read_lines,
)
from .revisions import RevisionChangeSection, SnapshotRevisionSection
from .sections import (
    GroupSection,
    ModelSection,
    PhotoSection,
    PublicationSection,
    UserSection,
)


def archive_sections(version=FORMAT_VERSION):
    """Return every section of an archive of format ``version``, in the order it is restored."""
    if version == 1:
        history = [SnapshotRevisionSection(Revision, chunk=100, batch=100)]
    else:
        history = [
            ModelSection(Revision, chunk=2000),
            ModelSection(RevisionText, chunk=2000),
            ModelSection(RevisionSlot, chunk=2000),
            RevisionChangeSection(RevisionChange, chunk=2000),
        ]
    return [
        GroupSection(),
        UserSection(),
        ModelSection(Topic),
        ModelSection(Release),
        ModelSection(Segment, chunk=2000),
        PhotoSection(Photo),
        *history,
        PublicationSection(Publication),
        # Scheduled publications are archived from version 3 on.
        *([ModelSection(ScheduledPublication)] if version >= 3 else []),
        *registry.extra_archive_sections(version),
    ]


def _media_copy(directory, name):
    """Copy stored file ``name`` into the archive; return its manifest entry."""
    if not IMAGE_NAME.match(name) or not default_storage.exists(name):
        raise ArchiveError(ArchiveError.MISSING_PHOTO % {"name": name})
    member = f"{MEDIA_DIR}/{name}"
    target = Path(directory) / member
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with default_storage.open(name, "rb") as source, open(target, "wb") as out:
        while block := source.read(READ_BLOCK):
            digest.update(block)
            out.write(block)
    return {"name": member, "sha256": digest.hexdigest()}


def archive_export(directory, *, progress=None):
    """Write every section and the photo files they name to ``directory``; return the manifest.

    Rows are read in chunks of one query each and written as they come, so memory holds
    one chunk, never the archive. The directory must be new or empty.
    """
    directory = Path(directory)
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise ArchiveError(ArchiveError.NOT_EMPTY_DIR % {"path": directory})
    (directory / DATA_DIR).mkdir(parents=True, exist_ok=True)
    try:
        return _export(directory, progress)
    except BaseException:
        # Leave no half archive behind: the directory was new or empty.
        for child in directory.iterdir():
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
        raise


def _export(directory, progress):
    # Every section is read from one snapshot of the database, even while others write.
    repeatable = connection.vendor == "postgresql" and not connection.in_atomic_block
    entries, names = [], set()
    with transaction.atomic():
        if repeatable:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        for section in archive_sections():
            writer = LinesWriter(directory / section.file)
            try:
                for row in section.rows():
                    writer.write(row)
                    names.update(section.media(row))
            finally:
                written = writer.close()
            entries.append({"name": section.name, "file": section.file, **written})
            if progress:
                progress(section.name, written["rows"])
        files = [_media_copy(directory, name) for name in sorted(names)]
    return manifest_write(directory, entries, files)


def _media_name(entry):
    """Return the storage name of an archived photo file; refuse any other file."""
    name = entry["name"]
    stored = IMAGE_NAME.match(name.removeprefix(f"{MEDIA_DIR}/")) if isinstance(name, str) else None
    # Content-addressed: the name is the digest of the bytes the manifest vouches for.
    if stored is None or stored["digest"] != entry["sha256"]:
        raise ArchiveError(ArchiveError.NOT_A_PHOTO % {"name": str(name)[:200]})
    return stored.string


def _media_restore(directory, entry):
    """Store an archived photo file under its own name (already there: the same bytes)."""
    name = _media_name(entry)
    if default_storage.exists(name):
        return
    with open(member_path(directory, entry["name"]), "rb") as stream:
        saved = default_storage.save(name, File(stream))
    if saved != name:
        raise ArchiveError(ArchiveError.MISSING_PHOTO % {"name": name})


def _sequences_reset(models):
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def _refuse_if_not_empty(sections):
    filled = [section.name for section in sections if section.has_rows()]
    if filled:
        raise ArchiveError(ArchiveError.NOT_EMPTY_DB % {"what": ", ".join(filled)})


@transaction.atomic
def archive_import(directory, *, progress=None):
    """Restore the archive in ``directory`` into this empty database; return its manifest.

    Refused, with nothing written, when the database holds data, the manifest is not of
    this format version, or a file is missing or differs from its checksum. Everything is
    restored in one transaction; photo files are stored content-addressed, so a file left
    by a failed restore is the very file a later one would write.
    """
    _refuse_if_not_empty(archive_sections())
    manifest = manifest_read(
        directory, lambda version: [section.name for section in archive_sections(version)]
    )
    sections = archive_sections(manifest["version"])
    for entry in manifest["files"]:
        _media_name(entry)
    for section, entry in zip(sections, manifest["sections"], strict=True):
        count = section.load(
            read_lines(member_path(directory, entry["file"]), entry["file"], entry["sha256"])
        )
        if count != entry["rows"]:
            raise ArchiveError(
                ArchiveError.ROW_COUNT
                % {"name": entry["file"], "found": count, "expected": entry["rows"]}
            )
        if progress:
            progress(section.name, count)
    _sequences_reset([model for section in sections for model in section.models()])
    # Files before the rebuilt read model, which makes the photos' renditions.
    for entry in manifest["files"]:
        _media_restore(directory, entry)
    for section in sections:
        section.restored()
    return manifest
