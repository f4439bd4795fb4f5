"""Release files as CAT tools write them back (tests/data/foreign/, see its README): Trados
Studio's .sdlxliff, memoQ's .mqxliff, Phrase's .mxliff and XLIFF 2.0. Each tool writes its own
file header and unit ids and keeps its own confirmation status; Concord reads the release from
the exported file's name the tool kept, matches units by source text, and imports a translation
the tool has not confirmed as a draft. A file that names no release is refused, unchanged."""

import pytest

from tests.helpers import exchange_state
from tests.translations.test_exchange_foreign_tools import (
    FOREIGN,
    KEYS,
    sample_release,
    texts,
    user,
)
from translations.exchange.imports import release_file_import
from translations.exchange.units import ExchangeFileError
from translations.exchange.xliff import xliff_load
from translations.review.models import Comment, UnitStatus
from translations.review.vocabulary import UnitState

pytestmark = pytest.mark.django_db

TITLE, PARAGRAPH, HEADING, BULLET_3, BULLET_4 = KEYS
SDLXLIFF = FOREIGN / "foreign-tools-sample.r1.ru.sdlxliff"
MQXLIFF = FOREIGN / "foreign-tools-sample.r1.ru.mqxliff"
MXLIFF = FOREIGN / "foreign-tools-sample.r1.ru.mxliff"
XLIFF20 = FOREIGN / "foreign-tools-sample.r1.ru.xliff20.xlf"


@pytest.fixture
def sample(users):
    return sample_release(users)


def states(release):
    return dict(
        UnitStatus.objects.filter(release=release, language="ru").values_list("key", "state")
    )


def imported(path, data=None):
    data = path.read_bytes() if data is None else data
    return release_file_import(data, "xliff", author=user("translator-ru"))


def test_the_tools_files_carry_their_own_ids_and_statuses():
    sdl = SDLXLIFF.read_bytes()
    assert sdl.startswith(b"\xef\xbb\xbf") and b'conf="Draft"' in sdl
    assert b'mq:status="PartiallyEdited"' in MQXLIFF.read_bytes()
    assert b'target-language="rus"' in MQXLIFF.read_bytes()
    assert b'm:confirmed="0"' in MXLIFF.read_bytes()
    for path in (SDLXLIFF, MQXLIFF, MXLIFF):
        assert not any(key.encode() in path.read_bytes() for key in KEYS[1:])


def test_trados_sdlxliff_is_read_by_source_text_with_its_segment_statuses(sample):
    parsed = xliff_load(SDLXLIFF.read_bytes())
    assert (parsed.slug, parsed.language, parsed.revision) == ("foreign-tools-sample", "ru", 1)
    # The translate="no" units (Trados's structure tags) are not entries.
    assert len(parsed.entries) == 4
    report = imported(SDLXLIFF)
    assert report.counts() == {
        "updated": 2,
        "confirmed": 0,
        "unchanged": 2,
        "skipped": 0,
        "conflicts": 0,
    }
    assert {(line.key, line.code) for line in report.notes} >= {
        (BULLET_3, "by source"),
        (BULLET_4, "by source"),
    }
    ru = texts(sample)
    # Two <mrk mtype="seg"> segments, and the space between them, make one unit's text.
    assert ru[BULLET_4] == (
        "Лидеры подтвердили и приветствовали последовательное достижение результатов "
        "апрельской встречи на высшем уровне в Москве. Обсуждение прошло на основе общего "
        "понимания того, что углубление доверия между двумя странами ведёт к заключению "
        "мирного договора."
    )
    assert ru[BULLET_3].endswith("подробно обсудили заключение мирного договора.")
    # conf="Draft" is not confirmed: a draft; both segments "Translated": for review.
    found = states(sample)
    assert found[BULLET_3] == UnitState.DRAFT
    assert found[BULLET_4] == UnitState.NEEDS_REVIEW
    assert found[TITLE] == UnitState.APPROVED


