"""The glossary as TBX 2008 (``martif``, TBXcoreStructV02 shape): written from the same data
as the TBX v3 export, and read back by Concord's importer to the same glossary."""

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

# The TBXcoreStructV02 content models of the elements the export uses: the children each may
# hold, in the order the DTD requires ("aux" = its auxInfo group of descrip, admin, note…).
AUX = {"descrip", "descripGrp", "admin", "adminGrp", "transacGrp", "note", "ref", "xref"}
CHILDREN = {
    "martif": ["martifHeader", "text"],
    "martifHeader": ["fileDesc", "encodingDesc"],
    "fileDesc": ["sourceDesc"],
    "sourceDesc": ["p"],
    "encodingDesc": ["p"],
    "text": ["body"],
    "body": ["termEntry"],
    "termEntry": ["aux", "langSet"],
    "langSet": ["aux", "tig"],
    "tig": ["term", "termNote", "aux"],
}
TEXT_ONLY = {"p", "term", "termNote", "descrip", "note"}


def shape_errors(element, path="martif"):
    """Return where ``element``'s subtree leaves the TBXcoreStructV02 shape."""
    errors = []
    if element.tag not in CHILDREN and element.tag not in TEXT_ONLY:
        return [f"{path}: unexpected element <{element.tag}>"]
    if element.tag in TEXT_ONLY:
        return [f"{path}: <{element.tag}> holds elements"] if len(element) else []
    order = CHILDREN[element.tag]
    position = 0
    for child in element:
        kind = "aux" if child.tag in AUX and "aux" in order else child.tag
        if kind not in order or order.index(kind) < position:
            errors.append(f"{path}: <{child.tag}> not allowed here")
            continue
        position = order.index(kind)
        errors += shape_errors(child, f"{path}/{child.tag}")
    required = {"termEntry": "langSet", "langSet": "tig", "tig": "term", "body": "termEntry"}
    if element.tag in required and element.find(required[element.tag]) is None:
        errors.append(f"{path}: no <{required[element.tag]}>")
    if element.tag == "tig" and element[0].tag != "term":
        errors.append(f"{path}: <term> is not first")
    return errors


def test_tbx2008_has_the_martif_shape_iate_exports():
    data = tbx2008_dump(rich_glossary())
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif SYSTEM')
    root = etree.fromstring(data)
    assert root.getroottree().docinfo.system_url == "TBXcoreStructV02.dtd"
    assert (root.tag, root.get("type")) == ("martif", "TBX")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert not root.nsmap, "TBX 2008 has no namespace"
    assert shape_errors(root) == []
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


def test_shape_check_can_fail():
    root = etree.fromstring(tbx2008_dump(rich_glossary()))
    tig = root.find(".//tig")
    tig.insert(0, etree.Element("termNote"))
    root.find(".//langSet").append(etree.Element("descrip"))
    root.find(".//termEntry").append(etree.Element("termSec"))
    assert shape_errors(root) == [
        "martif/text/body/termEntry/langSet/tig: <term> not allowed here",
        "martif/text/body/termEntry/langSet/tig: <term> is not first",
        "martif/text/body/termEntry/langSet: <descrip> not allowed here",
        "martif/text/body/termEntry: <termSec> not allowed here",
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
    assert shape_errors(etree.fromstring(data)) == []


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
