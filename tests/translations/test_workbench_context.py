"""Context before typing: each workbench row's glossary terms (before any save or check), the
live checks of one unit's text, refusals that change nothing, and query counts."""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from config.limits import MAX_UNIT_CHARS
from records.models import Revision
from records.services import release_write
from tests.scenarios import glossary_with, user_with_role
from translations.checks.live import unit_terms
from translations.models import CheckRun, Event, Finding, MemoryEntry, PendingCheck, UnitStatus

pytestmark = pytest.mark.django_db

SUMMIT_JA, FORBIDDEN_JA = "首脳会談", "サミット"


@pytest.fixture
def glossary(db):
    return glossary_with(
        (
            "summit",
            {
                "en": "summit",
                "ja": [(SUMMIT_JA, "preferred"), (FORBIDDEN_JA, "forbidden")],
                "ru": [("встреча на высшем уровне", "preferred"), ("саммит", "admitted")],
            },
        ),
        ("territory", {"en": "territory", "ja": "領土", "ru": "территория"}),
        (
            "peace-treaty",
            {
                "en": "peace treaty",
                "ja": "平和条約",
                "ru": [("мирный договор", "preferred"), ("мирное соглашение", "deprecated")],
            },
        ),
    )


def content(slug, texts, *, source="en", title=None):
    """Return a new release's content: one paragraph per ``{language: text}`` of ``texts``."""
    return {
        "slug": slug,
        "date": "2020-01-01",
        "topic": "context",
        "source_language": source,
        "title": title or {source: f"Release {slug}"},
        "photos": [],
        "segments": [
            {"key": str(uuid.uuid4()), "kind": "paragraph", "level": 0, "text": text}
            for text in texts
        ],
    }


def release_of(slug, texts, **options):
    editor = user_with_role("editor")
    data = content(slug, texts, **options)
    return release_write(
        data, author=editor, topic_names={data["source_language"]: "Context"}
    ).release


def workbench(release, language):
    return reverse("translations:workbench", args=[release.pk, language])


def segment_key(release, index=0):
    return str(release.segments.order_by("position")[index].key)


def database_state():
    """Everything a check or a search could write, as comparable data."""
    return (
        list(Revision.objects.order_by("pk").values_list("pk", "number")),
        sorted(UnitStatus.objects.values_list("release_id", "key", "language", "state")),
        Event.objects.count(),
        Finding.objects.count(),
        CheckRun.objects.count(),
        PendingCheck.objects.count(),
        MemoryEntry.objects.count(),
    )


# --- terms before typing ---------------------------------------------------------------------


def test_rows_show_the_terms_of_their_source_before_any_save_or_check(
    client, glossary, no_term_checks
):
    release = release_of(
        "terms-en",
        [
            {"en": "The leaders held two summits on the territories."},
            {"en": "The leaders discussed trade."},
        ],
    )
    assert not Finding.objects.exists() and not CheckRun.objects.exists()
    client.force_login(user_with_role("translator", "ja"))
    response = client.get(workbench(release, "ja"))
    assert response.status_code == 200
    rows = {row.key: row for row in response.context["rows"]}
    first = rows[segment_key(release, 0)]
    terms = {term.source: term for term in first.terms}
    # Plural English words find the singular terms.
    assert set(terms) == {"summits", "territories"}
    summit = terms["summits"]
    assert [t.text for t in summit.accepted] == [SUMMIT_JA]
    assert [(t.text, t.status) for t in summit.rejected] == [(FORBIDDEN_JA, "forbidden")]
    assert [t.text for t in terms["territories"].accepted] == ["領土"]
    assert rows[segment_key(release, 1)].terms == []
    html = response.content.decode()
    assert f'class="term-insert" data-text="{SUMMIT_JA}"' in html
    assert f'<del lang="ja">{FORBIDDEN_JA}</del> <span class="badge">forbidden</span>' in html
    # The matched words of the source are marked.
    assert '<mark class="finding term" title="Glossary: 首脳会談">summits</mark>' in html
    assert '<mark class="finding term" title="Glossary: 領土">territories</mark>' in html


def test_russian_rows_show_admitted_and_deprecated_terms(client, glossary, no_term_checks):
    release = release_of("terms-ru", [{"en": "A peace treaty and a summit."}])
    client.force_login(user_with_role("translator", "ru"))
    response = client.get(workbench(release, "ru"))
    (row,) = [row for row in response.context["rows"] if row.terms]
    by_source = {term.source: term for term in row.terms}
    assert [(t.text, t.status) for t in by_source["summit"].accepted] == [
        ("встреча на высшем уровне", "preferred"),
        ("саммит", "admitted"),
    ]
    assert [(t.text, t.status) for t in by_source["peace treaty"].rejected] == [
        ("мирное соглашение", "deprecated")
    ]
    html = response.content.decode()
    assert '<span class="term-status">admitted</span>' in html
    assert 'class="term-rejected term-deprecated"' in html


