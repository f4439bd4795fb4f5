"""Unit states follow every revision: untranslated, draft, needs review, outdated, approved."""

import json

import pytest

from records.models import Revision
from records.segmenter import parse_release_text
from records.selectors import release_document
from records.services import (
    release_import_document,
    release_import_text,
    release_write,
    revision_restore,
)
from records.snapshots import release_snapshot
from records.units import TITLE, text_checksum, translatable_units
from tests.helpers import SEED, approve_all
from tests.records.test_admin import change_url, form_data
from tests.scenarios import published_release
from translations.review.actions import units_approve, units_submit
from translations.review.models import Event, UnitStatus
from translations.review.vocabulary import EventAction, UnitState

from .reviewing import segment_key, set_text, states, status, write

pytestmark = pytest.mark.django_db

REVISED = 6  # the seventh paragraph, whose English the tests revise
OTHER_TARGETS = {"ja", "ru"}


@pytest.fixture
def release():
    """A release of seven paragraphs and a photo, approved (revision 2) and published in
    every language."""
    return published_release(units=7, photos=1)


def revised(text, how="at length"):
    """Return the English ``text`` with ``how`` added: a change of the source."""
    return text.removesuffix(".") + f" {how}."


def english(release, index):
    return release.segments.order_by("position")[index].text_en


def other_rows(release, key):
    """Return every state row except those of ``key``, as plain values."""
    return list(
        UnitStatus.objects.filter(release=release)
        .exclude(key=key)
        .order_by("pk")
        .values("key", "language", "state", "target_checksum", "approved_by", "revision_number")
    )


def assert_outdated(release, key, previous_english, *, revision):
    for language in OTHER_TARGETS:
        row = status(release, key, language)
        assert row.state == UnitState.OUTDATED, (language, row)
        assert row.source_previous == previous_english
        assert row.approved_by is None
        assert row.revision_number == revision
    events = Event.objects.filter(release=release, key=key, action=EventAction.OUTDATED)
    assert {(e.language, e.from_state, e.to_state, e.revision_number) for e in events} == {
        (language, UnitState.APPROVED, UnitState.OUTDATED, revision) for language in OTHER_TARGETS
    }


# --- a new release, translators' saves --------------------------------------------------------


def test_a_new_english_release_has_every_target_unit_untranslated(seed_release):
    snapshot = release_snapshot(seed_release)
    keys = {unit.key for unit in translatable_units(snapshot, "en")}
    assert len(keys) == 1 + 2 * 2 + 20  # title, two photos' caption and credit, segments
    for language in OTHER_TARGETS:
        assert states(seed_release, language) == dict.fromkeys(keys, UnitState.UNTRANSLATED)
    assert not UnitStatus.objects.filter(language="en").exists()
    # Nothing happened to a unit yet, so nothing is logged.
    assert not Event.objects.exists()


def test_a_translators_save_makes_a_draft_by_that_translator(seed_release, users):
    key = segment_key(seed_release, 1)
    write(seed_release, users["translator-ja"], set_text(1, "ja", "北方領土問題"))
    row = status(seed_release, key, "ja")
    assert row.state == UnitState.DRAFT
    assert row.translated_by == users["translator-ja"]
    assert row.target_checksum == text_checksum("北方領土問題")
    assert row.source_checksum == text_checksum("Northern Territories issue")
    assert row.revision_number == 2
    event = Event.objects.get()
    assert (event.key, event.language, event.action) == (key, "ja", EventAction.EDITED)
    assert (event.from_state, event.to_state) == (UnitState.UNTRANSLATED, UnitState.DRAFT)
    assert (event.actor, event.revision_number) == (users["translator-ja"], 2)
    assert status(seed_release, key, "ru").state == UnitState.UNTRANSLATED
    others = states(seed_release, "ja")
    del others[key]
    assert set(others.values()) == {UnitState.UNTRANSLATED}


