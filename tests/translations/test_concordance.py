"""The workbench's concordance: approved units of every release and the translation memory,
searched language-aware on either side, bounded, in a fixed number of queries."""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone, translation

from config import languages
from config.limits import MAX_CONCORDANCE_CHARS, MAX_CONCORDANCE_WORDS
from records.services import release_write
from tests.scenarios import release_with, user_with_role
from translations.memory import EntryData, entries_merge
from translations.models import Event, MemoryEntry, UnitStatus
from translations.review.concordance import LIMIT, concordance_query

pytestmark = pytest.mark.django_db


def approved_release(slug, units=3):
    """A release whose paragraphs are approved in Japanese and Russian: "The leaders
    discussed trade." / "両首脳は貿易について議論した。" / "Лидеры обсудили торговлю." …"""
    return release_with(units=units, languages=languages.CODES, slug=slug)


def search(client, release, language, q, side="both"):
    url = reverse("translations:concordance", args=[release.pk, language])
    return client.get(url, {"q": q, "side": side})


@pytest.fixture
def releases(db):
    return [approved_release("first"), approved_release("second", units=2)]


@pytest.fixture
def translator(client, releases):
    client.force_login(user_with_role("translator", "ja"))
    return client


def marked(text, marks):
    return [text[start:end] for start, end in marks]


def test_an_english_word_finds_its_plural_in_approved_sources(translator, releases):
    response = search(translator, releases[0], "ja", "leader", side="source")
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] and body["query"] == "leader"
    sources = [hit["source"] for hit in body["results"]]
    assert sources[:2] == ["The leaders discussed trade.", "The leaders discussed energy."]
    first = body["results"][0]
    assert marked(first["source"], first["source_marks"]) == ["leaders"]
    assert first["target"] == "両首脳は貿易について議論した。" and first["target_marks"] == []
    assert first["origin"] == "release" and first["approver"] == "reviewer-ja"
    # Approvals enter the memory: the same pair is shown once, as the release's unit.
    assert first["in_memory"] is True
    assert first["url"].startswith(reverse("translations:workbench", args=[releases[1].pk, "ja"]))
    assert len({(hit["source"], hit["target"]) for hit in body["results"]}) == len(sources)


def test_a_japanese_word_is_found_inside_unspaced_approved_text(translator, releases):
    body = search(translator, releases[0], "ja", "貿易", side="target").json()
    (hit,) = body["results"]
    assert hit["target"] == "両首脳は貿易について議論した。"
    assert hit["target_marks"] == [[4, 6]]
    assert search(translator, releases[0], "ja", "貿易", side="source").json()["results"] == []


def test_a_russian_word_finds_its_inflected_forms(client, releases):
    client.force_login(user_with_role("translator", "ru"))
    body = search(client, releases[0], "ru", "торговля", side="target").json()
    (hit,) = body["results"]
    assert hit["target"] == "Лидеры обсудили торговлю."
    assert marked(hit["target"], hit["target_marks"]) == ["торговлю"]
    # Capitalised in the text, lower case in the query (SQLite's LIKE folds ASCII only).
    body = search(client, releases[0], "ru", "лидер", side="target").json()
    assert {hit["target"] for hit in body["results"]} >= {"Лидеры обсудили торговлю."}


def test_a_phrase_comes_before_texts_with_the_words_apart(translator, releases):
    entries_merge(
        [
            EntryData(
                "en",
                "ja",
                "Trade was what the leaders discussed at length, and more.",
                "貿易について長く議論した。",
                timezone.now(),
                timezone.now(),
            )
        ]
    )
    results = search(translator, releases[0], "ja", "discussed trade").json()["results"]
    assert results[0]["source"] == "The leaders discussed trade."
    assert marked(results[0]["source"], results[0]["source_marks"]) == ["discussed trade"]
    last = results[-1]
    assert last["origin"] == "memory"
    assert sorted(marked(last["source"], last["source_marks"])) == ["Trade", "discussed"]


def test_units_not_approved_are_not_found_and_memory_only_pairs_are(translator, releases):
    editor = user_with_role("editor")
    release_write(
        {
            "slug": "drafts",
            "date": "2021-01-01",
            "topic": "context",
            "title": {"en": "Drafts"},
            "photos": [],
            "segments": [
                {
                    "key": str(uuid.uuid4()),
                    "kind": "paragraph",
                    "level": 0,
                    "text": {"en": "The whale fishermen met.", "ja": "捕鯨漁師が会った。"},
                }
            ],
        },
        author=editor,
        topic_names={"en": "Context"},
        context={"submit": {"ja": True}},
    )
    assert search(translator, releases[0], "ja", "捕鯨").json()["results"] == []
    now = timezone.now()
    entries_merge(
        [
            EntryData("en", "ja", "Whales were discussed.", "捕鯨について議論した。", now, now),
            EntryData("en", "ru", "Whales were discussed.", "Обсудили китов.", now, now),
        ]
    )
    (hit,) = search(translator, releases[0], "ja", "捕鯨").json()["results"]
    assert hit["origin"] == "memory" and hit["target"] == "捕鯨について議論した。"
    assert hit["url"] == ""
    (hit,) = search(translator, releases[0], "ja", "whale").json()["results"]
    assert marked(hit["source"], hit["source_marks"]) == ["Whales"]


def test_results_are_bounded(translator, releases):
    many = approved_release("many", units=LIMIT + 10)
    body = search(translator, many, "ja", "leaders", side="source").json()
    assert len(body["results"]) == LIMIT and body["more"] is True
    # Shorter texts first: one subject before two.
    lengths = [len(hit["source"]) for hit in body["results"]]
    assert lengths == sorted(lengths)


