"""Tests for records.segmenter, the parser of plain-text MOFA-style press releases."""

import dataclasses
import datetime
import pickle
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from records.segmenter import (
    CONVENTIONS,
    ParsedPhoto,
    ParsedRelease,
    ParsedSegment,
    SegmenterError,
    parse_release_text,
)
from records.segmenter.common import ends_sentence
from records.segmenter.english import English

DATA = Path(__file__).resolve().parent.parent / "data"
SEED = "release-seed-2017-07-07.txt"
HEADER = "Japan-Russia Relations\n\nJuly 7, 2017\n\n"
CABINET = "Cabinet Public Relations Office"


def read(name: str) -> bytes:
    return (DATA / name).read_bytes()


def parse_body(body: str) -> list[tuple[str, int, str]]:
    """Parse a release made of the standard header and ``body``; return (kind, level, text)."""
    release = parse_release_text(HEADER + body)
    return [(segment.kind, segment.level, segment.text) for segment in release.segments]


def refusal(data: bytes | str) -> SegmenterError:
    with pytest.raises(SegmenterError) as caught:
        parse_release_text(data)
    return caught.value


# --- the seed ---------------------------------------------------------------------------

SEED_SEGMENTS = [
    (
        7,
        "paragraph",
        0,
        "On the occasion of the G20 Hamburg Summit, Mr. Shinzo Abe, Prime Minister of Japan, "
        "and H.E. Mr. Vladimir Vladimirovich Putin, President of the Russian Federation, held "
        "a Japan-Russia Summit Meeting for the 18th time for approximately 50 minutes (a "
        "plenary session lasting approximately 35 minutes and a tête-à-tête meeting lasting "
        "approximately 15 minutes)",
    ),
    (9, "heading", 1, "Northern Territories issue"),
    (
        11,
        "bullet",
        1,
        "The leaders held in-depth discussions centered on the issue of concluding a peace "
        "treaty in the tête-à-tête meeting.",
    ),
    (
        12,
        "bullet",
        1,
        "The leaders confirmed and welcomed that the outcomes of the Summit Meeting in Moscow "
        "in April are being steadily achieved. The discussions took place based on the common "
        "understanding that deepening trust between the two countries through steady efforts "
        "towards the achievement of the items agreed to in December 2016 will lead to the "
        "conclusion of a peace treaty.",
    ),
    (14, "heading", 2, "Joint economic activities on the Four Northern Islands"),
    (
        15,
        "item",
        3,
        "The leaders confirmed that the local research by the joint public and private "
        "research team sent to the four islands at the end of June had been very meaningful "
        "and would lead to accelerating future deliberations.",
    ),
    (
        16,
        "item",
        3,
        "The leaders agreed to hold vice-ministerial consultations in Moscow in late August. "
        "Based on the findings from the local research, and in the lead-up to the Summit "
        "Meeting in September, discussions will be held towards substantiating projects "
        "including discussions on the legal framework that will become necessary in the "
        "future.",
    ),
    (18, "heading", 2, "Facilitating visits by former residents to the Four Northern Islands"),
    (
        19,
        "item",
        3,
        "Regarding the special grave visit by former island residents by airplane that was "
        "not achieved in June due to bad weather condition, the leaders commended that both "
        "sides had made full preparations towards its realization. The leaders agreed to "
        "coordinate in order to realize the special grave visit at an appropriate time in "
        "September.",
    ),
    (
        20,
        "item",
        3,
        "The leaders also discussed access for the former residents to the areas in the "
        "islands that have been closed.",
    ),
    (
        22,
        "bullet",
        1,
        "Prime Minister Abe conveyed Japan’s position regarding Russia’s decision to establish "
        "“territories of priority development” (Территории опережающего развития, TOR) on the "
        "Four Northern Islands.",
    ),
    (24, "heading", 1, "Issues of North Korea"),
    (
        26,
        "bullet",
        1,
        "Prime Minister Abe emphasized that it is necessary to strengthen pressure on North "
        "Korea, which is pressing forward with nuclear and missile development, disregarding "
        "international calls against it. Prime Minister Abe urged Russia to play an even "
        "bigger role.",
    ),
    (
        27,
        "bullet",
        1,
        "President Putin stated that he fully understands Japan’s concerns and explained that "
        "Russia is also urging North Korea to cease activities that are contrary to the "
        "nuclear non-proliferation regime.",
    ),
    (29, "heading", 1, "U.S.-Russia relations"),
    (
        31,
        "bullet",
        1,
        "Prime Minister Abe stated that cooperation between the United States and Russia is "
        "essential for resolving various international issues and welcomed the thorough "
        "discussions that took place between them.",
    ),
    (33, "heading", 1, "Economy"),
    (
        35,
        "bullet",
        1,
        "The leaders discussed the latest progress concerning the projects that have been "
        "discussed so far including the eight-point cooperation plan.",
    ),
    (37, "heading", 1, "Future political dialogue"),
    (
        39,
        "bullet",
        1,
        "The leaders confirmed that they will hold another meeting when Prime Minister Abe "
        "visits Russia on the occasion of the Eastern Economic Forum to be held in Vladivostok "
        "in September.",
    ),
]


