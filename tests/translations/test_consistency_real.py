"""Checks read real text: dates and times as facts, weekdays, days relative to the release."""

from datetime import date

import pytest

from translations.checks.calendar import resolve
from translations.checks.dates import DAY, MONTH, WEEKDAY, find_dates

from .consistency_cases_real import CASES, JUNE_1, JUNE_22, RealCase, evaluate_real


@pytest.mark.parametrize(
    "case", CASES, ids=lambda case: f"{case.check}-{'error' if case.flagged else 'ok'}"
)
def test_real_shape(case):
    findings = evaluate_real(case)
    assert bool(findings) == case.flagged, [f.message for f in findings]


def test_the_set_holds_false_alarms_and_true_errors_in_every_target_language():
    for flagged in (True, False):
        chosen = [case for case in CASES if case.flagged == flagged]
        assert len(chosen) >= 15
        assert {case.language for case in chosen} == {"en", "ja", "ru"}


@pytest.mark.parametrize(
    ("text", "language", "weekday"),
    [
        ("June 8 (Tue)", "en", 1),
        ("June 8 (Tuesday)", "en", 1),
        ("Tuesday, June 8", "en", 1),
        ("6月8日(火曜日)", "ja", 1),
        ("6月8日（火）", "ja", 1),
        ("8 июня (вт)", "ru", 1),
        ("во вторник, 8 июня", "ru", 1),
    ],
)
def test_a_weekday_in_any_form_joins_its_date(text, language, weekday):
    [mention] = find_dates(text, language)
    assert mention.values[WEEKDAY] == weekday
    assert (mention.values[MONTH], mention.values[DAY]) == (6, 8)


@pytest.mark.parametrize(
    ("text", "release_date", "month"),
    [
        ("本22日、会談した。", JUNE_22, 6),
        ("昨8日、署名した。", date(2021, 7, 9), 7),
        ("昨30日、署名した。", date(2021, 7, 1), 6),
        ("8日(火)に開催", JUNE_1, 6),
        ("2日(金)に開催", date(2021, 6, 28), 7),
    ],
)
def test_a_day_without_its_month_takes_it_from_the_release_date(text, release_date, month):
    [mention] = find_dates(text, "ja")
    assert resolve(mention, release_date).values[MONTH] == month


@pytest.mark.parametrize("text", ["2日間の訪問", "一日も早く", "8日本"])
def test_a_bare_day_alone_is_no_date(text):
    assert find_dates(text, "ja") == ()


def test_a_time_after_から_is_not_the_end_of_a_day_range():
    [mention] = find_dates("11月25日、午後5時から3名", "ja")
    assert mention.values[DAY] == 25


def test_a_wrong_weekday_finding_points_at_the_weekday():
    case = RealCase(
        "date", "en", "ja", "on June 8 (Tue).", "6月8日(水)に開催される。", True, JUNE_1
    )
    [finding] = evaluate_real(case)
    assert case.target[finding.start : finding.end] == "(水)"
    assert case.source[finding.source_start : finding.source_end] == "(Tue)"
    assert "Tuesday" in finding.message


def test_a_weekday_changed_across_sides_is_found_without_the_release_date():
    case = RealCase("date", "en", "ja", "on June 8 (Tue).", "6月8日(水)に開催される。", True)
    [finding] = evaluate_real(case)
    assert case.target[finding.start : finding.end] == "(水)"
    assert case.source[finding.source_start : finding.source_end] == "(Tue)"


def test_a_wrong_hour_finding_points_at_the_times():
    case = RealCase(
        "date",
        "ja",
        "en",
        "11月25日、午後5時から",
        "On November 25, commencing at 6:00 p.m.",
        True,
    )
    [finding] = evaluate_real(case)
    assert case.source[finding.source_start : finding.source_end] == "午後5時"
    assert case.target[finding.start : finding.end] == "6:00 p.m."


def test_a_wrong_day_finding_points_at_the_dates():
    case = RealCase(
        "date",
        "ja",
        "en",
        "本22日、大臣は会談した。",
        "On June 23, the Minister held talks.",
        True,
        JUNE_22,
    )
    [finding] = evaluate_real(case)
    assert case.source[finding.source_start : finding.source_end] == "本22日"
    assert case.target[finding.start : finding.end] == "June 23"


def test_a_proper_name_finding_says_which_forms_are_allowed():
    case = RealCase(
        "proper-name", "ja", "en", "田中大臣は会談を行った。", "The Minister held talks.", True
    )
    [finding] = evaluate_real(case)
    assert "“Minister Tanaka”" in finding.message
    assert "“Mr. Taro Tanaka, Minister for Foreign Affairs of Japan”" in finding.message
    assert case.source[finding.source_start : finding.source_end] == "田中大臣"


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        ("11月25日に会談し、同日夕刻に夕食会を行った。", "ja", date(2021, 11, 25)),
        ("11月25日に会談し、翌日工場を視察した。", "ja", date(2021, 11, 26)),
        ("11月25日の会談の前日、準備会合を行った。", "ja", date(2021, 11, 24)),
        ("11月30日に会談し、翌朝出発した。", "ja", date(2021, 12, 1)),
        ("On November 25 they met, and on the same day they dined.", "en", date(2021, 11, 25)),
        ("On November 25 they met; the following day they left.", "en", date(2021, 11, 26)),
        ("They left on November 25, having arrived the day before.", "en", date(2021, 11, 24)),
        ("25 ноября они встретились, а в тот же день поужинали.", "ru", date(2021, 11, 25)),
        ("25 ноября они встретились, а на следующий день уехали.", "ru", date(2021, 11, 26)),
        ("25 ноября они уехали, прибыв накануне.", "ru", date(2021, 11, 24)),
    ],
)
def test_a_day_relative_to_the_date_before_it_reads_as_that_day(text, language, day):
    from translations.checks.calendar import calendar_date, resolve_all

    mentions, _last = resolve_all(find_dates(text, language), date(2021, 11, 27))
    assert calendar_date(mentions[-1], date(2021, 11, 27)) == day


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The day before the meeting, they spoke.", "en"),
        ("It was held on the same day as the summit.", "en"),
        ("Накануне встречи министры созвонились.", "ru"),
        ("前日比で増加した。", "ja"),
    ],
)
def test_a_day_relative_to_an_event_is_not_read_as_a_date(text, language):
    from translations.checks.calendar import resolve_all

    mentions, _last = resolve_all(find_dates(text, language), date(2021, 11, 27))
    assert all(DAY not in mention.values for mention in mentions), mentions


def test_without_a_date_before_it_the_same_day_is_the_release_date():
    from translations.checks.calendar import resolve_all

    [mention], last = resolve_all(find_dates("同日、会談した。", "ja"), JUNE_22)
    assert (mention.values[MONTH], mention.values[DAY]) == (6, 22) and last == JUNE_22


def test_a_relative_day_finding_points_at_the_words_that_say_it():
    case = RealCase(
        "date",
        "ja",
        "en",
        "11月25日に会談し、翌日工場を視察した。",
        "They met on November 25 and visited a factory on November 27.",
        True,
        date(2021, 11, 27),
    )
    [finding] = evaluate_real(case)
    assert case.source[finding.source_start : finding.source_end] == "翌日"
    assert case.target[finding.start : finding.end] == "November 27"
    assert "2021-11-26" in finding.message
