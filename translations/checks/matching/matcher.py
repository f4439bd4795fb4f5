"""The matcher: one Aho-Corasick automaton over every term of one language."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import product

import ahocorasick

from config import languages
from translations.checks.matching.edges import EDGE_TEST, key_edge, with_brackets
from translations.glossary.forms import Forms, current_forms
from translations.glossary.normalize import (
    BREAK_ID,
    FILLER_ID,
    OffsetMap,
    drop_ignorable,
    fold_japanese,
    restore_span,
    spell_characters,
    strip_invisible,
    word_symbol,
)
from translations.glossary.words import (
    AMPERSAND,
    TOKEN_RE,
    case_sensitive_text_keys,
    hyphen_parts,
    morphology_for,
    punctuation_key,
)

# Room for endings and combining marks beyond twice the longest term word (see word_limit).
WORD_SLACK = 16
_HYPHENS = frozenset("-\u2010\u2011")
_HYPHEN_PART_RE = re.compile("[^-\u2010\u2011]+")


@dataclass(frozen=True)
class TermSpec:
    """Describe one glossary term as plain data."""

    id: int
    concept_id: int
    language: str
    text: str
    status: str  # a vocabulary.TermStatus value
    case_sensitive: bool = False
    # The term's stored match forms (:mod:`.forms`); None or stale ones are computed.
    forms: Forms | None = field(default=None, compare=False, repr=False)
    # Declared variants, one a line (Term.variants): matched as the term itself.
    variants: str = field(default="", compare=False)

    def match_forms(self) -> Forms:
        """Return the term's current match forms."""
        return current_forms(
            self.language, self.text, self.case_sensitive, self.forms, self.variants
        )


@dataclass(frozen=True)
class TermMatch:
    """Locate one occurrence of a term; ``text[start:end]`` is the occurrence."""

    term: TermSpec
    start: int
    end: int


Indexes = tuple[int, ...]  # positions in TermMatcher.terms
# (first, last) inclusive offsets in the scanned string -> the terms whose key spans them
Candidates = dict[tuple[int, int], Indexes]