def test_seed_header_and_photos():
    release = parse_release_text(read(SEED))

    assert release.topic == "Japan-Russia Relations"
    assert release.date == datetime.date(2017, 7, 7)
    assert release.photos == (ParsedPhoto("Japan-Russia Summit Meeting", CABINET),) * 2
    assert release.title == "Japan-Russia Summit Meeting"


def test_seed_segments_in_order():
    release = parse_release_text(read(SEED))

    assert [(s.line, s.kind, s.level, s.text) for s in release.segments] == SEED_SEGMENTS


def test_seed_segment_counts_by_kind_and_level():
    release = parse_release_text(read(SEED))
    counts: dict[tuple[str, int], int] = {}
    for segment in release.segments:
        counts[segment.kind, segment.level] = counts.get((segment.kind, segment.level), 0) + 1

    assert counts == {
        ("paragraph", 0): 1,
        ("heading", 1): 5,
        ("heading", 2): 2,
        ("item", 3): 4,
        ("bullet", 1): 8,
    }


def test_seed_text_keeps_no_markers_and_drops_the_back_link():
    release = parse_release_text(read(SEED))
    texts = [segment.text for segment in release.segments]

    assert not [text for text in texts if re.match(r"[•・*–-]|\(?\w{1,4}[.)]\s", text)]
    assert "Back to Japan-Russia Relations" not in texts
    assert not any(text.lower().startswith("back to") for text in texts)


def test_seed_as_text_equals_seed_as_bytes():
    data = read(SEED)

    assert parse_release_text(data.decode("utf-8")) == parse_release_text(data)


# --- realistic variants -----------------------------------------------------------------

