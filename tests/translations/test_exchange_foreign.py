"""Release files as other tools write them: inline codes, encodings, confirmations, comments."""

import io
import re

import pytest
from lxml import etree

from records.models import Revision
from records.units import translatable_units
from tests.helpers import exchange_state as db_state
from tests.helpers import user_named as user
from translations.exchange.imports import release_file_import
from translations.exchange.services import release_file_export
from translations.review.models import Comment, UnitStatus
from translations.review.vocabulary import UnitState

pytestmark = pytest.mark.django_db
XLIFF = "urn:oasis:names:tc:xliff:document:1.2"
NS = {"x": XLIFF}


def head_texts(release, language):
    release.refresh_from_db()
    revision = Revision.objects.get(release=release, number=release.head_number)
    units = translatable_units(revision.snapshot, release.source_language)
    return {unit.key: unit.text(language) for unit in units}


def set_target(data, key, markup, state=None):
    """Return the XLIFF ``data`` with the target of unit ``key`` replaced by ``markup``."""
    root = etree.fromstring(data)
    unit = root.find(f".//x:trans-unit[@id='{key}']", NS)
    target = unit.find("x:target", NS)
    for child in list(target):
        target.remove(child)
    fragment = etree.fromstring(f'<target xmlns="{XLIFF}">{markup}</target>')
    target.text = fragment.text
    for child in fragment:
        target.append(child)
    if state:
        target.set("state", state)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@pytest.fixture
def release(demo_scenario):
    return demo_scenario["release"]


def segment_key(release, number=2):
    keys = [key for key in head_texts(release, "ja") if ":" not in key and key != "title"]
    return keys[number]


def test_xliff_native_codes_are_dropped_and_reported_per_unit(release):
    key = segment_key(release)
    data = set_target(
        release_file_export(release, "ja", "xliff"),
        key,
        '<bpt id="1">&lt;b&gt;</bpt>太字<ept id="1">&lt;/b&gt;</ept>と<ph id="2">&lt;br/&gt;</ph>'
        '<g id="3">グループ</g><x id="4"/><mrk mtype="term">用語</mrk><it id="5" pos="open">'
        "&lt;i&gt;</it>",
    )
    report = release_file_import(data, "xliff", author=user("translator-ja"))
    assert head_texts(release, "ja")[key] == "太字とグループ用語"
    assert [(line.key, line.code) for line in report.notes] == [(key, "codes")]
    assert any("formatting codes" in line for line in report.lines())


def test_xliff_without_codes_reports_no_note(release):
    key = segment_key(release)
    data = set_target(release_file_export(release, "ja", "xliff"), key, '<g id="1">新しい</g>訳')
    report = release_file_import(data, "xliff", author=user("translator-ja"))
    assert head_texts(release, "ja")[key] == "新しい訳"
    assert report.notes == []


# --- encodings: decided once ------------------------------------------------------------------


def redeclare(data, encoding):
    """Return ``data`` with its XML declaration naming ``encoding``."""
    declaration = f'<?xml version="1.0" encoding="{encoding}"?>'.encode()
    return re.sub(rb"\A<\?xml[^>]*\?>", declaration, data, count=1)


def test_a_false_legacy_declaration_over_utf8_is_refused_naming_both(release):
    from translations.exchange.units import ExchangeFileError

    key = segment_key(release)
    data = set_target(release_file_export(release, "ru", "xliff"), key, "Новый перевод")
    before = db_state(release)
    with pytest.raises(ExchangeFileError) as refused:
        release_file_import(redeclare(data, "ISO-8859-1"), "xliff", author=user("translator-ru"))
    assert "“ISO-8859-1”" in str(refused.value) and "UTF-8" in str(refused.value)
    assert db_state(release) == before


def test_a_truthful_legacy_declaration_is_read(release):
    key = segment_key(release)
    data = set_target(release_file_export(release, "ru", "xliff"), key, "Новый перевод")
    legacy = redeclare(data, "windows-1251").decode().encode("cp1251", "xmlcharrefreplace")
    release_file_import(legacy, "xliff", author=user("translator-ru"))
    assert head_texts(release, "ru")[key] == "Новый перевод"


def test_utf16_xliff_with_its_mark_is_read(release):
    key = segment_key(release)
    data = set_target(release_file_export(release, "ja", "xliff"), key, "新しい訳文")
    utf16 = redeclare(data, "UTF-16").decode("utf-8").encode("utf-16")
    release_file_import(utf16, "xliff", author=user("translator-ja"))
    assert head_texts(release, "ja")[key] == "新しい訳文"


