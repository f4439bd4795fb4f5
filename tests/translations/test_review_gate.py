"""Publishing a target language needs every unit approved for that revision's texts."""

import pytest

from records.demo import seed_translations, translations_content
from records.extensions import registry
from records.models import Publication, Revision
from records.services import ActionNotAllowed, PublicationError, release_publish
from tests.helpers import approve_all
from translations.review.actions import units_approve, units_submit
from translations.review.gate import language_problems, publication_status
from translations.review.selectors import keys_in_state
from translations.review.vocabulary import UnitState

from .reviewing import segment_key, set_text, write

pytestmark = pytest.mark.django_db

UNITS = 25  # the seed release: title, two photos' caption and credit, 20 segments


@pytest.fixture
def translated(seed_release, editor):
    """The seed release with the published translations saved as drafts (revision 2)."""

    def change(content):
        content.update(translations_content(content, seed_translations()))

    write(seed_release, editor, change)
    return seed_release


def publish_refused(release, language, match, **kwargs):
    count = Publication.objects.count()
    with pytest.raises(PublicationError, match=match):
        release_publish(release, language, **kwargs)
    assert Publication.objects.count() == count


def test_drafts_are_not_published_and_the_source_needs_no_review(translated, users):
    editor = users["editor"]
    publish_refused(
        translated,
        "ja",
        r"^Japanese of revision 2 cannot be published yet: 25 of 25 units are not approved "
        r"for this revision: title, photo 1 caption, photo 1 credit, photo 2 caption, "
        r"photo 2 credit…$",
        author=editor,
    )
    publication, created = release_publish(translated, "en", author=editor)
    assert created and (publication.language, publication.revision.number) == ("en", 2)


def test_the_gate_names_the_one_unit_missing(translated, users):
    last = segment_key(translated, 4)
    keys = keys_in_state(translated, "ja", [UnitState.DRAFT])
    units_submit(translated, "ja", keys, users["translator-ja"])
    keys.remove(last)
    units_approve(translated, "ja", keys, users["reviewer-ja"], based_on=2)
    publish_refused(
        translated,
        "ja",
        "1 of 25 units is not approved for this revision: segment 5$",
        author=users["editor"],
    )
    revision = Revision.objects.get(release=translated, number=2)
    assert publication_status(translated, revision) == {
        "ja": ["1 of 25 units is not approved for this revision: segment 5"],
        "ru": [
            "25 of 25 units are not approved for this revision: title, photo 1 caption, "
            "photo 1 credit, photo 2 caption, photo 2 credit…"
        ],
    }
    # Records asks through its registry, never importing translations.
    assert registry.publication_problems(translated, revision) == publication_status(
        translated, revision
    )
    units_approve(translated, "ja", [last], users["reviewer-ja"], based_on=2)
    publication, created = release_publish(translated, "ja", author=users["editor"])
    assert created and publication.revision.number == 2
    assert language_problems(translated, "ja", revision, check=True) == []


def test_an_older_revision_whose_texts_differ_is_not_published(demo, users):
    release, editor = demo["release"], users["editor"]
    key = segment_key(release, 6)
    old = release.segments.get(key=key).text_en
    write(release, editor, set_text(6, "en", old.replace("late August", "early September")))
    write(
        release,
        users["translator-ja"],
        set_text(
            6,
            "ja",
            "両首脳は9月上旬にモスクワで次官級協議を行うことで一致した。9月の首脳会談に向けて議論を行う。",
        ),
    )
    approve_all(release, "ja", users["reviewer-ja"])
    # Revision 4 is what was approved; revision 3 had the new English but the old Japanese.
    release_publish(release, "en", author=editor)
    assert release_publish(release, "ja", author=editor)[0].revision.number == 4
    publish_refused(
        release,
        "ja",
        "1 of 25 units is not approved for this revision: segment 7",
        revision_number=3,
        author=editor,
    )
    publish_refused(
        release,
        "ja",
        "Japanese of revision 2 cannot be published yet",
        revision_number=2,
        author=editor,
    )
    # The Russian of revision 4 is outdated: not published either.
    publish_refused(
        release, "ru", "1 of 25 units is not approved for this revision: segment 7", author=editor
    )


def test_publishing_needs_the_permission(published, users):
    count = Publication.objects.count()
    with pytest.raises(ActionNotAllowed, match="reviewer-ja may not publish releases"):
        release_publish(published["release"], "ja", author=users["reviewer-ja"])
    assert Publication.objects.count() == count


def test_publishing_an_approved_revision_again_creates_nothing(published, users):
    release = published["release"]
    publication, created = release_publish(release, "ru", author=users["editor"])
    assert not created and publication.revision.number == 2
    assert Publication.objects.filter(release=release).count() == 3


def test_the_status_of_a_revision_with_work_in_progress(demo_scenario):
    release = demo_scenario["release"]
    head = Revision.objects.get(release=release, number=release.head_number)
    problems = publication_status(release, head)
    assert problems == {
        "ja": ["1 of 25 units is not approved for this revision: segment 7"],
        "ru": ["1 of 25 units is not approved for this revision: segment 7"],
    }
