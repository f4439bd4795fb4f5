"""Translation memory: recorded on approval, kept across edits, exact and fuzzy lookup."""

from datetime import UTC, datetime, timedelta

import pytest

from records.services import release_write
from records.snapshots import release_snapshot
from tests.helpers import approve_all
from translations.memory import (
    EntryData,
    MemoryEntry,
    MemoryPosting,
    MemoryToken,
    entries_merge,
    memory_lookup,
)
from translations.memory.text import similarity, similarity_units
from translations.review.actions import units_submit
from translations.review.selectors import keys_in_state
from translations.review.vocabulary import UnitState

pytestmark = pytest.mark.django_db

WHEN = datetime(2020, 5, 1, 9, 30, tzinfo=UTC)


def entry(source, target, *, sl="en", tl="ja", when=WHEN, **extra):
    return EntryData(sl, tl, source, target, created_at=when, changed_at=when, **extra)


def remember(*pairs, sl="en", tl="ja"):
    return entries_merge([entry(source, target, sl=sl, tl=tl) for source, target in pairs])


def lookup(text, sl="en", tl="ja", **options):
    return memory_lookup(sl, tl, {"unit": text}, **options).get("unit", [])


# --- recording -------------------------------------------------------------------------------


def test_submitting_records_nothing_and_approving_records_each_pair(seed_release, users):
    content = release_snapshot(seed_release)
    content["title"]["ja"] = "日露首脳会談"
    content["segments"][1]["text"]["ja"] = "北方領土問題"
    release_write(
        content,
        author=users["translator-ja"],
        based_on=1,
        context={"submit": {"ja": True}},
    )
    seed_release.refresh_from_db()
    assert MemoryEntry.objects.count() == 0
    approve_all(seed_release, "ja", users["reviewer-ja"])
    entries = {e.source_text: e for e in MemoryEntry.objects.all()}
    assert set(entries) == {"Japan-Russia Summit Meeting", "Northern Territories issue"}
    title = entries["Japan-Russia Summit Meeting"]
    assert (title.source_language, title.target_language, title.target_text) == (
        "en",
        "ja",
        "日露首脳会談",
    )
    assert title.release == seed_release and title.release_slug == seed_release.slug
    assert title.revision_number == 2
    assert title.approved_by == users["reviewer-ja"] and title.approver == "reviewer-ja"
    assert title.created_at == title.changed_at
    # The index knows the entry's words.
    assert MemoryPosting.objects.filter(entry=title).count() == 4
    assert MemoryToken.objects.get(target_language="ja", text="summit").entries == 1


def test_entries_are_kept_when_the_release_changes(demo, users):
    release = demo["release"]
    before = list(MemoryEntry.objects.order_by("pk").values())
    assert len(before) == 44
    content = release_snapshot(release)
    for segment in content["segments"]:
        segment["text"]["en"] += " Changed."
    release_write(content, author=users["editor"], based_on=release.head_number)
    assert list(MemoryEntry.objects.order_by("pk").values()) == before


def test_the_same_pair_is_stored_once_with_the_newest_metadata(users):
    older, newer = WHEN, WHEN + timedelta(days=3)
    counts = entries_merge(
        [
            entry("Economy", "経済", when=older, release_slug="first", approver="a"),
            entry(" Economy ", "経済", when=newer, release_slug="second", approver="b"),
            entry("Economy", "経済協力", when=older),
        ]
    )
    assert counts == {"created": 2, "updated": 0, "unchanged": 0}
    kept = MemoryEntry.objects.get(target_text="経済")
    assert (kept.release_slug, kept.approver, kept.changed_at) == ("second", "b", newer)
    # An older copy of the pair changes nothing; a newer one brings its metadata.
    assert entries_merge([entry("Economy", "経済", when=older, release_slug="x")])["unchanged"] == 1
    latest = newer + timedelta(days=1)
    assert entries_merge([entry("Economy", "経済", when=latest, approver="c")])["updated"] == 1
    kept.refresh_from_db()
    assert (kept.approver, kept.changed_at, kept.created_at) == ("c", latest, older)
    assert MemoryEntry.objects.count() == 2
    assert MemoryPosting.objects.filter(entry=kept).count() == 1


