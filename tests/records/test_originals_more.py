# ruff: noqa: E501 (page texts kept whole)
"""More shapes of the ministry's pages, read as they are (the made-up pages under
``tests/data/originals_more/``): dates with a weekday, a title on two lines, a link to the
other language's page under the date, "(Provisional translation)", related links at the end,
circled numbers and ●/○ bullets, headings in 【】, tables laid out with spaces, a page with
Windows line endings and a byte order mark, a page of 80 and more paragraphs."""

import pytest

from records.alignment.proposal import Block, Unit, propose, sentence_cuts
from records.segmenter import SegmenterError, parse_release_text
from records.vocabulary import MarkerStyle, SegmentKind


@pytest.fixture
def pages(data_dir):
    return data_dir / "originals_more"


def parse(pages, name):
    return parse_release_text((pages / name).read_bytes(), name[:2])


def kinds(parsed):
    return [(s.kind, s.level, s.text) for s in parsed.segments]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("令和5年7月13日（木曜日）", "ja"),
        ("令和5年7月13日(木)", "ja"),
        ("2023年7月13日（木）", "ja"),
        ("Thursday, July 13, 2023", "en"),
        ("Thu. 13 July 2023", "en"),
    ],
)
def test_a_date_with_its_weekday_is_a_date(line, language):
    parsed = parse_release_text(f"Top\nTitle Meeting\n{line}\nText.\n", language)

    assert parsed.date.isoformat() == "2023-07-13"


def test_a_weekday_that_is_no_date_is_still_refused_naming_its_line():
    with pytest.raises(SegmenterError, match='line 3: expected a date line .* "Friday"'):
        parse_release_text("Top\nTitle Meeting\nFriday\nText.\n", "en")


def test_a_title_on_two_lines_below_the_breadcrumb(pages):
    ja = parse(pages, "ja-nicchu-kaiyo-kyogi-2023-04-10.txt")
    en = parse(pages, "en-nicchu-kaiyo-kyogi-2023-04-10.txt")

    assert ja.title == "第15回日中高級事務レベル海洋協議（結果概要）"
    assert ja.topic == "中華人民共和国"
    assert en.title == (
        "The 15th Round of the Japan-China High-Level Consultation on Maritime Affairs "
        "(Overview of the Results)"
    )
    assert en.topic == "Japan-China Relations"


def test_a_bracketed_second_title_line_without_a_breadcrumb():
    parsed = parse_release_text("日露外相会談\n（結果概要）\n令和3年11月25日\n本文です。\n", "ja")

    assert parsed.title == "日露外相会談（結果概要）"
    assert parsed.topic == ""


def test_a_statement_title_over_its_bracketed_kind_without_a_breadcrumb():
    text = "ニジェールにおける政変について\n（外務大臣談話）\n令和5年7月28日\n我が国は憂慮しています。\n"

    parsed = parse_release_text(text, "ja")

    assert parsed.title == "ニジェールにおける政変について（外務大臣談話）"


def test_a_date_on_the_fifth_line_is_refused_naming_the_line():
    text = (
        "トップページ > 報道発表\n日露外相会談\n（結果概要）\n（その2）\n令和3年11月25日\n本文。\n"
    )

    with pytest.raises(SegmenterError, match="line 3: expected a date line"):
        parse_release_text(text, "ja")


def test_the_link_to_the_other_language_under_the_date_is_no_photo(pages):
    asean = parse(pages, "ja-asean-gaisho-kaigi-2023-07-13.txt")
    niger = parse(pages, "ja-niger-danwa-2023-07-28.txt")

    assert asean.photos == () and niger.photos == ()
    assert asean.segments[0].text.startswith("7月13日、午後2時から")
    assert niger.title == "ニジェールにおける政変について（外務大臣談話）"
    assert niger.segments[0].text.startswith("我が国は、ニジェールにおいて")


def test_provisional_translation_under_the_date_is_a_note_not_a_caption(pages):
    parsed = parse(pages, "en-asean-gaisho-kaigi-2023-07-13.txt")

    assert parsed.photos == ()
    assert (parsed.segments[0].kind, parsed.segments[0].text) == (
        SegmentKind.NOTE,
        "(Provisional translation)",
    )


@pytest.mark.parametrize(
    ("name", "last"),
    [
        (
            "ja-asean-gaisho-kaigi-2023-07-13.txt",
            "日・ASEAN外相会議は毎年開催されており、今回で26回目となります。",
        ),
        ("ja-kaihatsu-kyoryoku-2023-04-28.txt", "開発協力大綱は令和5年6月に改定される予定です。"),
        (
            "en-zaigai-kokan-cho-2022-12-02.txt",
            "(Note) The appointments take effect on December 9.",
        ),
        (
            "en-niger-statement-2023-07-28.txt",
            "Japan supports the efforts of the Economic Community of West African States (ECOWAS) and the African Union (AU), and will work together with the international community.",
        ),
    ],
)
def test_related_links_at_the_end_are_navigation(pages, name, last):
    parsed = parse(pages, name)

    assert parsed.segments[-1].text == last


