"""The workbench through HTTP: who may do what (every role × action × language), stale saves,
filters, and what unknown releases, languages and units get.

The demo (with its work in progress) and a few prepared units are loaded once for the module;
every test runs inside its own savepoint, so each starts from the same database.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from records.models import Revision
from records.services import release_write, revision_snapshot
from records.snapshots import release_snapshot
from translations.checks.services import release_terms_check
from translations.checks.vocabulary import Severity
from translations.glossary.vocabulary import TermStatus
from translations.models import (
    Comment,
    Concept,
    Event,
    Finding,
    FindingOverride,
    GlossaryState,
    Term,
    UnitStatus,
)
from translations.review.editing import unit_save
from translations.review.vocabulary import UnitState

pytestmark = pytest.mark.django_db

PASSWORD = "test-password-123"
LANGUAGES = ("ja", "ru")
ROLES = (
    "editor",
    "translator-ja",
    "translator-ru",
    "reviewer-ja",
    "reviewer-ru",
    "terminologist",
    "admin",
)
ACTIONS = ("save", "submit", "approve", "request-changes", "override", "comment")
# Segments (0-based) the module prepares in both languages.
DRAFT, WAITING, FLAGGED, REVISED = 1, 2, 3, 6
# A Japanese forbidden term added for the test (the demo glossary forbids only Russian ones).
FORBIDDEN = {"ja": "南クリル", "ru": "Южные Курилы"}
COMMENT = "Is the word order right?"


def allowed(role, action, language):
    """Return whether ``role`` may carry out ``action`` on ``language`` units (DESIGN.md)."""
    if action == "comment" or role == "admin":
        return True
    if action in ("save", "submit"):
        return role in ("editor", f"translator-{language}", f"reviewer-{language}")
    return role == f"reviewer-{language}"


def _write(release, author, edits, submit=None):
    """Give segments new texts: ``edits`` is ``{(index, language): text}``."""
    release.refresh_from_db()
    content = release_snapshot(release)
    for (index, language), text in edits.items():
        content["segments"][index]["text"][language] = text
    release_write(
        content,
        author=author,
        based_on=release.head_number,
        context={"submit": submit} if submit else None,
    )
    release.refresh_from_db()


@pytest.fixture(scope="module")
def prepared(django_db_setup, django_db_blocker):
    """The demo with, in each target language: a draft (segment 2), a unit waiting for review
    (segment 3) and a draft with a forbidden term (segment 4), all by the editor."""
    from translations.demo import demo_load_all
    from translations.roles import roles_sync

    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=hashers):
        with transaction.atomic():
            roles_sync()
            demo = demo_load_all(password=PASSWORD)
            release, editor = demo["release"], demo["users"]["editor"]
            concept = Concept.objects.get(identifier="northern-territories")
            Term.objects.create(
                concept=concept, language="ja", text=FORBIDDEN["ja"], status=TermStatus.FORBIDDEN
            )
            GlossaryState.bump()
            segments = release_snapshot(release)["segments"]
            keys = [segment["key"] for segment in segments]
            texts = {
                (index, code): segments[index]["text"][code]
                for index in (DRAFT, WAITING, FLAGGED)
                for code in LANGUAGES
            }
            _write(release, editor, {(DRAFT, c): texts[DRAFT, c] + " +" for c in LANGUAGES})
            _write(
                release,
                editor,
                {(WAITING, c): texts[WAITING, c] + " +" for c in LANGUAGES},
                submit={c: {keys[WAITING]} for c in LANGUAGES},
            )
            _write(
                release,
                editor,
                {(FLAGGED, c): f"{texts[FLAGGED, c]} {FORBIDDEN[c]}" for c in LANGUAGES},
            )
            release_terms_check(release)
            yield {**demo, "keys": keys}
            transaction.set_rollback(True)


@pytest.fixture
def bench(prepared, db):
    release = prepared["release"]
    release.refresh_from_db()
    return {**prepared, "release": release}


def url(name, release, language, *rest):
    return reverse(f"translations:{name}", args=[release.pk, language, *rest])


def post(client, release, language, action, data):
    return client.post(
        url("workbench_action", release, language, action), data, HTTP_ACCEPT="application/json"
    )


def database_state(release):
    """Return everything a refused action must leave as it was."""
    release.refresh_from_db()
    return {
        "head": release.head_number,
        "counts": [
            model.objects.count()
            for model in (UnitStatus, Event, Revision, Comment, FindingOverride)
        ],
        "states": sorted(
            UnitStatus.objects.values_list(
                "key", "language", "state", "translated_by_id", "approved_by_id", "target_checksum"
            )
        ),
        "comments": sorted(Comment.objects.values_list("id", "resolved_at")),
    }


def state_of(release, language, key):
    return UnitStatus.objects.get(release=release, language=language, key=key)


def action_data(bench, action, language):
    """Return the key and the form data of ``action`` on a unit where it is possible."""
    release, keys = bench["release"], bench["keys"]
    head = release.head_number
    if action == "save":
        key = keys[0]
        text = revision_snapshot(release, head)["segments"][0]["text"][language]
        return key, {"key": key, "text": text + " (1)", "based_on": head}
    if action == "submit":
        return keys[DRAFT], {"key": keys[DRAFT], "based_on": head}
    if action == "approve":
        return keys[WAITING], {"key": keys[WAITING], "based_on": head}
    if action == "request-changes":
        return keys[WAITING], {"key": keys[WAITING], "based_on": head, "comment": "Shorter."}
    if action == "override":
        finding = Finding.objects.get(
            release=release,
            language=language,
            segment_key=keys[FLAGGED],
            severity=Severity.ERROR,
            revision_number=head,
        )
        return keys[FLAGGED], {
            "key": keys[FLAGGED],
            "check_id": finding.check_id,
            "concept_id": finding.concept_id,
            "reason": "Quoted from the Russian side's statement.",
        }
    return keys[REVISED], {"key": keys[REVISED], "text": COMMENT}


def assert_done(bench, action, language, key, user, before):
    release = bench["release"]
    release.refresh_from_db()
    status = state_of(release, language, key)
    if action == "save":
        assert release.head_number == before["head"] + 1
        assert status.state == UnitState.DRAFT and status.translated_by == user
    elif action == "submit":
        assert status.state == UnitState.NEEDS_REVIEW
    elif action == "approve":
        assert status.state == UnitState.APPROVED and status.approved_by == user
    elif action == "request-changes":
        assert status.state == UnitState.DRAFT
        assert Comment.objects.filter(key=key, author=user, text="Shorter.").exists()
    elif action == "override":
        assert FindingOverride.objects.filter(key=key, language=language, created_by=user).exists()
    else:
        assert Comment.objects.filter(
            key=key, language=language, author=user, text=COMMENT
        ).exists()
    assert Event.objects.count() > before["counts"][1]


def unit_section(page, key):
    start = page.index(f'data-key="{key}"')
    return page[start : page.index("</section>", start)]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, bench, role, action, language):
    release = bench["release"]
    user = get_user_model().objects.get(username=role)
    client.force_login(user)
    key, data = action_data(bench, action, language)
    # The page offers the action exactly to those the service lets do it.
    page = client.get(url("workbench", release, language)).content.decode()
    form = f'data-action="{action}"'
    assert (form in unit_section(page, key)) == allowed(role, action, language)
    before = database_state(release)
    response = post(client, release, language, action, data)
    if allowed(role, action, language):
        assert response.status_code == 200, response.json()
        body = response.json()
        assert body["ok"] and key in body["rows"]
        assert body["base"] == release.head_number + (action == "save")
        assert_done(bench, action, language, key, user, before)
    else:
        assert response.status_code == 403, response.content
        assert response.json()["error"]
        assert database_state(release) == before


def test_superuser_may_not_approve_their_own_text(client, bench):
    release, key = bench["release"], bench["keys"][0]
    admin = bench["users"]["admin"]
    client.force_login(admin)
    head = release.head_number
    text = revision_snapshot(release, head)["segments"][0]["text"]["ja"]
    response = post(
        client,
        release,
        "ja",
        "save",
        {"key": key, "text": text + "。", "based_on": head, "submit": "1"},
    )
    assert response.status_code == 200
    status = state_of(release, "ja", key)
    assert status.state == UnitState.NEEDS_REVIEW and status.translated_by == admin
    assert 'data-action="approve"' not in response.json()["rows"][key]
    before = database_state(release)
    response = post(client, release, "ja", "approve", {"key": key, "based_on": head + 1})
    assert response.status_code == 403
    assert "may not approve it" in response.json()["error"]
    assert database_state(release) == before
    # Another reviewer may.
    client.force_login(bench["users"]["reviewer-ja"])
    response = post(client, release, "ja", "approve", {"key": key, "based_on": head + 1})
    assert response.status_code == 200
    assert state_of(release, "ja", key).state == UnitState.APPROVED


def test_stale_save_that_collides_is_refused_with_both_texts(client, bench):
    release, key = bench["release"], bench["keys"][0]
    base = release.head_number
    _write(release, bench["users"]["reviewer-ja"], {(0, "ja"): "査読者の訳。"})
    before = database_state(release)
    client.force_login(bench["users"]["translator-ja"])
    response = post(
        client, release, "ja", "save", {"key": key, "text": "翻訳者の訳。", "based_on": base}
    )
    assert response.status_code == 409
    body = response.json()
    assert body["head"] == base + 1
    [conflict] = body["conflicts"]
    assert (conflict["theirs"], conflict["mine"]) == ("査読者の訳。", "翻訳者の訳。")
    assert "査読者の訳。" in body["rows"][key]
    assert database_state(release) == before
    # Keeping mine over theirs is a save based on the newest revision.
    response = post(
        client, release, "ja", "save", {"key": key, "text": "翻訳者の訳。", "based_on": base + 1}
    )
    assert response.status_code == 200


def test_stale_save_of_another_unit_merges(client, bench):
    release, keys = bench["release"], bench["keys"]
    base = release.head_number
    _write(release, bench["users"]["editor"], {(0, "en"): "A revised English sentence."})
    client.force_login(bench["users"]["translator-ja"])
    response = post(
        client, release, "ja", "save", {"key": keys[DRAFT], "text": "改訂。", "based_on": base}
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["base"] == base + 2
    assert body["message"] == (
        f"Saved as revision {base + 2}, merged with the changes editor saved since revision {base}."
    )
    head = revision_snapshot(release, base + 2)["segments"]
    assert head[0]["text"]["en"] == "A revised English sentence."
    assert head[DRAFT]["text"]["ja"] == "改訂。"
    assert state_of(release, "ja", keys[0]).state == UnitState.OUTDATED


def test_a_translators_own_saves_since_the_page_are_not_called_a_merge(client, bench):
    release, keys = bench["release"], bench["keys"]
    base = release.head_number
    client.force_login(bench["users"]["translator-ja"])
    first = post(
        client, release, "ja", "save", {"key": keys[DRAFT], "text": "一。", "based_on": base}
    )
    assert first.json()["message"] == f"Saved as revision {base + 1}."
    # A page without its script saves the next unit from the revision it was loaded at.
    second = post(
        client, release, "ja", "save", {"key": keys[WAITING], "text": "二。", "based_on": base}
    )
    assert second.json()["message"] == f"Saved as revision {base + 2}."
    assert second.json()["changed"] == []


def test_a_save_brings_back_what_others_changed_since_the_page(client, bench):
    release, keys = bench["release"], bench["keys"]
    base = release.head_number
    _write(release, bench["users"]["reviewer-ja"], {(0, "ja"): "査読者の訳。"})
    client.force_login(bench["users"]["translator-ja"])
    body = post(
        client,
        release,
        "ja",
        "save",
        {"key": keys[DRAFT], "text": "改訂。", "based_on": base, "seen": base},
    ).json()
    assert body["base"] == base + 2 and body["changed"] == [keys[0]]
    # The page shows the reviewer's text, now at the newest revision, beside the saved unit.
    assert "査読者の訳。" in body["rows"][keys[0]]
    assert f'data-base="{base + 2}"' in body["rows"][keys[0]]
    assert set(body["rows"]) == {keys[0], keys[DRAFT]}
    assert "merged with the changes reviewer-ja saved since revision" in body["message"]


def test_save_and_submit_of_an_unchanged_outdated_unit_confirms_it(client, bench):
    release, key = bench["release"], bench["keys"][REVISED]
    assert state_of(release, "ja", key).state == UnitState.OUTDATED
    text = revision_snapshot(release, release.head_number)["segments"][REVISED]["text"]["ja"]
    client.force_login(bench["users"]["translator-ja"])
    data = {"key": key, "text": text, "based_on": release.head_number, "submit": "1"}
    response = post(client, release, "ja", "save", data)
    assert response.status_code == 200
    assert Revision.objects.filter(release=release).count() == release.head_number
    assert state_of(release, "ja", key).state == UnitState.NEEDS_REVIEW


@pytest.mark.parametrize(
    ("language", "name", "expected"),
    [
        ("ja", "all", None),
        ("ja", "todo", [DRAFT, FLAGGED, REVISED]),
        ("ja", "untranslated", []),
        ("ja", "outdated", [REVISED]),
        ("ja", "review", [WAITING]),
        ("ja", "errors", [FLAGGED]),
        ("ja", "comments", []),
        ("ru", "review", [WAITING, REVISED]),
        ("ru", "outdated", []),
        ("ru", "comments", [REVISED]),
        ("ru", "errors", [FLAGGED]),
    ],
)
def test_filters_show_the_matching_units_with_counts(client, bench, language, name, expected):
    release, keys = bench["release"], bench["keys"]
    client.force_login(bench["users"]["reviewer-ja"])
    response = client.get(url("workbench", release, language), {"filter": name})
    assert response.status_code == 200
    shown = [row.key for row in response.context["rows"]]
    total = UnitStatus.objects.filter(release=release, language=language).count()
    if expected is None:
        assert len(shown) == total
    else:
        assert shown == [keys[index] for index in expected]
    counts = dict((key, count) for key, _label, count in response.context["filters"])
    assert counts[name] == len(shown)
    assert counts["all"] == total


def test_the_page_marks_findings_and_shows_the_source_diff(client, bench):
    release, keys = bench["release"], bench["keys"]
    client.force_login(bench["users"]["translator-ja"])
    page = client.get(url("workbench", release, "ja")).content.decode()
    flagged = unit_section(page, keys[FLAGGED])
    assert '<mark class="finding error"' in flagged and f">{FORBIDDEN['ja']}</mark>" in flagged
    assert "use “北方領土”" in flagged
    revised = unit_section(page, keys[REVISED])
    assert "<ins>" in revised and "2017</ins>" in revised
    assert 'lang="ja"' in revised and 'lang="en"' in revised
    assert "approved (" in page and "<progress" in page


def test_an_unknown_filter_shows_all_units_and_says_so(client, bench):
    client.force_login(bench["users"]["translator-ja"])
    response = client.get(url("workbench", bench["release"], "ja"), {"filter": "nope"})
    assert response.status_code == 200
    assert response.context["filter"] == "all"
    assert "There is no filter “nope”" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "English is the source language"), ("xx", "is not a language Concord keeps")],
)
def test_a_language_that_is_not_a_target_is_not_found(client, bench, language, message):
    client.force_login(bench["users"]["translator-ja"])
    for name in ("workbench", "history"):
        response = client.get(url(name, bench["release"], language))
        assert response.status_code == 404
        assert message in response.content.decode()
    before = database_state(bench["release"])
    response = post(client, bench["release"], language, "comment", {"key": "title", "text": "x"})
    assert response.status_code == 404 and message in response.json()["error"]
    assert database_state(bench["release"]) == before


def test_an_unknown_release_is_not_found(client, bench):
    client.force_login(bench["users"]["translator-ja"])
    response = client.get(reverse("translations:workbench", args=[999999, "ja"]))
    assert response.status_code == 404
    assert "There is no release 999999." in response.content.decode()


@pytest.mark.parametrize(
    ("action", "data", "status", "message"),
    [
        ("save", {"key": "nope", "text": "x", "based_on": "1"}, 400, "has no unit nope"),
        ("save", {"key": "title", "text": "x", "based_on": "abc"}, 400, "whole number"),
        ("save", {"key": "title", "text": "x", "based_on": "9999"}, 400, "has no revision 9999"),
        ("save", {"key": "title", "text": "x"}, 400, "whole number"),
        ("submit", {}, 400, "no unit was named"),
        ("approve", {"key": "nope", "based_on": "1"}, 400, "has no unit nope"),
        ("request-changes", {"key": "title", "based_on": "1"}, 400, "the comment is empty"),
        ("override", {"key": "title", "check_id": "x", "concept_id": "1", "reason": "r"}, 400,
         "no such finding"),
        ("comment", {"key": "nope", "text": "x"}, 400, "has no unit nope"),
        ("comment", {"key": "title", "text": "x", "language": "ru"}, 400, "comments here are"),
        ("comment", {"key": "title", "text": "x", "parent": "999999"}, 400, "no comment 999999"),
        ("resolve", {"comment": "999999"}, 400, "no comment 999999"),
        ("publish", {}, 404, "There is no action"),
    ],
)  # fmt: skip
def test_bad_requests_change_nothing(client, bench, action, data, status, message):
    client.force_login(bench["users"]["admin"])
    before = database_state(bench["release"])
    response = post(client, bench["release"], "ja", action, data)
    assert response.status_code == status
    assert message in response.json()["error"]
    assert database_state(bench["release"]) == before


def test_actions_answer_only_posts_and_staff(client, bench):
    target = url("workbench_action", bench["release"], "ja", "save")
    assert client.get(url("workbench", bench["release"], "ja")).status_code == 302
    client.force_login(bench["users"]["translator-ja"])
    assert client.get(target).status_code == 405


def test_comment_reply_and_resolve(client, bench):
    release, key = bench["release"], bench["keys"][REVISED]
    thread = Comment.objects.get(release=release, key=key, language="ru", parent=None)
    client.force_login(bench["users"]["reviewer-ru"])
    response = post(
        client, release, "ru", "comment", {"key": key, "parent": thread.pk, "text": "OK."}
    )
    assert response.status_code == 200
    assert "OK." in response.json()["rows"][key]
    response = post(client, release, "ru", "resolve", {"comment": thread.pk})
    assert response.status_code == 200
    assert response.json()["counts"]["comments"] == 0
    thread.refresh_from_db()
    assert thread.resolved_by == bench["users"]["reviewer-ru"]
    # A terminologist neither edits nor reviews Russian: only the thread's author or those may.
    client.force_login(bench["users"]["terminologist"])
    post(client, release, "ru", "comment", {"key": key, "parent": thread.pk, "text": "Reopened."})
    before = database_state(release)
    response = post(client, release, "ru", "resolve", {"comment": thread.pk})
    assert response.status_code == 403
    assert database_state(release) == before


def test_bulk_approval_of_the_units_listed(client, bench):
    release, keys = bench["release"], bench["keys"]
    client.force_login(bench["users"]["reviewer-ru"])
    response = client.get(url("workbench", release, "ru"), {"filter": "review"})
    # Segment 7 was translated by translator-ru, segment 3 by the editor: both listed.
    assert response.context["bulk_keys"] == [keys[WAITING], keys[REVISED]]
    data = {"key": response.context["bulk_keys"], "based_on": release.head_number}
    # Segment 7 holds translator-ru's open comment: asked first, nothing changed.
    before = database_state(release)
    response = post(client, release, "ru", "approve", data)
    assert response.status_code == 400
    assert [item["key"] for item in response.json()["confirm"]] == [keys[REVISED]]
    assert database_state(release) == before
    response = post(client, release, "ru", "approve", {**data, "confirm": "1"})
    assert response.status_code == 200
    body = response.json()
    assert set(body["rows"]) == {keys[WAITING], keys[REVISED]}
    assert body["counts"]["review"] == 0
    assert (
        body["progress"]["approved"]
        == UnitStatus.objects.filter(
            release=release, language="ru", state=UnitState.APPROVED
        ).count()
    )
    assert {event.batch for event in Event.objects.filter(action="approved", language="ru")[:2]}


def test_a_stale_approval_is_refused(client, bench):
    release, key = bench["release"], bench["keys"][WAITING]
    base = release.head_number
    unit_save(release, "ja", key, "別の訳。", bench["users"]["editor"], based_on=base, submit=True)
    before = database_state(release)
    client.force_login(bench["users"]["reviewer-ja"])
    response = post(client, release, "ja", "approve", {"key": key, "based_on": base})
    assert response.status_code == 400
    assert "reload to see it" in response.json()["error"]
    assert database_state(release) == before


def test_plain_forms_redirect_back_with_a_message(client, bench):
    release, key = bench["release"], bench["keys"][REVISED]
    client.force_login(bench["users"]["translator-ja"])
    target = url("workbench_action", release, "ja", "comment")
    response = client.post(target, {"key": key, "text": "No script.", "next": "/review/"})
    assert response.status_code == 302 and response.url == "/review/"
    response = client.post(target, {"key": key, "text": "", "next": "https://example.com/"})
    assert response.url == url("workbench", release, "ja")
    assert Comment.objects.filter(text="No script.").count() == 1


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [
        ("title", "題" * 301, "too long"),
        (None, "制御\x07文字", "control character"),
    ],
)
def test_invalid_text_is_refused_and_nothing_saved(client, bench, key, text, message):
    release = bench["release"]
    key = key or bench["keys"][0]
    client.force_login(bench["users"]["translator-ja"])
    before = database_state(release)
    data = {"key": key, "text": text, "based_on": release.head_number}
    response = post(client, release, "ja", "save", data)
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert database_state(release) == before


def test_an_error_finding_blocks_approval_until_overridden(client, bench):
    release, key = bench["release"], bench["keys"][FLAGGED]
    client.force_login(bench["users"]["translator-ru"])
    # Submitting it asks first (tests/translations/test_workbench_bulk.py): confirmed here.
    assert post(client, release, "ru", "submit", {"key": key, "confirm": "1"}).status_code == 200
    client.force_login(bench["users"]["reviewer-ru"])
    page = client.get(url("workbench", release, "ru"), {"filter": "review"})
    # The bulk approval leaves the blocked unit out and says so.
    assert key not in page.context["bulk_keys"] and page.context["bulk_blocked"] == 1
    # Its own Approve button is shown disabled, with the reason next to it.
    html = page.content.decode()
    shown = html[html.index(f'id="unit-{key}"') :]
    shown = shown[: shown.index("</section>")]
    assert re.search(r'<button type="submit" class="default" disabled[^>]*>Approve</button>', shown)
    assert "Override or fix the errors first." in shown
    before = database_state(release)
    response = post(client, release, "ru", "approve", {"key": key, "based_on": release.head_number})
    assert response.status_code == 400
    assert "error finding without an override" in response.json()["error"]
    assert database_state(release) == before
    _key, data = action_data(bench, "override", "ru")
    response = post(client, release, "ru", "override", data)
    assert response.status_code == 200
    row = response.json()["rows"][key]
    assert "Overridden by reviewer-ru" in row and 'data-action="approve"' in row
    assert 'class="default">Approve</button>' in row and "Override or fix" not in row
    assert response.json()["counts"]["errors"] == 0
    response = post(client, release, "ru", "approve", {"key": key, "based_on": release.head_number})
    assert response.status_code == 200
    assert state_of(release, "ru", key).state == UnitState.APPROVED


def test_revision_messages_are_stored_in_the_site_language_whoever_writes(bench):
    """A save from a Japanese interface leaves a message every reader of the history can read."""
    from django.utils import translation

    release, key = bench["release"], bench["keys"][WAITING]
    with translation.override("ja"):
        result = unit_save(
            release,
            "ja",
            key,
            "別の訳。",
            bench["users"]["translator-ja"],
            based_on=release.head_number,
        )
        assert translation.gettext("Workbench: %(unit)s (%(language)s)") != (
            "Workbench: %(unit)s (%(language)s)"
        )
    assert result.revision.message.startswith("Workbench: ")
