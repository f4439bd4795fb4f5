"""Moving through the workbench: search within the release (English, Japanese, Russian), the
next unit of a state across pages, each translation's length against its source, and query
counts that stay the same from 20 to 2,000 units."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from config import limits
from tests.scenarios import glossary_with, paragraph, release_edit, release_with
from translations.checks.services import release_terms_check
from translations.review.actions import comment_add
from translations.review.models import UnitStatus
from translations.review.navigation import RATIO_EXTREME
from translations.review.views.workbench import ROWS_PER_PAGE
from translations.review.vocabulary import UnitState

pytestmark = pytest.mark.django_db

ALL = ("en", "ja", "ru")


def url(name, release, language):
    return reverse(f"translations:{name}", args=[release.pk, language])


def listed(response):
    return [row.key for row in response.context["rows"]]


def keys_of(release):
    return [str(key) for key in release.segments.order_by("position").values_list("key", flat=True)]


# --- search -------------------------------------------------------------------------------


@pytest.fixture
def small(users):
    """Ten paragraphs in three languages; paragraph 5's Russian has a ё."""
    release = release_with(units=10, languages=ALL, states={"ja": "draft", "ru": "draft"})
    release_edit(release, "ru", 4, "Лидеры обсудили всё: культуру.")
    return release


@pytest.mark.parametrize(
    ("language", "query", "indexes"),
    [
        ("ja", "TRADE", [0]),  # the English source, any case
        ("ja", "ＴＲＡＤＥ", [0]),  # full-width letters fold to plain ones
        ("ja", "貿易", [0]),  # a Japanese substring of the translation, no word boundaries
        ("ja", "議論", list(range(10))),
        ("ru", "ТОРГОВЛЮ", [0]),
        ("ru", "все", [4]),  # ё searched as е
        ("ru", "leaders", list(range(10))),
        ("ru", "nothing like this", []),
    ],
)
def test_search_finds_source_or_translation(client, users, small, language, query, indexes):
    client.force_login(users[f"translator-{language}"])
    response = client.get(url("workbench", small, language), {"q": query})
    keys = keys_of(small)
    assert listed(response) == [keys[index] for index in indexes]
    assert response.context["found"] == len(indexes) and response.context["q"] == query
    if indexes:
        said = "unit matches" if len(indexes) == 1 else "units match"
        assert f"{len(indexes)} {said} “{query}”" in response.content.decode()


def test_search_combines_with_the_state_filters(client, users, small):
    keys = keys_of(small)
    client.force_login(users["translator-ja"])
    # Paragraph 5 (culture) submitted: under "Needs review" the search finds it alone.
    submitted = client.post(
        reverse("translations:workbench_action", args=[small.pk, "ja", "submit"]),
        {"key": keys[4]},
        HTTP_ACCEPT="application/json",
    )
    assert submitted.status_code == 200
    response = client.get(url("workbench", small, "ja"), {"q": "議論", "filter": "review"})
    assert listed(response) == [keys[4]]
    response = client.get(url("workbench", small, "ja"), {"q": "文化", "filter": "all"})
    assert listed(response) == [keys[4]]
    response = client.get(url("workbench", small, "ja"), {"q": "貿易", "filter": "review"})
    assert listed(response) == []
    assert "No unit matches this filter and search." in response.content.decode()
    # The filters' links keep the search.
    assert "?filter=review&amp;q=%E8%B2%BF%E6%98%93" in response.content.decode()


def test_search_works_across_pages(client, users):
    units = ROWS_PER_PAGE + 50
    release = release_with(units=units, languages=("en", "ja"), states={"ja": "draft"})
    keys = keys_of(release)
    expected = [keys[n - 1] for n in range(1, units + 1) if "trade" in paragraph(n)]
    client.force_login(users["translator-ja"])
    response = client.get(url("workbench", release, "ja"), {"q": "Trade"})
    assert listed(response) == expected and response.context["found"] == len(expected)
    # Every page of all units is searched: the second page alone holds some of them.
    assert any(keys.index(key) >= ROWS_PER_PAGE for key in expected)


