"""Numbers in running text, read as values: digits, kanji numerals and number words.

``50``, ``５０``, ``1,500`` (en, ja), ``1 500`` and ``1,5`` (ru), ``18th``, ``18-й``, ``50万``,
``二千十七``, ``eighteen``, ``восемнадцатую`` and ``двадцати`` all become values.
:func:`source_numbers` reads what a translation must render: numbers written with digits, and
kanji numerals only where they clearly count something (``十八回``, ``三か国``), since ``一層``
or ``十分`` are words. :func:`target_numbers` reads every way a translation may render them,
number words included, so that a number is never reported missing because of how it is spelled:
halves (1時間半, "one and a half", «полтора»), amounts without a numeral ("half an hour",
«около часа»), Roman numerals ("World War II"). The words themselves are in
:mod:`.number_words`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from config import languages
from translations.checks.number_words import (
    APPROXIMATE_AFTER,
    APPROXIMATE_BEFORE,
    DEFINITE,
    HALF_AFTER,
    JA_IDIOMS_AFTER,
    JA_TENTHS_AFTER,
    MEASURE_WORDS,
    MULTIPLIERS,
    NUMBER_WORDS,
    PHRASES,
    ROMAN,
    ROMAN_UNITS,
    RU_COMPOUND,
    RU_COMPOUND_TENS,
    RU_COMPOUND_UNITS,
    VAGUE_BEFORE,
)
from translations.glossary.words import russian_fold, russian_lemmas

KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4}
KANJI_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
KANJI_MYRIADS = {"万": 10**4, "億": 10**8, "兆": 10**12}
_KANJI = "".join((*KANJI_DIGITS, *KANJI_UNITS, *KANJI_MYRIADS))
# What a kanji numeral counts when it stands in a source text: years, months, days, times,
# people, items, countries (か国), and ordinals (第…).
_KANJI_COUNTERS = "年月日回人名件時分秒つ個歳倍割か箇ヶカ度"
# Words that start with a numeral but mean no number ("fully", "even more", "at once"…).
_KANJI_WORDS = (
    "十分",
    "一層",
    "一方",
    "一部",
    "一致",
    "一環",
    "一体",
    "一般",
    "一連",
    "一定",
    "一時",
    "一度",
    "一同",
    "一緒",
    "万全",
    "一段",
    "一番",
    "一律",
    "一旦",
    "一切",
    "二度と",
    "一刻",
)
# Characters before a numeral that make it no number: 数十名 ("dozens"), 再三 ("repeatedly"),
# 唯一 ("the only"), 万一 ("should it happen").
_KANJI_NOT_AFTER = "数再唯万"


@dataclass(frozen=True)
class NumberMention:
    """One number in a text: its value, where it is, and whether it is approximate."""

    value: Decimal
    start: int
    end: int
    approximate: bool = False
    # How it is written: "digits", "kanji" or "words".
    kind: str = "digits"


def kanji_value(numeral: str) -> int:
    """Return the value of a kanji numeral: 十八 → 18, 二千十七 → 2017, 二〇一七 → 2017."""
    total = section = 0
    digits = None
    for char in numeral:
        if char in KANJI_DIGITS:
            digits = (digits or 0) * 10 + KANJI_DIGITS[char]
        elif char in KANJI_UNITS:
            section += (1 if digits is None else digits) * KANJI_UNITS[char]
            digits = None
        elif char in KANJI_MYRIADS:
            total += ((section + (digits or 0)) or 1) * KANJI_MYRIADS[char]
            section, digits = 0, None
    return total + section + (digits or 0)


@lru_cache(maxsize=8)
def _digits_pattern(language: str) -> re.Pattern:
    spec = languages.get(language)
    groups = re.escape(spec.group_marks)
    decimal = re.escape(spec.decimal_mark)
    multipliers = "|".join(
        re.escape(word) for word in sorted(MULTIPLIERS.get(language, ()), key=len, reverse=True)
    )
    # Words follow digits after a space and end at a word boundary; kanji follow directly.
    words = spec.matching == languages.WORDS
    space, boundary = (r"\s?", r"(?!\w)") if words else ("", "")
    return re.compile(
        rf"(?<![\d{decimal}])(\d{{1,3}}(?:[{groups}]\d{{3}})+(?!\d)|\d+)(?:{decimal}(\d+))?"
        + (rf"(?:{space}({multipliers}){boundary})?" if multipliers else "")
    )


def _digits_value(language: str, match: re.Match) -> Decimal | None:
    spec = languages.get(language)
    whole = unicodedata.normalize("NFKC", match.group(1))
    for mark in unicodedata.normalize("NFKC", spec.group_marks) + spec.group_marks:
        whole = whole.replace(mark, "")
    fraction = unicodedata.normalize("NFKC", match.group(2) or "")
    try:
        value = Decimal(f"{whole}.{fraction}" if fraction else whole)
    except InvalidOperation:
        return None
    multiplier = match.group(3) if match.re.groups >= 3 else None
    if multiplier:
        value *= MULTIPLIERS[language][multiplier.casefold()]
    return value


def _approximate(language: str, text: str, start: int, end: int) -> bool:
    before = APPROXIMATE_BEFORE.get(language)
    if before and re.search(before, text[max(0, start - 20) : start], re.IGNORECASE):
        return True
    after = APPROXIMATE_AFTER.get(language)
    return bool(after and re.search(after, text[end : end + 8]))


def _digit_numbers(text: str, language: str) -> list[NumberMention]:
    found: list[NumberMention] = []
    for match in _digits_pattern(language).finditer(text):
        value = _digits_value(language, match)
        if value is None:
            continue
        previous = found[-1] if found else None
        if (
            previous is not None
            and previous.end == match.start()
            and text[previous.end - 1] in MULTIPLIERS.get(language, {})
            and previous.value > value
        ):
            # 1万5千 is 15000: a number right after a myriad continues it.
            found[-1] = NumberMention(
                previous.value + value, previous.start, match.end(), previous.approximate
            )
            continue
        approximate = _approximate(language, text, match.start(), match.end())
        found.append(NumberMention(value, match.start(), match.end(), approximate))
    return found


_KANJI_RUN = re.compile(f"第?[{_KANJI}]+")
# Further counters a translation may use after a kanji numeral (times, countries, terms…).
_TARGET_COUNTERS = "度国期位番隻機台本枚周県市島"


def _ideograph(char: str) -> bool:
    """Tell whether ``char`` is a CJK ideograph (a kanji that is not a numeral, 第 or 約)."""
    return bool(char) and "\u4e00" <= char <= "\u9fff" and char not in _KANJI + "第約"


def _kanji_numbers(text: str, language: str, *, strict: bool) -> list[NumberMention]:
    found = []
    for match in _KANJI_RUN.finditer(text):
        numeral = match.group().lstrip("第")
        if not any(char in KANJI_DIGITS or char in KANJI_UNITS for char in numeral):
            continue  # 万 or 億 alone
        if match.start() and text[match.start() - 1].isdigit():
            continue  # the multiplier of a number in digits: 1万5千
        if any(text.startswith(word, match.start()) for word in _KANJI_WORDS):
            continue
        after = text[match.end() : match.end() + 1]
        ordinal = match.group().startswith("第")
        before = text[match.start() - 1] if match.start() else ""
        if not ordinal and ((before and before in _KANJI_NOT_AFTER) or after == "数"):
            continue  # 数十名, 十数か国: "dozens", "more than ten"
        if strict and not (ordinal or after in _KANJI_COUNTERS):
            continue
        if strict and not ordinal and kanji_value(numeral) == 1:
            continue  # 一人, 一つ, 一日も早く: "a person", "each", "an early…"
        if not strict and not (ordinal or after in _KANJI_COUNTERS or after in _TARGET_COUNTERS):
            if _ideograph(before) or _ideograph(after):
                continue  # inside a word or a name: 晋三, 三菱, 二国間
        start = match.end() - len(numeral)
        approximate = _approximate(language, text, start, match.end())
        value = Decimal(kanji_value(numeral))
        found.append(NumberMention(value, start, match.end(), approximate, "kanji"))
    return found


_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=65_536)
def _word_value(language: str, word: str) -> tuple[int, bool] | None:
    table = NUMBER_WORDS.get(language)
    if table is None:
        return None
    if language == "ru":
        folded = russian_fold(word)
        lemmas, _known = russian_lemmas(folded)
        found = next((table[lemma] for lemma in lemmas if lemma in table), None)
        return found if found is not None else _ru_compound_value(folded)
    return table.get(word.casefold())


def _ru_compound_value(folded: str) -> tuple[int, bool] | None:
    match = RU_COMPOUND.fullmatch(folded)
    if not match or not (match.group(1) or match.group(2)):
        return None
    tens = RU_COMPOUND_TENS.get(match.group(1) or "", 0)
    return (tens + RU_COMPOUND_UNITS.get(match.group(2) or "", 0), False)


def _adds(last: tuple[int, bool], value: tuple[int, bool]) -> bool:
    """Tell whether a number word continues the one before it: "twenty-five", «сто два»."""
    return last[1] or (last[0] > value[0] and last[0] % 10 == 0 and last[0] >= 20)


def _word_numbers(text: str, language: str) -> list[NumberMention]:
    """Read runs of number words ("twenty-five", "три тысячи двести") as one value each."""
    found = []
    run: list[tuple[int, bool]] = []
    run_start = run_end = 0

    def close():
        if run:
            total = section = 0
            for value, multiplies in run:
                if multiplies:
                    total += (section or 1) * value
                    section = 0
                else:
                    section += value
            approximate = _approximate(language, text, run_start, run_end)
            value = Decimal(total + section)
            found.append(NumberMention(value, run_start, run_end, approximate, "words"))
            run.clear()

    for match in _WORD.finditer(text):
        word_value = _word_value(language, match.group())
        joined = run and re.fullmatch(r"[\s\-‐]*(?:and\s+)?", text[run_end : match.start()])
        if joined and word_value is not None and not (word_value[1] or _adds(run[-1], word_value)):
            joined = False  # «первые шесть», "one two": two numbers, not one
        if word_value is None or not joined:
            close()
        if word_value is not None:
            if not run:
                run_start = match.start()
            run.append(word_value)
            run_end = match.end()
    close()
    return found


def _measured_word_numbers(text: str, language: str) -> list[NumberMention]:
    measure = MEASURE_WORDS.get(language)
    if measure is None:
        return []
    # "two and a half hours", «двух с половиной часов».
    half = HALF_AFTER.get(language, "")
    after = re.compile(rf"(?:{half})?[\s\-‐]+{measure}", re.IGNORECASE)
    definite, vague = DEFINITE.get(language), VAGUE_BEFORE.get(language)
    # Three and more count whatever follows ("three cities", «трех городов»); two only a time
    # or people: "two countries" is 「両国」 as often as 「2か国」.
    return [
        n
        for n in _word_numbers(text, language)
        if (n.value >= 3 or (n.value >= 2 and after.match(text, n.end)))
        and not (definite and definite.search(text, max(0, n.start - 12), n.start))
        and not _in_name(text, n)
        and not (vague and vague.search(text, max(0, n.start - 20), n.start))
    ]


_ACRONYM_BEFORE = re.compile(r"\b[A-Z]{2,}-$")


def _in_name(text: str, number: NumberMention) -> bool:
    """Tell whether a number word is part of a name: capitalised inside a sentence ("the Group
    of Seven", "the Big Three")."""
    before = text[: number.start].rstrip()
    return text[number.start].isupper() and bool(before) and before[-1] not in '.!?:;"“«(\n'


def _with_halves(text: str, language: str, found: list[NumberMention]) -> list[NumberMention]:
    """Return ``found`` with "and a half" after a number added to it."""
    after = HALF_AFTER.get(language)
    if after is None:
        return found
    pattern = re.compile(after, re.IGNORECASE)
    result: list[NumberMention] = []
    for number in sorted(found, key=lambda n: n.start):
        if result and number.start < result[-1].end:
            continue  # the multiplier of a half before it: «двух с половиной тысяч»
        if language == "ja" and text.startswith(JA_TENTHS_AFTER, number.end):
            number = NumberMention(
                number.value * 10, number.start, number.end, number.approximate, number.kind
            )
        half = pattern.match(text, number.end)
        if half and number.value == number.value.to_integral_value():
            value, end = number.value + Decimal("0.5"), half.end()
            # "two and a half thousand", «двух с половиной тысяч»: the half is multiplied too.
            word = _WORD.match(text, end + 1) if text[end : end + 1].isspace() else None
            multiplier = word and _word_value(language, word.group())
            if multiplier and multiplier[1]:
                value, end = value * multiplier[0], word.end()
            number = NumberMention(value, number.start, end, number.approximate, number.kind)
        result.append(number)
    return result


def _phrase_numbers(text: str, language: str) -> list[NumberMention]:
    found = []
    for pattern, value in PHRASES.get(language, ()):
        for match in re.finditer(pattern, text, re.IGNORECASE):
            if any(n.start < match.end() and match.start() < n.end for n in found):
                continue
            approximate = _approximate(language, text, match.start(), match.end()) or bool(
                re.match(r"(?:около|примерно|приблизительно|почти)\s", match.group(), re.I)
            )
            found.append(
                NumberMention(Decimal(value), match.start(), match.end(), approximate, "words")
            )
    return found


def _without_overlaps(found: list[NumberMention], extra) -> list[NumberMention]:
    spans = [(n.start, n.end) for n in found]
    return found + [
        n for n in extra if not any(n.start < end and start < n.end for start, end in spans)
    ]


@lru_cache(maxsize=4096)
def source_numbers(text: str, language: str) -> tuple[NumberMention, ...]:
    """Return the numbers a translation of ``text`` must render, in order."""
    found = _digit_numbers(text, language)
    if languages.get(language).matching == languages.CHARACTERS:
        extra = _kanji_numbers(text, language, strict=True)
    else:
        extra = _measured_word_numbers(text, language)
    found = _without_overlaps(found, extra)
    # The number of an acronym is its name's ("COVID-19": 「新型コロナウイルス感染症」).
    found = [n for n in found if not _ACRONYM_BEFORE.search(text, max(0, n.start - 12), n.start)]
    # "half an hour", «полтора»: amounts however said ("an hour" is left out, as "one hour").
    found = _without_overlaps(found, [n for n in _phrase_numbers(text, language) if n.value != 1])
    if language == "ja":
        idiom = re.compile(JA_IDIOMS_AFTER)
        found = [n for n in found if not idiom.match(text, n.end)]
    return tuple(sorted(_with_halves(text, language, found), key=lambda n: n.start))


@lru_cache(maxsize=4096)
def target_numbers(text: str, language: str) -> tuple[NumberMention, ...]:
    """Return every number ``text`` renders, however it is written, in order."""
    found = _digit_numbers(text, language)
    if languages.get(language).matching == languages.CHARACTERS:
        found += _kanji_numbers(text, language, strict=False)
    else:
        found = _without_overlaps(found, _word_numbers(text, language))
    found = _with_halves(text, language, found)
    found = _without_overlaps(found, _phrase_numbers(text, language))
    if language in ("en", "ru"):
        # "X" alone is a numeral in a Russian text; "I" in an English one is a word.
        found += [
            NumberMention(Decimal(len(m.group(1)) * 10 + ROMAN_UNITS[m.group(2)]), *m.span())
            for m in ROMAN.finditer(text)
            if m.group() and (language == "ru" or len(m.group()) > 1)
        ]
    return tuple(sorted(found, key=lambda n: n.start))
