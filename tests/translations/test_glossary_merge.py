"""Glossary imports merge into the stored concepts: by language and term, with reports."""

import csv as csv_module
import io

import pytest
from django.core.management.base import CommandError
from django.urls import reverse

from tests.helpers import run
from translations.glossary.files import (
    CSV_COLUMNS,
    ConceptData,
    GlossaryFormatError,
    TermData,
    csv_source,
    tbx_dump,
    tbx_iter,
)
from translations.glossary.files.tbx import TBX_NS
from translations.glossary.merge import concept_merge
from translations.glossary.services import glossary_export, glossary_import
from translations.models import Concept, GlossaryState, Term

pytestmark = pytest.mark.django_db

TOR = ConceptData(
    "tor",
    subject_field="economy",
    definition={"en": "a special economic zone"},
    terms=(
        TermData("en", "TOR", "preferred", case_sensitive=True, part_of_speech="noun"),
        TermData("en", "priority development area", "admitted"),
        TermData("ja", "先行発展区域"),
        TermData("ru", "ТОР", case_sensitive=True),
        TermData("ru", "территория опережающего развития"),
    ),
)
HEADER = ",".join(CSV_COLUMNS)


def csv(*rows):
    return "\r\n".join((HEADER, *rows, "")).encode("utf-8")


def foreign_tbx(*entries):
    """Another tool's TBX-Basic (no Concord header note)."""
    body = "\n".join(entries)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" '
        f'xml:lang="en" xmlns="{TBX_NS}"><tbxHeader><fileDesc><sourceDesc><p>other tool</p>'
        f"</sourceDesc></fileDesc></tbxHeader><text><body>{body}</body></text></tbx>"
    ).encode()


def foreign_entry(id_, **terms):
    sections = "".join(
        f'<langSec xml:lang="{lang}">'
        + "".join(
            f'<termSec><term>{text}</term><termNote type="administrativeStatus">'
            f"{status}Term-admn-sts</termNote></termSec>"
            for text, status in items
        )
        + "</langSec>"
        for lang, items in terms.items()
    )
    return f'<conceptEntry id="{id_}">{sections}</conceptEntry>'


def stored(identifier="tor"):
    concept = Concept.objects.get(identifier=identifier)
    return sorted(concept.terms.values_list("language", "text", "status"))


def snapshot():
    return (
        sorted(Term.objects.values_list("concept__identifier", "language", "text", "status")),
        sorted(Concept.objects.values_list("identifier", "subject_field", "definition_en")),
        GlossaryState.current(),
    )


@pytest.fixture
def tor():
    glossary_import([TOR])
    return TOR


def test_a_file_with_one_language_leaves_the_others_alone(tor):
    report = glossary_import(csv_source(csv("tor,,ja,先行発展区域,,,,,,", "tor,,ja,トール,,,,,,")))
    assert stored() == sorted(
        [(t.language, t.text, t.status) for t in tor.terms] + [("ja", "トール", "preferred")]
    )
    assert report.counts() == {"created": 0, "updated": 1, "unchanged": 0}
    assert report.term_counts() == {"added": 1, "changed": 0, "removed": 0, "kept": 0}
    assert "  term added: tor: ja “トール”" in report.lines()
    concept = Concept.objects.get(identifier="tor")
    assert concept.definition_en == "a special economic zone"
    assert concept.subject_field == "economy"


def test_a_status_change_is_a_change_and_is_named(tor):
    report = glossary_import(csv_source(csv("tor,,en,priority development area,deprecated,,,,,")))
    assert ("en", "priority development area", "deprecated") in stored()
    assert report.term_counts()["changed"] == 1
    assert (
        "  term changed: tor: en “priority development area”: status admitted → deprecated"
        in report.lines()
    )
    # The file's other English term is absent: kept, and said so.
    assert ("en", "TOR", "preferred") in stored()
    assert report.term_counts()["kept"] == 1
    assert any("import with “replace”" in line for line in report.lines())


def test_replace_removes_the_absent_terms_of_the_files_languages_only(tor):
    report = glossary_import(
        csv_source(csv("tor,,en,TOR,preferred,true,noun,,,")), replace_terms=True
    )
    assert stored() == sorted(
        [("en", "TOR", "preferred")]
        + [(t.language, t.text, t.status) for t in tor.terms if t.language != "en"]
    )
    assert report.term_counts() == {"added": 0, "changed": 0, "removed": 1, "kept": 0}
    assert "  term removed: tor: en “priority development area”" in report.lines()
    # The file gives no English definition: with replace, that is no definition.
    assert Concept.objects.get(identifier="tor").definition_en == ""