def test_memoq_mqxliff_with_three_letter_languages_and_memoq_statuses(sample):
    parsed = xliff_load(MQXLIFF.read_bytes())
    assert parsed.language == "ru" and parsed.source_language == "en"
    report = imported(MQXLIFF)
    assert report.counts()["updated"] == 2 and report.counts()["skipped"] == 0
    notes = {(line.key, line.code) for line in report.notes}
    # memoQ's bold codes around the term are not text: dropped and named.
    assert (BULLET_3, "codes") in notes
    # memoQ made a row of each of bullet 4's sentences: joined back into the unit.
    assert (BULLET_4, "joined") in notes
    assert texts(sample)[BULLET_4] == (
        "Лидеры подтвердили и приветствовали последовательное достижение результатов "
        "апрельской встречи в Москве. Обсуждение прошло на основе общего понимания, что "
        "углубление доверия ведёт к заключению мирного договора."
    )
    assert (
        texts(sample)[BULLET_3]
        == "Во время встречи тет-а-тет лидеры обсудили заключение мирного договора."
    )
    found = states(sample)
    assert found[BULLET_3] == UnitState.DRAFT  # PartiallyEdited
    assert found[BULLET_4] == UnitState.NEEDS_REVIEW  # ManuallyConfirmed


def test_phrase_mxliff_confirmed_flags(sample):
    report = imported(MXLIFF)
    assert report.counts()["updated"] == 2
    found = states(sample)
    assert found[BULLET_3] == UnitState.DRAFT  # m:confirmed="0"
    assert found[BULLET_4] == UnitState.NEEDS_REVIEW  # m:confirmed="1"
    # The machine translation offered in <alt-trans> is not the target.
    assert texts(sample)[TITLE] == "Российско-японская встреча на высшем уровне"


def test_xliff_2_0_is_merged_like_1_2(sample):
    report = imported(XLIFF20)
    assert (report.language, report.base) == ("ru", 1)
    assert report.counts() == {
        "updated": 2,
        "confirmed": 0,
        "unchanged": 2,
        "skipped": 0,
        "conflicts": 0,
    }
    ru = texts(sample)
    assert ru[BULLET_3] == "Во время встречи тет-а-тет лидеры обсудили мирный договор."
    # Two segments and the ignorable space between them; <ph/> is a code, not text.
    assert ru[BULLET_4] == (
        "Лидеры подтвердили и приветствовали последовательное достижение результатов "
        "апрельской встречи в Москве. Обсуждение прошло на основе общего понимания, что "
        "углубление доверия ведёт к заключению мирного договора."
    )
    assert (BULLET_4, "codes") in {(line.key, line.code) for line in report.notes}
    found = states(sample)
    assert found[BULLET_3] == UnitState.DRAFT  # no state: "initial"
    assert found[BULLET_4] == UnitState.NEEDS_REVIEW  # "translated"
    # The translator's note is a comment; Concord's own label note is not.
    assert list(Comment.objects.filter(release=sample).values_list("key", flat=True)) == [BULLET_3]


@pytest.mark.parametrize(
    ("path", "old", "new"),
    [
        (SDLXLIFF, b"foreign-tools-sample.r1.ru.xlf", b"summit-for-translation.xlf"),
        (MQXLIFF, b'original="foreign-tools-sample.r1.ru.xlf"', b'original="summit.docx"'),
        (
            XLIFF20,
            b'original="foreign-tools-sample.r1.ru.xlf"',
            b'original="concord:foreign-tools-sample"',
        ),
    ],
)
def test_a_tools_file_that_names_no_revision_is_refused_unchanged(sample, path, old, new):
    data = path.read_bytes().replace(old, new)
    before = exchange_state(sample), texts(sample)
    with pytest.raises(ExchangeFileError, match="revision") as refused:
        imported(path, data)
    assert "missing" in str(refused.value)
    assert (exchange_state(sample), texts(sample)) == before


def test_trados_tracked_changes_keep_insertions_and_leave_out_deletions(sample):
    data = SDLXLIFF.read_bytes().replace(
        "лидеры подробно обсудили".encode(),
        (
            'лидеры <mrk mtype="x-sdl-deleted" sdl:revid="r1">подробно </mrk>'
            '<mrk mtype="x-sdl-added" sdl:revid="r2">углублённо </mrk>обсудили'
        ).encode(),
    )
    imported(SDLXLIFF, data)
    assert texts(sample)[BULLET_3] == (
        "Во время встречи тет-а-тет лидеры углублённо обсудили заключение мирного договора."
    )


