"""Numbers in running text, read as values: digits, kanji numerals and number words.

``50``, ``５０``, ``1,500`` (en, ja), ``1 500`` and ``1,5`` (ru), ``18th``, ``18-й``, ``50万``,
``二千十七``, ``eighteen``, ``восемнадцатую`` and ``двадцати`` all become values.
:func:`source_numbers` reads what a translation must render: numbers written with digits, and
kanji numerals only where they clearly count something (``十八回``, ``三か国``), since ``一層``
or ``十分`` are words. :func:`target_numbers` reads every way a translation may render them,
number words included, so that a number is never reported missing because of how it is spelled.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from config import languages
from translations.glossary.words import russian_fold, russian_lemmas

KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4}
KANJI_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
KANJI_MYRIADS = {"万": 10**4, "億": 10**8, "兆": 10**12}
_KANJI = "".join((*KANJI_DIGITS, *KANJI_UNITS, *KANJI_MYRIADS))
# What a kanji numeral counts when it stands in a source text: years, months, days, times,
# people, items, countries (か国), and ordinals (第…).
_KANJI_COUNTERS = "年月日回人名件時分秒つ個歳倍割か箇ヶカ"
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
)

# Number words of a translation, by language: value, and whether it multiplies what precedes
# ("thousand", "тысяча") rather than adding to it.
_EN_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_ORDINALS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_EN_TENTHS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"
_RU_UNITS = (
    "ноль один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать "
    "тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать"
).split()
_RU_TENS = "двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто"
_RU_HUNDREDS = "сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот"
_RU_ORDINALS = (
    (
        "нулевой первый второй третий четвёртый пятый шестой седьмой восьмой девятый десятый "
        "одиннадцатый двенадцатый тринадцатый четырнадцатый пятнадцатый шестнадцатый семнадцатый "
        "восемнадцатый девятнадцатый"
    )
    .replace("ё", "е")
    .split()
)
_RU_TENTHS = "двадцатый тридцатый сороковой пятидесятый шестидесятый семидесятый "
_RU_TENTHS += "восьмидесятый девяностый"


def _words(units, tens, tenths=(), hundreds=()):
    table = {word: (value, False) for value, word in enumerate(units)}
    table |= {word: ((i + 2) * 10, False) for i, word in enumerate(tens)}
    table |= {word: ((i + 2) * 10, False) for i, word in enumerate(tenths)}
    table |= {word: ((i + 1) * 100, False) for i, word in enumerate(hundreds)}
    return table


NUMBER_WORDS = {
    "en": _words(_EN_UNITS, _EN_TENS, _EN_TENTHS.split())
    | _words(_EN_ORDINALS, ())
    | {"once": (1, False), "twice": (2, False), "dozen": (12, True), "hundred": (100, True)}
    | {"hundredth": (100, True), "thousand": (1000, True), "thousandth": (1000, True)}
    | {"million": (10**6, True), "billion": (10**9, True), "trillion": (10**12, True)},
    "ru": _words(_RU_UNITS, _RU_TENS.split(), _RU_TENTHS.split(), _RU_HUNDREDS.split())
    | _words(_RU_ORDINALS, ())
    | {"двое": (2, False), "трое": (3, False), "сотый": (100, False)}
    | {"тысяча": (1000, True), "тысячный": (1000, True), "миллион": (10**6, True)}
    | {"миллиард": (10**9, True), "триллион": (10**12, True)},
}
# Words that multiply the digits before them: "1.5 million", "15 тыс.", "50万".
MULTIPLIERS = {
    "en": {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12},
    "ja": {"千": 10**3, "万": 10**4, "億": 10**8, "兆": 10**12}
    # 2千万 is 20 million: a unit before a myriad multiplies it.
    | {"十万": 10**5, "百万": 10**6, "千万": 10**7, "十億": 10**9, "百億": 10**10}
    | {"千億": 10**11},
    "ru": {"тыс.": 10**3, "тысяч": 10**3, "тысячи": 10**3, "тысяча": 10**3, "млн": 10**6}
    | {"миллиона": 10**6, "миллионов": 10**6, "миллион": 10**6, "млрд": 10**9}
    | {"миллиарда": 10**9, "миллиардов": 10**9, "миллиард": 10**9, "трлн": 10**12},
}
# Words that make a number approximate, before it (or after it: 程度, 前後).
APPROXIMATE_BEFORE = {
    "en": r"(?:approximately|approx\.|about|around|some|nearly|almost|roughly|circa)\s+$",
    "ja": r"(?:約|およそ|ほぼ|概ね|おおむね|大体)$",
    "ru": r"(?:около|примерно|приблизительно|порядка|почти)\s+$",
}
APPROXIMATE_AFTER = {"ja": r"^[^\d、。，．]{0,3}?(?:程度|前後|余り|余)"}


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
_TARGET_COUNTERS = "度国期位番隻機台本枚周県市"


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
        if strict and not (ordinal or after in _KANJI_COUNTERS):
            continue
        if not strict and not (ordinal or after in _KANJI_COUNTERS or after in _TARGET_COUNTERS):
            before = text[match.start() - 1 : match.start()]
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


# Russian compounds that begin with a number: «двухдневный» (two-day), «трехсторонний»,
# «пятидесятилетие» (fiftieth anniversary), «семидесятипятилетний».
_RU_COMPOUND_UNITS = {"одно": 1, "дву": 2, "двух": 2, "трех": 3, "четырех": 4, "пяти": 5}
_RU_COMPOUND_UNITS |= {"шести": 6, "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10}
_RU_COMPOUND_UNITS |= {
    f"{stem}надцати": 11 + i
    for i, stem in enumerate("один две три четыр пят шест сем восем девят".split())
}
_RU_COMPOUND_TENS = {"двадцати": 20, "тридцати": 30, "сорока": 40, "пятидесяти": 50}
_RU_COMPOUND_TENS |= {"шестидесяти": 60, "семидесяти": 70, "восьмидесяти": 80}
_RU_COMPOUND_TENS |= {"девяноста": 90, "сто": 100}


def _alternatives(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_RU_COMPOUND = re.compile(
    rf"({_alternatives(_RU_COMPOUND_TENS)})?({_alternatives(_RU_COMPOUND_UNITS)})?"
    r"(?:дневн|летн|лети|месячн|недельн|часов|сторонн|кратн)[а-я]*"
)


def _ru_compound_value(folded: str) -> tuple[int, bool] | None:
    match = _RU_COMPOUND.fullmatch(folded)
    if not match or not (match.group(1) or match.group(2)):
        return None
    tens = _RU_COMPOUND_TENS.get(match.group(1) or "", 0)
    return (tens + _RU_COMPOUND_UNITS.get(match.group(2) or "", 0), False)


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
        if word_value is None or not joined:
            close()
        if word_value is not None:
            if not run:
                run_start = match.start()
            run.append(word_value)
            run_end = match.end()
    close()
    return found


# A number written in words counts in a source when it measures time or counts people: "two
# hours", «три дня», "three persons". One is left out ("one hour" is «час», "an hour"), and so
# are other words ("two leaders") and "the two": 「両首脳」 says it without a numeral.
_MEASURE_WORDS = {
    "en": r"(?:minutes?|hours?|days?|weeks?|months?|years?|times|persons|people|experts"
    r"|officials|participants|delegates)\b",
    "ru": r"(?:минут|час|дн|дня|дней|недел|месяц|год|лет|раз)",
}
_DEFINITE = {"en": re.compile(r"\b(?:the|both|these|those|its|their)\s+$", re.IGNORECASE)}


def _measured_word_numbers(text: str, language: str) -> list[NumberMention]:
    measure = _MEASURE_WORDS.get(language)
    if measure is None:
        return []
    after = re.compile(rf"[\s\-‐]+{measure}", re.IGNORECASE)
    definite = _DEFINITE.get(language)
    return [
        n
        for n in _word_numbers(text, language)
        if n.value >= 2
        and after.match(text, n.end)
        and not (definite and definite.search(text, max(0, n.start - 12), n.start))
    ]


# "and a half" after a number adds a half: 1時間半, "one and a half hours", «два с половиной
# часа» all state 1.5 or 2.5.
_HALF_AFTER = {
    "en": r"\s+and\s+a\s+half\b",
    "ja": r"(?:時間|年|か月|カ月|ヶ月|箇月)半",
    "ru": r"\s+с\s+половиной(?!\w)",
}
# Amounts said without a numeral: "half an hour" (30 minutes), "an hour" (1), «полчаса»,
# «полтора часа» (1.5), «около часа» (1); in a translation only.
_PHRASES = {
    "en": (
        (r"\bhalf\s+an?\s+hour\b", 30),
        (r"\ban?\s+hour\s+and\s+a\s+half\b", Decimal("1.5")),
        (r"\ban?\s+(?:hour|day|week|month|year)\b", 1),
    ),
    "ru": (
        (r"(?<!\w)пол(?:часа|учаса)(?!\w)", 30),
        (r"(?<!\w)(?:полтора|полторы|полутора)(?!\w)", Decimal("1.5")),
        (
            r"(?<!\w)(?:около|примерно|приблизительно|почти|более|менее|свыше|целый|в\s+течение)"
            r"\s+(?:часа|час|суток|дня|недели|месяца|года)(?!\w)",
            1,
        ),
    ),
}


def _with_halves(text: str, language: str, found: list[NumberMention]) -> list[NumberMention]:
    """Return ``found`` with "and a half" after a number added to it."""
    after = _HALF_AFTER.get(language)
    if after is None:
        return found
    pattern = re.compile(after, re.IGNORECASE)
    result = []
    for number in found:
        half = pattern.match(text, number.end)
        if half and number.value == number.value.to_integral_value():
            end = number.end if language == "ja" else half.end()
            number = NumberMention(
                number.value + Decimal("0.5"), number.start, end, number.approximate, number.kind
            )
        result.append(number)
    return result


def _phrase_numbers(text: str, language: str) -> list[NumberMention]:
    found = []
    for pattern, value in _PHRASES.get(language, ()):
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
    return tuple(sorted(found, key=lambda n: n.start))
