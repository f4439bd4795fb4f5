"""A second language's proposal for one release: units and blocks read from the snapshot and
the parsed file, the pairing, its photos, and the pairing an editor chose instead (validated:
unknown blocks, a block used twice, a stale head are refused with a clear message)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from config import languages

from ..numbering import segment_labels
from .anchors import anchors
from .proposal import (
    PAIRED,
    RATIOS,
    SPLIT_FIRST,
    SPLIT_SECOND,
    Block,
    Unit,
    piece_text,
    pieces_of,
    propose,
    sentence_cuts,
    split_at,
)

UNKNOWN_UNIT = gettext_lazy("the pairing names segment %(unit)s, which the release does not have")
UNKNOWN_BLOCK = gettext_lazy("segment %(unit)s: the file has no block “%(choice)s”")
NO_HALVES = gettext_lazy(
    "segment %(unit)s: block %(block)s is one sentence and cannot be split in two"
)
USED_TWICE = gettext_lazy("block %(block)s is given to more than one segment")
SHARES_NOTHING = gettext_lazy(
    "the file shares nothing with release “%(slug)s”: no number, date, marker or name of its "
    "%(blocks)s blocks is in the release's %(units)s segments, and its length is %(ratio)s× "
    "what a %(language)s version of this release would have; is it the right release?"
)
SHARES_NO_ANCHOR = gettext_lazy(
    "the file shares nothing with release “%(slug)s”: none of its numbers, dates, markers or "
    "names is in the release; is it the right release?"
)
OTHER_DATE = gettext_lazy("the file's date %(found)s is not the release's %(date)s")
_SUFFIX = {PAIRED: "", SPLIT_FIRST: "a", SPLIT_SECOND: "b"}


class PairingError(ValueError):
    """A chosen pairing that names what the file or release does not have; nothing written."""


@dataclass(frozen=True)
class Row:
    """One unit's side of the proposal (what content_with_language writes)."""

    number: int
    kind: str
    level: int
    current: str
    line: int | None
    text: str
    pieces: tuple = ()


@dataclass(frozen=True)
class Proposal:
    language: str
    title: str
    head: int
    units: tuple[Unit, ...]
    blocks: tuple[Block, ...]
    pairs: tuple
    segments: tuple[Row, ...]
    photos: tuple = ()
    notes: tuple = ()
    refusal: str | None = None
    chosen: bool = field(default=False)  # an editor's pairing, not the proposal's
    ratio: float = 1.0  # characters of the file's language per character of the release's

    @property
    def ok(self):
        return self.refusal is None

    @property
    def divergence(self):
        return self.refusal

    def block(self, index):
        return self.blocks[index - 1]


def choice_value(pieces):
    """Return the form value of what a unit takes: "", "3", "3+4", "3a", "3b"."""
    return "+".join(f"{block}{_SUFFIX[part]}" for block, part in pieces)


def proposed_values(proposal):
    """Return {unit number: form value} of the proposal's own pairing (an editor's changes
    are the values that differ)."""
    taken, _cuts = pieces_of(proposal.pairs, proposal.blocks)
    return {unit.number: choice_value(taken.get(unit.number, ())) for unit in proposal.units}


def choice_options(blocks):
    """Return (value, label) of every choice a unit may take from ``blocks``."""
    options = []
    for block in blocks:
        options.append((str(block.index), _("block %(n)s") % {"n": block.index}))
        if sentence_cuts(block.text):
            options.append((f"{block.index}a", _("block %(n)s, first part") % {"n": block.index}))
            options.append((f"{block.index}b", _("block %(n)s, second part") % {"n": block.index}))
    for first, second in zip(blocks, blocks[1:], strict=False):
        options.append(
            (
                f"{first.index}+{second.index}",
                _("blocks %(first)s and %(second)s")
                % {"first": first.index, "second": second.index},
            )
        )
    return options


def _parse_choice(value, unit, blocks):
    value = (value or "").strip()
    if not value:
        return ()
    pieces = []
    for piece in value.split("+"):
        part = {"a": SPLIT_FIRST, "b": SPLIT_SECOND}.get(piece[-1:], PAIRED)
        digits = piece[:-1] if part != PAIRED else piece
        if not digits.isdigit() or not 1 <= int(digits) <= len(blocks):
            raise PairingError(UNKNOWN_BLOCK % {"unit": unit, "choice": value})
        block = int(digits)
        if part != PAIRED and not sentence_cuts(blocks[block - 1].text):
            raise PairingError(NO_HALVES % {"unit": unit, "block": block})
        pieces.append((block, part))
    return tuple(pieces)


