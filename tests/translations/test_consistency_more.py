"""The checks read the shapes of the third case set, and their findings point at what they
compared: halves, amounts without a numeral, 本日, a day two source days share, names with a
title inside."""

from decimal import Decimal

import pytest

from translations.checks.dates import DAY, MONTH, TIME, WEEKDAY, YEAR, find_dates
from translations.checks.numbers import source_numbers, target_numbers

from .consistency_cases_more import RELEASE
from .consistency_cases_real import RealCase, evaluate_real


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("約1億2千万人", "ja", "120000000"),
        ("5千万円", "ja", "50000000"),
        ("約1時間半", "ja", "1.5"),
        ("one and a half hours", "en", "1.5"),
        ("около двух с половиной часов", "ru", "2.5"),
        ("около полутора часов", "ru", "1.5"),
        ("approximately half an hour", "en", "30"),
        ("около получаса", "ru", "30"),
        ("около часа", "ru", "1"),
        ("a dozen experts", "en", "12"),
        ("пятидесятилетие", "ru", "50"),
        ("семидесятипятилетний юбилей", "ru", "75"),
        ("World War II", "en", "2"),
        ("VIII Восточный экономический форум", "ru", "8"),
        ("約3割", "ja", "30"),
        ("a decade", "en", "10"),
    ],
)
def test_a_translation_renders_the_number(text, language, value):
    assert [str(n.value.normalize()) for n in target_numbers(text, language)] == [
        str(Decimal(value).normalize())
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [("2国間の協力", "ja"), ("1人当たりのGDP", "ja"), ("24時間体制で対応", "ja")],
)
def test_a_numeral_inside_a_japanese_word_asks_for_no_number(text, language):
    assert source_numbers(text, language) == ()


def test_an_amount_without_a_numeral_is_asked_for_in_a_source_but_an_hour_is_not():
    assert [n.value for n in source_numbers("about half an hour", "en")] == [30]
    assert source_numbers("about an hour", "en") == ()


@pytest.mark.parametrize(
    ("text", "language", "time"),
    [
        ("в 5:30 вечера", "ru", (17, 30, False)),
        ("в пять часов вечера", "ru", (17, 0, False)),
        ("в 17 ч.", "ru", (17, 0, False)),
        ("at 6.30 p.m.", "en", (18, 30, False)),
    ],
)
def test_a_time_in_any_form_reads_as_its_hour(text, language, time):
    [mention] = find_dates(text, language)
    assert mention.values[TIME] == time


def test_an_iso_date_and_an_abbreviated_weekday_read_as_dates():
    [mention] = find_dates("dated 2023-07-11", "en")
    assert (mention.values[YEAR], mention.values[MONTH], mention.values[DAY]) == (2023, 7, 11)
    [mention] = find_dates("On Tue., July 11, they met.", "en")
    assert (mention.values[WEEKDAY], mention.values[DAY]) == (1, 11)


def test_today_in_english_is_no_date_a_source_asks_for():
    assert find_dates("the world today", "en") == ()


def _case(check, source_language, language, source, target, flagged=True):
    return RealCase(check, source_language, language, source, target, flagged, RELEASE)


def test_a_half_finding_points_at_the_whole_durations():
    case = _case(
        "number", "ja", "en", "約1時間半会談した。", "They met for about two and a half hours."
    )
    [finding] = evaluate_real(case)
    assert case.source[finding.source_start : finding.source_end] == "1時間半"
    assert case.target[finding.start : finding.end] == "two and a half"


def test_a_wrong_day_for_today_points_at_the_words_that_say_it():
    case = _case(
        "date", "ja", "en", "本日、田中大臣は会談を行いました。", "On July 13, the Minister met."
    )
    [finding] = evaluate_real(case)
    assert case.source[finding.source_start : finding.source_end] == "本日"
    assert case.target[finding.start : finding.end] == "July 13"
    assert "2023-07-12" in finding.message


def test_a_day_two_source_days_share_points_at_the_translations_other_day():
    case = _case(
        "date",
        "ja",
        "en",
        "7月11日に会談し、同日夕刻、夕食会を行いました。",
        "They met on July 11 and dined on the evening of July 12.",
    )
    [finding] = evaluate_real(case)
    assert case.source[finding.source_start : finding.source_end] == "同日"
    assert case.target[finding.start : finding.end] == "July 12"


def test_a_repeated_date_written_once_is_no_finding():
    case = _case(
        "date",
        "ja",
        "en",
        "7月11日に会談し、同日夕刻、夕食会を行いました。",
        "On July 11, they met and then dined.",
        flagged=False,
    )
    assert evaluate_real(case) == []


@pytest.mark.parametrize(
    ("source_language", "language", "source", "target"),
    [
        ("ja", "en", "プーチン大統領は歓迎した。", "President Vladimir Putin welcomed it."),
        ("en", "ja", "Minister Tanaka attended.", "田中外務大臣が出席した。"),
        (
            "ja",
            "ru",
            "プーチン大統領と会談した。",
            "Провел встречу с Президентом России Владимиром Путиным.",
        ),
    ],
)
def test_a_name_with_a_given_name_or_a_title_inside_is_its_approved_form(
    source_language, language, source, target
):
    assert evaluate_real(_case("proper-name", source_language, language, source, target)) == []


