"""Approvals feed the memory: each approved unit's source and target, in the approval's
transaction."""

from django.utils import timezone

from translations.memory.index import EntryData, entries_merge


def memory_record(release, language, keys, units, user):
    """Store the approved ``keys`` of ``release`` (``units`` of its head revision by key) in
    ``language`` as memory entries approved by ``user``; return the merge counts."""
    now = timezone.now()
    source = release.source_language
    items = []
    for key in keys:
        unit = units[key]
        source_text, target_text = unit.text(source).strip(), unit.text(language).strip()
        if not source_text or not target_text:
            continue
        items.append(
            EntryData(
                source_language=source,
                target_language=language,
                source_text=source_text,
                target_text=target_text,
                created_at=now,
                changed_at=now,
                release_id=release.pk,
                release_slug=release.slug,
                revision_number=release.head_number,
                approved_by_id=user.pk,
                approver=user.get_username(),
            )
        )
    return entries_merge(items)
