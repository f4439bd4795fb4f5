# ruff: noqa: E501 (sentences kept whole)
"""Cases in the shapes real parallel releases take: dates and times written apart, weekdays in
brackets, days relative to the release (本22日, 昨8日) or to the date before them (同日, 翌日,
前日, 同月; "the same day", «на следующий день»), hours of a time.

Made-up sentences in the ministry's style. Each case names its check and the release's date
(``None``: unknown), against which relative days and weekdays are read; ``earlier`` holds the
units before it in the release (source, translation), whose last date 同日 at its start reads
against. ``flagged`` says whether the check must report the translation: the false alarms of
real text must not appear, and the true errors (a wrong day, a wrong weekday, a wrong hour)
must still be found.
"""

from __future__ import annotations

import inspect
from datetime import date
from functools import cache
from typing import NamedTuple

from tests.helpers import CONCEPT_IDS, glossary_terms
from translations.checks import FindingData, run_checks
from translations.checks.matching.matcher import TermMatcher, TermSpec

from .consistency_cases import LABELS, PLACE_TERMS, PROPER_NAMES

ABE = CONCEPT_IDS["abe"]
TANAKA = 201  # a made-up minister
# The full first mention of a person, admitted beside the short form.
NAME_TERMS = [
    TermSpec(1001, ABE, "en", "Mr. Shinzo Abe, Prime Minister of Japan", "admitted"),
    TermSpec(1002, ABE, "ru", "Премьер-министр Японии Синдзо Абэ", "admitted"),
    TermSpec(1003, TANAKA, "en", "Minister Tanaka", "preferred"),
    TermSpec(
        1004, TANAKA, "en", "Mr. Taro Tanaka, Minister for Foreign Affairs of Japan", "admitted"
    ),
    TermSpec(1005, TANAKA, "ja", "田中大臣", "preferred"),
    TermSpec(1006, TANAKA, "ja", "田中太郎外務大臣", "admitted"),
    TermSpec(1007, TANAKA, "ru", "министр Танака", "preferred"),
    TermSpec(1008, TANAKA, "ru", "Министр иностранных дел Японии Таро Танака", "admitted"),
]


@cache
def _matcher(language: str) -> TermMatcher:
    return TermMatcher([*glossary_terms(), *PLACE_TERMS, *NAME_TERMS], language)


class RealCase(NamedTuple):
    check: str
    source_language: str
    language: str
    source: str
    target: str
    flagged: bool
    release_date: date | None = None
    earlier: tuple[tuple[str, str], ...] = ()


JUNE_22 = date(2021, 6, 22)  # a Tuesday
JUNE_9 = date(2021, 6, 9)  # a Wednesday
JUNE_1 = date(2021, 6, 1)
NOV_20 = date(2021, 11, 20)  # November 25, 2021 is a Thursday
NOV_27 = date(2021, 11, 27)  # released two days after the talks


def evaluate_real(case: RealCase) -> list[FindingData]:
    """Return the findings of the case's check on the case, read against its release date."""
    extra = {}
    if "release_date" in inspect.signature(run_checks).parameters:
        extra["release_date"] = case.release_date
    earlier = [(f"e{i}", source, target) for i, (source, target) in enumerate(case.earlier)]
    findings = run_checks(
        [*earlier, ("s1", case.source, case.target)],
        case.language,
        _matcher(case.source_language),
        _matcher(case.language),
        concept_labels={**LABELS, TANAKA: "tanaka"},
        checks=[case.check],
        proper_names=PROPER_NAMES | {TANAKA},
        **extra,
    )
    return [finding for finding in findings if finding.segment_key == "s1"]


