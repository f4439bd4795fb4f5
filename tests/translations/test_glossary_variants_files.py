"""A term's declared variants travel in the glossary files: TBX v3 and TBX 2008 as one
``concord:variant=…`` marker note each (valid against the TBX-Basic RNG and Schematron and the
TBX 2008 DTD), CSV in a ``variants`` column. Round trips are byte-identical; a file that
carries no variants leaves the stored ones."""

import pytest
from lxml import etree

from tests.helpers import run
from tests.translations.test_exchange import assert_valid_tbx, refusal
from tests.translations.test_glossary_tbx2008 import dtd
from translations.checks.matching.matcher import TermMatcher
from translations.checks.services import glossary_terms
from translations.glossary.files import (
    CSV_COLUMNS,
    ConceptData,
    GlossaryFormatError,
    TermData,
    csv_dump,
    csv_source,
    tbx2008_dump,
    tbx_dump,
    tbx_iter,
)
from translations.glossary.files.tbx import XML_LANG
from translations.glossary.services import glossary_export, glossary_import
from translations.models import Concept, GlossaryState, Term

pytestmark = pytest.mark.django_db

# As a terminologist types them in the admin: stray spaces and a blank line.
TYPED = "  vice-ministerial-level consultation \n\nvice ministerial level consultations\n"
VARIANTS = "vice-ministerial-level consultation\nvice ministerial level consultations"
VMC = ConceptData(
    "vmc",
    terms=(
        TermData("en", "vice-ministerial consultations"),
        TermData("ja", "次官級協議", variants="次官級の協議"),
        TermData("ru", "консультации на уровне заместителей министров"),
    ),
)
FORMATS = {"tbx": ".tbx", "tbx2008": ".tbx", "csv": ".csv"}


@pytest.fixture
def vmc():
    glossary_import([VMC])
    term = Term.objects.get(language="en")
    term.variants = TYPED
    term.save()
    return term


def variants():
    return dict(Term.objects.values_list("text", "variants"))


def database():
    return (
        sorted(Term.objects.values_list("concept__identifier", "language", "text", "variants")),
        GlossaryState.current(),
    )


def export(fmt, path):
    run("export_glossary", "--format", fmt, "-o", str(path))
    return path.read_bytes()


# --- the files ----------------------------------------------------------------------------------


def test_tbx_carries_each_variant_as_a_marker_note_and_stays_valid(vmc):
    data = tbx_dump(glossary_export())
    assert_valid_tbx(data)
    root = etree.fromstring(data)
    notes = [
        note.text
        for note in root.iter("{*}note")
        if note.get(XML_LANG) == "zxx" and "variant=" in note.text
    ]
    assert notes == [
        "concord:variant=vice-ministerial-level consultation",
        "concord:variant=vice ministerial level consultations",
        "concord:variant=次官級の協議",
    ]


def test_tbx2008_carries_the_same_notes_and_is_valid_against_the_dtd(vmc):
    root = etree.fromstring(tbx2008_dump(glossary_export()))
    assert dtd().validate(root), dtd().error_log.filter_from_errors()
    tig = root.find(".//tig[term='vice-ministerial consultations']")
    assert [note.text for note in tig.iterfind("note")] == [
        "concord:variant=vice-ministerial-level consultation",
        "concord:variant=vice ministerial level consultations",
    ]


def test_csv_carries_them_in_the_last_column_one_a_line():
    text = csv_dump([VMC, ConceptData("x", terms=(TermData("en", "x", variants=TYPED),))])
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS) and CSV_COLUMNS[-1] == "variants"
    assert text.endswith(f',"{VARIANTS}"\r\n')
    assert ",次官級協議,preferred,false,,,,,次官級の協議\r\n" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_import_export_is_byte_identical(vmc, fmt, tmp_path):
    first = export(fmt, tmp_path / f"first{FORMATS[fmt]}")
    output = run("import_glossary", str(tmp_path / f"first{FORMATS[fmt]}"))
    assert "1 unchanged" in output and "0 changed" in output
    # The same list: the text as typed stays.
    assert variants()["vice-ministerial consultations"] == TYPED
    assert export(fmt, tmp_path / f"second{FORMATS[fmt]}") == first


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_glossary_gets_the_variants_back_and_matches_them(vmc, fmt, tmp_path):
    path = tmp_path / f"glossary{FORMATS[fmt]}"
    data = export(fmt, path)
    Concept.objects.all().delete()
    run("import_glossary", str(path))
    assert variants() == {
        "vice-ministerial consultations": VARIANTS,
        "次官級協議": "次官級の協議",
        "консультации на уровне заместителей министров": "",
    }
    [spec] = [spec for spec in glossary_terms("en")]
    [match] = TermMatcher([spec], "en").find("They held a vice-ministerial-level consultation.")
    assert match.term.text == "vice-ministerial consultations"
    assert export(fmt, tmp_path / f"again{FORMATS[fmt]}") == data


