"""The import_release command on the seed, on variants, and its refusals."""

import json
from collections import Counter

import pytest
from django.core.management import CommandError

from records.models import Photo, Release, Revision, Segment, Topic
from tests.helpers import run

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]


def nothing_written():
    return (
        Release.objects.count(),
        Segment.objects.count(),
        Photo.objects.count(),
        Revision.objects.count(),
        Topic.objects.count(),
    ) == (0, 0, 0, 0, 0)


def test_seed_import_produces_the_release(data_dir):
    out = run("import_release", str(data_dir / "release-seed-2017-07-07.txt"))
    release = Release.objects.get()
    assert "Created release" in out and release.slug in out
    assert release.slug == "japan-russia-summit-meeting-2017-07-07"
    assert release.date.isoformat() == "2017-07-07"
    assert release.title_en == "Japan-Russia Summit Meeting"
    assert release.topic.name_en == "Japan-Russia Relations"
    photos = list(release.photos.order_by("position"))
    assert [p.credit_en for p in photos] == ["Cabinet Public Relations Office"] * 2
    segments = list(release.segments.order_by("position"))
    assert len(segments) == 20
    counts = Counter((s.kind, s.level) for s in segments)
    assert counts == {
        ("paragraph", 0): 1,
        ("heading", 1): 5,
        ("heading", 2): 2,
        ("item", 3): 4,
        ("bullet", 1): 8,
    }
    assert [s.kind for s in segments[:5]] == ["paragraph", "heading", "bullet", "bullet", "heading"]
    assert segments[1].text_en == "Northern Territories issue"
    assert "(Территории опережающего развития, TOR)" in segments[10].text_en
    assert not any(s.text_en.startswith(("•", "(i)", "1.")) for s in segments)
    assert release.head_number == 1 and Revision.objects.get().number == 1


def test_reimporting_identical_file_changes_nothing(data_dir):
    path = str(data_dir / "release-seed-2017-07-07.txt")
    run("import_release", path)
    before = list(Segment.objects.values_list("key", "text_en").order_by("position"))
    out = run("import_release", path)
    assert "unchanged" in out
    assert Revision.objects.count() == 1
    assert list(Segment.objects.values_list("key", "text_en").order_by("position")) == before


def test_reimporting_edited_copy_keeps_keys_and_translations(data_dir, tmp_path, demo):
    release = demo["release"]
    segments = list(release.segments.order_by("position"))
    original = (data_dir / "release-seed-2017-07-07.txt").read_text(encoding="utf-8")
    edited = original.replace("2. Issues of North Korea", "2. Issues concerning North Korea")
    path = tmp_path / "edited.txt"
    path.write_text(edited, encoding="utf-8")
    out = run("import_release", str(path))
    assert "revision 3" in out
    heading = Segment.objects.get(key=segments[11].key)
    assert heading.text_en == "Issues concerning North Korea"
    # The Japanese and Russian text of the edited segment are kept, not lost.
    assert heading.text_ja == segments[11].text_ja and heading.text_ja
    assert heading.text_ru == segments[11].text_ru and heading.text_ru
    assert set(Segment.objects.values_list("key", flat=True)) == {s.key for s in segments}


@pytest.mark.parametrize(
    "name, title, expected",
    [
        ("release-variant-photos-2017-09-07.txt", None, None),
        ("release-variant-items-2016-12-16.txt", "Japan-Russia Summit Meeting in Nagato", None),
    ],
)
def test_variants_import(data_dir, name, title, expected):
    args = ["import_release", str(data_dir / name)]
    if title:
        args += ["--title", title]
    run(*args)
    release = Release.objects.get()
    assert release.segments.count() > 0
    for segment in release.segments.all():
        assert segment.text_en.strip() == segment.text_en
        assert not segment.text_en.startswith(("• ", "(i) ", "(1) "))


