"""Normalised copies of a text with a map back to its original offsets.

Three steps share this module: dropping invisible format characters (which never change what
a text says), spelling units in the two-character alphabet the automaton scans, and the
Japanese NFKC + casefold fold, computed per character cluster.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Zero-width space, (non-)joiners, word joiner, soft hyphen, bidi embeddings/overrides/isolates
# and the byte-order mark: invisible, so a reader sees "サミット" in "サ\u200bミット". Matching
# ignores them; a forbidden term cannot hide behind one.
INVISIBLE_CHARACTERS = frozenset(
    "\u200b\u200c\u200d\u2060\u00ad\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_INVISIBLE_RE = re.compile("[" + "".join(sorted(INVISIBLE_CHARACTERS)) + "]")


def strip_invisible(text: str) -> tuple[str, list[int] | None]:
    """Return ``text`` without invisible format characters and the original index of each kept one.

    The index list is None when nothing was removed (the usual case): offsets are unchanged.
    """
    if _INVISIBLE_RE.search(text) is None:
        return text, None
    positions = [i for i, c in enumerate(text) if c not in INVISIBLE_CHARACTERS]
    return "".join(text[i] for i in positions), positions


def restore_span(start: int, end: int, positions: list[int] | None) -> tuple[int, int]:
    """Map a non-empty span of a stripped text back to the original text."""
    if positions is None:
        return start, end
    return positions[start], positions[end - 1] + 1


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

WORD_LOW = 0xE000  # word mode: private-use characters, low digit ...
WORD_HIGH = 0xF0000  # ... and high digit
CHAR_HIGH = 0x80  # character mode: low digit = code point & 0x7F, high = 0x80 + (cp >> 7)

FILLER_ID = 0  # a word outside the term vocabulary; never part of a key
BREAK_ID = 1  # punctuation between words that no term contains


def word_symbol(index: int, base: int) -> str:
    """Spell vocabulary entry ``index`` as a high and a low digit in base ``base``."""
    high, low = divmod(index, base)
    return chr(WORD_HIGH + high) + chr(WORD_LOW + low)


def char_symbol(c: str) -> str:
    """Spell one character as a high and a low digit."""
    code = ord(c)
    return chr(CHAR_HIGH + (code >> 7)) + chr(code & 0x7F)


# Process-wide and only ever added to (bounded by the characters seen); a set difference
# in C finds the few new characters of a text instead of a Python loop over all of them.
_spelled: set[str] = set()
_spelling: dict[int, str] = {}  # ord -> two-character spelling, for str.translate


def spell_characters(text: str) -> str:
    """Spell every character of ``text`` in the two-character alphabet."""
    for c in set(text).difference(_spelled):
        _spelling[ord(c)] = char_symbol(c)
        _spelled.add(c)
    return text.translate(_spelling)


# --- Japanese normalisation -------------------------------------------------------------------

_COMPOSING = frozenset("\uff9e\uff9f\u3099\u309a")  # (half-width) voiced sound marks


def _is_composing(c: str) -> bool:
    """Tell whether NFKC may merge ``c`` into the preceding character."""
    return c in _COMPOSING or unicodedata.combining(c) != 0 or "\u1160" <= c <= "\u11ff"


@lru_cache(maxsize=65_536)
def _fold_cluster(cluster: str) -> str:
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", cluster).casefold())


def is_alnum_script(c: str) -> bool:
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


# --- Japanese spelling variation that does not change a word ------------------------------------

KATAKANA = frozenset(chr(c) for c in range(0x30A1, 0x30FB)) | {"ー"}
_LETTER = r"A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
# What a Japanese text may add inside a word without changing it (NFKC has run, so "・" and
# "ー" are the only middle dot and long vowel mark left):
# - whitespace (a line break or layout spaces inside "気候\n変動"), kept as one space only
#   between two letters or digits of a spaced script ("climate change");
# - the middle dot between katakana or kanji ("サプライ・チェーン" is "サプライチェーン",
#   "研究・開発" is "研究開発", "日・米・豪・印" is "日米豪印");
# - the long vowel mark ending a katakana word ("サイバーセキュリティー" is "…ティ", the
#   spelling rules allow both);
# - a hyphen between a letter and a digit ("G-7" is "G7");
# - Japanese quotation brackets ("8項目の「協力プラン」" is "8項目の協力プラン");
# - and the counter after a number is written "か" whatever its form ("7ヶ国", "7カ国", "7ヵ国"
#   are "7か国"): the only replacement.
# Each alternative starts with the character it drops, its context checked after: a
# lookbehind tried at every position of the text would cost twice as much.
_IGNORABLE_RE = re.compile(
    r"[ヶヵケカ](?<=[0-9〇一二三四五六七八九十百千][ヶヵケカ])(?=[国所月条])|[「」『』]|\s+"
    r"|・(?<=[\u30a1-\u30faー\u3400-\u9fff]・)(?=[\u30a1-\u30fa\u3400-\u9fff])"
    r"|ー(?<=[\u30a1-\u30fa]ー)(?![\u30a1-\u30faー]|・[\u30a1-\u30fa])"
    rf"|[-\u2010\u2011](?:(?<=[{_LETTER}].)(?=[0-9])|(?<=[0-9].)(?=[{_LETTER}]))"
)


def drop_ignorable(text: str) -> tuple[str, list[int] | None]:
    """Return ``text`` without the characters :data:`_IGNORABLE_RE` describes, and the index
    in ``text`` of each kept character (None when nothing was changed)."""
    parts: list[str] = []
    kept: list[int] = []
    done = 0  # text[:done] is in parts
    for match in _IGNORABLE_RE.finditer(text):
        start, end = match.span()
        if text[start] in "ヶヵケカ":
            keep = "か"  # one character for one: a replacement
        elif text[start].isspace() and 0 < start and end < len(text):
            spaced = is_alnum_script(text[start - 1]) and is_alnum_script(text[end])
            keep = " " if spaced else ""
        else:
            keep = ""
        if keep == text[start:end]:
            continue  # one plain space between two words: nothing to change
        parts.append(text[done:start])
        kept.extend(range(done, start))
        if keep:
            parts.append(keep)
            kept.append(start)
        done = end
    if not kept and done == 0:
        return text, None
    parts.append(text[done:])
    kept.extend(range(done, len(text)))
    return "".join(parts), kept


def fold_japanese(text: str) -> tuple[str, OffsetMap]:
    """Return :func:`normalize_japanese` of ``text`` without ignorable characters, and the map
    back to original offsets: what the Japanese matcher scans and what a term's key is."""
    normalized, offsets = normalize_japanese(text)
    folded, kept = drop_ignorable(normalized)
    if kept is None:
        return normalized, offsets
    if offsets.starts is None or offsets.ends is None:
        return folded, OffsetMap(kept, [i + 1 for i in kept])
    starts, ends = offsets.starts, offsets.ends
    return folded, OffsetMap([starts[i] for i in kept], [ends[i] for i in kept])


# One-kanji abbreviations of country names, which Japanese strings into lists: 日米 (Japan and
# the US), 日米豪印 (Japan, the US, Australia and India), 日中韓.
COUNTRY_KANJI = frozenset("日米英仏独伊露中韓朝豪印加蘭墨伯越泰比")


def is_katakana(c: str) -> bool:
    """Tell whether ``c`` is a (full-width) katakana letter or the long vowel mark."""
    return c in KATAKANA
