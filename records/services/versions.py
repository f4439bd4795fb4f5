"""Language versions: a release's text in another language, read from that language's file and
aligned by structure to the release's segments (the Japanese original, the Russian version).

The file must have the release's structure: the same segments in the same order, each of the
same sort (a heading or numbered paragraph, an item, a bullet, a paragraph, a note) and level.
Where it does not, nothing is written and the report names the file's line where the two
diverge. A note the release has and the file does not (an English "provisional translation"
note) is left out of the other language.

Photos pair by position when both sides have as many. Where one side writes some photos
without caption text (a Japanese page with credits only), those are left aside and the
captioned photos pair with the release's photos, or with its captioned ones, in order; a
caption missing on one side stays untranslated and never moves the others. Photos the release
does not have are left out and reported; only a pairing that cannot be told is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from config import languages

from ..alignment import PairingError, pairing_parse, proposal_build, proposal_choose, stale_message
from ..models import Release
from ..snapshots import DERIVED_FIELDS, snapshot_upgrade, translated
from ..vocabulary import SegmentKind
from .errors import ReleaseContentError
from .writing import release_write

_EXCERPT = 40
PROPOSAL_TO_REVIEW = gettext_lazy(
    "the file's structure differs from the release's: review the proposed pairing with "
    "--dry-run (or the admin's import preview) and accept it with --accept-alignment; nothing "
    "was written"
)
PHOTOS_LEFT_OUT = gettext_lazy(
    "the file's %(count)s photos cannot be paired with the release's: their captions are left "
    "untranslated"
)
# A list dash alone ("- 本文"): Japanese puts it before any line of a section.
_DASHES = frozenset("-－‐−–—")


class AlignmentError(ReleaseContentError):
    """A language version whose structure does not match the release; nothing was written."""

    def __init__(self, alignment):
        self.alignment = alignment
        super().__init__(alignment.divergence)


@dataclass(frozen=True)
class AlignedSegment:
    number: int  # the release's segment, 1-based
    kind: str
    level: int
    current: str  # the release's source text
    line: int | None  # the file's line (None: a note the file leaves out)
    text: str


@dataclass(frozen=True)
class Alignment:
    language: str
    title: str
    segments: tuple[AlignedSegment, ...]
    photos: tuple  # (the release's photo number, ParsedPhoto)
    divergence: str | None
    line: int | None
    # What was left out without being a divergence (photos the release does not have).
    notes: tuple = ()

    @property
    def ok(self):
        return self.divergence is None


def _shape(kind, level):
    """Return what must agree between a release segment and the file's: its sort and level."""
    if kind in (SegmentKind.HEADING, SegmentKind.NUMBERED):
        return ("numbered", level)
    if kind == SegmentKind.ITEM:
        return ("item", level)
    return (kind,)


def _agrees(found, segment):
    """Tell whether the file's segment has the structure of the release's segment."""
    wanted = _shape(segment["kind"], segment["level"])
    if found.kind == SegmentKind.BULLET and found.marker in _DASHES:
        # A list dash alone may open a bullet or a plain paragraph of a section.
        return wanted in (("bullet",), ("paragraph",))
    return _shape(found.kind, found.level) == wanted


def _describe(kind, level):
    names = dict(SegmentKind.choices)
    name = str(names.get(kind, kind))
    if kind in (SegmentKind.HEADING, SegmentKind.NUMBERED, SegmentKind.ITEM):
        return _("%(kind)s, level %(level)s") % {"kind": name, "level": level}
    return name


def _excerpt(text):
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


