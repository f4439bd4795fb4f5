"""A number finding names the source number that is missing and points only at what it
compared: never at a part of a date, nor at a number the source has too."""

import pytest

from translations.checks.base import ReleaseContext, SegmentMatches
from translations.checks.consistency import (
    NUMBER_CHANGED_MESSAGE,
    NUMBER_MISSING_MESSAGE,
    NumberCheck,
)


def findings(source, target, target_language, source_language="en"):
    segment = SegmentMatches(0, "unit", source, target, (), ())
    context = ReleaseContext(
        language=target_language,
        segments=(segment,),
        concept_terms={},
        concept_labels={},
        source_language=source_language,
    )
    return [f for f in NumberCheck().check(context) if f.severity == "error"]


SOURCE = (
    "On December 1, the Governor opened his 24th session of the assembly. "
    "Delegates from 3 regions attended, and on March 15 the assembly will meet again."
)
# Each translation renders both dates and the 3 regions but leaves out the 24th session.
WITHOUT_24 = {
    "ja": (
        "12月1日、知事は議会の会期を開会した。3地域の代表が出席し、議会は3月15日に再び開かれる。"
    ),
    "ru": (
        "1 декабря губернатор открыл сессию собрания. Присутствовали делегаты из 3 регионов, "
        "а 15 марта собрание соберётся вновь."
    ),
}


@pytest.mark.parametrize("language", ["ja", "ru"])
def test_a_missing_ordinal_is_named_and_no_date_is_highlighted(language):
    target = WITHOUT_24[language]
    [finding] = findings(SOURCE, target, language)
    assert SOURCE[finding.source_start : finding.source_end] == "24"
    assert finding.template == NUMBER_MISSING_MESSAGE
    assert finding.message == "The source has the number 24; the translation does not render it."
    # Nothing of the translation is pointed at: the month (12) and the days were not compared.
    assert (finding.start, finding.end) == (None, None)
    assert "12" not in finding.message


@pytest.mark.parametrize(
    ("language", "target", "found"),
    [
        (
            "ja",
            "12月1日、知事は議会の第25回会期を開会した。3地域の代表が出席し、議会は3月15日に再び開かれる。",
            "25",
        ),
        (
            "ru",
            "1 декабря губернатор открыл 25-ю сессию собрания. Присутствовали делегаты из 3 "
            "регионов, а 15 марта собрание соберётся вновь.",
            "25",
        ),
    ],
)
def test_a_changed_number_points_at_the_number_that_stands_for_it(language, target, found):
    [finding] = findings(SOURCE, target, language)
    assert finding.template == NUMBER_CHANGED_MESSAGE
    assert target[finding.start : finding.end] == found
    assert finding.message == (
        f"The source has the number 24; the translation has {found} instead."
    )


@pytest.mark.parametrize(
    ("language", "target"),
    [
        ("ja", "3人の専門家が、3つの報告書を12月2日に提出した。"),
        ("ru", "3 эксперта представили 3 доклада 2 декабря."),
    ],
)
def test_a_number_the_source_has_elsewhere_is_no_stand_in(language, target):
    # "3 experts ... 15 reports": the translation repeats 3 where 15 belongs. The second 3 is
    # unexplained, the date's 2 and 12 are the date check's.
    source = "3 experts submitted 15 reports on December 2."
    [finding] = findings(source, target, language)
    assert source[finding.source_start : finding.source_end] == "15"
    assert finding.template == NUMBER_CHANGED_MESSAGE
    assert target[finding.start : finding.end] == "3"


@pytest.mark.parametrize(
    ("language", "target"),
    [
        ("ja", "専門家たちは12月2日に報告書を提出した。"),
        ("ru", "Эксперты представили доклады 2 декабря."),
    ],
)
def test_every_missing_count_is_named_without_pointing_at_the_date(language, target):
    source = "3 experts submitted 15 reports on December 2."
    missing = findings(source, target, language)
    assert [source[f.source_start : f.source_end] for f in missing] == ["3", "15"]
    assert all(f.template == NUMBER_MISSING_MESSAGE and f.start is None for f in missing)


@pytest.mark.parametrize(
    ("language", "target"),
    [
        (
            "ja",
            "12月1日、知事は議会の第24回会期を開会した。3地域の代表が出席し、議会は3月15日に再び開かれる。",
        ),
        (
            "ru",
            "1 декабря губернатор открыл 24-ю сессию собрания. Присутствовали делегаты из трёх "
            "регионов, а 15 марта собрание соберётся вновь.",
        ),
    ],
)
def test_a_complete_translation_has_no_number_finding(language, target):
    assert findings(SOURCE, target, language) == []
