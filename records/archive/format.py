"""The archive on disk: a manifest and one JSON Lines file per section, checksummed.

Layout of an archive directory::

    manifest.json                  format, version, sections (file, rows, sha256), files
    data/<section>.jsonl           one JSON object per row, in primary key order
    media/photos/<digest>.<ext>    photo originals, content-addressed as in storage

The same database state writes the same bytes: rows in key order, fields in model order,
no clock anywhere but in the rows' own timestamps. The manifest is written last, so a
directory without one is not an archive.
"""

import datetime
import decimal
import hashlib
import json
import uuid
from pathlib import Path

from django.utils.translation import gettext_lazy as _

FORMAT = "concord-archive"
# Version 2 stores revisions as what they changed (records.revisions); version 1 archives,
# with a full snapshot per revision, are still read. Version 3 adds scheduled publications.
# Version 4 has the same tables; what other apps archive may differ (the term checks' findings
# name every unit from version 4 on): they get the version of the archive they restore.
FORMAT_VERSION = 4
READ_VERSIONS = (1, 2, 3, 4)
MANIFEST = "manifest.json"
DATA_DIR = "data"
MEDIA_DIR = "media"
READ_BLOCK = 1024 * 1024


class ArchiveError(ValueError):
    """An archive cannot be written or restored; nothing was changed."""

    NOT_EMPTY_DIR = _("The directory “%(path)s” is not empty: export into a new directory.")
    NO_MANIFEST = _("“%(path)s” has no manifest.json: it is not a Concord archive.")
    BAD_MANIFEST = _("The manifest cannot be read: %(problem)s.")
    WRONG_FORMAT = _("“%(path)s” is not a Concord archive (format “%(format)s”).")
    WRONG_VERSION = _(
        "The archive has format version %(found)s; this Concord reads versions %(expected)s."
    )
    SECTIONS = _("The archive's sections do not match this Concord's: %(problem)s.")
    MISSING_FILE = _("The archive file “%(name)s” is missing.")
    TAMPERED = _("The archive file “%(name)s” does not match its checksum in the manifest.")
    BAD_NAME = _("The manifest names a file outside the archive: “%(name)s”.")
    NOT_A_PHOTO = _("The manifest names a file that is not a stored photo: “%(name)s”.")
    BAD_ROW = _("Line %(line)d of “%(name)s” is not a valid row: %(problem)s.")
    REFUSED_ROWS = _("The database refused rows of “%(name)s”: %(problem)s.")
    ROW_COUNT = _("“%(name)s” holds %(found)d rows; the manifest says %(expected)d.")
    NOT_EMPTY_DB = _(
        "The database is not empty (%(what)s): an archive is restored only into a new, "
        "migrated database. Nothing was changed."
    )
    MISSING_PHOTO = _("The photo file “%(name)s” is missing from storage.")
    UNKNOWN_PERMISSION = _("The archive names a permission this Concord lacks: “%(name)s”.")


def encode_value(value):
    """Return ``value`` as plain JSON (times in ISO 8601 with microseconds, UUIDs as text)."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID | decimal.Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} cannot be archived")


def dumps(row):
    """Return one JSON Lines line (with its newline) for ``row``, always the same bytes."""
    text = json.dumps(row, ensure_ascii=False, separators=(",", ":"), default=encode_value)
    return (text + "\n").encode("utf-8", "surrogatepass")


def file_sha256(path):
    """Return the SHA-256 of the file at ``path``, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while block := stream.read(READ_BLOCK):
            digest.update(block)
    return digest.hexdigest()


class LinesWriter:
    """Write rows to one JSON Lines file, counting them and hashing the bytes as they go."""

    def __init__(self, path):
        self.path = Path(path)
        self.rows = 0
        self._digest = hashlib.sha256()
        self._stream = open(self.path, "wb")  # noqa: SIM115 (closed by close())

    def write(self, row):
        line = dumps(row)
        self._digest.update(line)
        self._stream.write(line)
        self.rows += 1

    def close(self):
        self._stream.close()
        return {"rows": self.rows, "sha256": self._digest.hexdigest()}