def test_an_overlong_search_is_cut_and_said(client, users, small):
    client.force_login(users["translator-ja"])
    response = client.get(
        url("workbench", small, "ja"), {"q": "議" * (limits.MAX_SEARCH_CHARS + 5)}
    )
    assert response.status_code == 200
    assert len(response.context["q"]) == limits.MAX_SEARCH_CHARS
    assert f"cut to its first {limits.MAX_SEARCH_CHARS} characters" in response.content.decode()


# --- the next unit of a state ---------------------------------------------------------------


@pytest.fixture
def paged(users):
    """A release of 150 paragraphs, Japanese drafts but paragraphs 6 and 121 (untranslated)."""
    release = release_with(units=ROWS_PER_PAGE + 50, languages=("en", "ja"), states={"ja": "draft"})
    for index in (5, ROWS_PER_PAGE + 20):
        release_edit(release, "ja", index, "")
    return release


def jump(client, release, **params):
    response = client.get(
        url("workbench_next", release, "ja"), params, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200
    return response.json()


def test_next_untranslated_goes_to_the_page_it_is_on(client, users, paged):
    keys = keys_of(paged)
    first, second = keys[5], keys[ROWS_PER_PAGE + 20]
    client.force_login(users["translator-ja"])
    found = jump(client, paged, state="untranslated", after=first, filter="all")
    assert found["found"] and found["key"] == second and not found["wrapped"]
    assert found["page"] == 2 and found["filter"] == "all"
    assert found["url"].endswith(f"?filter=all&page=2#unit-{second}")
    # That page shows the unit.
    page = client.get(found["url"].split("#")[0])
    assert second in listed(page)
    # Past the last one, round to the first (page 1), and said so.
    found = jump(client, paged, state="untranslated", after=second, filter="all")
    assert found["key"] == first and found["wrapped"] and found["page"] == 1
    assert "from the start" in found["message"]
    # From the first unit of a page, itself included.
    found = jump(client, paged, state="untranslated", after=first, include="1")
    assert found["key"] == first and not found["wrapped"]
    # A plain link redirects to that page, the unit in the fragment.
    response = client.get(
        url("workbench_next", paged, "ja"), {"state": "untranslated", "after": first}
    )
    assert response.status_code == 302
    assert (
        response["Location"] == url("workbench", paged, "ja") + f"?filter=all&page=2#unit-{second}"
    )


def test_next_of_a_state_outside_the_view_opens_in_that_states_view(client, users, paged):
    keys = keys_of(paged)
    client.force_login(users["translator-ja"])
    # Looking at units needing review (none): the untranslated one opens under its own filter.
    found = jump(client, paged, state="untranslated", after=keys[0], filter="review")
    assert found["key"] == keys[5] and found["filter"] == "untranslated" and found["page"] == 1
    # A search the unit does not match is left behind; one it matches is kept.
    found = jump(client, paged, state="untranslated", after=keys[0], q="zzz")
    assert found["filter"] == "untranslated" and found["q"] == ""
    found = jump(client, paged, state="untranslated", after=keys[0], q="zzz", filter="todo")
    assert found["filter"] == "untranslated" and found["q"] == ""
    found = jump(client, paged, state="untranslated", after=keys[0], q="EDUCATION", filter="review")
    assert found["filter"] == "untranslated" and found["q"] == "EDUCATION"
    # Listed in the view shown (all units, searched): it opens there.
    found = jump(client, paged, state="untranslated", after=keys[0], q="EDUCATION")
    assert found["filter"] == "all" and found["q"] == "EDUCATION" and found["key"] == keys[5]


def test_next_when_none_is_left_and_unknown_states(client, users, paged):
    client.force_login(users["translator-ja"])
    found = jump(client, paged, state="review")
    assert found == {"ok": True, "found": False, "message": "No unit is left under “Needs review”."}
    response = client.get(
        url("workbench_next", paged, "ja"), {"state": "sideways"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400 and "no state “sideways”" in response.json()["error"]
    # An unknown unit to start after: from the start of the release.
    found = jump(client, paged, state="untranslated", after="no-such-unit")
    assert found["key"] == keys_of(paged)[5]


def test_next_with_errors_follows_the_findings(client, users):
    glossary_with(("fisheries", {"en": "fisheries", "ja": [("漁業", "forbidden")]}))
    release = release_with(units=12, languages=("en", "ja"), states={"ja": "draft"})
    release_terms_check(release)
    keys = keys_of(release)
    client.force_login(users["translator-ja"])
    # Paragraphs 3 and 12 (fisheries) use the forbidden Japanese term.
    found = jump(client, release, state="errors", after=keys[2])
    assert found["key"] == keys[11]
    assert jump(client, release, state="errors", after=keys[11])["key"] == keys[2]


@pytest.mark.parametrize("name", ["workbench_next", "workbench_rows", "workbench_check_status"])
def test_moving_endpoints_refuse_who_may_not_see_and_unknown_languages(client, users, small, name):
    nobody = get_user_model().objects.create_user("nobody", password="x", is_staff=True)
    client.force_login(nobody)
    response = client.get(url(name, small, "ja"), {"state": "all"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 403 and not response.json()["ok"]
    client.force_login(users["translator-ja"])
    response = client.get(url(name, small, "en"), {"state": "all"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 404 and "en" in response.json()["error"]
    client.logout()
    assert client.get(url(name, small, "ja")).status_code == 302  # to the admin's login


def test_rows_endpoint_renders_the_rows_named(client, users, small):
    keys = keys_of(small)
    client.force_login(users["translator-ja"])
    response = client.get(url("workbench_rows", small, "ja"), {"key": [keys[1], "unknown"]})
    data = response.json()
    assert set(data["rows"]) == {keys[1]} and data["changed"] == sorted([keys[1], "unknown"])
    assert f'id="unit-{keys[1]}"' in data["rows"][keys[1]] and data["base"] == small.head_number
    response = client.get(
        url("workbench_rows", small, "ja"),
        {"key": [str(n) for n in range(ROWS_PER_PAGE + 1)]},
        HTTP_ACCEPT="application/json",
    )
    assert (
        response.status_code == 400 and f"At most {ROWS_PER_PAGE} units" in response.json()["error"]
    )


# --- lengths ----------------------------------------------------------------------------------


def test_each_unit_shows_its_length_and_ratio_and_only_extreme_ratios_are_flagged(client, users):
    release = release_with(units=10, languages=("en", "ja"), states={"ja": "draft"})
    keys = keys_of(release)
    release_edit(release, "ja", 3, paragraph(4, "ja") * 8)  # one sentence eight times
    release_edit(release, "ja", 6, "")
    client.force_login(users["translator-ja"])
    response = client.get(url("workbench", release, "ja"))
    rows = {row.key: row for row in response.context["rows"]}
    usual = response.context["length_median"]
    # Japanese is about a third of the English characters: the usual ratio, not a flag.
    assert 0.2 < usual < 0.6
    normal = rows[keys[0]].lengths
    assert (normal.source, normal.target) == (len(paragraph(1)), len(paragraph(1, "ja")))
    assert normal.ratio == pytest.approx(len(paragraph(1, "ja")) / len(paragraph(1)))
    assert not normal.extreme
    assert rows[keys[3]].lengths.extreme and rows[keys[3]].lengths.ratio > usual * RATIO_EXTREME
    assert rows[keys[6]].lengths.ratio is None and not rows[keys[6]].lengths.extreme
    html = response.content.decode()
    row = html[html.index(f'id="unit-{keys[3]}"') :]
    row = row[: row.index("</section>")]
    assert (
        'class="unit-length extreme"' in row and f'data-source-length="{len(paragraph(4))}"' in row
    )
    assert [name for name, *_rest in response.context["filters"]][:2] == ["all", "todo"]


# --- query counts: the same at 20 and 2,000 units ------------------------------------------


def counted(client, path, params=None, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params or {}, **headers)
    assert response.status_code == 200, response.content[:300]
    return len(captured), response


def test_queries_stay_the_same_from_20_to_2000_units(client, users):
    """Every page and endpoint of moving through work, with findings, comments and a search:
    the 2,000-unit release (the limit) takes no more queries than the 20-unit one."""
    glossary_with(("fisheries", {"en": "fisheries", "ja": [("漁業", "forbidden")]}))
    sizes = {}
    for units in (20, 2000):
        release = release_with(
            units=units,
            languages=ALL,
            states={"ja": "draft", "ru": "needs_review"},
            slug=f"size-{units}",
        )
        release_terms_check(release)
        keys = keys_of(release)
        for key in keys[:: max(1, units // 10)]:
            comment_add(release, key, "ja", "Check this.", users["translator-ja"])
        release.refresh_from_db()
        sizes[units] = (release, keys)
    # 2,000 paragraphs and the title.
    drafts = UnitStatus.objects.filter(state=UnitState.DRAFT, release=sizes[2000][0], language="ja")
    assert drafts.count() == 2001
    client.force_login(users["reviewer-ja"])
    json = {"HTTP_ACCEPT": "application/json"}
    checks = {
        "page": lambda r, k: ("workbench", {}, {}),
        "page, search": lambda r, k: ("workbench", {"q": "漁業"}, {}),
        "page, errors": lambda r, k: ("workbench", {"filter": "errors"}, {}),
        "page of a unit": lambda r, k: ("workbench", {"unit": k[-1]}, {}),
        "next": lambda r, k: ("workbench_next", {"state": "errors", "after": k[3]}, json),
        "rows": lambda r, k: ("workbench_rows", {"key": k[:20]}, json),
        "status": lambda r, k: ("workbench_check_status", {}, json),
    }
    for what, make in checks.items():
        counts = []
        for units in (20, 2000):
            release, keys = sizes[units]
            name, params, headers = make(release, keys)
            queries, response = counted(client, url(name, release, "ja"), params, **headers)
            counts.append(queries)
        assert counts[1] <= counts[0], (what, counts)
    # The large page lists its first hundred units, its paginator the rest.
    _queries, response = counted(client, url("workbench", sizes[2000][0], "ja"))
    assert len(response.context["rows"]) == ROWS_PER_PAGE
    assert response.context["page"].paginator.num_pages == -(-2001 // ROWS_PER_PAGE)


def test_a_unit_in_the_address_opens_the_page_that_holds_it(client, users, paged):
    """``?unit=<key>`` opens the page of the view asked for that lists the unit; a unit outside
    that view opens among all units; an unknown one shows the first page with a warning and
    changes nothing."""
    keys = keys_of(paged)
    client.force_login(users["translator-ja"])
    later = keys[ROWS_PER_PAGE + 20]
    response = client.get(url("workbench", paged, "ja"), {"unit": later})
    assert response.context["page"].number == 2 and later in listed(response)
    # Under a filter that lists it (the untranslated: paragraphs 6 and 121), its own page.
    response = client.get(url("workbench", paged, "ja"), {"unit": later, "filter": "untranslated"})
    assert response.context["page"].number == 1 and response.context["filter"] == "untranslated"
    assert listed(response) == [keys[5], later]
    # A search that leaves it out gives way to all units.
    response = client.get(url("workbench", paged, "ja"), {"unit": later, "q": "zzz"})
    assert response.context["filter"] == "all" and response.context["q"] == ""
    assert response.context["page"].number == 2 and later in listed(response)
    # A page asked for wins.
    response = client.get(url("workbench", paged, "ja"), {"unit": later, "page": "1"})
    assert response.context["page"].number == 1
    before = list(UnitStatus.objects.values_list("key", "state", "language"))
    response = client.get(url("workbench", paged, "ja"), {"unit": "no-such-unit"})
    assert response.status_code == 200 and response.context["page"].number == 1
    assert "has no unit no-such-unit" in response.content.decode()
    assert list(UnitStatus.objects.values_list("key", "state", "language")) == before


def test_the_keyboard_list_names_every_shortcut_the_page_declares(client, users, small):
    """Each ``aria-keyshortcuts`` of the page (the concordance's Ctrl+K among them) is in the
    "Keyboard ?" list, written as the list writes keys."""
    client.force_login(users["translator-ja"])
    html = client.get(url("workbench", small, "ja")).content.decode()
    keys_list = html[html.index('id="wb-keys"') :]
    keys_list = keys_list[: keys_list.index("</ul>")]
    declared = set(re.findall(r'aria-keyshortcuts="([^"]+)"', html))
    assert "Control+K" in declared
    names = {"Control": "Ctrl"}
    for shortcut in declared:
        written = "+".join(f"<kbd>{names.get(key, key)}</kbd>" for key in shortcut.split("+"))
        assert written in keys_list, shortcut


def test_search_spans_fold_as_the_search_does():
    from translations.review.navigation import search_spans

    assert search_spans("Trade and TRADE.", "trade") == [(0, 5), (10, 15)]
    # Full-width letters, ё as е; offsets are the text's own.
    assert search_spans("ＴＲＡＤＥ", "trade") == [(0, 5)]
    assert search_spans("Лидеры обсудили всё.", "ВСЕ") == [(16, 19)]
    # A combining accent stays with its letter; half-width katakana with its voicing mark.
    assert search_spans("cafe\u0301 café", "café") == [(0, 5), (6, 10)]
    assert search_spans("ﾊﾞｽ停", "バス") == [(0, 3)]
    assert search_spans("aaaa", "aa") == [(0, 2), (2, 4)]
    assert search_spans("text", "") == [] and search_spans("", "a") == []


def test_search_matches_are_marked_in_the_rows_shown(client, users):
    """Source and translation, for who edits (a marked copy above the text field) and who
    only reads; inside a finding's mark the finding stays whole around the search's."""
    glossary_with(("fisheries", {"en": "fisheries", "ja": [("漁業", "forbidden")]}))
    release = release_with(units=12, languages=("en", "ja"), states={"ja": "draft"})
    release_terms_check(release)
    keys = keys_of(release)
    client.force_login(users["translator-ja"])
    response = client.get(url("workbench", release, "ja"), {"q": "ＦＩＳＨ"})
    html = response.content.decode()
    assert listed(response) == [keys[2], keys[11]]
    assert html.count('<mark class="search">fish</mark>eries') == 2
    response = client.get(url("workbench", release, "ja"), {"q": "漁"})
    html = response.content.decode()
    finding = '<mark class="finding error" title="[^"]*"><mark class="search">漁</mark>業</mark>'
    assert len(re.findall(finding, html)) == 2
    # Who may only read sees the translation marked once, without a text field.
    client.force_login(users["translator-ru"])
    response = client.get(url("workbench", release, "ja"), {"q": "議論"})
    html = response.content.decode()
    assert html.count('<mark class="search">議論</mark>') == 12
    assert 'class="translation"' not in html
    client.force_login(users["translator-ja"])
    html = client.get(url("workbench", release, "ja"), {"q": "議論"}).content.decode()
    assert html.count('<mark class="search">議論</mark>') == 12
    # No search, no search marks.
    assert 'class="search"' not in client.get(url("workbench", release, "ja")).content.decode()


def test_a_row_sent_back_after_a_save_keeps_the_pages_search_marks(client, users):
    release = release_with(units=3, languages=("en", "ja"), states={"ja": "draft"})
    key = keys_of(release)[1]
    client.force_login(users["translator-ja"])
    action = reverse("translations:workbench_action", args=[release.pk, "ja", "save"])
    data = {"key": key, "text": "漁業と議論", "based_on": release.head_number}
    # The script sends the page's search along with the form.
    response = client.post(action, {**data, "q": "議論"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content
    assert '<mark class="search">議論</mark>' in response.json()["rows"][key]
    data["based_on"] = release.revisions.order_by("-number").first().number
    response = client.post(action, {**data, "text": "漁業"}, HTTP_ACCEPT="application/json")
    assert 'class="search"' not in response.json()["rows"][key]