@pytest.mark.parametrize("submit", [True, "keys"])
def test_a_save_that_submits_sends_the_units_to_review(seed_release, users, submit):
    first, second = segment_key(seed_release, 1), segment_key(seed_release, 2)
    wanted = True if submit is True else {first}

    def change(content):
        content["segments"][1]["text"]["ru"] = "Проблема северных территорий"
        content["segments"][2]["text"]["ru"] = "Лидеры провели обсуждение."

    write(seed_release, users["translator-ru"], change, context={"submit": {"ru": wanted}})
    assert status(seed_release, first, "ru").state == UnitState.NEEDS_REVIEW
    expected = UnitState.NEEDS_REVIEW if submit is True else UnitState.DRAFT
    assert status(seed_release, second, "ru").state == expected
    submitted = Event.objects.get(key=first)
    assert submitted.action == EventAction.SUBMITTED
    assert submitted.to_state == UnitState.NEEDS_REVIEW


def test_submitting_one_language_leaves_the_other_a_draft(seed_release, editor):
    key = segment_key(seed_release, 1)

    def change(content):
        content["segments"][1]["text"].update(ja="北方領土問題", ru="Проблема северных территорий")

    write(seed_release, editor, change, context={"submit": {"ja": True}})
    assert status(seed_release, key, "ja").state == UnitState.NEEDS_REVIEW
    assert status(seed_release, key, "ru").state == UnitState.DRAFT


# --- the source changes: outdated ----------------------------------------------------------


def test_an_english_edit_outdates_that_units_translations_only(release, editor):
    key = segment_key(release, REVISED)
    old = english(release, REVISED)
    translators = {lang: status(release, key, lang).translated_by for lang in OTHER_TARGETS}
    before = other_rows(release, key)
    write(release, editor, set_text(REVISED, "en", revised(old)))
    assert_outdated(release, key, old, revision=3)
    # Who translated it is kept: the translation is theirs, only its source moved on.
    assert {lang: status(release, key, lang).translated_by for lang in OTHER_TARGETS} == (
        translators
    )
    assert other_rows(release, key) == before
    # One revision's state changes are one batch.
    assert Event.objects.filter(revision_number=3).values("batch").distinct().count() == 1


def test_a_second_english_edit_keeps_the_source_the_translation_was_made_from(release, editor):
    key = segment_key(release, REVISED)
    old = english(release, REVISED)
    write(release, editor, set_text(REVISED, "en", revised(old, "in detail")))
    write(release, editor, set_text(REVISED, "en", revised(old, "briefly")))
    for language in OTHER_TARGETS:
        row = status(release, key, language)
        assert (row.state, row.source_previous, row.revision_number) == (
            UnitState.OUTDATED,
            old,
            3,
        )
    assert Event.objects.filter(action=EventAction.OUTDATED).count() == 2


def test_the_english_put_back_approves_the_translation_again(release, users):
    editor = users["editor"]
    key = segment_key(release, REVISED)
    old = english(release, REVISED)
    before = {lang: status(release, key, lang) for lang in OTHER_TARGETS}
    write(release, editor, set_text(REVISED, "en", revised(old, "in detail")))
    write(release, editor, set_text(REVISED, "en", old))
    for language in OTHER_TARGETS:
        row = status(release, key, language)
        # Both texts are those the reviewer approved: approved again, by that reviewer.
        assert (row.state, row.source_previous) == (UnitState.APPROVED, "")
        assert row.source_checksum == text_checksum(old)
        assert row.approved_by == users[f"reviewer-{language}"]
        assert row.translated_by == before[language].translated_by
        event = Event.objects.filter(key=key, language=language).order_by("id").last()
        assert (event.action, event.from_state, event.to_state, event.revision_number) == (
            EventAction.REAPPROVED,
            UnitState.OUTDATED,
            UnitState.APPROVED,
            4,
        )
        assert (event.actor, event.reason) == (editor, f"reviewer-{language}")


@pytest.mark.parametrize("unit", ["title", "caption"])
def test_title_and_caption_edits_outdate_their_translations(release, editor, unit):
    if unit == "title":
        key, old = TITLE, release.title_en

        def change(content):
            content["title"]["en"] = "Japan-Russia Summit Meeting in Hamburg"

    else:
        photo = release.photos.order_by("position").first()
        key, old = f"{photo.key}:caption", photo.caption_en

        def change(content):
            content["photos"][0]["caption"]["en"] = old + " in Hamburg"

    before = other_rows(release, key)
    write(release, editor, change)
    assert_outdated(release, key, old, revision=3)
    assert other_rows(release, key) == before


