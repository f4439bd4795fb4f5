"""The English importer on the variety of real releases: titles, captions, numbered
paragraphs, two markers on a line, lettered items, one paragraph a line, notes, sections."""

import datetime
from pathlib import Path

import pytest

from records.segmenter import ParsedPhoto, parse_release_text

DATA = Path(__file__).resolve().parent.parent / "data"
CABINET = "Cabinet Public Relations Office"
HEADER = "Japan-Russia Relations\nJuly 7, 2017\n\n"


def parse(name):
    return parse_release_text((DATA / name).read_bytes())


def structure(release):
    return [(s.line, s.kind, s.level, s.style) for s in release.segments]


def test_title_line_between_breadcrumb_and_date_and_every_caption_form():
    release = parse("release-variant-title-2019-06-29.txt")

    assert (release.topic, release.section) == ("Japan-Republic of Korea Relations", "")
    assert release.title == "Japan-ROK Summit Meeting"
    assert release.date == datetime.date(2019, 6, 29)
    # "(Photo 1) …", "(Photo2) … Photo: credit", "… <br>(Photo: credit)", "Photo4: …<br>Photo:"
    assert release.photos == (
        ParsedPhoto("The two leaders shaking hands", CABINET),
        ParsedPhoto("The summit meeting in progress", CABINET),
        ParsedPhoto("The leaders at the working dinner", CABINET),
        ParsedPhoto("The leaders with the delegations", CABINET),
    )
    assert structure(release) == [
        (9, "paragraph", 0, ""),
        (11, "heading", 1, "decimal"),
        (12, "paragraph", 0, ""),
        (13, "paragraph", 0, ""),
        (15, "heading", 1, "decimal"),
        (16, "heading", 2, "parenthesised"),
        (17, "item", 3, "lower-latin"),
        (18, "item", 3, "lower-latin"),
        (19, "heading", 2, "parenthesised"),
        (20, "paragraph", 0, ""),
    ]
    assert release.doubts == ()


def test_title_as_first_line_bare_captions_and_two_markers_on_a_line():
    release = parse("release-variant-no-breadcrumb-2010-11-13.txt")

    assert release.title == "Japan-Russia Foreign Ministers’ Meeting"
    # "Back to Index" names a section of the site, not a topic.
    assert release.topic == ""
    assert release.date == datetime.date(2010, 11, 13)
    assert (
        release.photos
        == (ParsedPhoto("Japan-Russia Foreign Ministers’ Meeting(handshake)", ""),) * 3
    )
    assert structure(release) == [
        (7, "paragraph", 0, ""),
        (9, "numbered", 2, "decimal-parenthesised"),
        (10, "item", 3, "lower-latin"),
        (11, "item", 3, "lower-latin"),
        (12, "item", 3, "lower-latin"),
        (13, "numbered", 2, "parenthesised"),
        (14, "numbered", 2, "decimal-parenthesised"),
        (15, "numbered", 2, "parenthesised"),
        (16, "numbered", 1, "decimal"),
    ]
    assert release.segments[1].text.startswith("On Japan-Russia relations, the Japanese")
    assert "(1)" not in release.segments[1].text
    # The bare captions and the one-line title are marked as doubtful for the preview.
    assert {doubt.line for doubt in release.doubts} >= {1, 3, 4, 5}


def test_telephone_talk_numbered_paragraphs_note_and_section_breadcrumb():
    release = parse("release-variant-telephone-2017-09-04.txt")

    assert release.section == "Press Releases"
    assert release.topic == "Japan-U.S. Relations"  # from the closing link that names one
    assert release.title == "Japan-U.S. Summit Telephone Talk"
    assert release.date == datetime.date(2017, 9, 4)
    assert release.photos == ()
    assert structure(release) == [
        (4, "numbered", 1, "decimal"),
        (5, "numbered", 1, "decimal"),
        (6, "numbered", 1, "decimal"),
        (7, "note", 0, ""),
    ]
    assert release.segments[0].text.startswith("The Prime Minister explained")
    assert release.segments[3].text.startswith("(*The foregoing is a provisional translation")