def test_approving_a_pair_again_refreshes_its_metadata(published, users):
    release = published["release"]
    title = MemoryEntry.objects.get(target_language="ru", source_text=release.title_en)
    content = release_snapshot(release)
    content["title"]["ru"] = "Новый заголовок"
    release_write(content, author=users["translator-ru"], based_on=release.head_number)
    approve_all(release, "ru", users["reviewer-ru"], users["translator-ru"])
    content = release_snapshot(release)
    content["title"]["ru"] = title.target_text
    release.refresh_from_db()
    release_write(content, author=users["translator-ru"], based_on=release.head_number)
    approve_all(release, "ru", users["reviewer-ru"], users["translator-ru"])
    release.refresh_from_db()
    again = MemoryEntry.objects.get(pk=title.pk)
    assert again.revision_number == release.head_number > title.revision_number
    assert again.changed_at > title.changed_at and again.created_at == title.created_at
    assert MemoryEntry.objects.filter(target_text="Новый заголовок").exists()


# --- lookup ----------------------------------------------------------------------------------

SENTENCE = "The leaders agreed to hold consultations in Moscow soon"  # 9 words


def test_exact_match_is_identical_source_newest_first():
    remember((SENTENCE, "古い訳"))
    entries_merge([entry(SENTENCE, "新しい訳", when=WHEN + timedelta(days=1))])
    matches = lookup(SENTENCE + "  ")
    assert [(m.exact, m.percent, m.entry.target_text) for m in matches] == [
        (True, 100, "新しい訳"),
        (True, 100, "古い訳"),
    ]
    # The translation the unit already has is not offered again.
    assert [m.entry.target_text for m in lookup(SENTENCE, current={"unit": "新しい訳"})] == [
        "古い訳"
    ]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # 2 of 9 words replaced: 2·7 / 18 = 0.78 — shown.
        ("The leaders agreed to hold talks in Tokyo soon", True),
        # 3 replaced: 2·6 / 18 = 0.67 — not shown.
        ("The ministers agreed to hold talks in Tokyo soon", False),
        # Case and punctuation do not count: 100% similar, but not identical.
        ("the leaders agreed to hold consultations in Moscow, soon.", True),
    ],
)
def test_fuzzy_matches_start_at_75_percent_of_words(text, shown):
    remember((SENTENCE, "訳"))
    matches = lookup(text)
    assert bool(matches) is shown
    if shown:
        assert not matches[0].exact and 75 <= matches[0].percent <= 99


def test_threshold_boundary_is_inclusive():
    source = "one two three four five six seven eight"
    remember((source, "訳"))
    # 6 of 8 words kept: 2·6 / 16 = 0.75 exactly.
    assert (
        similarity(
            similarity_units(source, "en"),
            similarity_units("one two x y five six seven eight", "en"),
        )
        == 0.75
    )
    assert [m.percent for m in lookup("one two x y five six seven eight")] == [75]
    assert lookup("one x y z five six seven eight") == []


def test_russian_matches_by_words_with_yo_folded():
    remember(
        ("Стороны ещё раз подтвердили намерение продолжить переговоры", "The sides confirmed"),
        sl="ru",
        tl="en",
    )
    matches = lookup("Стороны еще раз подтвердили намерение продолжить переговоры", "ru", "en")
    assert [(m.exact, m.percent) for m in matches] == [(False, 99)]
    # One inflected word replaced out of seven: still a fuzzy match, by words.
    matches = lookup("Стороны ещё раз подтвердили намерение начать переговоры", "ru", "en")
    assert [m.percent for m in matches] == [85]


def test_japanese_matches_by_characters():
    source = "両首脳は平和条約締結問題について議論を行った。"
    remember((source, "The leaders discussed the peace treaty."), sl="ja", tl="en")
    near = "両首脳は平和条約締結問題について率直な議論を行った。"
    matches = lookup(near, "ja", "en")
    # Characters: 2·23 / (23 + 26) — as words, the whole sentence would be one word, no match.
    assert [m.percent for m in matches] == [int(200 * 23 / 49)]
    assert [op.text for op in matches[0].diff if op.op == "insert"] == ["率直な"]
    assert lookup("経済協力について協議した。", "ja", "en") == []


