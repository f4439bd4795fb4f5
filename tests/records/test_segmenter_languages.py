"""Japanese and Russian release texts read in their own conventions."""

import datetime

import pytest

from records.segmenter import ParsedPhoto, SegmenterError, parse_release_text

JA_HEADER = "日露関係\n日露首脳会談\n平成29年7月7日\n\n"
RU_HEADER = "Российско-японские отношения\nВстреча\n7 июля 2017 года\n\n"


def ja_body(body):
    release = parse_release_text(JA_HEADER + body, "ja")
    return [(s.kind, s.level, s.style, s.text) for s in release.segments]


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("平成29年7月7日", datetime.date(2017, 7, 7)),
        ("令和3年11月25日", datetime.date(2021, 11, 25)),
        ("令和元年5月1日", datetime.date(2019, 5, 1)),
        ("2017年7月7日", datetime.date(2017, 7, 7)),
        ("平成２９年７月７日", datetime.date(2017, 7, 7)),
        ("２０１７年７月７日（金）", datetime.date(2017, 7, 7)),
    ],
)
def test_japanese_dates(line, date):
    release = parse_release_text(f"日露関係\n{line}\n本文。\n", "ja")
    assert release.date == date


def test_japanese_date_that_does_not_exist_is_refused_naming_the_line():
    with pytest.raises(SegmenterError) as error:
        parse_release_text("日露関係\n日露首脳会談\n平成29年2月30日\n本文。\n", "ja")
    assert error.value.line == 3


def test_japanese_header_photos_and_closing_link():
    release = parse_release_text(
        JA_HEADER.replace("\n\n", "\n")
        + "日露首脳会談（写真提供：内閣広報室）\n(写真提供:内閣広報室)\n\n"
        + "本文。\n\n日露関係へ戻る\n",
        "ja",
    )

    assert (release.topic, release.title) == ("日露関係", "日露首脳会談")
    # A credit alone is a photo without a caption of its own.
    assert release.photos == (
        ParsedPhoto("日露首脳会談", "内閣広報室"),
        ParsedPhoto("", "内閣広報室"),
    )
    assert [s.text for s in release.segments] == ["本文。"]


def test_japanese_markers_in_either_width_with_list_dashes():
    assert ja_body(
        "本文。\n\n１　北方領土問題\n- 議論を行った。\n- （１）共同経済活動\n- ア　一致した。\n"
        "- (イ) 入れ子。\n- イ 確認した。\n・立場を伝えた。\n2 経済\n3 首脳は会談を行った。\n"
    ) == [
        ("paragraph", 0, "", "本文。"),
        ("heading", 1, "decimal", "北方領土問題"),
        ("bullet", 1, "", "議論を行った。"),
        ("heading", 2, "parenthesised", "共同経済活動"),
        ("item", 3, "lower-latin", "一致した。"),
        ("item", 4, "lower-latin", "入れ子。"),
        ("item", 3, "lower-latin", "確認した。"),
        ("bullet", 1, "", "立場を伝えた。"),
        ("heading", 1, "decimal", "経済"),
        ("numbered", 1, "decimal", "首脳は会談を行った。"),
    ]


def test_japanese_text_keeps_its_full_width_characters():
    assert ja_body("（１）「北方四島」（ＴＯＲ）における活動\n") == [
        ("heading", 2, "parenthesised", "「北方四島」（ＴＯＲ）における活動")
    ]


def test_russian_release():
    release = parse_release_text(
        RU_HEADER
        + "Фото 1: Встреча (Фото: Кремль)\n\nЛидеры встретились.\n\n1. Экономика\n"
        + "1) Сотрудничество\nа) первое;\nб) второе.\n• Пункт.\n\nНазад к разделу «Отношения»\n",
        "ru",
    )

    assert release.date == datetime.date(2017, 7, 7)
    assert (release.topic, release.title) == ("Российско-японские отношения", "Встреча")
    assert release.photos == (ParsedPhoto("Встреча", "Кремль"),)
    assert [(s.kind, s.level, s.style) for s in release.segments] == [
        ("paragraph", 0, ""),
        ("heading", 1, "decimal"),
        ("heading", 2, "parenthesised"),
        ("item", 3, "lower-latin"),
        ("item", 3, "lower-latin"),
        ("bullet", 1, ""),
    ]


@pytest.mark.parametrize("line", ["7 июля 2017 г.", "7 июля 2017", "2017-07-07"])
def test_russian_dates(line):
    release = parse_release_text(f"Отношения\n{line}\nТекст.\n", "ru")
    assert release.date == datetime.date(2017, 7, 7)


def test_wrapped_japanese_numbered_paragraph_is_joined():
    assert ja_body(
        "1 安倍総理大臣は、北朝鮮による核実験は断じて容認できない\nと述べた。\n"
        "2 経済\n両首脳は議論した。\n"
    ) == [
        (
            "numbered",
            1,
            "decimal",
            "安倍総理大臣は、北朝鮮による核実験は断じて容認できないと述べた。",
        ),
        ("heading", 1, "decimal", "経済"),
        ("paragraph", 0, "", "両首脳は議論した。"),
    ]
