"""Originals imported with ``--source LANG`` alone: topics from breadcrumbs (or the default
topic), romanised slugs, titles from the lead, and refusals that change nothing.

The texts under ``tests/data/originals/`` are made up in the shape of the ministry's pages.
"""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from records.models import Photo, Release, Revision, Segment, Topic

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("import_release", *[str(arg) for arg in args], stdout=out, stderr=StringIO())
    return out.getvalue()


def database():
    return (
        Release.objects.count(),
        Revision.objects.count(),
        Segment.objects.count(),
        Photo.objects.count(),
        Topic.objects.count(),
        list(Release.objects.values_list("slug", "title_ja", "title_en").order_by("slug")),
    )


@pytest.fixture
def originals(data_dir):
    return data_dir / "originals"


# file, --source, slug, topic slug, topic name in the file's language, photos (caption,
# credit) in the file's language, whether the report names the default topic
SHAPES = [
    (
        "ja-roshia-gaisho-2021-11-25.txt",
        "ja",
        "nichiro-gaisho-kaidan-2021-11-25",
        "roshia-renpo",
        "ロシア連邦",
        [("", "外務省")] * 3,
        False,
    ),
    (
        "ja-amerika-gasshukoku-2017-09-04.txt",
        "ja",
        "nichibei-shuno-denwa-kaidan-2017-09-04",
        "amerika-gasshukoku",
        "アメリカ合衆国",
        [("日米首脳電話会談", "内閣広報室"), ("電話会談に臨む内閣総理大臣", "内閣広報室")],
        False,
    ),
    (
        "ja-sori-daijin-2019-06-29.txt",
        "ja",
        "sori-daijin-no-kokusai-kaigi-shusseki-kekka-gaiyo-2019-06-29",
        "sori-daijin",
        "総理大臣",
        [("首脳会合に出席する総理大臣", ""), ("各国首脳との記念撮影", "")],
        False,
    ),
    (
        "ja-shinchaku-joho-2020-10-15.txt",
        "ja",
        "roshia-renpo-gaimu-jikan-no-rainichi-2020-10-15",
        "gaimusho-shinchaku-joho",
        "外務省・新着情報",
        [],
        False,
    ),
    (
        "ja-no-breadcrumb-2021-03-18.txt",
        "ja",
        "nichiro-jikankyu-kyogi-no-kaisai-2021-03-18",
        "press-releases",
        "報道発表",
        [],
        True,
    ),
    (
        "en-press-releases-2022-01-14.txt",
        "en",
        "japan-republic-of-korea-vice-ministerial-consultations-2022-01-14",
        "press-releases",
        "Press Releases",
        [],
        False,
    ),
    (
        "en-no-breadcrumb-2022-03-02.txt",
        "en",
        "japan-republic-of-korea-foreign-ministers-telephone-talk-2022-03-02",
        "press-releases",
        "Press Releases",
        [],
        True,
    ),
    (
        "ru-yaponsko-rossijskie-peregovory-2021-11-25.txt",
        "ru",
        "peregovory-ministrov-inostrannyx-del-rossii-i-yaponii-2021-11-25",
        "rossijsko-yaponskie-otnosheniya",
        "Российско-японские отношения",
        [("Переговоры министров", "МИД Японии"), ("Рукопожатие министров", "МИД Японии")]
        + [("", "МИД Японии")],
        False,
    ),
]


@pytest.mark.parametrize(
    ("name", "source", "slug", "topic", "topic_name", "photos", "default"),
    SHAPES,
    ids=[shape[0] for shape in SHAPES],
)
def test_each_shape_imports_with_its_source_language_alone(
    originals, name, source, slug, topic, topic_name, photos, default
):
    out = run(originals / name, "--source", source)

    release = Release.objects.get()
    assert release.source_language == source
    assert release.slug == slug
    assert (release.topic.slug, getattr(release.topic, f"name_{source}")) == (topic, topic_name)
    assert ("default topic “press-releases”" in out) is default
    assert [
        (getattr(photo, f"caption_{source}"), getattr(photo, f"credit_{source}"))
        for photo in release.photos.order_by("position")
    ] == photos
    # No marker or dash is left in a segment's text.
    texts = [getattr(s, f"text_{source}") for s in release.segments.order_by("position")]
    assert texts and not any(re.match(r"[-・•]|[(（][0-9０-９ア-ン][)）]", text) for text in texts)


