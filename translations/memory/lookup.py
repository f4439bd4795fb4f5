"""Finding matches for many source texts at once, in a fixed number of queries.

Exact matches: the normalised source's hash, one indexed query. Fuzzy matches: the tokens of
every text are looked up with their entry counts (one query); each text reads the postings
of its rarest tokens that a match of ≥ 75% must share (see ``text.prefix_size``), up to
``POSTINGS_PER_TEXT`` postings, in one query for all texts; the entries sharing most of
those tokens (and of a possible length) are read (one query) and scored with difflib over
words or characters, the most promising first (difflib's quick ratio bounds the real one,
so scoring stops once no other candidate can enter the best three). The work per text is
bounded by the postings budget, not by the size of the memory; the price is that a text made
only of very common words may miss a fuzzy match that a full scan would find.
"""

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher
from functools import cached_property

from django.db import connection

from records.diff import diff_text
from translations.memory.index import chunks
from translations.memory.models import MemoryEntry, MemoryPosting, MemoryToken
from translations.memory.text import (
    FUZZY_THRESHOLD,
    index_tokens,
    length_bounds,
    prefix_size,
    similarity_units,
    source_hash,
)

MATCHES_SHOWN = 3
# Ids or texts per IN list: one query each for a whole page or release, where the database
# allows that many variables (SQLite since 3.32: 32,766).
IN_LIST = 10_000
# Postings read per text (its rarest tokens first) and candidates considered per text.
POSTINGS_PER_TEXT = 400
CANDIDATES_PER_TEXT = 24


@dataclass(frozen=True, slots=True)
class Entry:
    """What a match shows of a memory entry (read without building model instances)."""

    pk: int
    source_language: str
    target_language: str
    source_text: str
    target_text: str
    release_slug: str
    revision_number: int | None
    approver: str
    changed_at: datetime


ENTRY_FIELDS = [field.name for field in Entry.__dataclass_fields__.values()]


def _entries(queryset):
    return [Entry(*row) for row in queryset.values_list(*ENTRY_FIELDS)]


@dataclass
class Match:
    """A memory entry matching a text: exact (identical source) or fuzzy, with its share."""

    entry: Entry
    score: float
    exact: bool
    # The text looked up (to show what differs from the entry's source).
    source: str

    @property
    def percent(self):
        return 100 if self.exact else min(99, int(self.score * 100))

    @cached_property
    def diff(self):
        """Return the runs from the entry's source to the text: what to delete and insert."""
        return diff_text(self.entry.source_text, self.source, self.entry.source_language)


def in_list_size():
    """Return how many values one IN list may hold on this database."""
    if connection.vendor != "sqlite":
        return IN_LIST
    connection.ensure_connection()
    limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return max(100, min(IN_LIST, limit - 100))


def _exact(source_language, target_language, hashes):
    found = {}
    for chunk in chunks(hashes, in_list_size()):
        rows = (
            MemoryEntry.objects.filter(
                source_language=source_language,
                target_language=target_language,
                source_hash__in=chunk,
            )
            .order_by("-changed_at", "-pk")
            .values_list("source_hash", *ENTRY_FIELDS)
        )
        for value, *fields in rows:
            found.setdefault(value, []).append(Entry(*fields))
    return found


def _token_stats(source_language, target_language, tokens):
    stats = {}
    for chunk in chunks(tokens, in_list_size()):
        for pk, text, count in MemoryToken.objects.filter(
            source_language=source_language, target_language=target_language, text__in=chunk
        ).values_list("pk", "text", "entries"):
            stats[text] = (count, pk)
    return stats


def _chosen_tokens(tokens, stats, language):
    """Return the ids of the rarest tokens a fuzzy match must share one of, within budget."""
    ranked = sorted((stats.get(token, (0, None)) for token in tokens), key=lambda s: s[0])
    chosen, budget = [], POSTINGS_PER_TEXT
    for count, pk in ranked[: prefix_size(tokens, language)]:
        if pk is None:
            continue
        if count > budget:
            break
        chosen.append(pk)
        budget -= count
    return chosen


