"""Cases for the consistency checks, from the seed release and the ministry's style.

Each case is ``(source language, target language, source, translation, flagged)``: whether the
check must report the translation. Positive cases are errors a translator makes (15 minutes for
50, 7月8日 for July 7, a name in another form, a stray bracket); negative cases are correct
renderings the check must accept (number words, ordinals in any case, era years, kanji
numerals, the seed's own translations). :func:`evaluate` runs one check on one case without a
database; ``tests/benchmarks/bench_consistency.py`` reports precision and recall on them.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from records.demo import seed_translations
from tests.helpers import CONCEPT_IDS, CONCEPT_LABELS, glossary_terms
from translations.checks import FindingData, run_checks
from translations.checks.matching.matcher import TermMatcher, TermSpec


class Case(NamedTuple):
    source_language: str
    language: str
    source: str
    target: str
    flagged: bool


PLACES = {"hamburg": 101, "moscow": 102, "vladivostok": 103}
PLACE_TERMS = [
    TermSpec(950 + i * 3 + j, concept, language, text, "preferred")
    for i, (concept, names) in enumerate(
        (
            (PLACES["hamburg"], ("Hamburg", "ハンブルク", "Гамбург")),
            (PLACES["moscow"], ("Moscow", "モスクワ", "Москва")),
            (PLACES["vladivostok"], ("Vladivostok", "ウラジオストク", "Владивосток")),
        )
    )
    for j, (language, text) in enumerate(zip(("en", "ja", "ru"), names, strict=True))
]
PROPER_NAMES = frozenset({CONCEPT_IDS["abe"], CONCEPT_IDS["putin"], *PLACES.values()})
LABELS = {**CONCEPT_LABELS, **{number: slug for slug, number in PLACES.items()}}


@cache
def _matcher(language: str) -> TermMatcher:
    return TermMatcher([*glossary_terms(), *PLACE_TERMS], language)


def evaluate(check: str, case: Case) -> list[FindingData]:
    """Return the findings of ``check`` on one case."""
    return run_checks(
        [("s1", case.source, case.target)],
        case.language,
        _matcher(case.source_language),
        _matcher(case.language),
        concept_labels=LABELS,
        checks=[check],
        proper_names=PROPER_NAMES,
    )


def seed_directions() -> dict[tuple[str, str], list[tuple[str, str, str]]]:
    """Return the seed's approved segments as rows for each source → target direction."""
    segments = seed_translations()["segments"]
    codes = ("en", "ja", "ru")
    return {
        (source, target): [(str(i), s[source], s[target]) for i, s in enumerate(segments)]
        for source in codes
        for target in codes
        if source != target
    }


def evaluate_rows(source: str, target: str, rows, checks) -> list[FindingData]:
    """Return the findings of ``checks`` on ``(key, source text, target text)`` rows."""
    return run_checks(
        rows,
        target,
        _matcher(source),
        _matcher(target),
        concept_labels=LABELS,
        checks=checks,
        proper_names=PROPER_NAMES,
    )


def _seed(index: int, source: str, target: str) -> Case:
    pair = seed_translations()["segments"][index]
    return Case(source, target, pair[source], pair[target], False)


S0 = seed_translations()["segments"][0]