def alignment_plan(snapshot, parsed, language):
    """Align ``parsed`` (a text in ``language``) with ``snapshot``'s segments and photos."""
    source = snapshot.get("source_language", languages.DEFAULT_SOURCE)
    rows, problem = [], None
    release_segments = snapshot["segments"]
    parsed_segments = list(parsed.segments)
    index = 0
    for number, segment in enumerate(release_segments, start=1):
        current = segment["text"].get(source, "")
        found = parsed_segments[index] if index < len(parsed_segments) else None
        if segment["kind"] == SegmentKind.NOTE and (
            found is None or found.kind != SegmentKind.NOTE
        ):
            rows.append(
                AlignedSegment(number, segment["kind"], segment["level"], current, None, "")
            )
            continue
        if found is None:
            line = (parsed_segments[-1].line + 1) if parsed_segments else parsed.date_line
            problem = problem or (
                line,
                _("the file ends where the release still has segment %(n)s (%(kind)s): “%(text)s”")
                % {
                    "n": number,
                    "kind": _describe(segment["kind"], segment["level"]),
                    "text": _excerpt(current),
                },
            )
            break
        if not _agrees(found, segment) and problem is None:
            problem = (
                found.line,
                _(
                    "the file has a segment (%(found)s) where the release has segment %(n)s "
                    "(%(kind)s): “%(text)s”"
                )
                % {
                    "found": _describe(found.kind, found.level),
                    "n": number,
                    "kind": _describe(segment["kind"], segment["level"]),
                    "text": _excerpt(current),
                },
            )
        rows.append(
            AlignedSegment(
                number, segment["kind"], segment["level"], current, found.line, found.text
            )
        )
        index += 1
    if problem is None and index < len(parsed_segments):
        extra = parsed_segments[index]
        problem = (
            extra.line,
            ngettext(
                "the file has more segments than the release (%(count)s segment): “%(text)s”",
                "the file has more segments than the release (%(count)s segments): “%(text)s”",
                len(release_segments),
            )
            % {"count": len(release_segments), "text": _excerpt(extra.text)},
        )
    photos, notes = photo_pairs(snapshot["photos"], parsed.photos, source)
    if photos is None and problem is None:
        problem = (
            parsed.photos[0].line,
            ngettext(
                "the file has %(found)s photo (%(captioned)s with a caption) and the release "
                "%(count)s: which caption belongs to which photo cannot be told",
                "the file has %(found)s photos (%(captioned)s with a caption) and the release "
                "%(count)s: which caption belongs to which photo cannot be told",
                len(parsed.photos),
            )
            % {
                "found": len(parsed.photos),
                "captioned": sum(1 for photo in parsed.photos if photo.caption),
                "count": len(snapshot["photos"]),
            },
        )
    if problem is None and parsed.date.isoformat() != snapshot["date"]:
        problem = (
            parsed.date_line,
            _("the file's date %(found)s is not the release's %(date)s")
            % {"found": parsed.date.isoformat(), "date": snapshot["date"]},
        )
    line, message = problem if problem else (None, None)
    return Alignment(
        language=language,
        # A title guessed from the lead is no translation of the release's title.
        title="" if parsed.title_from_lead else parsed.title or "",
        segments=tuple(rows),
        photos=tuple(photos or ()),
        notes=tuple(notes),
        divergence=_("line %(line)s: %(message)s") % {"line": line, "message": message}
        if problem
        else None,
        line=line,
    )


def photo_pairs(release_photos, parsed_photos, source):
    """Return ``((release photo number, parsed photo) pairs, notes)``, or ``(None, ())`` when
    the photos cannot be paired (the module's docstring says how they are)."""
    count, found = len(release_photos), len(parsed_photos)
    if count == found:
        return list(enumerate(parsed_photos, start=1)), []
    captioned = [photo for photo in parsed_photos if photo.caption]
    left_out = [photo for photo in parsed_photos if not photo.caption]
    numbers = None
    if len(captioned) == count:
        numbers = range(1, count + 1)
    elif captioned:
        numbers = [
            number
            for number, photo in enumerate(release_photos, start=1)
            if photo["caption"].get(source)
        ]
        if len(numbers) != len(captioned):
            numbers = None
    if numbers is None and captioned and count:
        return None, ()
    if numbers is None:
        # Nothing to pair: the release has no photos, or the file no caption text.
        numbers, captioned, left_out = [], [], list(parsed_photos)
    notes = [
        _("line %(line)s: photo left out, no photo of the release pairs with it: “%(text)s”")
        % {"line": photo.line, "text": photo.caption or photo.credit}
        for photo in left_out
    ]
    return list(zip(numbers, captioned, strict=True)), notes


