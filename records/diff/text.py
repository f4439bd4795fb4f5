"""Language-by-language comparison of two press-release revision snapshots.

Pure module: no database, no Django.  It backs the admin compare view, the
``release_diff`` management command and the diff benchmark.

Snapshots are those of ``records.snapshots`` (slug, date, topic, title, photos, segments,
each text per language). Slug, date and topic are the same in every language: each language's diff
carries their changes in ``metadata`` (see :func:`diff_metadata`).

Text diffs run diff-match-patch over encoded tokens rather than characters
(the "lines to chars" trick at token grain), so edits always start and end on
token boundaries:

1. The text is cut into *units*: one token plus the whitespace run after it.
   Every distinct unit becomes one private character and diff-match-patch
   (with its semantic cleanup) diffs those strings.  Diffing units rather than
   bare tokens stops the single spaces that any two sentences share from
   posing as matches, which would speckle rewrites with one-space equalities
   and make the Myers search several times slower.
2. Each delete+insert pair is trimmed at token grain, so "agreed" -> "agreed to"
   keeps "agreed" equal although the units "agreed" and "agreed " differ.
3. Speed: the shared head and tail are cut off before encoding, and each Myers
   bisection runs under a deterministic step cap (see ``_MIN_STEPS``); a
   stretch that has been rewritten through and through becomes one delete +
   one insert instead of costing O(n²) Python steps.

Tokenization:

* en/ru (and any other language): a word is a run of letters/digits (with
  combining accents, e.g. Russian stress marks) that may contain internal
  apostrophes or hyphens ("don't", "из-за"); each whitespace run is one token;
  every other character (punctuation, symbols) is a token of its own.
* ja: tokens follow script changes.  Hiragana runs (inflections plus particles),
  katakana runs (loanwords, foreign names), Latin/digit runs and whitespace runs
  are one token each; punctuation is one token per character; *kanji are one
  token per character*.  Kanji compounds are short and neighbouring compounds
  often differ in one or two characters, so per-character grain turns
  安倍総理 -> 岸田総理 into 安倍 -> 岸田 and 首脳会談 -> 外相会談 into 首脳 -> 外相.
  The semantic cleanup then folds the stray one-kanji matches that this grain
  would otherwise leave inside a rewritten phrase.

In every language ``"".join(tokenize(text, language)) == text``.

Positions (``old_position``/``new_position``) are 0-based list indexes;
:func:`render_text_diff` prints them 1-based.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

from config import languages

__all__ = ["TextOp", "diff_text", "tokenize"]

EQUAL = "equal"
INSERT = "insert"
DELETE = "delete"

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"
UNCHANGED = "unchanged"

LANGUAGES = languages.CODES
# Release fields that are the same in every language, in display order.
METADATA_FIELDS = ("slug", "date", "topic")

# --------------------------------------------------------------------------
# Tokenization
# --------------------------------------------------------------------------

# Python's \w leaves out combining marks (category Mn), so "зна́ние" with a
# stress accent would otherwise fall apart into three tokens.
_MARKS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# Apostrophes and hyphens that glue two word parts together ("O’Neill", "из-за").
_JOINERS = "'\u2019\u02bc\\-\u2010\u2011"

_KANJI = (
    "\u3005\u3007\u303b"  # 々 〇 〻 behave like kanji inside compounds
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
)
_HIRAGANA = "\u3041-\u309f"
# U+30FB (katakana middle dot) is left out on purpose: it separates names
# (ウラジーミル・プーチン) and reads as punctuation.
_KATAKANA = "\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_CJK = _KANJI + _HIRAGANA + _KATAKANA


def _word_pattern(letter: str) -> str:
    # Unrolled "(letter|mark)*" so the regex engine spins in one character
    # class instead of trying an alternation at every character.
    part = f"{letter}+(?:[{_MARKS}]+{letter}*)*"
    return f"{part}(?:[{_JOINERS}]{part})*"


_WORD = _word_pattern(r"[^\W_]")
# Latin/Cyrillic/digit runs inside Japanese text: letters that are not kana/kanji.
_JA_WORD = _word_pattern(rf"[^\W_{_CJK}]")
_JA_CORE = rf"[{_KANJI}]|[{_HIRAGANA}]+|[{_KATAKANA}]+|{_JA_WORD}"
# Per language: the token pattern, and the "unit" pattern (a token plus the
# whitespace after it) with the same alternatives in the same order, so the
# units of a text are exactly its tokens grouped and every unit boundary is a
# token boundary.
_WORD_RES = (
    re.compile(rf"{_WORD}|\s+|.", re.DOTALL),
    re.compile(rf"(?:{_WORD})\s*|\s+|.\s*", re.DOTALL),
)
_JA_RES = (
    re.compile(rf"{_JA_CORE}|\s+|.", re.DOTALL),
    re.compile(rf"(?:{_JA_CORE})\s*|\s+|.\s*", re.DOTALL),
)
_KANJI_CHAR = re.compile(f"[{_KANJI}]")
_HIRAGANA_CHAR = re.compile(f"[{_HIRAGANA}]")
_KATAKANA_CHAR = re.compile(f"[{_KATAKANA}]")


def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    base = languages.BY_CODE.get(language.lower().replace("_", "-").split("-")[0])
    return _JA_RES if base and base.matching == languages.CHARACTERS else _WORD_RES


def tokenize(text: str, language: str) -> list[str]:
    """Split text into diff tokens for the language; joining them gives the text back."""
    return _patterns(language)[0].findall(text) if text else []


def _char_class(char: str) -> str:
    if char.isspace():
        return "space"
    if _KANJI_CHAR.match(char):
        return "kanji"
    if _HIRAGANA_CHAR.match(char):
        return "hiragana"
    if _KATAKANA_CHAR.match(char):
        return "katakana"
    if char.isalnum():
        return "word"
    return "punct"


# --------------------------------------------------------------------------
# Text diff
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextOp:
    """One run of a text diff: op is "equal", "insert" or "delete"."""

    op: str
    text: str


_DMP_OPS = {0: EQUAL, 1: INSERT, -1: DELETE}
# Units are encoded from U+E000 upwards: that run up to U+10FFFF holds over a
# million code points with no surrogates in it, so encoded strings stay valid
# Unicode and no text can run out of codes.
_CODE_BASE = 0xE000
# Unchanged units kept next to the changed middle so that the cleanups still
# see the words around an edit; the rest of the shared head/tail is not encoded.
_CONTEXT = 16


# Step cap of one Myers bisection: max(_MIN_STEPS, units / _STEP_RATIO).  A
# stretch needing more than twice that many unit edits (roughly: over a quarter
# of its words changed, scattered all through it) has been rewritten; it is
# shown as one delete + one insert, which reads no worse than a confetti of
# tiny matches, and it caps the Python-level bisection cost, which grows as d².
_MIN_STEPS = 16
_STEP_RATIO = 8


class _StepBudget:
    """Stand-in for diff-match-patch's wall-clock deadline that runs out after N steps."""

    __slots__ = ("_left",)

    def __init__(self, steps: int):
        self._left = steps

    def __lt__(self, now: object) -> bool:
        # Upstream checks ``time.time() > deadline`` once per d step; float
        # cannot compare with us, so Python falls back to this reflected method.
        # Counting steps instead of seconds keeps the output deterministic.
        self._left -= 1
        return self._left < 0