def test_concordance_queries_do_not_grow_with_releases(
    client, releases, django_assert_max_num_queries
):
    client.force_login(user_with_role("translator", "ru"))
    with CaptureQueriesContext(connection) as few:
        assert search(client, releases[0], "ru", "торговля").json()["results"]
    for number in range(10):
        approved_release(f"more-{number}", units=4)
    with django_assert_max_num_queries(len(few)):
        body = search(client, releases[0], "ru", "торговля").json()
    # Twelve releases hold the sentence; approved in each, it is shown once.
    assert len(body["results"]) == 1 and body["results"][0]["in_memory"]
    with django_assert_max_num_queries(len(few)):
        body = search(client, releases[0], "ru", "leaders").json()
    # Paragraphs 1 to 4, each shown once however many releases approved it.
    assert body["more"] is False and len(body["results"]) == 4


def test_the_query_reads_words_with_the_matcher_rules():
    query = concordance_query("en", "ja", "  Territories   of priority ", "source")
    assert query.text == "Territories of priority" and query.target is None
    assert query.source.marks("territory of priority development")[1] is True
    assert query.source.marks("priority of one territory")[1] is False
    assert query.source.marks("priority alone") is None


def database_state():
    return (
        sorted(UnitStatus.objects.values_list("release_id", "key", "language", "state")),
        Event.objects.count(),
        MemoryEntry.objects.count(),
    )


@pytest.mark.parametrize(
    "case, status, message",
    [
        ("empty", 400, "type the words"),
        ("punctuation", 400, "no words"),
        ("too long", 400, "too long"),
        ("too many words", 400, "too many words"),
        ("side", 400, "not a side"),
        ("source language", 404, "is the source language"),
        ("no permission", 403, "You may not see releases"),
        ("post", 405, "does not answer POST"),
    ],
)
def test_concordance_refusals_are_json_and_change_nothing(client, releases, case, status, message):
    params = {"q": "trade", "side": "both"}
    language, method = "ja", "get"
    user = user_with_role("translator", "ja")
    if case == "empty":
        params["q"] = "   "
    elif case == "punctuation":
        params["q"] = "… ?!"
    elif case == "too long":
        params["q"] = "a" * (MAX_CONCORDANCE_CHARS + 1)
    elif case == "too many words":
        params["q"] = " ".join(f"word{n}" for n in range(MAX_CONCORDANCE_WORDS + 1))
    elif case == "side":
        params["side"] = "middle"
    elif case == "source language":
        language = "en"
    elif case == "no permission":
        user = get_user_model().objects.create_user("staff-only", password="x", is_staff=True)
    elif case == "post":
        method = "post"
    client.force_login(user)
    before = database_state()
    url = reverse("translations:concordance", args=[releases[0].pk, language])
    response = getattr(client, method)(url, params)
    assert response.status_code == status
    body = response.json()
    assert body["ok"] is False and message in body["error"]
    assert database_state() == before


def test_a_result_links_to_the_workbench_page_that_holds_its_unit(translator, releases):
    """A unit past the first page of its workbench: the link opens that page, the unit in the
    fragment; a title (on the first page) opens page 1."""
    from records.snapshots import release_snapshot
    from translations.review.actions import units_approve
    from translations.review.views.workbench import ROWS_PER_PAGE

    release = release_with(units=ROWS_PER_PAGE + 5, languages=("en", "ja"), slug="long")
    content = release_snapshot(release)
    last = content["segments"][-1]
    last["text"] |= {"en": "The whalers met.", "ja": "捕鯨船員が会った。"}
    release_write(
        content,
        author=user_with_role("editor"),
        based_on=release.head_number,
        context={"submit": {"ja": True}},
    )
    release.refresh_from_db()
    units_approve(
        release, "ja", [last["key"]], user_with_role("reviewer", "ja"), based_on=release.head_number
    )
    (hit,) = search(translator, releases[0], "ja", "捕鯨").json()["results"]
    workbench = reverse("translations:workbench", args=[release.pk, "ja"])
    assert hit["url"] == f"{workbench}?unit={last['key']}#unit-{last['key']}"
    page = translator.get(hit["url"].split("#")[0])
    assert page.context["page"].number == 2
    assert last["key"] in [row.key for row in page.context["rows"]]
    (title,) = [
        hit
        for hit in search(translator, releases[0], "ja", "summit", side="source").json()["results"]
        if hit["release"] == "long"
    ]
    assert title["url"] == f"{workbench}?unit=title#unit-title"
    assert translator.get(title["url"].split("#")[0]).context["page"].number == 1


def test_a_result_is_dated_by_its_approval_in_the_page_language(client, releases):
    """The release's own date (July 7, 2017) is not when its translation was approved."""
    approved_on = timezone.localtime(
        UnitStatus.objects.filter(release=releases[0], language="ja", state=40)
        .order_by("-changed_at")
        .values_list("changed_at", flat=True)
        .first()
    ).date()
    client.force_login(user_with_role("translator", "ja"))
    url = reverse("translations:concordance", args=[releases[0].pk, "ja"])
    for code in ("en", "ru"):
        response = client.get(url, {"q": "trade", "side": "source"}, HTTP_ACCEPT_LANGUAGE=code)
        hit = response.json()["results"][0]
        assert hit["origin"] == "release"
        assert hit["date_iso"] == approved_on.isoformat() != releases[0].date.isoformat()
        with translation.override(code):
            assert hit["date"] == formats.date_format(approved_on, "DATE_FORMAT")