C = RealCase
FALSE_ALARMS = [
    # A date and a time written together on one side, apart on the other.
    C(
        "date",
        "ja",
        "en",
        "11月25日、午後5時から記者会見を行います。",
        "On November 25, commencing at 5:00 p.m., a press conference will be held.",
        False,
        NOV_20,
    ),
    C(
        "date",
        "en",
        "ja",
        "On November 25, commencing at 5:00 p.m., a press conference will be held.",
        "11月25日、午後5時から記者会見を行います。",
        False,
        NOV_20,
    ),
    C(
        "date",
        "ja",
        "ru",
        "11月25日、午後5時から記者会見を行います。",
        "25 ноября в 17:00 начнётся пресс-конференция.",
        False,
        NOV_20,
    ),
    C(
        "date",
        "ru",
        "ja",
        "25 ноября в 17:00 начнётся пресс-конференция.",
        "11月25日、午後5時から記者会見を行います。",
        False,
        NOV_20,
    ),
    C(
        "date",
        "en",
        "ru",
        "On November 25, commencing at 5:00 p.m., the Minister will meet the press.",
        "25 ноября в 17:00 министр встретится с прессой.",
        False,
        NOV_20,
    ),
    C(
        "date",
        "ja",
        "en",
        "11月25日（木）午後5時から",
        "from 5:00 p.m. on Thursday, November 25",
        False,
        NOV_20,
    ),
    C(
        "date",
        "en",
        "ja",
        "The Minister will visit on November 25, and at 5 p.m. he will meet the Governor.",
        "大臣は11月25日午後5時に知事と会談する。",
        False,
        NOV_20,
    ),
    # Weekdays in any form.
    C(
        "date",
        "en",
        "ja",
        "The meeting will be held on June 8 (Tue).",
        "会合は6月8日(火曜日)に開催される。",
        False,
        JUNE_1,
    ),
    C(
        "date",
        "en",
        "ja",
        "The meeting will be held on June 8 (Tue).",
        "会合は8日(火曜日)に開催される。",
        False,
        JUNE_1,
    ),
    C(
        "date",
        "ja",
        "en",
        "会合は6月8日(火)に開催される。",
        "The meeting will be held on Tuesday, June 8.",
        False,
        JUNE_1,
    ),
    C(
        "date",
        "en",
        "ru",
        "The meeting will be held on June 8 (Tuesday).",
        "Встреча состоится во вторник, 8 июня.",
        False,
        JUNE_1,
    ),
    C(
        "date",
        "en",
        "ru",
        "The meeting will be held on June 8 (Tue).",
        "Встреча состоится 8 июня (вт).",
        False,
        JUNE_1,
    ),
    C(
        "date",
        "ru",
        "ja",
        "Встреча состоится 8 июня (вт).",
        "会合は6月8日（火）に開催される。",
        False,
        JUNE_1,
    ),
    C(
        "date",
        "ja",
        "ru",
        "会合は8日（火）に開催される。",
        "Встреча состоится во вторник, 8 июня.",
        False,
        JUNE_1,
    ),
    C(
        "date",
        "en",
        "ja",
        "On Tuesday, June 8, the two ministers met.",
        "6月8日（火曜日）、両大臣は会談した。",
        False,
        JUNE_1,
    ),
    # Days relative to the release's date.
    C(
        "date",
        "ja",
        "en",
        "本22日、外務大臣は大使と会談した。",
        "On June 22, the Minister for Foreign Affairs met the Ambassador.",
        False,
        JUNE_22,
    ),
    C(
        "date",
        "en",
        "ja",
        "On June 22, the Minister for Foreign Affairs met the Ambassador.",
        "本22日、外務大臣は大使と会談した。",
        False,
        JUNE_22,
    ),
    C(
        "date",
        "ja",
        "ru",
        "本22日、外務大臣は大使と会談した。",
        "22 июня министр иностранных дел встретился с послом.",
        False,
        JUNE_22,
    ),
    C(
        "date",
        "ja",
        "en",
        "昨8日、両国は協定に署名した。",
        "On June 8, the two countries signed the agreement.",
        False,
        JUNE_9,
    ),
    C(
        "date",
        "ru",
        "ja",
        "8 июня две страны подписали соглашение.",
        "昨8日、両国は協定に署名した。",
        False,
        JUNE_9,
    ),
    C(
        "date",
        "ja",
        "en",
        "本22日（火）午後3時から",
        "On Tuesday, June 22, from 3:00 p.m.",
        False,
        JUNE_22,
    ),
    # Hours of a time, 12 and 24 hours.
    C("date", "en", "ja", "at 5:00 p.m.", "17時に", False, NOV_20),
    C("date", "ja", "en", "17時から", "from 5 p.m.", False, NOV_20),
    C("date", "ru", "en", "в 17:00", "at 5 p.m.", False, NOV_20),
    C(
        "number",
        "ja",
        "en",
        "11月25日、午後5時から3名の閣僚が出席する。",
        "On November 25, commencing at 5:00 p.m., 3 ministers will attend.",
        False,
        NOV_20,
    ),
    C(
        "number",
        "en",
        "ja",
        "On November 25, commencing at 5:00 p.m., 3 ministers will attend.",
        "11月25日、午後5時から3名の閣僚が出席する。",
        False,
        NOV_20,
    ),
    C(
        "number",
        "ja",
        "en",
        "本22日、2名が出席した。",
        "On June 22, 2 people attended.",
        False,
        JUNE_22,
    ),
    C(
        "number",
        "en",
        "ru",
        "The talks began at 5 p.m. and lasted 2 hours.",
        "Переговоры начались в 17:00 и продолжались 2 часа.",
        False,
        NOV_20,
    ),
    C(
        "number",
        "ja",
        "en",
        "会談は午後5時に始まり、2時間続いた。",
        "The talks began at 5 in the afternoon and lasted 2 hours.",
        False,
        NOV_20,
    ),
]

