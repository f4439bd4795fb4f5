"""Glossaries as other tools and public termbases write them (tests/data/foreign/, see its
README): the Microsoft Terminology Collection's TBX (``en-US``, ``ja-jp``, ``ru-ru``), an IATE
export with statuses, reliability codes and data categories Concord does not keep, and Excel
sheets with a column per language. Each is read through the public imports; what is left out
is reported, and a file that cannot be read is refused with nothing written."""

from pathlib import Path

import pytest
from django.core.management import CommandError

from tests.helpers import run
from translations.glossary.files import GlossaryFormatError, glossary_iter
from translations.models import Concept, GlossaryState, Term

FOREIGN = Path(__file__).resolve().parents[1] / "data" / "foreign"
MICROSOFT = FOREIGN / "microsoft-terminology.tbx"
IATE = FOREIGN / "iate-statuses.tbx"
EXCEL_CSV = FOREIGN / "excel-glossary.csv"
UNICODE_TEXT = FOREIGN / "excel-unicode-text.txt"
SEMICOLON = FOREIGN / "excel-ru-semicolon.csv"
CP1251 = FOREIGN / "excel-cp1251.csv"


def database():
    return (
        sorted(
            Term.objects.values_list(
                "concept__identifier", "language", "text", "status", "part_of_speech", "note"
            )
        ),
        sorted(Concept.objects.values_list("identifier", "subject_field")),
        GlossaryState.current(),
    )


def read(path):
    source = glossary_iter(path.read_bytes(), path.name)
    return list(source), source


def terms(concepts):
    return {(t.language, t.text): t for concept in concepts for t in concept.terms}


def refused_by_import(tmp_path, name, data, match):
    """Import ``data`` as file ``name`` over a glossary: refused with ``match``, unchanged."""
    run("import_glossary", str(EXCEL_CSV))
    path = tmp_path / name
    path.write_bytes(data)
    before = database()
    with pytest.raises(CommandError, match=match):
        run("import_glossary", str(path))
    assert database() == before


def test_microsoft_termbase_region_tags_map_to_concords_languages():
    assert MICROSOFT.read_bytes().startswith(b"\xef\xbb\xbf")
    concepts, source = read(MICROSOFT)
    assert [c.identifier for c in concepts] == [
        "1001_peace_treaty",
        "1002_summit_meeting",
        "1003_sign_in",
    ]
    found = terms(concepts)
    assert found["ja", "平和条約"].status == "preferred"
    assert found["ru", "мирный договор"].part_of_speech == "noun"  # "Noun" in the file
    assert found["en", "sign in"].part_of_speech == "verb"
    assert concepts[0].definition == {
        "en": "A treaty that ends a state of war between two countries."
    }
    assert source.skipped == {"fr-fr": 1, "zh-cn": 1}
    assert source.concord is False


def test_iate_statuses_and_reliability_codes():
    concepts, source = read(IATE)
    found = terms(concepts)
    assert {text: t.status for (language, text), t in found.items()} == {
        "peace treaty": "preferred",
        "treaty of peace": "admitted",
        "peace pact": "deprecated",
        # No status, rated 2 ("minimum reliability"): admitted, not preferred.
        "territory of advanced development": "admitted",
        "TOR": "admitted",
        "priority development territory": "deprecated",  # "obsolete"
        "advanced development zone": "admitted",  # "proposed"
    }
    assert found["en", "TOR"].case_sensitive  # termType abbreviation
    assert found["en", "peace pact"].note == ("Used in older press material.\nreliabilityCode: 1")
    assert found["en", "peace treaty"].note == "reliabilityCode: 4"
    assert source.skipped == {"de": 1, "fr": 1, "pl": 1}
    assert source.ignored == {'descrip "context"': 1, 'admin "source"': 1}