@pytest.mark.parametrize("path", [SDLXLIFF, MQXLIFF, MXLIFF])
def test_the_import_command_reads_the_tools_suffixes_as_xliff(sample, path, tmp_path):
    from tests.helpers import run

    copy = tmp_path / path.name
    copy.write_bytes(path.read_bytes())
    output = run("import_po", str(copy), "--author", "translator-ru")
    assert "2 updated" in output
    assert states(sample)[BULLET_4] == UnitState.NEEDS_REVIEW


def test_a_unit_marked_translate_no_with_a_translation_is_still_read(sample):
    data = (
        (FOREIGN / "concord.ru.xlf")
        .read_bytes()
        .replace(
            b'<trans-unit id="4aea071d-1fa0-4a6d-9c0d-f1ea0c564520"',
            b'<trans-unit translate="no" id="4aea071d-1fa0-4a6d-9c0d-f1ea0c564520"',
        )
        .replace(
            b'<target state="needs-translation" xml:space="preserve"></target>',
            '<target state="translated">Лидеры приветствовали итоги встречи.</target>'.encode(),
        )
    )
    report = imported(SDLXLIFF, data)
    assert [line.key for line in report.updated] == [BULLET_4]
    assert texts(sample)[BULLET_4] == "Лидеры приветствовали итоги встречи."


def zip_archive(name):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, SDLXLIFF.read_bytes())
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", ["xliff", "po"])
def test_a_trados_package_is_refused_saying_it_is_a_zip_archive(sample, fmt):
    data = zip_archive("ru-RU/foreign-tools-sample.r1.ru.xlf.sdlxliff")
    before = exchange_state(sample), texts(sample)
    with pytest.raises(ExchangeFileError, match="zip archive"):
        release_file_import(data, fmt, author=user("translator-ru"))
    assert (exchange_state(sample), texts(sample)) == before


def test_sentences_that_make_no_unit_are_skipped_and_named(sample):
    data = MQXLIFF.read_bytes().replace(
        b"in Moscow in April are being steadily achieved.", b"in Moscow are being achieved."
    )
    before = texts(sample)[BULLET_4]
    report = imported(MQXLIFF, data)
    skipped = {(line.key, line.code) for line in report.skipped}
    assert ("5", "unknown") in skipped and ("6", "unknown") in skipped
    assert texts(sample)[BULLET_4] == before


def test_japanese_sentences_are_joined_without_a_space(sample):
    sentences = (
        "両首脳は、4月のモスクワでの首脳会談の成果が着実に具体化していることを確認し、歓迎した。",
        "2016年12月に合意した事項の実現に向けて着実に取り組み、両国間の信頼を深めていくことが"
        "平和条約の締結につながるとの共通認識の下、議論が行われた。",
    )
    sources = (
        "The leaders confirmed and welcomed that the outcomes of the Summit Meeting in Moscow "
        "in April are being steadily achieved.",
        "The discussions took place based on the common understanding that deepening trust "
        "between the two countries through steady efforts towards the achievement of the items "
        "agreed to in December 2016 will lead to the conclusion of a peace treaty.",
    )
    units = "".join(
        f'<trans-unit id="{n}" mq:status="ManuallyConfirmed"><source>{source}</source>'
        f"<target>{target}</target></trans-unit>"
        for n, (source, target) in enumerate(zip(sources, sentences, strict=True), start=1)
    )
    data = (
        '<?xml version="1.0" encoding="utf-8"?><xliff xmlns:mq="MQXliff" version="1.2" '
        'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="foreign-tools-sample.r1.'
        f'ja.xlf" source-language="eng" target-language="jpn" datatype="x-xliff"><body>{units}'
        "</body></file></xliff>"
    ).encode()
    report = release_file_import(data, "xliff", author=user("translator-ja"))
    assert (BULLET_4, "joined") in {(line.key, line.code) for line in report.notes}
    # The joined translation is the unit's Japanese text exactly: nothing to update.
    assert report.counts()["updated"] == 0 and report.counts()["unchanged"] == 1


def test_indentation_around_a_target_without_xml_space_preserve_is_layout(sample):
    text = "Во время встречи тет-а-тет лидеры обсудили мирный договор."
    data = MXLIFF.read_bytes().replace(
        f"<target>{text}</target>".encode(), f"<target>\n    {text}\n  </target>".encode()
    )
    imported(MXLIFF, data)
    assert texts(sample)[BULLET_3] == "Во время встречи тет-а-тет лидеры обсудили мирный договор."
