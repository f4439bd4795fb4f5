"""Every limit is defined once, in config/limits.py, and everything else reads it from there."""

import ast
import re
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

from config import limits

ROOT = Path(__file__).resolve().parent.parent
LIMITS_FILE = ROOT / "config" / "limits.py"
SCANNED = {".py", ".html", ".js"}
NOT_SCANNED = {".venv", "tests", "migrations", "var", "vendor", "node_modules"}
# A number near one of these words states a limit rather than, say, a chunk size.
LIMIT_WORDS = re.compile(r"(?i)max|limit|most|deeper|larger|more than|up to|\bMB\b")
HARD_CODED_MAXLENGTH = re.compile(r"maxlength\s*=\s*[\"']?\d")
# Lines where a limit's number means something else.
OTHER_MEANINGS = {
    '"MAX_ENTRIES": 5000': "entries of the local-memory cache",
    '"CELERY_TASK_TIME_LIMIT", 300': "seconds a task may run",
    "_WORD_CACHE_LIMIT = 200_000": "words the matcher keeps folded",
    "max_length=32": "digest and version columns",
    '_("term"), max_length=300': "the length of a glossary term",
    '_("suggestion"), max_length=300': "the length of a finding's suggestion",
    "a 2,000-unit release has 4,000 of them": "a size the state listener is measured at",
}


def spellings():
    """Return, per limit, the ways its number can be written in code, comments or messages."""
    found = {}
    for name, value in vars(limits).items():
        if name.startswith("MAX_") and name not in ("MAX_UPLOAD_MB", "MAX_IMAGE_MEGAPIXELS"):
            found[name] = {str(value), f"{value:_}", f"{value:,}"}
    megabytes, megapixels = limits.MAX_UPLOAD_MB, limits.MAX_IMAGE_MEGAPIXELS
    found["MAX_UPLOAD_BYTES"] |= {f"{megabytes} * 1024 * 1024", f"{megabytes} MB"}
    found["MAX_IMAGE_PIXELS"] |= {f"{megapixels} million", f"{megapixels}_000_000"}
    return {
        name: re.compile(
            r"(?<![\w.,-])(?:"
            + "|".join(re.escape(text) for text in sorted(texts, key=len, reverse=True))
            + r")(?![\w]|[.,]\d)"
        )
        for name, texts in found.items()
    }


def spelled_limits(line, patterns):
    """Return the limits ``line`` writes out as numbers (or a template's literal maxlength)."""
    if any(text in line for text in OTHER_MEANINGS):
        return []
    found = [name for name, pattern in patterns.items() if pattern.search(line)]
    found = found if LIMIT_WORDS.search(line) else []
    if HARD_CODED_MAXLENGTH.search(line):
        found.append("maxlength")
    return found


def source_files():
    for path in sorted(ROOT.rglob("*")):
        relative = path.relative_to(ROOT)
        if path.suffix in SCANNED and not NOT_SCANNED & set(relative.parts):
            if path != LIMITS_FILE and path.is_file():
                yield path


def test_the_scan_sees_a_limit_written_out_again():
    patterns = spellings()
    assert spelled_limits("MAX_UPLOAD = 20 * 1024 * 1024", patterns) == ["MAX_UPLOAD_BYTES"]
    assert spelled_limits('_("at most 20 MB are accepted")', patterns) == ["MAX_UPLOAD_BYTES"]
    assert spelled_limits("MAX_UNITS = 2_000", patterns) == ["MAX_UNITS", "MAX_REASON_CHARS"]
    assert spelled_limits("# more than 60 million pixels", patterns) == ["MAX_IMAGE_PIXELS"]
    assert spelled_limits("title = CharField(max_length=300)", patterns) == ["MAX_TITLE_CHARS"]
    assert spelled_limits('<textarea maxlength="5000">', patterns) == [
        "MAX_COMMENT_CHARS",
        "maxlength",
    ]
    assert spelled_limits('<input maxlength="{{ limits.MAX_REASON_CHARS }}">', patterns) == []
    assert spelled_limits("ModelSection(Segment, chunk=2000)", patterns) == []
    assert spelled_limits("_WORD_CACHE_LIMIT = 200_000", patterns) == []
    assert spelled_limits("tolerance = 1e-9  # at most", patterns) == []


