"""Findings of the title and of photo captions and credits: stored by the release's check under
their unit keys, shown where segment findings are, and gating approval, submission and
publishing as segment findings do."""

import pytest
from django.urls import reverse

from records.models import Publication
from records.services import PublicationError, release_publish
from records.units import TITLE
from tests.helpers import run
from tests.scenarios import glossary_with, published_release, user_with_role
from translations.checks.services import release_terms_check, releases_affected
from translations.models import Concept, Finding, ReleaseConcept
from translations.review.actions import ReviewError, finding_override, units_approve
from translations.review.gate import publication_status, publication_work
from translations.review.queue import my_work
from translations.review.submitting import SubmitConfirmation, units_submit_confirmed
from translations.review.vocabulary import UnitState

from .reviewing import review_tables, status, write

pytestmark = pytest.mark.django_db

TITLE_FORBIDDEN = "“サミット” is a forbidden term for Summit Meeting; use “首脳会談”."
CAPTION_FORBIDDEN = "“саммите” is a forbidden term for Summit Meeting"


@pytest.fixture
def release(users):
    """A release of two paragraphs and a photo, approved and published in every language,
    with a glossary that forbids サミット and саммит for "Summit Meeting"."""
    glossary_with(
        (
            "summit",
            {
                "en": "Summit Meeting",
                "ja": ["首脳会談", ("サミット", "forbidden")],
                "ru": ["встреча на высшем уровне", ("саммит", "forbidden")],
            },
        )
    )
    return published_release(units=2, photos=1)


def title_text(language, text):
    def change(content):
        content["title"][language] = text

    return change


def caption_text(language, text):
    def change(content):
        content["photos"][0]["caption"][language] = text

    return change


def caption_key(release):
    return f"{release.photos.get().key}:caption"


def approve(release, language, keys, user=None):
    release.refresh_from_db()
    reviewer = user or user_with_role("reviewer", language)
    return units_approve(release, language, keys, reviewer, based_on=release.head_number)


def override(release, language, key, reason="The name the leaders' statement uses."):
    finding = Finding.objects.get(
        release=release, language=language, segment_key=key, severity="error"
    )
    return finding_override(
        release,
        language,
        key,
        check_id=finding.check_id,
        concept_id=finding.concept_id,
        fingerprint=finding.fingerprint,
        reason=reason,
        user=user_with_role("reviewer", language),
    )


def submitted_title(release, text):
    """Give ``release`` a Japanese title ``text`` written and submitted by translator-ja."""
    translator = user_with_role("translator", "ja")
    write(release, translator, title_text("ja", text), context={"submit": {"ja": True}})
    assert status(release, TITLE, "ja").state == UnitState.NEEDS_REVIEW
    return release


def test_the_check_stores_title_and_caption_findings_under_their_unit_keys(release):
    editor = user_with_role("editor")
    write(release, editor, title_text("ja", "サミット"))
    write(release, editor, caption_text("ru", "Лидеры на саммите"))
    release_terms_check(release)
    found = set(
        Finding.objects.filter(release=release, severity="error").values_list(
            "language", "segment_key", "check_id", "revision_number"
        )
    )
    head = release.head_number
    assert found == {
        ("ja", TITLE, "forbidden-term", head),
        ("ru", caption_key(release), "forbidden-term", head),
    }
    title = Finding.objects.get(release=release, language="ja", segment_key=TITLE)
    assert title.display_message() == TITLE_FORBIDDEN
    assert (title.start, title.end) == (0, 4)
    # The concepts index covers the title and photo texts too: only they use "summit".
    summit = Concept.objects.get(identifier="summit").pk
    assert set(
        ReleaseConcept.objects.filter(release=release, concept_id=summit).values_list(
            "language", flat=True
        )
    ) == {"ja", "ru"}


def test_a_forbidden_term_in_the_japanese_title_blocks_its_approval_until_overridden(release):
    submitted_title(release, "サミット")
    before = review_tables()
    with pytest.raises(ReviewError) as refusal:
        approve(release, "ja", [TITLE])
    message = str(refusal.value)
    assert message.startswith("title has 1 error finding without an override")
    assert TITLE_FORBIDDEN.rstrip(".") in message and "Nothing was changed." in message
    assert review_tables() == before

    release_terms_check(release)
    found = override(release, "ja", TITLE)
    assert found.key == TITLE
    approve(release, "ja", [TITLE])
    assert status(release, TITLE, "ja").state == UnitState.APPROVED


def test_a_forbidden_term_in_the_japanese_title_blocks_its_approval_until_fixed(release):
    submitted_title(release, "サミット")
    with pytest.raises(ReviewError, match="title has 1 error finding"):
        approve(release, "ja", [TITLE])
    submitted_title(release, "日露首脳会談")
    approve(release, "ja", [TITLE])
    assert status(release, TITLE, "ja").state == UnitState.APPROVED
    assert not Finding.objects.filter(release=release, segment_key=TITLE, severity="error")