def content_with_language(snapshot, alignment):
    """Return ``snapshot`` (without derived fields) with ``alignment``'s texts in its language."""
    language = alignment.language
    content = {name: value for name, value in snapshot.items() if name not in DERIVED_FIELDS}
    texts = {row.number: row.text for row in alignment.segments if row.line is not None}
    content["segments"] = [
        {**segment, "text": {**segment["text"], language: texts[number]}}
        if number in texts
        else segment
        for number, segment in enumerate(snapshot["segments"], start=1)
    ]
    photos = dict(alignment.photos)
    content["photos"] = []
    for number, photo in enumerate(snapshot["photos"], start=1):
        parsed = photos.get(number)
        if parsed is not None:
            # A credit alone ("(写真提供:内閣広報室)") leaves the caption as it was.
            if parsed.caption:
                photo = {**photo, "caption": {**photo["caption"], language: parsed.caption}}
            if parsed.credit:
                photo = {**photo, "credit": {**photo["credit"], language: parsed.credit}}
        content["photos"].append(photo)
    if alignment.title:
        content["title"] = {**snapshot["title"], language: alignment.title}
    return content


class AlignmentProposalError(ReleaseContentError):
    """A language version whose structure differs: a proposal to review; nothing written."""

    def __init__(self, alignment, message):
        self.alignment = alignment
        super().__init__(message)


def release_import_language(
    parsed,
    *,
    language,
    into,
    author=None,
    message="",
    dry_run=False,
    accept_alignment=False,
    pairing=None,
    expected_head=None,
):
    """Fill ``language``'s title, captions and segment texts of release ``into`` from a parsed
    text in that language, as one revision based on the newest; return the alignment.

    A file with the release's structure is written as it is. Where the structure differs,
    the alignment is a :class:`records.alignment.Proposal`: ``dry_run`` returns it,
    ``accept_alignment`` writes it, ``pairing`` ({unit: form value}, made on revision
    ``expected_head``) writes an editor's choice instead; otherwise it is refused with
    :class:`AlignmentProposalError`. A file that shares nothing with the release is refused
    with :class:`AlignmentError`. Nothing is written when anything is refused.
    """
    release = Release.objects.select_related("topic").filter(slug=into).first()
    if release is None:
        raise ReleaseContentError(_("--into: no release with slug “%(slug)s”") % {"slug": into})
    head = release.head_number
    if expected_head is not None and expected_head != head:
        raise ReleaseContentError(stale_message(head, expected_head))
    snapshot = snapshot_upgrade(
        release.revisions.get(number=head).snapshot, translated(release.topic, "name")
    )
    alignment = alignment_plan(snapshot, parsed, language)
    if not alignment.ok or pairing is not None:
        divergence = alignment.divergence
        alignment = _proposal(snapshot, parsed, language, release, alignment, pairing)
        if not alignment.ok:
            raise AlignmentError(alignment)
        if not (dry_run or accept_alignment or pairing is not None):
            raise AlignmentProposalError(
                alignment,
                f"{divergence}; {PROPOSAL_TO_REVIEW}" if divergence else PROPOSAL_TO_REVIEW,
            )
    if dry_run:
        return alignment, None
    if not alignment.ok:
        raise AlignmentError(alignment)
    topic = parsed.topic if parsed.topic and parsed.topic != parsed.section else ""
    result = release_write(
        content_with_language(snapshot, alignment),
        author=author,
        message=message
        or _("%(language)s text imported from a file") % {"language": languages.name(language)},
        based_on=head,
        release_id=release.pk,
        topic_names={language: topic} if topic else None,
    )
    return alignment, result


def _proposal(snapshot, parsed, language, release, alignment, pairing):
    """Return the proposal for a file whose structure differs (or an editor's pairing)."""
    photos, notes = photo_pairs(snapshot["photos"], parsed.photos, alignment_source(snapshot))
    if photos is None:
        # Which caption is which cannot be told: every caption stays untranslated.
        photos, notes = [], [PHOTOS_LEFT_OUT % {"count": len(parsed.photos)}]
    proposal = proposal_build(
        snapshot,
        parsed,
        language,
        slug=release.slug,
        head=release.head_number,
        photos=photos,
        notes=notes,
        title=alignment.title,
    )
    if pairing is not None and proposal.ok:
        try:
            proposal = proposal_choose(proposal, pairing_parse(pairing, proposal))
        except PairingError as error:
            raise ReleaseContentError(str(error)) from None
    return proposal


def alignment_source(snapshot):
    return snapshot.get("source_language", languages.DEFAULT_SOURCE)
