"""Fuzzing the importers: mutated release texts, JSON documents, glossary files (CSV, TBX) and
exchange files (PO, XLIFF) are either imported or refused with the project's own error, never
another exception, and a refusal leaves the database exactly as it was."""

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from records.models import Photo, Publication, Release, Revision, Segment, Topic
from records.segmenter import SegmenterError, parse_release_text
from records.selectors import release_document
from records.services import (
    ActionNotAllowed,
    ReleaseContentError,
    RevisionConflict,
    document_parse,
    release_import_document,
    release_import_language,
    release_import_text,
)
from translations.demo import GLOSSARY_PATH
from translations.exchange.imports import release_file_import
from translations.exchange.services import release_file_export
from translations.exchange.units import ExchangeFileError
from translations.glossary.files import GlossaryFormatError, csv_load, glossary_iter, tbx_dump
from translations.glossary.services import GlossaryImportError, glossary_import
from translations.models import Concept, Term

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]

DATA = Path(__file__).resolve().parent / "data"
SHARED_SEEDS = Path("/work/shared/seeds")
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
RELEASE_REFUSALS = (SegmenterError, ReleaseContentError, RevisionConflict, ActionNotAllowed)
FILE_REFUSALS = (ExchangeFileError, ReleaseContentError, RevisionConflict, ActionNotAllowed)
GLOSSARY_REFUSALS = (GlossaryFormatError, GlossaryImportError, ExchangeFileError)


def database_state():
    """What a refused import must leave unchanged: row counts and every release's head."""
    return (
        *(
            model.objects.count()
            for model in (Release, Segment, Photo, Revision, Publication, Topic, Concept, Term)
        ),
        tuple(Release.objects.order_by("pk").values_list("pk", "slug", "head_number")),
        tuple(Term.objects.order_by("pk").values_list("pk", "text", "status")),
    )


def _texts(pattern):
    files = sorted(DATA.glob(pattern))
    if SHARED_SEEDS.is_dir():
        files += sorted(SHARED_SEEDS.glob("*.txt"))
    return [path.read_bytes() for path in files]


# --- mutations of a real file ------------------------------------------------------------------

PIECES = st.one_of(
    st.text(max_size=40).map(str.encode),
    st.binary(max_size=16),
    st.sampled_from(
        [
            b"",
            b"1.",
            b"(1)",
            b"(i)",
            b"- ",
            "・".encode(),
            "ア".encode(),
            "平成29年7月7日".encode(),
            "7 июля 2017 года".encode(),
            b"July 7, 2017",
            b"\x00",
            b"\r",
            b"\xef\xbb\xbf",
            b"<!DOCTYPE x [<!ENTITY e 'e'>]>",
            b"&e;",
            b"]]>",
            b'"',
            b",,,,",
            b"{",
            b"}",
            b"[",
            b"msgid ",
            b"msgctxt ",
            b"\\",
            ("x" * 300).encode(),
        ]
    ),
)
LINE_OPS = ("delete", "duplicate", "insert", "replace", "splice", "swap")


@st.composite
def mutated(draw, seeds):
    """A real file with a few lines deleted, duplicated, inserted, replaced, cut or swapped,
    and sometimes one byte changed."""
    lines = draw(st.sampled_from(seeds)).split(b"\n")
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(LINE_OPS))
        index = draw(st.integers(0, len(lines))) if lines else 0
        if op == "insert" or not lines:
            lines.insert(index, draw(PIECES))
            continue
        index = min(index, len(lines) - 1)
        if op == "delete":
            del lines[index]
        elif op == "duplicate":
            lines.insert(index, lines[index])
        elif op == "replace":
            lines[index] = draw(PIECES)
        elif op == "splice":
            cut = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:cut] + draw(PIECES) + lines[index][cut:]
        else:
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
    data = b"\n".join(lines)
    if data and draw(st.booleans()):
        position = draw(st.integers(0, len(data) - 1))
        data = data[:position] + bytes([draw(st.integers(0, 255))]) + data[position + 1 :]
    return data


def _refused_cleanly(action, refusals):
    """Run ``action``; a refusal must be one of ``refusals``, say something, change nothing."""
    before = database_state()
    try:
        action()
    except refusals as refusal:
        assert str(refusal).strip()
        assert database_state() == before
        return True
    return False


# --- release texts -----------------------------------------------------------------------------

