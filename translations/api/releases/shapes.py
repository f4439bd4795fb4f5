"""Releases, revisions and diffs as the API answers them (plain data, built from what the
editor's dashboard, the history page and the compare page read)."""

from django.urls import reverse

from config import languages
from records.diff import UNCHANGED, diff_revisions_all
from records.snapshots import translated
from records.units import CAPTION, CREDIT, TITLE
from translations.review.vocabulary import UnitState


def state_name(state):
    """Return a unit state as the API names it: "untranslated" … "needs_review"."""
    return UnitState(state).name.lower()


def username(user):
    return user.get_username() if user is not None else None


def moment(value):
    return value.isoformat() if value is not None else None


def _units(work):
    if work is None:
        return None
    return {
        "total": work.total,
        state_name(UnitState.UNTRANSLATED): work.untranslated,
        state_name(UnitState.OUTDATED): work.outdated,
        state_name(UnitState.DRAFT): work.draft,
        state_name(UnitState.NEEDS_REVIEW): work.review,
        state_name(UnitState.APPROVED): work.approved,
        "with_errors": work.errors,
    }


def cell_data(cell):
    """Return one language of a release (a ``records.dashboard.Cell``)."""
    work = None if cell.is_source else cell.work
    return {
        "state": cell.state,
        "source": cell.is_source,
        "published_revision": cell.published,
        "units": _units(work),
        "checked": cell.checked,
        "scheduled_at": moment(cell.schedule.publish_at) if cell.schedule else None,
    }


def release_data(row, request):
    """Return a release with its state per language (a ``records.dashboard.DashboardRow``)."""
    release = row.release
    url = reverse("api-release", args=[release.pk])
    return {
        "id": release.pk,
        "url": request.build_absolute_uri(url),
        "slug": release.slug,
        "title": translated(release, "title"),
        "date": release.date.isoformat(),
        "topic": {"slug": release.topic.slug, "name": translated(release.topic, "name")},
        "source_language": release.source_language,
        "revision": release.head_number,
        "languages": {cell.language: cell_data(cell) for cell in row.cells},
    }


def release_links(release, request):
    """Return the addresses of a release's own resources."""

    def absolute(name, *args):
        return request.build_absolute_uri(reverse(name, args=[release.pk, *args]))

    return {
        "revisions": absolute("api-release-revisions"),
        "diff": absolute("api-release-diff"),
        "units": {code: absolute("api-units", code) for code in release.target_languages},
    }


def revision_data(revision, published, current):
    """Return one revision; ``published``: ``{(language, revision id)}`` of publications,
    ``current``: ``{language: revision id}`` that readers see now."""
    return {
        "number": revision.number,
        "author": username(revision.author),
        "created_at": moment(revision.created_at),
        "message": revision.message,
        "checksum": revision.checksum,
        "source_language": getattr(revision, "source_language", None),
        "published": [code for code in languages.CODES if (code, revision.pk) in published],
        "current": [code for code in languages.CODES if current.get(code) == revision.pk],
    }


# --- diffs ----------------------------------------------------------------------------------


def _ops(ops):
    return [{"op": op.op, "text": op.text} for op in ops]


def _text_change(key, kind, status, moved, old, new, ops, positions=(None, None)):
    return {
        "key": key,
        "kind": kind,
        "status": status,
        "moved": moved,
        "old_position": positions[0],
        "new_position": positions[1],
        "old_text": old,
        "new_text": new,
        "ops": _ops(ops),
        "structure": None,
    }


def _segment(change):
    data = _text_change(
        change.key,
        "segment",
        change.status,
        change.moved,
        change.old_text,
        change.new_text,
        change.ops,
        (change.old_position, change.new_position),
    )
    data["structure"] = {
        "changed": change.structure_changed,
        "kind": change.kind,
        "level": change.level,
        "style": change.style,
        "old_kind": change.old_kind,
        "old_level": change.old_level,
        "old_style": change.old_style,
    }
    return data


def _photo(change):
    """Return the caption's and the credit's changes of one photo (those that changed, both
    when the photo was added, removed or moved)."""
    whole = change.status in ("added", "removed") or change.moved
    parts = [
        (CAPTION, change.old_caption, change.new_caption, change.caption_ops),
        (CREDIT, change.old_credit, change.new_credit, change.credit_ops),
    ]
    return [
        _text_change(
            f"{change.key}:{part}",
            part,
            change.status if whole else "changed",
            change.moved,
            old,
            new,
            ops,
            (change.old_position, change.new_position),
        )
        for part, old, new, ops in parts
        if whole or old != new
    ]


def language_diff_data(diff):
    """Return what changed in one language (a ``records.diff.LanguageDiff``), unit by unit:
    the title, each photo's caption and credit, each segment (unchanged units left out)."""
    units = []
    if diff.title_changed:
        units.append(
            _text_change(
                TITLE, TITLE, "changed", False, diff.old_title, diff.new_title, diff.title_ops
            )
        )
    for change in diff.photos:
        units.extend(_photo(change))
    units.extend(
        _segment(change) for change in diff.segments if change.status != UNCHANGED or change.moved
    )
    return {
        "changed": diff.changed,
        "metadata": [
            {"field": item.field, "old": item.old, "new": item.new} for item in diff.metadata
        ],
        "units": units,
    }


def diff_data(release, old, new, codes):
    """Return the changes from revision ``old`` to ``new`` in languages ``codes``."""
    diffs = diff_revisions_all(old.snapshot, new.snapshot, codes)
    return {
        "release": release.pk,
        "from_revision": old.number,
        "to_revision": new.number,
        "languages": {code: language_diff_data(diff) for code, diff in diffs.items()},
    }
