"""Data migrations of the translations app, run back and forth on the test database."""

import uuid

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from translations.models import ReleaseTermFindings

BEFORE = ("translations", "0004_review")
AFTER = ("translations", "0005_remove_legacy_view_permission")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])


@pytest.fixture(autouse=True)
def latest_schema_after():
    """Leave the test database at the newest migrations, whatever a test migrated it to."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_legacy_view_permission_is_deleted_and_its_holders_keep_access():
    migrate(BEFORE)
    try:
        content_type = ContentType.objects.get_for_model(
            ReleaseTermFindings, for_concrete_model=False
        )
        legacy = Permission.objects.create(
            content_type=content_type, codename="view_releasetranslation", name="old name"
        )
        group = Group.objects.create(name="Old readers")
        group.permissions.add(legacy)
        user = User.objects.create_user("old-reader")
        user.user_permissions.add(legacy)
    finally:
        migrate(AFTER)
    assert not Permission.objects.filter(codename="view_releasetranslation").exists()
    current = Permission.objects.get(content_type=content_type, codename="view_releasetermfindings")
    assert list(group.permissions.all()) == [current]
    assert list(user.user_permissions.all()) == [current]


@pytest.mark.django_db(transaction=True)
def test_terms_get_match_forms_and_check_runs_fill_the_concepts_index(no_term_checks, editor):
    from records.services import release_write
    from translations.glossary.forms import term_match_forms
    from translations.models import ReleaseConcept, Term

    before, after = ("translations", "0006_pending_check"), ("translations", "0008_release_concept")
    release = release_write(
        {
            "slug": "old-release",
            "date": "2017-07-07",
            "topic": "japan-russia-relations",
            "title": {"en": "Old"},
            "photos": [],
            "segments": [],
        },
        author=editor,
    ).release
    migrate(before)
    try:
        old = MigrationExecutor(connection).loader.project_state([before]).apps
        concept = old.get_model("translations", "Concept").objects.create(identifier="summit")
        old.get_model("translations", "Term").objects.create(
            concept_id=concept.pk, language="ru", text="саммиты"
        )
        old.get_model("translations", "CheckRun").objects.create(
            release_id=release.pk,
            language="ru",
            revision_number=1,
            glossary_version="v",
            concepts=[concept.pk, 999, concept.pk],
        )
    finally:
        migrate(after)
    # The database stands at 0008: read only the columns it has.
    term = Term.objects.only("text", "match_forms").get(text="саммиты")
    assert term.match_forms == term_match_forms("ru", "саммиты", False)
    rows = ReleaseConcept.objects.values_list("release_id", "language", "concept_id")
    assert sorted(rows) == sorted([(release.pk, "ru", concept.pk), (release.pk, "ru", 999)])


@pytest.mark.django_db(transaction=True)
def test_approved_units_keep_their_approval_as_the_last_one(users):
    from tests.scenarios import published_release
    from translations.review.models import UnitStatus
    from translations.review.vocabulary import UnitState

    release = published_release(units=2)
    draft = UnitStatus.objects.filter(release=release, language="ru").first()
    UnitStatus.objects.filter(pk=draft.pk).update(state=UnitState.DRAFT, approved_by=None)
    migrate(("translations", "0011_memory"))
    migrate(("translations", "0012_unit_status_revision_and_last_approval"))
    approved = UnitStatus.objects.filter(release=release, state=UnitState.APPROVED)
    assert approved.count() == 2 * 3 - 1  # title and two segments, two languages
    segments = {str(segment.key): segment for segment in release.segments.all()}
    for row in approved:
        assert (row.approval_by, row.approval_revision) == (row.approved_by, row.revision_number)
        assert row.approval_target_checksum == row.target_checksum
        assert row.approval_source_checksum == row.source_checksum
        if row.key == "title":
            expected = getattr(release, f"title_{row.language}")
        else:
            expected = getattr(segments[row.key], f"text_{row.language}")
        assert row.approval_text == expected and expected
    draft.refresh_from_db()
    assert (draft.approval_by, draft.approval_text) == (None, "")


@pytest.mark.django_db(transaction=True)
def test_findings_keep_their_segment_keys_as_unit_keys_and_releases_are_checked_again(
    no_term_checks, editor
):
    from records.services import release_write
    from translations.models import CheckRun, Finding, PendingCheck

    before, after = (
        ("translations", "0015_webhooks"),
        ("translations", "0016_finding_unit_key"),
    )
    keys = [str(uuid.uuid4()) for _ in range(2)]
    release = release_write(
        {
            "slug": "old-findings",
            "date": "2017-07-07",
            "topic": "japan-russia-relations",
            "title": {"en": "Old", "ru": "Старый"},
            "photos": [],
            "segments": [
                {"key": key, "kind": "paragraph", "level": 0, "text": {"en": "Text", "ru": "Т"}}
                for key in keys
            ],
        },
        author=editor,
    ).release
    migrate(before)
    try:
        old = MigrationExecutor(connection).loader.project_state([before]).apps
        for key, language in zip(keys, ("ja", "ru"), strict=True):
            old.get_model("translations", "Finding").objects.create(
                release_id=release.pk,
                revision_number=1,
                segment_key=uuid.UUID(key),
                language=language,
                check_id="forbidden-term",
                severity="error",
                message=f"finding of {key}",
            )
        old.get_model("translations", "CheckRun").objects.create(
            release_id=release.pk, language="ru", revision_number=1, glossary_version="v"
        )
    finally:
        migrate(after)
    rows = Finding.objects.order_by("id").values_list("segment_key", "language", "message")
    assert list(rows) == [
        (keys[0], "ja", f"finding of {keys[0]}"),
        (keys[1], "ru", f"finding of {keys[1]}"),
    ]
    # Checked before findings named every unit: the release waits for a new check.
    assert not CheckRun.objects.exists()
    assert list(PendingCheck.objects.values_list("release_id", "revision_number")) == [
        (release.pk, release.head_number)
    ]

    # Back again: the title's finding cannot be kept, the segments' are.
    Finding.objects.create(
        release=release,
        revision_number=1,
        segment_key="title",
        language="ru",
        check_id="forbidden-term",
        severity="error",
        message="finding of the title",
    )
    migrate(before)
    old = MigrationExecutor(connection).loader.project_state([before]).apps
    rows = old.get_model("translations", "Finding").objects.order_by("id")
    assert [(row.segment_key, row.message) for row in rows] == [
        (uuid.UUID(key), f"finding of {key}") for key in keys
    ]
