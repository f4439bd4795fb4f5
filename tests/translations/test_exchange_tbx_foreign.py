"""Glossaries from other tools: TBX 2008 (IATE) and TBX-Basic without Concord's notes."""

import pytest

from translations.checks.matching.matcher import TermMatcher, TermSpec
from translations.checks.services import glossary_matcher
from translations.glossary.files import GlossaryFormatError, TermData, tbx_dump, tbx_load
from translations.glossary.files.tbx_terms import looks_like_acronym, status_from_tbx
from translations.glossary.services import glossary_import
from translations.models import Term


def terms_by_text(concepts):
    return {term.text: term for concept in concepts for term in concept.terms}


def test_tbx_2008_iate_export(data_dir):
    concepts = tbx_load((data_dir / "tbx" / "iate-2008.tbx").read_bytes())
    assert [c.identifier for c in concepts] == ["IATE-3542113", "IATE-887"]
    terms = terms_by_text(concepts)
    # IATE's reliability code is kept in the term's note.
    assert terms["TOR"] == TermData(
        "en", "TOR", "admitted", case_sensitive=True, note="reliabilityCode: 3"
    )
    assert terms["ТОР"] == TermData(
        "ru", "ТОР", "admitted", case_sensitive=True, note="reliabilityCode: 3"
    )
    assert terms["территория опережающего развития"].status == "preferred"
    assert not terms["advanced special economic zone"].case_sensitive
    assert terms["peace agreement"].status == "deprecated"
    assert terms["Peace Treaty"] == TermData("en", "Peace Treaty", "preferred")
    assert terms["平和条約"].language == "ja"
    assert concepts[0].subject_field == "international affairs"
    assert concepts[0].definition["en"].startswith("Russian economic zone")


def test_tbx_basic_from_another_tool(data_dir):
    concepts = tbx_load((data_dir / "tbx" / "other-tool-basic.tbx").read_bytes())
    terms = terms_by_text(concepts)
    assert terms["TOR"].case_sensitive and terms["ТОР"].case_sensitive
    # Nothing says otherwise: a short all-capital term is an acronym.
    assert terms["APEC"].case_sensitive
    # Its type says otherwise.
    assert not terms["EEF"].case_sensitive and terms["EEF"].status == "deprecated"
    assert not terms["Asia-Pacific Economic Cooperation"].case_sensitive


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["iate-2008.tbx", "other-tool-basic.tbx"])
def test_acronym_matches_case_sensitively_after_import(
    data_dir, name, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20):
        counts = glossary_import(tbx_load((data_dir / "tbx" / name).read_bytes()))
    assert counts["created"] >= 2
    assert Term.objects.get(text="TOR").case_sensitive
    english = glossary_matcher("en")
    assert [m.term.text for m in english.find("We climbed a granite tor.")] == []
    assert [m.term.text for m in english.find("The TOR in Vladivostok.")] == ["TOR"]
    russian = glossary_matcher("ru")
    assert [m.term.text for m in russian.find("Новая ТОР на Курилах.")] == ["ТОР"]
    assert "ТОР" not in [m.term.text for m in russian.find("Он видел тор и сферу.")]


def test_concord_tbx_keeps_an_all_capital_term_case_insensitive():
    from translations.glossary.files import ConceptData

    concept = ConceptData(
        "un", terms=(TermData("en", "UN"), TermData("en", "NATO", case_sensitive=True))
    )
    loaded = tbx_load(tbx_dump([concept]))
    assert loaded == [concept]


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("preferredTerm-admn-sts", "preferred"),
        ("preferredTerm", "preferred"),
        ("admitted", "admitted"),
        ("supersededTerm", "deprecated"),
        ("deprecatedTerm-admn-sts", "deprecated"),
        ("legalTerm", "preferred"),
        ("standardizedTerm-admn-sts", "preferred"),
        ("forbidden", "forbidden"),
        ("nonsense", None),
    ],
)
def test_status_values_of_either_version(value, status):
    assert status_from_tbx(value) == status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TOR", True),
        ("ТОР", True),
        ("G7", True),
        ("T", False),
        ("Tor", False),
        ("SUPERLONGNAME", False),
        ("EU ETS", False),
    ],
)
def test_acronym_shape(text, expected):
    assert looks_like_acronym(text) is expected


def test_acronym_matcher_unit():
    matcher = TermMatcher([TermSpec(1, 1, "en", "TOR", "admitted", case_sensitive=True)], "en")
    assert matcher.find("a granite tor") == []


def test_tbx_2008_with_internal_subset_is_refused():
    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY e "boom">]>\n'
        b'<martif type="TBX" xml:lang="en"><text><body><termEntry id="a"><langSet xml:lang="en">'
        b"<tig><term>&e;</term></tig></langSet></termEntry></body></text></martif>"
    )
    with pytest.raises(GlossaryFormatError, match="DOCTYPE"):
        tbx_load(data)


def test_tbx_v3_with_external_doctype_is_still_refused():
    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE tbx SYSTEM "http://example.org/x.dtd">\n'
        b'<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca">'
        b"<text><body/></text></tbx>"
    )
    with pytest.raises(GlossaryFormatError, match="DOCTYPE"):
        tbx_load(data)


@pytest.mark.django_db
def test_export_glossary_as_po(data_dir, tmp_path):
    import shutil
    import subprocess

    import polib

    from tests.helpers import run

    glossary_import(tbx_load((data_dir / "tbx" / "iate-2008.tbx").read_bytes()))
    path = tmp_path / "glossary.ru.po"
    run("export_glossary", "--format", "po", "--lang", "ru", "-o", str(path))
    po = polib.pofile(str(path))
    assert po.metadata["Language"] == "ru"
    tor = po.find("TOR")
    assert (tor.msgctxt, tor.msgstr) == ("IATE-3542113", "территория опережающего развития")
    assert "case-sensitive" in tor.comment and "also: ТОР" in tor.comment
    assert run("export_glossary", "--format", "po", "--lang", "ru").encode() == path.read_bytes()
    if shutil.which("msgfmt"):
        result = subprocess.run(
            ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_glossary_import_queries_grow_per_batch_not_per_concept():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from translations.glossary.files import ConceptData
    from translations.glossary.services import IMPORT_BATCH

    def concepts(count, offset=0):
        return [
            ConceptData(f"c{n}", terms=(TermData("en", f"term {n}"), TermData("ru", f"тер {n}")))
            for n in range(offset, offset + count)
        ]

    with CaptureQueriesContext(connection) as one_batch:
        glossary_import(concepts(IMPORT_BATCH))
    with CaptureQueriesContext(connection) as three_batches:
        glossary_import(concepts(3 * IMPORT_BATCH, offset=IMPORT_BATCH))
    per_batch = len(one_batch)
    assert per_batch <= 30
    assert len(three_batches) <= 3 * per_batch