def test_caption_bullets_before_the_lead_and_photo_bullet_in_the_body():
    release = parse("release-variant-photo-bullets-2018-05-26.txt")

    assert (release.topic, release.section) == ("Japan-Russia Relations", "Press Releases")
    assert release.title == "Japan-Russia Summit Meeting"
    assert release.date == datetime.date(2018, 5, 26)
    assert release.photos == (
        ParsedPhoto("Japan-Russia Summit Meeting", CABINET),
        ParsedPhoto("Japan-Russia Summit Meeting (tête-à-tête meeting)", ""),
        ParsedPhoto("The leaders at the joint press announcement", CABINET),
    )
    assert [photo.line for photo in release.photos] == [4, 5, 10]
    # One paragraph a line, no blank lines: each line its own paragraph.
    assert structure(release) == [
        (6, "paragraph", 0, ""),
        (7, "paragraph", 0, ""),
        (8, "heading", 1, "decimal"),
        (9, "bullet", 1, ""),
        (11, "bullet", 1, ""),
        (12, "heading", 1, "decimal"),
        (13, "paragraph", 0, ""),
        (14, "paragraph", 0, ""),
    ]


def test_seed_still_gives_its_twenty_segments():
    release = parse("release-seed-2017-07-07.txt")

    assert len(release.segments) == 20
    assert release.title == "Japan-Russia Summit Meeting"
    assert release.topic == "Japan-Russia Relations" and release.headline is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("(a) one\n(b) two\n(c) three\n", ["lower-latin"] * 3),
        ("(i) one\n(ii) two\n(iii) three\n", ["lower-roman"] * 3),
        # "(i)" after "(h)" is the ninth letter, not roman one.
        ("(g) g\n(h) h\n(i) i\n(j) j\n", ["lower-latin"] * 4),
        ("(iv) four\n(v) five\n(vi) six\n", ["lower-roman"] * 3),
    ],
)
def test_items_keep_the_style_they_are_written_in(body, expected):
    release = parse_release_text(HEADER + "Lead.\n\n" + body)

    assert [s.style for s in release.segments[1:]] == expected
    assert {s.level for s in release.segments[1:]} == {3}


def test_a_list_inside_a_list_nests_and_returns():
    release = parse_release_text(HEADER + "Lead.\n(i) one\n(a) one a\n(b) one b\n(ii) two\n")

    assert [(s.level, s.style) for s in release.segments[1:]] == [
        (3, "lower-roman"),
        (4, "lower-latin"),
        (4, "lower-latin"),
        (3, "lower-roman"),
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("1. Economy", "heading"),
        ("1. Future political dialogue", "heading"),
        ("1. The leaders agreed to meet again.", "numbered"),
        ("1. The leaders met. They agreed", "numbered"),
        ("1. " + "very long heading without a full stop " * 5, "numbered"),
        ("(2) Facilitating visits by former residents", "heading"),
        ("(2) The ministers agreed to continue the dialogue.", "numbered"),
    ],
)
def test_heading_or_numbered_paragraph(line, kind):
    release = parse_release_text(HEADER + "Lead.\n\n" + line + "\n")

    assert release.segments[1].kind == kind


@pytest.mark.parametrize(
    "closing", ["Back to Japan-Russia Relations", "Back to Top", "Back to Index\nBack to Top"]
)
def test_closing_links_of_any_wording_are_navigation(closing):
    release = parse_release_text(HEADER + "Lead.\n\n" + closing + "\n")

    assert [s.text for s in release.segments] == ["Lead."]


def test_hard_wrapped_text_keeps_sentences_that_end_at_a_full_line_together():
    body = (
        "The leaders discussed the economy in depth and confirmed the plan of the\n"
        "two governments. They agreed to continue talks at the summit in autumn.\n"
        "Also, the leaders discussed culture, and they agreed to hold a festival of\n"
        "the two countries.\n"
        "The next paragraph starts here.\n"
    )
    release = parse_release_text(HEADER + body)

    assert [s.text[:20] for s in release.segments] == [
        "The leaders discusse",
        "The next paragraph s",
    ]
