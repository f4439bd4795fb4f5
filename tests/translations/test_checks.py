"""Test the glossary checks on Japanese and Russian translations of English segments."""

from functools import cache

import pytest

from tests.helpers import CONCEPT_IDS, CONCEPT_LABELS, glossary_terms
from translations import checks
from translations.checks import CHECKS, FindingData, run_checks
from translations.checks.matching.matcher import TermMatcher, TermSpec

# Not in glossary-facts.md: Japanese designations the publisher avoids, so that the
# forbidden-term check has something to find in Japanese too.
TEST_ONLY_TERMS = [
    TermSpec(901, CONCEPT_IDS["northern-territories"], "ja", "南クリル", "forbidden"),
    TermSpec(902, CONCEPT_IDS["abe"], "ja", "安倍首相", "deprecated"),
    TermSpec(903, CONCEPT_IDS["summit-meeting"], "ru", "встреча в верхах", "deprecated"),
]


@cache
def matchers(language: str) -> tuple[TermMatcher, TermMatcher]:
    """Return the (English, target) matchers over the test glossary."""
    terms = [*glossary_terms(), *TEST_ONLY_TERMS]
    return TermMatcher(terms, "en"), TermMatcher(terms, language)


def run(language: str, *segments: tuple[str, str], **kwargs) -> list[FindingData]:
    """Check ``(english, translation)`` pairs keyed s1, s2, ... in ``language``."""
    source, target = matchers(language)
    keyed = [(f"s{i}", en, tr) for i, (en, tr) in enumerate(segments, start=1)]
    return run_checks(keyed, language, source, target, concept_labels=CONCEPT_LABELS, **kwargs)


def summary(findings: list[FindingData]) -> list[tuple[str, str, str]]:
    """Return ``(segment, check, concept slug)`` per finding."""
    return [(f.segment_key, f.check, CONCEPT_LABELS[f.concept_id]) for f in findings]


def test_registry_lists_every_check_with_its_metadata():
    assert list(CHECKS) == [
        "missing-term",
        "forbidden-term",
        "inconsistent-term",
        "proper-name",
        "number",
        "date",
        "form",
    ]
    assert {c.id: c.severity for c in CHECKS.values()} == {
        "missing-term": "warning",
        "forbidden-term": "error",
        "inconsistent-term": "info",
        "proper-name": "error",
        "number": "error",
        "date": "error",
        "form": "warning",
    }
    for check in CHECKS.values():
        assert check.name and check.description


# --- missing-term -------------------------------------------------------------------------------

MISSING_CASES = [
    # (language, english, wrong translation, right translation, missing concept)
    (
        "ja",
        "The two leaders discussed the peace treaty.",
        "両首脳は条約について議論した。",
        "両首脳は平和条約について議論した。",
        "peace-treaty",
    ),
    (
        "ru",
        "The two leaders discussed the peace treaty.",
        "Лидеры обсудили договор.",
        "Лидеры обсудили вопрос мирного договора.",
        "peace-treaty",
    ),
    (
        "ja",
        "Joint economic activities on the Four Northern Islands.",
        "四つの島における共同経済活動。",
        "北方四島における共同経済活動。",
        "four-northern-islands",
    ),
    (
        "ru",
        "Joint economic activities on the Four Northern Islands.",
        "Совместная хозяйственная деятельность на четырёх островах.",
        "Совместная хозяйственная деятельность на четырех северных островах.",
        "four-northern-islands",
    ),
    (
        "ru",
        "They agreed to create territories of priority development.",
        "Договорились создать зоны развития.",
        "Договорились создать территории опережающего развития.",
        "tor",
    ),
    (
        "ja",
        "They agreed to create territories of priority development.",
        "経済特区の創設で合意した。",
        "先行発展領域の創設で合意した。",
        "tor",
    ),
]


@pytest.mark.parametrize(("language", "english", "wrong", "right", "concept"), MISSING_CASES)
def test_missing_term_fires_on_a_wrong_translation(language, english, wrong, right, concept):
    findings = run(language, (english, wrong))
    assert summary(findings) == [("s1", "missing-term", concept)]
    finding = findings[0]
    assert finding.severity == "warning"
    assert finding.language == language
    assert finding.term_id is None
    assert (finding.start, finding.end) == (None, None)
    english_terms = {t.text.casefold() for t in matchers(language)[0].terms}
    assert english[finding.source_start : finding.source_end].casefold() in english_terms
    assert finding.suggestion in finding.message


@pytest.mark.parametrize(("language", "english", "wrong", "right", "concept"), MISSING_CASES)
def test_missing_term_is_quiet_on_a_right_translation(language, english, wrong, right, concept):
    assert run(language, (english, right)) == []


def test_missing_term_message_names_source_concept_and_preferred_term():
    (finding,) = run("ru", ("The Summit Meetings were held.", "Переговоры прошли."))
    assert finding.message == checks.MISSING_TERM_MESSAGE.format(
        source="Summit Meetings", concept="summit-meeting", preferred="встреча на высшем уровне"
    )
    assert finding.suggestion == "встреча на высшем уровне"


