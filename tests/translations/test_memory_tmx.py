"""TMX 1.4b: the memory goes out as deterministic, valid TMX and comes back in unchanged;
a file from another tool merges in; a bad file changes nothing."""

import re
from datetime import UTC, datetime

import pytest
from django.core.management.base import CommandError
from lxml import etree

from tests.helpers import DATA, run
from tests.scenarios import published_release
from translations.memory import EntryData, MemoryEntry, MemoryPosting, entries_merge
from translations.memory import tmx as tmx_module
from translations.memory.tmx import TmxError, memory_export, memory_import, tmx_read

pytestmark = pytest.mark.django_db

DTD = etree.DTD(str(DATA / "tmx14b.dtd"))
WHEN = datetime(2021, 3, 4, 5, 6, 7, tzinfo=UTC)
# The memory of a release approved in every language: its title, eight paragraphs and a
# photo's caption and credit, eleven entries a language.
ENTRIES = 11


@pytest.fixture
def release():
    """A release of eight paragraphs and a photo, approved (revision 2) and published in
    every language: its approved units are the translation memory."""
    return published_release(units=8, photos=1)


def memory_state():
    return sorted(
        MemoryEntry.objects.values_list(
            "source_language",
            "target_language",
            "source_text",
            "target_text",
            "release_slug",
            "revision_number",
            "approver",
            "created_at",
            "changed_at",
        )
    )


def tmx(units, header='srclang="en"', prolog=""):
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<tmx version="1.4">'
        f'<header creationtool="Other" creationtoolversion="2" segtype="sentence" o-tmf="x" '
        f'adminlang="en" datatype="plaintext" {header}/><body>{units}</body></tmx>'
    ).encode()


def tu(source="Economy", target="経済", attrs='changedate="20240102T030405Z"', lang="ja"):
    return (
        f'<tu {attrs}><tuv xml:lang="en"><seg>{source}</seg></tuv>'
        f'<tuv xml:lang="{lang}"><seg>{target}</seg></tuv></tu>'
    )


def test_export_is_valid_tmx_14b_and_round_trips_byte_for_byte(release):
    data = memory_export("ja")
    root = etree.fromstring(data)
    assert DTD.validate(root), DTD.error_log.filter_from_errors()
    header = root.find("header")
    assert (header.get("srclang"), header.get("datatype"), header.get("segtype")) == (
        "en",
        "plaintext",
        "sentence",
    )
    units = root.findall("body/tu")
    assert len(units) == MemoryEntry.objects.filter(target_language="ja").count() == ENTRIES
    first = units[0]
    assert re.fullmatch(r"\d{8}T\d{6}Z", first.get("changedate"))
    props = {prop.get("type"): prop.text for prop in first.findall("prop")}
    assert props["x-concord-release"] == release.slug
    assert props["x-concord-approver"] == "reviewer-ja" and props["x-concord-revision"] == "2"
    # The same memory, the same bytes (no clock); and again after going out and back in.
    assert memory_export("ja") == data
    before = memory_state()
    MemoryEntry.objects.all().delete()
    assert MemoryPosting.objects.count() == 0
    assert memory_import(data).counts == {"created": ENTRIES, "updated": 0, "unchanged": 0}
    assert memory_export("ja") == data
    # Everything comes back; TMX dates are whole seconds.
    assert memory_state() == [
        (*row[:7], row[7].replace(microsecond=0), row[8].replace(microsecond=0))
        for row in before
        if row[1] == "ja"
    ]
    # Importing the same file again changes nothing.
    assert memory_import(data).counts == {"created": 0, "updated": 0, "unchanged": ENTRIES}


