"""The audit log: one JSON line per service action, written once its transaction commits."""

import json
import logging

import pytest

from records.services import ActionNotAllowed, release_publish, release_write, revision_restore
from records.snapshots import release_snapshot
from translations.review.actions import units_approve, units_submit
from translations.review.selectors import keys_in_state
from translations.review.vocabulary import UnitState

pytestmark = pytest.mark.django_db


def audit_lines(caplog):
    return [
        json.loads(record.getMessage())
        for record in caplog.records
        if record.name == "concord.audit"
    ]


@pytest.fixture
def audit(caplog):
    caplog.set_level(logging.INFO, logger="concord.audit")
    return caplog


def test_a_save_logs_who_changed_which_release_and_language(
    seed_release, users, audit, django_capture_on_commit_callbacks
):
    content = release_snapshot(seed_release)
    content["segments"][0]["text"]["ru"] = "Перевод"
    with django_capture_on_commit_callbacks(execute=True):
        result = release_write(content, author=users["translator-ru"], based_on=1)
    [line] = audit_lines(audit)
    assert line == {
        "action": "release.write",
        "user": users["translator-ru"].get_username(),
        "release": seed_release.pk,
        "slug": seed_release.slug,
        "language": "ru",
        "revision": result.revision.number,
        "based_on": 1,
        "conflicts": 0,
    }


def test_an_approval_logs_the_reviewer_language_and_units(
    seed_release, users, audit, django_capture_on_commit_callbacks
):
    content = release_snapshot(seed_release)
    for segment in content["segments"][:2]:
        segment["text"]["ru"] = "Перевод: " + segment["text"]["en"]
    release_write(content, author=users["translator-ru"], based_on=1)
    keys = keys_in_state(seed_release, "ru", [UnitState.DRAFT])
    units_submit(seed_release, "ru", keys, users["translator-ru"], based_on=2)
    audit.clear()
    with django_capture_on_commit_callbacks(execute=True):
        batch = units_approve(seed_release, "ru", keys, users["reviewer-ru"], based_on=2)
    [line] = audit_lines(audit)
    assert line["action"] == "units.approved"
    assert line["user"] == users["reviewer-ru"].get_username()
    assert (line["release"], line["language"]) == (seed_release.pk, "ru")
    assert sorted(line["units"]) == sorted(keys) and line["batch"] == str(batch)


def test_a_refused_action_logs_nothing(
    seed_release, users, audit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ActionNotAllowed):
        revision_restore(seed_release, 1, author=users["translator-ru"])
    assert audit_lines(audit) == []


def test_publish_and_restore_are_logged(published, audit, django_capture_on_commit_callbacks):
    release, editor = published["release"], published["users"]["editor"]
    with django_capture_on_commit_callbacks(execute=True):
        revision_restore(release, 1, author=editor)
    actions = [line["action"] for line in audit_lines(audit)]
    assert actions == ["release.write", "revision.restore"]
    audit.clear()
    release.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        release_publish(release, "en", author=editor)
    [line] = audit_lines(audit)
    assert (line["action"], line["language"], line["user"]) == (
        "release.publish",
        "en",
        editor.get_username(),
    )
