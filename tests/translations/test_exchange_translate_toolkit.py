"""PO files translate-toolkit's ``xliff2po`` makes from Concord's XLIFF (tests/data/foreign/,
see its README), and the PO Concord exports after importing CAT tools' files: what a tool keeps
of the file's identity decides whether it can be read, and a refused file writes nothing."""

import shutil
import subprocess

import polib
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
from translations.exchange.services import release_file_export
from translations.exchange.units import ExchangeFileError

pytestmark = pytest.mark.django_db

# po2xliff, then xliff2po: the PO header (X-Concord-*) and the "#." labels survive, msgctxt not.
ROUND_TRIP = FOREIGN / "concord.ru.po2xliff.xliff2po.po"
# xliff2po of Concord's own XLIFF: a new header, no msgctxt, no comments.
FROM_XLIFF = FOREIGN / "concord.ru.xliff2po.po"
# pomerge of a translator's PO into Concord's: re-wrapped header, msgctxt kept.
POMERGE = FOREIGN / "concord.ru.pomerge.po"
needs_msgfmt = pytest.mark.skipif(not shutil.which("msgfmt"), reason="needs GNU gettext's msgfmt")


@pytest.fixture
def sample(users):
    return sample_release(users)


def msgfmt_check(path):
    result = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_the_files_are_what_xliff2po_writes():
    for path in (ROUND_TRIP, FROM_XLIFF):
        po = polib.pofile(str(path))
        assert po.metadata["X-Generator"] == "Translate Toolkit 3.20.4"
        assert not any(entry.msgctxt for entry in po)
    assert "X-Concord-Release" in polib.pofile(str(ROUND_TRIP)).metadata
    assert "X-Concord-Release" not in polib.pofile(str(FROM_XLIFF)).metadata


def test_a_round_trip_through_xliff_reads_every_unit_by_its_label(sample):
    po = polib.pofile(str(ROUND_TRIP))
    # xliff2po marks the header fuzzy; the header still names the release.
    assert po.metadata_is_fuzzy
    entry = next(e for e in po if e.msgid.startswith("The leaders confirmed"))
    entry.msgstr = "Лидеры приветствовали результаты встречи в Москве."
    report = release_file_import(str(po).encode("utf-8"), "po", author=user("translator-ru"))
    assert report.counts()["updated"] == 1 and report.counts()["unchanged"] == 4
    assert {line.code for line in report.notes} == {"label"}
    assert texts(sample)[KEYS[4]] == "Лидеры приветствовали результаты встречи в Москве."


def test_xliff2po_of_concords_xliff_is_refused_naming_what_it_lost(sample):
    before = exchange_state(sample), texts(sample)
    with pytest.raises(ExchangeFileError) as refused:
        release_file_import(FROM_XLIFF.read_bytes(), "po", author=user("translator-ru"))
    message = str(refused.value)
    assert "X-Concord-Release" in message and "X-Concord-Revision" in message
    assert (exchange_state(sample), texts(sample)) == before


def test_a_po_re_saved_by_pomerge_imports_the_translators_work(sample):
    report = release_file_import(POMERGE.read_bytes(), "po", author=user("translator-ru"))
    assert [line.key for line in report.updated] == [KEYS[4]]
    assert texts(sample)[KEYS[4]] == "Лидеры приветствовали результаты встречи в Москве."


@needs_msgfmt
def test_the_tools_files_pass_msgfmt_check():
    for path in (ROUND_TRIP, FROM_XLIFF, POMERGE):
        msgfmt_check(path)


@needs_msgfmt
@pytest.mark.parametrize(
    "name",
    [
        "foreign-tools-sample.r1.ru.sdlxliff",
        "foreign-tools-sample.r1.ru.mqxliff",
        "foreign-tools-sample.r1.ru.xliff20.xlf",
    ],
)
def test_the_po_exported_after_a_cat_tools_file_passes_msgfmt_check(sample, name, tmp_path):
    release_file_import((FOREIGN / name).read_bytes(), "xliff", author=user("translator-ru"))
    path = tmp_path / "after.po"
    path.write_bytes(release_file_export(sample, "ru", "po"))
    msgfmt_check(path)
    # And it reads back unchanged.
    report = release_file_import(path.read_bytes(), "po", author=user("translator-ru"))
    assert report.counts()["updated"] == 0 and report.counts()["skipped"] == 0
