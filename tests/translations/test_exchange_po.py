"""PO and XLIFF exchange of releases: export, import, merges, refusals."""

import shutil
import subprocess

import polib
import pytest

from records.models import Revision
from records.services import revision_snapshot
from records.units import translatable_units
from tests.helpers import exchange_state as db_state
from tests.helpers import user_named as user
from translations.exchange.imports import release_file_import
from translations.exchange.services import release_file_export
from translations.exchange.units import ExchangeFileError
from translations.review.models import UnitStatus
from translations.review.vocabulary import UnitState

pytestmark = pytest.mark.django_db
FORMATS = ["po", "xliff"]


def edit_po(data, changes, fuzzy=()):
    """Return the PO ``data`` with msgstr replaced for ``{key: text}``; ``fuzzy`` keys keep the
    flag, the others lose it (as a translator confirming them would)."""
    po = polib.pofile(data.decode("utf-8"))
    for entry in po:
        if entry.msgctxt in changes:
            entry.msgstr = changes[entry.msgctxt]
            if entry.msgctxt not in fuzzy and "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            elif entry.msgctxt in fuzzy and "fuzzy" not in entry.flags:
                entry.flags.append("fuzzy")
    return str(po).encode("utf-8")


def units(release):
    revision = Revision.objects.get(release=release, number=release.head_number)
    return translatable_units(revision.snapshot, release.source_language)


