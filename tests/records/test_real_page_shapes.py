# ruff: noqa: E501 (page texts kept whole)
"""Shapes of the ministry's real pages that the importer and the alignment must read as they
are (made-up texts in those shapes): links to the top of the page and the closing "(END)" are
navigation, naming no topic; a "provisional translation" note under a bullet is a note, left
out of the other language; numbered paragraphs pair by their numbers even where a short
reply is worded much shorter in English than the length ratio expects."""

import pytest

from records.alignment.proposal import Block, Unit, pieces_of, propose
from records.segmenter import parse_release_text
from records.vocabulary import SegmentKind

JA = """報道発表

日韓外相電話会談

平成24年8月10日

 本10日午後5時から約15分間、外務大臣は、韓国外交部長官と電話会談を行ったところ、概要は以下のとおりです。

  1. 外務大臣から、本10日の大統領による島の訪問は、島が歴史的にも国際法上も我が国固有の領土であるという我が国の立場と相容れず到底受け入れられない、今回の訪問は両国関係の大局的な観点から、難しい問題をマネージするとの考えに完全に逆行するものであり、何故、大統領がこの時期にこのように訪問したのか全く理解できない、我が国政府として強く抗議する、今回の訪問は我が国国民の国民感情と両国関係に大きなマイナスの影響を及ぼすものである、今回、訪問が強行されたため、駐在大使を一時帰国させることを決めた、国家元首による今回の訪問を受け、今後、我が方は相応の措置を執らざるを得なくなる旨述べました。
  2. これに対し,長官からは,従来からの韓国の立場に基づく応答がありました。
このページのトップへ戻る
報道発表へ戻る
"""
EN = """Japan-ROK Foreign Ministers' Telephone Talks

August 10, 2012

On August 10, the Minister for Foreign Affairs held a telephone conversation with the Minister of Foreign Affairs of the ROK for approximately 15 minutes from 5:00 p.m. An overview of the talks is as follows:

  1. The Minister stated that the President's visit to the island on August 10 is totally unacceptable because it contradicts Japan's position that the island is an inherent territory of Japan in the light of historical facts and based upon international law. The Minister also stated that the visit completely undermines the idea of managing difficult issues from a broader perspective of the bilateral relationship. The Minister said that he cannot understand why the President visited the island at this point, and that the Government of Japan strongly protests. The Minister also pointed out that the visit has a very negative impact on the public sentiment of the Japanese people and on the relationship. The Minister also pointed out that the Government of Japan has decided to have the Ambassador temporarily return to Japan. The Minister further added that due to the visit by the President, who is the head of state, Japan will take befitting actions.

  2. Minister Kim replied based on the ROK's stance.
    • (*The foregoing is a provisional translation. The date indicated above denotes the date of issue of the original press release in Japanese.)
(END)
"""


def test_a_link_to_the_top_of_the_page_names_no_topic():
    parsed = parse_release_text(JA, "ja")

    assert parsed.topic == "報道発表"
    assert [segment.text[:4] for segment in parsed.segments] == ["本10日", "外務大臣", "これに対"]


@pytest.mark.parametrize(
    "closing", ["ページの先頭へ戻る", "目次へ戻る", "(了)", "このページのトップへ戻る"]
)
def test_links_within_the_page_are_dropped_as_navigation(closing):
    text = f"ロシア連邦\n日露外相会談\n令和3年11月25日\n本文です。\n{closing}\nロシア連邦へ戻る\n"

    parsed = parse_release_text(text, "ja")

    assert [segment.text for segment in parsed.segments] == ["本文です。"]
    assert parsed.topic == "ロシア連邦"


def test_end_mark_is_dropped_and_a_note_under_a_bullet_is_a_note():
    parsed = parse_release_text(EN, "en")

    kinds = [segment.kind for segment in parsed.segments]
    assert kinds[-1] == SegmentKind.NOTE and len(kinds) == 4
    assert parsed.segments[-1].text.startswith("(*The foregoing is a provisional translation.")
    assert "(END)" not in [segment.text for segment in parsed.segments]


@pytest.mark.parametrize("back", ["Back to Top", "Back to Index", "(END)"])
def test_english_links_within_the_page_name_no_topic(back):
    text = f"Press Releases\nTalks\nJuly 7, 2017\nThe text.\n{back}\n"

    parsed = parse_release_text(text, "en")

    assert [segment.text for segment in parsed.segments] == ["The text."]
    assert parsed.topic == "Press Releases"


def _pairs(source_text, source, target_text, target):
    def items(parsed, make):
        return [
            make(n, s.kind, s.level, s.text, s.marker) for n, s in enumerate(parsed.segments, 1)
        ]

    units = items(
        parse_release_text(source_text, source),
        lambda n, kind, level, text, marker: Unit(n, kind, level, text, marker),
    )
    blocks = items(
        parse_release_text(target_text, target),
        lambda n, kind, level, text, marker: Block(n, kind, level, text, 10 + n, marker),
    )
    pairs = propose(units, blocks, source, target)
    taken, _cuts = pieces_of(pairs, blocks)
    return pairs, {unit: tuple(block for block, _part in found) for unit, found in taken.items()}


def test_the_note_is_left_out_and_the_short_reply_pairs_by_its_number():
    pairs, taken = _pairs(JA, "ja", EN, "en")

    # 「これに対し…」 (34 characters) is worded in 48 English ones where the ratio expects
    # about 110, nearer the note's length; its number "2" pairs it with the English "2.".
    assert taken == {1: (1,), 2: (2,), 3: (3,)}
    assert [(pair.kind, pair.blocks) for pair in pairs][-1] == ("0:1", (4,))
