"""The units of a release in one language through the API: what each unit carries, filters,
pages and query counts, and saving a unit (merged with newer work, refused with base, theirs
and mine when it collides)."""

import pytest

from records.services import revision_snapshot
from tests.helpers import api_client
from tests.scenarios import paragraph, release_edit, release_with
from translations.checks.services import release_terms_check
from translations.review.actions import comment_add

from .support import database, language_url, ok, refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(flagged_users):
    """The module's accounts (``flagged`` is built once per module: see conftest)."""
    return flagged_users


ALL = ("en", "ja", "ru")
# Stands for the newest revision in a request's body.
HEAD = object()
# Paragraph 3 (fisheries) uses the forbidden Japanese term: an error finding.
FLAGGED = 2


def keys_of(release):
    return [str(key) for key in release.segments.order_by("position").values_list("key", flat=True)]


def units(client, release, language="ja", **params):
    return ok(client.get(language_url(release, language, "units"), params))


def test_each_unit_has_its_key_kind_state_texts_findings_threads_and_revision(flagged, users):
    keys = keys_of(flagged)
    thread = comment_add(flagged, keys[0], "ja", "Word order?", users["translator-ja"])
    comment_add(flagged, "", "ja", "Fine as it is.", users["reviewer-ja"], parent=thread)
    comment_add(flagged, keys[0], "en", "Is the English final?", users["translator-ja"])
    flagged.refresh_from_db()
    page = units(api_client(users["translator-ja"]), flagged)
    assert page["revision"] == flagged.head_number and page["check"] == "current"
    assert page["counts"]["all"] == 5 and page["counts"]["errors"] == 1
    found = {unit["key"]: unit for unit in page["results"]}
    assert [unit["key"] for unit in page["results"]] == ["title", *keys]
    title = found["title"]
    assert (title["kind"], title["segment_kind"], title["state"]) == ("title", None, "draft")
    assert (title["source"], title["target"]) == ("Summit Meeting", "首脳会談")
    first = found[keys[0]]
    assert (first["kind"], first["segment_kind"], first["number"]) == ("segment", "paragraph", 1)
    assert (first["source"], first["target"]) == (paragraph(1), paragraph(1, "ja"))
    assert first["revision"] == flagged.head_number == first["state_revision"]
    assert first["translated_by"] == "editor" and first["approved_by"] is None
    # Threads in the target and in the source language, with their replies.
    assert [(c["language"], c["text"]) for c in first["comments"]] == [
        ("ja", "Word order?"),
        ("en", "Is the English final?"),
    ]
    assert first["comments"][0]["replies"][0]["author"] == "reviewer-ja"
    assert not first["comments"][0]["resolved"]
    [finding] = found[keys[FLAGGED]]["findings"]
    assert finding["severity"] == "error" and finding["blocking"] and finding["override"] is None
    assert finding["term"] == "漁業" and finding["check"] == "forbidden-term"


def test_an_overridden_finding_shows_its_reason_and_no_longer_blocks(flagged, users):
    key = keys_of(flagged)[FLAGGED]
    reviewer = api_client(users["reviewer-ja"])
    [finding] = units(reviewer, flagged, key=key)["results"][0]["findings"]
    answer = ok(
        reviewer.post(
            language_url(flagged, "ja", "units", key, "override"),
            {"check": finding["check"], "concept": finding["concept"], "reason": "A quotation."},
            format="json",
        ),
        201,
    )
    [after] = answer["units"][0]["findings"]
    assert not after["blocking"]
    assert (
        after["override"]["reason"] == "A quotation." and after["override"]["by"] == "reviewer-ja"
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"filter": "errors"}, [FLAGGED]),
        ({"filter": "review"}, []),
        ({"q": "FISHERIES"}, [FLAGGED]),
        ({"q": "漁業"}, [FLAGGED]),
        ({"filter": "todo", "q": "energy"}, [1]),
    ],
)
def test_units_are_filtered_and_searched_as_in_the_workbench(flagged, users, params, expected):
    keys = keys_of(flagged)
    page = units(api_client(users["translator-ja"]), flagged, **params)
    assert [unit["key"] for unit in page["results"]] == [keys[index] for index in expected]


