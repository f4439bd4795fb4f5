"""Import a translated PO or XLIFF file: one revision through the one write path, or none.

The file names its release, language and base revision. Under the release's lock every entry
is compared with the base revision (what the translator started from) and the head:

- translation equal to the base's (or already equal to the head's) → unchanged;
- changed, and the head still holds the base's translation → updated: submitted for review
  (an entry waiting for review stays there; one a reviewer of the language corrects while
  someone else's translation waits is revised, see ``review.states``), a draft when the entry
  is fuzzy (XLIFF: not confirmed), or outdated when the file's revision had another source
  text than the current one (reported);
- unchanged, but no longer fuzzy (XLIFF: confirmed) where the unit is outdated and the file
  shows the current source → confirmed for it and submitted, as the workbench's submit does;
- changed, but the server changed that translation since the base (or removed the unit) →
  a conflict: reported, the server's text kept (``strict``: the whole file is refused);
- unknown, duplicate, obsolete or empty entries → skipped and reported;
- entries a tool left without their unit key (PO ``msgctxt``, XLIFF ``id``) are matched by the
  label of Concord's comment and their source text, else by a source text only one unit has;
  any other is skipped, named by its label or text (:mod:`.matching`), never guessed.

All updates become one revision written by :func:`records.services.release_write`, whose
revision listeners move the unit states. A dry run reports the same without writing.
"""

from collections import Counter

from django.db import transaction
from django.utils.translation import gettext_lazy, gettext_noop

from config import languages
from records import permissions
from records.models import Release
from records.services import (
    REFUSE,
    REPORT,
    ActionNotAllowed,
    release_lock,
    release_write,
    revision_message,
    revision_snapshot,
)
from records.snapshots import DERIVED_FIELDS
from records.units import TITLE, translatable_units
from translations.exchange.matching import entries_match
from translations.exchange.report import ImportReport, ReportLine
from translations.exchange.services import exchange_format, language_check
from translations.exchange.units import ExchangeFileError, unit_label
from translations.review.actions import units_submit
from translations.review.comments import comment_add
from translations.review.models import MAX_COMMENT_CHARS, Comment, UnitStatus
from translations.review.vocabulary import UnitState

ERR_NO_AUTHOR = gettext_lazy("an import needs an author (the translator who made the file)")
ERR_NOT_ALLOWED = gettext_lazy("%(user)s may not edit the %(language)s text; nothing was imported")
ERR_NO_RELEASE = gettext_lazy("the file names release “%(slug)s”, which does not exist")
ERR_OTHER_RELEASE = gettext_lazy(
    "the file belongs to release “%(found)s”, not to “%(expected)s”; nothing was imported"
)
ERR_ID_SLUG = gettext_lazy(
    "the file names release “%(slug)s” with id %(id)s, but release %(id)s here is "
    "“%(actual)s”; export the file again from this Concord; nothing was imported"
)
ERR_OTHER_LANGUAGE = gettext_lazy(
    "the file is in %(found)s, not in %(expected)s; nothing was imported"
)
ERR_FUTURE_BASE = gettext_lazy(
    "the file is based on revision %(base)s, but release “%(slug)s” has only %(head)s revisions"
)
ERR_STRICT = gettext_lazy(
    "%(count)s entries conflict with changes made on the server since revision %(base)s; "
    "nothing was imported (strict mode): %(keys)s"
)


def _find_release(parsed, release):
    found = None
    if parsed.release_id is not None:
        found = Release.objects.filter(pk=parsed.release_id).first()
        if found is not None and parsed.slug and not _was_called(found, parsed.slug):
            # The id alone may be another database's: the slug must be this release's, now
            # or when it was published under it.
            raise ExchangeFileError(
                ERR_ID_SLUG % {"slug": parsed.slug, "id": parsed.release_id, "actual": found.slug}
            )
    if found is None:
        found = Release.objects.filter(slug=parsed.slug).first()
    if release is not None and (found is None or found.pk != release.pk):
        raise ExchangeFileError(
            ERR_OTHER_RELEASE % {"found": parsed.slug, "expected": release.slug}
        )
    if found is None:
        raise ExchangeFileError(ERR_NO_RELEASE % {"slug": parsed.slug})
    return found