@pytest.mark.django_db
def test_iate_import_reports_what_it_left_out():
    output = run("import_glossary", str(IATE))
    assert "2 concepts created" in output
    assert (
        "Not imported, as Concord's glossary has no place for them: "
        'admin "source" (1 time), descrip "context" (1 time).'
    ) in output
    assert "de (1 term), fr (1 term), pl (1 term)" in output
    assert Term.objects.get(text="peace pact").status == "deprecated"


@pytest.mark.django_db
def test_microsoft_termbase_imports(users):
    output = run("import_glossary", str(MICROSOFT))
    assert "3 concepts created" in output and "fr-fr (1 term), zh-cn (1 term)" in output
    assert Term.objects.get(text="首脳会談").language == "ja"


@pytest.mark.django_db
def test_an_unknown_status_refuses_the_termbase_naming_it_and_writes_nothing():
    data = IATE.read_bytes().replace(b">proposed<", b">draftTerm-admn-sts<")
    before = database()
    with pytest.raises(GlossaryFormatError) as refused:
        list(glossary_iter(data, "iate.tbx"))
    message = str(refused.value)
    assert "draftTerm-admn-sts" in message and "IATE-3550002" in message and "line" in message
    assert database() == before


def test_excel_csv_with_language_names_and_extra_columns():
    concepts, source = read(EXCEL_CSV)
    assert len(concepts) == 3 and source.concord is False
    found = terms(concepts)
    assert found["ja", "北方領土"].status == "preferred"
    assert found["en", "peace treaty"].note == "Use in all summit releases"
    assert concepts[0].subject_field == "international relations"
    # The French column is not read: named and counted; a row with only French is empty.
    assert source.ignored == {"column “Français”": 3}
    assert source.empty == ["line 5"]


def test_excel_unicode_text_with_region_codes():
    assert UNICODE_TEXT.read_bytes().startswith(b"\xff\xfe")
    concepts, source = read(UNICODE_TEXT)
    found = terms(concepts)
    assert found["en", "summit meeting"].status == "preferred"
    assert found["en", "summit meeting"].part_of_speech == "noun"
    # A second English column (en-GB) adds an admitted term.
    assert found["en", "summit"].status == "admitted"
    assert found["ja", "共同経済活動"].language == "ja"
    assert source.ignored == {"column “Status”": 2}


def test_russian_excel_semicolons_and_russian_headers():
    concepts, source = read(SEMICOLON)
    [concept] = concepts
    assert {t.language: t.text for t in concept.terms} == {
        "en": "special grave visit",
        "ja": "特別墓参",
        "ru": "специальное посещение мест захоронений",
    }
    assert source.ignored == {"column “Комментарий”": 1}


@pytest.mark.django_db
def test_excel_csv_import_then_again_is_unchanged():
    output = run("import_glossary", str(EXCEL_CSV))
    assert "3 concepts created" in output
    assert "column “Français” (3 times)" in output
    assert "1 entry has no term in a language Concord keeps" in output
    before = database()
    output = run("import_glossary", str(EXCEL_CSV))
    assert "0 concepts created, 0 updated, 3 unchanged" in output
    assert database() == before


@pytest.mark.django_db
def test_a_csv_in_a_windows_code_page_is_refused_and_nothing_is_written():
    run("import_glossary", str(EXCEL_CSV))
    before = database()
    with pytest.raises(CommandError, match="save it as UTF-8"):
        run("import_glossary", str(CP1251))
    assert database() == before


@pytest.mark.django_db
def test_a_sheet_without_any_language_column_names_the_columns_it_expects(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("Français,Deutsch\ntraité de paix,Friedensvertrag\n", "utf-8")
    before = database()
    with pytest.raises(CommandError) as refused:
        run("import_glossary", str(path))
    assert "the first row (Français, Deutsch) names no column Concord reads" in str(refused.value)
    assert "one column per language" in str(refused.value)
    assert database() == before


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("en-US", "en"),
        ("EN-GB", "en"),
        ("ja_JP", "ja"),
        ("ja-jp", "ja"),
        ("RU-RU", "ru"),
        ("jpn", "ja"),
        ("rus", "ru"),
        ("eng-US", "en"),
        ("English", "en"),
        ("Japanese (Japan)", "ja"),
        ("Русский", "ru"),
        ("日本語", "ja"),
        ("ja-Jpan-JP", "ja"),
        ("JP", "ja"),
        ("fr-FR", None),
        ("zh-cn", None),
        ("", None),
    ],
)
def test_a_files_language_tag_names_concords_language(tag, code):
    from config.languages import from_tag

    assert from_tag(tag) == code


