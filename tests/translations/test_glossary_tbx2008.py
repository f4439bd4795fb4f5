"""The glossary as TBX 2008 (``martif``, TBXcoreStructV02 shape): written from the same data
as the TBX v3 export, valid against ISO 30042:2008's core structure DTD and the TBX-Default
XCS it names, and read back by Concord's importer to the same glossary."""

from functools import cache
from pathlib import Path

import pytest
from django.core.management import CommandError
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from lxml import etree

from tests.helpers import run
from tests.translations.test_exchange import facts_glossary, glossaries, rich_glossary
from translations.glossary.files import GlossaryFormatError, tbx2008_dump, tbx_load
from translations.glossary.files.tbx import tbx_entries
from translations.glossary.files.tbx2008 import entry_from_tbx2008
from translations.glossary.services import glossary_export
from translations.models import Concept, Term

TBX_DATA = Path(__file__).resolve().parents[1] / "data" / "tbx"
# ISO 30042:2008's core structure DTD and the TBX-Default XCS the export names (README there).
DTD = TBX_DATA / "TBXcoreStructV02.dtd"
XCS = TBX_DATA / "TBXXCSV02.xcs"
XCS_ELEMENTS = ("descrip", "termNote", "admin", "ref", "xref", "transac", "hi")
# The XCS's <levels> names the entry level "term": a tig or ntig.
LEVELS = {"termEntry": "termEntry", "langSet": "langSet", "tig": "term", "ntig": "term"}


@cache
def dtd():
    """Return the TBX 2008 core structure DTD (TBXcoreStructV02.dtd)."""
    return etree.DTD(str(DTD))


@cache
def xcs_specs():
    """Return the XCS's data categories: ``{(element, type): (picklist or None, levels)}``."""
    parser = etree.XMLParser(load_dtd=False, resolve_entities=False, no_network=True)
    root = etree.parse(str(XCS), parser).getroot()
    specs = {}
    for spec in root.find("datCatSet"):
        if not isinstance(spec.tag, str):
            continue
        contents = spec.find("contents")
        picklist = (contents.text or "").split() if contents.get("datatype") == "picklist" else None
        levels = (spec.findtext("levels") or "").split() or None
        specs[(spec.tag.removesuffix("Spec"), spec.get("name"))] = (picklist, levels)
    return specs


def xcs_errors(root):
    """Return where a TBX 2008 document uses a data category the XCS does not declare, a
    picklist value it does not list, or a descrip at a level it does not allow.

    The XCS's own language list is, in its words, "for demonstration purposes" (it lacks ja
    and ru), so languages are not checked against it."""
    errors = []
    if root.findtext("martifHeader/encodingDesc/p[@type='XCSURI']") != XCS.name:
        errors.append("the header does not name the XCS")
    for element in root.iter(*XCS_ELEMENTS):
        kind = element.get("type")
        spec = xcs_specs().get((element.tag, kind))
        if spec is None:
            errors.append(f"<{element.tag} type={kind!r}> is not a data category of the XCS")
            continue
        picklist, levels = spec
        if picklist is not None and (element.text or "").strip() not in picklist:
            errors.append(f"<{element.tag} type={kind!r}>: {element.text!r} is not in its picklist")
        parent = element.getparent()
        if parent.tag.endswith("Grp"):
            parent = parent.getparent()
        if levels is not None and LEVELS.get(parent.tag) not in levels:
            errors.append(f"<{element.tag} type={kind!r}> is not allowed in <{parent.tag}>")
    return errors


def assert_valid_2008(data):
    """Fail unless a TBX 2008 document is valid against the DTD and uses only the XCS's data
    categories and values."""
    root = etree.fromstring(data)
    assert dtd().validate(root), dtd().error_log.filter_from_errors()
    assert xcs_errors(root) == []


def test_tbx2008_has_the_martif_shape_iate_exports():
    data = tbx2008_dump(rich_glossary())
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif SYSTEM')
    root = etree.fromstring(data)
    assert root.getroottree().docinfo.system_url == "TBXcoreStructV02.dtd"
    assert (root.tag, root.get("type")) == ("martif", "TBX")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert not root.nsmap, "TBX 2008 has no namespace"
    assert_valid_2008(data)
    assert root.findtext("martifHeader/fileDesc/sourceDesc/p") == "Concord glossary export"
    assert root.findtext("martifHeader/encodingDesc/p[@type='XCSURI']") == "TBXXCSV02.xcs"
    entries = root.findall("text/body/termEntry")
    assert [entry.get("id") for entry in entries] == [
        "tor",
        "northern-territories",
        "_8-point-plan",
        "__private",
    ]
    tor = entries[0]
    assert [lang.get("{http://www.w3.org/XML/1998/namespace}lang") for lang in tor][1:] == [
        "en",
        "ja",
        "ru",
    ]
    assert [t.text for t in tor.iterfind("langSet/tig/term")][:2] == [
        "territories of priority development",
        "TOR",
    ]
    forbidden = entries[1].find("langSet/tig[term='Южные Курилы']")
    assert forbidden.findtext("termNote[@type='administrativeStatus']") == (
        "deprecatedTerm-admn-sts"
    )
    assert forbidden.findtext("note[@{http://www.w3.org/XML/1998/namespace}lang='zxx']") == (
        "concord:status=forbidden"
    )


