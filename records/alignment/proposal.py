"""A proposed pairing of a file's blocks with a release's units, for texts whose structure
differs (captions on one side only, a heading against a paragraph, one paragraph against two).

Dynamic programming over order, as Gale and Church aligned sentences: each step pairs one unit
with one block (1:1), one unit with two blocks (1:2, the unit takes both), two units with one
block (2:1, the block cut at the sentence boundary whose two parts best match the two units'
lengths at the language pair's ratio; a one-sentence block goes to the unit it pairs with
better and the other stays untranslated), or leaves a unit untranslated (1:0) or a block out
(0:1). A step costs its prior (1:1 cheapest), the length difference against the language
pair's expected ratio, the anchors the two sides share or do not (numbers, dates, numbering
markers, Latin names; names in any script count only when both sides write them) and whether
their kinds agree. Each pair's confidence (0–1) comes from
its cost. Pure Python: no database.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from ..vocabulary import SegmentKind
from .anchors import anchors
from .names import loose_key

# Characters of the target per character of the source, measured on tests/data (the seed
# release and the made-up originals): Japanese ≈ 0.30–0.32 of English, Russian ≈ 0.9–1.03.
RATIOS = {"ja": 0.31, "en": 1.0, "ru": 1.0}
# Gale–Church's variance per character (6.8 for European pairs), scaled by the ratio.
VARIANCE = 6.8
PRIORS = {"1:1": 0.0, "1:2": 2.3, "2:1": 2.3, "1:0": 4.0, "0:1": 4.0}
NOTE_LEFT_OUT = 0.5  # a note only one side has (an English "provisional translation")
SHARED = 1.5  # per shared anchor (numbers, dates, names), at most four counted
UNSHARED = 0.5  # per anchor on one side only, at most six counted
MARKER_AGREES, MARKER_DIFFERS = 1.0, 1.5
KIND_DIFFERS, DASH_PARAGRAPH = 0.8, 0.2
# A list is written with bullets on one side and numbers (or plain paragraphs) on the other.
LIST_DIFFERS = 0.3
# A heading introduces what follows it: joined to what precedes it (a paragraph and the next
# section's heading, two headings) it is someone else's title.
HEADING_JOINED = 2.0
# A heading without a marker is a short line that ends no sentence ("North Korea issue",
# 「【参考】」): at most this many characters per character of English.
UNMARKED_HEADING = 60
# A short pair whose neighbours pair one to one (or that stands at an end of the text) is
# placed by order: its confidence is at least its neighbours'. Short: at most this many
# characters per character of English on the release's side.
SHORT_PAIR = 40
# A note ("The foregoing is a provisional translation") translates only a note.
NOTE_DIFFERS = 5.0
_DASHES = frozenset("-－‐−–—")
# Where a block may be cut between two sentences: after a Japanese stop, or after a stop
# followed by a space and a capital that does not end a title ("Mr. YAMADA") or "No.".
_SENTENCE_END = re.compile(
    r"(?<=[。！？])\s*|(?<=[.!?])(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)(?<!\bDr\.)(?<!\bNo\.)"
    r"(?<!\bSt\.)(?<!\bH\.E\.)[\"'”’»)]*\s+(?=[\"“«(]?[A-ZА-ЯЁ])"
)
_STOPS = (".", "!", "?", "。", "！", "？", "．", ":", "：")
_CLOSERS = "\"'”’»)]）」』"

PAIRED, SPLIT_FIRST, SPLIT_SECOND = 0, 1, 2


@dataclass(frozen=True)
class Unit:
    number: int  # 1-based, the release's segment
    kind: str
    level: int
    text: str  # in the release's source language
    marker: str


@dataclass(frozen=True)
class Block:
    index: int  # 1-based, the file's segment
    kind: str
    level: int
    text: str
    line: int
    marker: str


@dataclass(frozen=True)
class Pair:
    kind: str  # "1:1", "1:2", "2:1", "1:0", "0:1"
    units: tuple[int, ...]
    blocks: tuple[int, ...]
    confidence: float
    shared: int  # numbers, dates and names both sides have (markers aside)
    # 2:1: where the block is cut, the first unit taking what is before (0: nothing, the
    # block's length: all of it).
    cut: int | None = None


def _kind_class(kind):
    return "numbered" if kind in (SegmentKind.HEADING, SegmentKind.NUMBERED) else kind


def _unmarked_heading(item, scale):
    """Tell whether a paragraph reads as a heading written without a marker: short and
    ending no sentence ("North Korea issue" against 「3 北朝鮮問題」)."""
    return (
        item.kind == SegmentKind.PARAGRAPH
        and len(item.text) <= UNMARKED_HEADING * scale
        and not item.text.rstrip(_CLOSERS).endswith(_STOPS)
    )


def _kind_cost(unit, block, scales=(1.0, 1.0)):
    if _kind_class(unit.kind) == _kind_class(block.kind):
        return 0.0
    loose = {SegmentKind.PARAGRAPH, SegmentKind.BULLET}
    if block.kind == SegmentKind.BULLET and block.marker.strip() in _DASHES:
        if unit.kind in loose:
            return DASH_PARAGRAPH
    if SegmentKind.HEADING in (unit.kind, block.kind):
        other, scale = (block, scales[1]) if unit.kind == SegmentKind.HEADING else (unit, scales[0])
        return 0.0 if _unmarked_heading(other, scale) else KIND_DIFFERS
    if SegmentKind.BULLET in (unit.kind, block.kind):
        return LIST_DIFFERS  # "•" against "①", "(1)" or a plain paragraph
    return KIND_DIFFERS


def _levelled(found, level):
    """Return anchors with the numbering marker's level beside its number: "1." over a
    section and "1)" under it are not the same marker."""
    return frozenset((*a, level) if a[0] == "marker" else a for a in found)


def _heading_joined(items):
    """Return the cost of two units (or blocks) taken together when the second is a heading."""
    return HEADING_JOINED if len(items) == 2 and items[1].kind == SegmentKind.HEADING else 0.0


def _length_cost(source_length, target_length, ratio):
    """Return Gale–Church's −log P(|δ|) for two lengths and the pair's expected ratio."""
    if source_length == 0 and target_length == 0:
        return 0.0
    mean = (source_length + target_length / ratio) / 2
    delta = (target_length - source_length * ratio) / math.sqrt(max(mean, 1) * VARIANCE * ratio)
    tail = 1 - 0.5 * (1 + math.erf(abs(delta) / math.sqrt(2)))
    return min(-math.log(max(2 * tail, 1e-12)), 12.0)


class _Scorer:
    def __init__(self, units, blocks, ratio, scales=(1.0, 1.0)):
        self.ratio = ratio
        # Characters per character of English on the release's side and on the file's.
        self.scales = scales
        self.unit_anchors = [_levelled(anchors(u.text, u.marker), u.level) for u in units]
        self.block_anchors = [_levelled(anchors(b.text, b.marker), b.level) for b in blocks]

    def pair(self, units, blocks, kind):
        """Return (cost, shared anchors) of pairing ``units`` with ``blocks`` as ``kind``."""
        unit_anchors = frozenset().union(*(self.unit_anchors[u.number - 1] for u in units))
        block_anchors = frozenset().union(*(self.block_anchors[b.index - 1] for b in blocks))
        markers = {a for a in unit_anchors if a[0] == "marker"}
        block_markers = {a for a in block_anchors if a[0] == "marker"}
        names = {a for a in unit_anchors if a[0] == "proper"}
        block_names = {a for a in block_anchors if a[0] == "proper"}
        facts = unit_anchors - markers - names
        block_facts = block_anchors - block_markers - block_names
        # A name counts when both sides write it (安倍 and Abe); one side's alone costs nothing
        # (日本 and Japan never meet), nor does an acronym both write (ASEAN) count twice.
        spelled = {loose_key(a[1]) for a in facts & block_facts if a[0] == "name"}
        shared = len(facts & block_facts) + len(
            {key for _kind, key in names & block_names} - spelled
        )
        cost = PRIORS[kind]
        cost += _length_cost(
            sum(len(u.text) for u in units), sum(len(b.text) for b in blocks), self.ratio
        )
        cost -= SHARED * min(shared, 4)
        cost += UNSHARED * min(len(facts ^ block_facts), 6)
        if markers and block_markers:
            # Each marker one side has and the other not disagrees: two numbered paragraphs
            # "1" and "2" do not both translate the file's "1.".
            cost += MARKER_DIFFERS * len(markers ^ block_markers)
            cost -= MARKER_AGREES if markers & block_markers else 0
        cost += min(_kind_cost(u, b, self.scales) for u in units for b in blocks)
        cost += _heading_joined(units) + _heading_joined(blocks)
        notes = [item.kind == SegmentKind.NOTE for item in (*units, *blocks)]
        if any(notes) and not all(notes):
            cost += NOTE_DIFFERS  # a note joined to a paragraph on either side
        return cost, shared


def _confidence(cost):
    return round(math.exp(-max(cost, 0.0) / 4), 2)


def propose(units, blocks, source, target):
    """Return the cheapest pairing of ``units`` (release) and ``blocks`` (file), in order."""
    ratio = RATIOS.get(target, 1.0) / RATIOS.get(source, 1.0)
    scorer = _Scorer(units, blocks, ratio, (RATIOS.get(source, 1.0), RATIOS.get(target, 1.0)))
    n, m = len(units), len(blocks)
    best = [[math.inf] * (m + 1) for _ in range(n + 1)]
    step = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    moves = ((1, 1, "1:1"), (1, 2, "1:2"), (2, 1, "2:1"), (1, 0, "1:0"), (0, 1, "0:1"))
    for i in range(n + 1):
        for j in range(m + 1):
            if best[i][j] == math.inf:
                continue
            for di, dj, kind in moves:
                if i + di > n or j + dj > m:
                    continue
                here, there = units[i : i + di], blocks[j : j + dj]
                if kind == "1:0":
                    cost, shared = (
                        (NOTE_LEFT_OUT if here[0].kind == SegmentKind.NOTE else PRIORS[kind]),
                        0,
                    )
                elif kind == "0:1":
                    # A note only the file has (an English "provisional translation").
                    left_out = there[0].kind == SegmentKind.NOTE
                    cost, shared = (NOTE_LEFT_OUT if left_out else PRIORS[kind]), 0
                else:
                    cost, shared = scorer.pair(here, there, kind)
                total = best[i][j] + cost
                if total < best[i + di][j + dj]:
                    best[i + di][j + dj] = total
                    step[i + di][j + dj] = (di, dj, kind, cost, shared)
    pairs, i, j = [], n, m
    while i or j:
        di, dj, kind, cost, shared = step[i][j]
        here, there = units[i - di : i], blocks[j - dj : j]
        if kind in ("1:0", "0:1"):
            confidence = 0.9 if cost == NOTE_LEFT_OUT else 0.5
        else:
            confidence = _confidence(cost)
        cut = _cut(here, there[0], scorer) if kind == "2:1" else None
        pairs.append(
            Pair(
                kind,
                tuple(u.number for u in here),
                tuple(b.index for b in there),
                confidence,
                shared,
                cut,
            )
        )
        i, j = i - di, j - dj
    pairs.reverse()
    return _placed_by_order(pairs, units, RATIOS.get(source, 1.0))


def _placed_by_order(pairs, units, scale):
    """Return ``pairs`` with each short 1:1 pair's confidence at least that of its
    neighbours, when they pair one to one too (an end of the text counts as agreeing): a
    heading 「北朝鮮問題」 against "North Korea issue" shares no anchor and its length says
    little, but order and its neighbours place it."""
    placed = list(pairs)
    for index, pair in enumerate(pairs):
        unit = units[pair.units[0] - 1] if pair.units else None
        if pair.kind != "1:1" or len(unit.text) > SHORT_PAIR * scale:
            continue
        around = [pairs[k] for k in (index - 1, index + 1) if 0 <= k < len(pairs)]
        if all(other.kind == "1:1" for other in around):
            floor = min((other.confidence for other in around), default=pair.confidence)
            placed[index] = replace(pair, confidence=max(pair.confidence, floor))
    return placed


def _cut(units, block, scorer):
    """Return where a 2:1 pair cuts its block: at the best sentence boundary for the units'
    lengths, or (one sentence) before or after it, for the unit it pairs with better."""
    first, second = units
    cut = split_at(block.text, len(first.text), len(second.text), scorer.ratio)
    if cut is not None:
        return cut
    first_cost, _shared = scorer.pair((first,), (block,), "1:1")
    second_cost, _shared = scorer.pair((second,), (block,), "1:1")
    return len(block.text) if first_cost <= second_cost else 0


def sentence_cuts(text):
    """Return the offsets where ``text`` may be cut between two sentences (none: one)."""
    return [match.end() for match in _SENTENCE_END.finditer(text) if 0 < match.end() < len(text)]


def split_at(text, first_length, second_length, ratio):
    """Return the sentence boundary of ``text`` that best matches the lengths of the units
    taking its two parts (``first_length`` and ``second_length`` characters), or None for a
    one-sentence text.

    With both lengths, the first part's share of the text is to match the first unit's share
    of the two (the language pair's ``ratio`` scales both units alike, and a translation
    wordier throughout keeps its shares); with one alone (the other None), that part's length
    is to match the unit's at the ``ratio``.
    """
    cuts = sentence_cuts(text)
    if not cuts:
        return None
    if first_length is not None and second_length is not None and first_length + second_length:
        wanted = len(text) * first_length / (first_length + second_length)
    elif first_length is not None:
        wanted = first_length * ratio
    elif second_length is not None:
        wanted = len(text) - second_length * ratio
    else:
        wanted = len(text) / 2
    # The first of equally good boundaries: the order of the text decides a tie.
    return min(cuts, key=lambda at: abs(at - wanted))


def pieces_of(pairs, blocks):
    """Return ({unit number: ((block index, part), …)}, {block index: cut}): what each unit
    takes from the file, and where the blocks two units share are cut."""
    lengths = {block.index: len(block.text) for block in blocks}
    taken, cuts = {}, {}
    for pair in pairs:
        if pair.kind == "1:1":
            taken[pair.units[0]] = ((pair.blocks[0], PAIRED),)
        elif pair.kind == "1:2":
            taken[pair.units[0]] = tuple((index, PAIRED) for index in pair.blocks)
        elif pair.kind == "2:1":
            block, (first, second) = pair.blocks[0], pair.units
            if pair.cut == 0:
                taken[first], taken[second] = (), ((block, PAIRED),)
            elif pair.cut is None or pair.cut >= lengths[block]:
                taken[first], taken[second] = ((block, PAIRED),), ()
            else:
                taken[first] = ((block, SPLIT_FIRST),)
                taken[second] = ((block, SPLIT_SECOND),)
                cuts[block] = pair.cut
        elif pair.kind == "1:0":
            taken[pair.units[0]] = ()
    return taken, cuts


def piece_text(block_text, part, cut):
    """Return the part of a block a unit takes: all of it, or what is before or after ``cut``."""
    if part == PAIRED:
        return block_text
    return block_text[:cut].rstrip() if part == SPLIT_FIRST else block_text[cut:].lstrip()
