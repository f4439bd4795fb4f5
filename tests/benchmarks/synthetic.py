"""A synthetic archive for the benchmarks, sized from the environment.

``make bench RELEASES=1000 CONCEPTS=10000 UNITS=20`` sets ``BENCH_RELEASES``, ``BENCH_CONCEPTS``
and ``BENCH_UNITS``. The glossary is the demo's (``translations/demo/glossary.csv``) plus
generated concepts with an English, a Japanese and a Russian term; the releases are the seed's
sentences, each with a generated term added in some languages and left out in others, so that
checks find terms, missing terms and nothing, as in real texts. Rows are bulk-inserted.
"""

import datetime
import json
import os
import random
import uuid
from pathlib import Path

from config import languages
from records.models import Release, Revision, Segment, Topic
from records.revisions import revisions_store
from records.snapshots import release_snapshot, snapshot_checksum
from translations.checks.matching.matcher import TermSpec
from translations.glossary.files import ConceptData, TermData, csv_load
from translations.models import Concept, GlossaryState, Term

ROOT = Path(__file__).resolve().parents[2]
SEED = 20170707
LATIN = "abcdefghijklmnopqrstuvwxyz"
CYRILLIC = "абвгдежзиклмнопрстуфхцчшщэюя"
KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモ"
KANJI = "領土条約経済協力首脳会談発展地域平和島民特別協議体制計画東方北方"
BATCH = 500


def size(name, default):
    """Return the size set in environment variable ``name`` (``10_000`` and ``10,000`` too)."""
    value = os.environ.get(name, "").replace("_", "").replace(",", "").strip()
    return int(value) if value else default


# Releases of the archive (re-checked by Celery workers), units per release, glossary concepts.
# The defaults keep `make bench` within minutes on 2 cores; the re-check figure is
# RELEASES=1000 (a re-check costs a few hundred milliseconds per release at 10,000 concepts).
RELEASES = size("BENCH_RELEASES", 200)
UNITS = size("BENCH_UNITS", 20)
CONCEPTS = size("BENCH_CONCEPTS", 10_000)


def sizes_text():
    return f"RELEASES={RELEASES} UNITS={UNITS} CONCEPTS={CONCEPTS}"


def seed_sentences():
    """Return the seed release's segments: ``[{language: text}]``."""
    path = ROOT / "records/demo/seed_translations.json"
    return json.loads(path.read_text("utf-8"))["segments"]


def _word(rng, alphabet, low=4, high=9):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high)))


def generated_terms(rng):
    """Return ``{language: text}`` of one generated concept (1-3 words; unspaced Japanese)."""
    words = rng.randint(1, 3)
    return {
        "en": " ".join(_word(rng, LATIN) for _ in range(words)),
        "ja": "".join(rng.choice(KANJI + KATAKANA) for _ in range(rng.randint(3, 7))),
        "ru": " ".join(_word(rng, CYRILLIC) for _ in range(words)),
    }


def demo_glossary():
    """Return the demo glossary's concepts."""
    return csv_load((ROOT / "translations/demo/glossary.csv").read_bytes())


def glossary(count=CONCEPTS):
    """Return the demo glossary plus generated concepts, ``count`` concepts in all."""
    demo = demo_glossary()
    rng = random.Random(SEED)
    generated = [
        ConceptData(
            identifier=f"synthetic-{n}",
            subject_field="Synthetic",
            terms=tuple(TermData(code, text) for code, text in generated_terms(rng).items()),
        )
        for n in range(max(count - len(demo), 0))
    ]
    return [*demo, *generated][:count]


def term_specs(concepts):
    """Return the terms of ``concepts`` as matcher specs (ids numbered from 1)."""
    specs = []
    for concept_id, concept in enumerate(concepts, start=1):
        for term in concept.terms:
            specs.append(
                TermSpec(
                    len(specs) + 1,
                    concept_id,
                    term.language,
                    term.text,
                    term.status,
                    term.case_sensitive,
                )
            )
    return specs


def glossary_store(concepts):
    """Bulk-create ``concepts`` and their terms (no validation, no re-check); return the
    number of terms. The glossary version changes, as after any glossary edit."""
    Concept.objects.bulk_create(
        (Concept(identifier=c.identifier, subject_field=c.subject_field) for c in concepts),
        batch_size=BATCH,
    )
    ids = dict(Concept.objects.values_list("identifier", "pk"))
    terms = [
        Term(
            concept_id=ids[concept.identifier],
            position=position,
            language=term.language,
            text=term.text,
            status=term.status,
            case_sensitive=term.case_sensitive,
        ).fill_match_forms()  # stored as every write path stores them
        for concept in concepts
        for position, term in enumerate(concept.terms)
    ]
    Term.objects.bulk_create(terms, batch_size=BATCH)
    GlossaryState.bump()
    return len(terms)


def unit_texts(rng, sentence, terms):
    """Return one unit's ``{language: text}``: a seed sentence, and for half of the units a
    generated term in every language, or (one unit in ten) in the source language only."""
    texts = dict(sentence)
    draw = rng.random()
    if terms and draw < 0.5:
        term = rng.choice(terms)
        for code in languages.CODES if draw < 0.4 else (languages.DEFAULT_SOURCE,):
            glue = "" if languages.get(code).matching == languages.CHARACTERS else " "
            texts[code] = f"{texts[code]}{glue}{term[code]}"
    return texts


def archive_create(count=RELEASES, units=UNITS, concepts=(), *, prefix="synthetic"):
    """Bulk-create ``count`` English-source releases of ``units`` segments, each with revision
    1 as its head (not published); return the releases. ``concepts`` lend their terms."""
    rng = random.Random(SEED)
    sentences = seed_sentences()
    terms = [
        {term.language: term.text for term in concept.terms}
        for concept in concepts
        if {term.language for term in concept.terms} >= set(languages.CODES)
    ]
    topic, _created = Topic.objects.get_or_create(
        slug=f"{prefix}-topic", defaults={"name": "Synthetic archive"}
    )
    first = datetime.date(2001, 1, 1)
    created = []
    for start in range(0, count, BATCH):
        numbers = range(start, min(start + BATCH, count))
        releases = Release.objects.bulk_create(
            Release(
                slug=f"{prefix}-{n}",
                topic=topic,
                date=first + datetime.timedelta(days=n),
                head_number=1,
                **{f"title_{code}": f"{sentences[0][code][:60]} {n}" for code in languages.CODES},
            )
            for n in numbers
        )
        segments = [
            Segment(
                release=release,
                key=uuid.uuid4(),
                position=position,
                **{
                    f"text_{code}": text
                    for code, text in unit_texts(
                        rng, sentences[(n + position) % len(sentences)], terms
                    ).items()
                },
            )
            for n, release in zip(numbers, releases, strict=True)
            for position in range(units)
        ]
        Segment.objects.bulk_create(segments, batch_size=BATCH)
        by_release = {}
        for segment in segments:
            by_release.setdefault(segment.release_id, []).append(segment)
        snapshots = [
            release_snapshot(release, by_release[release.pk], photos=[]) for release in releases
        ]
        revisions = Revision.objects.bulk_create(
            (
                Revision(
                    release=release,
                    number=1,
                    checksum=snapshot_checksum(snapshot),
                    message="synthetic",
                )
                for release, snapshot in zip(releases, snapshots, strict=True)
            ),
            batch_size=BATCH,
        )
        revisions_store(
            [
                (revision, snapshot, None)
                for revision, snapshot in zip(revisions, snapshots, strict=True)
            ]
        )
        created.extend(releases)
    return created