def test_restore_outdates_translations_whose_source_it_changes(release, editor, users):
    key = segment_key(release, REVISED)
    original = english(release, REVISED)
    changed = revised(original)
    write(release, editor, set_text(REVISED, "en", changed))
    # The translators confirm the old translations for the new English; reviewers approve.
    for language in OTHER_TARGETS:
        approve_all(release, language, users[f"reviewer-{language}"])
    assert {status(release, key, lang).state for lang in OTHER_TARGETS} == {UnitState.APPROVED}
    revision_restore(release, 2, author=editor)
    release.refresh_from_db()
    assert release.head_number == 4 and english(release, REVISED) == original
    for language in OTHER_TARGETS:
        row = status(release, key, language)
        assert (row.state, row.source_previous) == (UnitState.OUTDATED, changed)
    assert set(states(release, "ja").values()) == {UnitState.APPROVED, UnitState.OUTDATED}


def test_json_import_outdates_translations(release, editor):
    key = segment_key(release, REVISED)
    old = english(release, REVISED)
    document = json.loads(json.dumps(release_document(release)))
    segment = next(item for item in document["segments"] if item["key"] == key)
    segment["text"] = {"en": revised(old)}
    release_import_document(document, author=editor)
    assert_outdated(release, key, old, revision=3)


def test_text_reimport_outdates_translations(demo, editor):
    release = demo["release"]
    key = segment_key(release, 11)
    assert english(release, 11) == "Issues of North Korea"
    edited = SEED.read_text("utf-8").replace(
        "2. Issues of North Korea", "2. Issues concerning North Korea"
    )
    result = release_import_text(parse_release_text(edited.encode("utf-8")), author=editor)
    assert result.revision.number == 3
    assert_outdated(release, key, "Issues of North Korea", revision=3)
    outdated = UnitStatus.objects.filter(release=release, state=UnitState.OUTDATED)
    assert set(outdated.values_list("key", flat=True)) == {key}


def test_admin_form_save_outdates_translations(client, release, editor):
    key = segment_key(release, REVISED)
    old = english(release, REVISED)
    client.force_login(editor)
    data = form_data(client.get(change_url(release)))
    field = next(name for name, value in data.items() if name.endswith("-text_en") and value == old)
    data[field] = revised(old)
    response = client.post(change_url(release), data)
    assert response.status_code == 302
    assert_outdated(release, key, old, revision=3)


# --- targets cleared, units removed, approvals lost -----------------------------------------


def test_clearing_a_translation_makes_it_untranslated(release, users):
    key = segment_key(release, 1)
    write(release, users["translator-ru"], set_text(1, "ru", ""))
    row = status(release, key, "ru")
    assert row.state == UnitState.UNTRANSLATED
    assert (row.translated_by, row.approved_by, row.target_checksum) == (None, None, "")
    event = Event.objects.get(key=key, revision_number=3)
    assert (event.action, event.from_state, event.to_state) == (
        EventAction.CLEARED,
        UnitState.APPROVED,
        UnitState.UNTRANSLATED,
    )
    assert event.actor == users["translator-ru"]
    assert status(release, key, "ja").state == UnitState.APPROVED


def test_an_english_edit_of_an_untranslated_unit_logs_nothing(seed_release, editor):
    key = segment_key(seed_release, 1)
    write(seed_release, editor, set_text(1, "en", "Northern Territories issues"))
    row = status(seed_release, key, "ja")
    assert row.state == UnitState.UNTRANSLATED
    assert row.source_checksum == text_checksum("Northern Territories issues")
    assert not Event.objects.exists()


def test_removing_a_segment_removes_its_states(release, editor):
    key = segment_key(release, 2)
    count = UnitStatus.objects.filter(release=release).count()

    def remove(content):
        del content["segments"][2]

    write(release, editor, remove)
    assert not UnitStatus.objects.filter(release=release, key=key).exists()
    assert UnitStatus.objects.filter(release=release).count() == count - 2


