"""The official XLIFF 1.2 strict schema (``tests/data/xliff/``), loaded without the network.

``xliff-core-1.2-strict.xsd`` imports the W3C's ``xml.xsd`` (for ``xml:lang`` and
``xml:space``) by its web address; the resolver answers that address with the local copy and
any other address with nothing, and the parser may not use the network.
"""

from functools import cache
from pathlib import Path

from lxml import etree

SCHEMA_DIR = Path(__file__).resolve().parent / "data" / "xliff"
STRICT_XSD = SCHEMA_DIR / "xliff-core-1.2-strict.xsd"
XML_XSD_URL = "http://www.w3.org/2001/xml.xsd"


class _LocalSchemas(etree.Resolver):
    def resolve(self, url, pubid, context):
        if url == XML_XSD_URL:
            return self.resolve_filename(str(SCHEMA_DIR / "xml.xsd"), context)
        if Path(url).parent == SCHEMA_DIR:
            return None
        raise AssertionError(f"the schema asked for {url!r}, which has no local copy")


@cache
def strict_schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_LocalSchemas())
    return etree.XMLSchema(etree.parse(str(STRICT_XSD), parser))


def strict_errors(data: bytes) -> list[str]:
    """Return the strict schema's complaints about an XLIFF document (none: it is valid)."""
    schema = strict_schema()
    if schema.validate(etree.fromstring(data)):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]


def assert_strict_xliff(data: bytes) -> None:
    errors = strict_errors(data)
    assert not errors, "not valid XLIFF 1.2 strict:\n" + "\n".join(errors[:10])
