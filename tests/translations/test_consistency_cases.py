"""Every consistency case is decided as its author expects, and the case set is big enough."""

import pytest

from .consistency_cases import CASES, evaluate, evaluate_rows, seed_directions
from .consistency_cases_apart import CASES as CASES_APART


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
