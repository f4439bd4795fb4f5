"""The translation memory through the API: lookup, concordance and TMX, for those who work in
the target language; refusals change nothing."""

import io
from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model

from config import limits
from tests.helpers import api_client
from tests.scenarios import release_with, user_with_role
from translations.memory import EntryData, MemoryEntry, entries_merge
from translations.memory.tmx import memory_export

pytestmark = pytest.mark.django_db

LOOKUP = "/api/v1/memory/lookup/"
CONCORDANCE = "/api/v1/memory/concordance/"
TMX = "/api/v1/memory/tmx/"
PROBLEM = "application/problem+json"
WHEN = datetime(2021, 3, 4, 5, 6, 7, tzinfo=UTC)


def memory_state():
    return sorted(
        MemoryEntry.objects.values_list(
            "source_language", "target_language", "source_text", "target_text", "changed_at"
        )
    )


@pytest.fixture
def memory(users):
    entries_merge(
        [
            EntryData(
                "en",
                "ja",
                "The leaders discussed trade.",
                "両首脳は貿易について議論した。",
                WHEN,
                WHEN,
            ),
            EntryData(
                "en",
                "ja",
                "The ministers discussed energy.",
                "両大臣はエネルギーについて議論した。",
                WHEN,
                WHEN,
            ),
            EntryData(
                "en", "ru", "The leaders discussed trade.", "Лидеры обсудили торговлю.", WHEN, WHEN
            ),
        ]
    )
    return users


def client_of(name):
    return api_client(get_user_model().objects.get(username=name))


def lookup(client, texts, source="en", target="ja"):
    body = {"source_language": source, "target_language": target, "texts": texts}
    return client.post(LOOKUP, body, format="json")


# --- lookup ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["translator-ja", "reviewer-ja", "editor"])
def test_those_who_work_in_the_language_get_exact_and_fuzzy_matches(memory, name):
    response = lookup(
        client_of(name),
        ["The leaders discussed trade.", "The leaders discussed energy.", "Nothing alike here."],
    )
    assert response.status_code == 200, response.content
    results = response.json()["results"]
    assert [r["text"] for r in results] == [
        "The leaders discussed trade.",
        "The leaders discussed energy.",
        "Nothing alike here.",
    ]
    exact = results[0]["matches"][0]
    assert exact["exact"] and exact["percent"] == 100
    assert exact["target"] == "両首脳は貿易について議論した。"
    fuzzy = results[1]["matches"]
    assert fuzzy and not fuzzy[0]["exact"] and 75 <= fuzzy[0]["percent"] < 100
    assert results[2]["matches"] == []
    # Only the pair asked for: the Russian entry is not a Japanese match.
    assert all(m["target"] != "Лидеры обсудили торговлю." for r in results for m in r["matches"])


@pytest.mark.parametrize(("name", "target"), [("translator-ru", "ja"), ("terminologist", "ja")])
def test_the_memory_of_a_language_one_does_not_work_in_is_refused(memory, name, target):
    response = lookup(client_of(name), ["The leaders discussed trade."], target=target)
    assert response.status_code == 403 and response["Content-Type"] == PROBLEM
    assert response.json()["detail"] == "You do not translate or review Japanese."


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"source_language": "ja", "target_language": "ja", "texts": ["x"]}, "target_language"),
        ({"target_language": "xx", "texts": ["x"]}, "target_language"),
        ({"target_language": "ja", "texts": []}, "texts"),
        ({"target_language": "ja", "texts": ["x"] * (limits.MAX_MEMORY_LOOKUP_TEXTS + 1)}, "texts"),
        ({"target_language": "ja", "texts": ["x" * (limits.MAX_UNIT_CHARS + 1)]}, "texts"),
        ({"target_language": "ja"}, "texts"),
    ],
)
def test_a_lookup_that_cannot_be_answered_is_a_problem(memory, body, field):
    response = client_of("translator-ja").post(LOOKUP, body, format="json")
    assert response.status_code == 400 and response["Content-Type"] == PROBLEM
    assert field in response.json()["errors"]


def test_the_lookup_source_language_defaults_to_english(memory):
    body = {"target_language": "ru", "texts": ["The leaders discussed trade."]}
    response = client_of("translator-ru").post(LOOKUP, body, format="json")
    assert response.json()["source_language"] == "en"
    assert response.json()["results"][0]["matches"][0]["target"] == "Лидеры обсудили торговлю."


# --- concordance -----------------------------------------------------------------------------