def test_a_concord_csv_with_another_termbases_statuses_and_language_names():
    data = (
        "concept,language,term,status\r\n"
        "peace-treaty,English,peace treaty,Preferred term\r\n"
        "peace-treaty,en-US,peace pact,obsolete\r\n"
        "peace-treaty,ja_JP,平和条約,preferredTerm-admn-sts\r\n"
        "peace-treaty,ru-RU,мирный договор,admitted\r\n"
    ).encode()
    [concept] = glossary_iter(data, "glossary.csv")
    assert [(t.language, t.text, t.status) for t in concept.terms] == [
        ("en", "peace treaty", "preferred"),
        ("en", "peace pact", "deprecated"),
        ("ja", "平和条約", "preferred"),
        ("ru", "мирный договор", "admitted"),
    ]


@pytest.mark.django_db
def test_an_unknown_status_in_a_csv_refuses_it_and_writes_nothing(tmp_path):
    data = "concept,language,term,status\r\npeace-treaty,ru-RU,мирный договор,approved\r\n"
    refused_by_import(tmp_path, "glossary.csv", data.encode(), "unknown status 'approved'")


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["tbx", "tbx2008"])
def test_concords_own_termbase_leaves_nothing_unread(demo, fmt):
    from translations.glossary.services import glossary_file_export

    data = glossary_file_export(fmt)
    source = glossary_iter(data, "glossary.tbx")
    assert len(list(source)) == Concept.objects.count()
    assert source.ignored == {}


def test_tbx_v3_names_without_the_namespace_are_read():
    path = FOREIGN / "iate-conceptentry-no-namespace.tbx"
    concepts, source = read(path)
    assert [c.identifier for c in concepts] == ["iate_3515206", "254003"]
    found = terms(concepts)
    assert found["en", "risk margin"].status == "preferred"
    assert found["en", "risk margin"].note == "reliabilityCode: 9"
    assert found["en", "indirect speech act"].status == "admitted"  # reliabilityCode 1
    assert source.skipped == {"fi": 1, "fr": 1, "es": 1}
    assert source.ignored == {"xref": 1}


@pytest.mark.django_db
def test_tbx_in_another_namespace_is_refused_naming_it(tmp_path):
    data = (FOREIGN / "iate-conceptentry-no-namespace.tbx").read_bytes()
    data = data.replace(
        b'<tbx type="TBX-Basic"', b'<tbx xmlns="urn:example:terms" type="TBX-Basic"'
    )
    refused_by_import(tmp_path, "terms.tbx", data, "namespace 'urn:example:terms'")


def test_a_concord_csv_with_columns_of_the_sheets_own_is_read_and_says_so():
    data = (
        "concept,language,term,status,Reviewer comments,Modified\r\n"
        "peace-treaty,en,peace treaty,preferred,checked,2026-12-01\r\n"
        "peace-treaty,ru,мирный договор,preferred,,2026-12-02\r\n"
    ).encode()
    source = glossary_iter(data, "glossary.csv")
    [concept] = list(source)
    assert [t.text for t in concept.terms] == ["peace treaty", "мирный договор"]
    assert source.ignored == {"column “reviewer comments”": 1, "column “modified”": 2}
    assert source.concord is True


@pytest.mark.django_db
@pytest.mark.parametrize("header", ["concept,language,term,staus", "concept,language,trem"])
def test_a_misspelt_column_of_concords_still_refuses_the_file(tmp_path, header):
    data = f"{header}\r\npeace-treaty,en,peace treaty,x\r\n".encode()
    refused_by_import(tmp_path, "g.csv", data, "unknown column")


