"""Japanese and Russian versions of a release: read in their own conventions, aligned to the
release's segments, refused (naming the line, writing nothing) where the structure differs."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from records.models import Release, Revision, Segment
from records.services import release_publish
from records.snapshots import release_snapshot
from tests.helpers import approve_all

pytestmark = pytest.mark.django_db

SEED_JA = "release-seed-ja-2017-07-07.txt"
SEED_RU = "release-seed-ru-2017-07-07.txt"


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def translations(data_dir):
    from records.demo import SEED_PATH

    return json.loads((SEED_PATH.parent / "seed_translations.json").read_text("utf-8"))


def state(release):
    release.refresh_from_db()
    return release.head_number, release_snapshot(release)


@pytest.mark.parametrize(("language", "name"), [("ja", SEED_JA), ("ru", SEED_RU)])
def test_version_imports_aligned_segment_by_segment(
    seed_release, data_dir, translations, language, name
):
    out = run(
        "import_release",
        str(data_dir / name),
        "--lang",
        language,
        "--into",
        seed_release.slug,
        "--author",
        "editor",
    )

    assert "revision 2" in out
    segments = list(seed_release.segments.order_by("position"))
    assert len(segments) == 20
    assert [getattr(s, f"text_{language}") for s in segments] == [
        s[language] for s in translations["segments"]
    ]
    # The English text and the structure are untouched.
    assert segments[1].text_en == "Northern Territories issue"
    seed_release.refresh_from_db()
    assert getattr(seed_release, f"title_{language}") == translations["title"][language]
    photos = list(seed_release.photos.order_by("position"))
    assert [getattr(p, f"caption_{language}") for p in photos] == [
        p["caption"][language] for p in translations["photos"]
    ]
    assert [getattr(p, f"credit_{language}") for p in photos] == [
        p["credit"][language] for p in translations["photos"]
    ]
    assert getattr(seed_release.topic, f"name_{language}") == translations["topic"][language]
    assert Revision.objects.count() == 2


def test_versions_render_with_their_own_numbering(client, seed_release, data_dir, users):
    for language, name in (("ja", SEED_JA), ("ru", SEED_RU)):
        run("import_release", str(data_dir / name), "--lang", language, "--into", seed_release.slug)
    for language in ("ja", "ru"):
        approve_all(seed_release, language, users[f"reviewer-{language}"])
    for language in ("en", "ja", "ru"):
        release_publish(seed_release, language, author=users["editor"])

    pages = {
        language: client.get(f"/{language}/releases/{seed_release.slug}/")
        for language in ("en", "ja", "ru")
    }

    labels = {
        language: [segment.label for segment in response.context["segments"]]
        for language, response in pages.items()
    }
    assert labels["en"][1:7] == ["1.", "•", "•", "(1)", "(i)", "(ii)"]
    assert labels["ja"][1:7] == ["1", "・", "・", "(1)", "ア", "イ"]
    assert labels["ru"][1:7] == ["1.", "•", "•", "1)", "а)", "б)"]
    assert "北方領土問題" in pages["ja"].content.decode()
    assert "Проблема северных территорий" in pages["ru"].content.decode()


def test_dry_run_prints_the_alignment_and_writes_nothing(seed_release, data_dir):
    before = state(seed_release)

    out = run(
        "import_release", str(data_dir / SEED_JA), "--lang", "ja", "--into", seed_release.slug,
        "--dry-run",
    )  # fmt: skip

    assert "北方領土問題" in out and "Northern Territories" in out
    assert "line 9" in out
    assert state(seed_release) == before


def _edited(data_dir, tmp_path, old, new):
    text = (data_dir / SEED_JA).read_text("utf-8")
    assert old in text
    path = tmp_path / "ja.txt"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # One segment fewer: the last bullet is gone.
        (
            "- 両首脳は、9月にウラジオストクで開催される東方経済フォーラムの機会に"
            "安倍総理が訪露する際に、改めて会談を行うことを確認した。\n",
            "",
            "line 31: the file ends where the release still has segment 20",
        ),
        # One segment more.
        ("日露関係へ戻る", "・追加の文。\n\n日露関係へ戻る", "line 33: the file has more segments"),
        # A different numbering: a bullet where the release has an item.
        (
            "- ア　両首脳は、6月末",
            "・両首脳は、6月末",
            "line 13: the file has a segment (bullet) where the release has segment 6 "
            "(item, level 3)",
        ),
        # Another date.
        ("平成29年7月7日", "平成29年7月8日", "line 3: the file's date 2017-07-08"),
    ],
)
def test_structure_mismatch_is_refused_naming_the_line(
    seed_release, data_dir, tmp_path, old, new, expected
):
    path = _edited(data_dir, tmp_path, old, new)
    before = state(seed_release)

    with pytest.raises(CommandError) as error:
        run("import_release", str(path), "--lang", "ja", "--into", seed_release.slug)

    assert expected in str(error.value)
    assert state(seed_release) == before
    assert not Segment.objects.exclude(text_ja="").exists()


def test_translator_may_import_only_their_language(seed_release, data_dir):
    before = state(seed_release)
    with pytest.raises(CommandError, match="may not edit the Russian text"):
        run(
            "import_release", str(data_dir / SEED_RU), "--lang", "ru", "--into",
            seed_release.slug, "--author", "translator-ja",
        )  # fmt: skip
    assert state(seed_release) == before

    run(
        "import_release", str(data_dir / SEED_JA), "--lang", "ja", "--into", seed_release.slug,
        "--author", "translator-ja",
    )  # fmt: skip
    assert Revision.objects.get(number=2).author.username == "translator-ja"


def test_japanese_original_creates_a_japanese_source_release_then_english_aligns(data_dir, users):
    with pytest.raises(CommandError, match="--source"):
        run("import_release", str(data_dir / SEED_JA), "--lang", "ja")
    assert not Release.objects.exists()

    run("import_release", str(data_dir / SEED_JA), "--source", "ja")
    release = Release.objects.get()
    assert release.source_language == "ja"
    assert release.slug == "nichiro-shuno-kaidan-2017-07-07"
    assert release.title_ja == "日露首脳会談" and release.title_en == ""
    assert (release.topic.slug, release.topic.name_ja) == ("nichiro-kankei", "日露関係")
    assert [s.style for s in release.segments.order_by("position")][4:7] == [
        "parenthesised",
        "lower-latin",
        "lower-latin",
    ]

    run(
        "import_release", str(data_dir / "release-seed-2017-07-07.txt"), "--into", release.slug,
        "--lang", "en",
    )  # fmt: skip
    release.refresh_from_db()
    assert release.source_language == "ja" and release.head_number == 2
    segments = list(release.segments.order_by("position"))
    assert segments[1].text_en == "Northern Territories issue"
    assert segments[1].text_ja == "北方領土問題"
    assert release.title_en == "Japan-Russia Summit Meeting"


def test_a_note_only_the_release_has_is_left_out_of_the_other_language(data_dir, tmp_path):
    run("import_release", str(data_dir / "release-variant-telephone-2017-09-04.txt"))
    release = Release.objects.get()
    japanese = tmp_path / "ja.txt"
    japanese.write_text(
        "報道発表\n日米首脳電話会談\n平成29年9月4日\n"
        "1 安倍総理から、北朝鮮による核実験は断じて容認できないと述べた。\n"
        "2 大統領から、米国は同盟国である日本と共にあると述べた。\n"
        "3 両首脳は、新たな安保理決議の採択に向けて協力することで一致した。\n",
        "utf-8",
    )

    run("import_release", str(japanese), "--lang", "ja", "--into", release.slug)

    segments = list(release.segments.order_by("position"))
    assert [s.text_ja[:4] for s in segments] == ["安倍総理", "大統領か", "両首脳は", ""]
    assert segments[3].kind == "note" and segments[3].text_en


def test_photo_count_that_differs_is_refused_naming_the_line(seed_release, data_dir, tmp_path):
    text = (
        (data_dir / SEED_JA).read_text("utf-8").replace("日露首脳会談(写真提供:内閣広報室)\n", "")
    )
    path = tmp_path / "ja.txt"
    path.write_text(text, "utf-8")
    before = state(seed_release)

    with pytest.raises(CommandError, match="line 4: the file has 1 photo .* and the release 2"):
        run("import_release", str(path), "--lang", "ja", "--into", seed_release.slug)
    assert state(seed_release) == before


def test_reimporting_a_japanese_original_updates_it_without_a_second_release(data_dir):
    args = ["--lang", "ja", "--source"]
    run("import_release", str(data_dir / SEED_JA), *args)
    out = run("import_release", str(data_dir / SEED_JA), *args)

    assert "unchanged" in out
    assert Release.objects.count() == 1


def test_dry_run_of_a_mismatch_prints_the_proposal_and_writes_nothing(
    seed_release, data_dir, tmp_path
):
    path = _edited(data_dir, tmp_path, "- ア　両首脳は、6月末", "・両首脳は、6月末")
    before = state(seed_release)
    out = StringIO()

    call_command(
        "import_release", str(path), "--lang", "ja", "--into", seed_release.slug,
        "--dry-run", stdout=out,
    )  # fmt: skip

    assert "proposed pairing" in out.getvalue()
    assert "line 13 両首脳は、6月末" in out.getvalue()
    assert state(seed_release) == before
