"""The memory's part of the workbench's concordance: entries of the searched language pair
whose source or target holds the query (one query, the most recently written entries first,
bounded)."""

from translations.memory.models import MemoryEntry
from translations.review.concordance import CANDIDATES, MEMORY


def memory_concordance(query):
    """Return the :class:`~translations.review.concordance.Hit` list of ``query`` among the
    memory's entries of its language pair: at most ``CANDIDATES`` entries are read."""
    rows = (
        MemoryEntry.objects.filter(
            source_language=query.source_language, target_language=query.language
        )
        .filter(query.filter("source_text", "target_text"))
        .order_by("-pk")
        .values_list(
            "source_text", "target_text", "release_id", "release_slug", "approver", "changed_at"
        )[:CANDIDATES]
    )
    hits = []
    for source_text, target_text, release_id, slug, approver, changed_at in rows:
        hit = query.hit(
            source_text,
            target_text,
            origin=MEMORY,
            when=changed_at,
            release_id=release_id,
            release_slug=slug,
            approver=approver,
        )
        if hit is not None:
            hits.append(hit)
    return hits
