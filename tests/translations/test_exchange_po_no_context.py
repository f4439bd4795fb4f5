"""PO files a tool re-saved without ``msgctxt`` (Concord's unit key): each entry is matched by
the label of Concord's ``#.`` comment and its source text, else by a source text only one unit
has; an entry several units could be, or none, is skipped and named, never written to a unit
it may not belong to (tests/data/foreign/concord.ru.no-msgctxt.po, see its README)."""

import copy
import shutil
import subprocess
import uuid

import polib
import pytest

from records.models import Revision
from records.services import release_import_document
from tests.translations.test_exchange_foreign_tools import (
    DOCUMENT,
    FOREIGN,
    KEYS,
    LABELS,
    sample_release,
    texts,
    user,
)
from translations.exchange.imports import release_file_import
from translations.exchange.services import release_file_export
from translations.review.models import UnitStatus
from translations.review.vocabulary import UnitState

pytestmark = pytest.mark.django_db

NO_CONTEXT = FOREIGN / "concord.ru.no-msgctxt.po"
BULLET_4 = "Лидеры подтвердили и приветствовали результаты встречи в Москве."


def edited(data, change):
    """Return PO ``data`` after ``change(po)``, saved by polib as such a tool would."""
    po = polib.pofile(data.decode("utf-8"))
    change(po)
    return str(po).encode("utf-8")


def without_comments(po):
    for entry in po:
        entry.comment = ""


def entry_for(po, source_start):
    return next(entry for entry in po if entry.msgid.startswith(source_start))


def revisions(release):
    return Revision.objects.filter(release=release).count()


@pytest.fixture
def sample(users):
    return sample_release(users)


def test_the_file_is_concords_po_without_msgctxt():
    po = polib.pofile(NO_CONTEXT.read_text("utf-8"))
    assert len(po) == 5 and not any(entry.msgctxt for entry in po)
    assert po.metadata["X-Concord-Release"] == "foreign-tools-sample"
    # Concord's "#." comments survived: the first line is each unit's label as exported then.
    assert [entry.comment.splitlines()[0] for entry in po] == [
        "title",
        "paragraph 1",
        "heading 2",
        "bullet 3",
        "bullet 4",
    ]
    if shutil.which("msgfmt"):
        subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(NO_CONTEXT)], check=True)


def test_every_entry_is_matched_by_its_label_and_source(sample):
    before = revisions(sample)
    report = release_file_import(NO_CONTEXT.read_bytes(), "po", author=user("translator-ru"))
    assert report.counts() == {
        "updated": 0,
        "confirmed": 0,
        "unchanged": 5,
        "skipped": 0,
        "conflicts": 0,
    }
    assert [(line.key, line.label, line.code) for line in report.notes] == [
        (key, label, "label") for key, label in zip(KEYS, LABELS, strict=True)
    ]
    assert revisions(sample) == before


def test_a_translators_work_reaches_the_right_units(sample):
    def translate(po):
        entry = entry_for(po, "The leaders confirmed")
        entry.msgstr = BULLET_4
        draft = entry_for(po, "The leaders held")
        draft.msgstr = "Лидеры обсудили мирный договор."

    report = release_file_import(
        edited(NO_CONTEXT.read_bytes(), translate), "po", author=user("translator-ru")
    )
    assert [(line.key, line.label, line.code) for line in report.updated] == [
        (KEYS[3], "segment 3", "fuzzy"),
        (KEYS[4], "segment 4", "submitted"),
    ]
    now = texts(sample)
    assert now[KEYS[4]] == BULLET_4 and now[KEYS[3]] == "Лидеры обсудили мирный договор."
    states = dict(
        UnitStatus.objects.filter(release=sample, language="ru").values_list("key", "state")
    )
    assert states[KEYS[4]] == UnitState.NEEDS_REVIEW and states[KEYS[3]] == UnitState.DRAFT


def test_without_concords_comments_entries_are_matched_by_their_source_text(sample):
    def translate(po):
        without_comments(po)
        entry_for(po, "The leaders confirmed").msgstr = BULLET_4

    report = release_file_import(
        edited(NO_CONTEXT.read_bytes(), translate), "po", author=user("translator-ru")
    )
    assert {line.code for line in report.notes} == {"by source"}
    assert [line.key for line in report.notes] == KEYS
    assert [(line.key, line.code) for line in report.updated] == [(KEYS[4], "submitted")]
    assert texts(sample)[KEYS[4]] == BULLET_4
    assert any("matched by its source text" in line for line in report.lines())


