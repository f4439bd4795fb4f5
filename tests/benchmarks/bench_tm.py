"""Translation memory lookup: every unit of a 200-unit release against 10,000 and 100,000
entries, through the token index, against a linear scan of the same memory.

The memory is synthetic English → Japanese: sentences of 8–30 words drawn from a
5,000-word vocabulary with Zipf-like frequencies (a few words in most sentences, most words
rare). The release mixes units identical to an entry, units with one or two words changed,
and new sentences. The linear scan reads every entry of the language pair and scores each
with the same similarity (length bounds and difflib's quick ratios first); it is timed on
20 units and scaled to 200.
"""

import random
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from translations.memory import EntryData, MemoryEntry, entries_merge, memory_lookup
from translations.memory.text import FUZZY_THRESHOLD, length_bounds, similarity_units

from .conftest import report, timed

UNITS = 200
SIZES = (10_000, 100_000)
SCANNED = 20
VOCABULARY = 5_000
WHEN = datetime(2020, 1, 1, tzinfo=UTC)
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def vocabulary(rng):
    words = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 10))))
    words = sorted(words)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    return words, weights


def sentence(rng, words, weights):
    return " ".join(rng.choices(words, weights, k=rng.randint(8, 30))).capitalize() + "."


def memory_items(rng, words, weights, count, start):
    return [
        EntryData(
            "en",
            "ja",
            sentence(rng, words, weights),
            f"訳文{start + n}",
            created_at=WHEN,
            changed_at=WHEN,
        )
        for n in range(count)
    ]


def release_texts(rng, words, weights, memory):
    """Return 200 texts: a third copied from the memory, a third changed by a word or two,
    a third new."""
    texts = {}
    for n in range(UNITS):
        if n % 3 == 0:
            texts[f"u{n}"] = rng.choice(memory).source_text
        elif n % 3 == 1:
            tokens = rng.choice(memory).source_text.split()
            for _ in range(rng.randint(1, 2)):
                tokens[rng.randrange(len(tokens))] = rng.choice(words)
            texts[f"u{n}"] = " ".join(tokens)
        else:
            texts[f"u{n}"] = sentence(rng, words, weights)
    return texts


def linear_scan(texts):
    """Return ``{key: best score}`` by reading and scoring every entry of the pair."""
    from difflib import SequenceMatcher

    entries = [
        similarity_units(text, "en")
        for text in MemoryEntry.objects.filter(source_language="en", target_language="ja")
        .values_list("source_text", flat=True)
        .iterator(chunk_size=5_000)
    ]
    found = {}
    for key, text in texts.items():
        units = similarity_units(text, "en")
        low, high = length_bounds(len(units))
        best = 0.0
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(units)
        for other in entries:
            if not low <= len(other) <= high:
                continue
            matcher.set_seq1(other)
            if (
                matcher.real_quick_ratio() < FUZZY_THRESHOLD
                or matcher.quick_ratio() < FUZZY_THRESHOLD
            ):
                continue
            best = max(best, matcher.ratio())
        if best >= FUZZY_THRESHOLD:
            found[key] = best
    return found


@pytest.mark.django_db
def test_bench_memory_lookup():
    rng = random.Random(20170907)
    words, weights = vocabulary(rng)
    vendor = connection.vendor
    print(f"\ntranslation memory lookup [{vendor}]: {UNITS} units, en → ja")
    memory, per_unit = [], {}
    for size in SIZES:
        items = memory_items(rng, words, weights, size - len(memory), len(memory))
        seconds, _ = timed(lambda items=items: entries_merge(items), repeat=1)
        memory += items
        report(f"build memory to {size:,} entries (entries_merge)", seconds, unit="ms")
        texts = release_texts(random.Random(size), words, weights, memory)
        with CaptureQueriesContext(connection) as captured:
            found = memory_lookup("en", "ja", texts)
        lookup, found = timed(lambda texts=texts: memory_lookup("en", "ja", texts), repeat=3)
        sample = dict(list(texts.items())[:SCANNED])
        scan, scanned = timed(lambda sample=sample: linear_scan(sample), repeat=1)
        scan_all = scan * UNITS / SCANNED
        report(f"linear scan, {UNITS} units (from {SCANNED}), {size:,} entries", scan_all)
        report(
            f"index lookup, {UNITS} units, {size:,} entries",
            lookup,
            baseline=scan_all,
            queries=len(captured),
            goal=None,
        )
        per_unit[size] = lookup / UNITS
        exact = sum(1 for matches in found.values() if matches[0].exact)
        fuzzy = sum(1 for matches in found.values() if not matches[0].exact)
        agree = sum(
            1
            for key, best in scanned.items()
            if key in found and abs(found[key][0].score - best) < 1e-9
        )
        print(
            f"  matches: {exact} exact, {fuzzy} fuzzy of {UNITS} units; on the {SCANNED} "
            f"scanned units the index found the scan's best match for {agree} of {len(scanned)}"
        )
        assert exact >= UNITS // 3 - 1
    small, large = (per_unit[size] for size in SIZES)
    report(f"per unit at {SIZES[0]:,} entries", small)
    report(f"per unit at {SIZES[1]:,} entries", large, baseline=small)
