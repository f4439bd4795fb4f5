"""States follow the text, not the path: texts back to those an approval was given for are
approved again by that reviewer; a source put back returns the state it had; a text typed
against an older source is outdated against the current one."""

import json

import pytest

from records.selectors import release_document
from records.services import release_import_document, revision_restore
from tests.scenarios import published_release, release_with
from translations.review.actions import units_request_changes
from translations.review.editing import unit_save
from translations.review.gate import language_problems
from translations.review.models import Event
from translations.review.queue import my_work
from translations.review.vocabulary import EventAction, UnitState
from translations.review.workbench import workbench

from .reviewing import segment_key, set_text, status, write

pytestmark = pytest.mark.django_db

INDEX = 2


def english(release, index=INDEX):
    return release.segments.order_by("position")[index].text_en


def japanese(release, index=INDEX):
    return release.segments.order_by("position")[index].text_ja


def head(release):
    release.refresh_from_db()
    return release.revisions.get(number=release.head_number)


@pytest.fixture
def release(users):
    return published_release(units=4)


def test_restoring_the_english_the_japanese_was_approved_for_approves_it_again(release, users):
    key = segment_key(release, INDEX)
    approved = status(release, key, "ja")
    write(release, users["editor"], set_text(INDEX, "en", "A changed English sentence."))
    assert status(release, key, "ja").state == UnitState.OUTDATED
    assert language_problems(release, "ja", head(release))
    revision_restore(release, 2, author=users["editor"])
    row = status(release, key, "ja")
    assert (row.state, row.approved_by, row.translated_by) == (
        UnitState.APPROVED,
        users["reviewer-ja"],
        approved.translated_by,
    )
    # The editor restored it: the event's actor, not its translator nor its reviewer.
    event = Event.objects.filter(key=key, language="ja").order_by("id").last()
    assert (event.action, event.actor, event.reason) == (
        EventAction.REAPPROVED,
        users["editor"],
        "reviewer-ja",
    )
    assert language_problems(release, "ja", head(release)) == []


def test_a_restore_of_both_texts_approves_again_without_making_the_editor_translator(
    release, users
):
    key = segment_key(release, INDEX)
    write(release, users["editor"], set_text(INDEX, "en", "A changed English sentence."))
    write(release, users["translator-ja"], set_text(INDEX, "ja", "変更された日本語の文。"))
    assert status(release, key, "ja").translated_by == users["translator-ja"]
    revision_restore(release, 2, author=users["editor"])
    row = status(release, key, "ja")
    assert (row.state, row.approved_by) == (UnitState.APPROVED, users["reviewer-ja"])
    assert row.translated_by == users["translator-ja"]
    assert language_problems(release, "ja", head(release)) == []


def test_undoing_an_edit_of_an_approved_translation_approves_it_again(release, users):
    key = segment_key(release, INDEX)
    approved_text = japanese(release)
    write(release, users["translator-ja"], set_text(INDEX, "ja", approved_text + "(案)"))
    assert status(release, key, "ja").state == UnitState.DRAFT
    write(release, users["translator-ja"], set_text(INDEX, "ja", approved_text))
    row = status(release, key, "ja")
    assert (row.state, row.approved_by) == (UnitState.APPROVED, users["reviewer-ja"])


def test_a_json_import_that_puts_the_english_back_approves_again(release, users):
    key = segment_key(release, INDEX)
    original = english(release)
    write(release, users["editor"], set_text(INDEX, "en", "A changed English sentence."))
    document = json.loads(json.dumps(release_document(release)))
    segment = next(item for item in document["segments"] if item["key"] == key)
    segment["text"] = {"en": original}
    release_import_document(document, author=users["editor"])
    assert status(release, key, "ru").state == UnitState.APPROVED


