"""rows_update: many rows of one model written by one executemany query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from records.bulk import rows_update
from records.models import Segment

pytestmark = pytest.mark.django_db


def test_rows_update_writes_each_row_in_one_query(seed_release):
    segments = list(Segment.objects.filter(release=seed_release).order_by("position")[:3])
    for number, segment in enumerate(segments):
        segment.text_ja = f"訳 {number} \"'\\ ;"
        segment.level = number + 2
    untouched = Segment.objects.filter(release=seed_release).order_by("position")[3]
    with CaptureQueriesContext(connection) as queries:
        rows_update(Segment, segments, ["text_ja", "level"])
    assert len(queries) == 1
    stored = {s.pk: (s.text_ja, s.level) for s in Segment.objects.filter(release=seed_release)}
    for number, segment in enumerate(segments):
        assert stored[segment.pk] == (f"訳 {number} \"'\\ ;", number + 2)
    assert stored[untouched.pk] == (untouched.text_ja, untouched.level)
    with CaptureQueriesContext(connection) as queries:
        rows_update(Segment, [], ["text_ja"])
    assert len(queries) == 0