VARIANTS = {
    "release-variant-photos-2017-09-07.txt": (
        datetime.date(2017, 9, 7),
        (
            ParsedPhoto("Japan-Russia Summit Meeting", CABINET),
            ParsedPhoto("Japan-Russia Summit Meeting", ""),
            ParsedPhoto("The leaders at the exchange of documents", CABINET),
            ParsedPhoto("The leaders visiting the exhibition of Japanese companies", CABINET),
        ),
        [
            (10, "paragraph", 0, "On September 7, commencing at 11:50 a.m. (local time;"),
            (12, "heading", 1, "Overview"),
            (14, "paragraph", 0, "The meeting consisted of a small group meeting"),
            (16, "paragraph", 0, "50 minutes of the tête-à-tête meeting were devoted"),
            (18, "heading", 1, "Joint economic activities on the Four Northern Islands"),
            (20, "paragraph", 0, "The leaders agreed to proceed with the following five"),
            (22, "paragraph", 0, "The leaders instructed the relevant officials"),
            (24, "heading", 1, "Economy"),
            (26, "paragraph", 0, "Prime Minister Abe stated that 2017 was the year"),
        ],
    ),
    "release-variant-items-2016-12-16.txt": (
        datetime.date(2016, 12, 16),
        (ParsedPhoto("Japan-Russia Summit Meeting", CABINET),),
        [
            (5, "paragraph", 0, "On December 16, from 10:40 a.m. for approximately"),
            (7, "heading", 1, "Economy"),
            (8, "heading", 2, "Eight-point cooperation plan"),
            (9, "paragraph", 0, "The leaders reviewed the progress of each of the eight"),
            (10, "item", 3, "extending healthy life expectancy"),
            (11, "item", 3, "comfortable and clean cities"),
            (12, "item", 3, "expanding medium-sized and small company exchange"),
            (13, "item", 3, "energy"),
            (14, "item", 3, "promoting industrial diversification"),
            (15, "item", 3, "developing industries and export bases in the Far East"),
            (16, "item", 3, "cooperation on advanced technology"),
            (17, "item", 3, "expanding people-to-people interaction"),
            (19, "heading", 2, "Documents"),
            (20, "bullet", 1, "A total of 80 documents were signed"),
            (21, "bullet", 1, "The leaders welcomed the financing arrangements"),
            (22, "bullet", 1, "The leaders attended a meeting with business leaders"),
            (24, "heading", 1, "Northern Territories issue"),
            (25, "paragraph", 0, "The leaders confirmed the following:"),
            (26, "item", 3, "the start of consultations on joint economic activities;"),
            (27, "item", 3, "the facilitation of visits by former island residents;"),
            (28, "item", 3, "the sincere determination to resolve the peace treaty issue;"),
            (29, "item", 3, "the issuance of a press statement on the above."),
            (31, "heading", 1, "Security"),
            # A sentence after "(1)" is a numbered paragraph, not a sub-heading.
            (32, "numbered", 2, 'The leaders agreed to resume the Japan-Russia "2+2" meeting.'),
            (33, "bullet", 1, "The leaders welcomed the resumption of consultations"),
            (34, "bullet", 1, "The leaders agreed to continue the dialogue."),
        ],
    ),
    "release-variant-crlf-bom-2017-04-27.txt": (
        datetime.date(2017, 4, 27),
        (),
        [
            (3, "paragraph", 0, "On April 27, commencing at 5:10 p.m. (local time)"),
            (5, "heading", 1, "Peace treaty issue"),
            (6, "heading", 2, "Joint economic activities"),
            (7, "item", 3, "The leaders agreed to dispatch a joint public and private"),
            (8, "item", 3, "The leaders confirmed that the activities will be carried out"),
            (9, "heading", 2, "Humanitarian measures"),
            (10, "item", 3, "The leaders agreed to realize a special grave visit"),
            (12, "heading", 1, "Economy"),
            (13, "bullet", 1, "The leaders welcomed the progress of the “Eight-point"),
            (14, "bullet", 1, "Prime Minister Abe stated that Japan will continue"),
            (16, "heading", 1, "International situation"),
            (17, "paragraph", 0, "The leaders exchanged views on Syria"),
        ],
    ),
    "release-variant-wrapped-2017-08-07.txt": (
        datetime.date(2017, 8, 7),
        (ParsedPhoto("Japan-Russia Foreign Ministers' Meeting", "MOFA"),),
        [
            (7, "paragraph", 0, "On August 7, commencing at 9:05 a.m. (local time)"),
            (13, "heading", 1, "Bilateral relations"),
            (15, "bullet", 1, "Minister Kono stated that he would like to work together"),
            (19, "bullet", 1, "Minister Lavrov expressed his agreement."),
            (
                21,
                "heading",
                1,
                "Joint economic activities and humanitarian measures for former island residents",
            ),
            (24, "item", 3, "The ministers confirmed that the vice-ministerial consultations"),
            (27, "item", 3, "The ministers agreed to make the special grave visit by airplane,"),
            (30, "paragraph", 0, "2018 will be the “Year of Russia in Japan”"),
            (35, "heading", 1, "North Korea"),
            (37, "paragraph", 0, "Minister Kono stated that North Korea's repeated"),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variant_release(name):
    date, photos, expected = VARIANTS[name]

    release = parse_release_text(read(name))

    assert release.topic == "Japan-Russia Relations"
    assert release.date == date
    assert release.photos == photos
    if photos:
        assert release.title == photos[0].caption and not release.title_from_lead
    else:
        # No title line and no caption: the lead's first sentence, without its full stop.
        lead = release.segments[0].text
        assert release.title_from_lead and lead.startswith(release.title)
        assert release.title[-1] != "." and len(release.title) < len(lead)
    found = [(s.line, s.kind, s.level, s.text) for s in release.segments]
    assert [(line, kind, level) for line, kind, level, _ in found] == [
        (line, kind, level) for line, kind, level, _ in expected
    ]
    for (_, _, _, text), (line, _, _, start) in zip(found, expected, strict=True):
        assert text.startswith(start), f"line {line}: {text!r}"


def test_variant_files_exercise_their_encodings():
    assert read("release-variant-crlf-bom-2017-04-27.txt").startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in read("release-variant-crlf-bom-2017-04-27.txt")
    assert b"\r" not in read("release-variant-wrapped-2017-08-07.txt")


def test_variant_keeps_quotes_and_non_latin_words_exactly():
    release = parse_release_text(read("release-variant-crlf-bom-2017-04-27.txt"))
    texts = [segment.text for segment in release.segments]

    assert texts[3] == (
        "The leaders agreed to dispatch a joint public and private research team to the Four "
        "Northern Islands (“北方四島”, called “Южные Курилы” in Russia) as early as May."
    )
    assert texts[8] == (
        "The leaders welcomed the progress of the “Eight-point Cooperation Plan” "
        "(План сотрудничества из восьми пунктов)."
    )
    assert texts[9] == (
        "Prime Minister Abe stated that Japan will continue working with Russia’s Far East, "
        "including Владивосток."
    )
    assert not any("\r" in text or "\ufeff" in text for text in texts)


def test_variant_joins_hard_wrapped_lines_with_single_spaces():
    release = parse_release_text(read("release-variant-wrapped-2017-08-07.txt"))
    texts = [segment.text for segment in release.segments]

    assert texts[0] == (
        "On August 7, commencing at 9:05 a.m. (local time) for approximately 50 minutes, "
        "Mr. Taro Kono, Minister for Foreign Affairs of Japan, who is visiting Manila to attend "
        "the ASEAN-related Foreign Ministers' Meetings, held a Japan-Russia Foreign Ministers' "
        "Meeting with H.E. Mr. Sergey Lavrov, Minister of Foreign Affairs of the Russian "
        "Federation."
    )
    assert texts[2] == (
        "Minister Kono stated that he would like to work together with Minister Lavrov to "
        "steadily implement the agreements reached by the leaders, and to prepare for the "
        "visit of Prime Minister Abe to Vladivostok in September."
    )
    assert texts[5] == (
        "The ministers confirmed that the vice-ministerial consultations will be held in "
        "Moscow at the end of August, and that the findings of the local research will be "
        "reflected in the discussions."
    )
    # A wrapped line that starts with "back to" in the middle of the body is text.
    assert texts[7].endswith("the Bolshoi Theatre would come back to Tokyo during the Years.")
    assert texts[9] == (
        "Minister Kono stated that North Korea's repeated launches of ballistic missiles are "
        "unacceptable."
    )


# --- photos -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "photo"),
    [
        (
            "photo1: Summit Meeting (Photo: Cabinet Public Relations Office)",
            ("Summit Meeting", CABINET),
        ),
        ("Photo2: Summit Meeting", ("Summit Meeting", "")),
        ("PHOTO 3 :  Summit   Meeting", ("Summit Meeting", "")),
        ("photo: Summit Meeting (Photo credit: MOFA)", ("Summit Meeting", "MOFA")),
        ("Summit Meeting (Photo: MOFA)", ("Summit Meeting", "MOFA")),
        ("Summit Meeting ( photo : MOFA )", ("Summit Meeting", "MOFA")),
        ("Meeting (in Hamburg) (Photo: MOFA)", ("Meeting (in Hamburg)", "MOFA")),
        ("photo1: Meeting (Photo: Cabinet Office (Japan))", ("Meeting", "Cabinet Office (Japan)")),
        (
            "photo1: Вручение грамоты 「日露」 (Photo: Kremlin)",
            ("Вручение грамоты 「日露」", "Kremlin"),
        ),
    ],
)
def test_photo_line(line, photo):
    release = parse_release_text(f"{HEADER}{line}\n\nThe leaders met.\n")

    assert release.photos == (ParsedPhoto(*photo),)
    assert release.title == photo[0]
    assert [segment.text for segment in release.segments] == ["The leaders met."]


@pytest.mark.parametrize(
    "line",
    [
        "On July 7 (local time), the leaders met.",
        "Photographs were taken at the meeting.",
        "Photo opportunities were arranged.",
    ],
)
def test_line_without_photo_prefix_or_credit_starts_the_body(line):
    release = parse_release_text(f"{HEADER}{line}\n")

    assert release.photos == ()
    # Without a title line or a caption, the lead's first sentence is the (doubtful) title.
    assert release.title == line.removesuffix(".") and release.title_from_lead
    assert release.segments == (ParsedSegment("paragraph", 0, line, 5),)


def test_photo_lines_may_be_separated_by_blank_lines_and_may_stand_in_the_body():
    release = parse_release_text(
        "Japan-Russia Relations\nJuly 7, 2017\n\nphoto1: First\n\n\nphoto2: Second (Photo: X)\n"
        "The leaders met.\nphoto3: Third\n"
    )

    assert release.photos == (
        ParsedPhoto("First", ""),
        ParsedPhoto("Second", "X"),
        ParsedPhoto("Third", ""),
    )
    assert [photo.line for photo in release.photos] == [4, 7, 9]
    assert release.segments == (ParsedSegment("paragraph", 0, "The leaders met.", 8),)


# --- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "July 7, 2017",
        "July 7 2017",
        "7 July 2017",
        "2017-07-07",
        "  JULY  7,  2017  ",
        "Jul. 7, 2017",
    ],
)
def test_date_formats(line):
    assert parse_release_text(f"Japan-Russia Relations\n{line}\nText.\n").date == datetime.date(
        2017, 7, 7
    )


