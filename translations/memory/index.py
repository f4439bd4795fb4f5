"""Writing the memory: entries merged by pair (newest metadata wins) and their token index."""

from dataclasses import dataclass, replace
from datetime import datetime

from django.db import connection
from django.db.models import Case, F, PositiveIntegerField, Value, When

from records import bulk
from translations.memory.models import MemoryEntry, MemoryPosting, MemoryToken
from translations.memory.text import index_tokens, pair_hash, similarity_units, source_hash

# Rows per IN list or bulk statement: well under SQLite's 32,766 variables.
CHUNK = 2000
# After this many new entries PostgreSQL's planner statistics are refreshed at once, not at
# autovacuum's next pass: with stale ones it reads every posting instead of the index.
ANALYZE_AFTER = 5_000
METADATA_FIELDS = [
    "release",
    "release_slug",
    "revision_number",
    "approved_by",
    "approver",
    "created_at",
    "changed_at",
]


@dataclass(frozen=True)
class EntryData:
    """One source/target pair with where it came from, as the memory stores it."""

    source_language: str
    target_language: str
    source_text: str
    target_text: str
    created_at: datetime
    changed_at: datetime
    release_id: int | None = None
    release_slug: str = ""
    revision_number: int | None = None
    approved_by_id: int | None = None
    approver: str = ""
    # False when the file gave the pair no date: it then says nothing newer than a stored pair.
    dated: bool = True


def chunks(items, size=CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _metadata(item):
    return {
        "release_id": item.release_id,
        "release_slug": item.release_slug,
        "revision_number": item.revision_number,
        "approved_by_id": item.approved_by_id,
        "approver": item.approver,
        "changed_at": item.changed_at,
    }


def entries_merge(items):
    """Store ``items`` (``EntryData``): a new pair becomes an entry, a known pair takes the
    newer metadata. Return ``{"created", "updated", "unchanged"}`` counts.

    Runs inside the caller's transaction; a concurrent writer of the same pair is absorbed
    (the pair is unique: the insert updates it instead).
    """
    newest = {}
    for item in items:
        key = pair_hash(
            item.source_language, item.target_language, item.source_text, item.target_text
        )
        kept = newest.get(key)
        if kept is None or (item.dated, item.changed_at) >= (kept.dated, kept.changed_at):
            if kept is not None and kept.created_at < item.created_at:
                item = replace(item, created_at=kept.created_at)
            newest[key] = item
    existing = {}
    for chunk in chunks(newest):
        existing.update(
            (key, (created, changed))
            for key, created, changed in MemoryEntry.objects.filter(
                pair_hash__in=chunk
            ).values_list("pair_hash", "created_at", "changed_at")
        )
    rows, created = [], []
    for key, item in newest.items():
        known = existing.get(key)
        if known is not None and (not item.dated or item.changed_at <= known[1]):
            continue
        if known is None:
            created.append(key)
        units = similarity_units(item.source_text, item.source_language)
        rows.append(
            MemoryEntry(
                source_language=item.source_language,
                target_language=item.target_language,
                source_text=item.source_text,
                target_text=item.target_text,
                source_hash=source_hash(item.source_text),
                pair_hash=key,
                length=len(units),
                created_at=min(item.created_at, known[0]) if known else item.created_at,
                **_metadata(item),
            )
        )
    # New pairs and newer metadata for known ones, in one statement per batch.
    MemoryEntry.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["pair_hash"],
        update_fields=METADATA_FIELDS,
    )
    if created:
        index_entries(created)
    if len(created) >= ANALYZE_AFTER:
        statistics_refresh()
    return {
        "created": len(created),
        "updated": len(rows) - len(created),
        "unchanged": len(newest) - len(rows),
    }


def statistics_refresh():
    """Have PostgreSQL analyse the memory's tables (other databases plan without it)."""
    bulk.statistics_refresh(MemoryEntry, MemoryToken, MemoryPosting)


def index_entries(pair_hashes):
    """Add the entries with ``pair_hashes`` to the token index (again: changes nothing);
    each token counts the entries that hold it."""
    postings = []
    for chunk in chunks(pair_hashes):
        for pk, source_language, target_language, text, length in MemoryEntry.objects.filter(
            pair_hash__in=chunk
        ).values_list("pk", "source_language", "target_language", "source_text", "length"):
            units = similarity_units(text, source_language)
            for token in index_tokens(units, source_language):
                postings.append((source_language, target_language, token, pk, length))
    wanted = {(sl, tl, token) for sl, tl, token, _pk, _length in postings}
    MemoryToken.objects.bulk_create(
        [MemoryToken(source_language=sl, target_language=tl, text=text) for sl, tl, text in wanted],
        batch_size=1000,
        ignore_conflicts=True,
    )
    ids = token_ids(wanted)
    entry_ids = {pk for _sl, _tl, _token, pk, _length in postings}
    known = set()
    for chunk in chunks(entry_ids):
        known.update(
            MemoryPosting.objects.filter(entry_id__in=chunk).values_list("token_id", "entry_id")
        )
    fresh = {
        (ids[(sl, tl, token)], pk): length
        for sl, tl, token, pk, length in postings
        if (ids[(sl, tl, token)], pk) not in known
    }
    _postings_insert([(token_id, pk, length) for (token_id, pk), length in fresh.items()])
    _count_entries(token_id for token_id, _pk in fresh)


def _postings_insert(rows):
    """Insert ``(token id, entry id, length)`` rows, skipping any already there, in one
    ``executemany``: a memory of 100,000 entries has millions of postings, and building a
    model instance and its SQL parameters for each (``bulk_create``) costs most of an import."""
    if not rows:
        return
    meta, quote = MemoryPosting._meta, connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in ("token", "entry", "length"))
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _count_entries(token_ids):
    """Add each new posting to its token's entry count: one statement per chunk of tokens."""
    added = {}
    for token_id in token_ids:
        added[token_id] = added.get(token_id, 0) + 1
    for chunk in chunks(sorted(added)):
        by_count = {}
        for token_id in chunk:
            by_count.setdefault(added[token_id], []).append(token_id)
        MemoryToken.objects.filter(pk__in=chunk).update(
            entries=F("entries")
            + Case(
                *(When(pk__in=group, then=Value(n)) for n, group in by_count.items()),
                default=Value(0),
                output_field=PositiveIntegerField(),
            )
        )


def token_ids(keys):
    """Return ``{(source language, target language, text): id}`` of the stored tokens."""
    by_pair = {}
    for sl, tl, text in keys:
        by_pair.setdefault((sl, tl), []).append(text)
    ids = {}
    for (sl, tl), texts in by_pair.items():
        for chunk in chunks(texts):
            for pk, text in MemoryToken.objects.filter(
                source_language=sl, target_language=tl, text__in=chunk
            ).values_list("pk", "text"):
                ids[(sl, tl, text)] = pk
    return ids