TRUE_ERRORS = [
    # A wrong day.
    C(
        "date",
        "ja",
        "en",
        "11月25日、午後5時から記者会見を行います。",
        "On November 26, commencing at 5:00 p.m., a press conference will be held.",
        True,
        NOV_20,
    ),
    C(
        "date",
        "ja",
        "en",
        "本22日、外務大臣は大使と会談した。",
        "On June 23, the Minister for Foreign Affairs met the Ambassador.",
        True,
        JUNE_22,
    ),
    C(
        "date",
        "en",
        "ja",
        "On June 21, the Minister met the Ambassador.",
        "本22日、大臣は大使と会談した。",
        True,
        JUNE_22,
    ),
    C(
        "date",
        "ja",
        "ru",
        "昨8日、両国は協定に署名した。",
        "7 июня две страны подписали соглашение.",
        True,
        JUNE_9,
    ),
    C(
        "date",
        "en",
        "ja",
        "The meeting will be held on June 9 (Tue).",
        "会合は8日(火曜日)に開催される。",
        True,
        JUNE_1,
    ),
    # A wrong weekday.
    C(
        "date",
        "en",
        "ja",
        "The meeting will be held on June 8 (Tue).",
        "会合は6月8日(水)に開催される。",
        True,
        JUNE_1,
    ),
    C(
        "date",
        "en",
        "ru",
        "The meeting will be held on June 8 (Tue).",
        "Встреча состоится 8 июня (ср).",
        True,
        JUNE_1,
    ),
    C(
        "date",
        "ja",
        "en",
        "会合は6月8日(火曜日)に開催される。",
        "The meeting will be held on Wednesday, June 8.",
        True,
        JUNE_1,
    ),
    C(
        "date",
        "ja",
        "ru",
        "会合は6月8日（火）に開催される。",
        "Встреча состоится в среду, 8 июня.",
        True,
        JUNE_1,
    ),
    C(
        "date",
        "en",
        "ja",
        "The meeting will be held on June 8.",
        "会合は6月8日（水）に開催される。",
        True,
        JUNE_1,
    ),
    C(
        "date",
        "ru",
        "en",
        "Встреча состоится 8 июня.",
        "The meeting will be held on June 8 (Wed).",
        True,
        JUNE_1,
    ),
    # A wrong hour.
    C(
        "date",
        "ja",
        "en",
        "11月25日、午後5時から記者会見を行います。",
        "On November 25, commencing at 6:00 p.m., a press conference will be held.",
        True,
        NOV_20,
    ),
    C(
        "date",
        "ja",
        "ru",
        "11月25日、午後5時から記者会見を行います。",
        "25 ноября в 15:00 начнётся пресс-конференция.",
        True,
        NOV_20,
    ),
    C(
        "date",
        "en",
        "ja",
        "On November 25, commencing at 5:00 p.m.",
        "11月25日、午前5時から",
        True,
        NOV_20,
    ),
    C("date", "ru", "en", "в 17:00", "at 7 p.m.", True, NOV_20),
    C(
        "number",
        "ja",
        "en",
        "11月25日、午後5時から3名の閣僚が出席する。",
        "On November 25, commencing at 5:00 p.m., 4 ministers will attend.",
        True,
        NOV_20,
    ),
]