def test_texts_with_markup_characters_and_lines_survive(db):
    text = 'Tom & "Jerry" <b>bold</b>\nsecond line — ё'
    entries_merge(
        [EntryData("en", "ru", text, "Том & <i>Джерри</i>", created_at=WHEN, changed_at=WHEN)]
    )
    data = memory_export("ru")
    assert DTD.validate(etree.fromstring(data))
    MemoryEntry.objects.all().delete()
    memory_import(data)
    entry = MemoryEntry.objects.get()
    assert (entry.source_text, entry.target_text) == (text, "Том & <i>Джерри</i>")
    assert entry.created_at == entry.changed_at == WHEN
    assert memory_export("ru") == data


def test_a_file_from_another_tool_merges_keeping_the_newest(db):
    entries_merge(
        [
            EntryData(
                "en", "ja", "Economy", "経済", created_at=WHEN, changed_at=WHEN, approver="ours"
            ),
            EntryData(
                "en",
                "ja",
                "Energy",
                "エネルギー",
                created_at=WHEN,
                changed_at=WHEN,
                approver="ours",
            ),
        ]
    )
    data = tmx(
        tu(attrs='changedate="20240102T030405Z" changeid="theirs"')
        + tu("Energy", "エネルギー", attrs='changedate="20200101T000000Z" changeid="old"')
        + tu("Ocean", "<hi>海</hi>洋<ph>&lt;br/&gt;</ph>", attrs="")
        + '<tu srclang="ja"><tuv xml:lang="ja-JP"><seg>経済協力</seg></tuv>'
        '<tuv xml:lang="en-US"><seg>Economic cooperation</seg></tuv>'
        '<tuv xml:lang="ru-RU"><seg>Экономическое сотрудничество</seg></tuv></tu>',
        prolog='<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    )
    assert memory_import(data).counts == {"created": 3, "updated": 1, "unchanged": 1}
    economy = MemoryEntry.objects.get(source_text="Economy")
    assert economy.approver == "theirs"
    assert economy.changed_at == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert MemoryEntry.objects.get(source_text="Energy").approver == "ours"
    assert MemoryEntry.objects.get(source_text="Ocean").target_text == "海洋"
    assert set(
        MemoryEntry.objects.filter(source_language="ja").values_list("target_language", flat=True)
    ) == {"en", "ru"}


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><tmx version="1.4"><header/><body>'
    b'<tu srclang="en"><tuv xml:lang="en"><seg>&b;</seg></tuv><tuv xml:lang="ja"><seg>x</seg></tuv>'
    b"</tu></body></tmx>"
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<tmx version="1.4"><header/><body><tu srclang="en"><tuv xml:lang="en"><seg>&x;</seg></tuv>'
    b'<tuv xml:lang="ja"><seg>x</seg></tuv></tu></body></tmx>'
)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<tmx><header><body>", "not well-formed XML"),
        (b"\xff\xfe not xml", "not well-formed XML"),
        (BILLION_LAUGHS, "DTD"),
        (EXTERNAL_ENTITY, "DTD"),
        (
            tmx(tu(), header='srclang="en"')
            .replace(b"<tmx", b"<martif")
            .replace(b"</tmx>", b"</martif>"),
            "expected <tmx>",
        ),
        (tmx(tu(), header=""), "no source language"),
        (tmx(tu(attrs='changedate="2024-01-02"')), "not in TMX form"),
        (tmx(tu() + tu("A", "B", attrs="").replace("<seg>B</seg>", "")), "has no <seg>"),
        (tmx(tu(target="x" * 20_001)), "at most 20000"),
        (
            tmx('<tu srclang="en"><prop type="x-concord-revision">two</prop>' + tu()[4:]),
            "whole number",
        ),
        (b'<?xml version="1.0"?><tmx version="1.4"><header/></tmx>', "<header> and a <body>"),
        (
            b'<?xml version="1.0"?><tmx version="1.4"><header/><body>&nbsp;</body></tmx>',
            "not well-formed",
        ),
    ],
)
def test_bad_files_are_refused_and_change_nothing(release, data, message):
    before = memory_state()
    with pytest.raises(TmxError, match=re.escape(message)):
        memory_import(data)
    assert memory_state() == before


