"""Release files as other tools write them: inline codes, encodings, confirmations, comments."""

import pytest
from django.contrib.auth import get_user_model
from lxml import etree

from records.models import Revision
from records.units import translatable_units
from translations.exchange.imports import release_file_import
from translations.exchange.services import release_file_export
from translations.review.models import Event, UnitStatus

pytestmark = pytest.mark.django_db
XLIFF = "urn:oasis:names:tc:xliff:document:1.2"
NS = {"x": XLIFF}


def user(name):
    return get_user_model().objects.get(username=name)


def db_state(release):
    """Return what an import could change: revisions, unit states, events."""
    return (
        Revision.objects.filter(release=release).count(),
        sorted(UnitStatus.objects.filter(release=release).values_list("key", "language", "state")),
        Event.objects.filter(release=release).count(),
    )


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
