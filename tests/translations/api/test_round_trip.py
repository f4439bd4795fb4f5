"""A translator's round trip through the API only: translator-ja's token lists the units that
need work, saves a translation and submits it; reviewer-ja's token approves it; the editor's
token publishes Japanese; the readers' endpoint then shows the new text."""

import pytest

from tests.helpers import api_client
from tests.scenarios import work_in_progress

pytestmark = pytest.mark.django_db

JAPANESE = "両首脳はエネルギーについて議論した。改訂。"


def ok(response, status=200):
    assert response.status_code == status, response.json()
    return response.json()


def test_a_translation_goes_from_the_translator_to_readers_through_the_api(users):
    release = work_in_progress(units=3)["release"]
    units_url = f"/api/v1/releases/{release.pk}/languages/ja/units/"
    translator = api_client(users["translator-ja"])
    reviewer = api_client(users["reviewer-ja"])
    editor = api_client(users["editor"])

    # The translator finds what needs work: the unit whose English was revised.
    listing = ok(translator.get(units_url, {"filter": "todo"}))
    [unit] = listing["results"]
    assert unit["state"] == "outdated" and unit["source"].endswith("Revised.")
    base = unit["revision"]

    saved = ok(
        translator.put(
            f"{units_url}{unit['key']}/",
            {"text": JAPANESE, "base_revision": base},
            format="json",
        )
    )
    assert saved["saved_revision"] == base + 1 == saved["revision"]
    [after] = saved["units"]
    assert (after["state"], after["target"], after["translated_by"]) == (
        "draft",
        JAPANESE,
        "translator-ja",
    )

    submitted = ok(
        translator.post(
            f"/api/v1/releases/{release.pk}/languages/ja/submit/",
            {"keys": [unit["key"]], "base_revision": saved["revision"]},
            format="json",
        )
    )
    assert submitted["units"][0]["state"] == "needs_review"

    # The reviewer sees it waiting and approves it.
    waiting = ok(reviewer.get(units_url, {"filter": "review"}))["results"]
    assert [item["key"] for item in waiting] == [unit["key"]]
    approved = ok(
        reviewer.post(
            f"/api/v1/releases/{release.pk}/languages/ja/approve/",
            {"keys": [unit["key"]], "base_revision": waiting[0]["revision"]},
            format="json",
        )
    )
    assert approved["units"][0]["state"] == "approved"
    assert approved["units"][0]["approved_by"] == "reviewer-ja"

    # The editor sees Japanese ready and publishes it.
    detail = ok(editor.get(f"/api/v1/releases/{release.pk}/"))
    assert detail["languages"]["ja"]["state"] == "ready" and detail["readiness"]["ja"] == []
    published = ok(
        editor.post(f"/api/v1/releases/{release.pk}/languages/ja/publish/", {}, format="json"),
        201,
    )
    assert published["publication"]["revision"] == saved["revision"]
    listed = ok(editor.get("/api/v1/releases/"))["results"]
    assert listed[0]["languages"]["ja"]["published_revision"] == saved["revision"]

    # Readers see the new text, anonymously.
    reader = ok(api_client().get(f"/api/v1/published/ja/releases/{release.slug}/"))
    assert reader["revision"] == saved["revision"]
    assert JAPANESE in [segment["text"] for segment in reader["segments"]]