def test_units_named_by_key_and_pages_follow_the_release_order(flagged, users):
    client = api_client(users["translator-ja"])
    keys = ["title", *keys_of(flagged)]
    chosen = units(client, flagged, key=[keys[4], keys[1]])["results"]
    assert [unit["key"] for unit in chosen] == [keys[1], keys[4]]
    seen, page = [], units(client, flagged, page_size=2)
    while True:
        seen += [unit["key"] for unit in page["results"]]
        if page["next"] is None:
            break
        page = ok(client.get(page["next"]))
    assert seen == keys
    back = ok(client.get(page["previous"]))
    assert [unit["key"] for unit in back["results"]] == keys[2:4]
    # A page after a unit that others added before it starts after the same unit.
    first = units(client, flagged, page_size=3)
    release_edit(flagged, "en", 0, paragraph(1) + " Edited.")
    following = ok(client.get(first["next"]))
    assert following["results"][0]["key"] == keys[3]
    assert following["revision"] == flagged.head_number


@pytest.mark.parametrize(
    ("language", "params", "status", "words"),
    [
        ("ja", {"filter": "nope"}, 400, "There is no filter “nope”"),
        ("ja", {"q": "x" * 300}, 400, "at most 250 characters"),
        ("ja", {"cursor": "not-a-cursor"}, 404, "Invalid cursor"),
        ("en", {}, 404, "English is the source language"),
        ("xx", {}, 404, "not a language Concord keeps"),
    ],
)
def test_a_list_asked_for_wrongly_is_refused_clearly(
    flagged, users, language, params, status, words
):
    response = api_client(users["translator-ja"]).get(
        language_url(flagged, language, "units"), params
    )
    assert words in refused(response, status)["detail"]


def test_unknown_releases_and_units_are_not_found(flagged, users):
    client = api_client(users["translator-ja"])
    problem = refused(client.get("/api/v1/releases/999999/languages/ja/units/"), 404)
    assert problem["detail"] == "There is no release 999999."
    problem = refused(client.get(language_url(flagged, "ja", "units", "no-such-unit")), 404)
    assert "has no unit no-such-unit" in problem["detail"]
    assert ok(client.get(language_url(flagged, "ja", "units", "title")))["target"] == "首脳会談"


# The token, the user's permissions, the release, and the workbench's rows.
QUERIES = 13


