"""Real IATE downloads (TBX 2008, ``martif type="TBX-Default"``), kept verbatim as two public
repositories hold them (tests/data/foreign/README.md): 22 EU languages in one entry, an entry in
Romanian alone, subject fields as IATE's domain codes. Concord keeps en/ja/ru: the rest is
skipped and counted, nothing is refused whole, and a dry run writes nothing."""

import pytest

from tests.helpers import run
from tests.translations.test_exchange_foreign_tools import FOREIGN
from translations.glossary.files import glossary_iter
from translations.models import Concept, GlossaryState, Term

TBX2RDF = FOREIGN / "iate-download-tbx2rdf.tbx"
SOLR = FOREIGN / "iate-download-tbx2solrschema.tbx"
# The EU languages of IATE-84 besides English; Romanian also holds all of IATE-14.
OTHERS = "bg cs da de el es et fi fr ga hu it lt lv nl pl pt ro sk sl sv".split()


def database():
    return (
        sorted(Term.objects.values_list("concept__identifier", "language", "text", "status")),
        sorted(Concept.objects.values_list("identifier", "subject_field")),
        GlossaryState.current(),
    )


def test_the_files_are_iate_downloads():
    for path in (TBX2RDF, SOLR):
        text = path.read_text("utf-8")
        assert "This is a TBX file downloaded from the IATE website." in text
        assert '<martif type="TBX-Default" xml:lang="en">' in text


def test_every_language_but_english_is_skipped_and_counted():
    source = glossary_iter(TBX2RDF.read_bytes(), TBX2RDF.name)
    [concept] = list(source)
    assert concept.identifier == "IATE-84" and concept.subject_field == "1011"
    assert [(t.language, t.text, t.status) for t in concept.terms] == [
        ("en", "competence of the Member States", "preferred")
    ]
    assert source.skipped == {language: 2 if language == "ro" else 1 for language in OTHERS}
    assert source.empty == ["IATE-14"]
    assert source.concord is False


@pytest.mark.django_db
def test_a_dry_run_reports_the_import_and_writes_nothing():
    before = database()
    output = run("import_glossary", str(TBX2RDF), "--dry-run")
    assert "1 concept created" in output
    assert "bg (1 term)" in output and "ro (2 terms)" in output and "sv (1 term)" in output
    assert "1 entry has no term in a language Concord keeps" in output
    assert "Dry run: nothing was written." in output
    assert database() == before


@pytest.mark.django_db
def test_both_downloads_import_with_reports_not_refusals():
    output = run("import_glossary", str(TBX2RDF))
    assert "1 concept created" in output
    output = run("import_glossary", str(SOLR))
    # IATE-84 again (matched by its English term: unchanged), and three new entries.
    assert "3 concepts created, 0 updated, 1 unchanged" in output
    assert "es (4 terms)" in output
    assert sorted(Concept.objects.values_list("identifier", flat=True)) == [
        "IATE-1326",
        "IATE-290",
        "IATE-662",
        "IATE-84",
    ]
    assert set(Term.objects.values_list("language", flat=True)) == {"en"}
    assert Term.objects.get(text="special scheme for travel agents").concept.subject_field == (
        "1011"
    )