def test_submitting_a_title_with_an_error_finding_is_confirmed_first(release):
    translator = user_with_role("translator", "ja")
    write(release, translator, title_text("ja", "サミット"))
    assert status(release, TITLE, "ja").state == UnitState.DRAFT
    before = review_tables()
    with pytest.raises(SubmitConfirmation) as refusal:
        units_submit_confirmed(release, "ja", [TITLE], translator, confirm=False)
    assert refusal.value.findings == [{"key": TITLE, "unit": "title", "message": TITLE_FORBIDDEN}]
    assert str(refusal.value).startswith("Submit with 1 error finding that has no override?")
    # The refusal rolls back everything, the findings the submission computed included.
    assert review_tables() == before
    units_submit_confirmed(release, "ja", [TITLE], translator, confirm=True)
    assert status(release, TITLE, "ja").state == UnitState.NEEDS_REVIEW


def test_publishing_is_refused_while_an_approved_title_has_an_error_finding(release):
    editor = user_with_role("editor")
    submitted_title(release, "日ロ首脳会談")
    approve(release, "ja", [TITLE])
    # The glossary now forbids a word of the approved title: the approval stands, publishing
    # is refused until the finding is overridden.
    glossary_with(("nichiro", {"ja": ["日露", ("日ロ", "forbidden")]}))
    assert status(release, TITLE, "ja").state == UnitState.APPROVED
    count = Publication.objects.count()
    with pytest.raises(PublicationError) as refusal:
        release_publish(release, "ja", author=editor)
    problem = "1 error finding has no override: title (“日ロ” is a forbidden term for nichiro"
    assert problem in str(refusal.value)
    assert Publication.objects.count() == count
    release_terms_check(release)
    head = release.revisions.get(number=release.head_number)
    assert publication_status(release, head)["ja"][0].startswith(problem)
    assert publication_work([release])[release.pk]["ja"].errors == 1
    override(release, "ja", TITLE)
    assert publication_status(release, head)["ja"] == []
    assert publication_work([release])[release.pk]["ja"].errors == 0
    publication, created = release_publish(release, "ja", author=editor)
    assert created and publication.revision.number == release.head_number


def test_a_caption_finding_is_shown_on_the_workbench_the_terms_page_and_the_command(
    client, release
):
    write(release, user_with_role("editor"), caption_text("ru", "Лидеры на саммите"))
    release_terms_check(release)
    key = caption_key(release)
    reviewer = user_with_role("reviewer", "ru")
    client.force_login(reviewer)

    page = client.get(reverse("translations:workbench", args=[release.pk, "ru"]))
    html = page.content.decode()
    unit = html[html.index(f'id="unit-{key}"') :]
    unit = unit[: unit.index("</section>")]
    assert CAPTION_FORBIDDEN in unit
    assert f'<input type="hidden" name="key" value="{key}">' in unit  # the override form
    row = next(row for row in page.context["rows"] if row.key == key)
    assert [f.check_id for f in row.blocking] == ["forbidden-term"]

    terms = client.get(
        reverse("admin:translations_releasetermfindings_change", args=[release.pk]),
        {"lang": "ru"},
    )
    rows = {row["key"]: row for row in terms.context["rows"]}
    assert rows[key]["label"] == "photo 1 caption"
    assert [f.check_id for f in rows[key]["findings"]] == ["forbidden-term"]
    assert rows[TITLE]["label"] == "title" and rows[TITLE]["findings"] == []
    assert CAPTION_FORBIDDEN in terms.content.decode()

    assert f"photo 1 caption ({key})" in run("check_terms", release.slug, "--lang", "ru")

    # My work counts the error; overridden, it blocks nothing anywhere.
    [entry] = [row for row in my_work(reviewer, [release]) if row.language == "ru"]
    assert entry.errors == 1
    override(release, "ru", key)
    [entry] = [row for row in my_work(reviewer, [release]) if row.language == "ru"]
    assert entry.errors == 0
    page = client.get(reverse("translations:workbench", args=[release.pk, "ru"]))
    row = next(row for row in page.context["rows"] if row.key == key)
    assert row.blocking == [] and row.findings[0].override is not None


def test_a_new_term_rechecks_releases_that_use_it_in_a_caption_only(release):
    write(release, user_with_role("editor"), caption_text("en", "The leaders at the talks"))
    glossary_with(("talks", {"en": "talks", "ru": "переговоры"}))
    talks = Concept.objects.get(identifier="talks").pk
    assert releases_affected([talks], new_terms=[talks]) == [release.pk]
