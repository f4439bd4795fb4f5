"""Numbering: markers are structure (kind, level, style), rendered per language at any count."""

import pytest

from records.models import Release, Revision
from records.numbering import marker, number_segments, roman, segment_labels
from records.revisions import revisions_store
from records.services import MergeConflict, content_from_document, release_write
from records.snapshots import SCHEMA_VERSION, release_snapshot, snapshot_checksum, snapshot_upgrade


def segments(*structure):
    return [
        {"key": str(index), "kind": kind, "level": level, "style": style, "text": {"en": "x"}}
        for index, (kind, level, style) in enumerate(structure)
    ]


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "i"), (4, "iv"), (9, "ix"), (39, "xxxix"), (40, "xl"), (49, "xlix"), (90, "xc")],
)
def test_roman_numerals_are_right_beyond_39(number, expected):
    assert roman(number) == expected


def test_lettered_counters_go_on_after_the_alphabet():
    assert [marker("en", "lower-latin", n) for n in (1, 26, 27, 28, 52, 53)] == [
        "(a)",
        "(z)",
        "(aa)",
        "(ab)",
        "(az)",
        "(ba)",
    ]
    assert marker("ja", "lower-latin", 44) == "ワ"
    assert marker("ja", "lower-latin", 45) == "アア"
    assert marker("ru", "lower-latin", 28) == "я)"
    assert marker("ru", "lower-latin", 29) == "аа)"
    assert marker("en", "lower-roman", 40) == "(xl)"


def test_each_language_renders_the_style_as_written():
    structure = segments(
        ("heading", 1, "decimal"),
        ("numbered", 2, "parenthesised"),
        ("item", 3, "lower-latin"),
        ("item", 3, "lower-latin"),
        ("item", 4, "lower-roman"),
        ("item", 3, "lower-latin"),
        ("numbered", 1, "decimal"),
        ("item", 3, "lower-roman"),
        ("bullet", 1, ""),
        ("note", 0, ""),
    )
    assert segment_labels(structure, "en") == [
        "1.", "(1)", "(a)", "(b)", "(i)", "(c)", "2.", "(i)", "•", "",
    ]  # fmt: skip
    assert segment_labels(structure, "ja") == [
        "1", "(1)", "ア", "イ", "(ア)", "ウ", "2", "ア", "・", "",
    ]  # fmt: skip
    assert segment_labels(structure, "ru") == [
        "1.", "1)", "а)", "б)", "а)", "в)", "2.", "а)", "•", "",
    ]  # fmt: skip


def test_two_markers_on_one_line_open_both_numbers():
    structure = segments(
        ("heading", 1, "decimal"),
        ("numbered", 2, "decimal-parenthesised"),
        ("item", 3, "lower-latin"),
        ("numbered", 2, "parenthesised"),
        ("numbered", 2, "decimal-parenthesised"),
    )
    assert segment_labels(structure, "en") == ["1.", "2. (1)", "(a)", "(2)", "3. (1)"]
    assert segment_labels(structure, "ru") == ["1.", "2. 1)", "а)", "2)", "3. 1)"]


def test_item_forty_and_forty_nine_render_correctly():
    structure = segments(*[("item", 3, "lower-roman")] * 49)
    labels = [s.label for s in number_segments(structure, "en")]
    assert labels[39] == "(xl)" and labels[48] == "(xlix)"


def test_old_snapshots_get_the_style_their_kind_and_level_implied():
    old = {
        "schema_version": 2,
        "segments": [
            {"key": "a", "kind": "heading", "level": 1, "text": {}},
            {"key": "b", "kind": "heading", "level": 2, "text": {}},
            {"key": "c", "kind": "item", "level": 3, "text": {}},
            {"key": "d", "kind": "bullet", "level": 1, "text": {}},
            {"key": "e", "kind": "paragraph", "level": 0, "text": {}},
        ],
    }
    upgraded = snapshot_upgrade(old)
    assert upgraded["schema_version"] == SCHEMA_VERSION == 3
    assert [s["style"] for s in upgraded["segments"]] == [
        "decimal",
        "parenthesised",
        "lower-roman",
        "",
        "",
    ]
    # Old labels stay as they were rendered.
    assert segment_labels(old["segments"], "en") == ["1.", "(1)", "(i)", "•", ""]


def test_old_json_documents_import_with_the_implied_style():
    content, _, _ = content_from_document(
        {
            "slug": "s",
            "date": "2017-07-07",
            "topic": "t",
            "title": {"en": "T"},
            "segments": [{"kind": "item", "level": 3, "text": {"en": "x"}}],
        }
    )
    assert content["segments"][0]["style"] == "lower-roman"


@pytest.mark.django_db
def test_a_head_revision_in_the_old_schema_makes_no_spurious_revision(seed_release, editor):
    head = seed_release.revisions.get(number=1).snapshot
    old = {
        **head,
        "schema_version": 2,
        "segments": [
            {name: value for name, value in segment.items() if name != "style"}
            for segment in head["segments"]
        ],
    }
    revision = Revision.objects.create(
        release=seed_release,
        number=2,
        parent=seed_release.revisions.get(number=1),
        checksum=snapshot_checksum(old),
    )
    revisions_store([(revision, old, head)])
    Release.objects.filter(pk=seed_release.pk).update(head_number=2)
    seed_release.refresh_from_db()

    result = release_write(release_snapshot(seed_release), author=editor, based_on=2)

    assert result.revision is None
    assert seed_release.revisions.count() == 2


@pytest.mark.django_db
def test_marker_style_merges_like_kind_and_level(seed_release, editor):
    def edited(change):
        content = release_snapshot(seed_release)
        change(content["segments"])
        return content

    def restyle(style):
        def change(segments):
            segments[5]["style"] = style

        return change

    def retext(segments):
        segments[1]["text"]["en"] = "Northern Territories"

    release_write(edited(restyle("lower-latin")), author=editor, based_on=1)
    # A stale write that changed only a text keeps the newer style.
    seed_release.refresh_from_db()
    stale = edited(retext)
    stale["segments"][5]["style"] = "lower-roman"
    result = release_write(stale, author=editor, based_on=1)
    head = result.revision.snapshot["segments"]
    assert head[5]["style"] == "lower-latin" and head[1]["text"]["en"] == "Northern Territories"

    # Both sides changing the style differently is a conflict.
    seed_release.refresh_from_db()
    conflicting = edited(restyle("decimal"))
    with pytest.raises(MergeConflict) as caught:
        release_write(conflicting, author=editor, based_on=1)
    assert [conflict.field for conflict in caught.value.conflicts] == ["style"]