def test_too_large_files_and_too_many_units_are_refused(release, monkeypatch):
    before = memory_state()
    data = tmx(tu() + tu("Ocean", "海洋"))
    monkeypatch.setattr(tmx_module, "MAX_TMX_BYTES", len(data) - 1)
    with pytest.raises(TmxError, match="at most"):
        memory_import(data)
    monkeypatch.setattr(tmx_module, "MAX_TMX_BYTES", len(data))
    monkeypatch.setattr(tmx_module, "MAX_TMX_UNITS", 1)
    with pytest.raises(TmxError, match="2 translation units; at most 1"):
        memory_import(data)
    assert memory_state() == before
    # At the limits themselves, the file is read.
    monkeypatch.setattr(tmx_module, "MAX_TMX_UNITS", 2)
    assert len(tmx_read(data)) == 2


def test_import_tm_and_export_tm_commands(release, tmp_path):
    path = tmp_path / "memory.tmx"
    run("export_tm", "--lang", "ru", "--output", str(path))
    assert path.read_bytes() == memory_export("ru")
    MemoryEntry.objects.filter(target_language="ru").delete()
    out = run("import_tm", str(path))
    assert f"{ENTRIES} entries created, 0 updated, 0 unchanged" in out
    german = tmp_path / "german.tmx"
    german.write_bytes(tmx(tu(lang="de")))
    before = memory_state()
    out = run("import_tm", str(german))
    assert "0 entries created" in out and "Skipped, in languages Concord does not keep: de" in out
    bad = tmp_path / "bad.tmx"
    bad.write_bytes(tmx(tu(attrs='changedate="2024"')))
    with pytest.raises(CommandError, match="bad.tmx: line 1: date “2024”"):
        run("import_tm", str(bad))
    with pytest.raises(CommandError, match="no language “xx”"):
        run("export_tm", "--lang", "xx")
    with pytest.raises(CommandError, match="cannot read"):
        run("import_tm", str(tmp_path / "missing.tmx"))
    assert memory_state() == before


# --- multilingual memories and inline codes ---------------------------------------------------


def test_unknown_languages_are_skipped_and_counted_not_refused(db):
    data = tmx(
        '<tu tuid="t1"><tuv xml:lang="en"><seg>Peace</seg></tuv>'
        '<tuv xml:lang="fr"><seg>Paix</seg></tuv><tuv xml:lang="ja"><seg>平和</seg></tuv>'
        '<tuv xml:lang="de-DE"><seg>Frieden</seg></tuv></tu>'
        '<tu tuid="t2" srclang="fr"><tuv xml:lang="fr"><seg>Oui</seg></tuv>'
        '<tuv xml:lang="ru"><seg>Да</seg></tuv></tu>'
    )
    report = memory_import(data)
    assert report.counts["created"] == 1
    assert MemoryEntry.objects.get().target_text == "平和"
    assert report.read.skipped == {"fr": 2, "de-DE": 1}
    assert report.read.skipped_units == ["t2"]
    lines = "\n".join(report.lines())
    assert "de-DE (1 segment), fr (2 segments)" in lines and "t2" in lines


def test_srclang_all_makes_every_language_a_source(db):
    data = tmx(
        '<tu><tuv xml:lang="en"><seg>Peace</seg></tuv><tuv xml:lang="ja"><seg>平和</seg></tuv>'
        '<tuv xml:lang="ru"><seg>Мир</seg></tuv></tu>',
        header='srclang="*all*"',
    )
    assert memory_import(data).counts["created"] == 6
    pairs = set(MemoryEntry.objects.values_list("source_language", "target_language"))
    assert pairs == {(a, b) for a in ("en", "ja", "ru") for b in ("en", "ja", "ru") if a != b}


