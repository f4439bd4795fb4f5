"""Tests for the glossary exchange formats (TBX-Basic v3 and CSV); no database needed."""

import re
import shutil
import subprocess
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree, isoschematron

from tests.helpers import BILLION_LAUGHS_PROLOG
from translations.glossary.files import (
    CSV_COLUMNS,
    LANGUAGES,
    STATUSES,
    TBX_NS,
    ConceptData,
    GlossaryFormatError,
    TermData,
    csv_dump,
    csv_load,
    csv_source,
    glossary_load,
    tbx_dump,
    tbx_iter,
    tbx_load,
    tbx_read,
    validate_concept,
)

DATA = Path(__file__).resolve().parents[1] / "data"
TBX_DATA = DATA / "tbx"
RNG = TBX_DATA / "TBXcoreStructV03_TBX-Basic_integrated.rng"
SCHEMATRON = TBX_DATA / "TBX-Basic_DCA.sch"
FOREIGN = TBX_DATA / "foreign-basic.tbx"
FACTS_CSV = DATA / "glossary-facts.csv"
NS = {"t": TBX_NS}
HEADER = ",".join(CSV_COLUMNS)


# --- fixtures and helpers -----------------------------------------------------------------


@pytest.fixture(autouse=True)
def _fast_passwords():
    """Shadow the suite's Django-settings fixture, so the module runs with -p no:django."""


def facts_glossary():
    """Return the glossary-facts data loaded from its CSV file."""
    return csv_load(FACTS_CSV.read_bytes())


def rich_glossary():
    """Return a small glossary exercising every field and mapping."""
    return [
        ConceptData(
            identifier="tor",
            subject_field="economy",
            definition={"en": "Zones with tax breaks", "ru": "Особые зоны"},
            note={"ja": 'ja note with "quotes", commas\nand lines'},
            terms=(
                TermData("en", "territories of priority development", part_of_speech="noun"),
                TermData("en", "TOR", "admitted", True, "proper noun", "abbreviation"),
                TermData("ja", "先行発展領域"),
                TermData("ja", "TOR", "admitted", True),
                TermData(
                    "ru",
                    "территория опережающего развития",
                    variants="территории опережающего развития\nтерриторий опережающего развития",
                ),
                TermData("ru", "ТОР", "admitted", True),
            ),
        ),
        ConceptData(
            identifier="northern-territories",
            terms=(
                TermData("ru", "северные территории"),
                TermData("ru", "Южные Курилы", "forbidden", note="not used by MOFA"),
                TermData("en", "Northern Territories"),
            ),
        ),
        ConceptData("8-point-plan", terms=(TermData("en", "eight-point plan", "deprecated"),)),
        ConceptData("_private", terms=(TermData("ja", "テタテ会談"),)),
    ]


@cache
def relaxng():
    """Return the official TBX-Basic RELAX NG validator (parsed once: it takes seconds)."""
    return etree.RelaxNG(etree.parse(str(RNG)))


@cache
def schematron_xpath1():
    """Return the official Schematron, its five XPath 2.0 tests rewritten to XPath 1.0."""
    text = SCHEMATRON.read_text(encoding="utf-8")
    # lxml's ISO Schematron is XSLT 1.0; these rewrites keep each test's boolean meaning.
    text = text.replace('queryBinding="xslt2"', 'queryBinding="xslt1"')
    text, matches = re.subn(
        re.escape("matches(@target,'https?://.+')"),
        "starts-with(@target,'http://') or starts-with(@target,'https://')",
        text,
    )
    text, groups = re.subn(r"(\S+)/\(([^()]*)\)", r"\1[\2]", text)
    assert (matches, groups) == (1, 4), "the upstream Schematron changed; revisit the rewrite"
    return isoschematron.Schematron(etree.fromstring(text.encode("utf-8")))


def assert_valid_tbx(data: bytes):
    """Fail unless the document passes the RNG and the Schematron rules."""
    document = etree.fromstring(data)
    rng = relaxng()
    assert rng.validate(document), rng.error_log
    sch = schematron_xpath1()
    assert sch.validate(document), sch.error_log


def refusal(call, *args, **kwargs) -> str:
    """Return the message of the GlossaryFormatError the call raises."""
    with pytest.raises(GlossaryFormatError) as info:
        call(*args, **kwargs)
    return str(info.value)


