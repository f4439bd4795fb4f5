"""Plain-text rendering of a language diff for the command line."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from .changes import LanguageDiff, PhotoChange, SegmentChange
from .text import ADDED, CHANGED, DELETE, INSERT, REMOVED, UNCHANGED, TextOp

# --------------------------------------------------------------------------
# Plain-text rendering
# --------------------------------------------------------------------------

_RED, _GREEN, _YELLOW, _CYAN, _BOLD, _RESET = (
    "\x1b[31m",
    "\x1b[32m",
    "\x1b[33m",
    "\x1b[36m",
    "\x1b[1m",
    "\x1b[0m",
)
_INDENT = "    "
_EXCERPT = 60


Escape = Callable[[str], str]


def _keep(text: str) -> str:
    return text


def _paint(text: str, color: str, enabled: bool) -> str:
    return f"{color}{text}{_RESET}" if enabled and text else text


def _word_diff(ops: Iterable[TextOp], color: bool, escape: Escape) -> str:
    parts = []
    for op in ops:
        text = escape(op.text)
        if op.op == DELETE:
            parts.append(_paint(f"[-{text}-]", _RED, color))
        elif op.op == INSERT:
            parts.append(_paint(f"{{+{text}+}}", _GREEN, color))
        else:
            parts.append(text)
    return "".join(parts)


def _body(text: str) -> list[str]:
    return [_INDENT + line for line in text.split("\n")]


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _EXCERPT else flat[: _EXCERPT - 1] + "…"


def _summary(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{counts[name]} {name}" for name in (ADDED, REMOVED, CHANGED, "moved"))


def _structure(change: SegmentChange) -> str:
    label = _kind_label(change.kind, change.level, change.style)
    if change.structure_changed:
        label += f" (was {_kind_label(change.old_kind, change.old_level, change.old_style)})"
    return label


def _kind_label(kind, level, style) -> str:
    label = kind if not level else f"{kind} level {level}"
    return f"{label} {style}" if style else label


def _segment_lines(change: SegmentChange, color: bool, escape: Escape) -> list[str]:
    label = _structure(change)
    old_no = (change.old_position or 0) + 1
    new_no = (change.new_position or 0) + 1
    move = f"moved {old_no}→{new_no}"
    if change.status == ADDED:
        return [_paint(f"+ [{new_no}] {label}", _GREEN, color), *_body(escape(change.new_text))]
    if change.status == REMOVED:
        return [_paint(f"- [{old_no}] {label}", _RED, color), *_body(escape(change.old_text))]
    if change.status == CHANGED:
        head = f"~ [{new_no}] {label}" + (f" > {move}" if change.moved else "")
        return [_paint(head, _YELLOW, color), *_body(_word_diff(change.ops, color, escape))]
    return [
        _paint(f"> {move} [{new_no}] {label}", _CYAN, color),
        _INDENT + escape(_excerpt(change.new_text)),
    ]


def _photo_lines(change: PhotoChange, color: bool, escape: Escape) -> list[str]:
    old_no = (change.old_position or 0) + 1
    new_no = (change.new_position or 0) + 1
    if change.status == ADDED:
        head, paint = f"+ photo [{new_no}]", _GREEN
    elif change.status == REMOVED:
        head, paint = f"- photo [{old_no}]", _RED
    elif change.status == CHANGED:
        head, paint = f"~ photo [{new_no}]", _YELLOW
        if change.moved:
            head += f" > moved {old_no}→{new_no}"
    else:
        head, paint = f"> moved {old_no}→{new_no} photo [{new_no}]", _CYAN
    lines = [_paint(head, paint, color)]
    for name, ops in (("caption", change.caption_ops), ("credit", change.credit_ops)):
        if ops:
            lines.append(f"{_INDENT}{name}: {_word_diff(ops, color, escape)}")
    return lines


def render_text_diff(diff: LanguageDiff, *, color: bool = False, escape: Escape = _keep) -> str:
    """Render a language diff as a git word-diff style plain-text report.

    ``escape`` is applied to every stored text shown (a terminal needs its control characters
    escaped: ``records.cli.printable``); the colours are added after it.
    """
    if not diff.changed:
        return _paint(f"[{diff.language}] no changes", _BOLD, color) + "\n"
    header = f"[{diff.language}] segments: {_summary(diff.counts())}"
    for change in diff.metadata:
        header += f"; {change.field} changed"
    if diff.title_changed:
        header += "; title changed"
    photo_counts = diff.photo_counts()
    if any(photo_counts.values()):
        header += f"; photos: {_summary(photo_counts)}"
    lines = [_paint(header, _BOLD, color)]
    for change in diff.metadata:
        old, new = escape(change.old or "—"), escape(change.new or "—")
        line = f"~ {change.field}: {old} → {new}"
        lines.append(_paint(line, _YELLOW, color))
    if diff.title_changed:
        lines.append(_paint("~ title", _YELLOW, color))
        lines.extend(_body(_word_diff(diff.title_ops, color, escape)))
    for change in diff.segments:
        if change.status != UNCHANGED or change.moved:
            lines.extend(_segment_lines(change, color, escape))
    for photo in diff.photos:
        if photo.status != UNCHANGED or photo.moved:
            lines.extend(_photo_lines(photo, color, escape))
    return "\n".join(lines) + "\n"
