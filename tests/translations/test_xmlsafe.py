"""The prolog check every XML reader runs before parsing (translations.xmlsafe): what it
refuses, what it lets through, in which encodings, and how little of a file it reads."""

import codecs
import io

import pytest
from lxml import etree

from tests.hostile_xml import ATTACKS, ENCODING_ATTACKS, SECRET, hostile
from translations import xmlsafe
from translations.xmlsafe import SAFE_PARSING, Doctype, UnsafeXMLError, xml_prolog_check

DECLARING = sorted(set(ATTACKS) - ENCODING_ATTACKS)
IATE_DOCTYPE = (
    '<!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" '
    '"TBXcoreStructV02.dtd">'
)
IATE = Doctype("martif", "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN", "TBXcoreStructV02.dtd")


def refusal(source, **options):
    with pytest.raises(UnsafeXMLError) as caught:
        xml_prolog_check(source, **options)
    return caught.value


def element(root):
    return lambda reference: f"<{root}>{reference}</{root}>"


@pytest.mark.parametrize("root", ["tbx", "martif", "tmx"])
@pytest.mark.parametrize("attack", DECLARING)
def test_a_doctype_that_declares_is_refused_where_an_external_one_is_allowed(
    attack, root, tmp_path
):
    data = hostile(attack, root, element(root), tmp_path / "secret.txt")
    error = refusal(data, allow_external=[root])
    assert str(error) == str(xmlsafe.ERR_DOCTYPE)
    assert error.doctype.name == root
    assert error.doctype.internal_subset


@pytest.mark.parametrize("attack", DECLARING)
def test_a_stream_is_refused_and_put_back_where_it_was(attack, tmp_path):
    data = hostile(attack, "tbx", element("tbx"), tmp_path / "secret.txt")
    stream = io.BytesIO(b"earlier content" + data)
    stream.seek(len(b"earlier content"))
    assert refusal(stream).doctype.name == "tbx"
    assert stream.tell() == len(b"earlier content")


def test_a_doctype_hidden_in_utf_7_is_refused_for_its_encoding(tmp_path):
    data = hostile("doctype hidden in utf-7", "tmx", element("tmx"), tmp_path / "secret.txt")
    error = refusal(data)
    assert str(error) == str(xmlsafe.ERR_UNSAFE_ENCODING % {"encoding": "UTF-7"})
    assert error.doctype is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b'<?xml version="1.0" encoding="IBM037"?>'
            + '<!DOCTYPE a [<!ENTITY e "e">]><a>&e;</a>'.encode("cp037"),
            xmlsafe.ERR_UNSAFE_ENCODING % {"encoding": "IBM037"},
        ),
        (
            '<?xml version="1.0" encoding="IBM037"?><a/>'.encode("cp037"),
            xmlsafe.ERR_UNREAD_ENCODING % {"encoding": "EBCDIC"},
        ),
        (
            b'<?xml version="1.0" encoding="ISO-2022-JP"?><a/>',
            xmlsafe.ERR_UNSAFE_ENCODING % {"encoding": "ISO-2022-JP"},
        ),
        (
            b'<?xml version="1.0"encoding="UTF-7"?><a/>',
            xmlsafe.ERR_UNSAFE_ENCODING % {"encoding": "UTF-7"},
        ),
        (
            b'<?xml version="1.0" encoding="x-martian"?><a/>',
            xmlsafe.ERR_UNKNOWN_ENCODING % {"encoding": "x-martian"},
        ),
        (
            b'<?xml version="1.0" encoding="rot13"?><a/>',
            xmlsafe.ERR_UNSAFE_ENCODING % {"encoding": "rot13"},
        ),
        (
            codecs.BOM_UTF8 + b'<?xml version="1.0" encoding="ISO-8859-1"?><a/>',
            xmlsafe.ERR_CONTRADICTED_ENCODING % {"encoding": "ISO-8859-1", "found": "UTF-8"},
        ),
        (
            '\ufeff<?xml version="1.0" encoding="UTF-8"?><a/>'.encode("utf-16-le"),
            xmlsafe.ERR_CONTRADICTED_ENCODING % {"encoding": "UTF-8", "found": "UTF-16-LE"},
        ),
        (
            b'<?xml version="1.0" encoding="UTF-16"?><a/>',
            xmlsafe.ERR_UNSAFE_ENCODING % {"encoding": "UTF-16"},
        ),
        (b"<!-- \xff --><a/>", xmlsafe.ERR_UNDECODABLE % {"encoding": "UTF-8"}),
        (
            b'<?xml version="1.0"' + b" " * 2000 + b"?><a/>",
            xmlsafe.ERR_LONG_DECLARATION % {"limit": xmlsafe.MAX_DECLARATION},
        ),
    ],
    ids=[
        "declared ebcdic",
        "ebcdic bytes",
        "iso-2022",
        "no blank before the encoding",
        "unknown",
        "not a text encoding",
        "utf-8 mark, other declaration",
        "utf-16 mark, other declaration",
        "utf-16 declared, 8-bit bytes",
        "undecodable before the root",
        "declaration too long",
    ],
)
def test_an_encoding_the_check_cannot_trust_is_refused(data, message):
    error = refusal(data)
    assert str(error) == str(message)
    assert error.doctype is None


