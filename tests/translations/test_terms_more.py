"""Term checks on a glossary and texts unlike the demo's (tests/translations/terms_more_cases.py).

Every case runs missing-term, forbidden-term and inconsistent-term and compares the findings,
as ``kind:concept`` items, with the expected ones. ``score()`` sums them over all cases into
true positives, false alarms and misses (precision and recall of the term checks):

    .venv/bin/python -c "from tests.translations.test_terms_more import report; report()"
"""

from __future__ import annotations

from functools import cache

import pytest

from tests.translations.terms_more_cases import CASES
from tests.translations.terms_more_glossary import CS, GLOSSARY
from translations.checks import run_checks
from translations.checks.matching.matcher import TermMatcher, TermSpec
from translations.glossary.vocabulary import TermStatus

CHECKS = ["missing-term", "forbidden-term", "inconsistent-term"]
CONCEPT_IDS = {identifier: i for i, identifier in enumerate(GLOSSARY, start=1)}
IDENTIFIERS = {i: identifier for identifier, i in CONCEPT_IDS.items()}


def glossary_specs() -> list[TermSpec]:
    specs = []
    for identifier, languages in GLOSSARY.items():
        for language, terms in languages.items():
            for text, status, *flags in terms:
                specs.append(
                    TermSpec(
                        len(specs) + 1,
                        CONCEPT_IDS[identifier],
                        language,
                        text,
                        status,
                        case_sensitive=CS in flags,
                    )
                )
    return specs


@cache
def matcher(language: str) -> TermMatcher:
    return TermMatcher(glossary_specs(), language)


def _texts(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def findings(direction: str, source, target) -> set[str]:
    """Return the findings of one case as ``kind:concept`` items."""
    source_language, target_language = direction.split(">")
    units = [
        (f"s{i}", original, translation)
        for i, (original, translation) in enumerate(
            zip(_texts(source), _texts(target), strict=True)
        )
    ]
    found = run_checks(
        units,
        target_language,
        matcher(source_language),
        matcher(target_language),
        checks=CHECKS,
    )
    items = set()
    for f in found:
        kind = f.check.removesuffix("-term")
        if f.check == "forbidden-term" and f.severity == "warning":
            kind = TermStatus.DEPRECATED.value
        items.add(f"{kind}:{IDENTIFIERS[f.concept_id]}")
    return items


def score() -> tuple[int, int, int]:
    """Return (true positives, false alarms, misses) over every case."""
    tp = fp = fn = 0
    for direction, source, target, expected in CASES:
        wanted = set(expected.split())
        got = findings(direction, source, target)
        tp += len(wanted & got)
        fp += len(got - wanted)
        fn += len(wanted - got)
    return tp, fp, fn


def report() -> None:
    """Print the figures of :func:`score` and the cases that fail."""
    for direction, source, target, expected in CASES:
        got = findings(direction, source, target)
        if got != set(expected.split()):
            print(f"{direction} {source!r} -> {target!r}: expected {expected!r}, got {sorted(got)}")
    tp, fp, fn = score()
    print(f"cases {len(CASES)}; findings expected {tp + fn}, raised {tp + fp}")
    print(f"true positives {tp}, false alarms {fp}, misses {fn}")
    print(f"precision {tp / max(tp + fp, 1):.3f}, recall {tp / max(tp + fn, 1):.3f}")


def test_the_glossary_and_the_cases_are_as_large_as_promised():
    assert len(GLOSSARY) >= 25
    assert len(CASES) >= 120
    assert {case[0] for case in CASES} == {"en>ja", "en>ru", "ja>en", "ja>ru", "ru>en", "ru>ja"}
    for _direction, _source, _target, expected in CASES:
        for item in expected.split():
            kind, concept = item.split(":")
            assert kind in {"missing", "forbidden", "deprecated", "inconsistent"}
            assert concept in GLOSSARY


@pytest.mark.parametrize(
    ("direction", "source", "target", "expected"),
    CASES,
    ids=[f"{i:03d}-{case[0]}" for i, case in enumerate(CASES)],
)
def test_term_findings(direction, source, target, expected):
    assert findings(direction, source, target) == set(expected.split())


def test_precision_and_recall_are_perfect_on_the_cases():
    assert score()[1:] == (0, 0)


def _spans(language: str, text: str) -> list[tuple[str, str]]:
    found = matcher(language).find(text)
    return [(m.term.text, text[m.start : m.end]) for m in found]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # The occurrence keeps the bracket the term has; a bracket around a term stays out.
        (
            "ja",
            "「キズナ強化プロジェクト」を",
            [("「キズナ強化プロジェクト」", "「キズナ強化プロジェクト」")],
        ),
        ("ja", "「気候変動」", [("気候変動", "気候変動")]),
        ("ja", "気候\n変動", [("気候変動", "気候\n変動")]),
        ("ja", "インド・パキスタン", [("インド", "インド")]),
        ("ja", "インドシナ", []),
        ("ja", "サイバーセキュリティ対策", [("サイバーセキュリティー", "サイバーセキュリティ")]),
        ("ja", "先進７ヶ国", [("先進7か国", "先進７ヶ国")]),
        ("en", "ODA-funded", [("ODA", "ODA")]),
        ("en", "supply-chain risks", [("supply chain", "supply-chain")]),
        ("en", "the CODA", []),
        ("en", "the G-7's", [("G7", "G-7's")]),
        ("ru", "Большой семёрки", [("Большая семёрка", "Большой семёрки")]),
        ("ru", "проекта Кидзуна", [("проект «Кидзуна»", "проекта Кидзуна")]),
        ("en", "the U.S.-Japan talks", [("US", "U.S.")]),
        ("en", "Trade & Industry", []),
        ("en", "R and D", [("R&D", "R and D")]),
        (
            "en",
            "nuclear nonproliferation",
            [("nuclear non-proliferation", "nuclear nonproliferation")],
        ),
        ("en", "a nonproliferation treaty", []),
    ],
)
def test_occurrence_spans(language, text, expected):
    assert _spans(language, text) == expected


def test_initials_without_dots_match_in_capitals_only():
    matcher = TermMatcher([TermSpec(1, 1, "en", "U.S.", "preferred")], "en")
    text = "the US told us about the U.S. plan"
    assert [text[m.start : m.end] for m in matcher.find(text)] == ["US", "U.S."]


def test_forms_stored_under_the_previous_rules_are_recomputed():
    """The rules changed what a term's forms are: forms stored by version 1 are stale, so a
    matcher built from them still finds the split spelling."""
    stored = {"version": "1:words:english", "units": [["indo-pacific"]], "longest": 12}
    spec = TermSpec(1, 1, "en", "Indo-Pacific", "preferred", forms=stored)
    [match] = TermMatcher([spec], "en").find("the Indo Pacific region")
    assert (match.start, match.end) == (4, len("the Indo Pacific"))
