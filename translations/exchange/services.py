"""Release exchange files: export one release in one target language as PO or XLIFF.

The file holds one entry per translatable unit with its source text, its translation at the
chosen revision, its review state and the glossary terms its source contains. Import lives in
:mod:`.imports`.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC
from pathlib import PurePath

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from config import languages
from records.models import Release, Revision
from records.services import revision_snapshot
from records.units import text_checksum, translatable_units
from translations.checks.services import glossary_matcher
from translations.exchange import po, xliff
from translations.exchange.units import ExchangeFile, ExchangeFileError, ExchangeUnit, TermNote
from translations.glossary.models import GlossaryState
from translations.glossary.vocabulary import TermStatus
from translations.review.models import UnitStatus
from translations.review.vocabulary import UnitState

ERR_REVISION = gettext_lazy("release “%(slug)s” has no revision %(n)s (the newest is %(head)s)")
ERR_FORMAT = gettext_lazy("unknown exchange format “%(format)s” (expected %(known)s)")
APPROVED_TERMS = (TermStatus.PREFERRED, TermStatus.ADMITTED)


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    content_type: str
    dump: object
    load: object


FORMATS = {
    "po": Format("po", ".po", po.CONTENT_TYPE, po.po_dump, po.po_load),
    "xliff": Format("xliff", ".xlf", xliff.CONTENT_TYPE, xliff.xliff_dump, xliff.xliff_load),
}


def exchange_format(name):
    """Return the :class:`Format` called ``name`` ("po", "xliff")."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ExchangeFileError(
            ERR_FORMAT % {"format": name, "known": ", ".join(FORMATS)}
        ) from None


def exchange_format_for(filename):
    """Return the format an uploaded file's name says: "xliff" for the XLIFF suffixes (.xlf,
    .xliff, .mqxliff, .sdlxliff …), else "po"."""
    return "xliff" if PurePath(filename or "").suffix.lower() in xliff.SUFFIXES else "po"


def language_check(release, language):
    """Refuse a language that is not one of ``release``'s targets."""
    refusal = release.target_refusal(language)
    if refusal:
        raise ExchangeFileError(refusal)


def _term_notes(source_matcher, target_terms, text):
    """Return the term notes of a source text: each concept once, in order of occurrence."""
    notes, seen = [], set()
    for match in sorted(source_matcher.find(text), key=lambda m: (m.start, m.end)):
        concept = match.term.concept_id
        if concept in seen:
            continue
        seen.add(concept)
        terms = target_terms.get(concept, [])
        notes.append(
            TermNote(
                source=match.term.text,
                targets=tuple(t.text for t in terms if t.status in APPROVED_TERMS),
                avoid=tuple(t.text for t in terms if t.status not in APPROVED_TERMS),
            )
        )
    return tuple(notes)


def _state(row, source, target, at_head):
    """Return (state, previous source) of a unit.

    Rows hold the head revision's states. For an older revision a row counts only while both
    texts are the same as then (and an outdated row, whose source changed later, was not
    outdated then); any other unit with a translation is a draft.
    """
    if row is not None and at_head:
        return row.state, (row.source_previous if row.state == UnitState.OUTDATED else "")
    if not target.strip():
        return UnitState.UNTRANSLATED, ""
    if (
        row is not None
        and row.state != UnitState.OUTDATED
        and row.target_checksum == text_checksum(target)
        and row.source_checksum == text_checksum(source)
    ):
        return row.state, ""
    return UnitState.DRAFT, ""


def release_exchange(release, language, revision=None):
    """Return the :class:`ExchangeFile` of ``release`` in ``language`` at ``revision``."""
    language_check(release, language)
    number = revision or release.head_number
    created = (
        Revision.objects.filter(release=release, number=number)
        .values_list("created_at", flat=True)
        .first()
    )
    if created is None:
        raise ExchangeFileError(
            ERR_REVISION % {"slug": release.slug, "n": number, "head": release.head_number}
        )
    snapshot = revision_snapshot(release, number)
    source = snapshot.get("source_language", release.source_language)
    version = GlossaryState.current()
    source_matcher = glossary_matcher(source, version)
    target_terms = defaultdict(list)
    for term in glossary_matcher(language, version).terms:
        target_terms[term.concept_id].append(term)
    rows = {row.key: row for row in UnitStatus.objects.filter(release=release, language=language)}
    units = []
    for unit in translatable_units(snapshot, source):
        source_text, target_text = unit.text(source), unit.text(language)
        state, previous = _state(
            rows.get(unit.key), source_text, target_text, number == release.head_number
        )
        units.append(
            ExchangeUnit(
                key=unit.key,
                kind=unit.kind,
                number=unit.number,
                source=source_text,
                target=target_text,
                state=state,
                previous=previous,
                terms=_term_notes(source_matcher, target_terms, source_text),
            )
        )
    return ExchangeFile(
        release_id=release.pk,
        slug=snapshot["slug"],
        title=snapshot["title"].get(source, ""),
        source_language=source,
        language=language,
        plural_forms=languages.get(language).plural_forms,
        revision=number,
        revision_time=created.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        units=tuple(units),
    )


def release_file_name(release, language, revision, fmt):
    """Return the download name of an exchange file ("<slug>.r<N>.<language>.po")."""
    extension = exchange_format(fmt).extension
    return f"{release.slug}.r{revision or release.head_number}.{language}{extension}"


def release_file_export(release, language, fmt="po", revision=None):
    """Return the bytes of ``release``'s exchange file in ``language`` (format ``fmt``)."""
    return exchange_format(fmt).dump(release_exchange(release, language, revision))


def release_by_slug(slug):
    """Return the release with ``slug``, or refuse with a clear message."""
    release = Release.objects.select_related("topic").filter(slug=slug).first()
    if release is None:
        raise ExchangeFileError(_("there is no release “%(slug)s”") % {"slug": slug})
    return release
