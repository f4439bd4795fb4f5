"""Review actions: every transition, four eyes, and every refusal leaving the database as it was."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.db.models import F

from records.services import ActionNotAllowed
from tests.scenarios import glossary_with
from translations.review.actions import (
    ReviewError,
    comment_add,
    comment_resolve,
    finding_override,
    units_approve,
    units_request_changes,
    units_submit,
)
from translations.review.models import MAX_COMMENT_CHARS, Comment, Event, UnitStatus
from translations.review.vocabulary import EventAction, UnitState
from translations.roles import reviewers

from .reviewing import review_tables, segment_key, set_text, status, write

pytestmark = pytest.mark.django_db

REVISED = 6  # the revised segment (the seventh): Japanese outdated, Russian waiting for review


@pytest.fixture
def scenario(in_progress):
    """The work in progress (conftest's ``in_progress``: the seventh paragraph revised in
    English, its Japanese outdated, its Russian submitted with a comment), and a glossary with
    the Northern Territories."""
    glossary_with(
        (
            "northern-territories",
            {"en": "Northern Territories", "ja": "北方領土", "ru": "северные территории"},
        )
    )
    return in_progress


def second_reviewer(language):
    user = get_user_model().objects.create_user(f"reviewer-{language}-2", "r2@example.org")
    user.groups.add(Group.objects.get(name=reviewers(language)))
    return user


# --- transitions --------------------------------------------------------------------------


def test_submit_approve_and_request_changes(published, users):
    release = published["release"]
    key = segment_key(release, 1)
    write(release, users["translator-ja"], set_text(1, "ja", "北方領土の問題"))
    head = release.head_number
    units_submit(release, "ja", [key], users["translator-ja"], based_on=head)
    row = status(release, key, "ja")
    assert (row.state, row.translated_by) == (UnitState.NEEDS_REVIEW, users["translator-ja"])

    units_request_changes(
        release, "ja", [key], users["reviewer-ja"], comment="「問題」で十分です", based_on=head
    )
    row = status(release, key, "ja")
    assert (row.state, row.approved_by) == (UnitState.DRAFT, None)
    thread = Comment.objects.get(release=release, key=key)
    assert (thread.language, thread.author, thread.text) == (
        "ja",
        users["reviewer-ja"],
        "「問題」で十分です",
    )

    units_submit(release, "ja", [key], users["translator-ja"], based_on=head)
    units_approve(release, "ja", [key], users["reviewer-ja"], based_on=head)
    row = status(release, key, "ja")
    assert (row.state, row.approved_by) == (UnitState.APPROVED, users["reviewer-ja"])
    actions = list(
        Event.objects.filter(key=key, language="ja", revision_number=head)
        .order_by("id")
        .values_list("action", "from_state", "to_state", "actor__username")
    )
    assert actions == [
        (EventAction.EDITED, UnitState.APPROVED, UnitState.DRAFT, "translator-ja"),
        (EventAction.SUBMITTED, UnitState.DRAFT, UnitState.NEEDS_REVIEW, "translator-ja"),
        (
            EventAction.CHANGES_REQUESTED,
            UnitState.NEEDS_REVIEW,
            UnitState.DRAFT,
            "reviewer-ja",
        ),
        (EventAction.SUBMITTED, UnitState.DRAFT, UnitState.NEEDS_REVIEW, "translator-ja"),
        (EventAction.APPROVED, UnitState.NEEDS_REVIEW, UnitState.APPROVED, "reviewer-ja"),
    ]


def test_changes_requested_on_an_approved_unit(published, users):
    release = published["release"]
    key = segment_key(release, 1)
    units_request_changes(
        release, "ru", [key], users["reviewer-ru"], comment="Уточнить", based_on=2
    )
    assert status(release, key, "ru").state == UnitState.DRAFT


def test_the_submitted_russian_is_approved_by_its_reviewer(scenario):
    release, users, key = scenario["release"], scenario["users"], scenario["key"]
    units_approve(release, "ru", [key], users["reviewer-ru"], based_on=release.head_number)
    assert status(release, key, "ru").approved_by == users["reviewer-ru"]


def test_comment_reply_resolve_and_a_reply_reopens(scenario):
    release, users, thread = scenario["release"], scenario["users"], scenario["comment"]
    reply = comment_add(
        release, "ignored", "ja", "Порядок слов верный.", users["reviewer-ru"], parent=thread
    )
    # A reply joins its thread, whatever unit and language the caller named.
    assert (reply.key, reply.language, reply.parent) == (thread.key, "ru", thread)
    comment_resolve(thread, users["reviewer-ru"])
    thread.refresh_from_db()
    assert (thread.is_open, thread.resolved_by) == (False, users["reviewer-ru"])
    comment_add(release, None, None, "Ещё вопрос.", users["translator-ru"], parent=thread)
    thread.refresh_from_db()
    assert thread.is_open
    actions = list(
        Event.objects.filter(key=thread.key).order_by("-id").values_list("action", flat=True)[:3]
    )
    assert actions == [EventAction.COMMENTED, EventAction.RESOLVED, EventAction.COMMENTED]


def test_a_comment_on_the_source_text(scenario):
    release, users, key = scenario["release"], scenario["users"], scenario["key"]
    comment = comment_add(
        release, key, "en", "Is “late August” still right?", users["translator-ja"]
    )
    assert (comment.language, comment.parent) == ("en", None)


# --- four eyes ----------------------------------------------------------------------------


def test_a_superuser_may_not_approve_their_own_translation(published, users):
    release = published["release"]
    key = segment_key(release, 1)
    admin = users["admin"]
    write(release, admin, set_text(1, "ja", "北方領土の問題"), context={"submit": {"ja": True}})
    assert status(release, key, "ja").translated_by == admin
    before = review_tables()
    with pytest.raises(ActionNotAllowed, match=r"admin translated segment 2 and may not approve"):
        units_approve(release, "ja", [key], admin, based_on=release.head_number)
    assert review_tables() == before
    units_approve(release, "ja", [key], users["reviewer-ja"], based_on=release.head_number)
    assert status(release, key, "ja").state == UnitState.APPROVED


def test_a_reviewers_own_edit_needs_another_reviewer(published, users):
    release = published["release"]
    key = segment_key(release, 1)
    reviewer = users["reviewer-ru"]
    write(
        release,
        reviewer,
        set_text(1, "ru", "Вопрос северных территорий"),
        context={"submit": {"ru": True}},
    )
    before = review_tables()
    with pytest.raises(ActionNotAllowed, match="another reviewer must"):
        units_approve(release, "ru", [key], reviewer, based_on=release.head_number)
    assert review_tables() == before
    other = second_reviewer("ru")
    units_approve(release, "ru", [key], other, based_on=release.head_number)
    assert status(release, key, "ru").approved_by == other


def test_whoever_confirms_an_outdated_translation_may_not_approve_it(scenario):
    release, users, key = scenario["release"], scenario["users"], scenario["key"]
    reviewer = users["reviewer-ja"]
    units_submit(release, "ja", [key], reviewer, based_on=release.head_number)
    with pytest.raises(ActionNotAllowed, match="reviewer-ja translated segment 7"):
        units_approve(release, "ja", [key], reviewer, based_on=release.head_number)


def test_the_database_refuses_self_approval(published):
    row = UnitStatus.objects.filter(release=published["release"], language="ja").first()
    assert row.state == UnitState.APPROVED and row.translated_by_id
    rows = UnitStatus.objects.filter(pk=row.pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.update(approved_by=F("translated_by"))
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.update(approved_by=None)
    draft = UnitStatus.objects.filter(pk=row.pk)
    draft.update(state=UnitState.DRAFT, approved_by=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        draft.update(state=UnitState.APPROVED, approved_by=F("translated_by"))
    # A text no one is named for (written by the system) may be approved by anyone.
    draft.update(state=UnitState.APPROVED, translated_by=None, approved_by=row.approved_by)
    assert UnitStatus.objects.get(pk=row.pk).state == UnitState.APPROVED


# --- refusals -----------------------------------------------------------------------------
# Each case prepares what it needs and returns the call that must be refused.


def approve(user, *, language="ru", key=None, based_on=None):
    def prepare(ctx):
        release = ctx["release"]
        head = release.head_number if based_on is None else based_on
        keys = [key or ctx["key"]]
        return lambda: units_approve(release, language, keys, ctx["users"][user], based_on=head)

    return prepare


def _approve_draft(ctx):
    release, users = ctx["release"], ctx["users"]
    write(release, users["translator-ja"], set_text(1, "ja", "北方領土の問題"))
    key = segment_key(release, 1)
    return lambda: units_approve(
        release, "ja", [key], users["reviewer-ja"], based_on=release.head_number
    )


def _approve_nothing(ctx):
    release = ctx["release"]
    return lambda: units_approve(
        release, "ru", [], ctx["users"]["reviewer-ru"], based_on=release.head_number
    )


def _inactive_reviewer(ctx):
    reviewer = ctx["users"]["reviewer-ru"]
    reviewer.is_active = False
    reviewer.save()
    return approve("reviewer-ru")(ctx)


def submit(user, language):
    def prepare(ctx):
        release, keys = ctx["release"], [ctx["key"]]
        return lambda: units_submit(release, language, keys, ctx["users"][user])

    return prepare


def request_changes(comment, language="ru"):
    def prepare(ctx):
        release, keys = ctx["release"], [ctx["key"]]
        reviewer = ctx["users"][f"reviewer-{language}"]
        return lambda: units_request_changes(
            release, language, keys, reviewer, comment=comment, based_on=release.head_number
        )

    return prepare


def override(reason, user="reviewer-ru"):
    def prepare(ctx):
        from translations.models import Concept

        concept = Concept.objects.get(identifier="northern-territories").pk
        return lambda: finding_override(
            ctx["release"],
            "ru",
            ctx["key"],
            check_id="forbidden-term",
            concept_id=concept,
            reason=reason,
            user=ctx["users"][user],
        )

    return prepare


def comment(text, key=None, language="ru", user="translator-ru"):
    def prepare(ctx):
        return lambda: comment_add(
            ctx["release"], key or ctx["key"], language, text, ctx["users"][user]
        )

    return prepare


def _reply(ctx):
    return comment_add(
        ctx["release"], None, None, "Да.", ctx["users"]["reviewer-ru"], parent=ctx["comment"]
    )


def _reply_to_a_reply(ctx):
    reply = _reply(ctx)
    user = ctx["users"]["translator-ru"]
    return lambda: comment_add(ctx["release"], None, None, "Нет.", user, parent=reply)


def resolve(user):
    return lambda ctx: lambda: comment_resolve(ctx["comment"], ctx["users"][user])


def _resolve_twice(ctx):
    comment_resolve(ctx["comment"], ctx["users"]["reviewer-ru"])
    return lambda: comment_resolve(ctx["comment"], ctx["users"]["translator-ru"])


def _resolve_a_reply(ctx):
    reply = _reply(ctx)
    return lambda: comment_resolve(reply, ctx["users"]["reviewer-ru"])


def _resolve_resolved_as_terminologist(ctx):
    comment_resolve(ctx["comment"], ctx["users"]["reviewer-ru"])
    return lambda: comment_resolve(ctx["comment"], ctx["users"]["terminologist"])


REFUSALS = {
    "approve without the review permission": (
        approve("translator-ru"),
        ActionNotAllowed,
        "translator-ru may not approve Russian units; nothing was changed",
    ),
    "approve as an editor": (approve("editor"), ActionNotAllowed, "editor may not approve"),
    "approve in another language": (
        approve("reviewer-ja"),
        ActionNotAllowed,
        "reviewer-ja may not approve Russian units",
    ),
    "approve as an inactive reviewer": (
        _inactive_reviewer,
        ActionNotAllowed,
        "reviewer-ru may not approve Russian units",
    ),
    "approve a draft": (
        _approve_draft,
        ReviewError,
        "segment 2 is “draft”: it cannot be approved; nothing was changed",
    ),
    "approve an outdated unit": (
        approve("reviewer-ja", language="ja"),
        ReviewError,
        "segment 7 is “outdated”: it cannot be approved",
    ),
    "approve a stale revision": (
        approve("reviewer-ru", based_on=3),
        ReviewError,
        "segment 7 changed in revision 4, after the revision 3 you were looking at",
    ),
    "approve a revision that does not exist": (
        approve("reviewer-ru", based_on=99),
        ReviewError,
        "has no revision 99",
    ),
    "approve an unknown unit": (
        approve("reviewer-ru", key="no-such-unit"),
        ReviewError,
        "has no unit no-such-unit to review; nothing was changed",
    ),
    "approve no units": (_approve_nothing, ReviewError, "no units were named"),
    "approve in the source language": (
        approve("reviewer-ru", language="en"),
        ReviewError,
        "en is not a target language of “summit-meeting-2017-07-07”: English is "
        r"the source language \(its targets: ja, ru\)",
    ),
    "approve in an unknown language": (
        approve("reviewer-ru", language="fr"),
        ReviewError,
        "fr is not a target language",
    ),
    "submit a unit already waiting": (
        submit("translator-ru", "ru"),
        ReviewError,
        "segment 7 is “needs review”: it cannot be submitted",
    ),
    "submit without the edit permission": (
        submit("terminologist", "ja"),
        ActionNotAllowed,
        "terminologist may not submit Japanese units",
    ),
    "submit another language": (
        submit("translator-ru", "ja"),
        ActionNotAllowed,
        "translator-ru may not submit Japanese units",
    ),
    "request changes without a comment": (
        request_changes("  "),
        ReviewError,
        "the comment is empty; nothing was changed",
    ),
    "request changes on an outdated unit": (
        request_changes("?", language="ja"),
        ReviewError,
        "segment 7 is “outdated”: it cannot be sent back for changes",
    ),
    "override without a reason": (override(""), ReviewError, "the reason is empty"),
    "override a finding that does not exist": (
        override("Цитата"),
        ReviewError,
        "there is no such finding on the current text; nothing was changed",
    ),
    "override without the review permission": (
        override("Цитата", user="translator-ru"),
        ActionNotAllowed,
        "translator-ru may not override findings of Russian units",
    ),
    "comment with a control character": (
        comment("Проверьте\x07 порядок"),
        ReviewError,
        r"the comment: contains the control character U\+0007 at position 10",
    ),
    "comment too long": (
        comment("я" * (MAX_COMMENT_CHARS + 1)),
        ReviewError,
        rf"the comment is too long \({MAX_COMMENT_CHARS + 1} characters; at most "
        rf"{MAX_COMMENT_CHARS}\)",
    ),
    "comment empty": (comment("\n \t"), ReviewError, "the comment is empty"),
    "comment on an unknown unit": (
        comment("?", key="no-such-unit"),
        ReviewError,
        "has no unit no-such-unit; nothing was changed",
    ),
    "comment in an unknown language": (
        comment("?", language="fr"),
        ReviewError,
        "unknown language “fr”",
    ),
    "reply to a reply": (_reply_to_a_reply, ReviewError, "a reply must answer a thread"),
    "resolve someone else's thread as a terminologist": (
        resolve("terminologist"),
        ActionNotAllowed,
        "terminologist may not resolve this thread; nothing was changed",
    ),
    "resolve a thread of another language": (
        resolve("translator-ja"),
        ActionNotAllowed,
        "translator-ja may not resolve this thread",
    ),
    "resolve a resolved thread as a terminologist": (
        _resolve_resolved_as_terminologist,
        ActionNotAllowed,
        "terminologist may not resolve this thread",
    ),
    "resolve twice": (
        _resolve_twice,
        ReviewError,
        "this thread is already resolved; nothing was changed",
    ),
    "resolve a reply": (_resolve_a_reply, ReviewError, "resolve the thread, not a reply"),
}


@pytest.mark.parametrize("case", REFUSALS)
def test_refusals_are_clear_and_change_nothing(scenario, case):
    prepare, error, message = REFUSALS[case]
    refused = prepare(scenario)
    before = review_tables()
    with pytest.raises(error, match=message):
        refused()
    assert review_tables() == before