def pairing_parse(choices, proposal):
    """Return {unit: pieces} from form values {unit number: "3+4"}; refuse what cannot be."""
    numbers = {unit.number for unit in proposal.units}
    taken, used = {}, {}
    for unit, value in choices.items():
        if unit not in numbers:
            raise PairingError(UNKNOWN_UNIT % {"unit": unit})
        taken[unit] = _parse_choice(value, unit, proposal.blocks)
        for block, part in taken[unit]:
            parts = used.setdefault(block, set())
            # A block goes whole to one unit, or its two parts to one unit each.
            if part in parts or (parts and (part == PAIRED or PAIRED in parts)):
                raise PairingError(USED_TWICE % {"block": block})
            parts.add(part)
    return taken


def _cuts(units, blocks, taken, ratio):
    """Return where each block two units share is cut: at the sentence boundary that best
    fits the lengths of the units taking its first and second parts."""
    takers = {}
    for unit in units:
        for block, part in taken.get(unit.number, ()):
            if part != PAIRED:
                takers.setdefault(block, {})[part] = len(unit.text)
    return {
        block: split_at(
            blocks[block - 1].text, parts.get(SPLIT_FIRST), parts.get(SPLIT_SECOND), ratio
        )
        for block, parts in takers.items()
    }


def _rows(units, blocks, taken, language, cuts):
    joiner = "" if language == "ja" else " "
    rows = []
    for unit in units:
        pieces = taken.get(unit.number, ())
        text = joiner.join(piece_text(blocks[b - 1].text, part, cuts.get(b)) for b, part in pieces)
        line = blocks[pieces[0][0] - 1].line if pieces else None
        rows.append(Row(unit.number, unit.kind, unit.level, unit.text, line, text, pieces))
    return tuple(rows)


def _refusal(pairs, units, blocks, ratio, slug, language):
    """Return why the file shares nothing with the release, or None."""
    if any(pair.shared for pair in pairs):
        return None

    def facts(text):
        # A name one side writes and the other cannot (Japan, 日本) is no sign of another text.
        return any(kind not in ("marker", "proper") for kind, *_rest in anchors(text))

    expected = sum(len(unit.text) for unit in units) * ratio
    off = sum(len(block.text) for block in blocks) / expected if expected else 0
    if off and 0.5 <= off <= 2:
        if any(facts(u.text) for u in units) and any(facts(b.text) for b in blocks):
            return str(SHARES_NO_ANCHOR % {"slug": slug})
        return None
    return str(
        SHARES_NOTHING
        % {
            "slug": slug,
            "blocks": len(blocks),
            "units": len(units),
            "ratio": f"{off:.1f}",
            "language": languages.name_in_sentence(language),
        }
    )


def proposal_build(snapshot, parsed, language, *, slug, head, photos=(), notes=(), title=""):
    """Return the proposal pairing ``parsed``'s segments with ``snapshot``'s (in order)."""
    source = snapshot.get("source_language", languages.DEFAULT_SOURCE)
    labels = segment_labels(snapshot["segments"], source)
    units = tuple(
        Unit(number, segment["kind"], segment["level"], segment["text"].get(source, ""), label)
        for number, (segment, label) in enumerate(
            zip(snapshot["segments"], labels, strict=True), start=1
        )
    )
    blocks = tuple(
        Block(index, found.kind, found.level, found.text, found.line, found.marker)
        for index, found in enumerate(parsed.segments, start=1)
    )
    pairs = tuple(propose(units, blocks, source, language))
    refusal = None
    if parsed.date.isoformat() != snapshot["date"]:
        refusal = _("line %(line)s: %(message)s") % {
            "line": parsed.date_line,
            "message": OTHER_DATE % {"found": parsed.date.isoformat(), "date": snapshot["date"]},
        }
    ratio = RATIOS.get(language, 1.0) / RATIOS.get(source, 1.0)
    refusal = refusal or _refusal(pairs, units, blocks, ratio, slug, language)
    taken, cuts = pieces_of(pairs, blocks)
    return Proposal(
        language=language,
        title=title,
        head=head,
        units=units,
        blocks=blocks,
        pairs=pairs,
        segments=_rows(units, blocks, taken, language, cuts),
        photos=tuple(photos),
        notes=tuple(notes),
        refusal=refusal,
        ratio=ratio,
    )


def proposal_choose(proposal, taken):
    """Return ``proposal`` with an editor's pairing ``taken`` ({unit: pieces}) instead."""
    cuts = _cuts(proposal.units, proposal.blocks, taken, proposal.ratio)
    rows = _rows(proposal.units, proposal.blocks, taken, proposal.language, cuts)
    return Proposal(
        **{**proposal.__dict__, "segments": rows, "chosen": True},
    )


def stale_message(head, expected):
    return _(
        "the release has changed since the proposal (revision %(head)s, the proposal was made "
        "on revision %(expected)s): preview the file again"
    ) % {"head": head, "expected": expected}
