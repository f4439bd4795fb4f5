"""The words numbers are written with in running text, by language: number words and their
values, the words that multiply digits ("million", 万, «млн») or make them approximate, Russian
compounds that begin with a number, and amounts said without a numeral ("half an hour").

:mod:`.numbers` reads texts with them.
"""

from __future__ import annotations

import re
from decimal import Decimal

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
    | {"million": (10**6, True), "billion": (10**9, True), "trillion": (10**12, True)}
    | {"decade": (10, True), "decades": (10, True), "centenary": (100, False)}
    | {"centennial": (100, False), "fortnight": (2, False)},
    "ru": _words(_RU_UNITS, _RU_TENS.split(), _RU_TENTHS.split(), _RU_HUNDREDS.split())
    | _words(_RU_ORDINALS, ())
    | {"двое": (2, False), "трое": (3, False), "сотый": (100, False)}
    # «Большая семерка» (the G7), «двадцатка» (the G20).
    | {"семерка": (7, False), "восьмерка": (8, False), "двадцатка": (20, False)}
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
    "en": r"(?:approximately|approx\.|about|around|some|nearly|almost|roughly|circa)\s+"
    r"(?:an?\s+)?$",
    "ja": r"(?:約|およそ|ほぼ|概ね|おおむね|大体)$",
    "ru": r"(?:около|примерно|приблизительно|порядка|почти)\s+(?:(?:в|на)\s+)?$",
}
APPROXIMATE_AFTER = {"ja": r"^[^\d、。，．]{0,3}?(?:程度|前後|余り|余)"}


# Russian compounds that begin with a number: «двухдневный» (two-day), «трехсторонний»,
# «пятидесятилетие» (fiftieth anniversary), «семидесятипятилетний».
RU_COMPOUND_UNITS = {"одно": 1, "дву": 2, "двух": 2, "трех": 3, "четырех": 4, "пяти": 5}
RU_COMPOUND_UNITS |= {"шести": 6, "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10}
RU_COMPOUND_UNITS |= {
    f"{stem}надцати": 11 + i
    for i, stem in enumerate("один две три четыр пят шест сем восем девят".split())
}
RU_COMPOUND_TENS = {"двадцати": 20, "тридцати": 30, "сорока": 40, "пятидесяти": 50}
RU_COMPOUND_TENS |= {"шестидесяти": 60, "семидесяти": 70, "восьмидесяти": 80}
RU_COMPOUND_TENS |= {"девяноста": 90, "сто": 100}


def _alternatives(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


RU_COMPOUND = re.compile(
    rf"({_alternatives(RU_COMPOUND_TENS)})?({_alternatives(RU_COMPOUND_UNITS)})?"
    r"(?:дневн|летн|лети|месячн|недельн|часов|минутн|сторонн|кратн)[а-я]*"
)


# A number written in words counts in a source from three on, and two when it measures time or
# counts people: "two hours", «два дня», "two persons". One is left out ("one hour" is «час»,
# "an hour"), and so are "two leaders" and "the three": 「両首脳」 says it without a numeral.
MEASURE_WORDS = {
    "en": r"(?:minutes?|hours?|days?|weeks?|months?|years?|times|persons|people|experts"
    r"|officials|participants|delegates)\b",
    "ru": r"(?:минут|час|дн|дня|дней|недел|месяц|год|лет|раз)",
}
DEFINITE = {"en": re.compile(r"\b(?:the|both|these|those|its|their)\s+$", re.IGNORECASE)}
# Words before a number word that make it vague: "tens of thousands", «десятки тысяч».
VAGUE_BEFORE = {
    "en": re.compile(
        r"\b(?:tens|hundreds|thousands|millions|several|many|dozens)\s+(?:of\s+)?$", re.I
    ),
    "ru": re.compile(r"(?<!\w)(?:десятк|сотн|тысяч|нескольк|многи|многочисленн)\w*\s+$", re.I),
}


# "and a half" after a number adds a half: 1時間半, "one and a half hours", «два с половиной
# часа» all state 1.5 or 2.5.
HALF_AFTER = {
    "en": r"\s+and\s+a\s+half\b",
    "ja": r"(?:時間|年|か月|カ月|ヶ月|箇月)半",
    "ru": r"\s+с\s+половиной(?!\w)",
}
# Amounts said without a numeral: "half an hour" (30 minutes), "an hour" (1), «полчаса»,
# «полтора часа» (1.5), «около часа» (1); in a translation only.
PHRASES = {
    "en": (
        (r"\bhalf\s+an?\s+hour\b", 30),
        (r"\ban?\s+(?:hour|day|week|month|year)\s+and\s+a\s+half\b", Decimal("1.5")),
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

# What a number of a Japanese source is followed by when it is part of a word a translation
# renders without a numeral: 2国間 ("bilateral"), 1人当たり ("per person"), 24時間体制
# ("around the clock").
JA_IDIOMS_AFTER = r"(?:か国間|カ国間|ヶ国間|国間|者間|人当たり|人あたり|時間体制)"
# 3割 is 30 percent.
JA_TENTHS_AFTER = "割"
# Roman numerals a translation writes in names: "World War II", "Phase III".
ROMAN = re.compile(r"\b(?=[IVX]+\b)(X{0,3})(IX|IV|V?I{0,3})\b")
ROMAN_UNITS = {"": 0, "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7}
ROMAN_UNITS |= {"VIII": 8, "IX": 9}
