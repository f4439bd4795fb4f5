"""Differences between revisions, per language: words for English and Russian, characters and
script runs for Japanese (see :mod:`.text`); segments and photos aligned by key
(:mod:`.changes`); plain-text rendering for the command line (:mod:`.render`)."""

from .changes import (
    LanguageDiff,
    MetadataChange,
    PhotoChange,
    SegmentChange,
    diff_metadata,
    diff_revisions_all,
    diff_snapshots,
)
from .render import render_text_diff
from .text import ADDED, CHANGED, REMOVED, UNCHANGED, TextOp, diff_text, tokenize

__all__ = [
    "ADDED",
    "CHANGED",
    "REMOVED",
    "UNCHANGED",
    "LanguageDiff",
    "MetadataChange",
    "PhotoChange",
    "SegmentChange",
    "TextOp",
    "diff_metadata",
    "diff_revisions_all",
    "diff_snapshots",
    "diff_text",
    "render_text_diff",
    "tokenize",
]