# A person's full first mention, admitted by the glossary.
FALSE_ALARMS += [
    C(
        "proper-name",
        "ja",
        "en",
        "安倍総理は会見で述べた。",
        "Mr. Shinzo Abe, Prime Minister of Japan, stated at the press conference.",
        False,
    ),
    C(
        "proper-name",
        "ja",
        "ru",
        "安倍総理は会見で述べた。",
        "Премьер-министр Японии Синдзо Абэ заявил на пресс-конференции.",
        False,
    ),
    C(
        "proper-name",
        "ja",
        "en",
        "田中大臣は会談を行った。",
        "Mr. Taro Tanaka, Minister for Foreign Affairs of Japan, held talks.",
        False,
    ),
    C(
        "proper-name",
        "en",
        "ja",
        "Mr. Taro Tanaka, Minister for Foreign Affairs of Japan, held talks.",
        "田中太郎外務大臣は会談を行った。",
        False,
    ),
    C(
        "proper-name",
        "en",
        "ru",
        "Minister Tanaka held talks.",
        "Министр иностранных дел Японии Таро Танака провёл переговоры.",
        False,
    ),
]
# A person left unnamed.
TRUE_ERRORS += [
    C("proper-name", "ja", "en", "田中大臣は会談を行った。", "The Minister held talks.", True),
    C("proper-name", "ja", "ru", "田中大臣は会談を行った。", "Министр провёл переговоры.", True),
]

