"""XLIFF exports valid against the official XLIFF 1.2 strict schema, the identity where the
strict schema allows it, and files exported before that layout (``<prop-group>``) still read.
"""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from lxml import etree

from records.models import Revision
from records.units import translatable_units
from tests.xliff_schema import assert_strict_xliff, strict_errors
from translations.exchange import services, xliff
from translations.exchange.imports import release_file_import
from translations.exchange.services import release_file_export
from translations.exchange.units import ExchangeFileError, legacy_label
from translations.review.models import Event, UnitStatus
from translations.review.vocabulary import UnitState

DATA = Path(__file__).resolve().parents[1] / "data" / "xliff"
# An export made by Concord before the strict layout: identity in <prop-group name="concord">.
OLD_EXPORT = DATA / "concord-prop-group.ru.xlf"
XLIFF = "urn:oasis:names:tc:xliff:document:1.2"
NS = {"x": XLIFF}


def user(name):
    return get_user_model().objects.get(username=name)


def db_state(release):
    return (
        Revision.objects.filter(release=release).count(),
        sorted(UnitStatus.objects.filter(release=release).values_list("key", "language", "state")),
        Event.objects.filter(release=release).count(),
    )


def head_texts(release, language):
    release.refresh_from_db()
    revision = Revision.objects.get(release=release, number=release.head_number)
    return {u.key: u.text(language) for u in translatable_units(revision.snapshot, "en")}


def tostring(root):
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@pytest.fixture
def release(demo_scenario):
    return demo_scenario["release"]


# The schema itself --------------------------------------------------------------------------


def test_strict_schema_refuses_the_old_prop_group_layout():
    errors = strict_errors(OLD_EXPORT.read_bytes())
    assert errors and "prop-group" in errors[0]


@pytest.mark.django_db
def test_strict_schema_reads_xml_xsd_for_xml_space(release):
    # xml:space is declared only in xml.xsd: a value it does not allow shows that the local
    # copy was imported (without it the schema would not compile at all).
    data = release_file_export(release, "ja", "xliff").replace(
        b'xml:space="preserve"', b'xml:space="keep"', 1
    )
    assert any("space" in error for error in strict_errors(data))


@pytest.mark.django_db
def test_every_export_in_the_suite_is_validated(release, monkeypatch):
    # The conftest wraps the writer that every download, command and zip goes through; a
    # writer producing a state the schema does not know fails there.
    monkeypatch.setitem(xliff.STATE_OUT, UnitState.APPROVED, "done")
    with pytest.raises(AssertionError, match="not valid XLIFF 1.2 strict"):
        release_file_export(release, "ru", "xliff")
    with pytest.raises(AssertionError, match="not valid XLIFF 1.2 strict"):
        services.exchange_format("xliff").dump(services.release_exchange(release, "ru"))


# The new layout ----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ja", "ru"])
def test_export_is_valid_strict_xliff_with_its_identity_in_file_and_header(release, language):
    data = release_file_export(release, language, "xliff")
    assert_strict_xliff(data)
    root = etree.fromstring(data)
    file = root.find("x:file", NS)
    assert file.get("original") == f"concord:{release.slug}"
    assert file.get("source-language") == "en"
    assert file.get("target-language") == language
    assert file.get("datatype") == "plaintext"
    assert file.get("build-num") == str(release.head_number)
    assert file.get("product-version") == f"revision {release.head_number}"
    assert file.get("product-name") == release.title
    assert file.get("tool-id") == "concord"
    phase = file.find("x:header/x:phase-group/x:phase", NS)
    assert phase.get("phase-name") == "concord-export"
    assert phase.get("job-id") == str(release.pk)
    assert phase.get("date") == file.get("date")
    tool = file.find("x:header/x:tool", NS)
    assert (tool.get("tool-id"), tool.get("tool-name")) == ("concord", "Concord")
    assert root.find(".//x:prop-group", NS) is None
    parsed = xliff.xliff_load(data)
    assert (parsed.slug, parsed.release_id, parsed.language, parsed.revision) == (
        release.slug,
        release.pk,
        language,
        release.head_number,
    )
    assert parsed.source_language == "en"


@pytest.mark.django_db
def test_release_without_title_has_no_product_name(release):
    exchange = services.release_exchange(release, "ru")
    data = xliff.xliff_dump(type(exchange)(**{**exchange.__dict__, "title": ""}))
    assert etree.fromstring(data).find("x:file", NS).get("product-name") is None


