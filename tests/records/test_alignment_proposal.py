"""A second language whose structure differs: the importer proposes a pairing (1:1, 1:2, 2:1,
untranslated units), prints it with --dry-run, writes it with --accept-alignment, and refuses
a file that shares nothing with the release — writing nothing unless the pairing is accepted.

The made-up parallel texts under tests/data/parallel carry the differences of real pages:
three photos without caption text against three captions, a Japanese heading where English
has a paragraph, one lead paragraph against two, bullets against numbered paragraphs and a
`-` list line against a paragraph."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from records.models import Release, Revision
from records.segmenter import parse_release_text
from records.services import release_import_text
from records.snapshots import release_snapshot

pytestmark = pytest.mark.django_db

DATE = "2023-05-16"
# The right pairing of each file with the English release, by hand: (units, blocks).
GOLD = {
    ("en", "ja"): [
        ((1, 2), (1,)), ((3,), (2,)), ((4,), (3,)), ((5,), (4,)), ((6,), (5,)),
        ((7,), (6,)), ((8,), (7,)), ((9,), (8,)), ((10,), (9, 10)), ((11,), (11,)),
    ],
    ("en", "ru"): [
        ((1, 2), (1,)), ((3,), (2,)), ((4,), (3,)), ((5,), (4,)), ((6,), (5,)),
        ((7,), (6,)), ((8,), (7,)), ((9,), (8,)), ((10,), (9,)), ((11,), (10,)),
    ],
    ("ja", "en"): [
        ((1,), (1, 2)), ((2,), (3,)), ((3,), (4,)), ((4,), (5,)), ((5,), (6,)),
        ((6,), (7,)), ((7,), (8,)), ((8,), (9,)), ((9, 10), (10,)), ((11,), (11,)),
    ],
}  # fmt: skip


def parallel(data_dir, language, name="freedonia"):
    return data_dir / "parallel" / f"{language}-{name}-{DATE}.txt"


def run(*args):
    out = StringIO()
    call_command("import_release", *map(str, args), stdout=out, stderr=StringIO())
    return out.getvalue()


def release_in(data_dir, language):
    parsed = parse_release_text(parallel(data_dir, language).read_bytes(), language)
    return release_import_text(parsed, source=language).release


def state(release):
    release.refresh_from_db()
    return release.head_number, release_snapshot(release), Revision.objects.count()


def proposal_for(release, data_dir, language):
    from records.services import release_import_language

    parsed = parse_release_text(parallel(data_dir, language).read_bytes(), language)
    proposal, result = release_import_language(
        parsed, language=language, into=release.slug, dry_run=True
    )
    assert result is None
    return proposal


@pytest.mark.parametrize(("source", "target"), sorted(GOLD))
def test_proposal_pairs_the_parallel_texts_as_a_reader_would(data_dir, source, target):
    release = release_in(data_dir, source)

    proposal = proposal_for(release, data_dir, target)

    found = [(pair.units, pair.blocks) for pair in proposal.pairs]
    correct = sum(1 for pair in found if pair in GOLD[source, target])
    assert (correct, len(found)) == (len(GOLD[source, target]), len(GOLD[source, target]))
    assert all(0 <= pair.confidence <= 1 for pair in proposal.pairs)


def test_a_one_paragraph_lead_is_split_between_the_two_english_paragraphs(data_dir):
    release = release_in(data_dir, "en")

    rows = proposal_for(release, data_dir, "ja").segments

    assert rows[0].text.startswith("5月16日、午前11時30分") and rows[0].text.endswith(
        "行いました。"
    )
    assert rows[1].text.startswith("両外相は2024年交流計画")
    # The heading 「北朝鮮問題」 and its paragraph both go to the one English paragraph.
    assert rows[9].text.startswith("北朝鮮問題両外相は、1月以降")


def test_a_one_sentence_paragraph_goes_to_the_paragraph_not_the_heading(data_dir):
    release = release_in(data_dir, "ja")

    rows = proposal_for(release, data_dir, "en").segments

    assert rows[8].text == "" and rows[8].current == "北朝鮮問題"
    assert rows[9].text.startswith("Regarding North Korea")
    assert rows[0].text.startswith("On May 16,") and "The two ministers signed" in rows[0].text


def test_without_a_flag_a_different_structure_is_refused_and_nothing_written(data_dir):
    release = release_in(data_dir, "en")
    before = state(release)

    with pytest.raises(CommandError, match="review the proposed pairing with --dry-run"):
        run(parallel(data_dir, "ja"), "--lang", "ja", "--into", release.slug)

    assert state(release) == before


def test_dry_run_prints_the_proposal_side_by_side_and_writes_nothing(data_dir):
    release = release_in(data_dir, "en")
    before = state(release)

    out = run(parallel(data_dir, "ja"), "--lang", "ja", "--into", release.slug, "--dry-run")

    assert "proposed pairing" in out
    assert "2:1" in out and "1:2" in out
    assert "Regarding North Korea" in out and "北朝鮮問題" in out
    assert state(release) == before


@pytest.mark.parametrize("language", ["ja", "ru"])
def test_accept_alignment_writes_the_proposal_as_one_revision(data_dir, language):
    release = release_in(data_dir, "en")
    revisions = Revision.objects.count()

    out = run(
        parallel(data_dir, language), "--lang", language, "--into", release.slug,
        "--accept-alignment",
    )  # fmt: skip

    assert "revision 2" in out
    assert Revision.objects.count() == revisions + 1
    segments = list(release.segments.order_by("position"))
    texts = [getattr(segment, f"text_{language}") for segment in segments]
    assert all(texts) and len(segments) == 11
    assert [s.text_en for s in segments] == [
        s.text for s in parse_release_text(parallel(data_dir, "en").read_bytes(), "en").segments
    ]
    photos = release_snapshot(Release.objects.get(pk=release.pk))["photos"]
    assert len(photos) == 3 and all(photo["caption"]["en"] for photo in photos)
    if language == "ja":
        # Photos without caption text: the captions stay untranslated, the credits come in.
        assert [photo["caption"].get("ja", "") for photo in photos] == ["", "", ""]
        assert [photo["credit"]["ja"] for photo in photos] == ["外務省"] * 3


def test_a_file_that_shares_nothing_is_refused_even_when_accepted(data_dir):
    release = release_in(data_dir, "en")
    before = state(release)

    for flag in ("--accept-alignment", "--dry-run"):
        with pytest.raises(CommandError, match="shares nothing with release"):
            run(
                parallel(data_dir, "ja", "unrelated"),
                "--lang", "ja", "--into", release.slug, flag,
            )  # fmt: skip

    assert state(release) == before


def test_a_file_of_another_date_is_refused_even_when_accepted(data_dir, tmp_path):
    release = release_in(data_dir, "en")
    before = state(release)
    path = tmp_path / "ja.txt"
    path.write_text(
        parallel(data_dir, "ja").read_text("utf-8").replace("令和5年5月16日", "令和5年5月17日"),
        "utf-8",
    )

    with pytest.raises(CommandError, match="line 3: the file's date 2023-05-17"):
        run(path, "--lang", "ja", "--into", release.slug, "--accept-alignment")

    assert state(release) == before