# Days relative to the date before them: 同日, 翌日, 前日, 同月 and their English and Russian
# equivalents, in the same unit or after the release's earlier units.
TALKS_JA = ("11月25日、両外相は会談を行った。", "On November 25, the two ministers held talks.")
TALKS_RU = ("11月25日、両外相は会談を行った。", "25 ноября министры провели переговоры.")
TALKS_EN = ("On November 25, the two ministers held talks.", "11月25日、両外相は会談を行った。")
FALSE_ALARMS += [
    C(
        "date",
        "ja",
        "en",
        "11月25日、両外相は会談を行った。同日、両外相は共同声明を発表した。",
        "On November 25, the two ministers held talks. On the same day, they issued a joint "
        "statement.",
        False,
        NOV_27,
    ),
    C(
        "date",
        "ja",
        "en",
        "11月25日、両外相は会談を行った。翌日、両外相は工場を視察した。",
        "On November 25, the two ministers held talks. On November 26, they visited a factory.",
        False,
        NOV_27,
    ),
    C(
        "date",
        "en",
        "ja",
        "On November 25, the two ministers held talks. On November 26, they visited a factory.",
        "11月25日、両外相は会談を行った。翌26日、両外相は工場を視察した。",
        False,
        NOV_27,
    ),
    C(
        "date",
        "ja",
        "ru",
        "11月25日、両外相は会談を行った。同日夕刻、夕食会が開かれた。",
        "25 ноября министры провели переговоры. В тот же день вечером состоялся ужин.",
        False,
        NOV_27,
    ),
    C(
        "date",
        "ru",
        "ja",
        "25 ноября министры провели переговоры. На следующий день они посетили завод.",
        "11月25日、両外相は会談を行った。翌26日、両外相は工場を視察した。",
        False,
        NOV_27,
    ),
    C(
        "date",
        "en",
        "ru",
        "On November 25, the ministers held talks. The following day, they visited a factory.",
        "25 ноября министры провели переговоры. На следующий день они посетили завод.",
        False,
        NOV_27,
    ),
    C(
        "date",
        "ja",
        "en",
        "首脳会談（11月25日）の前日、両外相は準備会合を行った。",
        "On November 24, the day before the Summit Meeting (November 25), the ministers held "
        "a preparatory meeting.",
        False,
        NOV_27,
    ),
    C(
        "date",
        "ja",
        "en",
        "11月25日、両外相は会談を行った。同月30日には次官級協議が開かれる。",
        "On November 25, the two ministers held talks. Vice-ministerial consultations will be "
        "held on November 30.",
        False,
        NOV_27,
    ),
    C(
        "date",
        "ja",
        "en",
        "本22日、外務大臣は大使と会談した。同日、大臣は知事とも会談した。",
        "On June 22, the Minister for Foreign Affairs met the Ambassador. On the same day, the "
        "Minister also met the Governor.",
        False,
        JUNE_22,
    ),
    C(
        "date",
        "en",
        "ja",
        "The ministers will meet on June 8 (Tue) and visit the port the following day (Wed).",
        "両大臣は6月8日(火)に会談し、翌日(水)に港を視察する。",
        False,
        JUNE_1,
    ),
    # 同日 at the start of a unit reads against the source's earlier units, not the release's
    # date (two days later).
    C(
        "date",
        "ja",
        "en",
        "同日、両外相は夕食会を行った。",
        "On November 25, the two ministers held a dinner.",
        False,
        NOV_27,
        (TALKS_JA,),
    ),
    C(
        "date",
        "ja",
        "ru",
        "翌日、両外相は工場を視察した。",
        "26 ноября министры посетили завод.",
        False,
        NOV_27,
        (TALKS_RU,),
    ),
    C(
        "date",
        "en",
        "ja",
        "On the same day, the two ministers held a dinner.",
        "11月25日、両外相は夕食会を行った。",
        False,
        NOV_27,
        (TALKS_EN,),
    ),
]
TRUE_ERRORS += [
    C(
        "date",
        "ja",
        "en",
        "11月25日、両外相は会談を行った。翌日、両外相は工場を視察した。",
        "On November 25, the two ministers held talks. On November 27, they visited a factory.",
        True,
        NOV_27,
    ),
    C(
        "date",
        "ja",
        "ru",
        "同日夕刻、夕食会が開かれた。",
        "26 ноября вечером состоялся ужин.",
        True,
        NOV_27,
        (TALKS_RU,),
    ),
    C(
        "date",
        "en",
        "ja",
        "On November 25, the two ministers held talks. The following day, they visited a factory.",
        "11月25日、両外相は会談を行った。同日、両外相は工場を視察した。",
        True,
        NOV_27,
    ),
    C(
        "date",
        "ja",
        "en",
        "首脳会談（11月25日）の前日、両外相は準備会合を行った。",
        "On November 26, the day after the Summit Meeting (November 25), the ministers held "
        "a preparatory meeting.",
        True,
        NOV_27,
    ),
    C(
        "date",
        "en",
        "ja",
        "The ministers will meet on June 8 (Tue) and visit the port the following day.",
        "両大臣は6月8日(火)に会談し、翌日(木)に港を視察する。",
        True,
        JUNE_1,
    ),
    C(
        "date",
        "ja",
        "en",
        "11月25日、両外相は会談を行った。同月30日には次官級協議が開かれる。",
        "On November 25, the two ministers held talks. Vice-ministerial consultations will be "
        "held on December 30.",
        True,
        NOV_27,
    ),
    # Read against the release's date (the 27th) this would pass; the earlier unit says the
    # same day is the 25th.
    C(
        "date",
        "ja",
        "en",
        "同日、両外相は夕食会を行った。",
        "On November 27, the two ministers held a dinner.",
        True,
        NOV_27,
        (TALKS_JA,),
    ),
    C(
        "date",
        "ru",
        "en",
        "В тот же день министры провели ужин.",
        "On November 24, the ministers held a dinner.",
        True,
        NOV_27,
        (("25 ноября министры провели переговоры.", "On November 25, the ministers held talks."),),
    ),
]

