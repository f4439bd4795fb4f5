"""Review actions through the API: submit (error findings confirmed first), approve (four eyes,
a current base), request changes (with a comment), override (with a reason), comments, and
publishing a language version through the admin's gate. Every refusal changes nothing."""

import pytest

from records.models import Publication
from tests.helpers import api_client
from tests.scenarios import paragraph, release_with
from translations.models import Comment, UnitStatus
from translations.review.actions import comment_add
from translations.review.vocabulary import UnitState

from .support import database, language_url, ok, refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(flagged_users):
    """The module's accounts (``flagged`` is built once per module: see conftest)."""
    return flagged_users


FLAGGED = 2  # paragraph 3 uses the forbidden Japanese term


def keys_of(release):
    return [str(key) for key in release.segments.order_by("position").values_list("key", flat=True)]


def post(client, release, language, action, body):
    return client.post(language_url(release, language, *action.split("/")), body, format="json")


def state(release, language, key):
    return UnitState(UnitStatus.objects.get(release=release, language=language, key=key).state)


def test_submitting_units_with_error_findings_asks_for_confirmation_first(flagged, users):
    keys = keys_of(flagged)
    client = api_client(users["translator-ja"])
    body = {"keys": [keys[0], keys[FLAGGED]], "base_revision": flagged.head_number}
    before = database()
    problem = refused(post(client, flagged, "ja", "submit", body), 409, "confirm")
    assert [item["key"] for item in problem["findings"]] == [keys[FLAGGED]]
    assert problem["findings"][0]["unit"] == "segment 3"
    assert "漁業" in problem["detail"] and "nothing was changed" in problem["detail"]
    assert database() == before
    answer = ok(post(client, flagged, "ja", "submit", {**body, "confirm": True}))
    assert answer["message"] == "2 units sent for review."
    assert [unit["state"] for unit in answer["units"]] == ["needs_review", "needs_review"]


def test_a_save_submitted_with_error_findings_is_not_saved_without_confirmation(flagged, users):
    key = keys_of(flagged)[FLAGGED]
    client = api_client(users["translator-ja"])
    body = {"text": "両首脳は漁業について議論した!", "base_revision": flagged.head_number}
    url = language_url(flagged, "ja", "units", key)
    before = database()
    problem = refused(client.put(url, {**body, "submit": True}, format="json"), 409, "confirm")
    assert problem["findings"][0]["key"] == key
    assert database() == before
    answer = ok(client.put(url, {**body, "submit": True, "confirm": True}, format="json"))
    assert answer["message"].endswith("Sent for review.")
    assert answer["units"][0]["state"] == "needs_review"


def test_no_one_approves_a_translation_of_their_own(flagged, users):
    key = keys_of(flagged)[0]
    reviewer = api_client(users["reviewer-ja"])
    saved = ok(
        reviewer.put(
            language_url(flagged, "ja", "units", key),
            {
                "text": "両首脳は貿易を議論した。",
                "base_revision": flagged.head_number,
                "submit": True,
            },
            format="json",
        )
    )
    before = database()
    body = {"keys": [key], "base_revision": saved["revision"]}
    problem = refused(post(reviewer, flagged, "ja", "approve", body), 403, "not_allowed")
    assert "reviewer-ja translated segment 1 and may not approve it" in problem["detail"]
    assert database() == before
    admin = api_client(users["admin"])
    assert ok(post(admin, flagged, "ja", "approve", body))["units"][0]["approved_by"] == "admin"


def test_an_action_based_on_a_revision_before_the_units_change_is_stale(flagged, users):
    key = keys_of(flagged)[0]
    base = flagged.head_number
    ok(
        api_client(users["translator-ru"]).put(
            language_url(flagged, "ru", "units", key),
            {"text": "Лидеры обсудили торговлю!", "base_revision": base, "submit": True},
            format="json",
        )
    )
    before = database()
    reviewer = api_client(users["reviewer-ru"])
    body = {"keys": [key], "base_revision": base}
    problem = refused(post(reviewer, flagged, "ru", "approve", body), 409, "stale")
    assert f"after the revision {base} you were looking at" in problem["detail"]
    assert database() == before
    body["base_revision"] = base + 1
    assert ok(post(reviewer, flagged, "ru", "approve", body))["units"][0]["state"] == "approved"