def test_a_second_variant_in_one_language_is_kept(db):
    data = tmx(
        '<tu srclang="en"><tuv xml:lang="en"><seg>Peace</seg></tuv>'
        '<tuv xml:lang="ja"><seg>平和</seg></tuv><tuv xml:lang="ja-JP"><seg>和平</seg></tuv>'
        '<tuv xml:lang="ja"><seg>平和</seg></tuv></tu>'
    )
    assert memory_import(data).counts["created"] == 2
    assert sorted(MemoryEntry.objects.values_list("target_text", flat=True)) == ["和平", "平和"]


def test_native_codes_are_dropped_and_named_per_unit(db):
    data = tmx(
        '<tu tuid="bold" srclang="en"><tuv xml:lang="en"><seg><bpt i="1">&lt;b&gt;</bpt>Peace'
        '<ept i="1">&lt;/b&gt;</ept></seg></tuv><tuv xml:lang="ja"><seg><bpt i="1">&lt;b&gt;'
        '</bpt>平和<ept i="1">&lt;/b&gt;</ept><ph>&lt;br/&gt;</ph></seg></tuv></tu>'
        + tu("Plain", "<hi>素</hi>")
    )
    report = memory_import(data)
    assert set(MemoryEntry.objects.values_list("source_text", "target_text")) == {
        ("Peace", "平和"),
        ("Plain", "素"),
    }
    assert report.read.codes == ["bold"]
    assert any("formatting codes" in line and "bold" in line for line in report.lines())


def test_a_false_encoding_declaration_is_refused_and_a_true_one_read(db):
    text = tmx(tu("Café", "Кафе")).decode()
    false = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("utf-8")
    with pytest.raises(TmxError, match="“ISO-8859-1” but is written in UTF-8"):
        memory_import(false)
    assert MemoryEntry.objects.count() == 0
    true = text.replace("Café", "Cafe").replace('encoding="UTF-8"', 'encoding="windows-1251"')
    memory_import(true.encode("cp1251"))
    entry = MemoryEntry.objects.get()
    assert (entry.source_text, entry.target_text) == ("Cafe", "Кафе")


# --- TMX as other tools write it (tests/data/foreign/, see its README) ---------------------

FOREIGN = DATA / "foreign"


def test_omegat_project_memory_dates_each_translation_on_its_tuv(db):
    data = (FOREIGN / "omegat-project_save.tmx").read_bytes()
    assert b'<!DOCTYPE tmx SYSTEM "tmx11.dtd">' in data and b"<tu>" in data
    report = memory_import(data)
    assert report.counts == {"created": 3, "updated": 0, "unchanged": 0}
    heading = MemoryEntry.objects.get(source_text="Northern Territories issue")
    assert heading.target_language == "ru" and heading.approver == "translator"
    assert heading.created_at == datetime(2026, 12, 7, 3, 5, tzinfo=UTC)
    assert heading.changed_at == datetime(2026, 12, 7, 3, 10, tzinfo=UTC)
    # The project memory's <prop>s (file, id) are not Concord's: no release is claimed.
    assert set(MemoryEntry.objects.values_list("release_slug", flat=True)) == {""}
    before = memory_state()
    assert memory_import(data).counts == {"created": 0, "updated": 0, "unchanged": 3}
    assert memory_state() == before


def test_trados_export_with_ut_and_bpt_codes(db):
    report = memory_import((FOREIGN / "trados-export.tmx").read_bytes())
    assert report.counts["created"] == 2
    entries = dict(MemoryEntry.objects.values_list("source_text", "target_text"))
    # <ut>{\f1\b0}</ut>: RTF markup of the original format, not text.
    assert entries["Northern Territories issue"] == "北方領土問題"
    assert entries[
        "The leaders held in-depth discussions centered on the issue of concluding a peace "
        "treaty in the tête-à-tête meeting."
    ] == ("テタテ会談では、両首脳は平和条約締結問題を中心に突っ込んだ議論を行った。")
    assert any(
        "2 units carried formatting codes" in line and "<ut>" in line and "line 22" in line
        for line in report.lines()
    )
    reviewed = MemoryEntry.objects.get(target_text="北方領土問題")
    assert reviewed.approver == "MOFA\\translator" and reviewed.source_language == "en"