def csv_bytes(*rows: str) -> bytes:
    """Return a CSV file with the standard header and the given rows."""
    return "\r\n".join((HEADER, *rows, "")).encode("utf-8")


def swap(data: bytes, old: str, new: str) -> bytes:
    """Replace one snippet in a dumped document, failing if it is absent."""
    assert old.encode() in data, old
    return data.replace(old.encode(), new.encode(), 1)


def tbx_doc(body: str, root: str | None = None, prolog: str = "") -> bytes:
    """Return a TBX document with the given conceptEntry elements."""
    root = root or f'<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="{TBX_NS}">'
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"{prolog}{root}\n"
        "<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader>\n"
        f"<text><body>\n{body}\n</body></text>\n</tbx>\n"
    ).encode()


def entry(id_: str = "x", lang: str = "en", term_sec: str = "<term>a</term>") -> str:
    """Return a conceptEntry with one langSec and one termSec."""
    return (
        f'<conceptEntry id="{id_}">\n<langSec xml:lang="{lang}">\n'
        f"<termSec>{term_sec}</termSec>\n</langSec>\n</conceptEntry>"
    )


# --- example round trips ------------------------------------------------------------------


def test_facts_csv_holds_the_published_equivalents():
    glossary = {concept.identifier: concept for concept in facts_glossary()}
    assert len(glossary) == 15
    tor = glossary["tor"]
    assert TermData("en", "TOR", "admitted", case_sensitive=True) in tor.terms
    assert TermData("ru", "ТОР", "admitted", case_sensitive=True) in tor.terms
    assert TermData("en", "territories of priority development") == tor.terms[0]
    kurils = [t for t in glossary["northern-territories"].terms if t.status == "forbidden"]
    assert [t.text for t in kurils] == ["Южные Курилы", "Южные Курильские острова"]
    assert glossary["eight-point-plan"].terms[1].text == "8項目の「協力プラン」"


def test_facts_round_trip_through_tbx():
    glossary = facts_glossary()
    assert tbx_load(tbx_dump(glossary)) == glossary


def test_facts_round_trip_through_csv():
    glossary = facts_glossary()
    assert csv_load(csv_dump(glossary)) == glossary


def test_rich_glossary_round_trips_through_both_formats():
    glossary = rich_glossary()
    assert tbx_load(tbx_dump(glossary)) == glossary
    assert csv_load(csv_dump(glossary)) == glossary
    assert csv_load(csv_dump(glossary).encode("utf-8")) == glossary


def test_csv_keeps_interleaved_term_order_and_tbx_groups_by_language():
    concept = ConceptData(
        "c", terms=(TermData("en", "a"), TermData("ja", "b"), TermData("en", "c"))
    )
    assert csv_load(csv_dump([concept])) == [concept]
    grouped = [t.text for t in tbx_load(tbx_dump([concept]))[0].terms]
    assert grouped == ["a", "c", "b"]


# --- TBX mapping --------------------------------------------------------------------------


def test_forbidden_is_deprecated_plus_marker_note():
    document = etree.fromstring(tbx_dump(rich_glossary()))
    term_sec = document.xpath("//t:termSec[t:term='Южные Курилы']", namespaces=NS)[0]
    status = term_sec.xpath("t:termNote[@type='administrativeStatus']/text()", namespaces=NS)
    assert status == ["deprecatedTerm-admn-sts"]
    markers = term_sec.xpath("t:note[@xml:lang='zxx']/text()", namespaces=NS)
    assert markers == ["concord:status=forbidden"]
    assert term_sec.xpath("t:note[not(@xml:lang)]/text()", namespaces=NS) == ["not used by MOFA"]


def test_case_sensitivity_and_free_part_of_speech_are_marker_notes():
    document = etree.fromstring(tbx_dump(rich_glossary()))
    term_sec = document.xpath("//t:langSec[@xml:lang='en']/t:termSec[t:term='TOR']", namespaces=NS)
    notes = term_sec[0].xpath("t:note[@xml:lang='zxx']/text()", namespaces=NS)
    assert notes == ["concord:case-sensitive=true", "concord:part-of-speech=proper noun"]
    pos = term_sec[0].xpath("t:termNote[@type='partOfSpeech']/text()", namespaces=NS)
    assert pos == ["other"]