def test_a_utf8_declaration_over_other_bytes_is_refused(release):
    from translations.exchange.units import ExchangeFileError

    key = segment_key(release)
    data = set_target(release_file_export(release, "ru", "xliff"), key, "Новый")
    before = db_state(release)
    with pytest.raises(ExchangeFileError, match=r"not valid UTF-8 text \(byte \d+\)"):
        release_file_import(
            data.decode().encode("koi8-r", "xmlcharrefreplace"),
            "xliff",
            author=user("translator-ru"),
        )
    assert db_state(release) == before


def po_with(release, language, key, text):
    import polib

    po = polib.pofile(release_file_export(release, language, "po").decode("utf-8"))
    for entry in po:
        if entry.msgctxt == key:
            entry.msgstr = text
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    return str(po)


def test_utf16_po_with_its_mark_is_read_and_legacy_po_is_refused(release):
    from translations.exchange.units import ExchangeFileError

    key = segment_key(release)
    text = po_with(release, "ru", key, "Перевод в UTF-16")
    release_file_import(text.encode("utf-16"), "po", author=user("translator-ru"))
    assert head_texts(release, "ru")[key] == "Перевод в UTF-16"
    before = db_state(release)
    legacy = po_with(release, "ru", key, "Перевод в cp1251")
    with pytest.raises(ExchangeFileError, match="save it as UTF-8"):
        release_file_import(legacy.encode("cp1251", "replace"), "po", author=user("translator-ru"))
    declared = legacy.replace("charset=UTF-8", "charset=CP1251")
    with pytest.raises(ExchangeFileError, match="“CP1251”.*save it as UTF-8"):
        release_file_import(declared.encode("utf-8"), "po", author=user("translator-ru"))
    # UTF-16 without its mark: said so, not "a NUL byte".
    with pytest.raises(ExchangeFileError, match="UTF-16 text without a byte order mark"):
        release_file_import(legacy.encode("utf-16-le"), "po", author=user("translator-ru"))
    assert db_state(release) == before


# --- confirmations and translator comments ----------------------------------------------------


def outdated_key(release, language):
    row = UnitStatus.objects.filter(release=release, language=language, state=UnitState.OUTDATED)
    return row.values_list("key", flat=True).get()


def test_unfuzzied_outdated_po_entry_confirms_it(release):
    import polib

    key = outdated_key(release, "ja")
    revisions = Revision.objects.filter(release=release).count()
    po = polib.pofile(release_file_export(release, "ja", "po").decode())
    for entry in po:
        if entry.msgctxt == key:
            assert "fuzzy" in entry.flags and entry.previous_msgid
            entry.flags.remove("fuzzy")
    report = release_file_import(str(po).encode(), "po", author=user("translator-ja"))
    assert [line.key for line in report.confirmed] == [key]
    assert "1 confirmed" in report.lines()[0]
    status = UnitStatus.objects.get(release=release, language="ja", key=key)
    # The source it was made from stays until approval, for the reviewer to see the change.
    assert status.state == UnitState.NEEDS_REVIEW and status.source_previous
    assert Revision.objects.filter(release=release).count() == revisions


def test_fuzzy_outdated_po_entry_stays_outdated(release):
    key = outdated_key(release, "ja")
    before = db_state(release)
    report = release_file_import(
        release_file_export(release, "ja", "po"), "po", author=user("translator-ja")
    )
    assert report.confirmed == [] and db_state(release) == before
    assert UnitStatus.objects.get(release=release, language="ja", key=key).state == (
        UnitState.OUTDATED
    )


def test_xliff_translated_state_confirms_an_outdated_unit_and_dry_run_does_not(release):
    key = outdated_key(release, "ja")
    root = etree.fromstring(release_file_export(release, "ja", "xliff"))
    target = root.find(f".//x:trans-unit[@id='{key}']/x:target", NS)
    assert target.get("state") == "needs-translation"
    target.set("state", "translated")
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    before = db_state(release)
    dry = release_file_import(data, "xliff", author=user("translator-ja"), dry_run=True)
    assert [line.key for line in dry.confirmed] == [key] and db_state(release) == before
    release_file_import(data, "xliff", author=user("translator-ja"))
    status = UnitStatus.objects.get(release=release, language="ja", key=key)
    assert status.state == UnitState.NEEDS_REVIEW