@pytest.fixture
def approved(memory):
    """A release approved in every language ("The leaders discussed trade." …)."""
    return release_with(units=3, languages=("en", "ja", "ru"), slug="approved")


def test_the_concordance_finds_words_in_approved_units_and_the_memory(approved):
    response = client_of("translator-ja").get(
        CONCORDANCE, {"target_language": "ja", "q": "discussed", "side": "source"}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["query"] == "discussed" and body["side"] == "source"
    origins = {(hit["source"], hit["origin"]) for hit in body["results"]}
    assert ("The ministers discussed energy.", "memory") in origins
    release_hit = next(hit for hit in body["results"] if hit["origin"] == "release")
    assert release_hit["release"] == "approved" and release_hit["release_id"] == approved.pk
    assert release_hit["key"] and release_hit["approver"] == "reviewer-ja"
    start, end = release_hit["source_marks"][0]
    assert release_hit["source"][start:end] == "discussed"


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ({"target_language": "ja", "q": "  "}, 400, "type the words to look for"),
        ({"target_language": "ja", "q": "x" * 251}, 400, "the query is too long"),
        ({"target_language": "ja", "q": "trade", "side": "middle"}, 400, "valid choice"),
        ({"target_language": "en", "q": "trade"}, 400, "must differ"),
        ({"target_language": "ru", "q": "trade"}, 403, "You do not translate or review Russian."),
    ],
)
def test_a_concordance_that_cannot_be_searched_is_a_problem(approved, query, status, message):
    response = client_of("translator-ja").get(CONCORDANCE, query)
    assert response.status_code == status and response["Content-Type"] == PROBLEM
    assert message in response.json()["detail"]


# --- TMX -------------------------------------------------------------------------------------


def test_a_translator_downloads_the_memory_of_their_language_as_tmx(memory):
    response = client_of("translator-ru").get(TMX, {"language": "ru"})
    assert response.status_code == 200
    assert response.content == memory_export("ru")
    assert response["Content-Disposition"] == 'attachment; filename="memory.ru.tmx"'
    refused = client_of("translator-ru").get(TMX, {"language": "ja"})
    assert refused.status_code == 403 and refused["Content-Type"] == PROBLEM


def tmx_upload(data, name="memory.tmx"):
    upload = io.BytesIO(data)
    upload.name = name
    return {"file": upload}


def test_an_administrator_uploads_tmx_and_gets_the_commands_report(memory):
    user_with_role("admin")
    data = memory_export("ja")
    MemoryEntry.objects.filter(target_language="ja").delete()
    response = client_of("admin").post(TMX, tmx_upload(data), format="multipart")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["counts"] == {"created": 2, "updated": 0, "unchanged": 0}
    assert body["lines"][0].startswith("Translation memory imported: 2 entries created")
    assert memory_export("ja") == data


def test_a_tmx_uploads_report_names_the_notes_not_kept(memory):
    user_with_role("admin")
    data = memory_export("ja").replace(b"<tuv ", b"<note>check</note><tuv ", 1)
    response = client_of("admin").post(TMX, tmx_upload(data), format="multipart")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["note_count"] == 1 and len(body["notes"]) == 1
    assert any("1 note was not kept" in line for line in body["lines"])


@pytest.mark.parametrize(
    ("name", "data", "status", "message"),
    [
        ("translator-ja", None, 403, "You may not import files into the translation memory."),
        ("editor", None, 403, "You may not import files into the translation memory."),
        ("admin", b"<tmx", 400, "not well-formed"),
        ("admin", b"<html></html>", 400, "expected <tmx>"),
    ],
)
def test_a_refused_tmx_upload_changes_nothing(memory, name, data, status, message):
    user_with_role("admin")
    before = memory_state()
    data = memory_export("ja").replace(b"trade", b"commerce") if data is None else data
    response = client_of(name).post(TMX, tmx_upload(data), format="multipart")
    assert response.status_code == status and response["Content-Type"] == PROBLEM
    assert message in response.json()["detail"]
    assert memory_state() == before


def test_a_tmx_upload_over_the_limit_is_refused_before_it_is_read(memory, monkeypatch):
    from translations import uploads

    user_with_role("admin")
    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 10)
    before = memory_state()
    data = memory_export("ja")
    response = client_of("admin").post(TMX, tmx_upload(data), format="multipart")
    assert response.status_code == 413 and response["Content-Type"] == PROBLEM
    assert response.json()["detail"].startswith(f"the file is {len(data)} bytes; at most")
    assert memory_state() == before
