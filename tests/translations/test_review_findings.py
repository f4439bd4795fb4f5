"""Error findings block approval and publishing until fixed or overridden with a reason."""

import pytest

from records.demo import seed_translations
from records.models import Publication
from records.services import PublicationError, release_publish
from tests.helpers import revise_and_check
from translations.glossary.files import ConceptData, TermData
from translations.glossary.services import glossary_import
from translations.models import Concept, Finding
from translations.review.actions import (
    ReviewError,
    finding_override,
    units_approve,
    units_submit,
)
from translations.review.gate import publication_status
from translations.review.models import Event, FindingOverride
from translations.review.vocabulary import EventAction, UnitState

from .reviewing import review_tables, segment_key, set_text, status, write

pytestmark = pytest.mark.django_db

NT = 1  # "Northern Territories issue"
FORBIDDEN = "“Южных Курил” is a forbidden term for Northern Territories; use “северные территории”"


def approve(release, user, key):
    release.refresh_from_db()
    units_approve(release, "ru", [key], user, based_on=release.head_number)


def override(release, user, key, reason="Quoted from the Russian side's statement", **kwargs):
    concept = Concept.objects.get(identifier=kwargs.get("concept", "northern-territories"))
    return finding_override(
        release,
        "ru",
        key,
        check_id="forbidden-term",
        concept_id=concept.pk,
        reason=reason,
        user=user,
    )


@pytest.fixture
def forbidden(demo):
    """The demo with a forbidden Russian term in segment 2, submitted by translator-ru."""
    release = revise_and_check(demo, NT, "ru", "Проблема Южных Курил")
    key = segment_key(release, NT)
    units_submit(release, "ru", [key], demo["users"]["translator-ru"])
    return {**demo, "release": release, "key": key}


def test_an_error_finding_blocks_approval_until_overridden(forbidden):
    release, key, reviewer = (
        forbidden["release"],
        forbidden["key"],
        forbidden["users"]["reviewer-ru"],
    )
    before = review_tables()
    with pytest.raises(ReviewError) as refusal:
        approve(release, reviewer, key)
    message = str(refusal.value)
    assert message.startswith("segment 2 has 1 error finding without an override")
    assert FORBIDDEN in message and "Nothing was changed." in message
    assert review_tables() == before

    found = override(release, reviewer, key)
    assert (found.created_by, found.reason) == (
        reviewer,
        "Quoted from the Russian side's statement",
    )
    event = Event.objects.get(action=EventAction.OVERRIDDEN)
    assert (event.key, event.language, event.actor) == (key, "ru", reviewer)
    assert (event.from_state, event.to_state) == (UnitState.NEEDS_REVIEW, UnitState.NEEDS_REVIEW)
    assert event.reason == "forbidden-term: Quoted from the Russian side's statement"
    approve(release, reviewer, key)
    assert status(release, key, "ru").state == UnitState.APPROVED


def test_overriding_the_same_finding_twice_keeps_one_override(forbidden):
    release, key, reviewer = (
        forbidden["release"],
        forbidden["key"],
        forbidden["users"]["reviewer-ru"],
    )
    first = override(release, reviewer, key)
    again = override(release, reviewer, key, reason="Another reason")
    assert again.pk == first.pk and again.reason == first.reason
    assert Event.objects.filter(action=EventAction.OVERRIDDEN).count() == 1


def test_an_override_lasts_while_the_text_is_unchanged(forbidden):
    release, key, users = forbidden["release"], forbidden["key"], forbidden["users"]
    reviewer = users["reviewer-ru"]
    override(release, reviewer, key)
    approve(release, reviewer, key)
    # Another language changes: the Russian text and its override stay; it can be published.
    write(release, users["translator-ja"], set_text(0, "ja", "安倍総理は会談を行った。"))
    publication, created = release_publish(release, "ru", author=users["editor"])
    assert created and publication.revision.number == release.head_number

    # The Russian changes again (still with the forbidden term): a new override is needed.
    write(
        release,
        users["translator-ru"],
        set_text(NT, "ru", "Вопрос Южных Курил"),
        context={"submit": {"ru": True}},
    )
    assert status(release, key, "ru").state == UnitState.NEEDS_REVIEW
    with pytest.raises(ReviewError, match="segment 2 has 1 error finding without an override"):
        approve(release, reviewer, key)
    override(release, reviewer, key, reason="Still a quotation")
    approve(release, reviewer, key)
    assert FindingOverride.objects.filter(release=release, key=key).count() == 2


