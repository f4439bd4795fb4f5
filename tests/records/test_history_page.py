"""The history people read: runs of one author's saves in one language as one line, filters,
any two revisions compared, and the same queries for 20 revisions or 1,000."""

import copy
import datetime
import re

import pytest
from django.urls import reverse

from records.models import Release, Revision
from records.revisions import revisions_store
from records.revisions.history import RevisionSummary, revision_runs, units_changed
from records.services import release_write
from records.snapshots import release_snapshot, snapshot_checksum

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]
START = datetime.datetime(2026, 12, 7, 14, 2, tzinfo=datetime.UTC)


def summary(number, author, languages, minutes):
    return RevisionSummary(
        pk=number,
        number=number,
        author_id=hash(author),
        author=author,
        created_at=START + datetime.timedelta(minutes=minutes),
        languages=tuple(languages),
    )


def test_runs_join_one_authors_saves_in_one_language_without_long_gaps():
    summaries = [
        summary(1, "editor", ["en"], 0),
        summary(2, "translator-ja", ["ja"], 1),
        summary(3, "translator-ja", ["ja"], 20),
        summary(4, "translator-ja", ["ja"], 49),  # 29 minutes after the one before: joins
        summary(5, "translator-ja", ["ja"], 79),  # 30 minutes: a new run
        summary(6, "translator-ru", ["ru"], 80),  # someone else between …
        summary(7, "translator-ja", ["ja"], 81),  # … ends the run
        summary(8, "translator-ja", ["ja", "ru"], 82),  # two languages: a run of its own
        summary(9, "translator-ja", ["ja", "ru"], 83),
        summary(10, "editor", [], 84),  # structure only: no language, alone
        summary(11, "editor", [], 85),
    ]
    runs = [[revision.number for revision in run.revisions] for run in revision_runs(summaries)]
    assert runs == [[1], [2, 3, 4], [5], [6], [7], [8], [9], [10], [11]]


def fresh(release):
    return Release.objects.select_related("topic").get(pk=release.pk)


def translate(release, user, language, indexes, text="訳"):
    for index in indexes:
        current = release_snapshot(fresh(release))
        current["segments"][index]["text"][language] = f"{text} {index}"
        release_write(current, author=user, based_on=fresh(release).head_number)


def history(client, release, **params):
    url = reverse("admin:records_release_history", args=[release.pk])
    return client.get(url, params).content.decode()


def numbers(page):
    return [int(n) for n in re.findall(r'<tr class="revision" data-number="(\d+)">', page)]


def test_a_translators_session_reads_as_one_line_that_opens_to_its_revisions(client, demo):
    release, users = demo["release"], demo["users"]
    translate(release, users["translator-ja"], "ja", [3, 4, 5])
    translate(release, users["translator-ja"], "ja", [4], text="改訂")
    translate(release, users["translator-ru"], "ru", [6])
    client.force_login(users["editor"])
    page = history(client, release)
    line = re.search(r'<tr class="run-line" data-first="3" data-last="6">(.*?)</tr>', page, re.S)
    assert line, "the four Japanese saves are one run"
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", line.group(1)))
    assert "translator-ja · 3 units (ja) ·" in text  # four saves of three units
    assert re.search(r"\d\d:\d\d–\d\d:\d\d", text)
    assert "4 revisions: 3–6" in text
    # Collapsed (its rows open at #run-3), unless it holds the newest revision.
    assert '<tbody class="run" id="run-3">' in page and 'href="#run-3"' in page
    assert numbers(page) == [7, 6, 5, 4, 3, 2, 1]
    assert "?a=2&amp;b=6&amp;lang=ja" in line.group(1)  # the whole run compared


def test_the_history_filters_by_language_author_and_kind_of_change(client, demo):
    release, users = demo["release"], demo["users"]
    translate(release, users["translator-ja"], "ja", [3])
    translate(release, users["translator-ru"], "ru", [4])
    current = release_snapshot(fresh(release))
    current["segments"].pop(0)
    release_write(current, author=users["editor"], based_on=4)
    client.force_login(users["editor"])
    # The demo: 1 the English import, 2 the translations.
    assert numbers(history(client, release, language="ja")) == [3, 2]
    assert numbers(history(client, release, language="ru")) == [4, 2]
    assert numbers(history(client, release, language="en")) == [1]
    assert numbers(history(client, release, author="translator-ru")) == [4]
    # Structure and metadata: the import, the topic's names the demo added, the removal.
    assert numbers(history(client, release, kind="structure")) == [5, 2, 1]
    assert numbers(history(client, release, kind="translation")) == [4, 3, 2]
    assert numbers(history(client, release, kind="source")) == [1]
    page = history(client, release, author="nobody")
    assert numbers(page) == [] and "No revision matches these filters." in page
    # Unknown values filter nothing; the pages keep the filters in their links.
    assert numbers(history(client, release, language="xx", kind="?")) == [5, 4, 3, 2, 1]
    assert '<option value="translator-ru" selected>' in history(
        client, release, author="translator-ru"
    )