def test_a_japanese_source_finds_terms_inside_unspaced_text(client, glossary, no_term_checks):
    release = release_of(
        "terms-ja",
        [{"ja": "両首脳は平和条約締結問題について議論した。"}],
        source="ja",
        title={"ja": "日露首脳会談"},
    )
    client.force_login(user_with_role("translator", "ru"))
    response = client.get(workbench(release, "ru"))
    rows = {row.key: row for row in response.context["rows"]}
    (term,) = rows[segment_key(release)].terms
    assert term.source == "平和条約"
    assert term.spans == ((4, 8),)
    assert [t.text for t in term.accepted] == ["мирный договор"]
    (title_term,) = rows["title"].terms
    assert title_term.source == "首脳会談"
    assert "саммит" in [t.text for t in title_term.accepted]


def test_readers_see_the_terms_without_insert_buttons(client, glossary, no_term_checks):
    release = release_of("terms-read", [{"en": "A summit."}])
    client.force_login(user_with_role("reviewer", "ru"))
    html = client.get(workbench(release, "ja")).content.decode()
    assert f'<span class="term-target" lang="ja">{SUMMIT_JA}</span>' in html
    assert "term-insert" not in html
    assert "data-check-url" not in html


def test_terms_of_a_page_take_one_query_once_the_matchers_are_built(
    glossary, django_assert_num_queries
):
    texts = {str(n): f"Summit number {n} on the territories." for n in range(200)}
    unit_terms("en", "ja", {"warm": "summit"})
    with django_assert_num_queries(1):
        found = unit_terms("en", "ja", texts)
    assert len(found) == 200


def test_workbench_queries_do_not_grow_with_units_that_use_terms(
    client, glossary, django_assert_max_num_queries
):
    text = {"en": "The summit on the territories and a peace treaty.", "ja": "首脳会談。"}
    small = release_of("small", [text] * 3)
    large = release_of("large", [text] * 80)
    client.force_login(user_with_role("translator", "ja"))
    client.get(workbench(small, "ja"))  # builds the matchers
    with CaptureQueriesContext(connection) as few:
        client.get(workbench(small, "ja"))
    with django_assert_max_num_queries(len(few)):
        response = client.get(workbench(large, "ja"))
    assert sum(1 for row in response.context["rows"] if len(row.terms) == 3) == 80


# --- live checks of one unit -----------------------------------------------------------------


def check_url(release, language, key):
    return reverse("translations:unit_check", args=[release.pk, language, key])