def _candidates(chosen, postings, length):
    """Return the ids of the entries sharing most chosen tokens, of a length that can match."""
    low, high = length_bounds(length)
    shared = {}
    for pk in chosen:
        for entry_id, entry_length in postings.get(pk, ()):
            if low <= entry_length <= high:
                shared[entry_id] = shared.get(entry_id, 0) + 1
    best = sorted(shared.items(), key=lambda item: (-item[1], -item[0]))
    return [entry_id for entry_id, _count in best[:CANDIDATES_PER_TEXT]]


def _fuzzy(units, entries, entry_units, limit):
    """Return the best ``limit`` fuzzy matches among ``entries``: ``[(score, entry), …]``."""
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(units)
    bounded = []
    for entry in entries:
        matcher.set_seq1(entry_units(entry))
        bound = matcher.quick_ratio()
        if bound >= FUZZY_THRESHOLD:
            bounded.append((bound, entry))
    bounded.sort(key=lambda item: (-item[0], -item[1].changed_at.timestamp(), -item[1].pk))
    scored = []
    for bound, entry in bounded:
        if len(scored) >= limit and scored[limit - 1][0] >= bound:
            break
        matcher.set_seq1(entry_units(entry))
        score = matcher.ratio()
        if score >= FUZZY_THRESHOLD:
            scored.append((score, entry))
            scored.sort(key=lambda item: (-item[0], -item[1].changed_at.timestamp(), -item[1].pk))
    return scored[:limit]


def memory_lookup(source_language, target_language, sources, *, current=None, limit=MATCHES_SHOWN):
    """Return ``{key: [Match, …]}``: the best ``limit`` matches of each text in ``sources``
    (``{key: source text}``), exact ones first; ``current`` (``{key: target text}``) leaves
    out entries that would give a unit the translation it already has."""
    current = current or {}
    texts = {key: text for key, text in sources.items() if text and text.strip()}
    if not texts:
        return {}
    units = {key: similarity_units(text, source_language) for key, text in texts.items()}
    tokens = {key: index_tokens(units[key], source_language) for key in texts}
    hashes = {key: source_hash(text) for key, text in texts.items()}
    exact = _exact(source_language, target_language, set(hashes.values()))
    stats = _token_stats(
        source_language, target_language, {token for found in tokens.values() for token in found}
    )
    chosen = {key: _chosen_tokens(tokens[key], stats, source_language) for key in texts}
    postings = {}
    for chunk in chunks({pk for ids in chosen.values() for pk in ids}, in_list_size()):
        for token_id, entry_id, length in MemoryPosting.objects.filter(
            token_id__in=chunk
        ).values_list("token_id", "entry_id", "length"):
            postings.setdefault(token_id, []).append((entry_id, length))
    candidates = {key: _candidates(chosen[key], postings, len(units[key])) for key in texts}
    entries = {}
    for chunk in chunks({pk for ids in candidates.values() for pk in ids}, in_list_size()):
        entries.update(
            (entry.pk, entry) for entry in _entries(MemoryEntry.objects.filter(pk__in=chunk))
        )
    cache = {}

    def entry_units(entry):
        if entry.pk not in cache:
            cache[entry.pk] = similarity_units(entry.source_text, source_language)
        return cache[entry.pk]

    found = {}
    for key, text in texts.items():
        skip = (current.get(key) or "").strip()
        matches = [
            Match(entry, 1.0, True, text)
            for entry in exact.get(hashes[key], [])
            if not skip or entry.target_text.strip() != skip
        ]
        seen = {match.entry.pk for match in matches}
        others = [
            entries[pk]
            for pk in candidates[key]
            if pk in entries
            and pk not in seen
            and not (skip and entries[pk].target_text.strip() == skip)
        ]
        room = max(0, limit - len(matches))
        if room:
            matches += [
                Match(entry, score, False, text)
                for score, entry in _fuzzy(units[key], others, entry_units, room)
            ]
        if matches:
            found[key] = matches[:limit]
    return found


def memory_exact(source_language, target_language, sources):
    """Return ``{key: newest entry}`` with a source identical to each text in ``sources``."""
    hashes = {key: source_hash(text) for key, text in sources.items() if text and text.strip()}
    exact = _exact(source_language, target_language, set(hashes.values()))
    return {key: exact[value][0] for key, value in hashes.items() if value in exact}