NUMBER = [
    # A numeral inside a name (晋三) is no number: the wrong duration beside it is flagged.
    Case(
        "en",
        "ja",
        "Prime Minister Shinzo Abe spoke for approximately 3 hours",
        "安倍晋三総理大臣は約2時間述べた",
        True,
    ),
    Case(
        "en",
        "ja",
        "Prime Minister Shinzo Abe spoke for approximately 3 hours",
        "安倍晋三総理大臣は約3時間述べた",
        False,
    ),
    Case("en", "ja", "the 2 leaders", "三菱の両首脳", True),
    # 15 minutes for 50, in both target languages and from each source.
    Case("en", "ja", "held a meeting for approximately 50 minutes", "約15分間会談を行った。", True),
    Case(
        "en",
        "ru",
        "held a meeting for approximately 50 minutes",
        "провели встречу около 15 минут",
        True,
    ),
    Case("en", "ja", S0["en"], S0["ja"].replace("約50分間", "約15分間"), True),
    Case("en", "ru", S0["en"], S0["ru"].replace("около 50 минут", "около 15 минут"), True),
    Case("en", "ja", "for the 18th time", "17回目となる会談", True),
    Case("en", "ru", "for the 18th time", "провели семнадцатую встречу", True),
    Case("en", "ja", "lasting approximately 35 minutes", "35分間の会合", True),
    Case("en", "ru", "lasting approximately 35 minutes", "продолжительностью 35 минут", True),
    Case("en", "ja", "1,500 people took part", "150人が参加した", True),
    Case("en", "ru", "1,500 people took part", "приняли участие 150 человек", True),
    Case("en", "ru", "2.5 million yen", "25 млн иен", True),
    Case("en", "ja", "8 projects were discussed", "7件のプロジェクトを議論した", True),
    Case("ja", "en", "約50分間会談を行った。", "held talks for approximately 15 minutes", True),
    Case("ja", "ru", "十八回目の会談", "семнадцатая встреча", True),
    Case("ru", "ja", "около 50 минут", "約15分間", True),
    Case("ru", "en", "в 18-й раз", "for the 17th time", True),
    Case("en", "ru", "the G20 Hamburg Summit", "встреча «Группы семи» в Гамбурге", True),
    Case("ja", "ru", "３５分間", "около 25 минут", True),
    # Correct renderings.
    _seed(0, "en", "ja"),
    _seed(0, "en", "ru"),
    _seed(3, "en", "ja"),
    _seed(3, "en", "ru"),
    Case("en", "ru", "for the 18th time", "в 18-й раз", False),
    Case("en", "ja", "1,500 people took part", "1,500人が参加した", False),
    Case("en", "ja", "1,500 people took part", "１，５００人が参加した", False),
    Case("en", "ru", "1,500 people took part", "приняли участие 1 500 человек", False),
    Case("en", "ru", "1.5 million yen", "1,5 млн иен", False),
    Case("en", "ja", "15,000 people", "1万5千人", False),
    Case("ja", "en", "二千十七年に", "in 2017", False),
    Case("ja", "ru", "十八回目の会談", "восемнадцатая встреча", False),
    Case("ja", "en", "平成29年の会談", "the meeting in 2017", False),
    Case("ru", "ja", "около 50 минут", "約50分間", False),
    Case(
        "ru",
        "en",
        "восемнадцатая встреча продолжалась 50 минут",
        "the 18th meeting lasted 50 minutes",
        False,
    ),
    Case("en", "ja", "approximately 50 minutes", "およそ50分", False),
    Case("ja", "en", "日本の懸念を十分理解している", "fully understands Japan's concerns", False),
    Case("en", "ru", "over 50 people", "свыше 50 человек", False),
    Case("en", "ru", "the G20 Hamburg Summit", "встреча «Группы двадцати» в Гамбурге", False),
    Case("en", "ja", "the eight-point cooperation plan", "8項目の「協力プラン」", False),
    # More renderings: word numbers, multipliers, ordinals, ranges, weekdays, noon.
    Case("en", "ru", "for 50 minutes", "в течение пятидесяти минут", False),
    Case("en", "ja", "for 50 minutes", "５０分間", False),
    Case("en", "ja", "two-thirds of 300 participants", "参加者300人の3分の2", False),
    Case("en", "ru", "a 10% increase", "рост на 10 процентов", False),
    Case("en", "ja", "a 10% increase", "10％の増加", False),
    Case("ja", "en", "三か国の首脳", "the leaders of the three countries", False),
    Case("ja", "ru", "三か国の首脳", "лидеры трёх стран", False),
    Case("en", "ru", "about 50 minutes", "примерно 50 минут", False),
    Case("en", "ru", "Prime Minister Abe's 2nd visit", "второй визит премьер-министра Абэ", False),
    Case("en", "ja", "for approximately 50 minutes", "50分間", True),
    Case("en", "ru", "1,500", "1 050", True),
    Case("ja", "en", "第2回会合", "the second meeting", False),
    Case("ja", "ru", "第2回会合", "второе заседание", False),
    Case("ja", "en", "2名が参加", "two people took part", False),
    Case("en", "ja", "a 2-day visit", "2日間の訪問", False),
    Case("en", "ja", "$1 billion", "10億ドル", False),
    Case("en", "ru", "$1 billion", "1 млрд долларов", False),
    Case("en", "ja", "300 million yen", "3億円", False),
    Case("ru", "en", "10,5 процента", "10.5 percent", False),
    Case("en", "ru", "10.5%", "10,5%", False),
    Case("en", "ja", "the 2+2 meeting", "「2+2」会合", False),
    Case("en", "ru", "for the 18th time", "в восемнадцатый раз", False),
    Case("en", "ru", "18 times", "18 раз", False),
    Case("en", "ja", "the 18th Summit Meeting", "第18回首脳会談", False),
    Case("en", "ja", "the 18th Summit Meeting", "第十八回首脳会談", False),
    Case("en", "ru", "in 2016", "в 2016 году", False),
    Case(
        "ja",
        "ru",
        "2016年12月に合意した",
        "договорённостей, достигнутых в декабре 2016 года",
        False,
    ),
    Case("en", "ja", "$1 billion", "1億ドル", True),
    Case("en", "ru", "18 times", "8 раз", True),
    # Numbers in words count in a source when they measure time; "one hour" may be «час».
    Case(
        "en", "ja", "The meeting lasted approximately two hours.", "会談は約2時間行われた。", False
    ),
    Case(
        "en", "ja", "The meeting lasted approximately two hours.", "会談は約3時間行われた。", True
    ),
    Case(
        "en",
        "ru",
        "It lasted approximately two hours.",
        "Она продолжалась около двух часов.",
        False,
    ),
    Case(
        "en", "ru", "It lasted approximately two hours.", "Она продолжалась около трёх часов.", True
    ),
    Case("en", "ja", "The two leaders held talks for one hour.", "両首脳は1時間会談した。", False),
    Case(
        "en",
        "ru",
        "The two leaders talked for one hour.",
        "Лидеры беседовали в течение часа.",
        False,
    ),
    Case("ru", "en", "Визит продлится три дня.", "The visit will last three days.", False),
    Case("ru", "ja", "Визит продлится три дня.", "訪問は2日間の予定。", True),
]

