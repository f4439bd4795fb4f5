"""Find glossary terms in running text, inflection- and width-aware, with original offsets.

Two matching modes share one idea: normalise a copy of the text, keep a map back to the
original offsets, and scan it with ONE Aho-Corasick automaton holding every term of the
language.

Word mode (``en``, ``ru``)
    The text is split into word tokens (letters/digits/combining marks; internal hyphens and
    apostrophes belong to the word: "tête-à-tête", "vice-ministerial", "Japan’s"). Each token
    gets a set of *keys*:

    - case-insensitive keys: casefold, ``ё``→``е``, ``’``→``'``, dash variants→``-``;
      English: accents stripped ("tete-a-tete" = "tête-à-tête") and the rule-based
      plural/possessive fold of :func:`english_fold`;
      Russian: every pymorphy3 normal form of every parse (a text word matches a term word
      when their lemma sets intersect), plus a crude stem ``~stem`` that the *term* side only
      registers for words the dictionary does not know (so unknown proper names such as
      "Мотеги"/"Мотегой" still match when the guesser's lemmas disagree);
    - case-sensitive keys (only for words of case-sensitive terms): the exact surface form
      (NFC, ``ё``→``е``), and for an all-capitals abbreviation also its inflected forms:
      English "TORs", "TOR's", "TORs'"; Russian "ТОРы", "ТОРах", "ТОР-ов" (caps stem plus a
      lowercase ending of up to three letters). "Tor", "tor" and "TORONTO" never match "TOR".

    Every distinct key used by a term word is given a *symbol* (two private-use characters,
    see "the two-character alphabet" below); a term's automaton key is the string of its
    words' symbols (one key per combination when a term word has several lemmas).
    Punctuation between words becomes a BREAK symbol, so
    "peace, treaty" is not "peace treaty"; whitespace of any kind is ignored. The text becomes
    one symbol per token (FILLER for words outside the term vocabulary), which gives word
    boundaries for free. A text word with several keys in the vocabulary (e.g. "стали":
    сталь/стать) is *ambiguous*: the fast ``iter()`` scan uses its first symbol, then every
    start position within reach of an ambiguous word is re-walked through the same automaton
    used as a trie (``match``/``get``), trying every alternative of every ambiguous word. That
    walk is exact and pruned by the glossary's own prefixes.

Character mode (``ja``)
    NFKC (full-width "ＴＯＲ"→"TOR", "（"→"(", half-width katakana "ﾃﾀﾃ"→"テタテ", voiced
    marks composed) plus casefold, computed per grapheme-ish cluster so each normalised
    character maps back to its original span. Terms match anywhere (Japanese has no word
    boundaries), except that a term edge that is a Latin/Cyrillic/Greek letter or a digit may
    not touch another such character ("TOR" is not in "TORONTO", "8項目" is not in "18項目").
    Case-sensitive terms are verified against the NFKC (not casefolded) original slice. A
    match may not split what one original character cluster became ("ß"→"ss").

Both modes return leftmost-longest, non-overlapping occurrences ordered by start. An occurrence
that matches several glossary terms (the same key in two concepts, or both readings of an
ambiguous word) yields one :class:`TermMatch` per term, all with the same span.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

import ahocorasick

PREFERRED = "preferred"
ADMITTED = "admitted"
DEPRECATED = "deprecated"
FORBIDDEN = "forbidden"
STATUSES = (PREFERRED, ADMITTED, DEPRECATED, FORBIDDEN)

WORD_LANGUAGES = frozenset({"en", "ru"})
CHARACTER_LANGUAGES = frozenset({"ja"})
SUPPORTED_LANGUAGES = WORD_LANGUAGES | CHARACTER_LANGUAGES


@dataclass(frozen=True)
class TermSpec:
    """Describe one glossary term as plain data."""

    id: int
    concept_id: int
    language: str
    text: str
    status: str  # "preferred" | "admitted" | "deprecated" | "forbidden"
    case_sensitive: bool = False


@dataclass(frozen=True)
class TermMatch:
    """Locate one occurrence of a term; ``text[start:end]`` is the occurrence."""

    term: TermSpec
    start: int
    end: int


class OffsetMap:
    """Map a half-open range of a normalised string back to the original text.

    The normalised string spends ``width`` characters on each unit (a word token, or an NFKC
    character); ``starts[u]``/``ends[u]`` are the original span of unit ``u``.
    """

    __slots__ = ("starts", "ends", "width")

    def __init__(
        self, starts: list[int] | None = None, ends: list[int] | None = None, width: int = 1
    ):
        # starts=None is the identity map: the common already-normal Japanese text.
        self.starts = starts
        self.ends = ends
        self.width = width

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return the original ``(start, end)`` of normalised ``[start, end)``."""
        first, last = start // self.width, (end - 1) // self.width
        if self.starts is None or self.ends is None:
            return first, last + 1
        return self.starts[first], self.ends[last]


