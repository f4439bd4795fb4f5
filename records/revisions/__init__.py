"""Revisions stored as what they changed, over texts stored once.

- :mod:`.models` — RevisionText, RevisionSlot, RevisionChange (insert only);
- :mod:`.content` — a snapshot as slots, a slot's stored form (plain data);
- :mod:`.storing` — a revision's changed slots and new texts written;
- :mod:`.reading` — any revision read back in full, in two queries;
- :mod:`.head` — the newest revision kept in memory for the next write (checksum by pieces);
- :mod:`.history` — what each revision changed, runs of one author's saves, for the history.
"""

from .reading import RevisionUnreadable, snapshot_read, snapshots_read, with_release_field
from .storing import HistoryModels, revisions_store

__all__ = [
    "HistoryModels",
    "RevisionUnreadable",
    "revisions_store",
    "snapshot_read",
    "snapshots_read",
    "with_release_field",
]
