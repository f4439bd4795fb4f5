"""Services that write releases: every write goes through ``release_write``.

- :mod:`.errors` — what the services refuse, and the result of a write;
- :mod:`.validation` — one validation for every write path (shape, limits, text hygiene);
- :mod:`.merging` — the three-way merge of snapshots;
- :mod:`.alignment` — keys kept across re-imports of a text;
- :mod:`.writing` — locking, merging, recording revisions, restoring;
- :mod:`.texts` — text edits of existing units (the workbench's saves) at the cost of the edit;
- :mod:`.working_copy` — a snapshot applied to the release's rows in a few bulk queries;
- :mod:`.importing` — JSON documents and text files;
- :mod:`.topics` — the topic of an imported text (its breadcrumb's, or the default topic);
- :mod:`.versions` — another language's text aligned to a release's structure;
- :mod:`.publishing` — publications, one language or several together.
"""

from .alignment import align_keys, content_from_parsed
from .errors import (
    ActionNotAllowed,
    MergeConflict,
    PublicationError,
    ReleaseContentError,
    ReleaseExists,
    RevisionConflict,
    WriteResult,
)
from .importing import (
    ImportTarget,
    release_import_document,
    release_import_target,
    release_import_text,
)
from .merging import MINE, THEIRS, Conflict, merge_snapshots, snapshot_changes
from .publishing import PublicationsRefused, release_publish, releases_publish, text_missing
from .texts import release_texts_write, unit_read
from .validation import (
    MAX_UNITS,
    content_complete,
    content_from_document,
    content_validate,
    document_parse,
)
from .versions import (
    AlignmentError,
    AlignmentProposalError,
    alignment_plan,
    release_import_language,
)
from .working_copy import release_apply
from .writing import (
    REFUSE,
    REPORT,
    release_lock,
    release_write,
    revision_commit,
    revision_message,
    revision_restore,
    revision_snapshot,
    topic_ensure,
)

__all__ = [
    "MAX_UNITS",
    "MINE",
    "REFUSE",
    "REPORT",
    "THEIRS",
    "ActionNotAllowed",
    "AlignmentError",
    "AlignmentProposalError",
    "Conflict",
    "ImportTarget",
    "MergeConflict",
    "PublicationError",
    "PublicationsRefused",
    "ReleaseContentError",
    "ReleaseExists",
    "RevisionConflict",
    "WriteResult",
    "align_keys",
    "alignment_plan",
    "content_complete",
    "content_from_document",
    "content_from_parsed",
    "content_validate",
    "document_parse",
    "merge_snapshots",
    "release_apply",
    "release_import_document",
    "release_import_language",
    "release_import_target",
    "release_import_text",
    "release_lock",
    "release_publish",
    "releases_publish",
    "release_texts_write",
    "release_write",
    "revision_message",
    "revision_commit",
    "revision_restore",
    "revision_snapshot",
    "snapshot_changes",
    "text_missing",
    "topic_ensure",
    "unit_read",
]
