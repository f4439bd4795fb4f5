"""Photos as the ministry's pages write them: caption bullets under the date, credit lines on
their own, photos without caption text on one side of a pair of languages."""

import html
from io import StringIO

import pytest
from django.core.management import call_command

from records.models import Photo, Release, Revision, Segment
from records.segmenter import ParsedPhoto, parse_release_text
from records.segmenter.common import DOUBT_BARE_CAPTION

pytestmark = pytest.mark.django_db

URL = "/admin/records/release/import/"


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_release", *[str(arg) for arg in args], stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


@pytest.fixture
def originals(data_dir):
    return data_dir / "originals"


def doubtful_lines(release):
    return {doubt.line for doubt in release.doubts if doubt.message == DOUBT_BARE_CAPTION}


# -- reading ---------------------------------------------------------------------------------


def test_caption_bullets_under_the_date_are_doubtful_captions(originals):
    release = parse_release_text((originals / "ja-sori-daijin-2019-06-29.txt").read_bytes(), "ja")

    assert release.photos == (
        ParsedPhoto("首脳会合に出席する総理大臣", ""),
        ParsedPhoto("各国首脳との記念撮影", ""),
    )
    assert doubtful_lines(release) == {4, 5}
    assert release.segments[0].text.startswith("本29日、総理大臣は")


def test_a_credit_line_belongs_to_the_caption_above_it(originals):
    release = parse_release_text(
        (originals / "ja-amerika-gasshukoku-2017-09-04.txt").read_bytes(), "ja"
    )

    assert release.photos == (
        ParsedPhoto("日米首脳電話会談", "内閣広報室"),
        ParsedPhoto("電話会談に臨む内閣総理大臣", "内閣広報室"),
    )
    # The credit confirms the bare caption above it: no doubt left.
    assert doubtful_lines(release) == set()


@pytest.mark.parametrize(
    ("language", "text", "photos"),
    [
        (
            "ja",
            "日露関係\n日露首脳会談\n平成29年7月7日\n"
            + "日露首脳会談（全体会合）\n（写真提供：内閣広報室）\n" * 3
            + "\n本文。\n",
            [ParsedPhoto("日露首脳会談（全体会合）", "内閣広報室")] * 3,
        ),
        (
            "en",
            "Japan-Russia Relations\nJuly 7, 2017\nJapan-Russia Summit Meeting\n"
            "(Photo: Cabinet Public Relations Office)\n(Photo: Cabinet Public Relations Office)\n"
            "\nThe leaders met.\n",
            [
                ParsedPhoto("Japan-Russia Summit Meeting", "Cabinet Public Relations Office"),
                ParsedPhoto("", "Cabinet Public Relations Office"),
            ],
        ),
        (
            "en",
            "Japan-Russia Relations\nJuly 7, 2017\nThe leaders met.\nphoto2: At the dinner\n"
            "(Photo: Cabinet Public Relations Office)\nThe leaders parted.\n",
            [ParsedPhoto("At the dinner", "Cabinet Public Relations Office")],
        ),
        (
            "ru",
            "Отношения\n7 июля 2017 года\nФото 1: Встреча\n(Фото: Кремль)\n\nТекст.\n",
            [ParsedPhoto("Встреча", "Кремль")],
        ),
    ],
    ids=["ja-caption-credit-pairs", "en-credit-then-credit-alone", "en-body", "ru"],
)
def test_credit_lines_are_never_photos_of_their_own(language, text, photos):
    release = parse_release_text(text, language)

    assert list(release.photos) == photos
    assert all("Photo" not in s.text and "写真" not in s.text for s in release.segments)


HEAD = "ロシア連邦\n外相会談の開催\n令和3年11月25日\n"


@pytest.mark.parametrize(
    "text",
    [
        # Particulars ("日時：…") listed under the date are no captions.
        HEAD + "- 日時：11月25日午後\n- 場所：外務省\n本文。\n",
        # A short line whose next line carries on in hiragana is the start of a wrapped lead.
        HEAD + "外務大臣は、ロシア外相と会談\nを行った。\n",
        # A short line above the first section is the lead.
        HEAD + "概要は以下のとおり\n1 二国間関係\n- 協議した。\n",
    ],
    ids=["particulars", "wrapped-lead", "lead-above-section"],
)
def test_short_lines_that_are_no_captions(text):
    release = parse_release_text(text, "ja")

    assert release.photos == ()
    assert not doubtful_lines(release)


# -- the admin preview -------------------------------------------------------------------------


def post(client, **data):
    return client.post(URL, {"release": "", "topic": "", "source": "on", **data})


def test_preview_marks_doubtful_captions_and_titles(client, users, originals):
    client.force_login(users["editor"])

    captions = post(
        client, text=(originals / "ja-sori-daijin-2019-06-29.txt").read_text("utf-8"),
        language="ja", action="preview",
    )  # fmt: skip
    title = post(
        client, text=(originals / "ja-daikan-minkoku-2018-02-09.txt").read_text("utf-8"),
        language="ja", action="preview",
    )  # fmt: skip

    assert [bool(p["doubts"]) for p in captions.context["preview"]["photos"]] == [True, True]
    assert captions.content.decode().count('class="photo doubt"') == 2
    assert not captions.context["preview"]["title_doubtful"]
    assert title.context["preview"]["title_doubtful"]
    page = html.unescape(title.content.decode())
    assert 'id="preview-title" class="doubt"' in page
    assert "no title line: taken from the lead’s first sentence" in page
    assert Release.objects.count() == 0