def test_approving_a_unit_with_an_error_finding_needs_an_override(flagged, users):
    key = keys_of(flagged)[FLAGGED]
    translator, reviewer = api_client(users["translator-ja"]), api_client(users["reviewer-ja"])
    base = flagged.head_number
    body = {"keys": [key], "base_revision": base, "confirm": True}
    ok(post(translator, flagged, "ja", "submit", body))
    before = database()
    problem = refused(post(reviewer, flagged, "ja", "approve", body), 422, "refused")
    assert "segment 3 has 1 error finding without an override" in problem["detail"]
    assert database() == before


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"keys": [], "base_revision": 2}, 400, "“keys”"),
        ({"keys": ["x"]}, 400, "“base_revision”: This field is required."),
        ({"keys": "KEY", "base_revision": 2}, 400, "“keys”"),
        ({"keys": ["no-such-unit"], "base_revision": 2}, 422, "has no unit no-such-unit"),
        ({"keys": ["KEY"], "base_revision": 99}, 422, "has no revision 99"),
    ],
)
def test_a_review_action_asked_wrongly_changes_nothing(flagged, users, body, status, words):
    key = keys_of(flagged)[0]
    body = {
        name: [key if item == "KEY" else item for item in value]
        if isinstance(value, list)
        else value
        for name, value in body.items()
    }
    before = database()
    response = post(api_client(users["reviewer-ru"]), flagged, "ru", "approve", body)
    assert words in refused(response, status)["detail"]
    assert database() == before


def test_requesting_changes_needs_a_comment_that_then_opens_a_thread(flagged, users):
    key = keys_of(flagged)[0]
    reviewer = api_client(users["reviewer-ru"])
    body = {"keys": [key], "base_revision": flagged.head_number, "comment": "  "}
    before = database()
    problem = refused(post(reviewer, flagged, "ru", "request-changes", body), 422, "refused")
    assert problem["detail"] == "the comment is empty; nothing was changed"
    assert database() == before
    answer = ok(post(reviewer, flagged, "ru", "request-changes", {**body, "comment": "Shorter."}))
    [unit] = answer["units"]
    assert unit["state"] == "draft"
    assert [(c["author"], c["text"]) for c in unit["comments"]] == [("reviewer-ru", "Shorter.")]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"check": "forbidden-term", "concept": "CONCEPT", "reason": " "}, "the reason is empty"),
        ({"check": "numbers", "concept": None, "reason": "Fine."}, "no such finding"),
    ],
)
def test_an_override_needs_a_reason_and_a_finding_of_the_current_text(flagged, users, body, words):
    key = keys_of(flagged)[FLAGGED]
    reviewer = api_client(users["reviewer-ja"])
    [finding] = ok(reviewer.get(language_url(flagged, "ja", "units", key)))["findings"]
    body = {**body, "concept": finding["concept"] if body["concept"] else None}
    before = database()
    response = post(reviewer, flagged, "ja", f"units/{key}/override", body)
    assert words in refused(response, 422, "refused")["detail"]
    assert database() == before


def test_comments_replies_and_resolving_a_thread(flagged, users):
    key = keys_of(flagged)[0]
    translator, reviewer = api_client(users["translator-ja"]), api_client(users["reviewer-ja"])
    started = ok(
        post(
            translator,
            flagged,
            "ja",
            f"units/{key}/comments",
            {"text": "Source unclear?", "language": "en"},
        ),
        201,
    )["comment"]
    assert (started["language"], started["author"], started["replies"]) == (
        "en",
        "translator-ja",
        [],
    )
    replied = ok(
        post(reviewer, flagged, "ja", f"comments/{started['id']}/replies", {"text": "It is fine."}),
        201,
    )["comment"]
    assert [reply["text"] for reply in replied["replies"]] == ["It is fine."]
    resolved = ok(post(translator, flagged, "ja", f"comments/{started['id']}/resolve", {}))
    assert resolved["comment"]["resolved"] and resolved["comment"]["resolved_by"] == "translator-ja"
    before = database()
    again = refused(post(translator, flagged, "ja", f"comments/{started['id']}/resolve", {}), 422)
    assert again["detail"] == "this thread is already resolved; nothing was changed"
    assert database() == before