@pytest.mark.parametrize(
    "target",
    [
        "President Medvedev welcomed it.",
        "President welcomed Vladimir Putin's words.",
        "President Vladimir Ilyich Sergeyevich Medvedev Putin welcomed it.",
    ],
)
def test_a_name_too_far_apart_or_another_name_is_still_found(target):
    case = _case("proper-name", "ja", "en", "プーチン大統領は歓迎した。", target)
    [finding] = evaluate_real(case)
    assert case.source[finding.source_start : finding.source_end] == "プーチン大統領"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("数十名の専門家", "ja"),
        ("十数か国の代表", "ja"),
        ("再三にわたり", "ja"),
        ("一人ひとりの努力", "ja"),
        ("二度と繰り返さない", "ja"),
        ("the Group of Seven", "en"),
        ("measures against COVID-19", "en"),
        ("the three leaders", "en"),
    ],
)
def test_a_numeral_that_counts_nothing_is_asked_for_by_no_source(text, language):
    assert source_numbers(text, language) == ()


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("three cities", "en", 3),
        ("три города", "ru", 3),
        ("三度目の訪日", "ja", 3),
        ("Three cities", "en", 3),
    ],
)
def test_a_counted_numeral_is_asked_for_by_a_source(text, language, value):
    assert [n.value for n in source_numbers(text, language)] == [value]


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("1) Экономика", []),
        ("Меры: а) торговля; б) инвестиции", []),
        ("Экономика)", [(9, ")", "(")]),
        ("1) (ТОР", [(3, "(", ")")]),
    ],
)
def test_a_list_marker_closed_by_a_bracket_is_balanced(text, problems):
    from translations.checks.form import unbalanced

    assert unbalanced(text) == problems


def _dates(text, language):
    return [
        (m.values.get(MONTH), m.values.get(DAY), m.values.get(WEEKDAY))
        for m in find_dates(text, language)
    ]


@pytest.mark.parametrize(
    "text",
    ["7月7、8日", "7月7，8日", "7月7・8日", "7月7日及び8日", "7月7日と8日", "7月7、8両日"],
)
def test_a_japanese_list_of_days_gives_each_day_its_month(text):
    assert _dates(f"会合は{text}に開催された。", "ja") == [(7, 7, None), (7, 8, None)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Консультации прошли с 11 (вт) по 12 (ср) июля.", "ru"),
        ("The consultations took place on July 11 (Tue) – 12 (Wed).", "en"),
    ],
)
def test_each_day_of_a_range_keeps_its_weekday(text, language):
    assert _dates(text, language) == [(7, 11, 1), (7, 12, 2)]


def test_a_wrong_weekday_after_the_end_of_a_range_points_at_that_weekday():
    case = _case(
        "date",
        "ja",
        "en",
        "協議は7月11日（火）～12日（水）に行われました。",
        "The consultations took place on July 11 (Tue) – 12 (Thu).",
    )
    findings = evaluate_real(case)
    assert {case.target[f.start : f.end] for f in findings} == {"(Thu)"}


@pytest.mark.parametrize(
    ("text", "language", "date"),
    [
        ("on 7/11/2023", "en", (2023, 7, 11)),
        ("on 25/12/2023", "en", (2023, 12, 25)),
        ("состоялись 11.07.2023", "ru", (2023, 7, 11)),
        ("（2023/7/11）", "ja", (2023, 7, 11)),
    ],
)
def test_a_slashed_or_dotted_date_reads_in_its_languages_order(text, language, date):
    [mention] = find_dates(text, language)
    assert (mention.values[YEAR], mention.values[MONTH], mention.values[DAY]) == date


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The next day, the 13th, the Ministers met.", "en"),
        ("На следующий день, 13-го, министры встретились.", "ru"),
    ],
)
def test_a_day_named_after_the_next_day_is_that_days(text, language):
    [mention] = find_dates(text, language)
    assert (mention.relative, mention.values) == ("翌", {DAY: 13})


def test_the_next_day_with_no_date_before_it_reads_against_the_releases_date():
    case = _case(
        "date",
        "ja",
        "en",
        "翌13日、両外相は共同声明を発出しました。",
        "On July 14, the two Foreign Ministers issued a joint statement.",
    )
    [finding] = evaluate_real(case)
    assert case.source[finding.source_start : finding.source_end] == "翌13日"
    assert "2023-07-13" in finding.message


def test_the_days_after_the_next_day_are_its_without_a_release_date():
    case = RealCase(
        "date",
        "en",
        "ja",
        "The next day, the 13th, the Ministers met.",
        "翌14日、両大臣は会談した。",
        True,
    )
    [finding] = evaluate_real(case)
    assert case.target[finding.start : finding.end] == "翌14日"