def test_an_unchanged_file_is_unchanged_and_no_glossary_change(tor):
    before = GlossaryState.current()
    report = glossary_import(glossary_export())
    assert report.counts() == {"created": 0, "updated": 0, "unchanged": 1}
    assert GlossaryState.current() == before


def test_dry_run_reports_the_same_and_writes_nothing(tor):
    before = snapshot()
    source = csv("tor,,ja,トール,,,,,,", "new,,en,new term,,,,,,")
    dry = glossary_import(csv_source(source), dry_run=True)
    assert snapshot() == before
    real = glossary_import(csv_source(source))
    assert dry.counts() == real.counts() == {"created": 1, "updated": 1, "unchanged": 0}
    assert dry.lines()[:-1] == real.lines()
    assert dry.lines()[-1] == "Dry run: nothing was written."


def test_command_dry_run_and_replace(tor, tmp_path):
    path = tmp_path / "en.csv"
    path.write_bytes(csv("tor,,en,TOR,preferred,true,noun,,,"))
    before = snapshot()
    out = run("import_glossary", str(path), "--dry-run")
    assert "1 removed" not in out and "term kept: tor: en “priority development area”" in out
    assert "Dry run: nothing was written." in out
    assert snapshot() == before
    out = run("import_glossary", str(path), "--replace", "--dry-run")
    assert "1 removed" in out and snapshot() == before
    run("import_glossary", str(path), "--replace")
    assert ("en", "priority development area", "admitted") not in stored()


def test_a_refused_file_writes_nothing_even_with_replace(tor, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv("tor,,en,TOR,preferred,true,noun,,,", "tor,,en,other,sortof,,,,,"))
    before = snapshot()
    with pytest.raises(CommandError, match="sortof"):
        run("import_glossary", str(path), "--replace")
    assert snapshot() == before


def test_admin_upload_offers_dry_run_and_replace(client, demo):
    client.force_login(demo["users"]["terminologist"])
    url = reverse("admin:translations_glossary_import")
    page = client.get(url).content.decode()
    assert 'name="replace"' in page and 'name="dry_run"' in page
    ru_terms = stored()
    english = [t for t in stored() if t[0] == "en"]
    assert len(english) > 1
    upload = io.BytesIO(csv(f"tor,,en,{english[0][1]},{english[0][2]},true,,,,"))
    upload.name = "tor.csv"
    before = snapshot()
    response = client.post(url, {"file": upload, "replace": "on", "dry_run": "on"})
    assert response.status_code == 200 and "Dry run: nothing was written." in response.text
    assert f"{len(english) - 1} removed" in response.text
    assert snapshot() == before
    upload.seek(0)
    client.post(url, {"file": upload})
    assert stored() == ru_terms
    upload.seek(0)
    client.post(url, {"file": upload, "replace": "on"})
    assert [t for t in stored() if t[0] == "en"] == [english[0]]
    assert [t for t in stored() if t[0] != "en"] == [t for t in ru_terms if t[0] != "en"]


# --- other tools' files ------------------------------------------------------------------------


def test_another_tools_id_never_selects_an_unrelated_concept(tor):
    data = foreign_tbx(foreign_entry("tor", en=[("torus", "admitted")]))
    report = glossary_import(tbx_iter(data))
    assert stored() == sorted((t.language, t.text, t.status) for t in tor.terms)
    created = report.created[0]
    assert created.startswith("tor-") and stored(created) == [("en", "torus", "admitted")]
    assert f"  concept stored under another identifier: tor → {created}" in report.lines()
    # The same file again finds its concept by its term.
    again = glossary_import(tbx_iter(data))
    assert again.counts() == {"created": 0, "updated": 0, "unchanged": 1}


def test_another_tools_entry_updates_the_concept_holding_its_english_term(tor):
    data = foreign_tbx(
        foreign_entry("IATE-1", en=[("TOR", "admitted")], fr=[("TOR", "preferred")]),
        foreign_entry("IATE-2", en=[("free port", "preferred")]),
    )
    report = glossary_import(tbx_iter(data))
    assert report.counts() == {"created": 1, "updated": 1, "unchanged": 0}
    assert ("en", "TOR", "admitted") in stored()
    assert len(stored()) == len(tor.terms)
    # A file that does not say the part of speech leaves the stored one.
    assert Term.objects.get(text="TOR", language="en").part_of_speech == "noun"
    assert report.skipped_languages == {"fr": 1}
    assert "Skipped, in languages Concord does not keep: fr (1 term)." in report.lines()
    assert not Concept.objects.filter(identifier="IATE-1").exists()