# --- files that say nothing of variants keep the stored ones ---------------------------------


def _without_variant_notes(data):
    root = etree.fromstring(data)
    for note in list(root.iter("{*}note")):
        if (note.text or "").startswith("concord:variant="):
            note.getparent().remove(note)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@pytest.mark.parametrize("replace_terms", [False, True], ids=["merge", "replace"])
@pytest.mark.parametrize("whose", ["concord", "other-tool"])
def test_a_tbx_file_without_variants_keeps_the_stored_ones(vmc, replace_terms, whose):
    data = _without_variant_notes(tbx_dump(glossary_export()))
    if whose == "other-tool":
        data = data.replace(b"Concord glossary export", b"Another tool")
    before = variants()
    report = glossary_import(tbx_iter(data), replace_terms=replace_terms)
    assert variants() == before and report.unchanged == 1


@pytest.mark.parametrize("replace_terms", [False, True], ids=["merge", "replace"])
def test_a_csv_file_without_the_column_keeps_the_stored_ones(vmc, replace_terms):
    old_header = ",".join(CSV_COLUMNS[:-1])
    data = f"{old_header}\r\nvmc,,en,vice-ministerial consultations,,,,,,\r\n".encode()
    before = variants()
    report = glossary_import(csv_source(data), replace_terms=replace_terms)
    assert variants() == before
    assert report.unchanged == 1 and report.term_counts()["changed"] == 0


# --- files that state variants change them, and say so ------------------------------------------


def test_a_csv_with_the_column_and_an_empty_cell_removes_them_and_reports_it(vmc):
    data = csv_dump([VMC]).encode()
    report = glossary_import(csv_source(data))
    assert variants()["vice-ministerial consultations"] == ""
    assert variants()["次官級協議"] == "次官級の協議"
    assert (
        "  term changed: vmc: en “vice-ministerial consultations”: variants "
        "vice-ministerial-level consultation | vice ministerial level consultations → —"
    ) in report.lines()


def test_a_file_with_other_variants_replaces_them_and_reports_it(vmc):
    data = tbx_dump(glossary_export()).replace(
        b"vice ministerial level consultations", b"vice-minister-level consultations"
    )
    report = glossary_import(tbx_iter(data))
    assert variants()["vice-ministerial consultations"] == (
        "vice-ministerial-level consultation\nvice-minister-level consultations"
    )
    assert report.term_counts()["changed"] == 1
    assert any(
        "→ vice-ministerial-level consultation | vice-minister-level" in line
        for line in report.lines()
    )


def test_a_dry_run_reports_the_change_and_writes_nothing(vmc, tmp_path):
    path = tmp_path / "glossary.csv"
    path.write_bytes(csv_dump([VMC]).encode())
    before = database()
    output = run("import_glossary", str(path), "--dry-run")
    assert "variants vice-ministerial-level consultation" in output
    assert database() == before


# --- refusals: nothing written ---------------------------------------------------------------


def test_a_variant_with_a_control_character_is_refused_naming_the_line(vmc):
    data = csv_dump([VMC]).replace(",次官級の協議", ",次官級\x85の協議").encode()
    before = database()
    message = refusal(lambda: glossary_import(csv_source(data)))
    assert message.startswith("line 3: variants contains a control character ('\\x85')")
    assert database() == before


def test_a_misspelt_variant_marker_is_refused(vmc):
    data = tbx_dump(glossary_export()).replace(b"concord:variant=", b"concord:variants=", 1)
    before = database()
    with pytest.raises(GlossaryFormatError, match="unknown Concord marker note 'concord:variants="):
        glossary_import(tbx_iter(data))
    assert database() == before