def test_any_two_revisions_can_be_compared_from_the_history(client, demo):
    release, users = demo["release"], demo["users"]
    translate(release, users["translator-ja"], "ja", [3, 4])
    client.force_login(users["editor"])
    page = history(client, release)
    picker = re.search(r'<form method="get" action="([^"]+)" class="history-compare">', page)
    assert picker and picker.group(1) == reverse("admin:records_release_compare", args=[release.pk])
    assert 'name="a" id="compare-a" min="1" max="4" value="3"' in page
    response = client.get(picker.group(1), {"a": 1, "b": 4})
    assert response.status_code == 200
    assert response.context["old"].number == 1 and response.context["new"].number == 4
    # The compare page offers the same choice, starting from what it shows.
    page = response.content.decode()
    assert 'name="a" id="compare-a" min="1" max="4" value="1"' in page
    assert 'name="b" id="compare-b" min="1" max="4" value="4"' in page


def long_history(release, count, author):
    """Add ``count`` revisions changing one Russian text each, stored as the write path
    stores them (the revision row, then what it changed), in a few queries."""
    head = release.head_number
    previous, entries = Revision.objects.get(release=release, number=head).snapshot, []
    for step in range(count):
        snapshot = copy.deepcopy(previous)
        segment = snapshot["segments"][step % len(snapshot["segments"])]
        segment["text"]["ru"] = f"Правка {step}"
        revision = Revision(
            release=release,
            number=head + step + 1,
            author=author,
            message=f"edit {step}",
            checksum=snapshot_checksum(snapshot),
        )
        entries.append((revision, snapshot, previous))
        previous = snapshot
    Revision.objects.bulk_create([revision for revision, _snapshot, _previous in entries])
    ids = dict(
        Revision.objects.filter(release=release, number__gt=head).values_list("number", "pk")
    )
    for revision, _snapshot, _previous in entries:
        revision.pk = ids[revision.number]
    revisions_store(entries)
    Release.objects.filter(pk=release.pk).update(head_number=head + count)


@pytest.mark.parametrize("count", [20, 1000])
def test_the_history_page_takes_the_same_queries_at_any_length(
    client, demo, django_assert_max_num_queries, count
):
    release, users = demo["release"], demo["users"]
    long_history(release, count, users["translator-ru"])
    client.force_login(users["editor"])
    url = reverse("admin:records_release_history", args=[release.pk])
    # Twelve for the page (three for every revision's summary: the revisions, what they
    # changed, which texts of photos; one for the units of the runs it shows), two for the
    # newest revision's text, three for the publish gate, five for the publish-together form
    # (the release's languages as the editor's dashboard sees them) and its schedules, one
    # for the header's unread count.
    with django_assert_max_num_queries(23):
        page = client.get(url).content.decode()
    assert f"{count + 2} revisions" in page
    assert len(numbers(page)) == min(count + 2, 50)


def edit_source(release, user, index, kind=None):
    current = release_snapshot(fresh(release))
    segment = current["segments"][index]
    segment["text"]["en"] = f"Revised sentence {index}."
    if kind:
        segment["kind"] = kind
    release_write(current, author=user, based_on=fresh(release).head_number)


def run_line(page, first, last):
    line = re.search(
        rf'<tr class="run-line" data-first="{first}" data-last="{last}">(.*?)</tr>', page, re.S
    )
    return line and re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", line.group(1)))