def test_okapi_multilingual_memory_with_regions_in_lower_case(db):
    report = memory_import((FOREIGN / "okapi-multilingual.tmx").read_bytes())
    pairs = set(MemoryEntry.objects.values_list("source_language", "target_language"))
    assert pairs == {
        ("en", "ja"),
        ("en", "ru"),
        ("ja", "en"),
        ("ja", "ru"),
        ("ru", "en"),
        ("ru", "ja"),
    }
    # Both Japanese variants of the title are kept.
    assert MemoryEntry.objects.filter(source_language="en", target_language="ja").count() == 2
    assert any("de-de (1 segment), fr-fr (1 segment)" in line for line in report.lines())


def test_a_tools_tmx_with_a_bad_tuv_date_is_refused_and_changes_nothing(release):
    data = (FOREIGN / "omegat-project_save.tmx").read_bytes()
    data = data.replace(b'changedate="20261207T031200Z"', b'changedate="2026-12-07 03:12"')
    before = memory_state()
    with pytest.raises(TmxError, match=r"line 30: date “2026-12-07 03:12” is not in TMX form"):
        memory_import(data)
    assert memory_state() == before


def test_a_zipped_memory_is_refused_saying_so(release):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("memory.tmx", (FOREIGN / "okapi-multilingual.tmx").read_bytes())
    before = memory_state()
    with pytest.raises(TmxError, match="zip archive"):
        memory_import(buffer.getvalue())
    assert memory_state() == before


def test_omegat_notes_on_a_unit_and_its_translation_are_reported_as_not_kept(db):
    # OmegaT writes a translator's comment as a <note> after the unit's <prop>s; TMX also
    # allows notes on a <tuv>, before its <seg>.
    text = (FOREIGN / "omegat-project_save.tmx").read_text(encoding="utf-8")
    text = text.replace(
        '<prop type="id">20092dc9-ddfa-4577-a82b-66a3b3a1d035</prop>',
        '<prop type="id">20092dc9-ddfa-4577-a82b-66a3b3a1d035</prop>\n'
        "      <note>Проверить термин «тет-а-тет»</note>",
    ).replace(
        "<seg>Проблема северных территорий</seg>",
        "<note>from the style guide</note>\n        <note>second note</note>\n"
        "        <seg>Проблема северных территорий</seg>",
    )
    report = memory_import(text.encode())
    assert report.counts == {"created": 3, "updated": 0, "unchanged": 0}
    # OmegaT's units have no tuid: they are named by the line of their <tu>.
    tu_lines = [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == "<tu>"]
    assert report.read.notes == [f"line {tu_lines[0]}", f"line {tu_lines[2]}"]
    assert report.read.note_count == 3
    assert (
        "3 notes were not kept (the memory has no place for notes), in: "
        f"line {tu_lines[0]}, line {tu_lines[2]}"
    ) in report.lines()
    kept = MemoryEntry.objects.values_list("source_text", "target_text")
    assert not any("note" in value or "Проверить" in value for pair in kept for value in pair)


def test_a_note_on_a_named_unit_is_counted_once(db):
    unit = tu().replace("<tu ", '<tu tuid="economy" ').replace("<tuv", "<note>n</note><tuv", 1)
    report = memory_import(tmx(unit))
    assert (report.read.notes, report.read.note_count) == (["economy"], 1)
    assert "1 note was not kept (the memory has no place for notes), in: economy" in report.lines()


def test_a_tmx_without_notes_reports_none(db):
    report = memory_import(tmx(tu()))
    assert report.read.note_count == 0 and not any("not kept" in line for line in report.lines())
