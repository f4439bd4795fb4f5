"""The records admin: releases (with history, compare, restore, publish and conflict pages),
topics and publications.

- :mod:`.base` — helpers other apps' admins share (404 for bad ids, read-only admins, a
  release's title with its slug in a list);
- :mod:`.forms` — the release form and inlines, read into content for ``release_write``;
- :mod:`.editing` — the save of that form: content → ``release_write`` → redirect, the form
  again with the reason, or the conflict page;
- :mod:`.views` — the release's own pages, as class-based views;
- :mod:`.release` — the registered ModelAdmins.
"""

from .base import (
    ReadOnlyAdmin,
    locked_fields,
    object_pk_or_404,
    release_cell,
    revision_number,
)
from .release import PhotoInline, PublicationAdmin, ReleaseAdmin, SegmentInline, TopicAdmin

__all__ = [
    "PhotoInline",
    "PublicationAdmin",
    "ReadOnlyAdmin",
    "ReleaseAdmin",
    "SegmentInline",
    "TopicAdmin",
    "locked_fields",
    "object_pk_or_404",
    "release_cell",
    "revision_number",
]
