"""Exchange benchmarks: a 2,000-unit release as PO and XLIFF (export, import with database
writes) against polib's own save and parse of the same entries, and the synthetic glossary
(10,000 concepts by default) imported against parsing the same file alone. Ratios are in one
run; nothing is asserted."""

import uuid

import polib
import pytest

from records.services import release_write
from translations.exchange.imports import release_file_import
from translations.exchange.services import release_file_export
from translations.glossary.files import tbx_dump, tbx_load
from translations.glossary.services import glossary_import

from . import synthetic
from .conftest import report, timed

pytestmark = pytest.mark.django_db
# DESIGN's benchmark sizes (the 10,000 units exceed the 2,000-unit limit per release).
SIZES = (200, 2_000)


def big_release(demo_translations, units):
    items = demo_translations["segments"]
    segments = [
        {
            "key": str(uuid.uuid4()),
            "kind": "paragraph",
            "level": 1,
            "text": {
                "en": f"{items[n % len(items)]['en']} ({n})",
                "ru": items[n % len(items)]["ru"],
            },
        }
        for n in range(units - 1)
    ]
    content = {
        "slug": f"bench-exchange-{units}",
        "date": "2017-07-07",
        "topic": "japan-russia-relations",
        "title": {"en": "Bench", "ru": "Тест"},
        "photos": [],
        "segments": segments,
    }
    return release_write(content, message="bench").release


def po_baseline(entries):
    """polib's own save of the same entries (msgctxt, msgid, msgstr, comment)."""
    po = polib.POFile(wrapwidth=78)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for key, source, target in entries:
        po.append(polib.POEntry(msgctxt=key, msgid=source, msgstr=target, comment="paragraph"))
    return str(po).encode("utf-8")


def edited_po(data, step):
    po = polib.pofile(data.decode("utf-8"))
    for entry in po:
        entry.msgstr = f"{entry.msgstr} [{step}]"
        entry.flags = []
    return str(po).encode("utf-8")


@pytest.mark.parametrize("units", SIZES)
def test_bench_release_exchange(demo_translations, users, units):
    release = big_release(demo_translations, units)
    translator = users["translator-ru"]
    print(f"\nrelease: {units} units")
    po = polib.pofile(release_file_export(release, "ru", "po").decode("utf-8"))
    entries = [(e.msgctxt, e.msgid, e.msgstr) for e in po]
    base_save, baseline_data = timed(lambda: po_baseline(entries))
    report("polib save (baseline)", base_save)
    base_parse, _ = timed(lambda: polib.pofile(baseline_data.decode("utf-8")))
    report("polib parse (baseline)", base_parse)
    for fmt in ("po", "xliff"):
        seconds, data = timed(lambda f=fmt: release_file_export(release, "ru", f))
        report(f"export {fmt} (states, glossary notes)", seconds, base_save)
        seconds, _ = timed(
            lambda f=fmt, d=data: release_file_import(d, f, author=translator, dry_run=True)
        )
        report(f"import {fmt}, unchanged file (no writes)", seconds, base_parse)
    for step in (1, 2):
        release.refresh_from_db()
        data = edited_po(release_file_export(release, "ru", "po"), step)
        seconds, result = timed(
            lambda d=data: release_file_import(d, "po", author=translator), repeat=1
        )
        assert len(result.updated) == units
        report(f"import po, every unit changed (one revision) #{step}", seconds, base_parse)


def test_bench_glossary_import():
    concepts = synthetic.glossary()
    data = tbx_dump(concepts)
    print(f"\nglossary: {len(concepts)} concepts, {len(data) // 1024} KiB of TBX")
    parse, _ = timed(lambda: tbx_load(data), repeat=3)
    report("parse TBX alone (baseline)", parse)
    seconds, counts = timed(lambda: glossary_import(tbx_load(data)), repeat=1)
    assert counts["created"] == len(concepts)
    report("import TBX (new concepts, batched writes)", seconds, parse)
    seconds, counts = timed(lambda: glossary_import(tbx_load(data)), repeat=1)
    assert counts["unchanged"] == len(concepts)
    report("import TBX again (all unchanged)", seconds, parse)
