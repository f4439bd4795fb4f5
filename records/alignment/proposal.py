"""A proposed pairing of a file's blocks with a release's units, for texts whose structure
differs (captions on one side only, a heading against a paragraph, one paragraph against two).

Dynamic programming over order, as Gale and Church aligned sentences: each step pairs one unit
with one block (1:1), one unit with two blocks (1:2, the unit takes both), two units with one
block (2:1, the block split at its middle sentence boundary; a one-sentence block goes to the
longer unit and the other stays untranslated), or leaves a unit untranslated (1:0) or a block
out (0:1). A step costs its prior (1:1 cheapest), the length difference against the language
pair's expected ratio, the anchors the two sides share or do not (numbers, dates, numbering
markers, Latin names) and whether their kinds agree. Each pair's confidence (0–1) comes from
its cost. Pure Python: no database.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..vocabulary import SegmentKind
from .anchors import anchors

# Characters of the target per character of the source, measured on tests/data (the seed
# release and the made-up originals): Japanese ≈ 0.30–0.32 of English, Russian ≈ 0.9–1.03.
RATIOS = {"ja": 0.31, "en": 1.0, "ru": 1.0}
# Gale–Church's variance per character (6.8 for European pairs), scaled by the ratio.
VARIANCE = 6.8
PRIORS = {"1:1": 0.0, "1:2": 2.3, "2:1": 2.3, "1:0": 4.0, "0:1": 4.0}
NOTE_LEFT_OUT = 0.5  # a note only the release has (an English "provisional translation")
SHARED = 1.5  # per shared anchor (numbers, dates, names), at most four counted
UNSHARED = 0.5  # per anchor on one side only, at most six counted
MARKER_AGREES, MARKER_DIFFERS = 1.0, 1.5
KIND_DIFFERS, DASH_PARAGRAPH = 0.8, 0.2
_DASHES = frozenset("-－‐−–—")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s*")

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


def _kind_class(kind):
    return "numbered" if kind in (SegmentKind.HEADING, SegmentKind.NUMBERED) else kind


def _kind_cost(unit, block):
    if _kind_class(unit.kind) == _kind_class(block.kind):
        return 0.0
    loose = {SegmentKind.PARAGRAPH, SegmentKind.BULLET}
    if block.kind == SegmentKind.BULLET and block.marker.strip() in _DASHES:
        if unit.kind in loose:
            return DASH_PARAGRAPH
    return KIND_DIFFERS


def _length_cost(source_length, target_length, ratio):
    """Return Gale–Church's −log P(|δ|) for two lengths and the pair's expected ratio."""
    if source_length == 0 and target_length == 0:
        return 0.0
    mean = (source_length + target_length / ratio) / 2
    delta = (target_length - source_length * ratio) / math.sqrt(max(mean, 1) * VARIANCE * ratio)
    tail = 1 - 0.5 * (1 + math.erf(abs(delta) / math.sqrt(2)))
    return min(-math.log(max(2 * tail, 1e-12)), 12.0)


class _Scorer:
    def __init__(self, units, blocks, ratio):
        self.ratio = ratio
        self.unit_anchors = [anchors(unit.text, unit.marker) for unit in units]
        self.block_anchors = [anchors(block.text, block.marker) for block in blocks]

    def pair(self, units, blocks, kind):
        """Return (cost, shared anchors) of pairing ``units`` with ``blocks`` as ``kind``."""
        unit_anchors = frozenset().union(*(self.unit_anchors[u.number - 1] for u in units))
        block_anchors = frozenset().union(*(self.block_anchors[b.index - 1] for b in blocks))
        markers = {a for a in unit_anchors if a[0] == "marker"}
        block_markers = {a for a in block_anchors if a[0] == "marker"}
        facts, block_facts = unit_anchors - markers, block_anchors - block_markers
        shared = len(facts & block_facts)
        cost = PRIORS[kind]
        cost += _length_cost(
            sum(len(u.text) for u in units), sum(len(b.text) for b in blocks), self.ratio
        )
        cost -= SHARED * min(shared, 4)
        cost += UNSHARED * min(len(facts ^ block_facts), 6)
        if markers and block_markers:
            cost += -MARKER_AGREES if markers & block_markers else MARKER_DIFFERS
        cost += min(_kind_cost(u, b) for u in units for b in blocks)
        return cost, shared


def _confidence(cost):
    return round(math.exp(-max(cost, 0.0) / 4), 2)


def propose(units, blocks, source, target):
    """Return the cheapest pairing of ``units`` (release) and ``blocks`` (file), in order."""
    ratio = RATIOS.get(target, 1.0) / RATIOS.get(source, 1.0)
    scorer = _Scorer(units, blocks, ratio)
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
                    cost, shared = PRIORS[kind], 0
                else:
                    cost, shared = scorer.pair(here, there, kind)
                total = best[i][j] + cost
                if total < best[i + di][j + dj]:
                    best[i + di][j + dj] = total
                    step[i + di][j + dj] = (di, dj, kind, cost, shared)
    pairs, i, j = [], n, m
    while i or j:
        di, dj, kind, cost, shared = step[i][j]
        units_here = tuple(u.number for u in units[i - di : i])
        blocks_here = tuple(b.index for b in blocks[j - dj : j])
        if kind in ("1:0", "0:1"):
            confidence = 0.9 if cost == NOTE_LEFT_OUT else 0.5
        else:
            confidence = _confidence(cost)
        pairs.append(Pair(kind, units_here, blocks_here, confidence, shared))
        i, j = i - di, j - dj
    return list(reversed(pairs))


def halves(text):
    """Return ``text`` cut at the sentence boundary nearest its middle, or None (one sentence)."""
    cuts = [match.end() for match in _SENTENCE_END.finditer(text) if 0 < match.end() < len(text)]
    if not cuts:
        return None
    cut = min(cuts, key=lambda at: abs(at - len(text) / 2))
    return text[:cut].rstrip(), text[cut:].lstrip()


def pieces_of(pairs, blocks, units):
    """Return {unit number: ((block index, part), …)}: what each unit takes from the file."""
    texts = {block.index: block.text for block in blocks}
    lengths = {unit.number: len(unit.text) for unit in units}
    taken = {}
    for pair in pairs:
        if pair.kind == "1:1":
            taken[pair.units[0]] = ((pair.blocks[0], PAIRED),)
        elif pair.kind == "1:2":
            taken[pair.units[0]] = tuple((index, PAIRED) for index in pair.blocks)
        elif pair.kind == "2:1":
            block = pair.blocks[0]
            if halves(texts[block]):
                taken[pair.units[0]] = ((block, SPLIT_FIRST),)
                taken[pair.units[1]] = ((block, SPLIT_SECOND),)
            else:
                # One sentence: it goes to the longer unit (a heading beside its paragraph
                # stays untranslated).
                first, second = sorted(pair.units, key=lambda n: -lengths[n])
                taken[first] = ((block, PAIRED),)
                taken[second] = ()
        elif pair.kind == "1:0":
            taken[pair.units[0]] = ()
    return taken


def piece_text(block_text, part):
    if part == PAIRED:
        return block_text
    return halves(block_text)[part - 1]