def test_release_without_title_line_takes_the_lead_sentence(originals):
    run(originals / "ja-daikan-minkoku-2018-02-09.txt", "--source", "ja")

    release = Release.objects.get()
    assert release.title_ja == (
        "2月9日午後3時から約1時間、国際会議出席のため訪韓中の内閣総理大臣は、"
        "大韓民国大統領との間で日韓首脳会談を行いました"
    )
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*-2018-02-09", release.slug)
    assert len(release.slug) <= 80 + len("-2018-02-09")
    assert release.topic.slug == "daikan-minkoku"
    assert [(p.caption_ja, p.credit_ja) for p in release.photos.all()] == [("", "内閣広報室")] * 2


def test_slugs_stay_unique_for_releases_with_the_same_title(originals, tmp_path):
    text = (originals / "ja-amerika-gasshukoku-2017-09-04.txt").read_text("utf-8")
    first = tmp_path / "first.txt"
    first.write_text(text, "utf-8")
    later = tmp_path / "later.txt"
    later.write_text(text.replace("2017年9月4日", "2017年9月15日"), "utf-8")
    other_topic = tmp_path / "other-topic.txt"
    other_topic.write_text(
        text.replace("北米 ＞ アメリカ合衆国", "アジア ＞ 大韓民国").replace("も", "もまた"),
        "utf-8",
    )

    run(first, "--source", "ja")
    run(later, "--source", "ja")
    run(other_topic, "--source", "ja")
    again = run(first, "--source", "ja")

    assert sorted(Release.objects.values_list("slug", "topic__slug")) == [
        ("nichibei-shuno-denwa-kaidan-2017-09-04", "amerika-gasshukoku"),
        ("nichibei-shuno-denwa-kaidan-2017-09-04-2", "daikan-minkoku"),
        ("nichibei-shuno-denwa-kaidan-2017-09-15", "amerika-gasshukoku"),
    ]
    # The same file again is the same release, unchanged.
    assert "unchanged" in again and Release.objects.count() == 3


def test_topic_is_matched_by_its_name_in_the_files_language_first(originals):
    # An English name written in Japanese by mistake must not win over the Japanese name.
    Topic.objects.create(slug="misnamed", name_en="ロシア連邦")
    russia = Topic.objects.create(slug="russia", name_en="Russia", name_ja="ロシア連邦")

    run(originals / "ja-roshia-gaisho-2021-11-25.txt", "--source", "ja")

    assert Release.objects.get().topic == russia
    assert Topic.objects.count() == 2


def test_english_version_names_the_topic_a_japanese_original_created(originals):
    run(originals / "ja-roshia-gaisho-2021-11-25.txt", "--source", "ja")
    release = Release.objects.get()
    assert release.topic.name_en in ("", "roshia-renpo")  # a stand-in until named

    run(originals / "en-japan-russia-foreign-ministers-2021-11-25.txt", "--lang", "en",
        "--into", release.slug)  # fmt: skip

    topic = Topic.objects.get()
    assert (topic.slug, topic.name_ja, topic.name_en) == (
        "roshia-renpo",
        "ロシア連邦",
        "Japan-Russia Relations",
    )


