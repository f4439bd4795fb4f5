"""XLIFF files with several ``<file>`` elements (tests/data/foreign/okapi-two-files.r1.ru.xlf,
as Okapi writes a document split in two): read as one file when every ``<file>`` names the
same release, revision and language, or names none and takes the first's; refused whole,
naming both ``<file>`` elements, when they differ, with nothing written."""

from dataclasses import replace

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

pytestmark = pytest.mark.django_db

TITLE, PARAGRAPH, HEADING, BULLET_3, BULLET_4 = KEYS
OKAPI = FOREIGN / "okapi-two-files.r1.ru.xlf"
XLIFF20 = FOREIGN / "foreign-tools-sample.r1.ru.xliff20.xlf"
NEW_BULLET_3 = (
    "Во время встречи тет-а-тет лидеры подробно обсудили вопрос о заключении мирного договора."
)
SECOND = (
    b'<file original="foreign-tools-sample.r1.ru.xlf" source-language="en" target-language="ru"'
)


@pytest.fixture
def sample(users):
    return sample_release(users)


def second_file(old, new):
    """Return the Okapi file with ``old`` replaced by ``new`` in its second ``<file>`` tag."""
    data = OKAPI.read_bytes()
    at = data.index(SECOND, data.index(SECOND) + 1)
    assert old in SECOND
    return data[:at] + SECOND.replace(old, new) + data[at + len(SECOND) :]


def imported(data):
    return release_file_import(data, "xliff", author=user("translator-ru"))


def test_the_okapi_file_holds_two_files():
    assert OKAPI.read_bytes().count(b"<file ") == 2


def test_every_files_units_are_read_and_imported_as_one(sample):
    parsed = xliff_load(OKAPI.read_bytes())
    assert (parsed.slug, parsed.language, parsed.revision) == ("foreign-tools-sample", "ru", 1)
    assert [entry.key for entry in parsed.entries] == KEYS[:4]
    report = imported(OKAPI.read_bytes())
    assert report.counts()["updated"] == 1 and report.counts()["unchanged"] == 3
    assert texts(sample)[BULLET_3] == NEW_BULLET_3


def test_a_file_that_names_no_release_takes_the_first_ones(sample):
    data = second_file(
        b'original="foreign-tools-sample.r1.ru.xlf"', b'original="C:\\Jobs\\press\\notes.html"'
    )
    assert xliff_load(data).entries[3].key == BULLET_3
    imported(data)
    assert texts(sample)[BULLET_3] == NEW_BULLET_3


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        (b'target-language="ru"', b'target-language="ja"', "revision 1, ja"),
        (b"foreign-tools-sample.r1", b"other-release.r1", "“other-release” revision 1, ru"),
        (b"foreign-tools-sample.r1", b"foreign-tools-sample.r2", "revision 2, ru"),
    ],
)
def test_files_of_different_releases_or_languages_are_refused_unchanged(sample, old, new, found):
    data = second_file(old, new)
    before = exchange_state(sample), texts(sample)
    with pytest.raises(ExchangeFileError) as refused:
        imported(data)
    message = str(refused.value)
    assert "“foreign-tools-sample” revision 1, ru" in message and found in message
    assert "<file no. 2>" not in message
    assert message.count("<file original=") == 2 and "nothing was imported" in message
    assert (exchange_state(sample), texts(sample)) == before


def test_files_without_original_are_named_by_position(sample):
    data = second_file(b'original="foreign-tools-sample.r1.ru.xlf" ', b'original="" build-num="2" ')
    before = exchange_state(sample), texts(sample)
    with pytest.raises(
        ExchangeFileError, match="<file> no. 2 is “foreign-tools-sample” revision 2"
    ):
        imported(data)
    assert (exchange_state(sample), texts(sample)) == before


def test_a_file_without_any_file_element_is_refused(sample):
    data = (
        b'<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"/>'
    )
    before = exchange_state(sample), texts(sample)
    with pytest.raises(ExchangeFileError, match="has no <file> element"):
        imported(data)
    assert (exchange_state(sample), texts(sample)) == before


def xliff20_split(original):
    """Return the XLIFF 2.0 sample with its last unit moved into a second ``<file>``."""
    data = XLIFF20.read_bytes()
    at = data.index(b'    <unit id="4aea071d')
    second = f'  </file>\n  <file id="f2" original="{original}">\n'.encode()
    return data[:at] + second + data[at:]


def test_an_xliff_2_file_with_two_files_of_one_release_is_read_as_one(sample):
    for original in ("foreign-tools-sample.r1.ru.xlf", "part2.docx"):
        parsed = xliff_load(xliff20_split(original))
        assert [entry.key for entry in parsed.entries] == [TITLE, *KEYS[2:]]
    imported(xliff20_split("foreign-tools-sample.r1.ru.xlf"))
    assert texts(sample)[BULLET_4].startswith("Лидеры подтвердили")


def test_an_xliff_2_file_with_two_releases_is_refused_unchanged(sample):
    before = exchange_state(sample), texts(sample)
    with pytest.raises(ExchangeFileError, match='<file original="other.r1.ru.xlf"> is “other”'):
        imported(xliff20_split("other.r1.ru.xlf"))
    assert (exchange_state(sample), texts(sample)) == before


SDLXLIFF = FOREIGN / "foreign-tools-sample.r1.ru.sdlxliff"


def trados_merged(language=b'target-language="ru-RU"'):
    """Return the Trados file as Studio writes merged files: its units split after the second
    ``<group>`` into a second ``<file>`` with the same header (the file's own path)."""
    data = SDLXLIFF.read_bytes()
    start = data.index(b"<file ")
    header = data[start : data.index(b"<body>") + len(b"<body>")]
    at = data.index(b"<group>", data.index(b"</group>", data.index(b"</group>") + 1))
    second = header.replace(b'target-language="ru-RU"', language)
    return data[:at] + b"</body></file>" + second + data[at:]


def test_trados_merged_files_are_read_as_one(sample):
    data = trados_merged()
    assert data.count(b"<file ") == 2
    single, merged = xliff_load(SDLXLIFF.read_bytes()), xliff_load(data)
    # The same entries, but for the line each is on.
    assert [replace(entry, line=None) for entry in merged.entries] == [
        replace(entry, line=None) for entry in single.entries
    ]
    report = imported(data)
    assert report.counts()["updated"] == 2
    assert texts(sample)[BULLET_3] == (
        "Во время встречи тет-а-тет лидеры подробно обсудили заключение мирного договора."
    )


def test_trados_merged_files_in_two_languages_are_refused_unchanged(sample):
    before = exchange_state(sample), texts(sample)
    with pytest.raises(ExchangeFileError, match="revision 1, ja") as refused:
        imported(trados_merged(b'target-language="ja-JP"'))
    assert "Studio 2022" in str(refused.value)
    assert (exchange_state(sample), texts(sample)) == before
