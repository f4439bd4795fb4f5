"""Finding matches for many source texts at once, in a fixed number of queries.

Exact matches: the normalised source's hash, one indexed query. Fuzzy matches: the tokens of
every text are looked up with their entry counts (one query); each text reads the postings
of its rarest tokens that a match of ≥ 75% must share (see ``text.prefix_size``), up to
``POSTINGS_PER_TEXT`` postings, in one query for all texts; the entries sharing most of
those tokens (and of a possible length) are read (one query) and scored with difflib over
words or characters. The work per text is bounded by the postings budget, not by the size
of the memory; the price is that a text made only of very common words may miss a fuzzy
match that a full scan would find.
"""

from dataclasses import dataclass
from functools import cached_property

from records.diff import diff_text

from .index import chunks
from .models import MemoryEntry, MemoryPosting, MemoryToken
from .text import (
    FUZZY_THRESHOLD,
    index_tokens,
    length_bounds,
    prefix_size,
    similarity,
    similarity_units,
    source_hash,
)

MATCHES_SHOWN = 3
# Postings read per text (its rarest tokens first) and candidates scored per text.
POSTINGS_PER_TEXT = 400
CANDIDATES_PER_TEXT = 24


@dataclass
class Match:
    """A memory entry matching a text: exact (identical source) or fuzzy, with its share."""

    entry: MemoryEntry
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


def _exact(source_language, target_language, hashes):
    found = {}
    for chunk in chunks(hashes):
        for entry in MemoryEntry.objects.filter(
            source_language=source_language, target_language=target_language, source_hash__in=chunk
        ).order_by("-changed_at", "-pk"):
            found.setdefault(entry.source_hash, []).append(entry)
    return found


def _token_stats(source_language, target_language, tokens):
    stats = {}
    for chunk in chunks(tokens):
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
    for chunk in chunks({pk for ids in chosen.values() for pk in ids}):
        for token_id, entry_id, length in MemoryPosting.objects.filter(
            token_id__in=chunk
        ).values_list("token_id", "entry_id", "length"):
            postings.setdefault(token_id, []).append((entry_id, length))
    candidates = {key: _candidates(chosen[key], postings, len(units[key])) for key in texts}
    entries = {}
    for chunk in chunks({pk for ids in candidates.values() for pk in ids}):
        entries.update((entry.pk, entry) for entry in MemoryEntry.objects.filter(pk__in=chunk))
    entry_units = {}
    found = {}
    for key, text in texts.items():
        skip = (current.get(key) or "").strip()
        matches = [
            Match(entry, 1.0, True, text)
            for entry in exact.get(hashes[key], [])
            if entry.target_text.strip() != skip or not skip
        ]
        seen = {match.entry.pk for match in matches}
        fuzzy = []
        for pk in candidates[key]:
            entry = entries.get(pk)
            if entry is None or pk in seen or (skip and entry.target_text.strip() == skip):
                continue
            if pk not in entry_units:
                entry_units[pk] = similarity_units(entry.source_text, source_language)
            score = similarity(units[key], entry_units[pk])
            if score >= FUZZY_THRESHOLD:
                fuzzy.append(Match(entry, score, False, text))
        fuzzy.sort(key=lambda match: (-match.score, -match.entry.changed_at.timestamp()))
        matches = (matches + fuzzy)[:limit]
        if matches:
            found[key] = matches
    return found


def memory_exact(source_language, target_language, sources):
    """Return ``{key: newest entry}`` with a source identical to each text in ``sources``."""
    hashes = {key: source_hash(text) for key, text in sources.items() if text and text.strip()}
    exact = _exact(source_language, target_language, set(hashes.values()))
    return {key: exact[value][0] for key, value in hashes.items() if value in exact}
