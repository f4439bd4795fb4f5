"""Every consistency case is decided as its author expects, and the case set is big enough."""

import pytest

from .consistency_cases import CASES, evaluate, evaluate_rows, seed_directions
from .consistency_cases_apart import CASES as CASES_APART
from .consistency_cases_more import ALL as MORE_CASES
from .consistency_cases_more import evaluate_more
from .consistency_cases_more import scores as more_scores
from .consistency_cases_more import table as more_table


@pytest.mark.parametrize(
    ("check", "case"),
    [(check, case) for check, cases in CASES.items() for case in cases],
    ids=lambda value: value if isinstance(value, str) else value.target[:30],
)
def test_case(check, case):
    findings = evaluate(check, case)
    assert bool(findings) == case.flagged, [f.message for f in findings]


@pytest.mark.parametrize("check", list(CASES))
def test_each_check_has_enough_cases_in_both_target_languages(check):
    cases = CASES[check]
    for flagged in (True, False):
        chosen = [case for case in cases if case.flagged == flagged]
        assert len(chosen) >= 15
        assert {case.language for case in chosen} >= {"ja", "ru"}
    assert any(case.source_language == "ja" and case.language == "en" for case in cases)


@pytest.mark.parametrize("direction", list(seed_directions()), ids="→".join)
def test_the_seed_translations_have_no_consistency_findings_in_any_direction(direction):
    """The seed's approved texts, whichever language is the source: 20 correct pairs each."""
    findings = evaluate_rows(*direction, seed_directions()[direction], list(CASES))
    assert [f.message for f in findings] == []


@pytest.mark.parametrize(
    ("check", "case"),
    CASES_APART,
    ids=lambda value: value if isinstance(value, str) else value.target[:30],
)
def test_case_written_apart_from_the_checks(check, case):
    findings = evaluate(check, case)
    assert bool(findings) == case.flagged, [f.message for f in findings]


# What each check reaches on the third set, written in every direction: the least precision
# and recall (findings on its flagged and correct halves) it must keep.
MORE_THRESHOLDS = {
    "number": (1.0, 1.0),
    "date": (1.0, 1.0),
    "proper-name": (1.0, 1.0),
    "missing-term": (1.0, 1.0),
    "forbidden-term": (1.0, 1.0),
    "form": (1.0, 1.0),
}


@pytest.mark.parametrize(
    "case",
    MORE_CASES,
    ids=lambda case: f"{case.check}-{case.source_language}{case.language}-{case.target[:24]}",
)
def test_case_of_the_third_set(case):
    findings = evaluate_more(case)
    assert bool(findings) == case.flagged, [f.message for f in findings]


def test_the_third_set_is_half_correct_in_every_direction():
    assert len(MORE_CASES) >= 90
    flagged = sum(case.flagged for case in MORE_CASES)
    assert abs(2 * flagged - len(MORE_CASES)) <= len(MORE_CASES) // 10
    directions = {(case.source_language, case.language) for case in MORE_CASES}
    assert directions == {(s, t) for s in ("en", "ja", "ru") for t in ("en", "ja", "ru") if s != t}


def test_each_check_keeps_its_precision_and_recall_on_the_third_set():
    counts = more_scores()
    print(more_table(counts))
    assert set(counts) == set(MORE_THRESHOLDS)
    for check, (tp, fp, fn, _tn) in counts.items():
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        least_precision, least_recall = MORE_THRESHOLDS[check]
        assert precision >= least_precision, (check, precision)
        assert recall >= least_recall, (check, recall)