def test_best_three_exact_first_then_by_similarity():
    remember(
        ("one two three four five six seven eight nine ten", "a"),
        ("one two three four five six seven eight nine", "b"),
        ("one two three four five six seven eight", "c"),
        ("one two three four five six seven", "d"),
        ("one two three four five six seven eight nine ten", "e"),
    )
    matches = lookup("one two three four five six seven eight nine ten")
    assert [(m.entry.target_text, m.percent) for m in matches] == [
        ("e", 100),
        ("a", 100),
        ("b", 94),
    ]


def test_the_difference_to_a_fuzzy_match_is_marked_and_escaped():
    remember(("Leaders met in <Moscow> today", "訳"))
    (match,) = lookup("Leaders met in <Tokyo> today")
    ops = [(op.op, op.text) for op in match.diff]
    assert ("delete", "Moscow") in ops and ("insert", "Tokyo") in ops


def test_lookup_is_per_language_pair():
    remember((SENTENCE, "訳"))
    assert lookup(SENTENCE, "en", "ru") == []
    assert lookup(SENTENCE, "ja", "en") == []


def test_lookup_of_many_texts_takes_a_fixed_number_of_queries(django_assert_max_num_queries):
    remember(*((f"{SENTENCE} number {n}", f"訳{n}") for n in range(40)))
    texts = {f"k{n}": f"{SENTENCE} number {n}" for n in range(40)}
    texts.update({f"f{n}": f"{SENTENCE} case {n}" for n in range(40)})
    with django_assert_max_num_queries(4):
        found = memory_lookup("en", "ja", texts)
    assert all(found[f"k{n}"][0].exact for n in range(40))
    assert all(not found[f"f{n}"][0].exact for n in range(40))


def test_units_in_review_are_not_recorded_until_approved(published, users):
    release = published["release"]
    count = MemoryEntry.objects.count()
    content = release_snapshot(release)
    content["segments"][1]["text"]["ja"] = "北方領土の問題"
    release_write(content, author=users["translator-ja"], based_on=release.head_number)
    release.refresh_from_db()
    units_submit(
        release, "ja", keys_in_state(release, "ja", [UnitState.DRAFT]), users["translator-ja"]
    )
    assert MemoryEntry.objects.count() == count
    approve_all(release, "ja", users["reviewer-ja"])
    assert MemoryEntry.objects.filter(target_text="北方領土の問題").count() == 1


def test_the_admin_lists_the_memory_read_only(client, demo):
    from django.urls import reverse

    client.force_login(demo["users"]["admin"])
    page = client.get(reverse("admin:translations_memoryentry_changelist"), {"q": "Economy"})
    assert page.status_code == 200
    assert "経済" in page.content.decode() and "Экономика" in page.content.decode()
    entry = MemoryEntry.objects.get(target_language="ja", source_text="Economy")
    detail = client.get(reverse("admin:translations_memoryentry_change", args=[entry.pk]))
    assert detail.status_code == 200 and "reviewer-ja" in detail.content.decode()
    assert client.get(reverse("admin:translations_memoryentry_add")).status_code == 403
    assert MemoryEntry.objects.filter(pk=entry.pk).exists()


def test_each_token_counts_the_entries_holding_it(published):
    from django.db.models import Count

    from translations.memory.index import index_entries

    def counts():
        actual = dict(
            MemoryPosting.objects.values("token").annotate(n=Count("pk")).values_list("token", "n")
        )
        return actual, dict(MemoryToken.objects.values_list("pk", "entries"))

    actual, stored = counts()
    assert actual == stored and max(stored.values()) > 1
    # Indexing entries again changes nothing.
    index_entries(list(MemoryEntry.objects.values_list("pair_hash", flat=True)))
    assert counts() == (actual, stored)


def test_a_large_write_refreshes_the_planner_statistics(monkeypatch):
    from translations.memory import index

    index.statistics_refresh()  # runs inside a transaction (PostgreSQL: ANALYZE)
    refreshed = []
    monkeypatch.setattr(index, "ANALYZE_AFTER", 3)
    monkeypatch.setattr(index, "statistics_refresh", lambda: refreshed.append(True))
    remember(("one", "a"), ("two", "b"))
    assert refreshed == []
    remember(("three", "c"), ("four", "d"), ("five", "e"))
    assert refreshed == [True]