@pytest.mark.parametrize(
    ("declaration", "encoding", "words"),
    [
        ("", "utf-8", "用語集 Глоссарий"),
        ('<?xml version="1.0" encoding="UTF-8"?>', "utf-8-sig", "用語集 Глоссарий"),
        ("<?xml version='1.0' encoding='Shift_JIS'?>", "shift_jis", "用語集 ソ表"),
        ('<?xml version="1.0" encoding="windows-1251"?>', "cp1251", "Глоссарий"),
        ('<?xml version="1.0" encoding="UTF-16"?>', "utf-16", "用語集 Глоссарий"),
        ('<?xml version="1.0" encoding="UTF-16"?>', "utf-16-le", "用語集 Глоссарий"),
        ('<?xml version="1.0" encoding="UTF-16"?>', "utf-16-be", "用語集 Глоссарий"),
        ('<?xml version="1.0" encoding="UTF-32"?>', "utf-32", "用語集 Глоссарий"),
    ],
)
def test_an_allowed_external_doctype_is_read_in_every_encoding(declaration, encoding, words):
    text = (
        f"{declaration}\n<!-- {words} -->\n<?tool name='{words}'?>\n{IATE_DOCTYPE}\n"
        f"<martif>{words}</martif>"
    )
    assert xml_prolog_check(text.encode(encoding), allow_external={"martif"}) == IATE
    assert xml_prolog_check(io.BytesIO(text.encode(encoding)), allow_external={"martif"}) == IATE


def test_the_tmx_dtd_is_allowed_and_a_document_without_doctype_passes():
    data = b'<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "tmx14.dtd"><tmx version="1.4"/>'
    assert xml_prolog_check(data, allow_external=("tmx",)) == Doctype("tmx", None, "tmx14.dtd")
    assert xml_prolog_check(data, allow_external="tmx") == Doctype("tmx", None, "tmx14.dtd")
    assert refusal(data.replace(b"tmx SYSTEM", b"tm SYSTEM"), allow_external="tmx").doctype
    assert xml_prolog_check(b'<?xml version="1.0"?><tmx version="1.4"/>') is None
    assert xml_prolog_check("<tmx/>") is None


def test_brackets_and_quotes_inside_identifiers_are_part_of_them():
    data = b"<!DOCTYPE martif SYSTEM 'a[b]>\"c.dtd'><martif/>"
    assert xml_prolog_check(data, allow_external=("martif",)).system_id == 'a[b]>"c.dtd'


@pytest.mark.parametrize(
    "data",
    [
        b'<!DOCTYPE tbx SYSTEM "x.dtd"><tbx/>',
        b"<!DOCTYPE martif><martif/>",
        b'<!DOCTYPE martif PUBLIC "only a public id"><martif/>',
        b'<!DOCTYPE martif SYSTEM "a.dtd"><!DOCTYPE martif SYSTEM "a.dtd"><martif/>',
        b'<!doctype martif [<!ENTITY e "e">]><martif/>',
        b'<!DOCTYPE martif SYSTEM "' + b"x" * 20_000,
    ],
    ids=["another name", "no identifier", "public without system", "twice", "lower case", "open"],
)
def test_any_other_doctype_is_refused(data):
    assert str(refusal(data, allow_external=("martif",))) == str(xmlsafe.ERR_DOCTYPE)


def test_what_follows_the_root_start_tag_is_left_to_the_parser():
    assert xml_prolog_check(b'<a>\xff<!DOCTYPE a [<!ENTITY e "e">]></a>') is None
    assert xml_prolog_check(b"") is None
    assert xml_prolog_check(b"not xml at all") is None


class CountingStream(io.BytesIO):
    def __init__(self, data):
        super().__init__(data)
        self.read_bytes = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.read_bytes += len(chunk)
        return chunk


def test_a_stream_is_read_only_up_to_the_root_element():
    prolog = b'<?xml version="1.0"?><!-- ' + b"c" * 100_000 + b" --><tbx>"
    stream = CountingStream(prolog + b"<term>t</term>" * 1_000_000 + b"</tbx>")
    assert xml_prolog_check(stream) is None
    assert stream.read_bytes <= len(prolog) + xmlsafe.CHUNK_BYTES
    assert stream.tell() == 0


def test_a_huge_internal_subset_is_refused_at_its_bracket():
    stream = CountingStream(b"<!DOCTYPE a [" + b'<!ENTITY e "e">' * 1_000_000 + b"]><a/>")
    assert refusal(stream).doctype == Doctype("a", internal_subset=True)
    assert stream.read_bytes <= xmlsafe.CHUNK_BYTES


def test_the_parser_options_stay_a_second_wall(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    data = (f'<!DOCTYPE a [<!ENTITY secret SYSTEM "{secret.as_uri()}">]><a>&secret;</a>').encode()
    root = etree.fromstring(data, etree.XMLParser(**SAFE_PARSING))
    assert SECRET not in etree.tostring(root).decode()
