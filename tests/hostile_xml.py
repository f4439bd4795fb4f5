"""Hostile XML for every format Concord reads (TBX v3, TBX 2008, XLIFF, TMX), shared by the
tests of the prolog check, the import functions and the upload pages."""

import base64

from translations.exchange.services import release_file_export

SECRET = "concord-secret-from-a-local-file"


def _laughs():
    """Ten levels of entities, each ten of the one below: "&lol9;" expands to 10^9 "lol"s."""
    levels = ['<!ENTITY lol "lol">']
    for level in range(1, 10):
        below = "&lol;" if level == 1 else f"&lol{level - 1};"
        levels.append(f'<!ENTITY lol{level} "{below * 10}">')
    return "".join(levels)


LAUGHS = _laughs()
# One large entity referenced many times: no nesting for a depth limit to catch.
QUADRATIC = '<!ENTITY a "' + "a" * 50_000 + '">'
QUADRATIC_REFERENCE = "&a;" * 1_000

# attack: (DOCTYPE before the root element, what the content references, how it is encoded)
ATTACKS = {
    "billion laughs": ("<!DOCTYPE {root} [" + LAUGHS + "]>", "&lol9;", "utf-8"),
    "quadratic blowup": ("<!DOCTYPE {root} [" + QUADRATIC + "]>", QUADRATIC_REFERENCE, "utf-8"),
    "external entity": (
        '<!DOCTYPE {root} [<!ENTITY secret SYSTEM "{secret}">]>',
        "&secret;",
        "utf-8",
    ),
    # The DTD's name is the one TBX 2008 and TMX may refer to; the subset is what is refused.
    "external dtd with internal subset": (
        '<!DOCTYPE {root} SYSTEM "{dtd}" [<!ENTITY secret SYSTEM "{secret}">]>',
        "&secret;",
        "utf-8",
    ),
    # A parameter entity pulls in markup declarations from elsewhere.
    "parameter entities": (
        '<!DOCTYPE {root} [<!ENTITY % declarations SYSTEM "{secret}">%declarations;]>',
        "&secret;",
        "utf-8",
    ),
    "doctype after comments and pis": (
        '<!-- exported --><?tool name="x"?>\n<!-- again -->'
        '<!DOCTYPE {root} [<!ENTITY secret SYSTEM "{secret}">]>',
        "&secret;",
        "utf-8",
    ),
    "utf-16 with bom": ("<!DOCTYPE {root} [" + LAUGHS + "]>", "&lol9;", "utf-16"),
    "utf-16 without bom": (
        '<!DOCTYPE {root} [<!ENTITY secret SYSTEM "{secret}">]>',
        "&secret;",
        "utf-16-be",
    ),
    "doctype hidden in utf-7": (
        '<!DOCTYPE {root} [<!ENTITY secret SYSTEM "{secret}">]>',
        "&secret;",
        "utf-7",
    ),
}
# The attacks refused for their encoding rather than their DOCTYPE.
ENCODING_ATTACKS = {"doctype hidden in utf-7"}

DTD_OF = {"martif": "TBXcoreStructV02.dtd", "tmx": "tmx14.dtd"}


def _utf7_hidden(text):
    """Return ``text`` as one UTF-7 base64 run: no "<" or "!" shows in its bytes."""
    return "+" + base64.b64encode(text.encode("utf-16-be")).decode().rstrip("=") + "-"


def hostile(attack, root, body, secret_path):
    """Return the bytes of a document whose DOCTYPE (named ``root``) carries ``attack`` and
    whose ``body(reference)``, the root element, references the entity."""
    doctype, reference, encoding = ATTACKS[attack]
    doctype = doctype.format(root=root, secret=secret_path.as_uri(), dtd=DTD_OF.get(root, "x.dtd"))
    element = body(reference)
    if encoding == "utf-7":
        declaration = '<?xml version="1.0" encoding="UTF-7"?>'
        return (declaration + _utf7_hidden(doctype)).encode("ascii") + element.encode("utf-7")
    if encoding == "utf-8":
        return f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}\n{element}'.encode()
    text = f'<?xml version="1.0" encoding="UTF-16"?>\n{doctype}\n{element}'
    # Python's "utf-16" writes a byte order mark; "utf-16-be" does not.
    return text.encode(encoding)


def tbx_body(reference):
    return (
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">'
        '<text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec>'
        f"<term>{reference}</term></termSec></langSec></conceptEntry></body></text></tbx>"
    )


def tbx2008_body(reference):
    return (
        '<martif type="TBX" xml:lang="en"><text><body><termEntry id="c1">'
        f'<langSet xml:lang="en"><tig><term>{reference}</term></tig></langSet>'
        "</termEntry></body></text></martif>"
    )


def tmx_body(reference):
    return (
        '<tmx version="1.4"><header creationtool="Other" creationtoolversion="2" '
        'segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" srclang="en"/><body>'
        f'<tu><tuv xml:lang="en"><seg>{reference}</seg></tuv>'
        '<tuv xml:lang="ja"><seg>経済</seg></tuv></tu></body></tmx>'
    )


def xliff_body(release, language="ru"):
    """Return a function giving the release's XLIFF export (its root element) with the first
    target replaced by a reference."""
    data = release_file_export(release, language, "xliff").decode()
    root = data[data.index("<xliff") :]
    start = root.index(">", root.index("<target")) + 1
    end = root.index("</target>", start)
    return lambda reference: root[:start] + reference + root[end:]