def test_date_month_names_cover_the_whole_year():
    dates = [
        parse_release_text(f"Topic\n{month} 1, 2018\nText.").date
        for month in ("January", "February", "March", "April", "May", "June", "July")
        + ("August", "September", "October", "November", "December", "Sept.")
    ]

    assert [date.month for date in dates] == [*range(1, 13), 9]


# --- body structure ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1. Northern Territories issue", ("heading", 1, "Northern Territories issue")),
        ("12.\tEconomy", ("heading", 1, "Economy")),
        ("(1) Joint economic activities", ("heading", 2, "Joint economic activities")),
        ("(10) Tenth", ("heading", 2, "Tenth")),
        ("(i) The leaders agreed.", ("item", 3, "The leaders agreed.")),
        ("(i)The leaders agreed.", ("item", 3, "The leaders agreed.")),
        ("(iv) Energy", ("item", 3, "Energy")),
        ("(v) Diversification", ("item", 3, "Diversification")),
        ("(ix) Ninth", ("item", 3, "Ninth")),
        ("(xiv) Fourteenth", ("item", 3, "Fourteenth")),
        ("(a) the start of consultations", ("item", 3, "the start of consultations")),
        ("(c) third", ("item", 3, "third")),
        ("(d) fourth", ("item", 3, "fourth")),
        ("• The leaders agreed.", ("bullet", 1, "The leaders agreed.")),
        ("•The leaders agreed.", ("bullet", 1, "The leaders agreed.")),
        ("・首脳は合意した。", ("bullet", 1, "首脳は合意した。")),
        ("- The leaders agreed.", ("bullet", 1, "The leaders agreed.")),
        ("* The leaders agreed.", ("bullet", 1, "The leaders agreed.")),
        ("– The leaders agreed.", ("bullet", 1, "The leaders agreed.")),
        (
            "2017 was the year of implementation.",
            ("paragraph", 0, "2017 was the year of implementation."),
        ),
        ("50 minutes were devoted to it.", ("paragraph", 0, "50 minutes were devoted to it.")),
        ("3.5 million tourists.", ("paragraph", 0, "3.5 million tourists.")),
        ("100. A hundred.", ("paragraph", 0, "100. A hundred.")),
        ("1.Northern", ("paragraph", 0, "1.Northern")),
        ("(2017) was a year.", ("paragraph", 0, "(2017) was a year.")),
        ("(mix) of measures.", ("paragraph", 0, "(mix) of measures.")),
        ("(civil) society.", ("paragraph", 0, "(civil) society.")),
        ("i. The leaders.", ("paragraph", 0, "i. The leaders.")),
        ("-based approach.", ("paragraph", 0, "-based approach.")),
        ("“Quoted” words open it.", ("paragraph", 0, "“Quoted” words open it.")),
    ],
)
def test_line_kind_and_level(line, expected):
    assert parse_body(f"{line}\n") == [expected]