def test_a_related_links_line_above_sentences_stays_text():
    text = "Press Releases\nTitle Meeting\nJuly 13, 2023\nText.\nRelated Links\nThe ministers met again. They agreed.\n"

    parsed = parse_release_text(text, "en")

    assert [s.text for s in parsed.segments][-2:] == [
        "Related Links",
        "The ministers met again. They agreed.",
    ]


def test_circled_numbers_and_hollow_bullets(pages):
    parsed = parse(pages, "ja-nicchu-kaiyo-kyogi-2023-04-10.txt")

    found = [(s.kind, s.level, s.style, s.marker) for s in parsed.segments[1:11]]
    assert found == [
        (SegmentKind.HEADING, 1, MarkerStyle.DECIMAL, "１"),
        (SegmentKind.NUMBERED, 2, MarkerStyle.PARENTHESISED, "①"),
        (SegmentKind.NUMBERED, 2, MarkerStyle.PARENTHESISED, "②"),
        (SegmentKind.NUMBERED, 2, MarkerStyle.PARENTHESISED, "③"),
        (SegmentKind.HEADING, 1, MarkerStyle.DECIMAL, "２"),
        (SegmentKind.BULLET, 1, MarkerStyle.NONE, "●"),
        (SegmentKind.BULLET, 2, MarkerStyle.NONE, "○"),
        (SegmentKind.BULLET, 1, MarkerStyle.NONE, "●"),
        (SegmentKind.BULLET, 2, MarkerStyle.NONE, "○"),
        (SegmentKind.HEADING, 1, MarkerStyle.DECIMAL, "３"),
    ]
    assert parsed.segments[2].text == "双方は、東シナ海における情勢について意見交換を行いました。"


def test_a_heading_in_lenticular_brackets_stands_alone(pages):
    parsed = parse(pages, "ja-nichi-futsu-shuno-2023-05-19.txt")

    assert [(kind, text[:8]) for kind, _level, text in kinds(parsed)][1:5] == [
        (SegmentKind.HEADING, "【二国間関係】"),
        (SegmentKind.PARAGRAPH, "両首脳は、日仏特"),
        (SegmentKind.HEADING, "【インド太平洋】"),
        (SegmentKind.PARAGRAPH, "両首脳は、自由で"),
    ]
    # Unnumbered: no marker style, so nothing is counted or rendered for it.
    assert parsed.segments[1].style == MarkerStyle.NONE


def test_a_bracketed_word_opening_a_paragraph_is_no_heading(pages):
    parsed = parse(pages, "ja-nicchu-kaiyo-kyogi-2023-04-10.txt")

    assert parsed.segments[-1].kind == SegmentKind.PARAGRAPH
    assert parsed.segments[-1].text.startswith("（参考）日中高級事務レベル海洋協議は")


def test_rows_of_a_table_laid_out_with_spaces_stay_apart(pages):
    parsed = parse(pages, "ja-zaigai-kokan-cho-2022-12-02.txt")

    assert [s.text for s in parsed.segments[1:6]] == [
        "記",
        "特命全権大使 在カナダ日本国大使館 山田 太郎",
        "特命全権大使 在ケニア日本国大使館 佐藤 花子",
        "特命全権大使 在ペルー日本国大使館 鈴木 一郎",
        "総領事 在シドニー日本国総領事館 高橋 次郎",
    ]


def test_a_wrapped_japanese_sentence_is_still_joined():
    text = "報道発表\n日露外相会談\n令和3年11月25日\n本日、会談が行われました。\n\n外務大臣は、ロシア連邦外務大臣と\n会談を行いました。\n"

    parsed = parse_release_text(text, "ja")

    assert [s.text for s in parsed.segments][1:] == [
        "外務大臣は、ロシア連邦外務大臣と会談を行いました。"
    ]