DATE = [
    # 7月8日 for July 7, in both target languages and from each source.
    Case("en", "ja", "on July 7", "7月8日に", True),
    Case("en", "ru", "on July 7", "8 июля", True),
    Case("en", "ja", "July 7, 2017", "2016年7月7日", True),
    Case("en", "ru", "in December 2016", "в декабре 2015 года", True),
    Case("en", "ja", "in late August", "9月下旬に", True),
    Case("en", "ru", "in September", "в октябре", True),
    Case("en", "ja", "at 6:00 p.m.", "午前6時に", True),
    Case("en", "ru", "at 6:00 p.m.", "в 6:00", True),
    Case("en", "ja", "on Friday, July 7", "7月7日（木）", True),
    Case("en", "ru", "on Friday", "в четверг", True),
    Case("ja", "en", "平成29年7月7日", "July 7, 2018", True),
    Case("ja", "ru", "7月7日", "7 августа", True),
    Case("ja", "en", "午後6時に", "at 6:00 a.m.", True),
    Case("ru", "ja", "7 июля", "7月17日", True),
    Case("ru", "en", "в 18:00", "at 8:00 p.m.", True),
    Case("en", "ja", "the Summit Meeting in Moscow in April", "5月のモスクワでの首脳会談", True),
    Case("ja", "en", "令和元年", "in 2018", True),
    Case("en", "ru", "July 7-9", "с 7 по 10 июля", True),
    # Correct renderings.
    Case("en", "ja", "July 7, 2017", "2017年7月7日", False),
    Case("en", "ja", "July 7, 2017", "平成29年7月7日", False),
    Case("en", "ru", "July 7, 2017", "7 июля 2017 года", False),
    Case("en", "ja", "at 6:00 p.m.", "午後6時に", False),
    Case("en", "ru", "at 6:00 p.m.", "в 18:00", False),
    Case("en", "ja", "in December 2016", "2016年12月に", False),
    _seed(3, "en", "ru"),
    _seed(3, "en", "ja"),
    _seed(5, "en", "ja"),
    Case("en", "ru", "in late August 2017", "в конце августа", False),
    Case("ja", "en", "平成29年", "in 2017", False),
    Case("ja", "ru", "7月7日(金)", "в пятницу, 7 июля", False),
    Case("ja", "en", "午後6時30分", "at 6:30 p.m.", False),
    Case("ru", "ja", "7 июля 2017 года", "2017年7月7日", False),
    Case("ru", "en", "в сентябре", "in September", False),
    Case("en", "ru", "on Friday", "в пятницу", False),
    Case("en", "ja", "May 9", "5月9日", False),
    Case(
        "en", "ja", "Prime Minister Abe may visit Russia", "安倍総理が訪露する可能性がある", False
    ),
    Case("ru", "en", "окружающая среда", "the environment", False),
    Case("en", "ru", "July 7-9", "с 7 по 9 июля", False),
    Case("ru", "en", "с 7 по 9 июля", "July 7–9", False),
    Case("en", "ja", "July 7 to 9", "7月7日～9日", False),
    # More renderings: word numbers, multipliers, ordinals, ranges, weekdays, noon.
    Case("en", "ru", "at 6 p.m.", "в 18 часов", False),
    Case("en", "ja", "July 7–8", "7月7日～8日", False),
    Case("ru", "en", "с 7 по 9 июля", "July 7-9", False),
    Case("en", "ja", "on 7 July 2017", "2017年7月7日に", False),
    Case("en", "ru", "in the 2017 fiscal year", "в 2017 финансовом году", False),
    Case("ja", "en", "同日午後", "that afternoon", False),
    Case("en", "ja", "at 10:30 a.m.", "午前10時30分", False),
    Case("en", "ru", "on July 7", "7 июня", True),
    Case("en", "ru", "on Monday, July 10", "в понедельник, 10 июля", False),
    Case("en", "ja", "on Monday, July 10", "7月10日（月）", False),
    Case("ru", "ja", "в понедельник, 10 июля", "7月10日（月）", False),
    Case("en", "ja", "noon", "正午", False),
]