def test_internal_spaces_collapse_and_indentation_is_ignored():
    assert parse_body("\t  The   leaders\tmet  in\u00a0Moscow.   \n") == [
        ("paragraph", 0, "The leaders met in\u00a0Moscow.")
    ]


def test_blank_line_separates_paragraphs():
    assert parse_body("First paragraph.\n\nSecond paragraph.\n") == [
        ("paragraph", 0, "First paragraph."),
        ("paragraph", 0, "Second paragraph."),
    ]


def test_wrapped_paragraph_item_and_bullet_are_joined():
    body = (
        "The leaders held\n   a meeting.\n\n(i) The leaders\nagreed.\n(ii) They also\n"
        "  discussed access.\n• Prime Minister\n  Abe stated.\n"
    )

    assert parse_body(body) == [
        ("paragraph", 0, "The leaders held a meeting."),
        ("item", 3, "The leaders agreed."),
        ("item", 3, "They also discussed access."),
        ("bullet", 1, "Prime Minister Abe stated."),
    ]


def test_short_heading_is_not_continued_by_the_paragraph_below_it():
    release = parse_release_text(HEADER + "3. International situation\nThe leaders met.\nAgain.\n")

    # Text that is not hard-wrapped has one paragraph a line.
    assert [(s.kind, s.level, s.text, s.line) for s in release.segments] == [
        ("heading", 1, "International situation", 5),
        ("paragraph", 0, "The leaders met.", 6),
        ("paragraph", 0, "Again.", 7),
    ]


