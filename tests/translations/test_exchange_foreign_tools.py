"""Files made by other tools from Concord's exports (tests/data/foreign/, see its README):
translate-toolkit's po2xliff and po2tmx from a Concord PO, csv2tbx from Concord's glossary,
and a multilingual TBX 2008 termbase. Each is read through Concord's public imports: none is
refused whole, the right units and entries are read, and the report says what was skipped."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from lxml import etree

from records.models import Release, Revision
from records.services import release_import_document
from records.units import translatable_units
from tests.helpers import run
from translations.exchange.imports import release_file_import
from translations.exchange.units import ExchangeFileError
from translations.glossary.files import glossary_iter, tbx_load
from translations.glossary.services import glossary_export, glossary_import
from translations.memory.models import MemoryEntry
from translations.memory.tmx import memory_import
from translations.models import Comment, Concept, Term
from translations.review.actions import units_approve, units_submit
from translations.review.models import UnitStatus
from translations.review.vocabulary import UnitState

pytestmark = pytest.mark.django_db

FOREIGN = Path(__file__).resolve().parents[1] / "data" / "foreign"
XLIFF_11 = {"x": "urn:oasis:names:tc:xliff:document:1.1"}
SLUG = "foreign-tools-sample"
DOCUMENT = json.loads((FOREIGN / "release.json").read_text("utf-8"))
KEYS = ["title"] + [segment["key"] for segment in DOCUMENT["segments"]]
# How the workbench (and now Concord's files and reports) name the units; the fixtures were
# exported earlier, labelled "paragraph 1", "heading 2", "bullet 3", "bullet 4".
LABELS = ["title", "segment 1", "segment 2", "segment 3", "segment 4"]


def user(name):
    return get_user_model().objects.get(username=name)


def sample_release(users):
    """Return the release the fixtures' PO was exported from, in the same states: title,
    paragraph 1 and heading 2 approved in Russian, bullet 3 a draft, bullet 4 untranslated."""
    release = release_import_document(DOCUMENT, author=users["editor"]).release
    units_submit(release, "ru", KEYS[:3], users["editor"])
    units_approve(release, "ru", KEYS[:3], users["reviewer-ru"], based_on=release.head_number)
    return release


@pytest.fixture
def sample(users):
    return sample_release(users)


def texts(release, language="ru"):
    release.refresh_from_db()
    snapshot = Revision.objects.get(release=release, number=release.head_number).snapshot
    return {unit.key: unit.text(language) for unit in translatable_units(snapshot, "en")}


def po2xliff(change=None):
    data = (FOREIGN / "concord.ru.po2xliff.xlf").read_bytes()
    if change is None:
        return data
    root = etree.fromstring(data)
    change(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def unit_labelled(root, label):
    notes = root.xpath("//x:trans-unit[x:note[@from='developer']]", namespaces=XLIFF_11)
    return next(u for u in notes if u.findtext("x:note", namespaces=XLIFF_11).startswith(label))


# --- po2xliff (XLIFF 1.1, no msgctxt, the PO header as a unit) -------------------------------


def test_po2xliff_file_is_what_translate_toolkit_writes():
    root = etree.fromstring(po2xliff())
    assert root.get("version") == "1.1"
    units = root.findall(".//x:trans-unit", XLIFF_11)
    assert units[0].get("restype") == "x-gettext-domain-header"
    # The keys are gone: po2xliff numbers its units and drops msgctxt.
    assert [u.get("id") for u in units[1:]] == ["3", "4", "5", "6", "7"]
    assert not any(key.encode() in po2xliff() for key in KEYS[1:])


def test_po2xliff_file_imports_every_unit_by_its_label(sample):
    before = Revision.objects.filter(release=sample).count()
    report = release_file_import(po2xliff(), "xliff", author=user("translator-ru"))
    assert report.release == sample and (report.language, report.base) == ("ru", 1)
    assert report.counts() == {
        "updated": 0,
        "confirmed": 0,
        "unchanged": 5,
        "skipped": 0,
        "conflicts": 0,
    }
    assert [(line.key, line.label, line.code) for line in report.notes] == [
        (key, label, "label") for key, label in zip(KEYS, LABELS, strict=True)
    ]
    assert any("matched by its label and source text" in line for line in report.lines())
    assert Revision.objects.filter(release=sample).count() == before
    # Concord's own "#." comments came back as developer notes: not translator comments.
    assert not Comment.objects.filter(release=sample).exists()


def test_po2xliff_file_with_a_translators_work_updates_the_units(sample):
    def translate(root):
        target = unit_labelled(root, "bullet 4").find("x:target", XLIFF_11)
        target.text = "Лидеры подтвердили и приветствовали результаты встречи в Москве."
        draft = unit_labelled(root, "bullet 3").find("x:target", XLIFF_11)
        draft.text = "Лидеры обсудили мирный договор."

    report = release_file_import(po2xliff(translate), "xliff", author=user("translator-ru"))
    assert [(line.label, line.code) for line in report.updated] == [
        ("segment 3", "fuzzy"),
        ("segment 4", "submitted"),
    ]
    assert texts(sample)[KEYS[4]].startswith("Лидеры подтвердили")
    assert texts(sample)[KEYS[3]] == "Лидеры обсудили мирный договор."
    states = dict(
        UnitStatus.objects.filter(release=sample, language="ru").values_list("key", "state")
    )
    assert states[KEYS[4]] == UnitState.NEEDS_REVIEW and states[KEYS[3]] == UnitState.DRAFT


def test_po2xliff_entry_whose_source_differs_is_not_matched(sample):
    def edit_source(root):
        unit = unit_labelled(root, "heading 2")
        unit.find("x:source", XLIFF_11).text = "Southern Kurils issue"
        unit.find("x:target", XLIFF_11).text = "Вопрос южных Курил"

    report = release_file_import(po2xliff(edit_source), "xliff", author=user("translator-ru"))
    assert [(line.key, line.code) for line in report.skipped] == [("5", "unknown")]
    assert texts(sample)[KEYS[2]] == "Проблема северных территорий"


def test_po2xliff_file_without_its_header_unit_is_refused(sample):
    def drop_header(root):
        header = root.find(".//x:trans-unit[@restype='x-gettext-domain-header']", XLIFF_11)
        header.getparent().remove(header)

    before = (Revision.objects.count(), UnitStatus.objects.count())
    with pytest.raises(ExchangeFileError, match="release, revision missing"):
        release_file_import(po2xliff(drop_header), "xliff", author=user("translator-ru"))
    assert (Revision.objects.count(), UnitStatus.objects.count()) == before


# --- po2tmx ---------------------------------------------------------------------------------


def test_po2tmx_file_fills_the_memory_with_the_confirmed_units():
    data = (FOREIGN / "concord.ru.po2tmx.tmx").read_bytes()
    report = memory_import(data)
    assert report.counts == {"created": 3, "updated": 0, "unchanged": 0}
    assert not report.read.skipped and not report.read.skipped_units
    pairs = set(MemoryEntry.objects.values_list("source_language", "target_language"))
    assert pairs == {("en", "ru")}
    by_source = dict(MemoryEntry.objects.values_list("source_text", "target_text"))
    assert by_source["Northern Territories issue"] == "Проблема северных территорий"
    assert by_source["Japan-Russia Summit Meeting"] == (
        "Российско-японская встреча на высшем уровне"
    )
    assert memory_import(data).counts == {"created": 0, "updated": 0, "unchanged": 3}


def test_po2tmx_file_without_dates_says_nothing_newer_an_hour_later(monkeypatch):
    data = (FOREIGN / "concord.ru.po2tmx.tmx").read_bytes()
    memory_import(data)
    stored = dict(MemoryEntry.objects.values_list("source_text", "changed_at"))
    later = timezone.now() + timedelta(hours=1)
    monkeypatch.setattr("translations.memory.tmx.timezone.now", lambda: later)
    assert memory_import(data).counts == {"created": 0, "updated": 0, "unchanged": 3}
    assert dict(MemoryEntry.objects.values_list("source_text", "changed_at")) == stored


# --- csv2tbx (TBX 2008 with ids that are phrases and the target language "xx") ---------------


def test_csv2tbx_file_reads_its_english_terms_and_counts_the_unknown_language():
    data = (FOREIGN / "glossary.ru.csv2tbx.tbx").read_bytes()
    source = glossary_iter(data, "glossary.tbx")
    concepts = list(source)
    assert len(concepts) == 22 and not source.concord
    assert source.skipped == {"xx": 22}
    abe = next(c for c in concepts if c.terms[0].text == "Prime Minister Abe")
    assert abe.identifier.startswith("Prime-Minister-Abe-")
    assert [(t.language, t.text) for t in abe.terms] == [("en", "Prime Minister Abe")]


def test_csv2tbx_file_imports_into_an_empty_glossary():
    data = (FOREIGN / "glossary.ru.csv2tbx.tbx").read_bytes()
    report = glossary_import(glossary_iter(data, "glossary.tbx"))
    assert report.counts()["created"] == 22
    assert Term.objects.filter(language="en").count() == 22
    assert not Term.objects.exclude(language="en").exists()
    assert "xx (22 terms)" in "\n".join(report.lines())


def test_csv2tbx_file_leaves_the_glossary_it_came_from_unchanged(tmp_path):
    from translations.demo import GLOSSARY_PATH

    run("import_glossary", str(GLOSSARY_PATH))
    before = glossary_export()
    out = run("import_glossary", str(FOREIGN / "glossary.ru.csv2tbx.tbx"))
    # Every entry updates the concept holding its English term; none changes it.
    assert "0 concepts created, 0 updated" in out and "terms: 0 added, 0 changed" in out
    assert "xx (22 terms)" in out
    assert glossary_export() == before


# --- a multilingual TBX 2008 termbase ---------------------------------------------------------


def test_multilingual_tbx2008_keeps_en_and_ru_and_counts_the_rest():
    data = (FOREIGN / "iate-en-fr-de.tbx").read_bytes()
    source = glossary_iter(data, "iate.tbx")
    concepts = {c.identifier: c for c in source}
    assert set(concepts) == {"IATE-795346", "IATE-3560419"}
    assert source.skipped == {"fr": 3, "de": 3, "de-DE": 1}
    assert source.empty == ["IATE-1101589"]
    treaty = concepts["IATE-795346"]
    assert [(t.language, t.text) for t in treaty.terms] == [
        ("en", "peace treaty"),
        ("ru", "мирный договор"),
    ]
    assert treaty.subject_field == "international law"
    eef = concepts["IATE-3560419"]
    assert [(t.text, t.case_sensitive) for t in eef.terms] == [
        ("Eastern Economic Forum", False),
        ("EEF", True),
    ]
    assert tbx_load(data) == list(concepts.values())


def test_multilingual_tbx2008_imports_with_a_report_not_a_refusal():
    out = run("import_glossary", str(FOREIGN / "iate-en-fr-de.tbx"))
    assert "2 concepts created" in out
    for counted in ("de (3 terms)", "de-DE (1 term)", "fr (3 terms)"):
        assert counted in out
    assert "1 entry has no term" in out
    assert set(Concept.objects.values_list("identifier", flat=True)) == {
        "IATE-795346",
        "IATE-3560419",
    }
    assert not Term.objects.filter(language__in=["fr", "de"]).exists()
    assert not Release.objects.exists()