class _UnitDMP(diff_match_patch):
    """diff-match-patch tuned for strings of encoded word units."""

    def __init__(self, decode: Mapping[str, str]):
        super().__init__()
        self._decode = decode

    def diff_bisect(self, text1, text2, deadline):
        """Bisect under a step cap instead of a clock; skip it when the cap cannot hold."""
        size = len(text1) + len(text2)
        steps = max(_MIN_STEPS, size // _STEP_RATIO)
        # Every unit without a partner costs one edit, so the multiset overlap
        # bounds the edit distance from below: skip a search doomed to hit the cap.
        if size - 2 * (Counter(text1) & Counter(text2)).total() > 2 * steps:
            return [(self.DIFF_DELETE, text1), (self.DIFF_INSERT, text2)]
        return super().diff_bisect(text1, text2, _StepBudget(steps))

    def _score(self, one: str, two: str) -> int:
        # Same scale as upstream (6 = edge of text ... 0 = mid-word), but the
        # upstream scorer inspects the private encoding characters, which says
        # nothing about the text they stand for.
        if not one or not two:
            return 6
        left = self._decode[one[-1]]
        right = self._decode[two[0]]
        class1 = _char_class(left[-1])
        class2 = _char_class(right[0])
        if (
            class1 == "space"
            and left.count("\n") >= 2
            or class2 == "space"
            and (right.count("\n") >= 2)
        ):
            return 5
        if class1 == "space" and "\n" in left or class2 == "space" and "\n" in right:
            return 4
        if (
            class2 == "space"
            and class1 == "punct"
            or class1 == "space"
            and (_char_class(left.rstrip()[-1:] or " ") == "punct")
        ):
            return 3
        if class1 == "space" or class2 == "space":
            return 2
        if class1 == "punct" or class2 == "punct" or class1 != class2:
            # A script change is the nearest thing Japanese has to a word break.
            return 1
        return 0

    def diff_cleanupSemanticLossless(self, diffs):  # noqa: N802 - upstream name
        """Slide single edits sideways so they start and end on natural breaks."""
        pointer = 1
        while pointer < len(diffs) - 1:
            if diffs[pointer - 1][0] == self.DIFF_EQUAL and diffs[pointer + 1][0] == (
                self.DIFF_EQUAL
            ):
                equality1 = diffs[pointer - 1][1]
                edit = diffs[pointer][1]
                equality2 = diffs[pointer + 1][1]
                common = self.diff_commonSuffix(equality1, edit)
                if common:
                    shared = edit[-common:]
                    equality1 = equality1[:-common]
                    edit = shared + edit[:-common]
                    equality2 = shared + equality2
                best = (equality1, edit, equality2)
                best_score = self._score(equality1, edit) + self._score(edit, equality2)
                while edit and equality2 and edit[0] == equality2[0]:
                    equality1 += edit[0]
                    edit = edit[1:] + equality2[0]
                    equality2 = equality2[1:]
                    score = self._score(equality1, edit) + self._score(edit, equality2)
                    # >= prefers trailing over leading whitespace, like upstream.
                    if score >= best_score:
                        best_score = score
                        best = (equality1, edit, equality2)
                if diffs[pointer - 1][1] != best[0]:
                    if best[0]:
                        diffs[pointer - 1] = (diffs[pointer - 1][0], best[0])
                    else:
                        del diffs[pointer - 1]
                        pointer -= 1
                    diffs[pointer] = (diffs[pointer][0], best[1])
                    if best[2]:
                        diffs[pointer + 1] = (diffs[pointer + 1][0], best[2])
                    else:
                        del diffs[pointer + 1]
                        pointer -= 1
            pointer += 1


def _common_prefix(a: Sequence[str], b: Sequence[str]) -> int:
    # Binary search over slice comparisons: log n C-level compares instead of
    # a Python loop over every token.
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def _common_suffix(a: Sequence[str], b: Sequence[str], limit: int) -> int:
    low, high = 0, limit
    while low < high:
        mid = (low + high + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            low = mid
        else:
            high = mid - 1
    return low


def _codes(items: Iterable[str]) -> dict[str, str]:
    """Map each distinct item, in first-seen order, to its own private character."""
    distinct = dict.fromkeys(items)
    return dict(zip(distinct, map(chr, range(_CODE_BASE, _CODE_BASE + len(distinct))), strict=True))


def _diff_units(
    old: Sequence[str], new: Sequence[str], tokens: re.Pattern[str]
) -> list[tuple[int, str]]:
    """Diff two unit lists with diff-match-patch; return (dmp op, text) pairs."""
    codes = _codes([*old, *new])
    decode = {char: unit for unit, char in codes.items()}
    dmp = _UnitDMP(decode)
    diffs = dmp.diff_main(
        "".join(map(codes.__getitem__, old)),
        "".join(map(codes.__getitem__, new)),
        checklines=False,
    )
    dmp.diff_cleanupSemantic(diffs)
    result: list[tuple[int, str]] = []
    pending_delete = None
    for code, chars in diffs:
        text = "".join(map(decode.__getitem__, chars))
        if code == dmp.DIFF_INSERT and pending_delete is not None:
            result.extend(_factor(pending_delete, text, tokens))
            pending_delete = None
            continue
        if pending_delete is not None:
            result.append((dmp.DIFF_DELETE, pending_delete))
            pending_delete = None
        if code == dmp.DIFF_DELETE:
            pending_delete = text
        else:
            result.append((code, text))
    if pending_delete is not None:
        result.append((dmp.DIFF_DELETE, pending_delete))
    return result


def _factor(deleted: str, inserted: str, tokens: re.Pattern[str]) -> list[tuple[int, str]]:
    """Split a replacement into shared head, delete, insert, shared tail at token grain."""
    # Units carry their trailing whitespace, so "agreed" and "agreed " are
    # different units; at token grain the word itself is unchanged.
    old, new = tokens.findall(deleted), tokens.findall(inserted)
    head = _common_prefix(old, new)
    tail = _common_suffix(old, new, min(len(old), len(new)) - head)
    return [
        (0, "".join(old[:head])),
        (-1, "".join(old[head : len(old) - tail])),
        (1, "".join(new[head : len(new) - tail])),
        (0, "".join(old[len(old) - tail :])),
    ]


def diff_text(old: str, new: str, language: str) -> list[TextOp]:
    """Diff two texts at token grain and return equal/insert/delete runs."""
    old = old or ""
    new = new or ""
    if old == new:
        return [TextOp(EQUAL, old)] if old else []
    if not old:
        return [TextOp(INSERT, new)]
    if not new:
        return [TextOp(DELETE, old)]
    tokens, units = _patterns(language)
    units_old = units.findall(old)
    units_new = units.findall(new)
    # Only the changed middle and a little context go through the encoder and
    # diff-match-patch; typical edits leave most of a paragraph untouched.
    head = _common_prefix(units_old, units_new)
    tail = _common_suffix(units_old, units_new, min(len(units_old), len(units_new)) - head)
    head = max(0, head - _CONTEXT)
    tail = max(0, tail - _CONTEXT)
    diffs = [(0, "".join(units_old[:head]))]
    diffs += _diff_units(
        units_old[head : len(units_old) - tail], units_new[head : len(units_new) - tail], tokens
    )
    diffs.append((0, "".join(units_old[len(units_old) - tail :])))
    ops: list[TextOp] = []
    for code, text in diffs:
        if not text:
            continue
        op = _DMP_OPS[code]
        if ops and ops[-1].op == op:
            ops[-1] = TextOp(op, ops[-1].text + text)
        else:
            ops.append(TextOp(op, text))
    return ops