def test_listing_units_costs_the_same_queries_at_20_and_2000_units(
    users, django_assert_num_queries
):
    # The module's glossary forbids 漁業 in Japanese (see conftest): error findings.
    client = api_client(users["reviewer-ja"])
    releases = {}
    for size in (20, 2000):
        release = release_with(
            units=size, languages=ALL, states={"ja": "draft"}, slug=f"size-{size}"
        )
        release_terms_check(release)
        keys = keys_of(release)
        for key in keys[:: max(1, size // 10)]:
            thread = comment_add(release, key, "ja", "Check this.", users["translator-ja"])
            comment_add(release, key, "ja", "Checked.", users["reviewer-ja"], parent=thread)
        release.refresh_from_db()
        releases[size] = release
    client.get("/api/v1/releases/")  # the token's first use is written once
    for size, release in releases.items():
        for params in ({}, {"page_size": 5000}, {"filter": "errors"}, {"q": "漁業"}):
            with django_assert_num_queries(QUERIES):
                page = units(client, release, **params)
            if params.get("page_size"):
                assert len(page["results"]) == size + 1
        flagged = sum("漁業" in paragraph(n, "ja") for n in range(1, size + 1))
        assert units(client, release)["counts"]["errors"] == flagged > 0


# --- saving ------------------------------------------------------------------------------


def save(client, release, key, text, base, language="ja", **more):
    return client.put(
        language_url(release, language, "units", key),
        {"text": text, "base_revision": base, **more},
        format="json",
    )


def test_a_save_based_on_an_older_revision_merges_work_that_does_not_collide(flagged, users):
    keys = keys_of(flagged)
    base = flagged.head_number
    release_edit(flagged, "ja", 0, "査読者の訳。", author=users["reviewer-ja"])
    answer = ok(save(api_client(users["translator-ja"]), flagged, keys[1], "改訂。", base))
    assert answer["saved_revision"] == base + 2 == answer["revision"]
    assert answer["message"] == (
        f"Saved as revision {base + 2}, merged with the changes reviewer-ja saved since "
        f"revision {base}."
    )
    # The unit saved and the one the reviewer changed since the base come back.
    assert answer["changed"] == [keys[0]]
    assert {unit["key"]: unit["target"] for unit in answer["units"]} == {
        keys[0]: "査読者の訳。",
        keys[1]: "改訂。",
    }
    head = revision_snapshot(flagged, base + 2)["segments"]
    assert (head[0]["text"]["ja"], head[1]["text"]["ja"]) == ("査読者の訳。", "改訂。")


def test_a_save_that_collides_is_refused_with_base_theirs_and_mine(flagged, users):
    key = keys_of(flagged)[0]
    base = flagged.head_number
    release_edit(flagged, "ja", 0, "査読者の訳。", author=users["reviewer-ja"])
    before = database()
    problem = refused(
        save(api_client(users["translator-ja"]), flagged, key, "翻訳者の訳。", base),
        409,
        "conflict",
    )
    assert (problem["base"], problem["theirs"], problem["mine"]) == (
        paragraph(1, "ja"),
        "査読者の訳。",
        "翻訳者の訳。",
    )
    assert problem["head"] == base + 1 and problem["base_revision"] == base
    assert problem["conflicts"][0]["language"] == "ja" and not problem["conflicts"][0]["deleted"]
    assert "Nothing was saved" in problem["detail"]
    assert database() == before
    # Keeping mine is a save based on the newest revision.
    assert ok(save(api_client(users["translator-ja"]), flagged, key, "翻訳者の訳。", base + 1))


def test_saving_the_same_text_makes_no_revision(flagged, users):
    key = keys_of(flagged)[0]
    before = database()
    answer = ok(save(api_client(users["translator-ja"]), flagged, key, paragraph(1, "ja"), 1))
    assert answer["saved_revision"] is None and answer["message"] == "Nothing changed in the text."
    assert database() == before


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"text": "訳。"}, 400, "“base_revision”: This field is required."),
        ({"text": "訳。", "base_revision": "two"}, 400, "“base_revision”: A valid integer"),
        ({"text": "訳。", "base_revision": 0}, 400, "greater than or equal to 1"),
        ({"base_revision": 1}, 400, "“text”: This field is required."),
        ({"text": "訳\x00。", "base_revision": HEAD}, 400, "“text”: Null characters"),
        ({"text": "訳。", "base_revision": 99}, 422, "has no revision 99; nothing was saved"),
        ({"text": "訳。" * 20_000, "base_revision": HEAD}, 422, "too long"),
        ({"text": "訳\x07。", "base_revision": HEAD}, 422, "control character U+0007"),
    ],
)
def test_a_save_refused_says_why_and_changes_nothing(flagged, users, body, status, words):
    key = keys_of(flagged)[0]
    if body.get("base_revision") is HEAD:
        body = {**body, "base_revision": flagged.head_number}
    before = database()
    response = api_client(users["translator-ja"]).put(
        language_url(flagged, "ja", "units", key), body, format="json"
    )
    assert words in refused(response, status)["detail"]
    assert database() == before


def test_a_save_of_an_unknown_unit_or_a_body_that_is_not_json_changes_nothing(flagged, users):
    client = api_client(users["translator-ja"])
    before = database()
    problem = refused(save(client, flagged, "no-such-unit", "訳。", 1), 422, "refused")
    assert "has no unit no-such-unit to translate" in problem["detail"]
    response = client.put(
        language_url(flagged, "ja", "units", "title"), "{not json", content_type="application/json"
    )
    refused(response, 400, "parse_error")
    response = client.put(language_url(flagged, "ja", "units", "title"), [1, 2], format="json")
    assert "Expected a dictionary" in refused(response, 400, "invalid")["detail"]
    assert database() == before