@pytest.mark.parametrize(
    ("body", "heading"),
    [
        (
            "(2) Facilitating visits by former residents to the Four Northern\nIslands\n",
            "Facilitating visits by former residents to the Four Northern Islands",
        ),
        ("1. Northern Territories\nissue\n", "Northern Territories issue"),
        ("1.\nNorthern Territories issue\n", "Northern Territories issue"),
    ],
)
def test_wrapped_heading_is_joined(body, heading):
    kind, level, text = parse_body(body)[0]

    assert (kind, text) == ("heading", heading)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("日露首脳会談が\n行われた。\n", "日露首脳会談が行われた。"),
        ("「北方四島」\nにおける\n共同経済活動\n", "「北方四島」における共同経済活動"),
        ("The leaders discussed\n北方四島.\n", "The leaders discussed 北方四島."),
        ("北方四島\nwere discussed.\n", "北方四島 were discussed."),
        ("Территории опережающего\nразвития\n", "Территории опережающего развития"),
    ],
)
def test_wrapped_cjk_text_is_joined_without_a_space(body, expected):
    assert parse_body(body) == [("paragraph", 0, expected)]


def test_bare_marker_takes_its_text_from_the_next_line():
    assert parse_body("•\nThe leaders agreed.\n(i)\n  Energy\n") == [
        ("bullet", 1, "The leaders agreed."),
        ("item", 3, "Energy"),
    ]


@pytest.mark.parametrize(
    ("body", "texts"),
    [
        ("Text.\n\nBack to Japan-Russia Relations", ["Text."]),
        ("Text.\nBack to Japan-Russia Relations\n\n\n", ["Text."]),
        ("• Text.\nback to japan-russia relations\n", ["Text."]),
        ("Text.\n\nBACK TO TOP\n", ["Text."]),
        ("Back to Japan-Russia Relations\n\nText.\n", ["Back to Japan-Russia Relations", "Text."]),
        (
            "Text.\n\nBack to the question of a treaty, the leaders agreed.\n",
            ["Text.", "Back to the question of a treaty, the leaders agreed."],
        ),
        ("Text.\n\nBack to “Moscow.”\n", ["Text.", "Back to “Moscow.”"]),
    ],
)
def test_closing_back_link_is_dropped_and_other_back_to_lines_are_text(body, texts):
    assert [text for _, _, text in parse_body(body)] == texts


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("as_bytes", [False, True])
def test_line_endings_do_not_change_the_result(newline, as_bytes):
    source = read(SEED).decode("utf-8").replace("\n", newline)

    release = parse_release_text(source.encode("utf-8") if as_bytes else source)

    assert [(s.line, s.kind, s.level, s.text) for s in release.segments] == SEED_SEGMENTS


@pytest.mark.parametrize(
    "data", ["\ufeff" + HEADER + "Text.", b"\xef\xbb\xbf" + HEADER.encode() + b"Text."]
)
def test_byte_order_mark_is_ignored(data):
    release = parse_release_text(data)

    assert release.topic == "Japan-Russia Relations"
    assert release.segments == (ParsedSegment("paragraph", 0, "Text.", 5),)


# --- refusals ---------------------------------------------------------------------------

