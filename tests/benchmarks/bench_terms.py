"""Term-check benchmarks: the synthetic glossary (10,000 concepts, three terms each, by default)
and a 200-segment release."""

from config import languages
from translations.checks import run_checks
from translations.checks.matching.matcher import TermMatcher, TermSpec
from translations.checks.run import match_segments

from . import synthetic
from .conftest import report, timed

# The goal: a check costs at most this many bare scans of the same texts.
CHECK_GOAL = 5


def demo_terms():
    return synthetic.term_specs(synthetic.demo_glossary())


def test_bench_term_checks(demo_translations):
    terms = synthetic.term_specs(synthetic.glossary())
    print(f"\nglossary: {synthetic.CONCEPTS} concepts, {len(terms)} terms")
    segments = [
        (f"{copy}-{index}", item["en"], item)
        for copy in range(10)
        for index, item in enumerate(demo_translations["segments"])
    ]
    by_language = {code: [t for t in terms if t.language == code] for code in languages.CODES}
    matchers = {}
    for code in languages.CODES:
        seconds, matchers[code] = timed(lambda c=code: TermMatcher(by_language[c], c), repeat=1)
        report(f"build automaton [{code}] ({len(by_language[code])} terms)", seconds)
    # A glossary edit rebuilds the automaton; word analyses are cached in the process.
    edited = [*by_language["ru"], TermSpec(9_999_999, 999_999, "ru", "новый термин", "preferred")]
    seconds, _ = timed(lambda: TermMatcher(edited, "ru"), repeat=1)
    report("rebuild automaton [ru] after adding one term", seconds)
    for code in ("ja", "ru"):
        rows = [(key, english, item[code]) for key, english, item in segments]
        bench_language(code, rows, matchers["en"], matchers[code])


# The glossary checks proper (the consistency checks have a benchmark of their own).
TERM_CHECKS = ("missing-term", "forbidden-term", "inconsistent-term")


def raw_hits(matcher, normalized):
    """Count bare ``Automaton.iter`` hits on an already normalised text."""
    return sum(1 for _ in matcher.automaton.iter(normalized)) if matcher.automaton else 0


def bench_language(code, rows, source, target):
    """Time the check of one language against a bare scan of the same normalised texts."""
    # Warm the lemma caches once, as a running worker has them warm.
    run_checks(rows, code, source, target)
    normalized = [target.normalize(text)[0] for _key, _en, text in rows]
    normalized_en = [source.normalize(en)[0] for _key, en, _text in rows]

    def bare_scan():
        return sum(raw_hits(target, t) for t in normalized) + sum(
            raw_hits(source, t) for t in normalized_en
        )

    bare, _ = timed(bare_scan, repeat=20)
    matched, _ = timed(lambda: match_segments(rows, source, target), repeat=20)
    terms_only, term_findings = timed(
        lambda: run_checks(rows, code, source, target, checks=TERM_CHECKS), repeat=20
    )
    seconds, findings = timed(lambda: run_checks(rows, code, source, target), repeat=20)
    report(f"bare Aho-Corasick scan, en+{code}, 200 segments (baseline)", bare)
    report(f"match 200 segments [{code}]: normalise, lemmatise, scan", matched, bare)
    report(
        f"term check 200 segments [{code}] ({len(term_findings)} findings)",
        terms_only,
        bare,
        goal=CHECK_GOAL,
    )
    report(f"all checks 200 segments [{code}] ({len(findings)} findings)", seconds, bare)
    assert findings == [] or all(f.check == "inconsistent-term" for f in findings)


def test_bench_long_runs_of_capitals_are_linear():
    """A 40,000-letter English and a 30,000-letter Russian capital run against a normal segment.

    Before the token-based rules these took ~53 s and ~18 s (backtracking patterns); the
    ratio to a normal segment of the same length should now be small.
    """
    terms = demo_terms()
    for code, letter, size in (("en", "A", 40_000), ("ru", "Я", 30_000)):
        matcher = TermMatcher([t for t in terms if t.language == code], code)
        sample = {"en": "The peace treaty and the TORs of the Far East. ", "ru": ""}[code] or (
            "Мирный договор и ТОРы на Дальнем Востоке. "
        )
        normal = (sample * (size // len(sample) + 1))[:size]
        baseline, _ = timed(lambda m=matcher, t=normal: m.find(t), repeat=3)
        report(f"normal segment [{code}] ({size:,} characters, baseline)", baseline)
        for name, text in (
            ("one capital run", letter * size),
            (
                "capital run + term",
                letter * size + " TOR " if code == "en" else letter * size + " ТОР ",
            ),
        ):
            seconds, _ = timed(lambda m=matcher, t=text: m.find(t), repeat=3)
            report(f"{name} [{code}] ({size:,} characters)", seconds, baseline)
            # A generous guard, far above the linear cost, far below the old 18-53 s.
            assert seconds < 5