def test_the_check_of_a_typed_text_finds_a_forbidden_term_and_writes_nothing(
    client, glossary, no_term_checks
):
    release = release_of("live", [{"en": "The summit of 24 leaders."}])
    key = segment_key(release)
    client.force_login(user_with_role("translator", "ja"))
    before = database_state()
    with CaptureQueriesContext(connection) as queries:
        response = client.post(check_url(release, "ja", key), {"text": "24名のサミット。"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["ok"] is True and body["key"] == key
    (finding,) = body["findings"]
    assert finding["check"] == "forbidden-term"
    assert finding["severity"] == "error"
    assert finding["span"] == [4, 8] and finding["text"] == FORBIDDEN_JA
    assert finding["source_span"] == [4, 10]
    assert SUMMIT_JA in finding["message"] and finding["suggestion"] == SUMMIT_JA
    assert database_state() == before
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


def test_the_check_runs_numbers_and_missing_terms_on_the_text_as_typed(client, glossary):
    release = release_of("live-numbers", [{"en": "The summit of 24 leaders."}])
    key = segment_key(release)
    client.force_login(user_with_role("translator", "ru"))
    url = check_url(release, "ru", key)
    findings = client.post(url, {"text": "Встреча лидеров."}).json()["findings"]
    assert {f["check"] for f in findings} == {"missing-term", "number"}
    assert all(f["span"] is None for f in findings if f["check"] == "missing-term")
    # Inflected admitted term and the number: nothing left to find.
    assert client.post(url, {"text": "На саммите 24 лидеров."}).json()["findings"] == []
    # An empty text is untranslated: no finding.
    assert client.post(url, {"text": ""}).json()["findings"] == []


def test_the_check_of_the_title_and_of_a_photo_caption(client, glossary):
    data = content("live-photo", [{"en": "Text."}], title={"en": "Summit Meeting"})
    data["photos"] = [{"key": str(uuid.uuid4()), "caption": {"en": "At the summit"}, "credit": {}}]
    release = release_write(
        data, author=user_with_role("editor"), topic_names={"en": "Context"}
    ).release
    photo = str(release.photos.get().key)
    client.force_login(user_with_role("reviewer", "ja"))
    for key in ("title", f"{photo}:caption"):
        response = client.post(check_url(release, "ja", key), {"text": "サミット"})
        assert [f["check"] for f in response.json()["findings"]] == ["forbidden-term"], key


@pytest.fixture
def live(glossary):
    release = release_of("refusals", [{"en": "A summit."}])
    return release, segment_key(release)


def no_viewer():
    return get_user_model().objects.create_user("staff-only", password="x", is_staff=True)


@pytest.mark.parametrize(
    "case, status, message",
    [
        ("unknown unit", 404, "has no unit"),
        ("not a key", 404, "has no unit"),
        ("photo of nothing", 404, "has no unit"),
        ("source language", 404, "is the source language"),
        ("unknown language", 404, "not a language Concord keeps"),
        ("unknown release", 404, "There is no release"),
        ("no permission", 403, "You may not see releases"),
        ("too long", 400, "too long to check"),
        ("no text", 400, "no text was sent"),
        ("get", 405, "does not answer GET"),
    ],
)
def test_check_refusals_are_json_and_change_nothing(client, live, case, status, message):
    release, key = live
    language, text, method = "ja", {"text": "サミット"}, "post"
    user = user_with_role("translator", "ja")
    release_id = release.pk
    if case == "unknown unit":
        key = str(uuid.uuid4())
    elif case == "not a key":
        key = "nonsense"
    elif case == "photo of nothing":
        key = f"{key}:caption"
    elif case == "source language":
        language = "en"
    elif case == "unknown language":
        language = "fr"
    elif case == "unknown release":
        release_id = release.pk + 100
    elif case == "no permission":
        user = no_viewer()
    elif case == "too long":
        text = {"text": "サ" * (MAX_UNIT_CHARS + 1)}
    elif case == "no text":
        text = {}
    elif case == "get":
        method = "get"
    client.force_login(user)
    before = database_state()
    url = reverse("translations:unit_check", args=[release_id, language, key])
    response = getattr(client, method)(url, text)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["ok"] is False and message in body["error"]
    assert database_state() == before


def test_a_text_at_the_limit_is_checked(client, live):
    release, key = live
    client.force_login(user_with_role("translator", "ja"))
    response = client.post(check_url(release, "ja", key), {"text": "あ" * MAX_UNIT_CHARS})
    assert response.status_code == 200


def test_the_check_needs_the_csrf_token(live):
    release, key = live
    client = Client(enforce_csrf_checks=True)
    client.force_login(user_with_role("translator", "ja"))
    before = database_state()
    response = client.post(check_url(release, "ja", key), {"text": "サミット"})
    assert response.status_code == 403
    assert database_state() == before


def test_check_queries_do_not_grow_with_the_release(
    client, glossary, django_assert_max_num_queries
):
    text = {"en": "The summit of 24 leaders on the territories."}
    small = release_of("check-small", [text] * 2)
    large = release_of("check-large", [text] * 200)
    client.force_login(user_with_role("translator", "ja"))
    client.post(check_url(small, "ja", segment_key(small)), {"text": "サミット"})
    with CaptureQueriesContext(connection) as few:
        client.post(check_url(small, "ja", segment_key(small)), {"text": "サミット"})
    with django_assert_max_num_queries(len(few)):
        response = client.post(
            check_url(large, "ja", segment_key(large, 150)), {"text": "サミット"}
        )
    assert response.json()["findings"]


def test_the_check_reads_the_same_day_against_the_units_before_it(client, glossary):
    # Released on 2020-01-01; the talks were on December 30, which the first unit says.
    release = release_of(
        "live-same-day",
        [
            {"en": "On December 30, the ministers held talks."},
            {"en": "On the same day, they held a dinner."},
        ],
    )
    client.force_login(user_with_role("translator", "ja"))
    url = check_url(release, "ja", segment_key(release, 1))

    right = client.post(url, {"text": "12月30日、夕食会が開かれた。"}).json()["findings"]
    wrong = client.post(url, {"text": "1月1日、夕食会が開かれた。"}).json()["findings"]

    assert [f["check"] for f in right] == []
    assert [(f["check"], f["text"]) for f in wrong] == [("date", "1月1日")]
