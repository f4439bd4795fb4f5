"""History benchmarks (issue 20): what one unit's save costs at 200 and 2,000 units, reading
an old and a new revision of a long history, and the history page of that history.

A save is a translator's: ``unit_save`` of one unit's Japanese text, based on the newest
revision, 20 of them, each a different unit. Bytes are what the history tables (every table
whose name starts with ``records_revision``, with their indexes) grow by per save.
"""

import itertools
import statistics
import time
import uuid

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from records.models import Release
from records.revisions.head import head_states_forget
from records.services import release_write, revision_snapshot
from translations.review.editing import unit_save

from .conftest import report, timed
from .figures import figure_add

pytestmark = pytest.mark.django_db
SAVES = 20
COLD_SAVES = 10
SIZES = (200, 2000)
# The goals: per save, time at 2,000 units at most 1.5x the time at 200 units; bytes
# at most 2 KB plus the changed text, at either size.
TIME_GOAL = 1.5
HISTORY = 1000


def release_content(demo_translations, slug, size):
    """An English release of ``size`` segments (the seed's sentences), not yet translated."""
    items = itertools.islice(itertools.cycle(demo_translations["segments"]), size)
    return {
        "slug": slug,
        "date": "2017-07-07",
        "topic": "japan-russia-relations",
        "title": {"en": "Bench", "ja": "", "ru": ""},
        "photos": [],
        "segments": [
            {
                "key": str(uuid.uuid4()),
                "kind": "paragraph",
                "level": 0,
                "text": {"en": f"{item['en']} ({n})", "ja": "", "ru": ""},
            }
            for n, item in enumerate(items)
        ],
    }


def history_bytes():
    """Return the bytes the history tables and their indexes hold now."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT COALESCE(SUM(d.payload), 0) FROM dbstat d JOIN sqlite_master m "
                "ON m.name = d.name WHERE m.tbl_name LIKE 'records\\_revision%' ESCAPE '\\'"
            )
        else:
            cursor.execute(
                "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                "WHERE c.relkind = 'r' AND c.relname LIKE 'records\\_revision%'"
            )
        return cursor.fetchone()[0]


def translator_saves(release, translations, translator, count, language="ja", start=0):
    """Save ``count`` units' ``language`` text one at a time, each based on the newest
    revision; return (seconds of each save, characters of text saved)."""
    keys = [item["key"] for item in revision_snapshot(release, release.head_number)["segments"]]
    seconds, characters = [], 0
    for step in range(start, start + count):
        key = keys[step % len(keys)]
        text = f"{translations[step % len(translations)][language]}（{step}）"
        characters += len(text.encode("utf-8"))
        begin = time.perf_counter()
        unit_save(release, language, key, text, translator, based_on=release.head_number)
        seconds.append(time.perf_counter() - begin)
        release.refresh_from_db(fields=["head_number"])
    return seconds, characters


@pytest.mark.parametrize("size", SIZES)
def test_bench_single_unit_saves(demo_translations, users, size):
    release = release_write(
        release_content(demo_translations, f"bench-saves-{size}", size), author=users["editor"]
    ).release
    release = Release.objects.get(pk=release.pk)
    translations = demo_translations["segments"]
    translator_saves(release, translations, users["translator-ja"], 2, start=SAVES)  # warm up
    before = history_bytes()
    seconds, characters = translator_saves(release, translations, users["translator-ja"], SAVES)
    grown = (history_bytes() - before) / SAVES
    median = statistics.median(seconds)
    print(f"\n{size}-unit release, {SAVES} single-unit saves (unit_save, ja)")
    smaller = SAVE_TIMES.get(SIZES[0]) if size != SIZES[0] else None
    figure = figure_add(
        f"time per single-unit save (median of {SAVES})",
        median * 1000,
        "ms",
        smaller.name if smaller else "",
        smaller.value if smaller else None,
        TIME_GOAL if smaller else None,
    )
    SAVE_TIMES[size] = figure
    # A save whose process did not write the head last: it reads the head in full once.
    cold = []
    for step in range(COLD_SAVES):
        head_states_forget()
        cold.extend(
            translator_saves(release, translations, users["translator-ja"], 1, start=100 + step)[0]
        )
    figure_add(
        f"  the same, the head not kept by the process (median of {COLD_SAVES})",
        statistics.median(cold) * 1000,
        "ms",
    )
    changed = characters / SAVES
    figure_add("history bytes per single-unit save", grown, "B")
    figure_add("  of which the changed text (UTF-8)", changed, "B")
    figure_add("translating every unit in ja + ru (history)", grown * 2 * size / 1e6, "MB")
    print(
        f"time per save {median * 1000:.2f} ms; history bytes per save {grown:,.0f} "
        f"(changed text {changed:,.0f}); every unit in ja + ru: {grown * 2 * size / 1e6:,.1f} MB"
    )


# The figure of each size's save time: the larger size's is compared with the smaller's.
SAVE_TIMES = {}


def long_history(demo_translations, users, size=200, revisions=HISTORY):
    """A release of ``size`` units with ``revisions`` revisions: translators of both target
    languages saving units in runs of ten, as a translation session does."""
    release = release_write(
        release_content(demo_translations, "bench-history", size), author=users["editor"]
    ).release
    release = Release.objects.get(pk=release.pk)
    translations = demo_translations["segments"]
    step = 0
    while release.head_number < revisions:
        language = ("ja", "ru")[(step // 10) % 2]
        count = min(10, revisions - release.head_number)
        translator_saves(
            release, translations, users[f"translator-{language}"], count, language, start=step
        )
        step += count
    return release


def test_bench_long_history(demo_translations, users, admin_client):
    release = long_history(demo_translations, users)
    assert release.head_number == HISTORY
    print(f"\nrelease of 200 units with {HISTORY} revisions")
    for number in (1, HISTORY):
        # The connection's log of queries is full after the saves: empty it to count anew.
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            snapshot = revision_snapshot(release, number)
        read_queries = len(queries)
        assert len(snapshot["segments"]) == 200
        seconds, _ = timed(lambda number=number: revision_snapshot(release, number))
        report(f"read revision {number} of {HISTORY} in full", seconds, None, read_queries)

    url = reverse("admin:records_release_history", args=[release.pk])
    changelist = reverse("admin:records_release_changelist")
    base_time, _ = timed(lambda: admin_client.get(changelist))
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(url)
    # Counted now: the captured list is a view of the connection's log, which the next
    # request empties.
    history_queries = len(queries)
    assert response.status_code == 200
    history_time, _ = timed(lambda: admin_client.get(url))
    report("admin release changelist (baseline)", base_time)
    report(f"history page, {HISTORY} revisions", history_time, base_time, history_queries)