# --- the two-character alphabet ------------------------------------------------------------
#
# pyahocorasick finds a node's child by a linear scan of its children, so a root with 30,000
# children (one per first word, or per first kanji) costs ~30,000 comparisons per character of
# text: 100-300 ms per release. Spelling every unit as two characters, a "high" and a "low"
# digit from disjoint ranges, caps every node at ~sqrt(alphabet) children (6 ms instead of 95
# in a 30,000-term Japanese glossary). Disjoint ranges keep matches aligned: a key starts with
# a high digit and high digits only occur at even offsets of the scanned string.

_WORD_LOW = 0xE000  # word mode: private-use characters, low digit ...
_WORD_HIGH = 0xF0000  # ... and high digit
_CHAR_HIGH = 0x80  # character mode: low digit = code point & 0x7F, high = 0x80 + (cp >> 7)

FILLER_ID = 0  # a word outside the term vocabulary; never part of a key
BREAK_ID = 1  # punctuation between words


def _word_symbol(index: int, base: int) -> str:
    """Spell vocabulary entry ``index`` as a high and a low digit in base ``base``."""
    high, low = divmod(index, base)
    return chr(_WORD_HIGH + high) + chr(_WORD_LOW + low)


def _char_symbol(c: str) -> str:
    """Spell one character as a high and a low digit."""
    code = ord(c)
    return chr(_CHAR_HIGH + (code >> 7)) + chr(code & 0x7F)


# Process-wide and only ever added to (bounded by the characters seen); a set difference
# in C finds the few new characters of a text instead of a Python loop over all of them.
_spelled: set[str] = set()
_spelling: dict[int, str] = {}  # ord -> two-character spelling, for str.translate


def _spell_characters(text: str) -> str:
    """Spell every character of ``text`` in the two-character alphabet."""
    for c in set(text).difference(_spelled):
        _spelling[ord(c)] = _char_symbol(c)
        _spelled.add(c)
    return text.translate(_spelling)


# --- tokenising and folding ------------------------------------------------------------------

# "_" counts as a letter: a simpler class halves the regex time and prose has no underscores.
_WORD = (
    r"[\w\u0300-\u036f]+(?:['’\u2010\u2011-][\w\u0300-\u036f]+)*"
    r"(?:(?<=[sS])['’])?"  # plural possessive: "islands’"
)
# (leading whitespace)(word)|(punctuation): the matches tile the text up to trailing
# whitespace, so offsets are running sums of lengths and findall avoids match objects.
_TOKEN_RE = re.compile(rf"(\s*)(?:({_WORD})|([^\w\s]+))")
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "’": "'"})
_STRESS = str.maketrans({"\u0301": None, "\u0300": None})
_EN_CS_INFLECTED = re.compile(r"^([A-Z0-9&]*[A-Z][A-Z0-9&]*)(?:s|'s|s')$")
_RU_CS_INFLECTED = re.compile(r"^([А-ЯЕA-Z0-9]*[А-ЯЕ][А-ЯЕA-Z0-9]*)-?[а-яе]{1,3}$")
_RU_ENDINGS = tuple(
    sorted(
        (
            "иями ями ами ого его ому ему ыми ими ией иях ях ах ов ев ей ий ый ой ая яя ое ее"
            " ую юю ом ем ам ям ых их ия ие ию ы и а я о е у ю ь й"
        ).split(),
        key=len,
        reverse=True,
    )
)


