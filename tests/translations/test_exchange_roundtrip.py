"""Any text Concord accepts survives PO and XLIFF export → import exactly."""

import tempfile

import polib
import pytest
from django.contrib.auth import get_user_model
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from records.models import Revision
from records.services import ReleaseContentError
from records.services.validation import text_check
from records.units import translatable_units
from translations.exchange import xliff
from translations.exchange.imports import release_file_import
from translations.exchange.po import po_dump, po_load
from translations.exchange.services import release_file_export
from translations.exchange.units import ExchangeFile, ExchangeUnit
from translations.review.vocabulary import UnitState

SPECIAL = list('\n\t"\\\u2028\u2029\u0301\u0308 #%{}<>&]]>\ufeff\u200b')


def accepted(text):
    try:
        text_check(text, "text")
    except ReleaseContentError:
        return False
    return True


def xml_safe(text):
    # XML 1.0 cannot hold U+FFFE and U+FFFF (see translations/exchange/xliff.py).
    return "\ufffe" not in text and "\uffff" not in text


texts = st.text(
    st.one_of(st.sampled_from(SPECIAL), st.characters(exclude_categories=("Cs",))),
    min_size=1,
    max_size=60,
).filter(accepted)

# The XLIFF writer is looked up when called: the suite validates what it writes (conftest).
CODECS = {
    "po": (po_dump, po_load),
    "xliff": (lambda exchange: xliff.xliff_dump(exchange), xliff.xliff_load),
}


def exchange(source, target, state=UnitState.DRAFT, previous=""):
    return ExchangeFile(
        release_id=1,
        slug="a-release",
        title="A release",
        source_language="en",
        language="ru",
        plural_forms="nplurals=1; plural=0;",
        revision=3,
        revision_time="2017-07-07T10:00:00Z",
        units=(
            ExchangeUnit("title", "title", 0, source, target, state, previous),
            ExchangeUnit("k2", "paragraph", 1, target, source, UnitState.OUTDATED, source),
        ),
    )


@pytest.mark.parametrize("fmt", ["po", "xliff"])
@settings(max_examples=300, deadline=None)
@given(source=texts, target=texts)
@example(source="x\u2028y\n", target=' "\\\t\u0301')
def test_any_text_survives_the_format(fmt, source, target):
    if fmt == "xliff" and not (xml_safe(source) and xml_safe(target)):
        return
    dump, load = CODECS[fmt]
    parsed = load(dump(exchange(source, target)))
    assert [(e.key, e.source, e.target) for e in parsed.entries] == [
        ("title", source, target),
        ("k2", target, source),
    ]
    assert (parsed.slug, parsed.language, parsed.revision) == ("a-release", "ru", 3)


@pytest.fixture
def seed(seed_release, users):
    return seed_release


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["po", "xliff"])
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=texts)
@example(text='a\u2028b "c" \\n\td\ne\u0301')
def test_any_text_survives_export_import(seed, fmt, text, no_term_checks):
    if fmt == "xliff" and not xml_safe(text):
        return
    seed.refresh_from_db()
    data = release_file_export(seed, "ru", fmt)
    key = translatable_units(
        Revision.objects.get(release=seed, number=seed.head_number).snapshot, "en"
    )[1].key
    if fmt == "po":
        data = _po_with(data, key, text)
    else:
        data = _xliff_with(data, key, text)
    translator = get_user_model().objects.get(username="translator-ru")
    release_file_import(data, fmt, author=translator)
    seed.refresh_from_db()
    snapshot = Revision.objects.get(release=seed, number=seed.head_number).snapshot
    stored = {unit.key: unit.text("ru") for unit in translatable_units(snapshot, "en")}
    assert stored[key] == text
    again = CODECS[fmt][1](release_file_export(seed, "ru", fmt))
    assert {e.key: e.target for e in again.entries}[key] == text


def _po_with(data, key, text):
    # polib reads text content with str.splitlines(), which breaks at U+2028; a file is read
    # line by line as written.
    with tempfile.NamedTemporaryFile(suffix=".po") as file:
        file.write(data)
        file.flush()
        po = polib.pofile(file.name)
    po.find(key, by="msgctxt").msgstr = text
    return str(po).encode()


def _xliff_with(data, key, text):
    from lxml import etree

    root = etree.fromstring(data)
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    unit = root.xpath("//x:trans-unit[@id=$key]", namespaces=ns, key=key)[0]
    unit.find("x:target", ns).text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_xliff_refuses_text_xml_cannot_hold():
    from translations.exchange.units import ExchangeFileError

    with pytest.raises(ExchangeFileError, match="U\\+FFFE"):
        xliff.xliff_dump(exchange("a\ufffeb", "c"))
    assert po_load(po_dump(exchange("a\ufffeb", "c"))).entries[0].source == "a\ufffeb"
