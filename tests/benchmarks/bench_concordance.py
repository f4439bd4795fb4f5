"""The workbench's concordance: one search of every approved translation and the memory, at
two releases and at the archive's size (``BENCH_RELEASES`` × ``BENCH_UNITS``), in the
same fixed number of queries.

The archive is the synthetic one (the seed's sentences, some with a generated term), every
unit approved in Japanese and Russian, and each approved pair in the memory, as approvals
leave them. The queries: a word in most English sources (the candidate bound is what limits
the work), a Japanese word inside unspaced text, an inflected Russian word, a rare word.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from config import languages
from records.models import Segment
from translations.memory import EntryData, entries_merge
from translations.review.concordance import concordance, concordance_query
from translations.review.models import UnitStatus
from translations.review.vocabulary import UnitState

from .conftest import report, timed
from .synthetic import RELEASES, UNITS, archive_create

pytestmark = pytest.mark.django_db
TARGETS = languages.targets(languages.DEFAULT_SOURCE)
QUERIES = [
    ("ja", "source", "leaders"),
    ("ja", "target", "平和条約"),
    ("ru", "target", "договора"),
    ("ja", "source", "Vladivostok"),
]


def approve_all(releases, reviewer):
    """Approve every unit of ``releases`` in the target languages; put each pair in the memory."""
    ids = [release.pk for release in releases]
    segments = list(
        Segment.objects.filter(release_id__in=ids).values_list(
            "release_id", "key", "text_en", *(f"text_{code}" for code in TARGETS)
        )
    )
    UnitStatus.objects.bulk_create(
        (
            UnitStatus(
                release_id=release_id,
                key=str(key),
                language=code,
                state=UnitState.APPROVED,
                approved_by=reviewer,
                revision_number=1,
            )
            for release_id, key, *_texts in segments
            for code in TARGETS
        ),
        batch_size=1000,
    )
    now = timezone.now()
    entries_merge(
        EntryData("en", code, texts[0], texts[1 + index], now, now)
        for _release, _key, *texts in segments
        for index, code in enumerate(TARGETS)
    )


def searches(release):
    found = {}
    for language, side, text in QUERIES:
        query = concordance_query(release.source_language, language, text, side)
        found[(language, text)] = concordance(query)[0]
    return found


def test_bench_concordance():
    reviewer = get_user_model().objects.create_user("bench-reviewer")
    small = archive_create(2, UNITS, prefix="small")
    approve_all(small, reviewer)
    few, found_small = timed(lambda: searches(small[0]), repeat=5)
    with CaptureQueriesContext(connection) as queries_small:
        searches(small[0])
    large = archive_create(RELEASES, UNITS, prefix="large")
    approve_all(large, reviewer)
    many, found = timed(lambda: searches(small[0]), repeat=5)
    with CaptureQueriesContext(connection) as queries_large:
        searches(small[0])
    assert len(queries_large) == len(queries_small)
    assert all(found_small[key] for key in list(found_small)[:3])
    count = len(QUERIES)
    report(f"concordance, {count} searches, 2 releases", few, queries=len(queries_small))
    report(
        f"concordance, {count} searches, {RELEASES:,} releases × {UNITS} units",
        many,
        baseline=few,
        queries=len(queries_large),
    )
    assert all(len(hits) <= 20 for hits in found.values())
