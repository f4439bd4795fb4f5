"""The history in an archive: version 2 writes its tables as they are; version 1 archives,
whose revisions carry full snapshots, are stored as changes on the way in and read back.

A version-1 file lists revisions in id order, and a release's revisions were always written in
number order, so each one is stored against the one before it of the same release (kept for
the releases seen last, read back from the database for the others). Every revision is then
read back and must equal its snapshot and have its checksum, or the restore is refused.
"""

import json
from collections import OrderedDict

from django.utils.translation import gettext_lazy as _

from ..revisions import revisions_store, snapshots_read
from ..snapshots import snapshot_checksum
from .format import ArchiveError
from .sections import ModelSection

# Releases whose newest restored snapshot stays in memory while a version-1 file is loaded.
RECENT_RELEASES = 32


class RevisionChangeSection(ModelSection):
    """Change rows; the photo files an old revision names come with the archive too."""

    def media(self, row):
        try:
            stored = json.loads(row.get("value") or "null")
        except ValueError:
            return []
        image = stored.get("f", {}).get("image") if isinstance(stored, dict) else None
        return [image] if image and isinstance(image, str) else []


class SnapshotRevisionSection(ModelSection):
    """Revisions of a version-1 archive, each with its full snapshot."""

    UNREADABLE = _(
        "Line %(line)d of “%(name)s”: revision %(number)s of release %(release)s does not read "
        "back as its snapshot (checksum %(found)s, recorded %(expected)s)."
    )

    def __init__(self, model, **options):
        super().__init__(model, **options)
        self._recent = OrderedDict()

    def _previous(self, revision):
        """Return the snapshot of the release's revision restored before ``revision``, or
        None for its first."""
        if revision.release_id in self._recent:
            self._recent.move_to_end(revision.release_id)
            return self._recent[revision.release_id]
        before = (
            self.queryset()
            .filter(release_id=revision.release_id, number__lt=revision.number)
            .order_by("-number")
            .values_list("pk", flat=True)
            .first()
        )
        return None if before is None else snapshots_read([before])[before]

    def _snapshot(self, row, line):
        snapshot = row.get("snapshot")
        if not isinstance(snapshot, dict):
            raise ArchiveError(
                ArchiveError.BAD_ROW
                % {"line": line, "name": self.file, "problem": _("no snapshot")}
            )
        return snapshot

    def insert(self, batch, first_line):
        super().insert(batch, first_line)
        entries, newest = [], {}
        for index, row in enumerate(batch):
            revision = self.model(**self.decode(row, first_line + index))
            snapshot = self._snapshot(row, first_line + index)
            release = revision.release_id
            previous = newest[release] if release in newest else self._previous(revision)
            entries.append((revision, snapshot, previous))
            newest[release] = snapshot
        revisions_store(entries)
        for release, snapshot in newest.items():
            self._recent[release] = snapshot
            self._recent.move_to_end(release)
        while len(self._recent) > RECENT_RELEASES:
            self._recent.popitem(last=False)
        read = snapshots_read([revision for revision, _snapshot, _previous in entries])
        for index, (revision, snapshot, _previous) in enumerate(entries):
            content = read[revision.pk]
            if content != snapshot or snapshot_checksum(content) != revision.checksum:
                raise ArchiveError(
                    self.UNREADABLE
                    % {
                        "line": first_line + index,
                        "name": self.file,
                        "number": revision.number,
                        "release": revision.release_id,
                        "found": snapshot_checksum(content),
                        "expected": revision.checksum,
                    }
                )
