"""Revision benchmarks: save, diff and history, with query counts and in-run baselines."""

import difflib
import uuid

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from records.diff import diff_revisions_all
from records.models import Release, Revision, Segment
from records.services import release_write
from records.snapshots import release_snapshot, snapshot_checksum

from .conftest import report, timed

pytestmark = pytest.mark.django_db
SEGMENTS = 200
# The goal: a revision save costs at most this many bare bulk updates.
SAVE_GOAL = 2


def big_content(demo_translations, copies=SEGMENTS // 20):
    segments = []
    for copy in range(copies):
        for index, item in enumerate(demo_translations["segments"]):
            kind = ["paragraph", "heading", "bullet", "item"][index % 4]
            segments.append(
                {
                    "key": str(uuid.uuid4()),
                    "kind": kind,
                    "level": 1,
                    "text": {"en": f"{item['en']} ({copy})", "ja": item["ja"], "ru": item["ru"]},
                }
            )
    return {
        "slug": "bench-release",
        "date": "2017-07-07",
        "topic": "japan-russia-relations",
        "title": {"en": "Bench", "ja": "ベンチ", "ru": "Тест"},
        "photos": [],
        "segments": segments,
    }


def edit(content, step):
    content = {**content, "segments": [dict(s, text=dict(s["text"])) for s in content["segments"]]}
    for segment in content["segments"][step % 7 :: 7]:
        for code in ("en", "ja", "ru"):
            segment["text"][code] = segment["text"][code] + f" v{step}"
    return content


def revision_save_queries(content):
    """Return the number of queries of saving one edited revision of ``content``."""
    release = release_write(content, message="bench").release
    current = release_snapshot(Release.objects.get(pk=release.pk))
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        release_write(edit(current, 1), based_on=1)
    return len(queries)


def test_bench_revision_save_diff_history(demo_translations, admin_client):
    small = big_content(demo_translations, copies=1)
    small["slug"] = "bench-small"
    print(f"\nqueries to save a revision: 20 segments {revision_save_queries(small)}, ", end="")
    large = big_content(demo_translations)
    large["slug"] = "bench-large"
    print(f"200 segments {revision_save_queries(large)}")
    content = big_content(demo_translations)
    release = release_write(content, message="bench").release
    step = [0]

    def save():
        step[0] += 1
        current = Release.objects.get(pk=release.pk)
        return release_write(edit(release_snapshot(current), step[0]), based_on=current.head_number)

    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        save()
    save_queries = len(queries)
    save_time, _ = timed(save)

    segments = list(Segment.objects.filter(release=release))

    def bare_update():
        for segment in segments:
            segment.text_ru = (segment.text_ru or "") + "."
        Segment.objects.bulk_update(segments, ["text_ru"], batch_size=500)

    bare_time, _ = timed(bare_update)
    print()
    report("bulk_update of 200 segments (baseline)", bare_time)
    report(
        "save one revision of a 200-segment release",
        save_time,
        bare_time,
        save_queries,
        goal=SAVE_GOAL,
    )

    first = Revision.objects.get(release=release, number=1).snapshot
    last = Revision.objects.filter(release=release).order_by("-number").first().snapshot
    lines_a = [s["text"][c] for s in first["segments"] for c in ("en", "ja", "ru")]
    lines_b = [s["text"][c] for s in last["segments"] for c in ("en", "ja", "ru")]
    line_time, _ = timed(lambda: list(difflib.unified_diff(lines_a, lines_b, lineterm="")))
    diff_time, diffs = timed(lambda: diff_revisions_all(first, last))
    report("difflib line diff of the same texts (baseline)", line_time)
    report("diff two 200-segment revisions, en+ja+ru", diff_time, line_time, 0)
    assert sum(d.counts()["changed"] for d in diffs.values()) > 0

    snapshot = release_snapshot(Release.objects.get(pk=release.pk))
    head = Release.objects.get(pk=release.pk).head_number
    # Revisions of the head's content change no slot: they store no change rows.
    Revision.objects.bulk_create(
        [
            Revision(
                release=release,
                number=head + i,
                message=f"bulk {i}",
                checksum=snapshot_checksum(snapshot),
            )
            for i in range(1, 1001 - head + 1)
        ]
    )
    Release.objects.filter(pk=release.pk).update(head_number=1001)
    url = reverse("admin:records_release_history", args=[release.pk])
    changelist = reverse("admin:records_release_changelist")
    base_time, _ = timed(lambda: admin_client.get(changelist))
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(url)
    history_queries = len(queries)
    assert response.status_code == 200 and "1001 revisions" in response.content.decode()
    history_time, _ = timed(lambda: admin_client.get(url))
    reset_queries()
    with CaptureQueriesContext(connection) as last_queries:
        admin_client.get(url + "?p=21")
    last_page_queries = len(last_queries)
    last_page, _ = timed(lambda: admin_client.get(url + "?p=21"))
    report("admin release changelist (baseline)", base_time)
    report("history page, release with 1,001 revisions", history_time, base_time, history_queries)
    report("history page 21 (oldest), 1,001 revisions", last_page, base_time, last_page_queries)
