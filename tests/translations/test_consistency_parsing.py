"""The language knowledge of the consistency checks: numbers and dates read as values."""

from decimal import Decimal

import pytest

from translations.checks.dates import DAY, MONTH, TIME, WEEKDAY, YEAR, find_dates
from translations.checks.numbers import kanji_value, source_numbers, target_numbers


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("十八", 18),
        ("二千十七", 2017),
        ("二〇一七", 2017),
        ("三万五千", 35000),
        ("百", 100),
        ("十", 10),
        ("一億二千万", 120_000_000),
    ],
)
def test_kanji_numerals(numeral, value):
    assert kanji_value(numeral) == value


@pytest.mark.parametrize(
    ("language", "text", "values"),
    [
        ("en", "1,500 people and 2.5 million yen, the 18th time", ["1500", "2500000.0", "18"]),
        ("ja", "１，５００人、50万円、1万5千人", ["1500", "500000", "15000"]),
        ("ru", "1 500 человек, 1,5 млн рублей, 18-го числа", ["1500", "1500000.0", "18"]),
        ("ja", "十八回目、一層、十分に、三か国", ["18", "3"]),
    ],
)
def test_source_numbers(language, text, values):
    assert [str(n.value) for n in source_numbers(text, language)] == values


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("ru", "восемнадцатую встречу", 18),
        ("ru", "«Группы двадцати»", 20),
        ("ru", "двадцать пять", 25),
        ("ru", "три тысячи двести", 3200),
        ("en", "the eighteenth meeting", 18),
        ("en", "twenty-five", 25),
        ("ja", "二千十七", 2017),
    ],
)
def test_target_numbers_read_words_and_kanji(language, text, value):
    assert Decimal(value) in [n.value for n in target_numbers(text, language)]


def test_approximate_numbers():
    assert [n.approximate for n in source_numbers("approximately 50 and 35", "en")] == [
        True,
        False,
    ]
    assert source_numbers("約50分", "ja")[0].approximate
    assert source_numbers("около 50 минут", "ru")[0].approximate
    assert source_numbers("50名程度", "ja")[0].approximate


@pytest.mark.parametrize(
    ("language", "text", "values"),
    [
        ("en", "Friday, July 7, 2017", {WEEKDAY: 4, MONTH: 7, DAY: 7, YEAR: 2017}),
        ("en", "7 July", {MONTH: 7, DAY: 7}),
        ("en", "December 2016", {MONTH: 12, YEAR: 2016}),
        ("en", "at 6:00 p.m.", {TIME: (18, 0, False)}),
        ("ja", "平成29年7月7日（金）", {YEAR: 2017, MONTH: 7, DAY: 7, WEEKDAY: 4}),
        ("ja", "令和元年", {YEAR: 2019}),
        ("ja", "昭和64年", {YEAR: 1989}),
        ("ja", "午後6時30分", {TIME: (18, 30, False)}),
        ("ja", "6時", {TIME: (6, 0, True)}),
        ("ru", "7 июля 2017 года", {MONTH: 7, DAY: 7, YEAR: 2017}),
        ("ru", "в декабре 2016 года", {MONTH: 12, YEAR: 2016}),
        ("ru", "в 18:00", {TIME: (18, 0, False)}),
        ("ru", "в 6 часов вечера", {TIME: (18, 0, False)}),
        ("ru", "07.07.2017", {DAY: 7, MONTH: 7, YEAR: 2017}),
    ],
)
def test_dates(language, text, values):
    [date] = find_dates(text, language)
    assert date.values == values


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "in 2016"),  # a number, not a date
        ("en", "Prime Minister Abe may visit"),
        ("ja", "6時間の会談"),
        ("ja", "7日間"),
        ("ja", "3か月"),
        ("ja", "一時中断"),
        ("ru", "окружающая среда"),
        ("ru", "масштабный проект"),
    ],
)
def test_not_dates(language, text):
    assert find_dates(text, language) == ()


@pytest.mark.parametrize(
    ("language", "text", "days"),
    [
        ("en", "July 7-9", [(7, 7), (7, 9)]),
        ("ru", "с 7 по 9 июля", [(7, 7), (7, 9)]),
        ("ja", "7月7日～9日", [(7, 7), (7, 9)]),
        ("ja", "7月7日～8月9日", [(7, 7), (8, 9)]),
    ],
)
def test_day_ranges(language, text, days):
    found = [(d.values[MONTH], d.values[DAY]) for d in find_dates(text, language)]
    assert found == days