def _was_called(release, slug):
    """Return whether ``slug`` is ``release``'s slug, now or in one of its publications."""
    return slug == release.slug or release.publications.filter(slug=slug).exists()


def _set_text(content, key, language, text):
    """Put ``text`` into the unit ``key`` of snapshot-shaped ``content``."""
    if key == TITLE:
        content["title"][language] = text
        return
    item_key, photo, part = key.partition(":")
    for item in content["photos"] if photo else content["segments"]:
        if item["key"] == item_key:
            item[part if photo else "text"][language] = text
            return


def _analyse(parsed, report, base_units, head_units, source, language, outdated=frozenset()):
    """Sort the file's entries into the report; return ``{key: text}`` to write, the keys to
    submit, the outdated keys the file confirms and ``{key: comments}`` to add."""
    counts = Counter(entry.key for entry in parsed.entries)
    changes, submit, duplicates = {}, set(), set()
    confirm, comments = [], {}
    for key, code in parsed.skipped:
        report.skipped.append(ReportLine(key, key or "—", code))
    for entry in parsed.entries:
        unit = head_units.get(entry.key) or base_units.get(entry.key)
        if unit is None:
            report.skipped.append(ReportLine(entry.key, entry.key, "unknown"))
            continue
        label = unit_label(unit)
        if counts[entry.key] > 1:
            # Which of two translations is meant cannot be told: neither is used.
            if entry.key not in duplicates:
                duplicates.add(entry.key)
                report.skipped.append(ReportLine(entry.key, label, "duplicate"))
            continue
        if entry.codes:
            report.notes.append(ReportLine(entry.key, label, "codes"))
        if entry.comments and entry.key in head_units:
            comments[entry.key] = entry.comments
            report.notes.append(ReportLine(entry.key, label, "comment"))
        base = base_units.get(entry.key)
        head = head_units.get(entry.key)
        base_text = base.text(language) if base else ""
        head_text = head.text(language) if head else ""
        if head is not None and entry.target == head_text:
            confirmed = entry.key in outdated and entry.target and not entry.fuzzy
            if confirmed and entry.source == head.text(source):
                # The translator saw the new source and kept the translation: a confirmation.
                confirm.append(entry.key)
                report.confirmed.append(ReportLine(entry.key, label, "confirmed"))
            else:
                report.unchanged += 1
            continue
        if entry.target == base_text:
            report.unchanged += 1
            continue
        if not entry.target:
            report.skipped.append(ReportLine(entry.key, label, "empty"))
            continue
        if head is None:
            report.conflicts.append(ReportLine(entry.key, label, "removed"))
            continue
        if base is not None and head_text != base_text:
            report.conflicts.append(ReportLine(entry.key, label, "changed"))
            continue
        changes[entry.key] = entry.target
        if entry.source != head.text(source):
            report.updated.append(ReportLine(entry.key, label, "source"))
        elif entry.fuzzy:
            report.updated.append(ReportLine(entry.key, label, "fuzzy"))
        else:
            report.updated.append(ReportLine(entry.key, label, "submitted"))
            submit.add(entry.key)
    return changes, submit, confirm, comments