def test_the_dtd_is_the_iso_30042_2008_core_structure():
    names = {element.name for element in dtd().elements()}
    assert {"martif", "martifHeader", "termEntry", "langSet", "tig", "ntig", "termGrp"} <= names
    martif = next(element for element in dtd().elements() if element.name == "martif")
    assert {attribute.name: attribute.default for attribute in martif.attributes()} == {
        "type": "required",
        "lang": "required",
    }
    assert ("termNote", "administrativeStatus") in xcs_specs()


@pytest.mark.parametrize("glossary", [rich_glossary, facts_glossary])
def test_tbx2008_export_is_valid_against_the_dtd_and_the_xcs(glossary):
    assert_valid_2008(tbx2008_dump(glossary()))


def test_dtd_and_xcs_checks_can_fail():
    root = etree.fromstring(tbx2008_dump(rich_glossary()))
    tig = root.find(".//tig[note]")
    # A termNote after a note, and an element TBX 2008 does not have.
    etree.SubElement(tig, "termNote", type="partOfSpeech").text = "noun"
    root.find(".//termEntry").append(etree.Element("termSec"))
    assert not dtd().validate(root)
    messages = " ".join(error.message for error in dtd().error_log.filter_from_errors())
    assert "tig" in messages and "termEntry" in messages
    root = etree.fromstring(tbx2008_dump(rich_glossary()))
    root.find(".//termNote").text = "forbiddenTerm-admn-sts"
    root.find(".//tig").append(etree.Element("descrip", type="subjectField"))
    root.find(".//langSet").insert(0, etree.Element("descrip", type="termVariant"))
    root.find("martifHeader/encodingDesc/p").text = "TBXBasicXCSV02.xcs"
    assert xcs_errors(root) == [
        "the header does not name the XCS",
        "<descrip type='termVariant'> is not a data category of the XCS",
        "<termNote type='administrativeStatus'>: 'forbiddenTerm-admn-sts' is not in its picklist",
        "<descrip type='subjectField'> is not allowed in <tig>",
    ]


def test_tbx2008_entries_are_the_tbx_v3_entries_renamed():
    # Written from the same data: read back into the v3 shape, each entry is the v3 export's.
    glossary = rich_glossary()
    root = etree.fromstring(tbx2008_dump(glossary))
    for written, v3 in zip(
        root.iterfind("text/body/termEntry"), tbx_entries(glossary), strict=True
    ):
        etree.indent(v3, space="")
        again = entry_from_tbx2008(written)
        etree.indent(again, space="")
        assert etree.tostring(again, method="c14n") == etree.tostring(v3, method="c14n")


@pytest.mark.parametrize("glossary", [rich_glossary, facts_glossary])
def test_tbx2008_round_trips(glossary):
    assert tbx_load(tbx2008_dump(glossary())) == glossary()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossaries())
def test_any_glossary_round_trips_through_tbx2008(glossary):
    data = tbx2008_dump(glossary)
    assert tbx_load(data) == glossary
    assert_valid_2008(data)


def test_tbx2008_refuses_what_could_not_load_back():
    with pytest.raises(GlossaryFormatError, match="at least one concept"):
        tbx2008_dump([])


# Through the command, the importer and the admin --------------------------------------------


@pytest.mark.django_db
def test_export_glossary_tbx2008_imports_back_to_the_same_glossary(tmp_path):
    from translations.demo import GLOSSARY_PATH

    run("import_glossary", str(GLOSSARY_PATH))
    before = glossary_export()
    path = tmp_path / "glossary.tbx"
    run("export_glossary", "--format", "tbx2008", "-o", str(path))
    assert path.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif')
    assert_valid_2008(path.read_bytes())
    assert "18 unchanged" in run("import_glossary", str(path))
    Concept.objects.all().delete()
    assert "18 concepts created" in run("import_glossary", str(path))
    assert glossary_export() == before
    assert Term.objects.get(text="Южные Курилы").status == "forbidden"
    assert Term.objects.get(text="ТОР").case_sensitive is True


@pytest.mark.django_db
def test_export_glossary_tbx2008_of_an_empty_glossary_is_refused(tmp_path):
    target = tmp_path / "empty.tbx"
    with pytest.raises(CommandError, match="at least one concept"):
        run("export_glossary", "--format", "tbx2008", "-o", str(target))
    assert not target.exists()


@pytest.mark.django_db
def test_glossary_admin_downloads_tbx2008(client, demo):
    client.login(username="terminologist", password="test-password-123")
    url = reverse("admin:translations_glossary_export") + "?format=tbx2008"
    changelist = client.get(reverse("admin:translations_concept_changelist")).content.decode()
    assert url.replace("&", "&amp;") in changelist
    upload_page = client.get(reverse("admin:translations_glossary_import")).content.decode()
    assert url in upload_page and "Download TBX 2008" in upload_page
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="glossary-tbx2008.tbx"'
    assert tbx_load(response.content) == glossary_export()
    Concept.objects.all().delete()
    empty = client.get(url)
    assert empty.status_code == 400 and "at least one concept" in empty.content.decode()