def test_under_a_filter_runs_open_and_their_lines_describe_the_rows_shown(client, demo):
    release, users = demo["release"], demo["users"]
    edit_source(release, users["editor"], 3)  # 3: text only
    edit_source(release, users["editor"], 4, kind="note")  # 4, 5: text and structure
    edit_source(release, users["editor"], 5, kind="note")
    translate(release, users["translator-ru"], "ru", [6, 7])  # 6, 7
    translate(release, users["translator-ja"], "ja", [6])  # 8: the newest
    client.force_login(users["editor"])
    page = history(client, release)
    assert "editor · 3 units (en) ·" in run_line(page, 3, 5)
    assert "3 revisions: 3–5" in run_line(page, 3, 5)
    assert '<tbody class="run" id="run-6">' in page  # collapsed without a filter
    # The matches of a filter are never hidden behind a collapsed line.
    for params in ({"author": "translator-ru"}, {"language": "ru"}):
        page = history(client, release, **params)
        assert numbers(page)[:2] == [7, 6]
        assert '<tbody class="run open" id="run-6">' in page
        assert "2 revisions: 6–7" in run_line(page, 6, 7)
    # The line counts the revisions and units it lists, not the whole run's.
    page = history(client, release, kind="structure")
    assert numbers(page)[:2] == [5, 4]
    assert run_line(page, 3, 5) is None
    text = run_line(page, 4, 5)
    assert "editor · 2 units (en) ·" in text and "2 revisions: 4–5" in text
    assert '<tbody class="run open" id="run-4">' in page


def edit_photo(release, user, field, language, text):
    current = release_snapshot(fresh(release))
    current["photos"][0][field][language] = text
    release_write(current, author=user, based_on=fresh(release).head_number)
    return current["photos"][0]["key"]


def test_a_photos_caption_and_credit_count_as_the_two_units_they_are(client, published):
    release, users = published["release"], published["users"]
    translator = users["translator-ja"]
    key = edit_photo(release, translator, "caption", "ja", "写真の説明")  # 3
    edit_photo(release, translator, "caption", "ja", "写真の説明、改訂")  # 4
    # Saving a caption changed the caption unit alone: the workbench redraws that row only.
    assert units_changed(fresh(release), 2, 4)[0] == {f"{key}:caption"}
    client.force_login(users["editor"])
    page = history(client, release)
    assert "translator-ja · 1 unit (ja) ·" in run_line(page, 3, 4)
    changed = re.findall(r'<td class="changed"[^>]*>([^<]*)</td>', page)
    assert changed[:2] == ["1 unit (ja) · translation"] * 2
    edit_photo(release, translator, "credit", "ja", "撮影：山田")  # 5
    assert units_changed(fresh(release), 4, 5)[0] == {f"{key}:credit"}
    assert units_changed(fresh(release), 2, 5)[0] == {f"{key}:caption", f"{key}:credit"}
    page = history(client, release)
    assert "translator-ja · 2 units (ja) ·" in run_line(page, 3, 5)


def test_the_compare_picker_opens_on_the_first_language_that_changed(client, demo):
    release, users = demo["release"], demo["users"]
    translate(release, users["translator-ja"], "ja", [3])  # 3
    translate(release, users["translator-ru"], "ru", [4])  # 4
    client.force_login(users["editor"])
    url = reverse("admin:records_release_compare", args=[release.pk])
    page = client.get(url, {"a": 2, "b": 3, "lang": "ja"}).content.decode()
    picker = re.search(r'<form method="get" class="compare-picker">(.*?)</form>', page, re.S)
    # The picker does not carry the tab shown: only Russian changed from 3 to 4.
    assert picker and 'name="lang"' not in picker.group(1)
    fields = dict(re.findall(r'name="(\w+)"[^>]*value="([^"]*)"', picker.group(1)))
    response = client.get(url, {**fields, "a": 3, "b": 4})
    assert response.context["language"] == "ru"
    assert response.context["diff"].counts()["changed"] == 1


def test_compare_says_a_revision_with_itself_and_reads_backwards_forwards(client, demo):
    release, users = demo["release"], demo["users"]
    translate(release, users["translator-ru"], "ru", [4])  # 3
    client.force_login(users["editor"])
    url = reverse("admin:records_release_compare", args=[release.pk])
    response = client.get(url, {"a": 3, "b": 3}, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "admin:records_release_history", args=[release.pk]
    )
    assert "Revision 3 compared with itself shows no change" in response.content.decode()
    response = client.get(url, {"a": 3, "b": 2, "lang": "ru"}, follow=True)
    assert response.redirect_chain[-1][0] == f"{url}?a=2&b=3&lang=ru"
    assert response.context["old"].number == 2 and response.context["new"].number == 3
    page = response.content.decode()
    assert "Revision 3 is newer than revision 2: shown here are the changes from 2 to 3." in page
    assert response.context["diff"].counts()["changed"] == 1