def test_a_shifted_label_is_not_trusted_over_the_source_text(sample):
    # The tool kept the comments but reordered nothing: a hand edit swapped two labels.
    def swap(po):
        heading, bullet = entry_for(po, "Northern Territories"), entry_for(po, "The leaders held")
        heading.comment, bullet.comment = bullet.comment, heading.comment
        bullet.msgstr = "Лидеры обсудили мирный договор."

    report = release_file_import(
        edited(NO_CONTEXT.read_bytes(), swap), "po", author=user("translator-ru")
    )
    codes = {line.key: line.code for line in report.notes}
    assert codes[KEYS[2]] == codes[KEYS[3]] == "by source"
    assert texts(sample)[KEYS[3]] == "Лидеры обсудили мирный договор."
    assert texts(sample)[KEYS[2]] == "Проблема северных территорий"


def test_an_entry_no_unit_has_is_skipped_by_name_and_the_rest_imported(sample):
    def change(po):
        without_comments(po)
        stray = polib.POEntry(msgid="A sentence no unit of this release has.", msgstr="Фраза.")
        po.append(stray)
        entry_for(po, "The leaders confirmed").msgstr = BULLET_4

    report = release_file_import(
        edited(NO_CONTEXT.read_bytes(), change), "po", author=user("translator-ru")
    )
    assert [(line.key, line.label, line.code) for line in report.skipped] == [
        ("", "“A sentence no unit of this release has.”", "unmatched")
    ]
    assert any(
        line.startswith("  skipped: “A sentence no unit of this release has.”: the file did not")
        for line in report.lines()
    )
    assert texts(sample)[KEYS[4]] == BULLET_4
    assert "Фраза." not in texts(sample).values()


def test_a_dry_run_of_such_a_file_writes_nothing(sample):
    def translate(po):
        entry_for(po, "The leaders confirmed").msgstr = BULLET_4

    data = edited(NO_CONTEXT.read_bytes(), translate)
    before = (revisions(sample), texts(sample))
    report = release_file_import(data, "po", author=user("translator-ru"), dry_run=True)
    assert [line.key for line in report.updated] == [KEYS[4]]
    assert (revisions(sample), texts(sample)) == before


# --- two units with the same source text ------------------------------------------------------

TWIN = "The two leaders exchanged views."


@pytest.fixture
def twins(users):
    """A release in which two segments have the same English text."""
    document = copy.deepcopy(DOCUMENT)
    document["slug"] = "twin-sample"
    for _ in range(2):
        document["segments"].append(
            {
                "key": str(uuid.uuid4()),
                "kind": "paragraph",
                "level": 0,
                "style": "",
                "text": {"en": TWIN},
            }
        )
    release = release_import_document(document, author=users["editor"]).release
    return release, [segment["key"] for segment in document["segments"][-2:]]


def _twin_file(release, keep_comments):
    def change(po):
        for entry in po:
            entry.msgctxt = None
        if not keep_comments:
            without_comments(po)
        first, second = (entry for entry in po if entry.msgid == TWIN)
        first.msgstr, second.msgstr = "Первый вариант.", "Второй вариант."

    return edited(release_file_export(release, "ru", "po"), change)


def test_entries_two_units_could_be_are_skipped_and_nothing_is_written(twins):
    release, keys = twins
    data = _twin_file(release, keep_comments=False)
    before = (revisions(release), texts(release))
    report = release_file_import(data, "po", author=user("translator-ru"))
    assert [(line.key, line.label, line.code) for line in report.skipped] == [
        ("", f"“{TWIN}”", "ambiguous"),
        ("", f"“{TWIN}”", "ambiguous"),
    ]
    assert report.revision is None and not report.updated
    assert (revisions(release), texts(release)) == before
    assert sum("several units have this source text" in line for line in report.lines()) == 2


def test_concords_labels_tell_two_units_with_the_same_source_apart(twins):
    release, keys = twins
    report = release_file_import(
        _twin_file(release, keep_comments=True), "po", author=user("translator-ru")
    )
    assert sorted(line.key for line in report.updated) == sorted(keys)
    now = texts(release)
    assert (now[keys[0]], now[keys[1]]) == ("Первый вариант.", "Второй вариант.")