def test_missing_term_accepts_an_admitted_term():
    assert run("ru", ("The Summit Meeting was held.", "Саммит состоялся.")) == []
    assert run("ja", ("The TOR in Khabarovsk.", "ハバロフスクのＴＯＲ。")) == []


def test_missing_term_reports_a_concept_once_per_segment_at_its_first_occurrence():
    english = "The peace treaty, and again the peace treaty."
    (finding,) = run("ja", (english, "条約、そしてまた条約。"))
    assert (finding.source_start, finding.source_end) == (4, 16)


def test_missing_term_skips_untranslated_segments():
    assert run("ru", ("The peace treaty.", ""), ("The peace treaty.", "  \n")) == []


def test_missing_term_skips_concepts_without_an_accepted_target_term():
    source, target = matchers("ru")
    concept_terms = {t.concept_id: [t] for t in source.terms}  # English terms only
    findings = run_checks(
        [("s1", "The peace treaty.", "Договор.")], "ru", source, target, concept_terms
    )
    assert findings == []


def test_missing_term_defers_to_forbidden_term_for_the_same_concept():
    findings = run("ru", ("The Northern Territories.", "Южные Курилы."))
    assert summary(findings) == [("s1", "forbidden-term", "northern-territories")]


# --- forbidden-term -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("english", "translation", "occurrence"),
    [
        ("The Northern Territories.", "Южные Курилы.", "Южные Курилы"),
        ("Visits to the Northern Territories.", "Поездки на острова Южных Курил.", "Южных Курил"),
        (
            "Visits to the Northern Territories.",
            "Поездки на Южные Курильские острова.",
            "Южные Курильские острова",
        ),
        (
            "Visits to the Northern Territories.",
            "Поездки на южных курильских островах.",
            "южных курильских островах",
        ),
    ],
)
def test_forbidden_term_in_russian(english, translation, occurrence):
    (finding,) = run("ru", (english, translation))
    assert finding.check == "forbidden-term"
    assert finding.severity == "error"
    assert finding.suggestion == "северные территории"
    assert translation[finding.start : finding.end] == occurrence
    assert english[finding.source_start : finding.source_end] == "Northern Territories"
    assert finding.message == checks.FORBIDDEN_TERM_MESSAGE.format(
        term=occurrence, concept="northern-territories", preferred="северные территории"
    )


def test_forbidden_term_in_japanese():
    translation = "両首脳は南クリルについて議論した。"
    (finding,) = run("ja", ("The leaders discussed the Northern Territories.", translation))
    assert (finding.check, finding.severity, finding.suggestion) == (
        "forbidden-term",
        "error",
        "北方領土",
    )
    assert translation[finding.start : finding.end] == "南クリル"


@pytest.mark.parametrize(
    ("language", "english", "translation", "occurrence", "suggestion"),
    [
        ("ja", "Prime Minister Abe said.", "安倍首相は述べた。", "安倍首相", "安倍総理"),
        (
            "ru",
            "The Summit Meeting.",
            "Встреча в верхах.",
            "Встреча в верхах",
            "встреча на высшем уровне",
        ),
    ],
)
def test_deprecated_term_is_a_warning(language, english, translation, occurrence, suggestion):
    (finding,) = run(language, (english, translation))
    assert (finding.check, finding.severity) == ("forbidden-term", "warning")
    assert translation[finding.start : finding.end] == occurrence
    assert finding.suggestion == suggestion
    assert finding.term_id in {902, 903}


@pytest.mark.parametrize(
    ("language", "english", "translation"),
    [
        ("ru", "Visits to the Northern Territories.", "Поездки на северные территории."),
        ("ru", "Visits to the Northern Territories.", "Поездки на Курилы."),  # not the term
        (
            "ja",
            "The leaders discussed the Northern Territories.",
            "両首脳は北方領土について議論した。",
        ),
        ("ja", "Prime Minister Abe said.", "安倍総理大臣は述べた。"),
    ],
)
def test_forbidden_term_is_quiet_on_a_right_translation(language, english, translation):
    assert [f for f in run(language, (english, translation)) if f.check == "forbidden-term"] == []


def test_forbidden_term_fires_even_when_the_source_does_not_ask_for_the_concept():
    (finding,) = run("ru", ("The islands.", "Южные Курилы."))
    assert finding.check == "forbidden-term"
    assert (finding.source_start, finding.source_end) == (None, None)


# --- inconsistent-term --------------------------------------------------------------------------


def test_inconsistent_term_in_russian_flags_the_minority_rendering():
    findings = run(
        "ru",
        ("The Summit Meeting began.", "Встреча на высшем уровне началась."),
        ("At the Summit Meeting, they spoke.", "На саммите они говорили."),
        ("The Summit Meeting ended.", "Встреча на высшем уровне завершилась."),
    )
    (finding,) = findings
    assert (finding.segment_key, finding.check, finding.severity) == (
        "s2",
        "inconsistent-term",
        "info",
    )
    assert "На саммите они говорили."[finding.start : finding.end] == "саммите"
    assert finding.suggestion == "встреча на высшем уровне"
    assert finding.term_id == next(t.id for t in glossary_terms() if t.text == "саммит")
    assert "At the Summit Meeting, they spoke."[finding.source_start : finding.source_end] == (
        "Summit Meeting"
    )