def read_lines(path, name, sha256):
    """Yield the rows of JSON Lines file ``path`` one at a time; at its end, refuse it if
    the bytes read differ from ``sha256`` (a file changed after the manifest was checked)."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for number, line in enumerate(stream, start=1):
            digest.update(line)
            try:
                row = json.loads(line)
            except ValueError as error:
                raise ArchiveError(
                    ArchiveError.BAD_ROW % {"line": number, "name": name, "problem": error}
                ) from error
            if not isinstance(row, dict):
                raise ArchiveError(
                    ArchiveError.BAD_ROW
                    % {"line": number, "name": name, "problem": _("not an object")}
                )
            yield row
    if digest.hexdigest() != sha256:
        raise ArchiveError(ArchiveError.TAMPERED % {"name": name})


def manifest_write(directory, sections, files):
    """Write the manifest of the archive in ``directory``, last of all its files."""
    manifest = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "sections": sections,
        "files": sorted(files, key=lambda entry: entry["name"]),
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (Path(directory) / MANIFEST).write_bytes(text.encode("utf-8"))
    return manifest


def _inside(directory, name):
    """Return the path of archive member ``name``, refusing names that leave the archive."""
    root = Path(directory).resolve()
    if not isinstance(name, str) or root not in (root / name).resolve().parents:
        raise ArchiveError(ArchiveError.BAD_NAME % {"name": str(name)[:200]})
    return (root / name).resolve()


def manifest_read(directory, sections_of):
    """Return the manifest of ``directory`` once every file it lists matches its checksum.

    ``sections_of(version)`` returns the section names this Concord reads in an archive of
    that format version, in order; an archive with other sections is refused rather than
    half restored.
    """
    path = Path(directory) / MANIFEST
    if not path.is_file():
        raise ArchiveError(ArchiveError.NO_MANIFEST % {"path": directory})
    try:
        manifest = json.loads(path.read_bytes())
    except ValueError as error:
        raise ArchiveError(ArchiveError.BAD_MANIFEST % {"problem": error}) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise ArchiveError(ArchiveError.WRONG_FORMAT % {"path": directory, "format": found})
    if manifest.get("version") not in READ_VERSIONS:
        raise ArchiveError(
            ArchiveError.WRONG_VERSION
            % {
                "found": manifest.get("version"),
                "expected": ", ".join(str(version) for version in READ_VERSIONS),
            }
        )
    expected_sections = sections_of(manifest["version"])
    try:
        sections, files = manifest["sections"], manifest["files"]
        names = [section["name"] for section in sections]
        members = [(entry["file"], entry["sha256"]) for entry in sections]
        members += [(entry["name"], entry["sha256"]) for entry in files]
        if not all(type(section["rows"]) is int for section in sections):
            raise ValueError(_("a row count is not a number"))
    except (ValueError, KeyError, TypeError) as error:
        raise ArchiveError(ArchiveError.BAD_MANIFEST % {"problem": error}) from error
    if names != list(expected_sections):
        missing = [name for name in expected_sections if name not in names]
        extra = [name for name in names if name not in expected_sections]
        problem = "; ".join(
            part
            for part in (
                missing and _("missing %s") % ", ".join(missing),
                extra and _("unknown %s") % ", ".join(extra),
                not (missing or extra) and _("out of order"),
            )
            if part
        )
        raise ArchiveError(ArchiveError.SECTIONS % {"problem": problem})
    for name, sha256 in members:
        member = _inside(directory, name)
        if not member.is_file():
            raise ArchiveError(ArchiveError.MISSING_FILE % {"name": name})
        if file_sha256(member) != sha256:
            raise ArchiveError(ArchiveError.TAMPERED % {"name": name})
    return manifest


def member_path(directory, name):
    """Return the path of a member the manifest names (checked by ``manifest_read``)."""
    return _inside(directory, name)