LATIN_1 = "Japan-Russia Relations\r\n\r\nJuly 7, 2017\r\n\r\nA tête-à-tête meeting.\r\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "the file is empty"),
        ("", "the file is empty"),
        (b" \n\t\n\r\n   \f\n", "the file is empty"),
        (b"\xef\xbb\xbf\n\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "line 2: the file contains binary data"),
        (b"Japan-Russia Relations\nJuly 7, 2017\nText\x00more", "line 3: the file contains binary"),
        ("Japan-Russia Relations\rJuly 7, 2017\rText\x07", "line 3: the file contains binary"),
        ("Japan-Russia Relations\nJuly 7, 2017\n\nText\x85", "line 4: the file contains binary"),
        (LATIN_1.encode("latin-1"), "line 5: not valid UTF-8 text (byte 0xEA cannot be decoded)"),
        (
            "Japan-Russia Relations\nJuly 7, 2017\nРоссия\n".encode("cp1251"),
            "line 3: not valid UTF-8 text (byte 0xD0 cannot be decoded)",
        ),
        (
            "Japan-Russia Relations\nJuly 7, 2017\nText.\n".encode("utf-16"),
            "line 1: not valid UTF-8 text (the file is UTF-16)",
        ),
        (
            "Japan-Russia Relations\n\nphoto1: Japan-Russia Summit Meeting (Photo: Cabinet)\n",
            'line 3: expected a date line such as "July 7, 2017", found "photo1: Japan-Russia',
        ),
        (
            "Japan-Russia Relations\n\n\n" + "The leaders met for a long time. " * 5,
            'line 4: expected a date line such as "July 7, 2017", found "The leaders met for a '
            'long time. The leaders met for a long…"',
        ),
        (
            "Japan-Russia Relations\n",
            'line 2: expected a date line such as "July 7, 2017", found the end of the file',
        ),
        (
            "Japan-Russia Relations\nJulember 7, 2017\nText.",
            'line 2: expected a date line such as "July 7, 2017", found "Julember 7, 2017"',
        ),
        (
            "July 7, 2017\nphoto1: Summit (Photo: Cabinet)\nText.",
            'line 1: expected a topic line such as "Japan-Russia Relations" before the date, '
            'found "July 7, 2017"',
        ),
        (
            "Japan-Russia Relations\n\nFebruary 30, 2017\nText.",
            'line 3: the date "February 30, 2017" does not exist',
        ),
        (
            "Japan-Russia Relations\n2017-02-29\nText.",
            'line 2: the date "2017-02-29" does not exist',
        ),
        (
            "Japan-Russia Relations\n2017-13-01\nText.",
            'line 2: the date "2017-13-01" does not exist',
        ),
        ("Japan-Russia Relations\nJuly 7, 2017\n", "line 2: the release has no body text"),
        (
            "Japan-Russia Relations\nJuly 7, 2017\nphoto1: A\nphoto2: B (Photo: C)\n\n",
            "line 4: the release has no body text",
        ),
        (
            HEADER + "\nBack to Japan-Russia Relations\n",
            "line 6: the release has no body text",
        ),
        (
            HEADER + "photo1: (Photo: Cabinet)\nText.",
            'line 5: the photo line "photo1: (Photo: Cabinet)" has no caption',
        ),
        (HEADER + "1.\n\nText.", 'line 5: the heading marker "1." has no text'),
        (HEADER + "Text.\n\n•\n", 'line 7: the bullet marker "•" has no text'),
    ],
)
def test_refusal(data, expected):
    error = refusal(data)

    assert str(error).startswith(expected)


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"", None),
        (b"\x89PNG\r\n\x1a\n", 2),
        (LATIN_1.encode("latin-1"), 5),
        ("Japan-Russia Relations\n\nJuly 32, 2017\nText.", 3),
        ("Japan-Russia Relations\n\nphoto1: A\n", 3),
    ],
)
def test_refusal_names_the_line(data, line):
    error = refusal(data)

    assert error.line == line
    assert str(error) == (error.message if line is None else f"line {line}: {error.message}")


def test_error_line_in_latin_1_file_counts_only_lines_before_the_bad_byte():
    data = ("Japan-Russia Relations\n" + "\n" * 40 + "July 7, 2017\nCafé\nLine\n").encode("latin-1")

    error = refusal(data)

    assert (error.line, error.message[:20]) == (43, "not valid UTF-8 text")


def test_error_survives_pickling_with_its_parts():
    error = pickle.loads(pickle.dumps(SegmenterError("the file is empty", line=3)))

    assert (error.message, error.line, str(error)) == (
        "the file is empty",
        3,
        "line 3: the file is empty",
    )
    assert isinstance(error, ValueError)


def test_parsed_values_are_frozen():
    release = parse_release_text(read(SEED))

    with pytest.raises(dataclasses.FrozenInstanceError):
        release.segments[0].text = "changed"
    assert isinstance(release, ParsedRelease)
    assert isinstance(release.segments, tuple) and isinstance(release.photos, tuple)


# --- property: rendered (kind, level, text) triples parse back --------------------------

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéàêüçДжёЯыщЮ北方四島日露共同"
ROMANS = "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx".split()
MONTHS = (
    "January February March April May June July August September October November December"
).split()
BULLETS = ["• ", "•", "・", "- ", "* ", "– "]
LATIN = list("abcdefghijklmnopqrstuvwxyz")
ENGLISH = CONVENTIONS["english"]


def is_wide(character: str) -> bool:
    return unicodedata.east_asian_width(character) in ("W", "F")


words = st.one_of(
    st.tuples(
        st.sampled_from(["", "“", "‘"]),
        st.text(alphabet=LETTERS, min_size=1, max_size=9),
        st.sampled_from(["", "”", "’s", ",", ".", ";", "!", "?"]),
    ).map("".join),
    st.integers(0, 2100).map(str),
)
texts = st.lists(words, min_size=1, max_size=14).map(" ".join)
segments = st.tuples(
    st.sampled_from([("paragraph", 0), ("heading", 1), ("heading", 2), ("item", 3), ("bullet", 1)]),
    texts,
).map(lambda pair: (*pair[0], pair[1]))


def render_date(draw, date: datetime.date) -> str:
    month = MONTHS[date.month - 1]
    return draw(
        st.sampled_from(
            [
                f"{month} {date.day}, {date.year}",
                f"{month} {date.day} {date.year}",
                f"{date.day} {month} {date.year}",
                date.isoformat(),
            ]
        )
    )