def test_the_findings_of_a_save_not_yet_checked_are_checked_before_approval(demo):
    """The worker has not run: approval checks the text at that moment."""
    users = demo["users"]
    release = demo["release"]
    write(release, users["translator-ru"], set_text(NT, "ru", "Проблема Южных Курил"))
    key = segment_key(release, NT)
    assert not Finding.objects.exists()
    units_submit(release, "ru", [key], users["translator-ru"])
    with pytest.raises(ReviewError, match="forbidden term"):
        approve(release, users["reviewer-ru"], key)
    # The refusal keeps nothing, not even the findings it computed.
    assert not Finding.objects.exists()


def test_a_glossary_change_blocks_publishing_an_approved_text_until_overridden(demo):
    release, users = demo["release"], demo["users"]
    # A new revision to publish: the Japanese of segment 1 changes and is approved.
    write(
        release,
        users["translator-ja"],
        set_text(0, "ja", seed_translations()["segments"][0]["ja"].replace("行った", "行いました")),
        context={"submit": {"ja": True}},
    )
    approve_ja = segment_key(release, 0)
    units_approve(release, "ja", [approve_ja], users["reviewer-ja"], based_on=release.head_number)
    # The glossary now forbids a word the approved Russian of segment 1 contains.
    glossary_import(
        [
            ConceptData(
                identifier="hamburg",
                terms=(
                    TermData(language="en", text="Hamburg"),
                    TermData(language="ru", text="Гамбург", status="forbidden"),
                ),
            )
        ]
    )
    key = segment_key(release, 0)
    # The glossary change does not revoke the approval…
    assert status(release, key, "ru").state == UnitState.APPROVED
    count = Publication.objects.count()
    with pytest.raises(PublicationError) as refusal:
        release_publish(release, "ru", author=users["editor"])
    message = str(refusal.value)
    assert message.startswith("Russian of revision 3 cannot be published yet:")
    assert "1 error finding has no override: segment 1 (“Гамбурге” is a forbidden term" in message
    assert Publication.objects.count() == count
    # …and the approved text can still be published once the finding is overridden.
    override(release, users["reviewer-ru"], key, "The city's name, not a term", concept="hamburg")
    publication, created = release_publish(release, "ru", author=users["editor"])
    assert created and publication.revision.number == 3
    assert publication_status(release, publication.revision)["ru"] == []


def test_overrides_apply_to_units_with_that_finding_only(forbidden):
    release, reviewer = forbidden["release"], forbidden["users"]["reviewer-ru"]
    finding = Finding.objects.get(release=release, language="ru")
    before = review_tables()
    for key in ("title", segment_key(release, 0)):
        with pytest.raises(ReviewError, match="no such finding"):
            finding_override(
                release,
                "ru",
                key,
                check_id=finding.check_id,
                concept_id=finding.concept_id,
                reason="?",
                user=reviewer,
            )
    assert review_tables() == before


def test_only_error_findings_can_be_overridden_by_the_service(forbidden):
    release, key, reviewer = (
        forbidden["release"],
        forbidden["key"],
        forbidden["users"]["reviewer-ru"],
    )
    Finding.objects.filter(release=release, language="ru").update(severity="warning")
    before = review_tables()
    with pytest.raises(ReviewError, match="only error findings can be overridden"):
        override(release, reviewer, key)
    assert review_tables() == before
    assert not FindingOverride.objects.exists()