def test_standard_value_wins_over_a_stale_marker():
    data = tbx_dump(rich_glossary())
    data = swap(
        data,
        "<term>Южные Курилы</term>\n"
        '            <termNote type="administrativeStatus">deprecatedTerm-admn-sts',
        "<term>Южные Курилы</term>\n"
        '            <termNote type="administrativeStatus">admittedTerm-admn-sts',
    )
    data = swap(data, '<termNote type="partOfSpeech">other<', '<termNote type="partOfSpeech">verb<')
    concepts = {c.identifier: c for c in tbx_load(data)}
    kurils = concepts["northern-territories"].terms[1]
    assert (kurils.text, kurils.status) == ("Южные Курилы", "admitted")
    assert concepts["tor"].terms[1].part_of_speech == "verb"


def test_user_note_that_looks_like_a_marker_stays_a_note():
    concept = ConceptData("c", terms=(TermData("en", "a", note="concord:status=forbidden"),))
    assert tbx_load(tbx_dump([concept])) == [concept]


def test_identifiers_that_are_not_ncnames_are_escaped_reversibly():
    document = etree.fromstring(tbx_dump(rich_glossary()))
    ids = document.xpath("//t:conceptEntry/@id", namespaces=NS)
    assert ids == ["tor", "northern-territories", "_8-point-plan", "__private"]
    loaded = tbx_load(tbx_dump(rich_glossary()))
    assert [c.identifier for c in loaded] == [
        "tor",
        "northern-territories",
        "8-point-plan",
        "_private",
    ]


def test_foreign_tbx_maps_regions_superseded_and_missing_status():
    concepts = tbx_load(FOREIGN.read_bytes())
    assert concepts == [
        ConceptData(
            identifier="c1",
            subject_field="diplomacy",
            definition={"en": "A treaty that formally ends a state of war."},
            note={"en": "Concept-level note."},
            terms=(
                TermData("en", "peace treaty", part_of_speech="noun"),
                TermData("en", "peace agreement", "deprecated", note="Older usage."),
                TermData("ja", "平和条約", "preferred"),
                TermData("ru", "мирный договор", "admitted"),
            ),
        ),
        ConceptData("c2", terms=(TermData("en", "Eastern Economic Forum", "deprecated"),)),
    ]


def test_foreign_fixture_is_itself_valid_tbx_basic():
    assert_valid_tbx(FOREIGN.read_bytes())


def test_glossary_load_picks_the_format_by_extension_or_content():
    tbx = tbx_dump(rich_glossary())
    csv_data = csv_dump(rich_glossary()).encode("utf-8-sig")
    assert glossary_load(tbx, "export.TBX") == rich_glossary()
    assert glossary_load(tbx, "export.xml") == rich_glossary()
    assert glossary_load(csv_data, "export.csv") == rich_glossary()
    assert glossary_load(tbx, "upload") == rich_glossary()
    assert glossary_load(csv_data, "upload.txt") == rich_glossary()
    assert "not well-formed XML" in refusal(glossary_load, csv_data, "wrong.tbx")


# --- schema validity ----------------------------------------------------------------------


def test_dump_is_valid_against_the_tbx_basic_relax_ng_schema():
    for glossary in (facts_glossary(), rich_glossary()):
        document = etree.fromstring(tbx_dump(glossary))
        rng = relaxng()
        assert rng.validate(document), rng.error_log


def test_dump_passes_the_tbx_basic_schematron_rules():
    sch = schematron_xpath1()
    for glossary in (facts_glossary(), rich_glossary()):
        assert sch.validate(etree.fromstring(tbx_dump(glossary))), sch.error_log


def test_schematron_check_can_fail():
    data = swap(tbx_dump(rich_glossary()), ">other<", ">properNoun<")
    assert not schematron_xpath1().validate(etree.fromstring(data))
    assert not relaxng().validate(etree.fromstring(swap(data, 'type="subjectField"', 'type="x"')))


