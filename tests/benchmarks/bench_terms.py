"""Term-check benchmarks: a 10,000-concept / 30,000-term glossary and a 200-segment release."""

import random

from config import languages
from translations.checks import run_checks
from translations.matching import TermMatcher, TermSpec

from .conftest import report, timed

CONCEPTS = 10_000
LATIN = "abcdefghijklmnopqrstuvwxyz"
CYRILLIC = "абвгдежзиклмнопрстуфхцчшщэюя"
KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモ"
KANJI = "領土条約経済協力首脳会談発展地域平和島民特別協議体制計画東方北方"


def word(rng, alphabet, low=4, high=9):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high)))


def synthetic_glossary(demo_terms):
    """Return 30,000+ synthetic terms (three per concept) plus the demo glossary's terms."""
    rng = random.Random(20170707)
    terms = list(demo_terms)
    next_id = 1_000_000
    for concept in range(1, CONCEPTS + 1):
        concept_id = 100_000 + concept
        words = rng.randint(1, 3)
        texts = {
            "en": " ".join(word(rng, LATIN) for _ in range(words)),
            "ru": " ".join(word(rng, CYRILLIC) for _ in range(words)),
            "ja": "".join(rng.choice(KANJI + KATAKANA) for _ in range(rng.randint(3, 7))),
        }
        for language, text in texts.items():
            terms.append(TermSpec(next_id, concept_id, language, text, "preferred"))
            next_id += 1
    return terms


def demo_terms():
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "translations/demo/glossary.csv"
    concepts, terms = {}, []
    with path.open(encoding="utf-8") as file:
        for index, row in enumerate(csv.DictReader(file), start=1):
            concept_id = concepts.setdefault(row["concept"], len(concepts) + 1)
            terms.append(
                TermSpec(
                    index,
                    concept_id,
                    row["language"],
                    row["term"],
                    row["status"],
                    row["case_sensitive"] == "true",
                )
            )
    return terms


def test_bench_term_checks(demo_translations):
    terms = synthetic_glossary(demo_terms())
    print(f"\nglossary: {CONCEPTS + 15} concepts, {len(terms)} terms")
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
    seconds, findings = timed(lambda: run_checks(rows, code, source, target), repeat=20)
    report(f"bare Aho-Corasick scan, en+{code}, 200 segments (baseline)", bare)
    report(f"check 200 segments [{code}] ({len(findings)} findings)", seconds, bare)
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
