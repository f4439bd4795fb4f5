"""Every hostile XML file is refused by each import (glossary TBX v3 and TBX 2008, release
XLIFF, memory TMX) with Concord's own message, not libxml2's, and writes nothing; the
DOCTYPEs other tools write keep importing."""

import pytest

from records.models import Release, Revision, Segment
from tests.hostile_xml import (
    ATTACKS,
    ENCODING_ATTACKS,
    SECRET,
    hostile,
    tbx2008_body,
    tbx_body,
    tmx_body,
    xliff_body,
)
from translations.exchange.imports import release_file_import
from translations.exchange.units import ExchangeFileError
from translations.glossary.files import GlossaryFormatError, glossary_iter
from translations.glossary.services import glossary_import
from translations.memory import MemoryEntry
from translations.memory.tmx import TmxError, memory_import
from translations.models import Concept, Term
from translations.review.models import Event, UnitStatus
from translations.xmlsafe import ERR_UNSAFE_ENCODING

pytestmark = pytest.mark.django_db

TBX_REFUSAL = "the file declares a DOCTYPE; DTDs and entities are not allowed in TBX files"
XLIFF_REFUSAL = (
    "the file is not a valid XLIFF file: "
    "the file declares a DOCTYPE; DTDs and entities are not allowed"
)
TMX_REFUSAL = "the file declares a DTD with its own definitions or entities: refused"
UTF7 = str(ERR_UNSAFE_ENCODING % {"encoding": "UTF-7"})


def written():
    """What any import could change: glossary, memory, releases and their review."""
    return (
        Concept.objects.count(),
        Term.objects.count(),
        MemoryEntry.objects.count(),
        Release.objects.count(),
        Revision.objects.count(),
        Segment.objects.count(),
        sorted(UnitStatus.objects.values_list("release", "key", "language", "state")),
        Event.objects.count(),
    )


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


def _glossary(data):
    glossary_import(glossary_iter(data, "glossary.tbx"))


def _memory(data):
    memory_import(data)


FORMATS = {
    # format: (root, body, import, error, refusal)
    "tbx": ("tbx", tbx_body, _glossary, GlossaryFormatError, TBX_REFUSAL),
    "tbx 2008": ("martif", tbx2008_body, _glossary, GlossaryFormatError, TBX_REFUSAL),
    "tmx": ("tmx", tmx_body, _memory, TmxError, TMX_REFUSAL),
}


@pytest.mark.parametrize("attack", list(ATTACKS))
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_glossary_and_memory_imports_refuse_hostile_files(fmt, attack, secret):
    root, body, load, error, refusal = FORMATS[fmt]
    data = hostile(attack, root, body, secret)
    before = written()
    with pytest.raises(error) as caught:
        load(data)
    message = str(caught.value)
    if attack in ENCODING_ATTACKS:
        assert message == UTF7
    else:
        assert message == refusal
    assert SECRET not in message and "lollol" not in message
    assert written() == before


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_release_file_import_refuses_hostile_xliff(demo, attack, secret):
    data = hostile(attack, "xliff", xliff_body(demo["release"]), secret)
    before = written()
    with pytest.raises(ExchangeFileError) as caught:
        release_file_import(data, "xliff", author=demo["users"]["translator-ru"])
    message = str(caught.value)
    expected = "the file is not a valid XLIFF file: " + UTF7
    assert message == (expected if attack in ENCODING_ATTACKS else XLIFF_REFUSAL)
    assert SECRET not in message
    assert written() == before


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-be"])
def test_an_iate_glossary_with_its_external_doctype_imports(data_dir, encoding):
    text = (data_dir / "tbx" / "iate-2008.tbx").read_text("utf-8")
    if encoding != "utf-8":
        text = text.replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
    assert '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">' in text
    glossary_import(glossary_iter(text.encode(encoding), "iate.tbx"))
    assert sorted(Concept.objects.values_list("identifier", flat=True)) == [
        "IATE-3542113",
        "IATE-887",
    ]
    assert Term.objects.filter(text="平和条約", language="ja").exists()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_memory_with_the_tmx_dtd_imports(encoding):
    text = (
        f'<?xml version="1.0" encoding="{encoding.upper()}"?>\n'
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' + tmx_body("Economy")
    )
    report = memory_import(text.encode(encoding))
    assert report.counts == {"created": 1, "updated": 0, "unchanged": 0}
    entry = MemoryEntry.objects.get()
    assert (entry.source_text, entry.target_language, entry.target_text) == (
        "Economy",
        "ja",
        "経済",
    )
