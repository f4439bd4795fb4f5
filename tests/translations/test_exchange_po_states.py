"""PO states that mean what the workbench means: only draft and outdated entries are fuzzy; a
unit waiting for review and edited in a file stays in review; an outdated entry un-fuzzied
unchanged is confirmed, as the workbench's submit does, and the report says so."""

import shutil
import subprocess

import polib
import pytest

from records.services import ActionNotAllowed
from tests.helpers import exchange_state as db_state
from tests.helpers import user_named as user
from translations.exchange.imports import release_file_import
from translations.exchange.services import release_file_export
from translations.review.models import UnitStatus
from translations.review.vocabulary import UnitState

pytestmark = pytest.mark.django_db


@pytest.fixture
def scenario(in_progress):
    """Russian paragraph 7 waits for review (by translator-ru); its Japanese is outdated."""
    return in_progress


def exported(release, language):
    return polib.pofile(release_file_export(release, language, "po").decode("utf-8"))


def entry_of(po, key):
    return next(entry for entry in po if entry.msgctxt == key)


def state_of(release, language, key):
    return UnitStatus.objects.get(release=release, language=language, key=key)


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="needs GNU gettext's msgfmt")
def test_only_drafts_and_outdated_entries_are_fuzzy(scenario, tmp_path):
    release, key = scenario["release"], scenario["key"]
    po = exported(release, "ru")
    assert state_of(release, "ru", key).state == UnitState.NEEDS_REVIEW
    assert "fuzzy" not in entry_of(po, key).flags
    ja = exported(release, "ja")
    assert state_of(release, "ja", key).state == UnitState.OUTDATED
    assert "fuzzy" in entry_of(ja, key).flags
    for language in ("ja", "ru"):
        path = tmp_path / f"{language}.po"
        path.write_bytes(release_file_export(release, language, "po"))
        checked = subprocess.run(
            ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True
        )
        assert checked.returncode == 0, checked.stderr


def test_a_unit_in_review_edited_in_the_file_stays_in_review(scenario):
    release, key = scenario["release"], scenario["key"]
    po = exported(release, "ru")
    entry_of(po, key).msgstr = "Исправленный перевод абзаца."
    report = release_file_import(str(po).encode("utf-8"), "po", author=user("translator-ru"))
    assert [(line.key, line.code) for line in report.updated] == [(key, "submitted")]
    row = state_of(release, "ru", key)
    assert row.state == UnitState.NEEDS_REVIEW
    assert row.translated_by == user("translator-ru")
    release.refresh_from_db()
    assert release.segments.get(key=key).text_ru == "Исправленный перевод абзаца."


def test_a_reviewers_file_correction_revises_the_unit_in_review(scenario):
    release, key = scenario["release"], scenario["key"]
    po = exported(release, "ru")
    entry_of(po, key).msgstr = "Перевод, поправленный рецензентом."
    release_file_import(str(po).encode("utf-8"), "po", author=user("reviewer-ru"))
    row = state_of(release, "ru", key)
    assert (row.state, row.translated_by, row.revised_by) == (
        UnitState.NEEDS_REVIEW,
        user("translator-ru"),
        user("reviewer-ru"),
    )


def test_a_unit_in_review_marked_fuzzy_in_the_file_becomes_a_draft(scenario):
    release, key = scenario["release"], scenario["key"]
    po = exported(release, "ru")
    entry = entry_of(po, key)
    entry.msgstr = "Черновик, ещё не готов."
    entry.flags.append("fuzzy")
    report = release_file_import(str(po).encode("utf-8"), "po", author=user("translator-ru"))
    assert [(line.key, line.code) for line in report.updated] == [(key, "fuzzy")]
    assert state_of(release, "ru", key).state == UnitState.DRAFT


def test_an_unfuzzied_outdated_entry_is_confirmed_and_reported(scenario):
    release, key = scenario["release"], scenario["key"]
    po = exported(release, "ja")
    entry = entry_of(po, key)
    assert entry.previous_msgid
    entry.flags.remove("fuzzy")
    report = release_file_import(str(po).encode("utf-8"), "po", author=user("translator-ja"))
    assert [(line.key, line.code) for line in report.confirmed] == [(key, "confirmed")]
    assert report.updated == [] and report.revision is None
    assert any(line.startswith("  confirmed: ") and key in line for line in report.lines())
    row = state_of(release, "ja", key)
    # The source it was made from stays until approval, for the reviewer to see the change.
    assert (row.state, row.source_previous, row.translated_by) == (
        UnitState.NEEDS_REVIEW,
        entry.previous_msgid,
        user("translator-ja"),
    )
    # The translation is the one approved before: the reviewer sees it as unchanged.
    assert row.submitted_unchanged


def test_a_file_of_someone_without_the_language_changes_nothing(scenario):
    release, key = scenario["release"], scenario["key"]
    po = exported(release, "ru")
    entry_of(po, key).msgstr = "Чужой перевод."
    before = db_state(release)
    with pytest.raises(ActionNotAllowed, match="may not edit"):
        release_file_import(str(po).encode("utf-8"), "po", author=user("translator-ja"))
    assert db_state(release) == before