ENGLISH = _texts("release-seed-2017-07-07.txt") + _texts("release-variant-*.txt")
TRANSLATIONS = {
    "ja": [(DATA / "release-seed-ja-2017-07-07.txt").read_bytes()],
    "ru": [(DATA / "release-seed-ru-2017-07-07.txt").read_bytes()],
}


@FUZZ
@given(data=mutated(ENGLISH))
def test_text_importer_imports_or_refuses_cleanly(editor, data):
    def run():
        release_import_text(parse_release_text(data), author=editor)

    _refused_cleanly(run, RELEASE_REFUSALS)


@FUZZ
@given(language=st.sampled_from(["ja", "ru"]), data=st.data())
def test_text_importer_of_a_translation_imports_or_refuses_cleanly(
    seed_release, editor, language, data
):
    text = data.draw(mutated(TRANSLATIONS[language]))

    def run():
        release_import_language(
            parse_release_text(text, language),
            language=language,
            into=seed_release.slug,
            author=editor,
        )

    _refused_cleanly(run, RELEASE_REFUSALS)


@settings(max_examples=150, deadline=None)
@given(
    language=st.sampled_from(["en", "ja", "ru"]),
    text=st.one_of(st.binary(max_size=400), st.text(max_size=400).map(str.encode)),
)
def test_segmenter_parses_or_refuses_any_bytes(language, text):
    try:
        parse_release_text(text, language)
    except SegmenterError as refusal:
        assert str(refusal).strip()


# --- JSON documents ----------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)


def _slots(value, path=()):
    """Yield the path of every value inside a JSON document."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _slots(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _slots(item, (*path, index))


def _mutate_document(document, draw):
    document = json.loads(json.dumps(document))
    for _ in range(draw(st.integers(1, 4))):
        slots = list(_slots(document))
        path = draw(st.sampled_from(slots))
        if not path:
            document = draw(JSON_VALUES)
            continue
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        if draw(st.booleans()):
            parent[path[-1]] = draw(JSON_VALUES)
        elif isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent.pop(path[-1])
        if not isinstance(document, dict | list):
            break
    return json.dumps(document, ensure_ascii=draw(st.booleans())).encode()


@pytest.fixture
def exports(published):
    """The published release's files as exported before any fuzzing (imports move its head)."""
    release = published["release"]
    return {
        "json": release_document(release),
        "po": release_file_export(release, "ru", "po"),
        "xliff": release_file_export(release, "ru", "xliff"),
    }


@FUZZ
@given(data=st.data())
def test_json_importer_imports_or_refuses_cleanly(published, exports, data):
    document = exports["json"]
    if data.draw(st.booleans()):
        raw = _mutate_document(document, data.draw)
    else:
        raw = data.draw(mutated([json.dumps(document, indent=1, ensure_ascii=False).encode()]))
    editor = published["users"]["editor"]

    def run():
        release_import_document(document_parse(raw), author=editor)

    _refused_cleanly(run, RELEASE_REFUSALS)


# --- glossary files ----------------------------------------------------------------------------

GLOSSARY_CSV = [GLOSSARY_PATH.read_bytes(), (DATA / "glossary-facts.csv").read_bytes()]
GLOSSARY_TBX = [
    tbx_dump(csv_load(GLOSSARY_CSV[1])),
    *(path.read_bytes() for path in sorted((DATA / "tbx").glob("*.tbx"))),
]


@FUZZ
@given(
    data=mutated(GLOSSARY_CSV + GLOSSARY_TBX),
    name=st.sampled_from(["glossary.csv", "glossary.tbx", "upload"]),
)
def test_glossary_importers_import_or_refuse_cleanly(db, data, name):
    def run():
        glossary_import(glossary_iter(data, name))

    _refused_cleanly(run, GLOSSARY_REFUSALS)


# --- exchange files: PO and XLIFF ---------------------------------------------------------------


@FUZZ
@given(fmt=st.sampled_from(["po", "xliff"]), data=st.data())
def test_exchange_file_importers_import_or_refuse_cleanly(published, exports, fmt, data):
    release = published["release"]
    text = data.draw(mutated([exports[fmt]]))
    translator = published["users"]["translator-ru"]

    def run():
        release_file_import(text, fmt, author=translator, release=release, language="ru")

    _refused_cleanly(run, FILE_REFUSALS)