def _tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield ``(word, start, end)``; punctuation runs are yielded with word ``""``."""
    position = 0
    for space, word, punctuation in _TOKEN_RE.findall(text):
        start = position + len(space)
        position = start + len(word or punctuation)
        yield word, start, position


def english_fold(word: str) -> str:
    """Fold a casefolded English word to its singular, non-possessive key.

    Rules, in order: drop "'s" and a trailing "'"; words shorter than 4 letters stay as they
    are ("is", "has", "gas"); "-ies"→"-y" for words longer than 4 ("territories"→"territory",
    but "ties"→"tie"); "-sses/-shes/-ches/-xes/-zes" lose "-es"; any other final "-s" goes
    unless the word ends in "-ss", "-us" or "-is" ("issues"→"issue", "status", "crisis").
    The same fold is applied to term words and text words, so an imperfect stem ("niches"→
    "nich") only costs a missed match, never a mismatch between term and text.
    """
    if word.endswith("'s"):
        word = word[:-2]
    elif word.endswith("'"):
        word = word[:-1]
    if len(word) < 4:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=262_144)
def _english_key(word: str) -> str:
    """Return the case-insensitive key of an English token."""
    decomposed = unicodedata.normalize("NFKD", word)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return english_fold(bare.casefold().translate(_DASHES))


@lru_cache(maxsize=262_144)
def _russian_fold(word: str) -> str:
    """Casefold a Russian token, drop stress marks and write ``ё`` as ``е``."""
    word = unicodedata.normalize("NFC", word).translate(_STRESS).translate(_DASHES)
    return word.casefold().replace("ё", "е")


def russian_stem(word: str) -> str:
    """Strip the longest common inflectional ending, keeping at least three letters."""
    for ending in _RU_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


_morph_lock = threading.Lock()
_morph_analyzer = None


def morph():
    """Return the process-wide pymorphy3 analyser, creating it on first use."""
    global _morph_analyzer
    if _morph_analyzer is None:
        with _morph_lock:
            if _morph_analyzer is None:
                import pymorphy3  # deferred: loading the dictionary costs ~0.1 s and memory

                _morph_analyzer = pymorphy3.MorphAnalyzer()
    return _morph_analyzer


@lru_cache(maxsize=262_144)
def russian_lemmas(folded: str) -> tuple[tuple[str, ...], bool]:
    """Return every normal form of every parse of a folded word, and whether it is known."""
    analyzer = morph()
    lemmas = tuple(dict.fromkeys(p.normal_form.replace("ё", "е") for p in analyzer.parse(folded)))
    return lemmas or (folded,), analyzer.word_is_known(folded)


def _russian_text_keys(word: str) -> tuple[str, ...]:
    folded = _russian_fold(word)
    lemmas, _known = russian_lemmas(folded)
    # The stem key only meets stem keys registered by unknown term words.
    return (*lemmas, "~" + russian_stem(folded))


def _russian_term_keys(word: str) -> tuple[str, ...]:
    folded = _russian_fold(word)
    lemmas, known = russian_lemmas(folded)
    if known:
        return lemmas
    return (*lemmas, "~" + russian_stem(folded))


def _case_sensitive_base(word: str) -> str:
    word = unicodedata.normalize("NFC", word).translate(_STRESS).translate(_DASHES)
    return "=" + word.replace("ё", "е").replace("Ё", "Е")


def _case_sensitive_text_keys(word: str, language: str) -> tuple[str, ...]:
    base = _case_sensitive_base(word)
    pattern = _EN_CS_INFLECTED if language == "en" else _RU_CS_INFLECTED
    m = pattern.match(base[1:])
    return (base, "=" + m.group(1)) if m else (base,)


# --- Japanese normalisation -------------------------------------------------------------------

_COMPOSING = frozenset("\uff9e\uff9f\u3099\u309a")  # (half-width) voiced sound marks


def _is_composing(c: str) -> bool:
    """Tell whether NFKC may merge ``c`` into the preceding character."""
    return c in _COMPOSING or unicodedata.combining(c) != 0 or "\u1160" <= c <= "\u11ff"


@lru_cache(maxsize=65_536)
def _fold_cluster(cluster: str) -> str:
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", cluster).casefold())


def _is_alnum_script(c: str) -> bool:
    """Tell whether ``c`` is a letter or digit of a spaced script (Latin, Cyrillic, ...)."""
    return c.isalnum() and c < "\u2e80"


_one_to_one: set[str] = set()  # characters that fold to one character and never compose
_one_to_one_folds: dict[int, str] = {}  # ord -> fold, for those of them that change


def normalize_japanese(text: str) -> tuple[str, OffsetMap]:
    """Return NFKC+casefold of ``text`` and the map back to original offsets."""
    simple = True
    for c in set(text).difference(_one_to_one):
        folded = _fold_cluster(c)
        if len(folded) == 1 and not _is_composing(c):
            if folded != c:
                _one_to_one_folds[ord(c)] = folded
            _one_to_one.add(c)
        else:
            simple = False
    if simple:
        # Every character folds to exactly one character: offsets are unchanged.
        return text.translate(_one_to_one_folds), OffsetMap()
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and _is_composing(text[j]):
            j += 1
        folded = _fold_cluster(text[i:j])
        parts.append(folded)
        starts.extend([i] * len(folded))
        ends.extend([j] * len(folded))
        i = j
    return "".join(parts), OffsetMap(starts, ends)


Indexes = tuple[int, ...]  # positions in TermMatcher.terms
# (first, last) inclusive offsets in the scanned string -> the terms whose key spans them
Candidates = dict[tuple[int, int], Indexes]


# --- the matcher -----------------------------------------------------------------------------


class TermMatcher:
    """Match every term of one language in a text with one Aho-Corasick automaton."""

    _WORD_CACHE_LIMIT = 200_000

    def __init__(self, terms: Iterable[TermSpec], language: str):
        """Build the automaton over the terms of ``language`` (other languages are ignored)."""
        if language not in SUPPORTED_LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        self.language = language
        self.terms: tuple[TermSpec, ...] = tuple(
            sorted((t for t in terms if t.language == language), key=lambda t: t.id)
        )
        self._automaton: ahocorasick.Automaton | None = None
        self._vocab: dict[str, str] = {}  # word key -> its two-character symbol
        self._word_cache: dict[str, tuple[str, ...]] = {}  # text word -> its symbols
        self._has_case_sensitive = any(t.case_sensitive for t in self.terms)
        self._nfkc: dict[int, str] = {}  # term position -> NFKC text, case-sensitive (ja)
        self.filler = self.break_symbol = ""
        self.max_key_length = 0  # in words (word mode) or characters (character mode)
        if language in WORD_LANGUAGES:
            keys: dict[str, tuple] = self._word_keys()
        else:
            keys = self._character_keys()
        if keys:
            automaton = ahocorasick.Automaton()
            for key, value in keys.items():
                automaton.add_word(key, value)
            automaton.make_automaton()
            self._automaton = automaton

    # -- building --

    def _term_word_keys(self, word: str, case_sensitive: bool) -> tuple[str, ...]:
        if case_sensitive:
            return (_case_sensitive_base(word),)
        if self.language == "ru":
            return _russian_term_keys(word)
        return (_english_key(word),)

    def _word_keys(self) -> dict[str, tuple[int, Indexes]]:
        ids: dict[str, int] = {}
        spelled: list[tuple[int, list[tuple[int, ...]]]] = []
        for index, term in enumerate(self.terms):
            alternatives: list[tuple[int, ...]] = []
            for word, _start, _end in _tokens(term.text):
                if not word:
                    if alternatives and alternatives[-1] != (BREAK_ID,):
                        alternatives.append((BREAK_ID,))
                    continue
                keys = self._term_word_keys(word, term.case_sensitive)
                alternatives.append(
                    tuple(dict.fromkeys(ids.setdefault(k, len(ids) + 2) for k in keys))
                )
            while alternatives and alternatives[-1] == (BREAK_ID,):
                alternatives.pop()
            if alternatives:
                spelled.append((index, alternatives))
        base = math.isqrt(len(ids) + 2) + 1
        self._vocab = {key: _word_symbol(i, base) for key, i in ids.items()}
        self.filler = _word_symbol(FILLER_ID, base)
        self.break_symbol = _word_symbol(BREAK_ID, base)
        symbols = [self.filler, self.break_symbol, *self._vocab.values()]
        by_key: dict[str, list[int]] = {}
        for index, alternatives in spelled:
            # A term word with several lemmas gets one key per combination (few in practice).
            for combination in product(*alternatives):
                by_key.setdefault("".join(symbols[i] for i in combination), []).append(index)
        self.max_key_length = max(map(len, by_key), default=0) // 2
        return {key: (len(key), tuple(dict.fromkeys(ix))) for key, ix in by_key.items()}

    def _character_keys(self) -> dict[str, tuple[int, Indexes, bool, bool]]:
        by_key: dict[str, list[int]] = {}
        for index, term in enumerate(self.terms):
            text = term.text.strip()
            key, _offsets = normalize_japanese(text)
            if not key:
                continue
            by_key.setdefault(key, []).append(index)
            if term.case_sensitive:
                self._nfkc[index] = unicodedata.normalize("NFKC", text)
        self.max_key_length = max(map(len, by_key), default=0)
        return {
            _spell_characters(key): (
                2 * len(key),
                tuple(ix),
                _is_alnum_script(key[0]),
                _is_alnum_script(key[-1]),
            )
            for key, ix in by_key.items()
        }

    # -- normalising text --

    def _text_word_symbols(self, word: str) -> tuple[str, ...]:
        vocab = self._vocab
        keys: tuple[str, ...] = ()
        if self._has_case_sensitive:
            keys = _case_sensitive_text_keys(word, self.language)
        if self.language == "ru":
            keys += _russian_text_keys(word)
        else:
            keys += (_english_key(word),)
        return tuple(dict.fromkeys(vocab[k] for k in keys if k in vocab))

    def _symbolize(
        self, text: str
    ) -> tuple[str, OffsetMap, list[str], list[tuple[int, tuple[str, ...]]]]:
        """Return the scanned string, its offsets, its per-word symbols and ambiguous words."""
        cache = self._word_cache
        filler, break_symbol = self.filler, self.break_symbol
        units: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        ambiguous: list[tuple[int, tuple[str, ...]]] = []
        after_break = True  # drop leading and repeated breaks
        position = 0
        for space, word, punctuation in _TOKEN_RE.findall(text):
            start = position + len(space)
            if not word:
                position = start + len(punctuation)
                if not after_break:
                    units.append(break_symbol)
                    starts.append(start)
                    ends.append(position)
                    after_break = True
                continue
            position = start + len(word)
            found = cache.get(word)
            if found is None:
                if len(cache) >= self._WORD_CACHE_LIMIT:
                    cache.clear()
                found = cache[word] = self._text_word_symbols(word)
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
        """Return the string the automaton scans and the map back to ``text`` offsets.

        Every unit is spelled with two characters: word mode gives one symbol per word or
        punctuation break (ambiguous words show their first reading); character mode spells
        the NFKC+casefold text.
        """
        if self.language in WORD_LANGUAGES:
            scanned, offsets, _units, _ambiguous = self._symbolize(text)
            return scanned, offsets
        normalized, offsets = normalize_japanese(text)
        return _spell_characters(normalized), OffsetMap(offsets.starts, offsets.ends, 2)

    def scan_baseline(self, text: str, *, normalized: bool = False) -> int:
        """Count bare ``Automaton.iter`` hits; pass ``normalized=True`` to skip normalising."""
        if self._automaton is None:
            return 0
        if not normalized:
            text, _offsets = self.normalize(text)
        return sum(1 for _ in self._automaton.iter(text))

    # -- matching --

    def find(self, text: str) -> list[TermMatch]:
        """Return leftmost-longest, non-overlapping term occurrences ordered by start."""
        if self._automaton is None or not text:
            return []
        if self.language in WORD_LANGUAGES:
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
            if len(indexes) > 1:
                indexes = tuple(sorted(set(indexes)))
            matches.extend(TermMatch(self.terms[i], start, end) for i in indexes)
        return matches

    def _word_candidates(self, text: str) -> tuple[Candidates, OffsetMap]:
        scanned, offsets, units, ambiguous = self._symbolize(text)
        automaton = self._automaton
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
        automaton = self._automaton
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
        normalized, characters = normalize_japanese(text)
        automaton = self._automaton
        assert automaton is not None
        candidates: Candidates = {}
        starts = characters.starts
        size = len(normalized)
        for end, (length, indexes, check_left, check_right) in automaton.iter(
            _spell_characters(normalized)
        ):
            first, last = (end - length + 1) // 2, end // 2  # in normalised characters
            if check_left and first > 0 and _is_alnum_script(normalized[first - 1]):
                continue
            if check_right and last + 1 < size and _is_alnum_script(normalized[last + 1]):
                continue
            if starts is not None and (
                (first > 0 and starts[first - 1] == starts[first])
                or (last + 1 < size and starts[last + 1] == starts[last])
            ):
                continue  # the match would split one original cluster ("ß"→"ss", "談゙")
            if self._nfkc and any(i in self._nfkc for i in indexes):
                # The key is casefolded; a case-sensitive term must equal the NFKC original.
                original = unicodedata.normalize(
                    "NFKC", text[slice(*characters.span(first, last + 1))]
                )
                indexes = tuple(
                    i for i in indexes if i not in self._nfkc or self._nfkc[i] == original
                )
            if indexes:
                candidates[end - length + 1, end] = indexes
        return candidates, OffsetMap(starts, characters.ends, 2)


# --- process-wide cache -------------------------------------------------------------------------

_matchers: dict[str, tuple[str, TermMatcher]] = {}
_matchers_lock = threading.Lock()
_language_locks: dict[str, threading.Lock] = {}


def matcher_for(language: str, version: str, load: Callable[[], Iterable[TermSpec]]) -> TermMatcher:
    """Return the cached matcher for ``(language, version)``, building it with ``load()``.

    One matcher per language is kept: a new version replaces the old one, so glossary edits
    never accumulate automatons. Builds for one language are serialised; others proceed.
    """
    with _matchers_lock:
        cached = _matchers.get(language)
        if cached is not None and cached[0] == version:
            return cached[1]
        lock = _language_locks.setdefault(language, threading.Lock())
    with lock:
        cached = _matchers.get(language)
        if cached is not None and cached[0] == version:
            return cached[1]
        matcher = TermMatcher(load(), language)
        with _matchers_lock:
            _matchers[language] = (version, matcher)
        return matcher


def clear_matcher_cache() -> None:
    """Forget every cached matcher."""
    with _matchers_lock:
        _matchers.clear()