class TermMatcher:
    """Match every term of one language in a text with one Aho-Corasick automaton."""

    _WORD_CACHE_LIMIT = 200_000

    def __init__(self, terms: Iterable[TermSpec], language: str):
        """Build the automaton over the terms of ``language`` (other languages are ignored)."""
        try:
            spec = languages.get(language)
        except KeyError:
            raise ValueError(f"unsupported language {language!r}") from None
        self.language = language
        self.by_words = spec.matching == languages.WORDS
        self.morphology = morphology_for(spec.search_config)
        self.terms: tuple[TermSpec, ...] = tuple(
            sorted((t for t in terms if t.language == language), key=lambda t: t.id)
        )
        # None for a language without terms.
        self.automaton: ahocorasick.Automaton | None = None
        self._vocab: dict[str, str] = {}  # word or punctuation key -> two-character symbol
        self._word_cache: dict[str, tuple[str, ...]] = {}  # text word -> its symbols
        self._has_case_sensitive = any(t.case_sensitive for t in self.terms)
        self._nfkc: dict[int, set[str]] = {}  # term position -> NFKC texts, case-sensitive (ja)
        self.filler = self.break_symbol = ""
        # The symbols "&" also reads as (word mode), found when a text first has one: the
        # build itself lemmatises nothing.
        self._conjunction: tuple[str, ...] | None = None
        self.max_key_length = 0  # in units (word mode) or characters (character mode)
        # Longest text word worth analysing (word mode): a longer one cannot fold to any term
        # word's key, so it is a filler without analysis and each word costs bounded work.
        self.word_limit = 0
        keys: dict[str, tuple] = self._word_keys() if self.by_words else self._character_keys()
        if keys:
            automaton = ahocorasick.Automaton()
            for key, value in keys.items():
                automaton.add_word(key, value)
            automaton.make_automaton()
            self.automaton = automaton

    # -- building --

    def _word_keys(self) -> dict[str, tuple[int, Indexes]]:
        ids: dict[str, int] = {}
        # (term position, derived spelling?, the vocabulary ids of each unit)
        spelled: list[tuple[int, bool, list[tuple[int, ...]]]] = []
        longest = 0
        for index, term in enumerate(self.terms):
            term_forms = term.match_forms()
            for forms, derived in (
                (spelling, spelling is not declared)
                for declared in (term_forms, *term_forms.get("variants", ()))
                for spelling in (declared, *declared.get("joined", ()))
            ):
                longest = max(longest, forms["longest"])
                alternatives = [
                    tuple(dict.fromkeys(ids.setdefault(k, len(ids) + 2) for k in keys))
                    for keys in forms["units"]
                ]
                if alternatives:
                    spelled.append((index, derived, alternatives))
        self.word_limit = 2 * longest + WORD_SLACK
        # Some spellings of a case-insensitive term are case-sensitive ("US" for "U.S.").
        self._has_case_sensitive = any(key.startswith("=") for key in ids)
        base = math.isqrt(len(ids) + 2) + 1
        self._vocab = {key: word_symbol(i, base) for key, i in ids.items()}
        self.filler = word_symbol(FILLER_ID, base)
        self.break_symbol = word_symbol(BREAK_ID, base)
        symbols = [self.filler, self.break_symbol, *self._vocab.values()]
        by_key: dict[str, list[int]] = {}
        by_derived: dict[str, list[int]] = {}
        for index, derived, alternatives in spelled:
            spellings = [[symbols[i] for i in unit] for unit in alternatives]
            # A term word with several lemmas gets one key per combination (few in practice).
            for combination in product(*spellings):
                (by_derived if derived else by_key).setdefault("".join(combination), []).append(
                    index
                )
        # A derived spelling (forms' "joined") stands as position + len(terms): find() drops
        # it where a term of the same concept is found by its own spelling ("ceasefire" is
        # the term "ceasefire", not also "cease-fire" closed).
        derived_offset = len(self.terms)
        for key, indexes in by_derived.items():
            by_key.setdefault(key, []).extend(i + derived_offset for i in indexes)
        self.max_key_length = max(map(len, by_key), default=0) // 2
        return {key: (len(key), tuple(dict.fromkeys(ix))) for key, ix in by_key.items()}

    def _character_keys(self) -> dict[str, tuple[int, Indexes, int, int]]:
        by_key: dict[str, list[int]] = {}
        for index, term in enumerate(self.terms):
            term_forms = term.match_forms()
            for forms in (term_forms, *term_forms.get("variants", ())):
                key = forms["key"]
                if not key:
                    continue
                by_key.setdefault(key, []).append(index)
                if term.case_sensitive:
                    self._nfkc.setdefault(index, set()).add(forms["nfkc"])
        self.max_key_length = max(map(len, by_key), default=0)
        return {
            spell_characters(key): (2 * len(key), tuple(ix), key_edge(key), key_edge(key[::-1]))
            for key, ix in by_key.items()
        }

    # -- normalising text --

    def _text_word_symbols(self, word: str) -> tuple[str, ...]:
        found = self._word_readings(word)
        if found:
            return found
        parts = hyphen_parts(word)
        # A hyphenated word that is no term word may be a term written closed ("co-operation"
        # is "cooperation"); else _symbolize splits it into its parts.
        return self._word_readings("".join(parts)) if parts else ()

    def _readings(self, word: str) -> tuple[str, ...]:
        """Return a text word's symbols, from the cache when it has them."""
        if len(word) > self.word_limit:
            return ()
        cache = self._word_cache
        found = cache.get(word)
        if found is None:
            if len(cache) >= self._WORD_CACHE_LIMIT:
                cache.clear()
            found = cache[word] = self._text_word_symbols(word)
        return found

    def _split(self, word: str, start: int) -> list[tuple[int, int, tuple[str, ...]]]:
        """Return the parts of a hyphenated word that is no term word, as (start, end,
        symbols), if some part is a term word: "ODA-funded" is "ODA" and "funded",
        "India-Pakistan" has "India", "supply-chain risks" is "supply chain risks"."""
        parts = [
            (start + m.start(), start + m.end(), self._readings(m.group()))
            for m in _HYPHEN_PART_RE.finditer(word)
        ]
        return parts if len(parts) > 1 and any(found for _s, _e, found in parts) else []

    def _word_readings(self, word: str) -> tuple[str, ...]:
        vocab = self._vocab
        keys: tuple[str, ...] = ()
        if self._has_case_sensitive:
            keys = case_sensitive_text_keys(word, self.morphology)
        keys += self.morphology.text_keys(word)
        return tuple(dict.fromkeys(vocab[k] for k in keys if k in vocab))

    def _symbolize(
        self, text: str
    ) -> tuple[str, OffsetMap, list[str], list[tuple[int, tuple[str, ...]]]]:
        """Return the scanned string, its offsets, its per-unit symbols and ambiguous words.

        One pass over the tokens; each token costs bounded work (see ``word_limit``).
        """
        cache = self._word_cache
        vocab = self._vocab
        filler, break_symbol = self.filler, self.break_symbol
        units: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        ambiguous: list[tuple[int, tuple[str, ...]]] = []
        after_break = True  # drop leading and repeated breaks
        position = 0
        for space, word, punctuation in TOKEN_RE.findall(text.rstrip()):
            start = position + len(space)
            if not word:
                position = start + 1
                key = punctuation_key(punctuation)
                symbol = vocab.get(key)
                if key == AMPERSAND and self.morphology.conjunction:
                    # "&" also reads as the word "and": "Trade & Industry", "R and D".
                    if self._conjunction is None:
                        self._conjunction = self._word_readings(self.morphology.conjunction)
                    readings = tuple(
                        dict.fromkeys(r for r in (symbol, *self._conjunction) if r is not None)
                    )
                    if len(readings) > 1:
                        ambiguous.append((len(units), readings))
                    symbol = readings[0] if readings else None
                if symbol is not None:
                    units.append(symbol)
                elif after_break:
                    continue
                else:
                    units.append(break_symbol)
                starts.append(start)
                ends.append(position)
                after_break = symbol is None
                continue
            position = start + len(word)
            found = cache.get(word)
            if found is None:
                found = self._readings(word)
            split = [] if found or not _HYPHENS.intersection(word) else self._split(word, start)
            for part_start, part_end, part_found in split:
                if len(part_found) > 1:
                    ambiguous.append((len(units), part_found))
                units.append(part_found[0] if part_found else filler)
                starts.append(part_start)
                ends.append(part_end)
            if split:
                after_break = False
                continue
            if found:
                if len(found) > 1:
                    ambiguous.append((len(units), found))
                units.append(found[0])
            else:
                units.append(filler)
            starts.append(start)
            ends.append(position)
            after_break = False
        return "".join(units), OffsetMap(starts, ends, 2), units, ambiguous

    def normalize(self, text: str) -> tuple[str, OffsetMap]:
        """Return the string the automaton scans and the map back to offsets in ``text``.

        Every unit is spelled with two characters: word mode gives one symbol per word or
        punctuation (ambiguous words show their first reading); character mode spells the
        NFKC+casefold text without ignorable spelling (``fold_japanese``). Invisible format
        characters are left out.
        """
        stripped, positions = strip_invisible(text)
        if self.by_words:
            scanned, offsets, _units, _ambiguous = self._symbolize(stripped)
        else:
            normalized, characters = fold_japanese(stripped)
            scanned = spell_characters(normalized)
            offsets = OffsetMap(characters.starts, characters.ends, 2)
        if positions is None:
            return scanned, offsets
        if offsets.starts is None or offsets.ends is None:
            count = len(stripped)
            starts, ends = list(range(count)), list(range(1, count + 1))
        else:
            starts, ends = offsets.starts, offsets.ends
        return scanned, OffsetMap(
            [positions[s] for s in starts], [positions[e - 1] + 1 for e in ends], offsets.width
        )

    # -- matching --

    def find(self, text: str) -> list[TermMatch]:
        """Return leftmost-longest, non-overlapping term occurrences ordered by start."""
        if self.automaton is None or not text:
            return []
        text, positions = strip_invisible(text)
        if self.by_words:
            candidates, offsets = self._word_candidates(text)
        else:
            candidates, offsets = self._character_candidates(text)
        matches: list[TermMatch] = []
        taken_until = -1
        spans = sorted(candidates)
        for i, (first, last) in enumerate(spans):
            if first <= taken_until or (i + 1 < len(spans) and spans[i + 1][0] == first):
                continue  # overlaps the previous pick, or a longer span starts here too
            taken_until = last
            start, end = offsets.span(first, last + 1)
            indexes = candidates[first, last]
            if not self.by_words:
                start, end = with_brackets(text, start, end, self.terms[indexes[0]].text)
            start, end = restore_span(start, end, positions)
            if self.by_words:
                indexes = self._own_spellings_first(indexes)
            if len(indexes) > 1:
                indexes = tuple(sorted(set(indexes)))
            matches.extend(TermMatch(self.terms[i], start, end) for i in indexes)
        return matches

    def _own_spellings_first(self, indexes: Indexes) -> Indexes:
        """Decode derived positions (see _word_keys), dropping those of a concept that a
        term's own spelling found at the same place."""
        size = len(self.terms)
        if max(indexes) < size:
            return indexes
        found = {self.terms[i].concept_id for i in indexes if i < size}
        return tuple(
            i if i < size else i - size
            for i in indexes
            if i < size or self.terms[i - size].concept_id not in found
        )

    def _word_candidates(self, text: str) -> tuple[Candidates, OffsetMap]:
        scanned, offsets, units, ambiguous = self._symbolize(text)
        automaton = self.automaton
        assert automaton is not None
        candidates: Candidates = {}
        for last, (length, indexes) in automaton.iter(scanned):
            # iter() reports each span once, so no merging is needed here.
            candidates[last - length + 1, last] = indexes
        if ambiguous:
            self._walk_ambiguous(units, ambiguous, candidates)
        return candidates, offsets

    def _walk_ambiguous(
        self,
        units: list[str],
        ambiguous: list[tuple[int, tuple[str, ...]]],
        candidates: Candidates,
    ) -> None:
        """Add matches that need a non-first reading of some ambiguous word.

        Any such match contains an ambiguous word p and so starts in [p - K + 1, p], K being
        the longest key in words. From each such start, walk the trie through every reading
        of every word, pruning as soon as the prefix begins no key.
        """
        automaton = self.automaton
        assert automaton is not None
        reach = self.max_key_length
        readings = dict(ambiguous)
        firsts: set[int] = set()
        for word, _readings in ambiguous:
            firsts.update(range(max(0, word - reach + 1), word + 1))
        size = len(units)
        for first in sorted(firsts):
            stack = [(first, "")]
            while stack:
                word, prefix = stack.pop()
                for symbol in readings.get(word, (units[word],)):
                    key = prefix + symbol
                    if not automaton.match(key):
                        continue
                    value = automaton.get(key, None)
                    if value is not None:
                        span = (2 * first, 2 * word + 1)
                        candidates[span] = candidates.get(span, ()) + value[1]
                    if word + 1 < size:
                        stack.append((word + 1, key))

    def _character_candidates(self, text: str) -> tuple[Candidates, OffsetMap]:
        normalized, characters = fold_japanese(text)
        automaton = self.automaton
        assert automaton is not None
        candidates: Candidates = {}
        starts, ends = characters.starts, characters.ends
        size = len(normalized)
        for end, (length, indexes, check_left, check_right) in automaton.iter(
            spell_characters(normalized)
        ):
            first, last = (end - length + 1) // 2, end // 2  # in normalised characters
            if (
                check_left
                and first > 0
                and EDGE_TEST[check_left](normalized[first - 1])
                and (ends is None or ends[first - 1] == starts[first])
            ):
                continue
            if (
                check_right
                and last + 1 < size
                and EDGE_TEST[check_right](normalized[last + 1])
                and (ends is None or ends[last] == starts[last + 1])
            ):
                continue
            if starts is not None and (
                (first > 0 and starts[first - 1] == starts[first])
                or (last + 1 < size and starts[last + 1] == starts[last])
            ):
                continue  # the match would split one original cluster ("ß"→"ss", "談゙")
            if self._nfkc and any(i in self._nfkc for i in indexes):
                # The key is casefolded; a case-sensitive term must equal the NFKC original.
                original = drop_ignorable(
                    unicodedata.normalize("NFKC", text[slice(*characters.span(first, last + 1))])
                )[0]
                indexes = tuple(
                    i for i in indexes if i not in self._nfkc or original in self._nfkc[i]
                )
            if indexes:
                candidates[end - length + 1, end] = indexes
        return candidates, OffsetMap(starts, characters.ends, 2)
