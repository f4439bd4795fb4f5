"""The demo: reviewed and published in three languages, with work waiting in the queues."""

import pytest
from django.contrib.auth.models import Group

from records.models import Publication, Release
from translations.demo import COMMENT_RU, REVISED_EN, REVISED_INDEX, demo_load_all
from translations.models import Concept, GlossaryState, Term
from translations.notifications.models import Notification
from translations.review.models import Comment, Event, UnitStatus
from translations.review.vocabulary import EventAction, UnitState

from .reviewing import review_tables, segment_key

pytestmark = pytest.mark.django_db


def test_the_demo_scenario(demo_scenario):
    release, users = demo_scenario["release"], demo_scenario["users"]
    key = segment_key(release, REVISED_INDEX)
    segment = release.segments.get(key=key)
    assert REVISED_EN[1] in segment.text_en

    ja = UnitStatus.objects.get(release=release, key=key, language="ja")
    assert ja.state == UnitState.OUTDATED
    assert REVISED_EN[0] in ja.source_previous and REVISED_EN[1] not in ja.source_previous
    assert (ja.translated_by, ja.approved_by) == (users["editor"], None)

    ru = UnitStatus.objects.get(release=release, key=key, language="ru")
    assert (ru.state, ru.translated_by) == (UnitState.NEEDS_REVIEW, users["translator-ru"])
    assert ru.revision_number == release.head_number == 4
    comment = Comment.objects.get(release=release)
    assert (comment.key, comment.language, comment.author, comment.text) == (
        key,
        "ru",
        users["translator-ru"],
        COMMENT_RU,
    )
    assert comment.is_open and comment.parent is None

    others = UnitStatus.objects.filter(release=release).exclude(key=key)
    assert others.count() == 2 * 24
    assert set(others.values_list("state", flat=True)) == {UnitState.APPROVED}
    for code in ("ja", "ru"):
        approvers = set(
            others.filter(language=code).values_list("approved_by__username", flat=True)
        )
        assert approvers == {f"reviewer-{code}"}

    published = dict(
        Publication.objects.filter(release=release).values_list("language", "revision__number")
    )
    assert published == {"en": 2, "ja": 2, "ru": 2}


def test_the_demo_log_tells_its_story(demo_scenario):
    release = demo_scenario["release"]
    key = segment_key(release, REVISED_INDEX)
    story = list(
        Event.objects.filter(release=release, key=key)
        .order_by("id")
        .values_list("language", "action", "actor__username", "revision_number")
    )
    assert story == [
        ("ja", EventAction.SUBMITTED, "editor", 2),
        ("ru", EventAction.SUBMITTED, "editor", 2),
        ("ja", EventAction.APPROVED, "reviewer-ja", 2),
        ("ru", EventAction.APPROVED, "reviewer-ru", 2),
        ("ja", EventAction.OUTDATED, "editor", 3),
        ("ru", EventAction.OUTDATED, "editor", 3),
        ("ru", EventAction.SUBMITTED, "translator-ru", 4),
        ("ru", EventAction.COMMENTED, "translator-ru", 4),
    ]


def test_without_the_scenario_everything_is_approved(demo):
    release = demo["release"]
    assert release.head_number == 2
    assert set(UnitStatus.objects.values_list("state", flat=True)) == {UnitState.APPROVED}
    assert not Comment.objects.exists()


def everything():
    return {
        **review_tables(),
        "releases": list(Release.objects.values_list("pk", "head_number")),
        "glossary": (
            GlossaryState.current(),
            list(Concept.objects.values_list("pk", flat=True)),
            list(Term.objects.order_by("pk").values_list("pk", "text", "status")),
        ),
        "groups": sorted(
            (group.name, sorted(group.permissions.values_list("codename", flat=True)))
            for group in Group.objects.all()
        ),
    }


def test_loading_the_demo_again_changes_nothing(demo_scenario):
    before = everything()
    again = demo_load_all(password="test-password-123")
    assert again["created"] is False and again["release"] == demo_scenario["release"]
    assert everything() == before


def test_the_demo_inbox_holds_only_the_work_in_progress(demo_scenario):
    """The demo's past (submitted, approved, ready to publish, published) was told of while
    loading: read and mailed to nobody. Only translator-ru's submission is news, to reviewer-ru."""
    users = demo_scenario["users"]
    unread = list(
        Notification.objects.filter(read_at__isnull=True).values_list(
            "recipient__username", "kind", "payload__count"
        )
    )
    assert unread == [("reviewer-ru", EventAction.SUBMITTED, 1)]
    assert Notification.objects.filter(read_at__isnull=False).count() >= 4
    # Nothing of the past waits for a mail; loading again tells nobody anything.
    assert set(
        Notification.objects.filter(sent_at__isnull=True).values_list("recipient", flat=True)
    ) <= {users["reviewer-ru"].pk}
    before = list(Notification.objects.order_by("pk").values())
    demo_load_all(password="test-password-123")
    assert list(Notification.objects.order_by("pk").values()) == before