def test_dump_passes_the_verbatim_schematron_under_saxon(tmp_path):
    saxonche = pytest.importorskip("saxonche", reason="Saxon runs the XPath 2.0 Schematron")
    compiled = isoschematron.iso_svrl_for_xslt1(
        isoschematron.iso_abstract_expand(
            isoschematron.iso_dsdl_include(_xslt1_binding(etree.parse(str(SCHEMATRON))))
        )
    )
    (tmp_path / "glossary.tbx").write_bytes(tbx_dump(rich_glossary()))
    bad = swap(tbx_dump(rich_glossary()), ">other<", ">properNoun<")
    (tmp_path / "bad.tbx").write_bytes(bad)
    with saxonche.PySaxonProcessor(license=False) as processor:
        stylesheet = processor.new_xslt30_processor().compile_stylesheet(
            stylesheet_text=etree.tostring(compiled, encoding="unicode")
        )
        reports = {
            name: stylesheet.transform_to_string(
                xdm_node=processor.parse_xml(xml_file_name=str(tmp_path / name))
            )
            for name in ("glossary.tbx", "bad.tbx")
        }
    assert "failed-assert" not in reports["glossary.tbx"], reports["glossary.tbx"]
    assert "failed-assert" in reports["bad.tbx"]


def _xslt1_binding(schema):
    """Let the XSLT 1.0 skeleton compile the schema; Saxon then evaluates its XPath 2.0."""
    schema.getroot().set("queryBinding", "xslt1")
    return schema