NAME = [
    Case("en", "ja", "President Putin stated", "大統領は述べた", True),
    Case("en", "ru", "President Putin stated", "Президент заявил", True),
    Case("en", "ja", "Prime Minister Abe emphasized", "首相は強調した", True),
    Case("en", "ru", "Prime Minister Abe emphasized", "Премьер-министр подчеркнул", True),
    Case("en", "ja", "in Moscow", "モスコーで", True),
    Case("en", "ru", "in Moscow", "в столице России", True),
    Case("en", "ja", "in Vladivostok", "極東で", True),
    Case("en", "ru", "in Vladivostok", "на Дальнем Востоке", True),
    Case("en", "ja", "the G20 Hamburg Summit", "G20サミット", True),
    Case("en", "ru", "the G20 Hamburg Summit", "встреча «Группы двадцати» в Германии", True),
    Case("ja", "en", "プーチン大統領は述べた", "The President stated", True),
    Case("ja", "ru", "安倍総理は述べた", "Премьер-министр заявил", True),
    Case("ja", "en", "モスクワで", "in the capital", True),
    Case("ru", "ja", "президент Путин заявил", "大統領は述べた", True),
    Case("ru", "en", "во Владивостоке", "in the Far East", True),
    Case("en", "ru", "President Putin stated", "Путин заявил", True),
    # Correct renderings, inflected and admitted forms included.
    Case("en", "ja", "President Putin stated", "プーチン大統領は述べた", False),
    Case("en", "ru", "President Putin stated", "Президент Путин заявил", False),
    Case(
        "en",
        "ru",
        "when Prime Minister Abe visits Russia",
        "во время визита премьер-министра Абэ в Россию",
        False,
    ),
    Case("en", "ja", "Prime Minister Abe emphasized", "安倍総理大臣は強調した", False),
    Case("en", "ja", "in Moscow", "モスクワで", False),
    Case("en", "ru", "in Moscow", "в Москве", False),
    Case("en", "ru", "in Vladivostok", "во Владивостоке", False),
    Case("en", "ja", "the G20 Hamburg Summit", "G20ハンブルク・サミット", False),
    Case("en", "ru", "the G20 Hamburg Summit", "встреча «Группы двадцати» в Гамбурге", False),
    Case("ja", "en", "プーチン大統領は述べた", "President Putin stated", False),
    Case("ja", "ru", "安倍総理は述べた", "Премьер-министр Абэ заявил", False),
    Case("ru", "ja", "президента Путина", "プーチン大統領", False),
    Case("ru", "en", "в Москве", "in Moscow", False),
    Case("en", "ja", "The leaders confirmed", "両首脳は確認した", False),
    Case(
        "en",
        "ru",
        "Mr. Shinzo Abe, Prime Minister of Japan",
        "Премьер-министр Японии Синдзо Абэ",
        False,
    ),
    Case("ja", "en", "ウラジオストクで", "in Vladivostok", False),
    _seed(0, "en", "ja"),
    _seed(0, "en", "ru"),
]