def wrap(draw, first: str, text: str, numbered: bool) -> list[str]:
    """Split ``first + text`` into lines as a hard-wrapping editor would.

    Lines break at spaces, except between two CJK characters, where the space is text; and
    they may break between two CJK characters with no space, as Japanese text is wrapped.
    They never break after the end of a sentence or before a capital (the reader takes
    such a break for a new paragraph in text that is not hard-wrapped).
    """
    lines = [first]
    for index, character in enumerate(text):
        line = lines[-1]
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if character == " ":
            breakable = not (is_wide(before) and is_wide(after))
            breakable = breakable and not after.isupper() and not ends_sentence(line)
        else:
            breakable = is_wide(before) and is_wide(character)
        # The parser only continues a numbered line whose line is long enough to have been
        # wrapped (unless the text below goes on in lower case).
        if numbered and len(line) < 60:
            breakable = False
        if breakable and draw(st.booleans()):
            lines.append("" if character == " " else character)
        else:
            lines[-1] = line + character
    return lines


LEAD = "The leaders met."


@st.composite
def releases(draw):
    topic = " ".join(
        draw(st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=8), min_size=1, max_size=4))
    )
    # A breadcrumb that names a section of the site ("Speeches") is not a topic.
    assume(not English().is_section(topic))
    date = draw(st.dates(datetime.date(1950, 1, 1), datetime.date(2099, 12, 31)))
    lines = [topic, *[""] * draw(st.integers(0, 2)), render_date(draw, date)]
    photos = []
    for number in range(1, draw(st.integers(0, 3)) + 1):
        caption = draw(texts)
        credit = draw(st.one_of(st.just(""), texts))
        lines.extend([""] * draw(st.integers(0, 1)))
        if credit and draw(st.booleans()):
            lines.append(f"{caption} (Photo: {credit})")
        elif credit:
            lines.append(f"photo{number}: {caption} (Photo: {credit})")
        else:
            lines.append(f"photo{number}: {caption}")
        photos.append(ParsedPhoto(caption, credit))

    # A lead that ends a sentence, so that no short first line is taken for a caption.
    lines.extend(["", LEAD])
    expected = [ParsedSegment("paragraph", 0, LEAD, len(lines))]
    run = None  # the item list being written: (style, labels, count)
    for kind, level, text in draw(st.lists(segments, min_size=1, max_size=8)):
        # A paragraph needs a blank line above it, or it would continue the segment above.
        fewest = 1 if kind == "paragraph" else 0
        lines.extend([draw(st.sampled_from(["", "  ", "\t"]))] * draw(st.integers(fewest, 2)))
        style = ""
        if kind == "heading":
            number = draw(st.integers(1, 99))
            marker = f"{number}. " if level == 1 else f"({number}) "
            style = "decimal" if level == 1 else "parenthesised"
            kind = "numbered" if ENGLISH.reads_as_sentences(text) else "heading"
            run = None
        elif kind == "item":
            if run is None or run[2] == len(run[1]):
                run = draw(st.sampled_from([("lower-roman", ROMANS), ("lower-latin", LATIN)]))
                run = (*run, 0)
            style, labels, count = run
            marker = f"({labels[count]}) "
            run = (style, labels, count + 1)
        elif kind == "bullet":
            marker = draw(st.sampled_from(BULLETS))
        else:
            marker = ""
        expected.append(ParsedSegment(kind, level, text, len(lines) + 1, style))
        indent = draw(st.sampled_from(["", " ", "  ", "\t"]))
        trailing = draw(st.sampled_from(["", " ", "\t "]))
        lines.extend(
            indent + line + trailing
            for line in wrap(draw, marker, text, kind in ("heading", "numbered"))
        )

    if draw(st.booleans()):
        lines.extend([""] * draw(st.integers(0, 2)))
        lines.append(f"Back to {topic}")
    else:
        assume(not re.match(r"back\s+to\s", lines[-1].strip(), re.IGNORECASE))

    source = draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)
    source = draw(st.sampled_from(["", "\ufeff"])) + source
    data = source.encode("utf-8") if draw(st.booleans()) else source
    # Without a caption, the lead's first sentence stands in for the missing title line.
    lead_title = "" if photos else LEAD.removesuffix(".")
    return data, ParsedRelease(topic, date, tuple(photos), tuple(expected), lead_title=lead_title)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(releases())
def test_rendered_release_parses_back_to_its_parts(case):
    data, expected = case

    assert parse_release_text(data) == expected
