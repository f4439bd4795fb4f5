"""A 2:1 pairing (a paragraph the other side splits in two) cuts the block at the sentence
boundary whose two parts best match the two units' lengths at the language pair's ratio —
not at the middle sentence — and an editor's choice of the block's two parts cuts it the same
way. Made-up texts; no database."""

import datetime
from types import SimpleNamespace

import pytest

from records.alignment import pairing_parse, proposal_build, proposal_choose
from records.alignment.proposal import RATIOS, sentence_cuts, split_at

# One Japanese paragraph of four sentences: a long one, then three short ones.
SENTENCES_JA = [
    "両外相は、両国間の経済関係を一層強化するため、貿易投資協定の交渉を加速することで一致した。",
    "両外相は、留学生交流を拡大することで一致した。",
    "両外相は、観光交流を促進することで一致した。",
    "両外相は、気候変動に関する協力を確認した。",
]
SENTENCES_EN = [
    "The two ministers agreed to accelerate negotiations on a trade and investment agreement "
    "in order to further strengthen economic relations between the two countries.",
    "The two ministers agreed to expand the exchange of students.",
    "The two ministers agreed to promote tourism between the two countries.",
    "The two ministers confirmed their cooperation on climate change.",
]
LEAD = {"en": "On May 16, the two ministers held talks.", "ja": "5月16日、両外相は会談を行った。"}


def middle_cut(text):
    return min(sentence_cuts(text), key=lambda at: abs(at - len(text) / 2))


@pytest.mark.parametrize(
    ("first", "second"),
    [(3, 1), (1, 3)],  # sentences of the block each unit translates
)
def test_the_cut_follows_the_units_lengths_not_the_middle(first, second):
    block = "".join(SENTENCES_JA)
    units = (" ".join(SENTENCES_EN[:first]), " ".join(SENTENCES_EN[first:]))
    ratio = RATIOS["ja"] / RATIOS["en"]

    cut = split_at(block, len(units[0]), len(units[1]), ratio)

    assert block[:cut] == "".join(SENTENCES_JA[:first])
    if first == 3:
        assert cut != middle_cut(block)  # the middle would give the first unit one sentence


def test_one_length_alone_still_places_the_cut():
    block = "".join(SENTENCES_JA)
    ratio = RATIOS["ja"] / RATIOS["en"]

    cut = split_at(block, len(" ".join(SENTENCES_EN[:3])), None, ratio)

    assert block[cut:] == SENTENCES_JA[3]


def test_a_one_sentence_text_has_no_cut():
    assert split_at(SENTENCES_JA[0], 100, 20, 0.31) is None


def _proposal(source, units, target, blocks):
    """Return the proposal of ``blocks`` (paragraphs in ``target``) for a release of
    ``units`` (paragraphs in ``source``)."""
    snapshot = {
        "source_language": source,
        "date": "2023-05-16",
        "segments": [
            {"kind": "paragraph", "level": 0, "style": "", "text": {source: text}} for text in units
        ],
    }
    parsed = SimpleNamespace(
        date=datetime.date(2023, 5, 16),
        date_line=3,
        segments=[
            SimpleNamespace(kind="paragraph", level=0, text=text, line=10 + n, marker="")
            for n, text in enumerate(blocks)
        ],
    )
    return proposal_build(snapshot, parsed, target, slug="talks", head=1)


@pytest.mark.parametrize(("source", "target"), [("en", "ja"), ("ja", "en")])
def test_a_paragraph_split_unevenly_on_the_other_side(source, target):
    sentences = {"en": SENTENCES_EN, "ja": SENTENCES_JA}
    joiner = {"en": " ", "ja": ""}
    units = [
        LEAD[source],
        joiner[source].join(sentences[source][:3]),
        sentences[source][3],
    ]
    blocks = [LEAD[target], joiner[target].join(sentences[target])]

    proposal = _proposal(source, units, target, blocks)

    assert [pair.kind for pair in proposal.pairs] == ["1:1", "2:1"]
    rows = proposal.segments
    assert rows[1].text == joiner[target].join(sentences[target][:3])
    assert rows[2].text == sentences[target][3]


def test_an_editors_choice_of_the_two_parts_cuts_where_the_proposal_did():
    units = [LEAD["en"], " ".join(SENTENCES_EN[:3]), SENTENCES_EN[3]]
    proposal = _proposal("en", units, "ja", [LEAD["ja"], "".join(SENTENCES_JA)])

    chosen = proposal_choose(proposal, pairing_parse({1: "1", 2: "2a", 3: "2b"}, proposal))

    assert [row.text for row in chosen.segments] == [row.text for row in proposal.segments]
    assert chosen.segments[2].text == SENTENCES_JA[3]


def test_an_editors_choice_of_one_part_cuts_by_that_units_length():
    units = [LEAD["en"], " ".join(SENTENCES_EN[:3]), SENTENCES_EN[3]]
    proposal = _proposal("en", units, "ja", [LEAD["ja"], "".join(SENTENCES_JA)])

    chosen = proposal_choose(proposal, pairing_parse({1: "1", 2: "2a", 3: ""}, proposal))

    assert chosen.segments[1].text == "".join(SENTENCES_JA[:3])
    assert chosen.segments[2].text == ""


def test_a_one_sentence_block_goes_to_the_unit_it_pairs_with_not_the_longer():
    # The lead shares its date with the block; the longer paragraph shares nothing.
    units = [
        "On May 16, the ministers held talks in the capital.",
        "The two ministers discussed a wide range of issues of common interest at length.",
        SENTENCES_EN[3],
    ]
    blocks = ["5月16日、両外相は首都で会談を行った。", SENTENCES_JA[3]]

    proposal = _proposal("en", units, "ja", blocks)

    assert proposal.pairs[0].kind == "2:1" and len(units[1]) > len(units[0])
    assert (proposal.segments[0].text, proposal.segments[1].text) == (blocks[0], "")