def test_comments_asked_wrongly_change_nothing(flagged, users, django_user_model):
    key = keys_of(flagged)[0]
    other = release_with(units=1, slug="another-release")
    elsewhere = comment_add(other, "title", "en", "Elsewhere.", users["editor"])
    client = api_client(users["translator-ja"])
    before = database()
    cases = [
        (
            f"units/{key}/comments",
            {"text": "Hm.", "language": "ru"},
            400,
            "comments here are in ja or en",
        ),
        (f"units/{key}/comments", {"text": " "}, 422, "the comment is empty"),
        ("units/no-such-unit/comments", {"text": "Hm."}, 422, "has no unit no-such-unit"),
        (f"comments/{elsewhere.pk}/replies", {"text": "Hm."}, 404, "this release has no comment"),
        (f"comments/{elsewhere.pk}/resolve", {}, 404, "this release has no comment"),
    ]
    for action, body, status, words in cases:
        assert words in refused(post(client, flagged, "ja", action, body), status)["detail"]
    assert database() == before
    assert Comment.objects.count() == 1


# --- publishing ----------------------------------------------------------------------------


def test_publishing_goes_through_the_admins_gate(flagged, users):
    editor = api_client(users["editor"])
    before = database()
    problem = refused(post(editor, flagged, "ja", "publish", {}), 422, "refused")
    assert "Japanese of revision 2 cannot be published yet" in problem["detail"]
    assert database() == before
    published = ok(post(editor, flagged, "en", "publish", {}), 201)
    assert published["publication"]["revision"] == flagged.head_number
    assert published["message"] == (
        f"Published revision {flagged.head_number} of “Summit Meeting” in English."
    )
    again = ok(post(editor, flagged, "en", "publish", {"revision": flagged.head_number}))
    assert not again["created"] and "was already published" in again["message"]
    assert Publication.objects.filter(release=flagged).count() == 1


@pytest.mark.parametrize(
    ("user", "language", "body", "status", "words"),
    [
        ("translator-ja", "en", {}, 403, "translator-ja may not publish releases"),
        ("editor", "xx", {}, 404, "unknown language “xx”"),
        ("editor", "en", {"revision": 99}, 422, "has no revision 99"),
        ("editor", "en", {"revision": "newest"}, 400, "“revision”: A valid integer"),
    ],
)
def test_a_publication_refused_changes_nothing(flagged, users, user, language, body, status, words):
    before = database()
    response = post(api_client(users[user]), flagged, language, "publish", body)
    assert words in refused(response, status)["detail"]
    assert database() == before


def test_a_unit_of_a_release_in_one_language_keeps_to_its_language(flagged, users):
    """A translator of Japanese saves Japanese; Russian is refused and stays as it was."""
    key = keys_of(flagged)[0]
    before = database()
    response = api_client(users["translator-ja"]).put(
        language_url(flagged, "ru", "units", key),
        {"text": "Лидеры.", "base_revision": flagged.head_number},
        format="json",
    )
    problem = refused(response, 403, "not_allowed")
    assert problem["detail"] == "translator-ja may not edit the Russian text; nothing was saved"
    assert database() == before
    assert state(flagged, "ru", key) == UnitState.NEEDS_REVIEW
    assert (
        paragraph(1, "ru")
        in ok(api_client(users["translator-ja"]).get(language_url(flagged, "ru", "units", key)))[
            "target"
        ]
    )