@pytest.mark.django_db
def test_strict_export_imports_and_updates(release):
    key = next(k for k in head_texts(release, "ru") if ":" not in k and k != "title")
    root = etree.fromstring(release_file_export(release, "ru", "xliff"))
    root.xpath("//x:trans-unit[@id=$key]/x:target", namespaces=NS, key=key)[0].text = "Новый"
    report = release_file_import(tostring(root), "xliff", author=user("translator-ru"))
    assert [line.key for line in report.updated] == [key]
    assert head_texts(release, "ru")[key] == "Новый"


@pytest.mark.django_db
def test_another_tools_phase_is_not_read_as_the_release_id(release):
    root = etree.fromstring(release_file_export(release, "ru", "xliff"))
    phase = root.find(".//x:phase", NS)
    phase.set("phase-name", "review")
    phase.set("job-id", "JOB-77")
    parsed = xliff.xliff_load(tostring(root))
    assert (parsed.release_id, parsed.slug) == (None, release.slug)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change, missing",
    [
        (lambda file, phase: file.set("original", "press-release.txt"), "release"),
        (lambda file, phase: file.attrib.pop("build-num"), "revision"),
        (lambda file, phase: file.set("build-num", "four"), "revision"),
        (lambda file, phase: file.set("build-num", "0"), "revision"),
        (lambda file, phase: file.attrib.pop("target-language"), "target-language"),
        (lambda file, phase: phase.set("job-id", "x1"), "release-id"),
    ],
)
def test_a_file_without_its_identity_is_refused_and_nothing_is_written(release, change, missing):
    root = etree.fromstring(release_file_export(release, "ru", "xliff"))
    change(root.find("x:file", NS), root.find(".//x:phase", NS))
    before = db_state(release)
    with pytest.raises(ExchangeFileError, match=f"\\({missing} missing\\)"):
        release_file_import(tostring(root), "xliff", author=user("translator-ru"))
    assert db_state(release) == before


# Files exported before the strict layout ---------------------------------------------------


def test_old_prop_group_export_reads_as_before():
    parsed = xliff.xliff_load(OLD_EXPORT.read_bytes())
    assert parsed.slug == "japan-russia-summit-meeting-2017-07-07"
    assert (parsed.release_id, parsed.language, parsed.revision) == (1, "ru", 4)
    assert parsed.source_language == "en"
    assert len(parsed.entries) == 25
    assert parsed.entries[0].key == "title"
    assert parsed.entries[0].target == "Российско-японская встреча на высшем уровне"
    assert not parsed.skipped


def _old_export_for(release):
    """The old export with its ids and release id made this database's: unit keys are random
    per demo load, so each unit is matched by its label (``resname``, as old files wrote it:
    "paragraph 1", "caption 1")."""
    keys = {legacy_label(unit): unit.key for unit in services.release_exchange(release, "ru").units}
    root = etree.fromstring(OLD_EXPORT.read_bytes())
    for unit in root.iterfind(".//x:trans-unit", NS):
        unit.set("id", keys[unit.get("resname")])
    root.find(".//x:prop[@prop-type='release-id']", NS).text = str(release.pk)
    return root


@pytest.mark.django_db
def test_old_prop_group_export_still_imports(release):
    root = _old_export_for(release)
    unit = root.find(".//x:trans-unit[@resname='paragraph 1']", NS)
    unit.find("x:target", NS).text = "Исправленный перевод."
    unit.find("x:target", NS).set("state", "translated")
    report = release_file_import(tostring(root), "xliff", author=user("translator-ru"))
    # Reported in the workbench's words.
    assert [line.label for line in report.updated] == ["segment 1"]
    assert head_texts(release, "ru")[unit.get("id")] == "Исправленный перевод."


@pytest.mark.django_db
def test_old_prop_group_export_without_revision_is_refused(release):
    root = _old_export_for(release)
    revision = root.find(".//x:prop[@prop-type='revision']", NS)
    revision.getparent().remove(revision)
    before = db_state(release)
    with pytest.raises(ExchangeFileError, match="revision missing"):
        release_file_import(tostring(root), "xliff", author=user("translator-ru"))
    assert db_state(release) == before