def release_file_import(
    data, fmt="po", *, author, dry_run=False, strict=False, release=None, language=None
):
    """Import an exchange file (bytes) as one revision; return an :class:`ImportReport`.

    ``release`` and ``language``, when given (an upload on that release's page), must be the
    file's own. Refusals raise :class:`ExchangeFileError` or ``ActionNotAllowed``; nothing is
    written then.
    """
    parsed = exchange_format(fmt).load(data)
    if author is None:
        raise ExchangeFileError(ERR_NO_AUTHOR)
    if language is not None and parsed.language != language:
        raise ExchangeFileError(
            ERR_OTHER_LANGUAGE
            % {
                "found": languages.name_in_sentence(parsed.language),
                "expected": languages.name_in_sentence(language),
            }
        )
    found = _find_release(parsed, release)
    language_check(found, parsed.language)
    if parsed.language not in permissions.editable_languages(author):
        raise ActionNotAllowed(
            ERR_NOT_ALLOWED
            % {
                "user": author.get_username(),
                "language": languages.name_in_sentence(parsed.language),
            }
        )
    with transaction.atomic():
        locked = release_lock(found.pk)
        head = locked.head_number
        if parsed.revision > head:
            raise ExchangeFileError(
                ERR_FUTURE_BASE % {"base": parsed.revision, "slug": locked.slug, "head": head}
            )
        head_snapshot = revision_snapshot(locked, head)
        base_snapshot = (
            head_snapshot if parsed.revision == head else revision_snapshot(locked, parsed.revision)
        )
        source = head_snapshot.get("source_language", locked.source_language)
        report = ImportReport(locked, parsed.language, parsed.revision, head, dry_run)
        outdated = set(
            UnitStatus.objects.filter(
                release=locked, language=parsed.language, state=UnitState.OUTDATED
            ).values_list("key", flat=True)
        )
        base_units = {u.key: u for u in translatable_units(base_snapshot, source)}
        head_units = {u.key: u for u in translatable_units(head_snapshot, source)}
        for key, label, code in entries_match(
            parsed, base_units.values(), base_units.keys() | head_units.keys(), source
        ):
            # Matched entries are notes; those that could not be are skipped, by name.
            lines = report.notes if code in ("label", "by source", "joined") else report.skipped
            lines.append(ReportLine(key, label, code))
        changes, submit, confirm, comments = _analyse(
            parsed, report, base_units, head_units, source, parsed.language, outdated
        )
        if strict and report.conflicts:
            raise ExchangeFileError(
                ERR_STRICT
                % {
                    "count": len(report.conflicts),
                    "base": parsed.revision,
                    "keys": ", ".join(line.label for line in report.conflicts),
                }
            )
        if dry_run:
            return report
        if changes:
            # The source the file was made from: an entry translated against an older source
            # is outdated against the current one (its diff shown), not a draft of it.
            seen = {key: base_units[key].text(source) for key in changes if key in base_units}
            _write(
                locked,
                head_snapshot,
                changes,
                parsed,
                fmt,
                author,
                head,
                strict,
                {"submit": {parsed.language: submit}, "seen_sources": seen},
                report,
            )
        _comments_add(locked, parsed.language, comments, author)
        if confirm:
            units_submit(locked, parsed.language, confirm, author)
        return report


def _write(locked, head_snapshot, changes, parsed, fmt, author, head, strict, context, report):
    """Write the file's changed translations as one revision through the one write path."""
    content = {name: value for name, value in head_snapshot.items() if name not in DERIVED_FIELDS}
    content = _copy_texts(content)
    for key, text in changes.items():
        _set_text(content, key, parsed.language, text)
    result = release_write(
        content,
        author=author,
        message=revision_message(
            gettext_noop("Imported %(format)s file (%(language)s, based on revision %(n)s)"),
            {"format": fmt.upper(), "language": parsed.language, "n": parsed.revision},
        ),
        based_on=head,
        release_id=locked.pk,
        on_conflict=REFUSE if strict else REPORT,
        context=context,
    )
    report.revision = result.revision.number if result.revision else None


def _comments_add(release, language, comments, author):
    """Add the file's translator comments to their units, each once (a file imported again
    adds nothing)."""
    for key, texts in comments.items():
        known = set(
            Comment.objects.filter(release=release, key=key, language=language).values_list(
                "text", flat=True
            )
        )
        for text in texts:
            text = text[:MAX_COMMENT_CHARS]
            if text not in known:
                comment_add(release, key, language, text, author)
                known.add(text)


def _copy_texts(content):
    """Return a copy of ``content`` whose text mappings may be changed freely."""
    return {
        **content,
        "title": dict(content["title"]),
        "photos": [
            {**photo, "caption": dict(photo["caption"]), "credit": dict(photo["credit"])}
            for photo in content["photos"]
        ],
        "segments": [{**segment, "text": dict(segment["text"])} for segment in content["segments"]],
    }