def test_translator_comments_become_unit_comments_once(release):
    import polib

    key = segment_key(release)
    po = polib.pofile(release_file_export(release, "ja", "po").decode())
    for entry in po:
        if entry.msgctxt == key:
            entry.tcomment = "Check the name with the embassy"
    data = str(po).encode()
    report = release_file_import(data, "po", author=user("translator-ja"))
    assert [(line.key, line.code) for line in report.notes] == [(key, "comment")]
    comment = Comment.objects.get(release=release, key=key, language="ja")
    assert comment.text == "Check the name with the embassy"
    assert comment.author == user("translator-ja")
    release_file_import(data, "po", author=user("translator-ja"))
    assert Comment.objects.filter(release=release, key=key).count() == 1
    root = etree.fromstring(release_file_export(release, "ja", "xliff"))
    unit = root.find(f".//x:trans-unit[@id='{key}']", NS)
    etree.SubElement(unit, f"{{{XLIFF}}}note", {"from": "reviewer"}).text = "Shorter, please"
    release_file_import(
        etree.tostring(root, xml_declaration=True, encoding="UTF-8"),
        "xliff",
        author=user("translator-ja"),
    )
    texts = set(Comment.objects.filter(release=release, key=key).values_list("text", flat=True))
    assert texts == {"Check the name with the embassy", "reviewer: Shorter, please"}


# --- files others read right, clear messages --------------------------------------------------


def test_approved_units_are_marked_approved(release):
    root = etree.fromstring(release_file_export(release, "ja", "xliff"))
    for unit in root.iterfind(".//x:trans-unit", NS):
        approved = unit.find("x:target", NS).get("state") == "final"
        assert (unit.get("approved") == "yes") is approved
    assert root.find(".//x:trans-unit[@approved='yes']", NS) is not None


def test_mqxliff_is_read_as_xliff_by_the_command_and_the_upload(release, tmp_path, client):
    from django.urls import reverse

    from tests.helpers import run

    key = segment_key(release)
    data = set_target(release_file_export(release, "ja", "xliff"), key, "memoQの訳")
    path = tmp_path / "release.ja.mqxliff"
    path.write_bytes(data)
    out = run("import_po", str(path), "--author", "translator-ja")
    assert "1 updated" in out and head_texts(release, "ja")[key] == "memoQの訳"
    client.login(username="translator-ja", password="test-password-123")
    upload = io.BytesIO(set_target(release_file_export(release, "ja", "xliff"), key, "memoQの訳 2"))
    upload.name = "release.ja.mqxliff"
    url = reverse("admin:translations_release_file_import", args=[release.pk, "ja"])
    assert client.post(url, {"file": upload}).status_code == 200
    assert head_texts(release, "ja")[key] == "memoQの訳 2"


def test_an_xliff_version_concord_does_not_read_gets_a_clear_message(release):
    from translations.exchange.units import ExchangeFileError

    before = db_state(release)
    for version, namespace in (
        ("1.0", "urn:oasis:names:tc:xliff:document:1.0"),
        ("3.0", "urn:oasis:names:tc:xliff:document:3.0"),
    ):
        data = f'<?xml version="1.0"?><xliff version="{version}" xmlns="{namespace}"/>'.encode()
        with pytest.raises(ExchangeFileError) as refused:
            release_file_import(data, "xliff", author=user("translator-ja"))
        message = str(refused.value)
        assert f"XLIFF {version}" in message and "reads XLIFF 1.2, 1.1 and 2.x" in message
        assert "expected XLIFF 1.2 <xliff>" not in message
    assert db_state(release) == before


def test_an_empty_xliff_2_is_refused_naming_what_it_lacks(release):
    from translations.exchange.units import ExchangeFileError

    before = db_state(release)
    for version in ("2.0", "2.1"):
        data = (
            f'<?xml version="1.0"?><xliff version="{version}" '
            'xmlns="urn:oasis:names:tc:xliff:document:2.0"/>'
        ).encode()
        with pytest.raises(ExchangeFileError, match="has no <file> element"):
            release_file_import(data, "xliff", author=user("translator-ja"))
    assert db_state(release) == before


def test_xliff_1_1_is_read_as_1_2(release):
    key = segment_key(release)
    data = set_target(release_file_export(release, "ja", "xliff"), key, "1.1 の訳")
    data = data.replace(XLIFF.encode(), b"urn:oasis:names:tc:xliff:document:1.1").replace(
        b'version="1.2"', b'version="1.1"'
    )
    assert b"document:1.2" not in data
    report = release_file_import(data, "xliff", author=user("translator-ja"))
    assert [line.key for line in report.updated] == [key]
    assert head_texts(release, "ja")[key] == "1.1 の訳"