FORM = [
    Case(
        "en",
        "ja",
        "(a plenary session lasting approximately 35 minutes)",
        "（全体会合約35分間",
        True,
    ),
    Case(
        "en",
        "ru",
        "“territories of priority development”",
        "«территорий опережающего развития",
        True,
    ),
    Case("en", "ja", "“territories of priority development” (TOR)", "「先行発展領域」（TOR", True),
    Case("en", "ru", "(TOR)", "(ТОР", True),
    Case("en", "ja", "Economy", "Economy", True),
    Case("en", "ru", "Northern Territories issue", "Northern Territories issue", True),
    Case("en", "ja", "The leaders held discussions.", "両首脳は,議論を行った.", True),
    Case("en", "ja", "The leaders held discussions.", "安倍総理は、会談を行った.", True),
    Case("en", "ru", "The leaders discussed the issue.", "Лидеры обсудили вопрос。", True),
    Case("en", "ru", "The leaders, too, discussed it.", "Лидеры、также обсудили его.", True),
    Case("en", "ru", "The leaders discussed it.", "Лидеры  обсудили его.", True),
    Case("ja", "en", "両首脳は議論した。", "The leaders  discussed it.", True),
    Case(
        "en",
        "ja",
        "The leaders discussed and confirmed it.",
        "両首脳は、議論を行い，確認した。",
        True,
    ),
    Case(
        "ja",
        "en",
        "両首脳は「協力プラン」を議論した。",
        "The leaders discussed the “cooperation plan.",
        True,
    ),
    Case("en", "ru", "the “plan”", "«план»»", True),
    Case("ja", "en", "両首脳は会談を行った。", "The leaders held talks、", True),
    # Correct renderings.
    _seed(0, "en", "ja"),
    _seed(0, "en", "ru"),
    _seed(10, "en", "ja"),
    _seed(10, "en", "ru"),
    Case("en", "ja", "The leaders held discussions.", "両首脳は，議論を行った．", False),
    Case("en", "ru", "the “eight-point plan”", "«план „из восьми пунктов“»", False),
    Case("en", "ja", "about 1.5 times", "約1.5倍", False),
    Case("en", "ja", "TOR", "TOR", False),
    Case("en", "ru", "(continued", "(продолжение", False),
    Case(
        "en",
        "ja",
        "Vladimir Vladimirovich Putin",
        "ウラジーミル・ウラジーミロヴィチ・プーチン",
        False,
    ),
    Case("en", "ru", "1.5 million", "1,5 млн", False),
    Case("ja", "en", "安倍総理（日本）は会談した。", "Prime Minister Abe (Japan) met.", False),
    Case("en", "ru", "The leaders discussed the issue.", "Лидеры обсудили вопрос.", False),
    Case("en", "ja", "the G20 Hamburg Summit", "G20ハンブルク・サミット", False),
    Case("en", "ja", "(TOR).", "（TOR）。", False),
    Case("ja", "ru", "安倍総理", "Премьер-министр Абэ", False),
    Case("en", "ja", "the “cooperation plan”", "「協力プラン」", False),
    Case("en", "ja", "1,000 people took part, too.", "1，000人が参加し、確認した。", False),
    Case("en", "ja", "the U.S. position", "U.S.の立場", False),
    # More renderings: word numbers, multipliers, ordinals, ranges, weekdays, noon.
    Case("en", "ja", "(1) Joint economic activities", "(1) 共同経済活動", False),
    Case("en", "ru", "Mr. Abe", "Г-н Абэ", False),
    Case("en", "ja", "H.E. Mr. Vladimir Putin", "ウラジーミル・プーチン大統領閣下", False),
]

CASES = {"number": NUMBER, "date": DATE, "proper-name": NAME, "form": FORM}