@pytest.fixture
def release(in_progress):
    return in_progress["release"]


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="needs GNU gettext's msgfmt")
@pytest.mark.parametrize("language", ["ja", "ru"])
def test_po_export_passes_msgfmt_check(release, language, tmp_path):
    path = tmp_path / f"{language}.po"
    path.write_bytes(release_file_export(release, language, "po"))
    result = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_po_export_content(release):
    data = release_file_export(release, "ru", "po")
    po = polib.pofile(data.decode("utf-8"))
    assert po.metadata["Language"] == "ru"
    assert po.metadata["Plural-Forms"].startswith("nplurals=3;")
    assert po.metadata["X-Concord-Release"] == release.slug
    assert po.metadata["X-Concord-Revision"] == str(release.head_number)
    assert release.slug in po.metadata["Project-Id-Version"]
    assert [entry.msgctxt for entry in po] == [unit.key for unit in units(release)]
    states = dict(
        UnitStatus.objects.filter(release=release, language="ru").values_list("key", "state")
    )
    # Only what a translator still has to work on is fuzzy: not what waits for review.
    assert UnitState.NEEDS_REVIEW in states.values()
    for entry in po:
        expected = bool(entry.msgstr) and states[entry.msgctxt] < UnitState.NEEDS_REVIEW
        assert ("fuzzy" in entry.flags) == expected, (entry.msgctxt, states[entry.msgctxt])
    title = po.find("title", by="msgctxt")
    assert title.comment.splitlines()[0] == "title"
    ja = polib.pofile(release_file_export(release, "ja", "po").decode("utf-8"))
    assert ja.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    outdated = [entry for entry in ja if entry.previous_msgid]
    assert len(outdated) == 1 and "fuzzy" in outdated[0].flags


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_is_byte_identical(release, fmt):
    assert release_file_export(release, "ru", fmt) == release_file_export(release, "ru", fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_unchanged_file_creates_no_revision(release, fmt):
    before = db_state(release)
    data = release_file_export(release, "ja", fmt)
    report = release_file_import(data, fmt, author=user("translator-ja"))
    assert report.revision is None and not report.updated and not report.conflicts
    assert report.unchanged == len(units(release))
    assert db_state(release) == before


def test_po_import_submits_changed_units_only(release):
    keys = [unit.key for unit in units(release)]
    data = edit_po(
        release_file_export(release, "ja", "po"),
        {keys[1]: "新しい訳 1", keys[-1]: "新しい訳 2", keys[-2]: "下書き"},
        fuzzy={keys[-2]},
    )
    head = release.head_number
    report = release_file_import(data, "po", author=user("translator-ja"))
    release.refresh_from_db()
    assert report.revision == head + 1 == release.head_number
    assert {line.key for line in report.updated} == {keys[1], keys[-1], keys[-2]}
    states = dict(
        UnitStatus.objects.filter(release=release, language="ja").values_list("key", "state")
    )
    assert states[keys[1]] == states[keys[-1]] == UnitState.NEEDS_REVIEW
    assert states[keys[-2]] == UnitState.DRAFT
    texts = {unit.key: unit.text("ja") for unit in units(release)}
    assert texts[keys[1]] == "新しい訳 1"
    assert Revision.objects.get(release=release, number=head + 1).author == user("translator-ja")


def test_dry_run_reports_without_writing(release):
    keys = [unit.key for unit in units(release)]
    data = edit_po(release_file_export(release, "ja", "po"), {keys[1]: "変更"})
    before = db_state(release)
    report = release_file_import(data, "po", author=user("translator-ja"), dry_run=True)
    assert [line.key for line in report.updated] == [keys[1]]
    assert report.revision is None
    assert db_state(release) == before


def server_edit(release, changes, author="editor"):
    """Write ``{(segment index, language): text}`` as a revision made on the server."""
    from records.services import release_write
    from records.snapshots import release_snapshot

    release.refresh_from_db()
    content = release_snapshot(release)
    for (index, language), text in changes.items():
        content["segments"][index]["text"][language] = text
    release_write(content, author=user(author), based_on=release.head_number)
    release.refresh_from_db()


def segment_keys(release):
    return [unit.key for unit in units(release) if unit.kind not in ("title", "caption", "credit")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_stale_base_merges_and_reports_conflicts(release, fmt):
    keys = segment_keys(release)
    data = release_file_export(release, "ja", fmt)
    base = release.head_number
    # On the server since the file was made: a Japanese edit (conflicts with the file's) and
    # an English edit (the file's translation of it was made from the old source).
    server_edit(release, {(0, "ja"): "サーバーの訳", (2, "en"): "A new English sentence."})
    edits = {keys[0]: "ファイルの訳", keys[1]: "ファイルだけの訳", keys[2]: "古い原文からの訳"}
    data = _edited(data, fmt, edits)
    report = release_file_import(data, fmt, author=user("translator-ja"))
    assert (report.base, report.head) == (base, base + 1)
    assert [(line.key, line.code) for line in report.conflicts] == [(keys[0], "changed")]
    assert {(line.key, line.code) for line in report.updated} == {
        (keys[1], "submitted"),
        (keys[2], "source"),
    }
    release.refresh_from_db()
    assert report.revision == release.head_number == base + 2
    texts = {unit.key: unit.text("ja") for unit in units(release)}
    assert texts[keys[0]] == "サーバーの訳"
    assert texts[keys[1]] == "ファイルだけの訳"
    assert texts[keys[2]] == "古い原文からの訳"
    states = dict(
        UnitStatus.objects.filter(release=release, language="ja").values_list("key", "state")
    )
    assert states[keys[1]] == UnitState.NEEDS_REVIEW
    # Translated from the file's (older) English: outdated against the new one, the English
    # the translator saw kept to show what changed.
    row = UnitStatus.objects.get(release=release, language="ja", key=keys[2])
    assert row.state == UnitState.OUTDATED
    assert row.source_previous == revision_snapshot(release, base)["segments"][2]["text"]["en"]
    assert row.translated_by == user("translator-ja")


def test_strict_refuses_conflicting_file(release):
    keys = segment_keys(release)
    data = release_file_export(release, "ja", "po")
    server_edit(release, {(0, "ja"): "サーバーの訳"})
    data = edit_po(data, {keys[0]: "ファイルの訳", keys[1]: "別の訳"})
    before = db_state(release)
    with pytest.raises(ExchangeFileError, match="strict"):
        release_file_import(data, "po", author=user("translator-ja"), strict=True)
    assert db_state(release) == before


def test_unknown_duplicate_obsolete_and_empty_entries_are_skipped(release):
    keys = segment_keys(release)
    data = release_file_export(release, "ja", "po").decode()
    extra = (
        '\nmsgctxt "no-such-unit"\nmsgid "x"\nmsgstr "y"\n'
        f'\nmsgctxt "{keys[3]}"\nmsgid "x"\nmsgstr "重複"\n'
        '\n#~ msgctxt "old"\n#~ msgid "old"\n#~ msgstr "古い"\n'
    )
    data = edit_po((data + extra).encode(), {keys[4]: "", keys[5]: "更新"})
    report = release_file_import(data, "po", author=user("translator-ja"))
    assert len(report.skipped) == 4
    assert {(line.key, line.code) for line in report.skipped} == {
        ("no-such-unit", "unknown"),
        (keys[3], "duplicate"),
        (keys[4], "empty"),
        ("old", "obsolete"),
    }
    assert [line.key for line in report.updated] == [keys[5]]
    release.refresh_from_db()
    assert report.revision == release.head_number
    texts = {unit.key: unit.text("ja") for unit in units(release)}
    assert texts[keys[4]] and texts[keys[3]] != "重複"


def _edited(data, fmt, changes):
    if fmt == "po":
        return edit_po(data, changes)
    from lxml import etree

    root = etree.fromstring(data)
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    for key, text in changes.items():
        unit = root.xpath("//x:trans-unit[@id=$key]", namespaces=ns, key=key)[0]
        target = unit.find("x:target", ns)
        target.text = text
        target.set("state", "translated")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def another_release(release):
    import uuid

    from records.services import release_write
    from records.snapshots import release_snapshot

    content = release_snapshot(release)
    content["slug"] = "another-release"
    for item in content["segments"] + content["photos"]:
        item["key"] = str(uuid.uuid4())
    return release_write(content, author=user("editor")).release


def _refusal_cases(release):
    po = release_file_export(release, "ja", "po")
    xliff = release_file_export(release, "ja", "xliff")
    keys = segment_keys(release)
    changed = edit_po(po, {keys[0]: "変更"})
    other = another_release(release)
    return {
        "malformed": (b'msgid "a"\nbogus line\n', "po", {}, "not a valid PO"),
        "not utf-8": (
            changed.replace("変更".encode(), "変更".encode("shift_jis")),
            "po",
            {},
            "not UTF-8",
        ),
        "nul byte": (changed.replace("変更".encode(), b"\x00"), "po", {}, "NUL"),
        "no header": (b'msgctxt "title"\nmsgid "a"\nmsgstr "b"\n', "po", {}, "does not name"),
        "charset": (changed.replace(b"charset=UTF-8", b"charset=ISO-8859-1"), "po", {}, "charset"),
        "other language": (changed, "po", {"language": "ru"}, "not in Russian"),
        "other release": (changed, "po", {"release": other}, "belongs to release"),
        "unknown release": (
            changed.replace(
                f"X-Concord-Release: {release.slug}".encode(), b"X-Concord-Release: nope"
            ).replace(b"X-Concord-Release-Id: ", b"X-Concord-Release-Id: 9"),
            "po",
            {},
            "nope",
        ),
        # Another database's file whose release id happens to exist here.
        "another database's id": (
            changed.replace(
                f"X-Concord-Release: {release.slug}".encode(), b"X-Concord-Release: elsewhere"
            ),
            "po",
            {},
            f"names release “elsewhere” with id {release.pk}, but release {release.pk} here is",
        ),
        "source language": (
            changed.replace(b"X-Concord-Language: ja", b"X-Concord-Language: en"),
            "po",
            {},
            "not a target language",
        ),
        "future base": (
            changed.replace(
                f"X-Concord-Revision: {release.head_number}".encode(), b"X-Concord-Revision: 99"
            ),
            "po",
            {},
            "only",
        ),
        "doctype": (
            xliff.replace(b"<xliff", b'<!DOCTYPE x [<!ENTITY e "boom">]><xliff', 1),
            "xliff",
            {},
            "DOCTYPE",
        ),
        "not xliff": (b"<root/>", "xliff", {}, "expected XLIFF"),
        "permission": (changed, "po", {"author": user("translator-ru")}, "may not edit"),
        "reviewer of another language": (
            changed,
            "po",
            {"author": user("reviewer-ru")},
            "may not edit",
        ),
    }


REFUSALS = [
    "malformed",
    "not utf-8",
    "nul byte",
    "no header",
    "charset",
    "other language",
    "other release",
    "unknown release",
    "another database's id",
    "source language",
    "future base",
    "doctype",
    "not xliff",
    "permission",
    "reviewer of another language",
]


@pytest.mark.parametrize("case", REFUSALS)
def test_refusals_change_nothing(release, case):
    from records.services import ActionNotAllowed

    data, fmt, options, message = _refusal_cases(release)[case]
    options.setdefault("author", user("translator-ja"))
    before = db_state(release)
    with pytest.raises((ExchangeFileError, ActionNotAllowed), match=message):
        release_file_import(data, fmt, **options)
    assert db_state(release) == before


def test_oversized_file_is_refused(release, monkeypatch):
    from translations.exchange import units as exchange_units

    data = release_file_export(release, "ja", "po")
    monkeypatch.setattr(exchange_units, "MAX_UPLOAD_BYTES", len(data) - 1)
    before = db_state(release)
    with pytest.raises(ExchangeFileError, match="20 MB"):
        release_file_import(data, "po", author=user("translator-ja"))
    assert db_state(release) == before


def test_commands_export_and_import(release, tmp_path):
    from django.core.management import CommandError

    from tests.helpers import command_output, run

    path = tmp_path / "ru.po"
    run("export_po", release.slug, "--lang", "ru", "-o", str(path))
    assert path.read_bytes() == release_file_export(release, "ru", "po")
    assert run("export_po", release.slug, "--lang", "ru").encode() == path.read_bytes()
    keys = segment_keys(release)
    path.write_bytes(edit_po(path.read_bytes(), {keys[0]: "Новый перевод"}))
    head = release.head_number
    out = run("import_po", str(path), "--author", "translator-ru", "--dry-run")
    assert "1 updated" in out and "Dry run" in out
    release.refresh_from_db()
    assert release.head_number == head
    out = run("import_po", str(path), "--author", "translator-ru")
    release.refresh_from_db()
    assert release.head_number == head + 1
    assert f"revision {head + 1}" in out
    xliff = tmp_path / "ru.xlf"
    run("export_xliff", release.slug, "--lang", "ru", "-o", str(xliff))
    out = run("import_po", str(xliff), "--author", "translator-ru")
    assert "0 updated" in out and "no revision" in out
    with pytest.raises(CommandError, match="may not edit"):
        command_output("import_xliff", str(xliff), "--author", "translator-ja")


def test_export_of_an_older_revision(release):
    old = polib.pofile(release_file_export(release, "ja", "po", revision=2).decode())
    assert old.metadata["X-Concord-Revision"] == "2"
    assert not any(entry.previous_msgid for entry in old)
    with pytest.raises(ExchangeFileError, match="no revision 99"):
        release_file_export(release, "ja", "po", revision=99)
    with pytest.raises(ExchangeFileError, match="not a target language"):
        release_file_export(release, "en", "po")


def test_a_file_named_by_a_slug_the_release_was_published_under_still_imports(release):
    from records.models import Publication
    from records.services import release_write
    from records.snapshots import release_snapshot

    old_slug = release.slug
    assert Publication.objects.filter(release=release, slug=old_slug).exists()
    keys = segment_keys(release)
    data = edit_po(release_file_export(release, "ja", "po"), {keys[0]: "改名前の訳"})
    content = release_snapshot(release)
    content["slug"] = "renamed-since-the-export"
    release_write(
        content, author=user("editor"), based_on=release.head_number, release_id=release.pk
    )
    release.refresh_from_db()
    assert release.slug != old_slug
    report = release_file_import(data, "po", author=user("translator-ja"))
    assert report.revision is not None and report.updated