def test_windows_line_endings_a_bom_and_full_width_digits(pages):
    raw = (pages / "ja-crlf-bom-ryoji-2023-08-01.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw

    parsed = parse(pages, "ja-crlf-bom-ryoji-2023-08-01.txt")

    assert (parsed.date.isoformat(), parsed.title, parsed.topic) == (
        "2023-08-01",
        "領事メールの配信開始について",
        "海外安全情報",
    )
    assert [s.text[:6] for s in parsed.segments] == ["外務省は、８", "登録は外務省"]


def test_a_page_of_more_than_eighty_paragraphs(pages):
    parsed = parse(pages, "ja-kaihatsu-kyoryoku-2023-04-28.txt")

    numbered = [s for s in parsed.segments if s.kind == SegmentKind.NUMBERED]
    headings = [s for s in parsed.segments if s.kind == SegmentKind.HEADING]
    assert (len(parsed.segments), len(numbered), len(headings)) == (91, 80, 9)
    assert [s.marker for s in numbered[:10]] == [f"（{n}）" for n in range(1, 11)]


def unit(number, kind, text, marker="", level=0):
    return Unit(number, kind, level, text, marker)


def block(index, kind, text, marker="", level=0):
    return Block(index, kind, level, text, index, marker)


P, H = SegmentKind.PARAGRAPH, SegmentKind.HEADING
LEAD_JA = "両首脳は、5月19日、広島において会談を行い、二国間関係について意見交換を行いました。"
LEAD_EN = "On May 19, the two leaders held a meeting in Hiroshima and exchanged views on bilateral relations."
BODY_JA = "両首脳は、拉致問題の即時解決に向けて引き続き緊密に連携することで一致しました。"
BODY_EN = "The two leaders concurred to continue to cooperate closely toward the immediate resolution of the abductions issue."


def test_a_short_heading_against_an_unmarked_one_is_placed_by_its_neighbours():
    units = [unit(1, P, LEAD_JA), unit(2, H, "北朝鮮問題", "3", 1), unit(3, P, BODY_JA)]
    blocks = [block(1, P, LEAD_EN), block(2, P, "North Korea issue"), block(3, P, BODY_EN)]

    pairs = propose(units, blocks, "ja", "en")

    assert [(pair.units, pair.blocks) for pair in pairs] == [
        ((1,), (1,)),
        ((2,), (2,)),
        ((3,), (3,)),
    ]
    assert pairs[1].shared == 0
    assert pairs[1].confidence >= min(pairs[0].confidence, pairs[2].confidence) >= 0.75


def test_a_heading_is_not_joined_to_the_paragraph_above_it():
    units = [unit(1, P, LEAD_JA), unit(2, P, BODY_JA), unit(3, H, "【参考】")]
    blocks = [block(1, P, LEAD_EN), block(2, P, BODY_EN)]

    pairs = propose(units, blocks, "ja", "en")

    assert [(pair.units, pair.blocks) for pair in pairs] == [((1,), (1,)), ((2,), (2,)), ((3,), ())]


def test_bullets_against_numbered_paragraphs_pair_confidently():
    texts_ja = [
        "両外相は、東シナ海における情勢について意見交換を行いました。",
        "両外相は、海上捜索・救助協定の着実な実施を確認しました。",
    ]
    texts_en = [
        "The two ministers exchanged views on the situation in the East China Sea.",
        "The two ministers confirmed the steady implementation of the Maritime Search and Rescue Agreement.",
    ]
    units = [
        unit(n, SegmentKind.NUMBERED, text, f"（{n}）", 2) for n, text in enumerate(texts_ja, 1)
    ]
    blocks = [block(n, SegmentKind.BULLET, text, "•", 1) for n, text in enumerate(texts_en, 1)]

    pairs = propose(units, blocks, "ja", "en")

    assert [(pair.units, pair.blocks) for pair in pairs] == [((1,), (1,)), ((2,), (2,))]
    # A list written two ways costs a little, not what a heading against a sentence does.
    assert all(pair.confidence >= 0.65 for pair in pairs)


def test_a_block_is_not_cut_after_a_title_such_as_mr():
    text = "Consul-General in Sydney: Mr. TAKAHASHI Jiro. Ambassador to Peru: Ms. SUZUKI Hanako."

    assert sentence_cuts(text) == [len("Consul-General in Sydney: Mr. TAKAHASHI Jiro. ")]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("令和5年7月14日（金曜日）15時00分　於：本省会見室", "ja"),
        ("令和5年7月14日（金曜日）午後3時 於:本省会見室", "ja"),
        ("July 14, 2023 (Fri)", "en"),
        ("пятница, 14 июля 2023 года", "ru"),
    ],
)
def test_a_date_line_with_weekday_time_or_place(line, language):
    parsed = parse_release_text(f"Top\nTitle Meeting\n{line}\nText.\n", language)

    assert parsed.date.isoformat() == "2023-07-14"


def test_the_sites_name_above_the_breadcrumb_is_neither_topic_nor_title():
    text = "外務省\nトップページ > 会見・発表・広報 > 報道発表\n日露外相会談\n令和5年7月14日\n本文です。\n"

    parsed = parse_release_text(text, "ja")

    assert (parsed.topic, parsed.title) == ("報道発表", "日露外相会談")


def test_rows_of_two_columns_separated_by_a_tab_stay_apart():
    text = "報道発表\n人事\n令和5年7月14日\n下記のとおり決定しました。\n\n外務大臣\t林芳正\n外務副大臣\t山田賢司\n"

    parsed = parse_release_text(text, "ja")

    assert [s.text for s in parsed.segments][1:] == ["外務大臣 林芳正", "外務副大臣 山田賢司"]


def test_a_russian_provisional_translation_is_a_note_not_a_caption():
    text = "Пресс-релизы\nВстреча министров\n14 июля 2023 года\n(Предварительный перевод)\nТекст.\n"

    parsed = parse_release_text(text, "ru")

    assert parsed.photos == ()
    assert parsed.segments[0].kind == SegmentKind.NOTE