def test_admin_import_reports_the_default_topic(client, users, originals):
    client.force_login(users["editor"])
    text = (originals / "ja-no-breadcrumb-2021-03-18.txt").read_text("utf-8")

    preview = post(client, text=text, language="ja", action="preview")
    committed = post(client, text=text, language="ja", action="commit")

    assert "the release goes to the default topic “press-releases”" in html.unescape(
        preview.content.decode()
    )
    assert committed.status_code == 302
    page = html.unescape(client.get(committed["Location"]).content.decode())
    assert "filed under the default topic “press-releases”" in page
    assert Release.objects.get().topic.slug == "press-releases"


# -- aligning a second language --------------------------------------------------------------


def captions(release, language):
    return [
        (getattr(p, f"caption_{language}"), getattr(p, f"credit_{language}"))
        for p in release.photos.order_by("position")
    ]


def test_captioned_photos_align_with_photos_that_have_only_credits(originals):
    run(originals / "ja-roshia-gaisho-2021-11-25.txt", "--source", "ja")
    release = Release.objects.get()

    run(originals / "en-japan-russia-foreign-ministers-2021-11-25.txt", "--lang", "en",
        "--into", release.slug)  # fmt: skip
    run(originals / "ru-yaponsko-rossijskie-peregovory-2021-11-25.txt", "--lang", "ru",
        "--into", release.slug)  # fmt: skip

    assert captions(release, "ja") == [("", "外務省")] * 3
    credit = "Ministry of Foreign Affairs"
    assert captions(release, "en") == [
        ("Japan-Russia Foreign Ministers' Meeting", credit),
        ("The Foreign Ministers shaking hands", credit),
        ("The working dinner", credit),
    ]
    # The Russian page has no caption text for the third photo: it stays untranslated.
    assert captions(release, "ru") == [
        ("Переговоры министров", "МИД Японии"),
        ("Рукопожатие министров", "МИД Японии"),
        ("", "МИД Японии"),
    ]
    segments = list(release.segments.order_by("position"))
    assert segments[1].text_en == "Bilateral relations" and segments[1].text_ja == "二国間関係"
    assert segments[-1].text_ru.startswith("Министры также")
    assert release.revisions.count() == 3


def test_photos_with_only_credits_leave_the_captions_untranslated(originals):
    run(originals / "en-japan-russia-foreign-ministers-2021-11-25.txt")
    release = Release.objects.get()

    run(originals / "ja-roshia-gaisho-2021-11-25.txt", "--lang", "ja", "--into", release.slug)

    assert captions(release, "ja") == [("", "外務省")] * 3
    assert [caption for caption, _ in captions(release, "en")][2] == "The working dinner"
    release.refresh_from_db()
    assert release.title_ja == "日露外相会談"


def test_a_photo_the_release_lacks_is_left_out_and_reported(seed_release, data_dir, tmp_path):
    text = (data_dir / "release-seed-ja-2017-07-07.txt").read_text("utf-8")
    path = tmp_path / "ja.txt"
    second = "日露首脳会談(写真提供:内閣広報室)\n"
    path.write_text(text.replace(second, second + "（写真提供：外務省）\n"), "utf-8")

    dry = run(path, "--lang", "ja", "--into", seed_release.slug, "--dry-run")
    assert "line 6: photo left out" in dry and seed_release.revisions.count() == 1
    out = run(path, "--lang", "ja", "--into", seed_release.slug)

    assert "revision 2" in out
    assert captions(seed_release, "ja") == [("日露首脳会談", "内閣広報室")] * 2


def test_photos_of_a_release_without_any_are_left_out_not_refused(originals, tmp_path):
    run(originals / "ja-no-breadcrumb-2021-03-18.txt", "--source", "ja")
    release = Release.objects.get()
    english = tmp_path / "en.txt"
    english.write_text(
        "Japan-Russia Vice-Ministerial Consultations\nMarch 18, 2021\n"
        "photo1: The consultations (Photo: Ministry of Foreign Affairs)\n"
        "photo2: The delegations (Photo: Ministry of Foreign Affairs)\n\n"
        "On March 18, the Deputy Minister held consultations with the Deputy Foreign Minister.\n"
        "1. The two sides exchanged views on bilateral relations and the political calendar.\n"
        "2. The two sides also discussed the regional situation.\n",
        "utf-8",
    )

    out = run(english, "--lang", "en", "--into", release.slug)

    assert "photo left out" in out and "revision 2" in out
    assert Photo.objects.count() == 0
    assert release.segments.order_by("position").first().text_en.startswith("On March 18")


def test_unpairable_photos_are_still_refused_and_nothing_is_written(
    seed_release, data_dir, tmp_path
):
    text = (data_dir / "release-seed-ja-2017-07-07.txt").read_text("utf-8")
    path = tmp_path / "ja.txt"
    # Three captioned photos against the release's two: which is which cannot be told.
    path.write_text(
        text.replace("日露首脳会談(写真提供", "写真3:別の写真\n日露首脳会談(写真提供"), "utf-8"
    )
    before = (Revision.objects.count(), Segment.objects.exclude(text_ja="").count())

    with pytest.raises(Exception, match="cannot be told"):
        run(path, "--lang", "ja", "--into", seed_release.slug)

    assert (Revision.objects.count(), Segment.objects.exclude(text_ja="").count()) == before
