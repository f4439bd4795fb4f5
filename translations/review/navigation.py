"""Moving through a workbench (reads, no HTML): search within the release, the next unit of a
state, the page a unit is on, and each translation's length against its source.

Everything works on the rows :func:`translations.review.workbench.workbench` has built for the
whole release (a constant number of queries), so a search or a jump covers every page.
"""

import unicodedata
from dataclasses import dataclass
from statistics import median

from django.utils.translation import gettext_lazy as _

from config import limits
from records.folding import fold

# The states "next" jumps to (filter names of the workbench), with their labels.
NEXT_STATES = {
    "untranslated": _("untranslated"),
    "outdated": _("outdated"),
    "review": _("needs review"),
    "errors": _("with errors"),
}

# Length ratios (target characters / source characters). Languages differ a lot (Japanese
# takes about a third of the English characters, Russian about a tenth more), so a ratio is
# only judged against the median ratio of the same release and language, from units whose
# source has at least RATIO_MIN_SOURCE characters, once RATIO_MIN_UNITS are translated; a
# ratio beyond RATIO_EXTREME times that median either way is flagged: a translation that much
# longer or shorter than its neighbours has usually lost or doubled a sentence.
RATIO_MIN_SOURCE = 20
RATIO_MIN_UNITS = 5
RATIO_EXTREME = 2.5


def search_clean(query):
    """Return ``(query, cut)``: the search with its spaces collapsed, cut to
    ``limits.MAX_SEARCH_CHARS``."""
    query = " ".join((query or "").split())
    if len(query) > limits.MAX_SEARCH_CHARS:
        return query[: limits.MAX_SEARCH_CHARS], True
    return query, False


def rows_search(rows, query):
    """Return the rows whose source or target text contains ``query``: case-insensitive,
    full- and half-width forms alike (NFKC), ё as е; a plain substring, so Japanese needs no
    word boundaries."""
    needle = fold(query)
    if not needle:
        return list(rows)
    return [row for row in rows if needle in fold(row.source) or needle in fold(row.target)]


def _folded_clusters(text):
    """Return ``(folded, starts, ends)``: ``text`` folded a character at a time (with the
    combining characters after it, which NFKC may compose with it), and for each folded
    character the start and end in ``text`` of the characters it comes from."""
    folded, starts, ends = [], [], []
    index = 0
    while index < len(text):
        end = index + 1
        while end < len(text) and unicodedata.combining(
            unicodedata.normalize("NFKC", text[end])[:1] or " "
        ):
            end += 1
        piece = fold(text[index:end])
        folded.append(piece)
        starts += [index] * len(piece)
        ends += [end] * len(piece)
        index = end
    return "".join(folded), starts, ends


def search_spans(text, query):
    """Return the ``(start, end)`` in ``text`` of each occurrence of ``query``, found as
    :func:`rows_search` finds it (folded), without overlaps; ``[]`` without a query."""
    needle = fold(query or "")
    if not needle or not text:
        return []
    folded, starts, ends = _folded_clusters(text)
    spans = []
    at = folded.find(needle)
    while at != -1:
        start, end = starts[at], ends[at + len(needle) - 1]
        if not spans or start >= spans[-1][1]:
            spans.append((start, end))
        at = folded.find(needle, at + len(needle))
    return spans


def rows_mark(rows, query):
    """Give each row the ``source_found`` / ``target_found`` spans of the search ``query``
    (what the row template marks)."""
    for row in rows:
        row.source_found = search_spans(row.source, query)
        row.target_found = search_spans(row.target, query)
    return rows


def rows_view(bench, name, query=""):
    """Return the rows the page lists under filter ``name`` and search ``query``."""
    rows = bench.filtered(name)
    return rows_search(rows, query) if query else rows


@dataclass(frozen=True)
class Jump:
    """Where "next" lands: the row, and whether it went past the end to the start."""

    row: object
    wrapped: bool


def next_of(rows, name, after=None, *, include=False):
    """Return the :class:`Jump` to the first row after the one keyed ``after`` (at it with
    ``include``) that belongs under filter ``name``, in release order, going round past the
    end; None when no row does."""
    keys = [row.key for row in rows]
    start = 0
    if after in keys:
        start = keys.index(after) + (0 if include else 1)
    ordered = rows[start:] + rows[:start]
    for number, row in enumerate(ordered):
        if row.matches(name):
            return Jump(row, wrapped=number >= len(rows) - start)
    return None


def page_of(rows, key, per_page):
    """Return the page number (from 1) of the row keyed ``key`` in ``rows``, or None."""
    for index, row in enumerate(rows):
        if row.key == key:
            return index // per_page + 1
    return None


@dataclass(frozen=True)
class Lengths:
    """A unit's length in characters (code points), source and target, and their ratio."""

    source: int
    target: int
    ratio: float | None
    # Far from the release's usual ratio in this language (see RATIO_EXTREME).
    extreme: bool = False


def length_ratio(source, target):
    """Return ``len(target) / len(source)``, or None without both texts."""
    return len(target) / len(source) if source.strip() and target.strip() else None


def length_median(rows):
    """Return the median length ratio of ``rows``' translated units with a source long enough
    to judge, or None with fewer than :data:`RATIO_MIN_UNITS` of them."""
    ratios = [
        length_ratio(row.source, row.target)
        for row in rows
        if len(row.source) >= RATIO_MIN_SOURCE and row.target.strip()
    ]
    return median(ratios) if len(ratios) >= RATIO_MIN_UNITS else None


def lengths_of(source, target, usual=None):
    """Return the :class:`Lengths` of a unit; ``usual`` is the release's median ratio."""
    ratio = length_ratio(source, target)
    extreme = bool(
        usual
        and ratio is not None
        and len(source) >= RATIO_MIN_SOURCE
        and not 1 / RATIO_EXTREME <= ratio / usual <= RATIO_EXTREME
    )
    return Lengths(len(source), len(target), ratio, extreme)


def rows_measure(rows, usual=None):
    """Give each row its ``lengths`` (what the row template shows under the translation)."""
    for row in rows:
        row.lengths = lengths_of(row.source, row.target, usual)
    return rows