def test_slug_and_title_options(data_dir):
    run(
        "import_release",
        str(data_dir / "release-seed-2017-07-07.txt"),
        "--slug",
        "summit-2017",
        "--title",
        "Summit in Hamburg",
    )
    release = Release.objects.get()
    assert (release.slug, release.title_en) == ("summit-2017", "Summit in Hamburg")


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the file is empty"),
        (b"   \n\n  \n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (
            "Japan-Russia Relations\nJuly 7, 2017\nLeaders met in Moskva \u2014 caf\u00e9\n".encode(
                "latin-1", "replace"
            ).replace(b"?", b"\xe9"),
            "line 3: not valid UTF-8",
        ),
        (b"Japan-Russia Relations\n\nThe leaders met.\n", "line 3: expected a date line"),
        (b"Japan-Russia Relations\nFebruary 30, 2017\nText.\n", "line 2: the date"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_written(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError) as error:
        run("import_release", str(path))
    assert message in str(error.value)
    assert str(path) in str(error.value)
    assert nothing_written()


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        run("import_release", str(tmp_path / "absent.txt"))
    assert nothing_written()


def test_text_without_title_line_or_caption_takes_the_lead_sentence(tmp_path):
    path = tmp_path / "no-photo.txt"
    path.write_text(
        "Japan-Russia Relations\nJuly 7, 2017\n\nThe leaders met. They talked.\n", "utf-8"
    )
    out = run("import_release", str(path), "--dry-run")
    assert "? title: The leaders met" in out
    assert nothing_written()

    run("import_release", str(path))
    assert Release.objects.get().title_en == "The leaders met"
    run("import_release", str(path), "--title", "Meeting", "--slug", "meeting")
    assert Release.objects.get(slug="meeting").title_en == "Meeting"


def test_unknown_author_is_refused(data_dir):
    with pytest.raises(CommandError, match="unknown user"):
        run("import_release", str(data_dir / "release-seed-2017-07-07.txt"), "--author", "nobody")
    assert nothing_written()


def test_json_document_with_three_languages(tmp_path):
    document = {
        "slug": "three-languages",
        "date": "2017-07-07",
        "topic": {
            "slug": "japan-russia-relations",
            "name": {"en": "Japan-Russia Relations", "ja": "日露関係"},
        },
        "title": {"en": "Summit", "ja": "首脳会談", "ru": "Встреча"},
        "photos": [],
        "segments": [
            {
                "kind": "heading",
                "level": 1,
                "text": {"en": "Economy", "ja": "経済", "ru": "Экономика"},
            },
        ],
    }
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    run("import_release", str(path))
    release = Release.objects.get()
    assert (release.title_ja, release.title_ru) == ("首脳会談", "Встреча")
    assert release.segments.get().text_ru == "Экономика"
    assert release.topic.name_ja == "日露関係"


def test_variant_with_a_section_breadcrumb_takes_its_topic_from_the_closing_link(data_dir):
    run("import_release", str(data_dir / "release-variant-telephone-2017-09-04.txt"))

    release = Release.objects.get()
    assert release.title_en == "Japan-U.S. Summit Telephone Talk"
    assert release.topic.name_en == "Japan-U.S. Relations"
    assert [(s.kind, s.style) for s in release.segments.order_by("position")] == [
        ("numbered", "decimal"),
        ("numbered", "decimal"),
        ("numbered", "decimal"),
        ("note", ""),
    ]


def test_release_without_a_topic_goes_to_the_default_topic_and_says_so(data_dir):
    path = str(data_dir / "release-variant-no-breadcrumb-2010-11-13.txt")

    out = run("import_release", path)

    release = Release.objects.get()
    assert "default topic “press-releases”" in out
    assert release.topic.slug == "press-releases"
    names = (release.topic.name_en, release.topic.name_ja, release.topic.name_ru)
    assert names == ("Press Releases", "報道発表", "Пресс-релизы")
    assert release.title_en == "Japan-Russia Foreign Ministers’ Meeting"
    assert release.photos.count() == 3
    assert release.segments.get(position=2).style == "decimal-parenthesised"


def test_topic_option_still_names_the_topic_of_a_file_without_one(data_dir):
    path = str(data_dir / "release-variant-no-breadcrumb-2010-11-13.txt")

    out = run("import_release", path, "--topic", "Japan-Russia Relations")

    assert "default topic" not in out
    assert Release.objects.get().topic.slug == "japan-russia-relations"


def test_dry_run_prints_the_structure_and_writes_nothing(data_dir):
    out = run(
        "import_release", str(data_dir / "release-variant-no-breadcrumb-2010-11-13.txt"),
        "--dry-run",
    )  # fmt: skip

    assert "1. (1)" in out and "(a)" in out
    assert "? " in out  # the bare captions are marked doubtful
    assert nothing_written()