def test_an_approval_sent_back_is_not_given_again(release, users):
    key = segment_key(release, INDEX)
    original = english(release)
    units_request_changes(
        release,
        "ja",
        [key],
        users["reviewer-ja"],
        comment="用語を確認してください。",
        based_on=release.head_number,
    )
    write(release, users["editor"], set_text(INDEX, "en", "A changed English sentence."))
    write(release, users["editor"], set_text(INDEX, "en", original))
    row = status(release, key, "ja")
    assert (row.state, row.approved_by) == (UnitState.DRAFT, None)
    # The withdrawn approval's text stays, as the base of the reviewer's diff.
    assert row.approval_text == japanese(release)
    # The Russian, not sent back, is approved again.
    assert status(release, key, "ru").state == UnitState.APPROVED


@pytest.mark.parametrize(
    ("state", "expected"),
    [("needs_review", UnitState.NEEDS_REVIEW), ("draft", UnitState.DRAFT)],
)
def test_an_english_put_back_returns_the_state_it_had(users, state, expected):
    release = release_with(units=3, languages=("en", "ja"), states={"ja": state})
    key = segment_key(release, 1)
    original = english(release, 1)
    write(release, users["editor"], set_text(1, "en", "A changed English sentence."))
    assert status(release, key, "ja").state == UnitState.OUTDATED
    write(release, users["editor"], set_text(1, "en", original))
    row = status(release, key, "ja")
    assert (row.state, row.source_previous, row.outdated_from) == (expected, "", None)


# --- a translation typed against an older source -----------------------------------------------


@pytest.mark.parametrize("submit", [False, True])
def test_a_save_based_on_an_older_source_is_outdated_against_the_new_one(release, users, submit):
    key = segment_key(release, INDEX)
    seen_base, seen = release.head_number, english(release)
    write(release, users["editor"], set_text(INDEX, "en", "A changed English sentence."))
    unit_save(
        release,
        "ja",
        key,
        "古い原文からの訳。",
        users["translator-ja"],
        based_on=seen_base,
        submit=submit,
    )
    release.refresh_from_db()
    row = status(release, key, "ja")
    # Not a draft (nor submitted) for an English the translator never saw.
    assert row.state == UnitState.OUTDATED
    assert (row.source_previous, row.translated_by) == (seen, users["translator-ja"])
    assert japanese(release) == "古い原文からの訳。"
    bench_row = workbench(release, "ja").by_key()[key]
    assert bench_row.source_diff, "the translator sees what changed in the English"
    # Saved again on the newest revision, and submitted: confirmed for the new English.
    unit_save(
        release,
        "ja",
        key,
        "新しい原文の訳。",
        users["translator-ja"],
        based_on=release.head_number,
        submit=True,
    )
    assert status(release, key, "ja").state == UnitState.NEEDS_REVIEW


def test_a_save_based_on_an_older_revision_with_the_same_source_is_a_draft(release, users):
    key = segment_key(release, INDEX)
    base = release.head_number
    write(release, users["editor"], set_text(0, "en", "Another paragraph changed."))
    unit_save(release, "ja", key, "別の訳。", users["translator-ja"], based_on=base)
    assert status(release, key, "ja").state == UnitState.DRAFT


def test_to_translate_counts_outdated_units_in_the_queue_and_the_workbench(release, users):
    write(release, users["editor"], set_text(INDEX, "en", "A changed English sentence."))
    rows = {row.language: row for row in my_work(users["translator-ja"], [release])}
    assert (rows["ja"].todo, rows["ja"].outdated) == (1, 1)
    bench = workbench(release, "ja")
    assert bench.counts["todo"] == 1
    assert [row.key for row in bench.filtered("todo")] == [segment_key(release, INDEX)]


def test_the_unit_history_says_whose_approval_came_back(client, release, users):
    from django.urls import reverse

    key = segment_key(release, INDEX)
    write(release, users["editor"], set_text(INDEX, "en", "A changed English sentence."))
    revision_restore(release, 2, author=users["editor"])
    client.force_login(users["translator-ja"])
    html = client.get(reverse("translations:unit_history", args=[release.pk, "ja", key]))
    text = html.content.decode()
    assert str(EventAction.REAPPROVED.label) in text
    assert "the approval by reviewer-ja is back" in text
