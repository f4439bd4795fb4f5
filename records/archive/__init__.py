"""Backups: the whole database as a directory of JSON Lines files, and its restore.

- :mod:`.format` — the archive on disk (manifest, checksums, deterministic lines);
- :mod:`.sections` — one table per section, read in chunks and inserted raw;
- :mod:`.services` — ``archive_export`` and ``archive_import``.

Other apps add their tables through ``records.extensions.registry.add_archive_sections``.
"""

from .format import FORMAT, FORMAT_VERSION, MANIFEST, ArchiveError
from .sections import ModelSection
from .services import archive_export, archive_import, archive_sections

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MANIFEST",
    "ArchiveError",
    "ModelSection",
    "archive_export",
    "archive_import",
    "archive_sections",
]