def test_inconsistent_term_in_japanese_flags_the_minority_rendering():
    findings = run(
        "ja",
        ("Prime Minister Abe arrived.", "安倍総理大臣が到着した。"),
        ("Prime Minister Abe spoke.", "安倍総理が発言した。"),
        ("Prime Minister Abe left.", "安倍総理が出発した。"),
    )
    assert summary(findings) == [("s1", "inconsistent-term", "abe")]
    assert "安倍総理大臣が到着した。"[findings[0].start : findings[0].end] == "安倍総理大臣"
    assert findings[0].suggestion == "安倍総理"


@pytest.mark.parametrize(
    ("language", "first", "second", "flagged"),
    [
        ("ja", "安倍総理大臣が到着した。", "安倍総理が発言した。", "s1"),
        ("ja", "安倍総理が到着した。", "安倍総理大臣が発言した。", "s2"),
    ],
)
def test_inconsistent_term_tie_flags_the_non_preferred_term(language, first, second, flagged):
    findings = run(
        language,
        ("Prime Minister Abe arrived.", first),
        ("Prime Minister Abe spoke.", second),
    )
    assert summary(findings) == [(flagged, "inconsistent-term", "abe")]
    assert findings[0].suggestion == "安倍総理"


@pytest.mark.parametrize(
    ("language", "segments"),
    [
        (
            "ru",
            [
                ("The Summit Meeting began.", "Встреча на высшем уровне началась."),
                ("The Summit Meeting ended.", "Встреча на высшем уровне завершилась."),
            ],
        ),
        (
            # Two English terms for the concept: two Russian renderings are legitimate.
            "ru",
            [
                (
                    "They discussed territories of priority development (TOR).",
                    "Обсудили территории опережающего развития (ТОР).",
                ),
                ("Residents of a TOR pay less tax.", "Резиденты ТОР платят меньше налогов."),
            ],
        ),
        (
            "ja",
            [
                (
                    "They discussed territories of priority development (TOR).",
                    "先行発展領域（ＴＯＲ）について議論した。",
                ),
                ("Residents of a TOR pay less tax.", "ＴＯＲの入居企業は減税を受ける。"),
            ],
        ),
        (
            "ja",
            [
                ("Prime Minister Abe arrived.", "安倍総理が到着した。"),
                ("Prime Minister Abe spoke.", "安倍総理が発言した。"),
            ],
        ),
    ],
)
def test_inconsistent_term_is_quiet_on_a_consistent_release(language, segments):
    assert run(language, *segments) == []


# --- run_checks ------------------------------------------------------------------------------


def test_findings_are_ordered_by_segment_then_offset():
    findings = run(
        "ru",
        ("The peace treaty.", "Договор."),
        (
            "Prime Minister Abe and the Summit Meeting on the Northern Territories.",
            "Южные Курилы и встреча в верхах.",
        ),
    )
    assert [(f.segment_key, f.check, f.start) for f in findings] == [
        ("s1", "missing-term", None),
        ("s2", "missing-term", None),
        ("s2", "forbidden-term", 0),
        ("s2", "forbidden-term", 15),
    ]
    assert CONCEPT_LABELS[findings[1].concept_id] == "abe"


def test_run_checks_runs_only_the_selected_checks():
    segments = ("The Northern Territories and the peace treaty.", "Южные Курилы.")
    assert summary(run("ru", segments, checks=["missing-term"])) == [
        ("s1", "missing-term", "peace-treaty")
    ]


def test_concept_label_defaults_to_the_concept_id():
    source, target = matchers("ru")
    (finding,) = run_checks(
        [("k", "The Northern Territories.", "Южные Курилы.")], "ru", source, target
    )
    assert f"concept {CONCEPT_IDS['northern-territories']}" in finding.message


@pytest.mark.parametrize(
    ("source_language", "target_language", "language", "error"),
    [
        ("ru", "ru", "ru", "source matcher"),
        ("en", "ja", "ru", "target matcher"),
    ],
)
def test_run_checks_refuses_mismatched_matchers(source_language, target_language, language, error):
    terms = glossary_terms()
    with pytest.raises(ValueError, match=error):
        run_checks(
            [],
            language,
            TermMatcher(terms, source_language),
            TermMatcher(terms, target_language),
        )


def test_run_checks_reads_none_as_untranslated():
    source, target = matchers("ru")
    assert run_checks([("k", "The peace treaty.", None)], "ru", source, target) == []


def test_run_checks_refuses_unknown_checks():
    source, target = matchers("ru")
    with pytest.raises(ValueError, match="unknown checks: spelling"):
        run_checks([], "ru", source, target, checks=["spelling"])


def test_run_checks_refuses_duplicate_segment_keys():
    source, target = matchers("ru")
    with pytest.raises(ValueError, match="unique"):
        run_checks([("k", "A.", "А."), ("k", "B.", "Б.")], "ru", source, target)
