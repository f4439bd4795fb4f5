"""Previews of a parsed release text and of a language version's alignment, for the
import_release command (``--dry-run``) and the admin import page."""

from django.conf import settings
from django.utils.translation import gettext as _

from .numbering import segment_labels
from .vocabulary import SegmentKind

_EXCERPT = 70


def _excerpt(text):
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


def parsed_preview(parsed, language):
    """Return the structure a parsed text would give: title, date, photos and segments with
    their numbers in ``language``, each marked with the doubts the parser had about it."""
    doubts = {}
    for doubt in parsed.doubts:
        doubts.setdefault(doubt.line, []).append(doubt.message)
    structure = [{"kind": s.kind, "level": s.level, "style": s.style} for s in parsed.segments]
    kinds = dict(SegmentKind.choices)
    return {
        "title": parsed.title or "",
        "headline": parsed.headline,
        # A title taken from the lead's first sentence is a guess the editor confirms.
        "title_doubtful": parsed.title_from_lead,
        "topic": parsed.topic,
        # Where a file that names no topic goes.
        "default_topic": "" if parsed.topic else settings.CONCORD_DEFAULT_TOPIC,
        "section": parsed.section,
        "date": parsed.date,
        "photos": [
            {
                "line": photo.line,
                "caption": photo.caption,
                "credit": photo.credit,
                "doubts": doubts.get(photo.line, []),
            }
            for photo in parsed.photos
        ],
        "segments": [
            {
                "line": segment.line,
                "kind": str(kinds.get(segment.kind, segment.kind)),
                "level": segment.level,
                "style": segment.style,
                "label": label,
                "text": segment.text,
                "doubts": doubts.get(segment.line, []),
            }
            for segment, label in zip(
                parsed.segments, segment_labels(structure, language), strict=True
            )
        ],
        "doubts": [
            {"line": doubt.line, "message": doubt.message}
            for doubt in parsed.doubts
            if doubt.line not in {p.line for p in parsed.photos}
            and doubt.line not in {s.line for s in parsed.segments}
        ],
    }


def preview_lines(preview):
    """Return the preview as lines of text (``?`` marks a doubtful line)."""
    title = _("title: %(title)s") % {"title": preview["title"]}
    topic = preview["topic"] or _("— (the default topic: %(slug)s)") % {
        "slug": preview["default_topic"]
    }
    lines = [
        f"? {title}" if preview["title_doubtful"] else title,
        _("topic: %(topic)s") % {"topic": topic},
        _("date: %(date)s") % {"date": preview["date"].isoformat()},
    ]
    if preview["section"]:
        lines.append(_("section: %(section)s") % {"section": preview["section"]})
    for doubt in preview["doubts"]:
        lines.append(f"? line {doubt['line']}: {doubt['message']}")
    for number, photo in enumerate(preview["photos"], start=1):
        mark = "?" if photo["doubts"] else " "
        credit = f" ({photo['credit']})" if photo["credit"] else ""
        lines.append(f"{mark} {photo['line']:>4}  photo {number}: {photo['caption']}{credit}")
    for segment in preview["segments"]:
        mark = "?" if segment["doubts"] else " "
        kind = f"{segment['kind']} {segment['level']}" if segment["level"] else segment["kind"]
        lines.append(
            f"{mark} {segment['line']:>4}  {kind:<22} {segment['label']:>7} "
            f"{_excerpt(segment['text'])}"
        )
        lines.extend(f"        ? {message}" for message in segment["doubts"])
    return lines


def target_lines(target):
    """Return where an import goes as lines of text: the topic (existing or new, its slug)
    and the release (new, or a new revision), with the refusal the import would meet."""
    if target.topic_exists:
        topic = _("topic slug: %(slug)s (the existing topic “%(name)s”)")
    else:
        topic = _("topic slug: %(slug)s (a new topic “%(name)s”, created by the import)")
    if target.release_exists:
        release = _("release slug: %(slug)s (a new revision of the existing release)")
    else:
        release = _("release slug: %(slug)s (a new release)")
    lines = [
        topic % {"slug": target.topic_slug, "name": target.topic_name},
        release % {"slug": target.release_slug or "—"},
    ]
    if target.refusal:
        lines.append(f"! {target.refusal}")
    return lines


def alignment_lines(alignment):
    """Return an alignment as lines of text: the release's segment beside the file's line."""
    lines = [_("title: %(title)s") % {"title": alignment.title}]
    for number, photo in alignment.photos:
        caption = photo.caption or _("(no caption text)")
        lines.append(f"  photo {number} ← line {photo.line}: {caption} ({photo.credit})")
    for row in alignment.segments:
        where = f"line {row.line}" if row.line is not None else _("(not in this language)")
        lines.append(
            f"  {row.number:>4} {row.kind:<10} {_excerpt(row.current)[:30]:<30} ← {where}: "
            f"{_excerpt(row.text)}"
        )
    lines.extend(f"  {note}" for note in alignment.notes)
    if alignment.divergence:
        lines.append(_("diverges at %(where)s") % {"where": alignment.divergence})
    return lines


def _short(text, width):
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def proposal_rows(proposal):
    """Return the proposal's pairs as rows for a side-by-side view: the pair type, its
    confidence, the release's segments and the file's blocks each pair joins."""
    units = {unit.number: unit for unit in proposal.units}
    rows = []
    for pair in proposal.pairs:
        rows.append(
            {
                "kind": pair.kind,
                "confidence": pair.confidence,
                "units": [units[number] for number in pair.units],
                "blocks": [proposal.block(index) for index in pair.blocks],
            }
        )
    return rows


def proposal_lines(proposal):
    """Return a proposal as lines of text: pair type, confidence, release beside file."""
    lines = [_("proposed pairing (the file's structure differs from the release's):")]
    if proposal.title:
        lines.append(_("title: %(title)s") % {"title": proposal.title})
    for number, photo in proposal.photos:
        caption = photo.caption or _("(no caption text: the caption stays untranslated)")
        lines.append(f"  photo {number} ← line {photo.line}: {caption}")
    for row in proposal_rows(proposal):
        left = " / ".join(f"{u.number} {_short(u.text, 30)}" for u in row["units"]) or "—"
        right = " / ".join(f"line {b.line} {_short(b.text, 30)}" for b in row["blocks"]) or "—"
        lines.append(f"  {row['kind']:<4} {row['confidence']:.2f}  {left:<40} ← {right}")
    lines.extend(f"  {note}" for note in proposal.notes)
    if proposal.refusal:
        lines.append(proposal.refusal)
    return lines