def test_xmllint_validates_a_dump_against_the_relax_ng_schema(tmp_path):
    xmllint = shutil.which("xmllint")
    if not xmllint:
        pytest.skip("xmllint is not installed (Debian package libxml2-utils)")
    path = tmp_path / "glossary.tbx"
    renamed = [replace(c, identifier=f"rich-{c.identifier}") for c in rich_glossary()]
    path.write_bytes(tbx_dump(facts_glossary() + renamed))
    result = subprocess.run(
        [xmllint, "--noout", "--relaxng", str(RNG), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "validates" in result.stderr


# --- TBX refusals -------------------------------------------------------------------------

BILLION_LAUGHS = (
    BILLION_LAUGHS_PROLOG
    + """<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
<text><body><conceptEntry id="x"><langSec xml:lang="en">
<termSec><term>&lol9;</term></termSec></langSec></conceptEntry></body></text></tbx>
"""
).encode()


def test_billion_laughs_is_refused_without_expansion(monkeypatch):
    def parse(*args, **kwargs):
        raise AssertionError("the file reached the parser")

    # Refused before any parse, so nothing is ever expanded, whatever libxml2's own limits.
    monkeypatch.setattr(tbx_read.etree, "iterparse", parse)
    message = refusal(tbx_load, BILLION_LAUGHS)
    assert "entities are not allowed" in message
    assert "lollol" not in message


def test_external_entity_is_refused_and_never_read():
    prolog = '<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    data = tbx_doc(entry(term_sec="<term>&xxe;</term>"), prolog=prolog)
    message = refusal(tbx_load, data)
    assert "entities are not allowed" in message
    assert "root:" not in message


def test_dtd_with_internal_entity_is_refused():
    prolog = '<!DOCTYPE tbx [<!ENTITY name "Northern Territories">]>\n'
    data = tbx_doc(entry(term_sec="<term>&name;</term>"), prolog=prolog)
    assert "entities are not allowed" in refusal(tbx_load, data)


def test_external_dtd_is_refused():
    prolog = '<!DOCTYPE tbx SYSTEM "http://example.invalid/tbx.dtd">\n'
    assert "not allowed" in refusal(tbx_load, tbx_doc(entry(), prolog=prolog))


def test_malformed_xml_names_the_line():
    data = tbx_doc(entry(term_sec="<term>a</termx>"))
    message = refusal(tbx_load, data)
    assert message.startswith("line 7: the file is not well-formed XML")
    assert "mismatch" in message


def test_undeclared_entity_is_malformed_xml():
    message = refusal(tbx_load, tbx_doc(entry(term_sec="<term>&nbsp;</term>")))
    assert message.startswith("line 7: the file is not well-formed XML")


def test_empty_file_is_refused():
    assert "not well-formed XML" in refusal(tbx_load, b"")


def test_wrong_root_is_refused():
    message = refusal(tbx_load, b'<?xml version="1.0"?>\n<glossary/>')
    assert message == "line 2: the root element is <glossary>, expected <tbx> (TBX v3)"


def test_wrong_namespace_is_refused():
    root = '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed:3.0">'
    message = refusal(tbx_load, tbx_doc(entry(), root=root))
    assert "namespace 'urn:iso:std:iso:30042:ed:3.0'" in message
    assert "urn:iso:std:iso:30042:ed-2" in message


def test_tbx_2008_without_body_is_refused():
    data = b'<?xml version="1.0"?>\n<martif type="TBX-Basic" xml:lang="en"><text/></martif>'
    assert "<martif> has no <text><body>" in refusal(tbx_load, data)


def test_unknown_language_is_skipped_and_counted():
    both = entry(id_="x", lang="de").replace(
        "</conceptEntry>",
        '<langSec xml:lang="en"><termSec><term>b</term></termSec></langSec></conceptEntry>',
    )
    source = tbx_iter(tbx_doc(both + "\n" + entry(id_="y", lang="de-AT")))
    assert [(c.identifier, c.terms) for c in source] == [("x", (TermData("en", "b"),))]
    assert source.skipped == {"de": 1, "de-AT": 1}
    assert source.empty == ["y"]


def test_validation_still_refuses_an_unknown_language():
    concept = ConceptData("x", terms=(TermData("de", "a"),))
    assert "unknown language 'de'" in refusal(validate_concept, concept)


def test_languages_argument_widens_the_accepted_set():
    concepts = tbx_load(tbx_doc(entry(lang="de-AT")), languages=("en", "de"))
    assert concepts[0].terms == (TermData("de", "a"),)


def test_unknown_status_is_refused():
    term = '<term>a</term><termNote type="administrativeStatus">sortOfTerm-admn-sts</termNote>'
    message = refusal(tbx_load, tbx_doc(entry(term_sec=term)))
    assert message.startswith("line 7: unknown administrativeStatus 'sortOfTerm-admn-sts'")


def test_unknown_marker_is_refused():
    term = '<term>a</term><note xml:lang="zxx">concord:colour=red</note>'
    assert "unknown Concord marker" in refusal(tbx_load, tbx_doc(entry(term_sec=term)))


def test_empty_term_is_refused():
    message = refusal(tbx_load, tbx_doc(entry(term_sec="<term>  </term>")))
    assert message == "line 7: empty term text in conceptEntry 'x'"


def test_duplicate_identifiers_are_refused():
    message = refusal(tbx_load, tbx_doc(entry("x") + "\n" + entry("x")))
    assert message == "line 10: duplicate concept identifier 'x'"


def test_duplicate_term_within_a_concept_is_refused():
    body = (
        '<conceptEntry id="x"><langSec xml:lang="en"><termSec><term>a</term></termSec></langSec>\n'
        '<langSec xml:lang="en-GB"><termSec><term>a</term></termSec></langSec></conceptEntry>'
    )
    message = refusal(tbx_load, tbx_doc(body))
    assert message == "line 6: duplicate term 'a' in language 'en' in conceptEntry 'x'"


def test_concept_without_id_gets_a_stable_id_from_its_terms():
    first = tbx_load(tbx_doc(entry(id_="")))[0].identifier
    assert re.fullmatch(r"entry-[0-9a-f]{12}", first)
    assert tbx_load(tbx_doc(entry(id_="")))[0].identifier == first
    other = tbx_load(tbx_doc(entry(id_="", term_sec="<term>b</term>")))[0].identifier
    assert other != first
    assert "no terms" in refusal(tbx_load, tbx_doc('<conceptEntry id="x"/>'))


def test_any_id_gives_a_stable_identifier():
    dotted, colon = (tbx_load(tbx_doc(entry(id_=i)))[0].identifier for i in ("c.1", "c:1"))
    assert dotted.startswith("c-1-") and colon.startswith("c-1-") and dotted != colon
    assert tbx_load(tbx_doc(entry(id_="c.1")))[0].identifier == dotted
    # Not even an XML name token, as translate-toolkit's csv2tbx writes ids: read, not refused.
    words = tbx_load(tbx_doc(entry(id_="two words")))[0].identifier
    assert re.fullmatch(r"two-words-[0-9a-f]{8}", words)
    assert tbx_load(tbx_doc(entry(id_="two words")))[0].identifier == words
    assert tbx_load(tbx_doc(entry(id_="two-words")))[0].identifier == "two-words"


# --- dump refusals ------------------------------------------------------------------------


def test_dump_refuses_what_could_not_load_back():
    def one(**fields):
        return [ConceptData(**{"identifier": "c", "terms": (TermData("en", "a"),), **fields})]

    assert "empty" in refusal(tbx_dump, [])
    assert "no terms" in refusal(tbx_dump, one(terms=()))
    assert "unknown status 'banned'" in refusal(
        csv_dump, one(terms=(TermData("en", "a", "banned"),))
    )
    assert "unknown language 'de'" in refusal(tbx_dump, one(terms=(TermData("de", "a"),)))
    assert "whitespace" in refusal(csv_dump, one(terms=(TermData("en", " a"),)))
    assert "has no terms in that language" in refusal(tbx_dump, one(definition={"ja": "x"}))
    assert "XML cannot hold" in refusal(csv_dump, one(note={"en": "bell\x07"}))
    assert "invalid concept identifier" in refusal(tbx_dump, one(identifier="a b"))
    assert "duplicate concept" in refusal(tbx_dump, one() + one())


def test_dump_ignores_empty_definitions_and_notes():
    concept = ConceptData("c", definition={"ja": ""}, note={"en": ""}, terms=(TermData("en", "a"),))
    assert tbx_load(tbx_dump([concept])) == [ConceptData("c", terms=(TermData("en", "a"),))]


# --- CSV ----------------------------------------------------------------------------------


def test_csv_dump_has_the_documented_header_and_repeats_concept_fields():
    text = csv_dump(rich_glossary())
    lines = text.splitlines()
    assert lines[0] == HEADER
    assert lines[1].startswith("tor,economy,en,territories of priority development,preferred,false")
    assert lines[2].endswith(",Zones with tax breaks,,")
    # Declared variants: the last column, one a line within the cell.
    assert (
        ',ru,территория опережающего развития,preferred,false,,,Особые зоны,,"территории '
        'опережающего развития\nтерриторий опережающего развития"\r\n'
    ) in text


def test_csv_accepts_bom_blank_lines_defaults_and_column_order():
    data = "\ufeffterm,language,concept\r\n\r\nTOR,en-US,tor\r\n".encode()
    assert csv_load(data) == [ConceptData("tor", terms=(TermData("en", "TOR"),))]


def test_csv_concept_fields_may_be_left_empty_on_later_rows():
    data = csv_bytes(
        "tor,economy,en,TOR,admitted,yes,,,def,",
        "tor,,en,priority development areas,,,,,,",
    )
    concept = csv_load(data)[0]
    assert (concept.subject_field, concept.definition) == ("economy", {"en": "def"})
    assert concept.terms[0].case_sensitive and concept.terms[1].status == "preferred"


def test_csv_missing_columns_are_named():
    message = refusal(csv_load, b"concept,status\r\ntor,preferred\r\n")
    assert message.startswith("line 1: missing column(s): language, term")


def test_csv_unknown_column_is_refused():
    assert "unknown column(s): staus" in refusal(csv_load, b"concept,language,term,staus\r\n")


def test_csv_unknown_language_is_skipped_and_counted():
    source = csv_source(csv_bytes("tor,,en,TOR,,,,,,", "tor,,de,TOR,,,,,,", "x,,fr,X,,,,,,"))
    assert [(c.identifier, c.terms) for c in source] == [("tor", (TermData("en", "TOR"),))]
    assert source.skipped == {"de": 1, "fr": 1}
    assert source.empty == ["x"]


def test_csv_unknown_status_names_the_line():
    message = refusal(csv_load, csv_bytes("tor,,en,TOR,banned,,,,,"))
    assert message.startswith("line 2: unknown status 'banned' in concept 'tor'")


def test_csv_bad_boolean_names_the_line():
    message = refusal(csv_load, csv_bytes("tor,,en,TOR,,maybe,,,,"))
    assert message.startswith("line 2: bad case_sensitive value 'maybe'")


def test_csv_errors_name_the_first_line_of_multiline_records():
    data = csv_bytes('tor,,en,TOR,,,,"two\nline note",,', "tor,,en,  ,,,,,,")
    assert refusal(csv_load, data) == "line 4: empty term text in concept 'tor'"
    data = csv_bytes("tor,,en,TOR,,,,,,", 'tor,,en,,,,,"a note\nover two lines",,')
    assert refusal(csv_load, data) == "line 3: empty term text in concept 'tor'"


def test_csv_duplicate_term_and_conflicting_concept_fields_are_refused():
    message = refusal(csv_load, csv_bytes("tor,,en,TOR,,,,,,", "tor,,en,TOR,,,,,,"))
    assert message == "line 3: duplicate term 'TOR' in language 'en' in concept 'tor'"
    message = refusal(csv_load, csv_bytes("tor,a,en,TOR,,,,,,", "tor,b,en,ТОР,,,,,,"))
    assert message == "line 3: subject_field 'b' in concept 'tor' contradicts 'a' on line 2"


def test_csv_other_refusals():
    assert "not UTF-8" in refusal(csv_load, HEADER.encode() + b"\r\ntor,,en,\xff,,,,,,\r\n")
    assert refusal(csv_load, b"").startswith("the CSV file is empty")
    assert "12 fields" in refusal(csv_load, csv_bytes("tor,,en,TOR,,,,,,,,x"))
    # An empty field after the last column is what spreadsheets add: ignored.
    assert csv_load(csv_bytes("tor,,en,TOR,,,,,,,,"))[0].terms == (TermData("en", "TOR"),)
    assert refusal(csv_load, csv_bytes(",,en,TOR,,,,,,")) == "line 2: empty concept identifier"
    assert "invalid concept identifier" in refusal(csv_load, csv_bytes("t r,,en,TOR,,,,,,"))


# --- property-based round trips -----------------------------------------------------------

# Text as editors type it: Japanese, Cyrillic, accents, CSV and XML metacharacters.
SAMPLES = "TORтор先行発展領域北方領土ЁёЮжéàçñ ,;\"'<>&]]>\t\n\r\u3000\u00a0—「」"
xml_char = st.one_of(
    st.sampled_from(SAMPLES),
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn")),
)
text = st.text(xml_char, max_size=30)
nonempty_text = text.filter(bool)
term_text = text.map(str.strip).filter(bool)
# Declared variants as files carry them: one a line, each stripped, none repeated.
variant_text = term_text.filter(lambda t: len(t.splitlines()) == 1)
variants = st.lists(variant_text, max_size=2, unique=True).map("\n".join)
identifier = st.from_regex(r"[-_A-Za-z0-9]{1,20}", fullmatch=True)
part_of_speech = st.one_of(st.sampled_from(("", "noun", "verb", "other")), text)


def terms_for(language):
    """Return a strategy for distinct terms in one language."""
    term = st.builds(
        TermData,
        language=st.just(language),
        text=term_text,
        status=st.sampled_from(STATUSES),
        case_sensitive=st.booleans(),
        part_of_speech=part_of_speech,
        note=text,
        variants=variants,
    )
    return st.lists(term, max_size=3, unique_by=lambda t: t.text)


@st.composite
def concepts(draw, grouped=True):
    """Draw one concept; ``grouped`` keeps each language's terms together, as TBX does."""
    languages = draw(st.permutations(LANGUAGES))
    per_language = [draw(terms_for(language)) for language in languages]
    terms = [t for group in per_language for t in group]
    if not terms:
        terms = [draw(terms_for(languages[0]).filter(bool))[0]]
    if not grouped:
        terms = draw(st.permutations(terms))
    used = sorted({t.language for t in terms})
    texts = st.dictionaries(st.sampled_from(used), nonempty_text, max_size=len(used))
    return ConceptData(
        identifier=draw(identifier),
        subject_field=draw(text),
        definition=draw(texts),
        note=draw(texts),
        terms=tuple(terms),
    )


def glossaries(grouped=True):
    """Return a strategy for glossaries with distinct identifiers."""
    return st.lists(concepts(grouped), min_size=1, max_size=4, unique_by=lambda c: c.identifier)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossaries())
def test_any_glossary_round_trips_through_valid_tbx(glossary):
    data = tbx_dump(glossary)
    assert tbx_load(data) == glossary
    rng = relaxng()
    assert rng.validate(etree.fromstring(data)), rng.error_log


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossaries(grouped=False))
def test_any_glossary_round_trips_through_csv(glossary):
    text_out = csv_dump(glossary)
    assert csv_load(text_out) == glossary
    assert csv_load(text_out.encode("utf-8-sig")) == glossary