def test_each_limit_is_assigned_once_in_config_limits():
    tree = ast.parse(LIMITS_FILE.read_text("utf-8"))
    assigned = Counter(
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    )
    assert assigned and all(count == 1 for count in assigned.values()), assigned
    assert not [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
    assert all(isinstance(getattr(limits, name), int) for name in assigned)


def test_no_other_source_writes_a_limit_out():
    patterns = spellings()
    found = [
        f"{path.relative_to(ROOT)}:{number}: {', '.join(names)}: {line.strip()}"
        for path in source_files()
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if (names := spelled_limits(line, patterns))
    ]
    assert found == []


def test_the_names_other_modules_import_are_the_limits():
    from records.models import Photo, Release
    from records.photos import MAX_IMAGE_PIXELS
    from records.services import MAX_UNITS
    from records.services.validation import MAX_JSON_DEPTH, MAX_LEVEL, MAX_UNIT_CHARS
    from translations.exchange.units import MAX_UPLOAD_BYTES
    from translations.glossary.services import GLOSSARY_MAX_CONCEPTS
    from translations.memory.tmx import MAX_TMX_BYTES, MAX_TMX_UNITS
    from translations.review.models import MAX_COMMENT_CHARS, MAX_REASON_CHARS

    assert (MAX_UNITS, MAX_UNIT_CHARS, MAX_LEVEL, MAX_JSON_DEPTH) == (
        limits.MAX_UNITS,
        limits.MAX_UNIT_CHARS,
        limits.MAX_LEVEL,
        limits.MAX_JSON_DEPTH,
    )
    assert MAX_IMAGE_PIXELS == limits.MAX_IMAGE_PIXELS
    assert MAX_UPLOAD_BYTES == MAX_TMX_BYTES == limits.MAX_UPLOAD_BYTES
    assert (MAX_TMX_UNITS, GLOSSARY_MAX_CONCEPTS) == (
        limits.MAX_TMX_UNITS,
        limits.MAX_GLOSSARY_CONCEPTS,
    )
    assert (MAX_COMMENT_CHARS, MAX_REASON_CHARS) == (
        limits.MAX_COMMENT_CHARS,
        limits.MAX_REASON_CHARS,
    )
    for model, field in ((Release, "title"), (Release, "title_ja"), (Photo, "caption_ru")):
        assert model._meta.get_field(field).max_length == limits.MAX_TITLE_CHARS
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == limits.MAX_UPLOAD_BYTES
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE == limits.MAX_UPLOAD_BYTES


# --- templates get the limits, never a number of their own --------------------------------------

FIELD = re.compile(r"<(input|textarea)\b[^>]*\bmaxlength=\"([^\"]*)\"[^>]*>")
NAME = re.compile(r"\bname=\"([^\"]+)\"")


def limited_fields(page):
    """Return ``{(tag, name): {maxlength, …}}`` of the page's fields that have a maxlength."""
    fields = {}
    for match in FIELD.finditer(page):
        name = NAME.search(match[0])[1]
        fields.setdefault((match[1], name), set()).add(match[2])
    return fields


@pytest.mark.django_db
@pytest.mark.parametrize("values", [None, (4321, 1234)], ids=["as defined", "changed"])
def test_review_fields_carry_the_limits(client, demo_scenario, monkeypatch, values):
    from django.urls import reverse

    from tests.helpers import revise_and_check
    from translations.review.actions import comment_add

    if values:
        monkeypatch.setattr(limits, "MAX_COMMENT_CHARS", values[0])
        monkeypatch.setattr(limits, "MAX_REASON_CHARS", values[1])
    # An error to override, a thread to reply to, and units waiting for review.
    release = revise_and_check(demo_scenario, 1, "ru", "Проблема Южных Курил")
    comment_add(release, "title", "ru", "Check the title.", demo_scenario["users"]["reviewer-ru"])
    client.force_login(demo_scenario["users"]["reviewer-ru"])
    page = client.get(reverse("translations:workbench", args=[release.pk, "ru"]))
    comment, reason = str(limits.MAX_COMMENT_CHARS), str(limits.MAX_REASON_CHARS)
    assert limited_fields(page.content.decode()) == {
        ("input", "reason"): {reason},
        ("textarea", "comment"): {comment},
        ("input", "text"): {comment},
        ("textarea", "text"): {comment},
        ("input", "q"): {str(limits.MAX_SEARCH_CHARS)},
    }