def test_a_new_segment_starts_untranslated(release, editor):

    def add(content):
        content["segments"].append(
            {
                "key": "33333333-3333-4333-8333-333333333333",
                "kind": "paragraph",
                "level": 0,
                "text": {"en": "The leaders will meet again in September."},
            }
        )

    write(release, editor, add)
    for language in OTHER_TARGETS:
        row = status(release, "33333333-3333-4333-8333-333333333333", language)
        assert (row.state, row.revision_number) == (UnitState.UNTRANSLATED, 3)


def test_an_approved_translation_that_changes_is_a_draft_again(release, users):
    key = segment_key(release, 1)
    assert status(release, key, "ja").approved_by == users["reviewer-ja"]
    write(release, users["translator-ja"], set_text(1, "ja", "北方領土問題について"))
    row = status(release, key, "ja")
    assert (row.state, row.approved_by, row.translated_by) == (
        UnitState.DRAFT,
        None,
        users["translator-ja"],
    )


def test_confirming_an_outdated_translation_makes_the_submitter_its_translator(release, users):
    key = segment_key(release, REVISED)
    old = english(release, REVISED)
    new = revised(old)
    write(release, users["editor"], set_text(REVISED, "en", new))
    units_submit(release, "ja", [key], users["translator-ja"], based_on=release.head_number)
    row = status(release, key, "ja")
    assert (row.state, row.translated_by) == (UnitState.NEEDS_REVIEW, users["translator-ja"])
    # Confirmed for the new English; the English it was made from stays for the reviewer.
    assert (row.source_checksum, row.source_previous) == (text_checksum(new), old)
    units_approve(release, "ja", [key], users["reviewer-ja"], based_on=release.head_number)
    row = status(release, key, "ja")
    assert (row.state, row.source_previous) == (UnitState.APPROVED, "")


# --- a release whose source is Japanese -----------------------------------------------------


def japanese_source_document():
    return {
        "slug": "japan-russia-summit-japanese-original",
        "date": "2017-07-07",
        "source_language": "ja",
        "topic": {"slug": "japan-russia-relations", "name": {"ja": "日露関係"}},
        "title": {"ja": "日露首脳会談", "en": "Japan-Russia Summit Meeting"},
        "photos": [],
        "segments": [
            {
                "key": "44444444-4444-4444-8444-444444444444",
                "kind": "heading",
                "level": 1,
                "text": {"ja": "北方領土問題", "en": "Northern Territories issue"},
            },
            {
                "key": "55555555-5555-4555-8555-555555555555",
                "kind": "paragraph",
                "level": 0,
                "text": {"ja": "両首脳は平和条約締結問題を議論した。"},
            },
        ],
    }


def test_a_japanese_source_release_has_english_and_russian_targets(editor, users):
    release = release_write(japanese_source_document(), author=editor).release
    assert set(UnitStatus.objects.values_list("language", flat=True)) == {"en", "ru"}
    heading = "44444444-4444-4444-8444-444444444444"
    assert states(release, "en") == {
        TITLE: UnitState.DRAFT,
        heading: UnitState.DRAFT,
        "55555555-5555-4555-8555-555555555555": UnitState.UNTRANSLATED,
    }
    assert set(states(release, "ru").values()) == {UnitState.UNTRANSLATED}
    assert status(release, heading, "en").source_checksum == text_checksum("北方領土問題")
    # An English edit is a translation's edit here; a Japanese edit outdates the English.
    write(release, editor, set_text(0, "en", "Northern Territories"))
    assert status(release, heading, "en").state == UnitState.DRAFT
    write(release, editor, set_text(0, "ja", "北方領土問題について"))
    row = status(release, heading, "en")
    assert (row.state, row.source_previous) == (UnitState.OUTDATED, "北方領土問題")
    assert status(release, heading, "ru").state == UnitState.UNTRANSLATED


def test_switching_the_source_language_keeps_the_previous_source_text(release, editor):
    key = segment_key(release, REVISED)
    old_english = english(release, REVISED)

    def to_japanese(content):
        content["source_language"] = "ja"

    write(release, editor, to_japanese)
    assert set(UnitStatus.objects.values_list("language", flat=True)) == {"en", "ru"}
    row = status(release, key, "ru")
    # The Russian was made from the English: that is what it follows, and what changed.
    assert (row.state, row.source_previous) == (UnitState.OUTDATED, old_english)
    assert Revision.objects.get(release=release, number=3).snapshot["source_language"] == "ja"