# Shapes met on real parallel pages: a pair of days, a day of last month, the minutes of a
# time beside a duration, a bare day the translation writes with its month.
NOV_3 = date(2022, 11, 3)
FALSE_ALARMS += [
    C(
        "date",
        "ja",
        "en",
        "両外相は、昨2日及び本3日の一連の発射を強く非難した。",
        "The two ministers strongly condemned the series of launches on November 2 and 3.",
        False,
        NOV_3,
    ),
    C(
        "date",
        "en",
        "ru",
        "The two ministers condemned the launches on November 2 and 3.",
        "Министры осудили запуски 2 и 3 ноября.",
        False,
        NOV_3,
    ),
    C(
        "date",
        "ja",
        "en",
        "大臣から、先月29日に発生した事故に関し、哀悼の意を伝えた。",
        "The Minister conveyed his condolences regarding the accident on October 29.",
        False,
        NOV_3,
    ),
    C(
        "number",
        "ja",
        "en",
        "12月11日、午後7時20分から約20分間、両大臣は電話会談を行った。",
        "On December 11, commencing at 7:20 p.m. for approximately 20 minutes, the two "
        "ministers held a telephone talk.",
        False,
        date(2024, 12, 11),
    ),
    C(
        "number",
        "ja",
        "en",
        "両首脳は、29日の弾道ミサイル発射を非難した。",
        "The two leaders condemned the launch of a ballistic missile on May 29.",
        False,
        date(2017, 5, 30),
    ),
]
FALSE_ALARMS += [
    C(
        "date",
        "en",
        "ja",
        "The leaders condemned the launch of a ballistic missile on May 29.",
        "両首脳は、29日の弾道ミサイル発射を非難した。",
        False,
        date(2017, 5, 30),
    ),
]
TRUE_ERRORS += [
    C(
        "date",
        "en",
        "ja",
        "The leaders condemned the launch of a ballistic missile on May 28.",
        "両首脳は、29日の弾道ミサイル発射を非難した。",
        True,
        date(2017, 5, 30),
    ),
    C(
        "date",
        "ja",
        "en",
        "本13日午後1時20分頃から約17分間、両大臣は電話会談を行った。",
        "On April 13, from 1:30 p.m., the two ministers held telephone talks for approximately "
        "17 minutes.",
        True,
        date(2012, 4, 13),
    ),
    C(
        "date",
        "ja",
        "en",
        "大臣から、先月29日に発生した事故に関し、哀悼の意を伝えた。",
        "The Minister conveyed his condolences regarding the accident on September 29.",
        True,
        NOV_3,
    ),
    C(
        "number",
        "ja",
        "en",
        "午後7時20分から約20分間、両大臣は電話会談を行った。",
        "Commencing at 7:20 p.m. for approximately 30 minutes, the two ministers held a "
        "telephone talk.",
        True,
        date(2024, 12, 11),
    ),
]

CASES = FALSE_ALARMS + TRUE_ERRORS
