# ruff: noqa: E501 (file names and slugs kept whole)
"""The made-up pages under ``tests/data/originals_more/`` imported with ``--source`` alone,
and their translations aligned to them: slugs of titles taken from the lead stay short, the
proposed pairings are the ones a reader would make, short headings paired by order are not
doubted for their shortness, and nothing is written without a confirmed pairing."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from records.models import Release, Revision, Segment, Topic
from records.segmenter import parse_release_text
from records.services import release_import_language, release_import_text
from records.snapshots import release_snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(data_dir):
    return data_dir / "originals_more"


def run(*args):
    out = StringIO()
    call_command("import_release", *map(str, args), stdout=out, stderr=StringIO())
    return out.getvalue()


def database():
    return (
        Release.objects.count(),
        Revision.objects.count(),
        Segment.objects.count(),
        Topic.objects.count(),
        list(Release.objects.values_list("slug", "title_ja", "title_en").order_by("slug")),
    )


def test_every_page_imports_with_its_source_language_alone(pages):
    names = sorted(path.name for path in pages.glob("*.txt"))
    assert len(names) >= 12

    for name in names:
        out = run(pages / name, "--source", name[:2])
        assert "Created release" in out, name

    assert Release.objects.count() == len(names)


# Pages without a title line: the title is the lead's first sentence, the slug a short
# readable start of it (its opening date left out: the slug ends with the date).
LEAD_SLUGS = [
    ("ja-no-title-lead-2023-06-20.txt", "nippon-seifu-wa-itaria-kyowakoku-emiria-romanya-shu-ni-okeru-2023-06-20"),
    ("en-no-title-lead-2023-06-20.txt", "the-government-of-japan-decided-to-extend-emergency-grant-2023-06-20"),
    ("ja-mijikai-oshirase-2023-09-01.txt", "9-gatsu-1ka-kara-9-gatsu-3ka-made-gaimusho-iikura-kokan-ni-2023-09-01"),
    ("en-short-announcement-2023-09-01.txt", "from-september-1-to-september-3-an-exhibition-introducing-2023-09-01"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "slug"), LEAD_SLUGS)
def test_a_title_from_the_lead_gives_a_short_slug_cut_at_a_word(pages, name, slug):
    dry = run(pages / name, "--source", name[:2], "--dry-run")
    assert slug in dry and Release.objects.count() == 0

    run(pages / name, "--source", name[:2])

    release = Release.objects.get()
    assert release.slug == slug
    assert len(slug) <= 60 + len("-2023-06-20")
    # The title keeps the whole sentence; only the slug is short.
    parsed = parse_release_text((pages / name).read_bytes(), name[:2])
    assert getattr(release, f"title_{name[:2]}") == parsed.lead_title
    assert parsed.lead_title.endswith(
        ("決定しました", "開催されます", "affected areas", "Foreign Affairs")
    )


@pytest.mark.parametrize(("name", "slug"), LEAD_SLUGS[:2])
def test_a_page_titled_from_its_lead_imported_again_is_the_same_release(pages, name, slug):
    run(pages / name, "--source", name[:2])
    before = database()

    out = run(pages / name, "--source", name[:2])

    assert "unchanged" in out
    assert database() == before


def test_a_page_with_only_related_links_below_the_date_is_refused_and_nothing_written(tmp_path):
    page = tmp_path / "links.txt"
    page.write_text(
        "報道発表\n日露外相会談\n令和5年7月13日\n関連リンク\n日露関係\n報道発表へ戻る\n", "utf-8"
    )
    before = database()

    with pytest.raises(CommandError, match="line 6: the release has no body text"):
        run(page, "--source", "ja")

    assert database() == before


def proposal_of(pages, original, translation):
    language = translation[:2]
    parsed = parse_release_text((pages / original).read_bytes(), original[:2])
    release = release_import_text(parsed, source=original[:2]).release
    parsed = parse_release_text((pages / translation).read_bytes(), language)
    proposal, result = release_import_language(
        parsed, language=language, into=release.slug, dry_run=True
    )
    assert result is None
    return proposal


# The pairing a reader makes of each translation with its original: (units, blocks).
GOLD = {
    ("ja-asean-gaisho-kaigi-2023-07-13.txt", "en-asean-gaisho-kaigi-2023-07-13.txt"): [
        ((), (1,)), ((1,), (2, 3)), ((2,), (4,)), ((3,), (5,)), ((4,), (6,)), ((5,), (7,)),
        ((6,), (8,)), ((7,), (9,)), ((8,), (10,)), ((9,), (11,)), ((10,), ()), ((11,), ()),
    ],
    ("ja-asean-gaisho-kaigi-2023-07-13.txt", "ru-asean-gaisho-kaigi-2023-07-13.txt"): [
        ((1,), (1,)), ((2,), ()), ((3,), (2,)), ((4,), (3,)), ((5,), (4,)), ((6,), (5,)),
        ((7,), (6,)), ((8,), (7,)), ((9,), (8,)), ((10,), (9,)), ((11,), (10,)),
    ],
    ("ja-nicchu-kaiyo-kyogi-2023-04-10.txt", "en-nicchu-kaiyo-kyogi-2023-04-10.txt"): [
        *(((n,), (n,)) for n in range(1, 13)), ((13,), ()),
    ],
    ("ja-nichi-futsu-shuno-2023-05-19.txt", "ru-nichi-futsu-shuno-2023-05-19.txt"): [
        ((n,), (n,)) for n in range(1, 10)
    ],
}  # fmt: skip


@pytest.mark.parametrize(("original", "translation"), sorted(GOLD))
def test_translations_pair_with_their_originals_as_a_reader_would(pages, original, translation):
    proposal = proposal_of(pages, original, translation)

    assert proposal.ok
    assert [(pair.units, pair.blocks) for pair in proposal.pairs] == GOLD[original, translation]


def test_short_headings_placed_by_order_are_not_doubted_for_being_short(pages):
    proposal = proposal_of(
        pages, "ja-nichi-futsu-shuno-2023-05-19.txt", "ru-nichi-futsu-shuno-2023-05-19.txt"
    )

    headings = [pair for pair in proposal.pairs if pair.units[0] in (2, 4, 6, 8)]
    assert [proposal.units[pair.units[0] - 1].text for pair in headings] == [
        "【二国間関係】", "【インド太平洋】", "【ウクライナ情勢】", "【北朝鮮問題】"
    ]  # fmt: skip
    assert all(pair.confidence >= 0.75 for pair in headings)


def test_a_table_row_is_not_cut_after_a_title_such_as_mr(pages):
    proposal = proposal_of(
        pages, "ja-zaigai-kokan-cho-2022-12-02.txt", "en-zaigai-kokan-cho-2022-12-02.txt"
    )

    texts = {row.current: row.text for row in proposal.segments}
    assert texts["記"] == ""
    assert texts["特命全権大使 在カナダ日本国大使館 山田 太郎"] == (
        "Ambassador Extraordinary and Plenipotentiary, Embassy of Japan in Canada: Mr. YAMADA Taro"
    )
    assert texts["総領事 在シドニー日本国総領事館 高橋 次郎"].endswith("Mr. TAKAHASHI Jiro")


def state(release):
    release.refresh_from_db()
    return release.head_number, release_snapshot(release), Revision.objects.count()


def test_a_translation_is_written_only_once_its_pairing_is_accepted(pages):
    original = pages / "ja-asean-gaisho-kaigi-2023-07-13.txt"
    translation = pages / "en-asean-gaisho-kaigi-2023-07-13.txt"
    run(original, "--source", "ja")
    release = Release.objects.get()
    before = state(release)

    with pytest.raises(CommandError, match="review the proposed pairing with --dry-run"):
        run(translation, "--lang", "en", "--into", release.slug)
    assert state(release) == before

    run(translation, "--lang", "en", "--into", release.slug, "--accept-alignment")

    segments = list(release.segments.order_by("position"))
    assert segments[0].text_en.startswith("On July 13,") and "An overview" in segments[0].text_en
    assert segments[1].text_en == "Overview of the Meeting"
    assert [s.text_en for s in segments[-2:]] == ["", ""]
    assert Revision.objects.count() == before[2] + 1


def test_japan_beside_a_middle_dot_is_read_nichi(pages):
    run(pages / "ja-asean-gaisho-kaigi-2023-07-13.txt", "--source", "ja")

    assert Release.objects.get().slug == "nichi-asean-gaisho-kaigi-no-kaisai-2023-07-13"


@pytest.mark.parametrize(
    ("name", "old_slug"),
    [
        ("ja-asean-gaisho-kaigi-2023-07-13.txt", "hi-asean-gaisho-kaigi-no-kaisai-2023-07-13"),
        (
            "en-no-title-lead-2023-06-20.txt",
            "on-june-20-the-government-of-japan-decided-to-extend-emergency-grant-aid-of-2-million"
            "-us-dollars-for-humanitarian-assistance-2023-06-20",
        ),
    ],
)
def test_a_release_imported_under_older_slug_rules_is_continued_not_doubled(pages, name, old_slug):
    run(pages / name, "--source", name[:2])
    # As an import made under the older rules left it (only the row: its revision's
    # snapshot still names today's slug, so the import below records the slug it keeps).
    Release.objects.update(slug=old_slug)

    dry = run(pages / name, "--source", name[:2], "--dry-run")
    out = run(pages / name, "--source", name[:2])

    assert old_slug in dry
    assert f"Updated release “{old_slug}”" in out
    assert list(Release.objects.values_list("slug", flat=True)) == [old_slug]


def test_a_translation_of_another_page_of_the_same_day_is_refused_and_nothing_written(pages):
    run(pages / "ja-asean-gaisho-kaigi-2023-07-13.txt", "--source", "ja")
    release = Release.objects.get()
    before = state(release)

    for flags in ((), ("--accept-alignment",)):
        with pytest.raises(CommandError, match="shares nothing with release"):
            run(
                pages / "en-unrelated-2023-07-13.txt",
                "--lang",
                "en",
                "--into",
                release.slug,
                *flags,
            )

    assert state(release) == before
