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

    Every distinct key used by a term word is given one private-use character (a *symbol*); a
    term's automaton key is the string of its words' symbols (one key per combination when a
    term word has several lemmas). Punctuation between words becomes a BREAK symbol, so
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
    Case-sensitive terms are verified against the NFKC (not casefolded) original slice.

Both modes return leftmost-longest, non-overlapping occurrences ordered by start. An occurrence
that matches several glossary terms (the same key in two concepts, or both readings of an
ambiguous word) yields one :class:`TermMatch` per term, all with the same span.
"""

from __future__ import annotations

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
    """Map a half-open range of the normalised text back to the original text."""

    __slots__ = ("starts", "ends")

    def __init__(self, starts: list[int] | None = None, ends: list[int] | None = None):
        # None means the identity map: the common all-ASCII/already-normal Japanese case.
        self.starts = starts
        self.ends = ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return the original ``(start, end)`` of normalised ``[start, end)``."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


# --- symbols ---------------------------------------------------------------------------------

# Private-use planes: BMP (6,400), then planes 15 and 16 (~131,000) — enough for any glossary.
_PUA_RANGES = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD))
FILLER = chr(0xE000)  # a word outside the term vocabulary; never part of a key
BREAK = chr(0xE001)  # punctuation between words
_FIRST_FREE_SYMBOL = 2


def _symbol(index: int) -> str:
    """Return the private-use character number ``index``."""
    for low, high in _PUA_RANGES:
        size = high - low + 1
        if index < size:
            return chr(low + index)
        index -= size
    raise ValueError("term vocabulary exceeds the private-use code points")


# --- tokenising and folding ------------------------------------------------------------------

_WORD_CHAR = r"[^\W_][\u0300-\u036f]*"
_WORD = (
    rf"(?:{_WORD_CHAR})+(?:[-'’\u2010\u2011](?:{_WORD_CHAR})+)*"
    r"(?:(?<=[sS])['’])?"  # plural possessive: "islands’"
)
_TOKEN_RE = re.compile(rf"(?P<w>{_WORD})|(?P<p>[^\w\s]+|_+)")
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
    for m in _TOKEN_RE.finditer(text):
        yield (m.group() if m.lastgroup == "w" else ""), m.start(), m.end()


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


def normalize_japanese(text: str) -> tuple[str, OffsetMap]:
    """Return NFKC+casefold of ``text`` and the map back to original offsets."""
    table: dict[int, str] = {}
    simple = True
    for c in set(text):
        folded = _fold_cluster(c)
        if len(folded) != 1 or _is_composing(c):
            simple = False
            break
        if folded != c:
            table[ord(c)] = folded
    if simple:
        # Every character folds to exactly one character: offsets are unchanged.
        return text.translate(table), OffsetMap()
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
        self._vocab: dict[str, str] = {}
        self._word_cache: dict[str, tuple[str, ...]] = {}
        self._has_case_sensitive = any(t.case_sensitive for t in self.terms)
        self._nfkc: dict[int, str] = {}  # term index -> NFKC text, case-sensitive terms (ja)
        self.max_key_length = 0
        if language in WORD_LANGUAGES:
            keys = self._word_keys()
        else:
            keys = self._character_keys()
        if keys:
            automaton = ahocorasick.Automaton()
            for key, value in keys.items():
                automaton.add_word(key, value)
            automaton.make_automaton()
            self._automaton = automaton
            self.max_key_length = max(len(k) for k in keys)

    # -- building --

    def _intern(self, key: str) -> str:
        symbol = self._vocab.get(key)
        if symbol is None:
            symbol = self._vocab[key] = _symbol(_FIRST_FREE_SYMBOL + len(self._vocab))
        return symbol

    def _term_word_keys(self, word: str, case_sensitive: bool) -> tuple[str, ...]:
        if case_sensitive:
            return (_case_sensitive_base(word),)
        if self.language == "ru":
            return _russian_term_keys(word)
        return (_english_key(word),)

    def _word_keys(self) -> dict[str, tuple[int, tuple[int, ...]]]:
        by_key: dict[str, list[int]] = {}
        for index, term in enumerate(self.terms):
            alternatives: list[tuple[str, ...]] = []
            for word, _start, _end in _tokens(term.text):
                if not word:
                    if alternatives and alternatives[-1] != (BREAK,):
                        alternatives.append((BREAK,))
                    continue
                keys = self._term_word_keys(word, term.case_sensitive)
                alternatives.append(tuple(self._intern(k) for k in keys))
            while alternatives and alternatives[-1] == (BREAK,):
                alternatives.pop()
            for combination in product(*alternatives) if alternatives else ():
                by_key.setdefault("".join(combination), []).append(index)
        return {key: (len(key), tuple(indexes)) for key, indexes in by_key.items()}

    def _character_keys(self) -> dict[str, tuple[int, tuple[int, ...], bool, bool]]:
        by_key: dict[str, list[int]] = {}
        for index, term in enumerate(self.terms):
            key, _ = normalize_japanese(term.text.strip())
            if key:
                by_key.setdefault(key, []).append(index)
            if term.case_sensitive:
                self._nfkc[index] = unicodedata.normalize("NFKC", term.text.strip())
        return {
            key: (len(key), tuple(ix), _is_alnum_script(key[0]), _is_alnum_script(key[-1]))
            for key, ix in by_key.items()
        }

    # -- normalising text --

    def _text_word_symbols(self, word: str) -> tuple[str, ...]:
        vocab = self._vocab
        keys: tuple[str, ...] = ()
        if self._has_case_sensitive:
            keys = (_case_sensitive_base(word),)
        if self.language == "ru":
            keys += _russian_text_keys(word)
        else:
            keys += (_english_key(word),)
        found = [vocab[k] for k in keys if k in vocab]
        return tuple(dict.fromkeys(found))

    def _symbolize(self, text: str) -> tuple[str, OffsetMap, list[tuple[int, tuple[str, ...]]]]:
        cache = self._word_cache
        symbols: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        ambiguous: list[tuple[int, tuple[str, ...]]] = []
        after_break = True  # drop leading and repeated breaks
        for m in _TOKEN_RE.finditer(text):
            if m.lastgroup == "p":
                if not after_break:
                    symbols.append(BREAK)
                    starts.append(m.start())
                    ends.append(m.end())
                    after_break = True
                continue
            word = m.group()
            found = cache.get(word)
            if found is None:
                if len(cache) >= self._WORD_CACHE_LIMIT:
                    cache.clear()
                found = cache[word] = self._text_word_symbols(word)
            if found:
                if len(found) > 1:
                    ambiguous.append((len(symbols), found))
                symbols.append(found[0])
            else:
                symbols.append(FILLER)
            starts.append(m.start())
            ends.append(m.end())
            after_break = False
        return "".join(symbols), OffsetMap(starts, ends), ambiguous

    def normalize(self, text: str) -> tuple[str, OffsetMap]:
        """Return the string the automaton scans and the map back to ``text`` offsets.

        Word mode returns one symbol per token (ambiguous words show their first reading);
        character mode returns the NFKC+casefold text.
        """
        if self.language in WORD_LANGUAGES:
            symbols, offsets, _ambiguous = self._symbolize(text)
            return symbols, offsets
        return normalize_japanese(text)

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
        for (first, last), indexes in sorted(candidates.items(), key=lambda c: (c[0][0], -c[0][1])):
            if first <= taken_until:
                continue
            taken_until = last
            start, end = offsets.span(first, last + 1)
            matches.extend(TermMatch(self.terms[i], start, end) for i in sorted(indexes))
        return matches

    def _word_candidates(self, text: str) -> tuple[dict[tuple[int, int], set[int]], OffsetMap]:
        symbols, offsets, ambiguous = self._symbolize(text)
        automaton = self._automaton
        assert automaton is not None
        candidates: dict[tuple[int, int], set[int]] = {}
        for last, (length, indexes) in automaton.iter(symbols):
            candidates.setdefault((last - length + 1, last), set()).update(indexes)
        if ambiguous:
            self._walk_ambiguous(symbols, ambiguous, candidates)
        return candidates, offsets

    def _walk_ambiguous(
        self,
        symbols: str,
        ambiguous: list[tuple[int, tuple[str, ...]]],
        candidates: dict[tuple[int, int], set[int]],
    ) -> None:
        """Add matches that need a non-first reading of some ambiguous word.

        Any such match contains an ambiguous position p and so starts in [p - K + 1, p], K
        being the longest key. From each such start, walk the trie through every reading of
        every word, pruning as soon as the prefix is in no key.
        """
        automaton = self._automaton
        assert automaton is not None
        reach = self.max_key_length
        readings = dict(ambiguous)
        starts: set[int] = set()
        for position, _alternatives in ambiguous:
            starts.update(range(max(0, position - reach + 1), position + 1))
        size = len(symbols)
        for first in sorted(starts):
            stack = [(first, "")]
            while stack:
                position, prefix = stack.pop()
                for symbol in readings.get(position, symbols[position]):
                    key = prefix + symbol
                    if not automaton.match(key):
                        continue
                    value = automaton.get(key, None)
                    if value is not None:
                        candidates.setdefault((first, position), set()).update(value[1])
                    if position + 1 < size:
                        stack.append((position + 1, key))

    def _character_candidates(self, text: str) -> tuple[dict[tuple[int, int], set[int]], OffsetMap]:
        normalized, offsets = normalize_japanese(text)
        automaton = self._automaton
        assert automaton is not None
        candidates: dict[tuple[int, int], set[int]] = {}
        size = len(normalized)
        starts = offsets.starts
        for last, (length, indexes, check_left, check_right) in automaton.iter(normalized):
            first = last - length + 1
            if check_left and first > 0 and _is_alnum_script(normalized[first - 1]):
                continue
            if check_right and last + 1 < size and _is_alnum_script(normalized[last + 1]):
                continue
            if starts is not None and (
                (first > 0 and starts[first - 1] == starts[first])
                or (last + 1 < size and starts[last + 1] == starts[last])
            ):
                continue  # the match would split one original cluster ("ß"→"ss", "談゙")
            kept = set(indexes)
            if any(i in self._nfkc for i in indexes):
                # The key is casefolded; a case-sensitive term must equal the NFKC original.
                start, end = offsets.span(first, last + 1)
                original = unicodedata.normalize("NFKC", text[start:end])
                kept = {i for i in indexes if i not in self._nfkc or self._nfkc[i] == original}
            if kept:
                candidates.setdefault((first, last), set()).update(kept)
        return candidates, offsets


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
