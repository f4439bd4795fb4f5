"""Consistency checks: precision and recall on the case set, and their cost on a 200-unit release
against the term checks alone."""

import csv

from tests.translations.consistency_cases import CASES, evaluate, evaluate_rows, seed_directions
from tests.translations.consistency_cases_more import scores, table
from translations.checks import CHECKS, run_checks
from translations.checks.dates import find_dates
from translations.checks.matching.matcher import TermMatcher, TermSpec
from translations.checks.numbers import source_numbers, target_numbers
from translations.glossary.vocabulary import PROPER_NOUN

from .conftest import ROOT, report, timed

TERM_CHECKS = ["missing-term", "forbidden-term", "inconsistent-term"]
CONSISTENCY_CHECKS = [check for check in CHECKS if check not in TERM_CHECKS]


def test_bench_precision_and_recall():
    print()
    print(f"{'check':<12} {'cases':>5} {'tp':>4} {'fp':>4} {'fn':>4} {'tn':>4}  precision  recall")
    for check, cases in CASES.items():
        tp = fp = fn = tn = 0
        for case in cases:
            flagged = bool(evaluate(check, case))
            tp += flagged and case.flagged
            fp += flagged and not case.flagged
            fn += not flagged and case.flagged
            tn += not flagged and not case.flagged
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(
            f"{check:<12} {len(cases):>5} {tp:>4} {fp:>4} {fn:>4} {tn:>4}  "
            f"{precision:9.2f}  {recall:6.2f}"
        )
    # The seed's approved translations in all six directions: every pair is correct.
    directions = seed_directions()
    pairs = sum(len(rows) for rows in directions.values())
    for check in CASES:
        alarms = sum(
            len({f.segment_key for f in evaluate_rows(source, target, rows, [check])})
            for (source, target), rows in directions.items()
        )
        print(f"{check:<12} seed, {pairs} correct pairs in 6 directions: {alarms} false alarms")
    # The third set, in the ministry's style in every direction.
    print(table(scores()))


def demo_glossary():
    """Return the demo glossary's terms and the ids of its proper-name concepts."""
    concepts, terms, names = {}, [], set()
    with (ROOT / "translations/demo/glossary.csv").open(encoding="utf-8") as file:
        for index, row in enumerate(csv.DictReader(file), start=1):
            concept_id = concepts.setdefault(row["concept"], len(concepts) + 1)
            terms.append(TermSpec(index, concept_id, row["language"], row["term"], row["status"]))
            if row["part_of_speech"] == PROPER_NOUN:
                names.add(concept_id)
    return terms, names


def clear_caches():
    """Forget parsed texts: each timed run reads every text as a worker meets it first."""
    for function in (source_numbers, target_numbers, find_dates):
        function.cache_clear()


def test_bench_consistency_checks_on_200_units(demo_translations):
    terms, names = demo_glossary()
    source = TermMatcher(terms, "en")
    print()
    for code in ("ja", "ru"):
        target = TermMatcher(terms, code)
        # 200 units: the seed's 20 segments ten times, each copy with its own number.
        rows = [
            (f"{copy}-{index}", f"{item['en']} {copy + 1}", f"{item[code]} {copy + 1}")
            for copy in range(10)
            for index, item in enumerate(demo_translations["segments"])
        ]

        def check(selected, rows=rows, code=code, target=target):
            clear_caches()
            return run_checks(rows, code, source, target, checks=selected, proper_names=names)

        check(None)  # warm the lemma caches, as a running worker has them
        terms_only, _ = timed(lambda: check(TERM_CHECKS), repeat=20)
        consistency, found = timed(lambda: check(CONSISTENCY_CHECKS), repeat=20)
        everything, all_found = timed(lambda: check(None), repeat=20)
        report(f"term checks, 200 units [{code}] (baseline)", terms_only)
        report(
            f"consistency checks, 200 units [{code}] ({len(found)} findings)",
            consistency,
            terms_only,
        )
        report(
            f"all checks, 200 units [{code}] ({len(all_found)} findings)", everything, terms_only
        )
        assert found == []