def test_more_lines_in_a_sheets_cell_are_admitted_terms():
    data = 'EN,JP,RU\r\n"summit meeting\nsummit",首脳会談,"встреча на высшем уровне\nсаммит"\r\n'
    [concept] = glossary_iter(data.encode(), "sheet.csv")
    assert [(t.language, t.text, t.status) for t in concept.terms] == [
        ("en", "summit meeting", "preferred"),
        ("en", "summit", "admitted"),
        ("ja", "首脳会談", "preferred"),
        ("ru", "встреча на высшем уровне", "preferred"),
        ("ru", "саммит", "admitted"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["glossary.xlsx", "glossary.csv", "glossary.tbx"])
def test_an_excel_workbook_is_refused_saying_what_to_save_it_as(tmp_path, name):
    import zipfile

    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as workbook:
        workbook.writestr("xl/workbook.xml", "<workbook/>")
    before = database()
    with pytest.raises(CommandError, match="zip archive.*CSV UTF-8"):
        run("import_glossary", str(path))
    assert database() == before


def test_data_category_names_in_another_case_are_read():
    data = (
        MICROSOFT.read_bytes()
        .replace(b'type="definition"', b'type="Definition"')
        .replace(b'type="partOfSpeech"', b'type="PartOfSpeech"')
    )
    source = glossary_iter(data, "termbase.tbx")
    concepts = list(source)
    assert concepts[0].definition["en"].startswith("A treaty that ends")
    assert terms(concepts)["ja", "平和条約"].part_of_speech == "noun"
    assert source.ignored == {}


@pytest.mark.django_db
def test_omegats_glossary_without_a_header_is_refused_asking_for_one(tmp_path):
    path = tmp_path / "glossary.txt"
    path.write_text("peace treaty\tмирный договор\tsummit term\n", "utf-8")
    before = database()
    with pytest.raises(CommandError) as refused:
        run("import_glossary", str(path))
    message = str(refused.value)
    assert "line 1: the first row (peace treaty, мирный договор, summit term)" in message
    assert "add such a header row" in message
    assert database() == before


@pytest.mark.django_db
def test_a_po_glossary_is_refused_naming_the_formats_read():
    before = database()
    with pytest.raises(CommandError, match="is a PO file.*imports TBX"):
        run("import_glossary", str(FOREIGN / "glossary.ru.po"))
    assert database() == before


def test_tbx_basic_in_the_dct_style_is_read_like_dca():
    concepts, source = read(FOREIGN / "tbx-basic-dct.tbx")
    [concept] = concepts
    assert concept.subject_field == "international relations"
    assert concept.definition["en"].startswith("The islands of Etorofu")
    found = terms(concepts)
    assert found["en", "Northern Territories"].part_of_speech == "noun"
    assert found["ru", "Южные Курилы"].status == "deprecated"
    assert found["ru", "Южные Курилы"].note == "Not used in the Ministry's texts."
    assert found["ja", "北方領土"].status == "preferred"
    assert source.ignored == {}


def test_sheet_headers_that_add_words_to_the_language():
    data = (
        "Term (EN);Japanese translation;Russian term;Definition (English);Note RU;Status RU\r\n"
        "peace treaty;平和条約;мирный договор;A treaty ending a war.;"
        "Используется в релизах;approved\r\n"
    ).encode()
    source = glossary_iter(data, "sheet.csv")
    [concept] = list(source)
    found = {t.language: t for t in concept.terms}
    assert (found["en"].text, found["ja"].text, found["ru"].text) == (
        "peace treaty",
        "平和条約",
        "мирный договор",
    )
    assert concept.definition == {"en": "A treaty ending a war."}
    assert found["ru"].note == "Используется в релизах" and found["en"].note == ""
    # "Status RU" is not a column of terms: named and counted, not read as Russian terms.
    assert source.ignored == {"column “Status RU”": 1}
