"""What a translator sees of a unit before and while typing: the glossary terms its source
uses (on every workbench row, before any save or check) and the checks of a text not saved.

Reads only. The terms of a whole page come from the cached matchers in one query
(:func:`translations.checks.live.unit_terms`); a unit's live check reads its source from the
working copy (which every write keeps equal to the newest revision) in one indexed query.
"""

import uuid
from dataclasses import dataclass

from django.utils.translation import gettext as _

from config.limits import MAX_UNIT_CHARS
from records.models import Photo, Segment
from records.snapshots import translated
from records.units import CAPTION, CREDIT, TITLE
from translations.checks import CHECKS
from translations.checks.calendar import last_date
from translations.checks.live import unit_check, unit_terms
from translations.checks.vocabulary import Severity

# The "severity" the source's term marks are drawn with (``highlight`` tag, workbench.css).
TERM_MARK = "term"


class UnitUnknown(LookupError):
    """The release has no translatable unit with the key asked for."""


class LiveCheckRefused(ValueError):
    """The text cannot be checked as sent (missing, too long); nothing was done."""


def terms_attach(rows):
    """Give each workbench row ``terms``: the concepts its source uses, with their target
    terms (see :func:`translations.checks.live.unit_terms`). One query for all ``rows``."""
    groups = {}
    for row in rows:
        groups.setdefault((row.source_language, row.language), []).append(row)
    for (source, language), group in groups.items():
        found = unit_terms(source, language, {row.key: row.source for row in group})
        for row in group:
            row.terms = found.get(row.key, [])
    return rows


def term_spans(terms):
    """Return the marks of ``terms`` in their source text, for the ``highlight`` tag."""
    spans = []
    for term in terms:
        accepted = ", ".join(target.text for target in term.accepted) or "—"
        title = _("Glossary: %(terms)s") % {"terms": accepted}
        spans.extend((start, end, TERM_MARK, title) for start, end in term.spans)
    return spans


def unit_source(release, key):
    """Return the source text of ``release``'s unit ``key`` as the newest revision has it.

    Raise :class:`UnitUnknown` for a key the release has no translatable unit for (no such
    segment or photo, or a blank source text).
    """
    source = release.source_language
    if key == TITLE:
        text = translated(release, "title")[source]
    else:
        photo_key, _colon, part = key.partition(":")
        try:
            unit_uuid = uuid.UUID(photo_key)
        except ValueError:
            raise UnitUnknown(key) from None
        if part in (CAPTION, CREDIT) and photo_key == str(unit_uuid):
            found = Photo.objects.filter(release=release, key=unit_uuid).first()
            text = translated(found, part)[source] if found else ""
        elif not part and key == str(unit_uuid):
            found = Segment.objects.filter(release=release, key=unit_uuid).first()
            text = translated(found, "text")[source] if found else ""
        else:
            raise UnitUnknown(key)
    if not text.strip():
        raise UnitUnknown(key)
    return text


@dataclass(frozen=True)
class LiveFinding:
    """A finding of a text not saved, as the workbench's script shows it."""

    check: str
    check_name: str
    severity: str
    message: str
    suggestion: str
    # Offsets in the translation and in the source (None where the finding has none).
    start: int | None
    end: int | None
    source_start: int | None
    source_end: int | None
    # The words of the translation the finding is about.
    text: str

    def as_json(self):
        return {
            "check": self.check,
            "check_name": self.check_name,
            "severity": self.severity,
            "severity_label": str(Severity(self.severity).label),
            "message": self.message,
            "suggestion": self.suggestion,
            "span": None if self.start is None else [self.start, self.end],
            "source_span": None
            if self.source_start is None
            else [self.source_start, self.source_end],
            "text": self.text,
        }


def _message(finding):
    """Return the finding's message in the active language, as stored findings show it."""
    if not finding.template:
        return finding.message
    try:
        return _(finding.template).format(**finding.params)
    except (KeyError, IndexError, ValueError):
        return finding.message


def _date_before(release, key):
    """Return the last date the release's source names in the segments before segment
    ``key`` (what the release-wide check reads 同日 at its start against), or None."""
    if ":" in key or key == TITLE:
        return None
    position = Segment.objects.filter(release=release, key=key).values("position")[:1]
    texts = (
        Segment.objects.filter(release=release, position__lt=position)
        .order_by("position")
        .values_list(f"text_{release.source_language}", flat=True)
    )
    return last_date(texts, release.source_language, release.date)


def live_check(release, language, key, text):
    """Return the :class:`LiveFinding` list of ``text`` as ``release``'s unit ``key`` in
    ``language`` (a target of the release), against the unit's current source. Writes
    nothing; refuses an unknown unit (:class:`UnitUnknown`) or a text beyond the limit."""
    if text is None:
        raise LiveCheckRefused(_("no text was sent to check"))
    if len(text) > MAX_UNIT_CHARS:
        raise LiveCheckRefused(
            _("the text is too long to check (%(length)s characters; at most %(max)s)")
            % {"length": len(text), "max": MAX_UNIT_CHARS}
        )
    source_text = unit_source(release, key)
    findings = unit_check(
        release.source_language,
        language,
        key,
        source_text,
        text,
        release.date,
        date_before=_date_before(release, key),
    )
    return [
        LiveFinding(
            check=finding.check,
            check_name=_(CHECKS[finding.check].name),
            severity=finding.severity,
            message=_message(finding),
            suggestion=finding.suggestion,
            start=finding.start,
            end=finding.end,
            source_start=finding.source_start,
            source_end=finding.source_end,
            text=text[finding.start : finding.end] if finding.start is not None else "",
        )
        for finding in findings
    ]
