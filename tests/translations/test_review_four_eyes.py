"""Four eyes as ISO 17100 means it: a translator translates, a second person revises.

A reviewer's corrections of someone else's translation under review make them its reviser,
not its translator, so they may approve it; a text the reviewer wrote needs another reviewer,
and where there is none, the queue, the editor's pages and the refusal say so.
"""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from records.services import ActionNotAllowed
from tests.scenarios import published_release
from translations.review.actions import units_approve, units_request_changes
from translations.review.editing import unit_save
from translations.review.gate import language_problems, publication_status
from translations.review.models import Event, UnitStatus
from translations.review.queue import my_work
from translations.review.vocabulary import EventAction, UnitState

from .reviewing import review_tables, segment_key, status

pytestmark = pytest.mark.django_db

INDEX = 1


@pytest.fixture
def release(users):
    """A published release whose segment 2 translator-ja retranslated and submitted."""
    release = published_release(units=4)
    key = segment_key(release, INDEX)
    unit_save(
        release,
        "ja",
        key,
        "両首脳は北方四島の問題を話し合った。",
        users["translator-ja"],
        based_on=release.head_number,
        submit=True,
    )
    release.refresh_from_db()
    return release


def save(release, user, text, *, submit=False):
    release.refresh_from_db()
    key = segment_key(release, INDEX)
    unit_save(release, "ja", key, text, user, based_on=release.head_number, submit=submit)
    release.refresh_from_db()
    return status(release, key, "ja")


def approve(release, user):
    release.refresh_from_db()
    units_approve(release, "ja", [segment_key(release, INDEX)], user, based_on=release.head_number)


def test_a_reviewers_correction_under_review_revises_and_they_may_approve_it(release, users):
    row = save(release, users["reviewer-ja"], "両首脳は北方四島の問題について話し合った。")
    assert row.state == UnitState.NEEDS_REVIEW
    assert row.translated_by == users["translator-ja"]
    assert row.revised_by == users["reviewer-ja"]
    event = Event.objects.filter(key=row.key, language="ja").order_by("id").last()
    assert (event.action, event.actor, event.from_state, event.to_state) == (
        EventAction.REVISED,
        users["reviewer-ja"],
        UnitState.NEEDS_REVIEW,
        UnitState.NEEDS_REVIEW,
    )
    approve(release, users["reviewer-ja"])
    row.refresh_from_db()
    assert (row.state, row.approved_by, row.translated_by, row.revised_by) == (
        UnitState.APPROVED,
        users["reviewer-ja"],
        users["translator-ja"],
        users["reviewer-ja"],
    )
    assert row.approval_text == "両首脳は北方四島の問題について話し合った。"


def test_the_unit_history_says_revised_by(client, release, users):
    row = save(release, users["reviewer-ja"], "両首脳は北方四島の問題について話し合った。")
    client.force_login(users["translator-ja"])
    page = client.get(reverse("translations:unit_history", args=[release.pk, "ja", row.key]))
    text = page.content.decode()
    assert "revised by reviewer-ja" in text
    assert "translated by translator-ja" in text
    assert str(EventAction.REVISED.label) in text


def test_the_translator_may_not_approve_a_text_the_reviewer_revised(release, users):
    save(release, users["reviewer-ja"], "両首脳は北方四島の問題について話し合った。")
    # The translator holds no review permission at all: refused, nothing changed.
    before = review_tables()
    with pytest.raises(ActionNotAllowed):
        approve(release, users["translator-ja"])
    assert review_tables() == before


def test_a_reviewers_own_translation_from_scratch_needs_another_reviewer(release, users):
    # A draft the reviewer replaces (not under review): the reviewer becomes its translator.
    key = segment_key(release, 2)
    unit_save(
        release,
        "ja",
        key,
        "査読者が一から訳した文。",
        users["reviewer-ja"],
        based_on=release.head_number,
        submit=True,
    )
    row = status(release, key, "ja")
    assert (row.state, row.translated_by, row.revised_by) == (
        UnitState.NEEDS_REVIEW,
        users["reviewer-ja"],
        None,
    )
    release.refresh_from_db()
    before = review_tables()
    with pytest.raises(ActionNotAllowed, match="another reviewer must"):
        units_approve(release, "ja", [key], users["reviewer-ja"], based_on=release.head_number)
    assert review_tables() == before
    # Another reviewer (the superuser) may.
    units_approve(release, "ja", [key], users["admin"], based_on=release.head_number)
    assert status(release, key, "ja").approved_by == users["admin"]