def test_an_entry_whose_terms_belong_to_two_concepts_is_reported_not_merged(tor):
    glossary_import([ConceptData("tor-place", terms=(TermData("en", "tor"),))])
    glossary_import([ConceptData("hill", terms=(TermData("en", "hill"),))])
    before = snapshot()
    data = foreign_tbx(
        foreign_entry("x", en=[("TOR", "preferred"), ("tor", "preferred")]),
        foreign_entry("y", en=[("hill", "preferred")]),
        foreign_entry("z", en=[("hill", "admitted")]),
    )
    report = glossary_import(tbx_iter(data))
    reasons = dict(report.not_imported)
    assert "several concepts: tor, tor-place" in reasons["x"]
    assert "already updated concept hill" in reasons["z"]
    assert snapshot()[0] == before[0]


def test_concords_own_tbx_is_matched_by_identifier(tor):
    renamed = ConceptData("tor", terms=(TermData("en", "Territory of Rapid Development"),))
    report = glossary_import(tbx_iter(tbx_dump([renamed])))
    assert report.counts()["updated"] == 1
    assert ("en", "Territory of Rapid Development", "preferred") in stored()


def test_merge_is_pure_and_keeps_the_stored_identifier():
    incoming = ConceptData("other-id", terms=(TermData("ja", "トール"),))
    merged, changes = concept_merge(TOR, incoming)
    assert merged.identifier == "tor"
    assert merged.terms == (*TOR.terms, TermData("ja", "トール"))
    assert [(c.kind, c.text) for c in changes] == [("kept", "先行発展区域"), ("added", "トール")]


def test_an_invalid_foreign_file_writes_nothing(tor):
    before = snapshot()
    data = foreign_tbx(foreign_entry("a", en=[("fine", "preferred")]), "<conceptEntry id='b'/>")
    with pytest.raises(GlossaryFormatError, match="no terms"):
        glossary_import(tbx_iter(data))
    assert snapshot() == before


# --- encodings ---------------------------------------------------------------------------------


def test_utf16_csv_with_its_mark_is_read_whatever_its_extension():
    from translations.glossary.files import glossary_iter

    data = csv("tor,,ru,ТОР,,,,,,").decode("utf-8").encode("utf-16")
    for name in ("glossary.csv", "glossary.txt"):
        assert [c.terms for c in glossary_iter(data, name)] == [(TermData("ru", "ТОР"),)]


def test_legacy_csv_is_refused_with_how_to_save_it(tor):
    before = snapshot()
    data = csv("tor,,ru,ТОР,,,,,,").decode("utf-8").encode("cp1251")
    with pytest.raises(GlossaryFormatError, match="not UTF-8 .*save it as UTF-8"):
        glossary_import(csv_source(data))
    assert snapshot() == before


def test_tbx_with_a_false_declaration_is_refused(tor):
    before = snapshot()
    data = foreign_tbx(foreign_entry("a", ru=[("ТОР", "preferred")]))
    false = data.replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"')
    with pytest.raises(GlossaryFormatError, match="“ISO-8859-1” but is written in UTF-8"):
        glossary_import(tbx_iter(false))
    assert snapshot() == before
    utf16 = data.replace(b'encoding="UTF-8"', b'encoding="UTF-16"').decode().encode("utf-16")
    assert [c.terms[0].text for c in tbx_iter(utf16)] == ["ТОР"]


# --- CSV as Excel writes it ---------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_delimiters_and_trailing_empty_columns(delimiter):
    out = io.StringIO()
    writer = csv_module.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([*CSV_COLUMNS, "", ""])
    writer.writerow(["tor", "", "ru", "ТОР; ТОРы", "admitted", "true"] + [""] * 6)
    text = out.getvalue()
    data = text.encode("utf-8-sig")
    concepts = list(csv_source(data))
    assert concepts[0].terms == (TermData("ru", "ТОР; ТОРы", "admitted", case_sensitive=True),)
    excel = text.encode("utf-16")
    assert list(csv_source(excel)) == concepts


def test_csv_extra_fields_with_text_are_still_refused():
    data = csv("tor,,ru,ТОР,,,,,,,,surprise")
    with pytest.raises(GlossaryFormatError, match="12 fields, but the header has 11"):
        list(csv_source(data))


def test_export_glossary_csv_for_excel(tor, tmp_path):
    path = tmp_path / "excel.csv"
    run("export_glossary", "--format", "csv", "--excel", "-o", str(path))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + HEADER.encode() + b"\r\n")
    assert glossary_import(csv_source(data)).counts()["unchanged"] == 1
    plain = tmp_path / "plain.csv"
    run("export_glossary", "--format", "csv", "-o", str(plain))
    assert data == b"\xef\xbb\xbf" + plain.read_bytes()