def test_default_topic_is_created_once_with_its_names_and_reported(originals):
    out = run(originals / "ja-no-breadcrumb-2021-03-18.txt", "--source", "ja")
    topic = Topic.objects.get()
    out_en = run(originals / "en-no-breadcrumb-2022-03-02.txt", "--source", "en")
    out_named = run(originals / "en-press-releases-2022-01-14.txt", "--source", "en")

    assert (topic.slug, topic.name_en, topic.name_ja, topic.name_ru) == (
        "press-releases",
        "Press Releases",
        "報道発表",
        "Пресс-релизы",
    )
    assert "default topic “press-releases”" in out and "default topic" in out_en
    # A breadcrumb that names the section is a topic like any other, not a missing one.
    assert "default topic" not in out_named
    assert Topic.objects.count() == 1 and Release.objects.filter(topic=topic).count() == 3


def test_default_topic_is_a_setting(originals, settings):
    settings.CONCORD_DEFAULT_TOPIC = "news"

    out = run(originals / "en-no-breadcrumb-2022-03-02.txt", "--source", "en")

    assert "default topic “news”" in out
    assert Release.objects.get().topic.slug == "news"


def test_generic_section_breadcrumb_is_a_topic_like_any_other(originals):
    run(originals / "ja-shinchaku-joho-2020-10-15.txt", "--source", "ja")
    run(originals / "en-press-releases-2022-01-14.txt", "--source", "en")

    assert sorted(Topic.objects.values_list("slug", flat=True)) == [
        "gaimusho-shinchaku-joho",
        "press-releases",
    ]


def test_dry_run_shows_the_doubtful_title_and_the_default_topic(originals):
    out = run(originals / "ja-daikan-minkoku-2018-02-09.txt", "--source", "ja", "--dry-run")
    assert "? title: 2月9日午後3時から" in out
    out = run(originals / "ja-no-breadcrumb-2021-03-18.txt", "--source", "ja", "--dry-run")
    assert "topic: — (the default topic: press-releases)" in out
    assert database()[:5] == (0, 0, 0, 0, 0)


def test_dry_run_names_the_topic_and_release_slugs_it_would_use(originals):
    out = run(originals / "ja-roshia-gaisho-2021-11-25.txt", "--source", "ja", "--dry-run")

    assert "topic slug: roshia-renpo (a new topic “ロシア連邦”, created by the import)" in out
    assert "release slug: nichiro-gaisho-kaidan-2021-11-25 (a new release)" in out
    assert database()[:5] == (0, 0, 0, 0, 0)


# -- refusals: a clear error, and nothing written -------------------------------------------


@pytest.fixture
def existing(originals):
    """A Japanese release already in the database, so that "unchanged" means something."""
    run(originals / "ja-roshia-gaisho-2021-11-25.txt", "--source", "ja")
    return Release.objects.get()


@pytest.mark.parametrize(
    ("text", "args", "message"),
    [
        ("", ["--source", "ja"], "the file is empty"),
        ("\n  \n", ["--source", "ja"], "the file is empty"),
        ("ロシア連邦\n日露外相会談\n本文。\n", ["--source", "ja"], "line 3: expected a date"),
        ("日露外相会談\n", ["--source", "ja"], "line 2: expected a date"),
        ("ロシア連邦\n令和3年11月25日\n", ["--source", "ja"], "the release has no body text"),
        ("ロシア連邦\n令和3年2月30日\n本文。\n", ["--source", "ja"], "line 2: the date"),
        ("ロシア連邦\n令和3年11月25日\n本文。\n", ["--source", "xx"], "invalid choice: 'xx'"),
        ("ロシア連邦\n令和3年11月25日\n本文。\n", ["--source", "ja", "--lang", "en"], "different"),
        (
            "Press Releases\nJuly 7, 2017\nText.\n",
            ["--source", "en", "--into", "{slug}"],
            "--source en: release",
        ),
    ],
)  # fmt: skip
def test_refusal_changes_nothing(existing, tmp_path, text, args, message):
    path = tmp_path / "release.txt"
    path.write_text(text, "utf-8")
    before = database()

    with pytest.raises(CommandError, match=re.escape(message)):
        run(path, *[arg.format(slug=existing.slug) for arg in args])

    assert database() == before