def test_a_reviewer_replacing_a_text_sent_back_becomes_its_translator(release, users):
    units_request_changes(
        release,
        "ja",
        [segment_key(release, INDEX)],
        users["reviewer-ja"],
        comment="語順を見直してください。",
        based_on=release.head_number,
    )
    row = save(release, users["reviewer-ja"], "査読者の訳。", submit=True)
    assert (row.state, row.translated_by, row.revised_by) == (
        UnitState.NEEDS_REVIEW,
        users["reviewer-ja"],
        None,
    )
    before = review_tables()
    with pytest.raises(ActionNotAllowed):
        approve(release, users["reviewer-ja"])
    assert review_tables() == before


@pytest.mark.parametrize("who", ["translator-ja", "editor"])
def test_a_non_reviewers_edit_under_review_makes_them_the_translator(release, users, who):
    save(release, users["reviewer-ja"], "査読者の修正。")
    row = save(release, users[who], "新しい訳。")
    assert (row.state, row.translated_by, row.revised_by) == (
        UnitState.DRAFT,
        users[who],
        None,
    )


def test_the_database_refuses_a_reviser_who_is_the_translator(release, users):
    key = segment_key(release, INDEX)
    rows = UnitStatus.objects.filter(release=release, key=key, language="ja")
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.update(revised_by=users["translator-ja"])
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.update(state=UnitState.APPROVED, approved_by=users["translator-ja"])
    # A reviser approving a translation that is not theirs is what the constraint allows.
    rows.update(
        revised_by=users["reviewer-ja"], state=UnitState.APPROVED, approved_by=users["reviewer-ja"]
    )


# --- nobody else could approve ----------------------------------------------------------------


@pytest.fixture
def alone(release, users):
    """reviewer-ja translated a unit under review and is the only active Japanese reviewer."""
    users["admin"].is_active = False
    users["admin"].save()
    key = segment_key(release, 2)
    unit_save(
        release,
        "ja",
        key,
        "査読者の訳。",
        users["reviewer-ja"],
        based_on=release.head_number,
        submit=True,
    )
    release.refresh_from_db()
    return key


def test_the_queue_says_when_no_other_reviewer_could_approve(client, release, users, alone):
    rows = {row.language: row for row in my_work(users["translator-ja"], [release])}
    assert rows["ja"].no_reviewer == 1
    client.force_login(users["reviewer-ja"])
    page = client.get(reverse("translations:my_work")).content.decode()
    assert "1 unit waits for a reviewer other than its translator, and there is none" in page
    # A second active reviewer (the superuser) lifts it.
    users["admin"].is_active = True
    users["admin"].save()
    rows = {row.language: row for row in my_work(users["translator-ja"], [release])}
    assert rows["ja"].no_reviewer == 0


def test_the_editor_hears_of_it_on_the_history_page_and_when_publishing(release, users, alone):
    problems = language_problems(release, "ja", release.revisions.get(number=release.head_number))
    assert any("no Japanese reviewer but its translator" in problem for problem in problems)
    status_ = publication_status(release, release.revisions.get(number=release.head_number))
    assert any("no Japanese reviewer but its translator" in p for p in status_["ja"])
    assert not any("reviewer but" in p for p in status_["ru"])


def test_the_refusal_says_nobody_else_reviews_the_language(release, users, alone):
    before = review_tables()
    with pytest.raises(ActionNotAllowed, match="no other user reviews Japanese"):
        units_approve(release, "ja", [alone], users["reviewer-ja"], based_on=release.head_number)
    assert review_tables() == before


def test_a_unit_revised_by_the_only_reviewer_is_no_dead_end(release, users):
    users["admin"].is_active = False
    users["admin"].save()
    save(release, users["reviewer-ja"], "両首脳は北方四島の問題について話し合った。")
    assert my_work(users["reviewer-ja"], [release])[0].no_reviewer == 0
    approve(release, users["reviewer-ja"])
    assert status(release, segment_key(release, INDEX), "ja").state == UnitState.APPROVED
