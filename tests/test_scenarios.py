"""The test scenarios (tests/scenarios.py) leave what the same actions of users would."""

import pytest

from records.models import Publication, Revision
from tests.scenarios import (
    PASSWORD,
    glossary_with,
    keys_in,
    paragraph,
    published_release,
    release_with,
    team,
    user_with_role,
    work_in_progress,
)
from translations.models import Concept, Term
from translations.review.models import UnitStatus
from translations.review.permissions import can_edit, can_review
from translations.review.vocabulary import UnitState

pytestmark = pytest.mark.django_db


def test_a_translator_edits_only_their_language_and_the_reviewer_reviews_it():
    translator = user_with_role("translator", "ja")
    reviewer = user_with_role("reviewer", "ja")
    assert translator.username == "translator-ja" and translator.check_password(PASSWORD)
    assert can_edit(translator, "ja") and not can_edit(translator, "ru")
    assert can_review(reviewer, "ja") and not can_review(reviewer, "ru")
    assert not can_review(translator, "ja")


def test_the_team_has_the_demo_accounts():
    users = team()
    assert sorted(users) == [
        "admin",
        "editor",
        "reviewer-ja",
        "reviewer-ru",
        "terminologist",
        "translator-ja",
        "translator-ru",
    ]
    assert users["admin"].is_superuser and not users["editor"].is_superuser
    assert team()["editor"].pk == users["editor"].pk


def test_an_english_release_has_one_revision_and_its_units_untranslated():
    release = release_with(units=2)
    assert release.head_number == 1
    segments = Revision.objects.get(release=release).snapshot["segments"]
    assert [s["text"]["en"] for s in segments] == [paragraph(1), paragraph(2)]
    assert [s["text"]["ja"] for s in segments] == ["", ""]
    assert not Publication.objects.exists()


def test_a_published_release_is_approved_and_published_in_every_language():
    release = published_release(units=2, photos=1)
    assert release.head_number == 2
    assert set(Publication.objects.values_list("language", flat=True)) == {"en", "ja", "ru"}
    states = set(UnitStatus.objects.filter(release=release).values_list("language", "state"))
    assert states == {("ja", UnitState.APPROVED), ("ru", UnitState.APPROVED)}
    # title, two paragraphs, a photo's caption and credit
    assert len(keys_in(release, "ja", UnitState.APPROVED)) == 5


def test_states_leave_a_language_in_draft_or_waiting_for_review():
    release = release_with(
        languages=("en", "ja", "ru"), states={"ja": "draft", "ru": "needs_review"}
    )
    assert set(UnitStatus.objects.filter(release=release).values_list("language", "state")) == {
        ("ja", UnitState.DRAFT),
        ("ru", UnitState.NEEDS_REVIEW),
    }


def test_states_need_the_language_text():
    with pytest.raises(ValueError, match="without text"):
        release_with(states={"ja": "draft"})


def test_a_glossary_has_the_concepts_and_terms_given():
    glossary_with(
        ("peace-treaty", {"en": "peace treaty", "ru": [("мирный договор", "preferred")]}),
        ("kuril", {"ru": [("Южные Курилы", "forbidden")]}),
    )
    assert sorted(Concept.objects.values_list("identifier", flat=True)) == ["kuril", "peace-treaty"]
    assert Term.objects.get(text="Южные Курилы").status == "forbidden"


def test_work_in_progress_leaves_the_japanese_outdated_and_the_russian_waiting():
    work = work_in_progress(units=3, revised=1)
    release, key = work["release"], work["key"]
    assert release.head_number == 4
    revised = UnitStatus.objects.filter(release=release, key=key)
    assert dict(revised.values_list("language", "state")) == {
        "ja": UnitState.OUTDATED,
        "ru": UnitState.NEEDS_REVIEW,
    }
    others = UnitStatus.objects.filter(release=release).exclude(key=key)
    assert set(others.values_list("state", flat=True)) == {UnitState.APPROVED}
    assert work["comment"].is_open and work["comment"].key == key
    assert work["comment"].author.username == "translator-ru"
    # Readers still see revision 2 in every language.
    assert set(Publication.objects.values_list("revision__number", flat=True)) == {2}
