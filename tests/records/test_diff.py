"""Tests for records.diff: token-grain text diffs and keyed snapshot comparison."""

import copy
import inspect

from diff_match_patch import diff_match_patch
from hypothesis import given, settings
from hypothesis import strategies as st

from records.diff import (
    LanguageDiff,
    TextOp,
    diff_revisions_all,
    diff_snapshots,
    diff_text,
    render_text_diff,
    tokenize,
)
from records.diff import text as dmp_text

LANGUAGES = ("en", "ja", "ru")


def seg(key, en="", ja="", ru="", kind="paragraph", level=0):
    return {"key": key, "kind": kind, "level": level, "text": {"en": en, "ja": ja, "ru": ru}}


def snapshot(*segments, title=None, photos=()):
    return {
        "slug": "japan-russia-summit-meeting-2017-07-07",
        "date": "2017-07-07",
        "topic": "japan-russia-relations",
        "title": title or {"en": "Summit", "ja": "首脳会談", "ru": "Встреча"},
        "photos": list(photos),
        "segments": list(segments),
    }


def side(ops, which):
    wanted = {"old": ("equal", "delete"), "new": ("equal", "insert")}[which]
    return "".join(op.text for op in ops if op.op in wanted)


def edits(ops):
    return [(op.op, op.text) for op in ops if op.op != "equal"]


def boundaries(tokens):
    offsets, position = {0}, 0
    for token in tokens:
        position += len(token)
        offsets.add(position)
    return offsets


def assert_token_grain(ops, old, new, language):
    # Every op must start and end on a token boundary of the side it belongs to.
    old_cuts, new_cuts = boundaries(tokenize(old, language)), boundaries(tokenize(new, language))
    old_at = new_at = 0
    for op in ops:
        if op.op in ("equal", "delete"):
            old_at += len(op.text)
            assert old_at in old_cuts, (op, old)
        if op.op in ("equal", "insert"):
            new_at += len(op.text)
            assert new_at in new_cuts, (op, new)


# --- tokenize ------------------------------------------------------------------------------


def test_tokenize_english_words_spaces_and_punctuation():
    text = "The leaders' talks don't stall — Abe-san said: \"fine.\""
    tokens = tokenize(text, "en")
    assert "".join(tokens) == text
    assert tokens[:4] == ["The", " ", "leaders", "'"]
    assert "don't" in tokens and "Abe-san" in tokens and "—" in tokens
    assert tokens[-3:] == ["fine", ".", '"']


def test_tokenize_russian_keeps_cyrillic_words_whole():
    text = "Ещё раз: из-за встречи  лидеров зна\u0301ние."
    tokens = tokenize(text, "ru")
    assert "".join(tokens) == text
    assert tokens == [
        "Ещё",
        " ",
        "раз",
        ":",
        " ",
        "из-за",
        " ",
        "встречи",
        "  ",
        "лидеров",
        " ",
        "зна\u0301ние",
        ".",
    ]


def test_tokenize_japanese_splits_by_script_and_kanji_per_character():
    text = "安倍総理は、ウラジーミル・プーチン大統領とG20サミットで会談しました。"
    tokens = tokenize(text, "ja")
    assert "".join(tokens) == text
    assert tokens[:6] == ["安", "倍", "総", "理", "は", "、"]
    assert "ウラジーミル" in tokens and "・" in tokens and "プーチン" in tokens
    assert "G20" in tokens and "サミット" in tokens and "しました" in tokens
    assert max(len(token) for token in tokens) < 8  # never a whole clause


def test_tokenize_empty_text():
    assert tokenize("", "en") == []
    assert tokenize("", "ja") == []


# --- diff_text -----------------------------------------------------------------------------


def test_english_insertion_is_one_word_insert():
    ops = diff_text("The leaders agreed", "The leaders firmly agreed", "en")
    assert edits(ops) in ([("insert", "firmly ")], [("insert", " firmly")])


def test_english_replacement_is_word_grain():
    ops = diff_text("The ministers met on Friday.", "The ministers met on Saturday.", "en")
    assert edits(ops) == [("delete", "Friday"), ("insert", "Saturday")]


def test_russian_word_grain_with_yo():
    old = "Лидеры ещё раз обсудили вопросы мирного договора."
    new = "Лидеры ещё раз подробно обсудили вопросы мирного договора."
    assert edits(diff_text(old, new, "ru")) in (
        [("insert", "подробно ")],
        [("insert", " подробно")],
    )
    ops = diff_text("Встреча прошла в Гамбурге.", "Встреча прошла в Москве.", "ru")
    assert edits(ops) == [("delete", "Гамбурге"), ("insert", "Москве")]
    # ё vs е is a real word change and must not be lost or split mid-word.
    ops = diff_text("Всё решено.", "Все решено.", "ru")
    assert edits(ops) == [("delete", "Всё"), ("insert", "Все")]


def test_japanese_name_change_inside_long_clause_is_small():
    clause = (
        "{}は、ドイツ・ハンブルクにおいて、ウラジーミル・プーチン・ロシア連邦大統領と"
        "日露首脳会談を行い、北方四島における共同経済活動について協議を継続することで一致しました。"
    )
    old, new = clause.format("安倍総理"), clause.format("岸田総理")
    ops = diff_text(old, new, "ja")
    changed = edits(ops)
    assert changed == [("delete", "安倍"), ("insert", "岸田")]
    assert sum(len(op.text) for op in ops if op.op == "equal") == len(old) - 2


def test_japanese_particle_change_stays_local():
    old = "両首脳は経済協力について意見交換を行いました。"
    new = "両首脳は経済協力に関して意見交換を行いました。"
    ops = diff_text(old, new, "ja")
    assert all(len(text) <= 4 for _, text in edits(ops))
    assert side(ops, "old") == old and side(ops, "new") == new


def test_identical_and_empty_texts():
    assert diff_text("same", "same", "en") == [TextOp("equal", "same")]
    assert diff_text("", "", "ja") == []
    assert diff_text("", "new", "ru") == [TextOp("insert", "new")]
    assert diff_text("old", "", "en") == [TextOp("delete", "old")]


def test_scattered_edits_in_a_long_paragraph_stay_word_grain():
    words = [f"word{i}" for i in range(150)]
    edited = [f"new{i}" if i % 10 == 5 else word for i, word in enumerate(words)]
    ops = diff_text(" ".join(words), " ".join(edited), "en")
    expected = []
    for i in range(5, 150, 10):
        expected += [("delete", f"word{i}"), ("insert", f"new{i}")]
    assert edits(ops) == expected


def test_scrambled_long_paragraph_falls_back_to_one_replacement():
    words = [f"word{i}" for i in range(1500)]
    old, new = " ".join(words), " ".join(reversed(words))
    ops = diff_text(old, new, "en")
    assert side(ops, "old") == old and side(ops, "new") == new
    assert len(edits(ops)) <= 2


def test_semantic_cleanup_merges_trivial_equalities():
    ops = diff_text("big red ball", "small blue ball", "en")
    assert edits(ops) == [("delete", "big red"), ("insert", "small blue")]
    # Per-kanji grain would leave 方 as a stray one-character match between
    # two edits; the semantic pass folds it into one replacement.
    ops = diff_text("北方四島の視察", "南方諸島の視察", "ja")
    assert edits(ops) == [("delete", "北方四"), ("insert", "南方諸")]


# --- property tests ------------------------------------------------------------------------

EN_WORDS = ["The", "leaders", "agreed", "don't", "co-operation", "Japan", "2017", "a", "on"]
RU_WORDS = ["Лидеры", "ещё", "из-за", "встреча", "Ёлка", "договора", "в", "2017", "и"]
JA_PIECES = [
    "安倍",
    "総理",
    "は",
    "、",
    "。",
    "プーチン",
    "大統領",
    "と",
    "G20",
    "会談",
    "を",
    "行いました",
    "・",
    "　",
    "日露",
    "について",
    "２０１７",
    "年",
]
SEPARATORS = [" ", "  ", ", ", ". ", "\n", "—", "\u00a0", ": ", '"', "'"]


def texts(pieces):
    structured = st.lists(st.sampled_from(pieces + SEPARATORS), max_size=30).map("".join)
    return st.one_of(structured, st.text(max_size=40))


@st.composite
def text_pairs(draw, pieces):
    # Mostly related texts (an edit of the first), sometimes unrelated ones.
    old = draw(texts(pieces))
    if draw(st.booleans()):
        return old, draw(texts(pieces))
    cut1 = draw(st.integers(0, len(old)))
    cut2 = draw(st.integers(cut1, len(old)))
    return old, old[:cut1] + draw(texts(pieces)) + old[cut2:]


def check_round_trip(old, new, language):
    ops = diff_text(old, new, language)
    assert side(ops, "old") == old
    assert side(ops, "new") == new
    assert all(op.text for op in ops)
    assert all(op.op in ("equal", "insert", "delete") for op in ops)
    assert all(a.op != b.op for a, b in zip(ops, ops[1:], strict=False))
    assert_token_grain(ops, old, new, language)


@settings(max_examples=150, deadline=None)
@given(text_pairs(EN_WORDS))
def test_property_round_trip_en(pair):
    check_round_trip(*pair, "en")


@settings(max_examples=150, deadline=None)
@given(text_pairs(RU_WORDS))
def test_property_round_trip_ru(pair):
    check_round_trip(*pair, "ru")


@settings(max_examples=150, deadline=None)
@given(text_pairs(JA_PIECES))
def test_property_round_trip_ja(pair):
    check_round_trip(*pair, "ja")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(LANGUAGES), st.one_of(texts(EN_WORDS + RU_WORDS + JA_PIECES)))
def test_property_tokenize_round_trip(language, text):
    tokens = tokenize(text, language)
    assert "".join(tokens) == text
    assert all(tokens)


@settings(max_examples=100, deadline=None)
@given(texts(JA_PIECES))
def test_property_japanese_tokens_are_single_script(text):
    for token in tokenize(text, "ja"):
        if "\u4e00" <= token[0] <= "\u9fff":
            assert len(token) == 1  # kanji are per character
        has_kana = any("\u3041" <= c <= "\u30ff" for c in token)
        has_latin = any(c.isascii() and c.isalnum() for c in token)
        assert not (has_kana and has_latin)
        assert not (any(c.isspace() for c in token) and not token.isspace())


# --- snapshot diff -------------------------------------------------------------------------


def base_snapshot():
    return snapshot(
        seg("a", "Leaders met in Hamburg.", "両首脳はハンブルクで会談した。", "Встретились."),
        seg("b", "Economic cooperation", "経済協力", "Экономическое сотрудничество", "heading"),
        seg("c", "They discussed the islands.", "島について協議した。", "Обсудили острова."),
        seg("d", "Next meeting in autumn.", "次回は秋に会談する。", "Следующая встреча осенью."),
    )


def statuses(diff):
    return [(s.key, s.status, s.moved) for s in diff.segments]


def test_identical_snapshots_report_nothing():
    for language, diff in diff_revisions_all(base_snapshot(), base_snapshot()).items():
        assert isinstance(diff, LanguageDiff) and diff.language == language
        assert not diff.changed
        assert diff.counts() == {"added": 0, "removed": 0, "changed": 0, "moved": 0}
        assert all(s.status == "unchanged" and not s.moved for s in diff.segments)


def test_insertion_at_top_flags_added_but_nothing_moved():
    old = base_snapshot()
    new = copy.deepcopy(old)
    new["segments"].insert(0, seg("n", "Press release", "報道発表", "Пресс-релиз", "heading"))
    diff = diff_snapshots(old, new, "en")
    assert statuses(diff) == [
        ("n", "added", False),
        ("a", "unchanged", False),
        ("b", "unchanged", False),
        ("c", "unchanged", False),
        ("d", "unchanged", False),
    ]
    assert diff.counts() == {"added": 1, "removed": 0, "changed": 0, "moved": 0}
    added = diff.segments[0]
    assert (added.old_position, added.new_position, added.old_kind) == (None, 0, None)
    assert added.ops == (TextOp("insert", "Press release"),)


def test_swap_flags_moved():
    old = base_snapshot()
    new = copy.deepcopy(old)
    new["segments"][2], new["segments"][3] = new["segments"][3], new["segments"][2]
    diff = diff_snapshots(old, new, "ja")
    moved = [s for s in diff.segments if s.moved]
    assert len(moved) == 1 and moved[0].key in ("c", "d")
    assert moved[0].status == "unchanged"
    assert {s.key for s in diff.segments if not s.moved} >= {"a", "b"}
    assert diff.counts()["moved"] == 1
    assert diff.changed


def test_move_to_end_flags_only_that_segment():
    old = base_snapshot()
    new = copy.deepcopy(old)
    new["segments"].append(new["segments"].pop(0))
    diff = diff_snapshots(old, new, "en")
    assert [(s.key, s.moved) for s in diff.segments] == [
        ("b", False),
        ("c", False),
        ("d", False),
        ("a", True),
    ]
    moved = diff.segments[-1]
    assert (moved.old_position, moved.new_position) == (0, 3)


def test_removed_segment_stays_where_it_was_and_changed_text_is_diffed():
    old = base_snapshot()
    new = copy.deepcopy(old)
    del new["segments"][1]
    new["segments"][1]["text"]["ru"] = "Подробно обсудили острова."
    new["segments"].insert(2, seg("x", "Added.", "追加。", "Добавлено."))
    diff = diff_snapshots(old, new, "ru")
    assert statuses(diff) == [
        ("a", "unchanged", False),
        ("b", "removed", False),
        ("c", "changed", False),
        ("x", "added", False),
        ("d", "unchanged", False),
    ]
    removed, changed = diff.segments[1], diff.segments[2]
    assert (removed.old_position, removed.new_position, removed.kind) == (1, None, "heading")
    assert removed.ops == (TextOp("delete", "Экономическое сотрудничество"),)
    assert edits(changed.ops) == [("delete", "Обсудили"), ("insert", "Подробно обсудили")]
    assert diff.counts() == {"added": 1, "removed": 1, "changed": 1, "moved": 0}
    # The ru edit is invisible in the other languages.
    assert diff_snapshots(old, new, "en").counts()["changed"] == 0


def test_removed_first_segment_is_listed_first():
    old = base_snapshot()
    new = copy.deepcopy(old)
    del new["segments"][0]
    new["segments"].insert(1, seg("x", "Added."))
    diff = diff_snapshots(old, new, "en")
    assert statuses(diff) == [
        ("a", "removed", False),
        ("b", "unchanged", False),
        ("x", "added", False),
        ("c", "unchanged", False),
        ("d", "unchanged", False),
    ]


def test_moved_is_the_complement_of_the_longest_increasing_run():
    old = snapshot(*(seg(key, key.upper()) for key in "abcdef"))
    new = snapshot(*(seg(key, key.upper()) for key in "bfcd"))  # old positions 1, 5, 2, 3
    diff = diff_snapshots(old, new, "en")
    assert [s.key for s in diff.segments if s.moved] == ["f"]
    assert [s.key for s in diff.segments] == ["a", "b", "f", "c", "d", "e"]


@st.composite
def reorderings(draw):
    keys = draw(st.lists(st.integers(0, 30), unique=True, max_size=15))
    kept = [key for key in keys if draw(st.booleans())]
    if draw(st.booleans()):
        kept = draw(st.permutations(kept))
    new = list(kept)
    for extra in draw(st.lists(st.integers(100, 130), unique=True, max_size=5)):
        new.insert(draw(st.integers(0, len(new))), extra)
    return keys, new


@settings(max_examples=150, deadline=None)
@given(reorderings())
def test_property_segment_alignment(case):
    old_keys, new_keys = case
    old = snapshot(*(seg(f"k{key}", f"text {key}") for key in old_keys))
    new = snapshot(*(seg(f"k{key}", f"text {key}") for key in new_keys))
    diff = diff_snapshots(old, new, "en")
    rows = diff.segments
    assert sorted(r.old_position for r in rows if r.old_position is not None) == list(
        range(len(old_keys))
    )
    new_positions = [r.new_position for r in rows if r.new_position is not None]
    assert new_positions == list(range(len(new_keys)))  # output follows the new order
    assert [r.key for r in rows if r.status != "removed"] == [f"k{key}" for key in new_keys]
    common = [old_keys.index(key) for key in new_keys if key in old_keys]
    moved = sum(r.moved for r in rows)
    if common == sorted(common):
        assert moved == 0  # insertions and deletions alone never count as moves
    else:
        assert moved >= 1
    # Exactly the segments outside one longest increasing run are moved.
    longest = [1] * len(common)
    for i in range(len(common)):
        for j in range(i):
            if common[j] < common[i]:
                longest[i] = max(longest[i], longest[j] + 1)
    assert moved == len(common) - max(longest, default=0)
    assert all(r.status in ("added", "removed", "unchanged") for r in rows)


def test_changes_are_per_language():
    old = base_snapshot()
    new = copy.deepcopy(old)
    new["segments"][0]["text"]["ja"] = "両首脳はハンブルクで初めて会談した。"
    result = diff_revisions_all(old, new)
    assert result["ja"].segments[0].status == "changed"
    assert not result["en"].changed and not result["ru"].changed


def test_structure_change_is_reported():
    old = base_snapshot()
    new = copy.deepcopy(old)
    new["segments"][2]["kind"] = "bullet"
    new["segments"][2]["level"] = 1
    change = diff_snapshots(old, new, "en").segments[2]
    assert change.status == "changed" and change.structure_changed
    assert not change.text_changed
    assert (change.kind, change.level, change.old_kind, change.old_level) == (
        "bullet",
        1,
        "paragraph",
        0,
    )


def test_marker_style_change_is_a_structure_change():
    old = snapshot(seg("a", "First.", kind="item", level=3))
    old["segments"][0]["style"] = "lower-roman"
    new = copy.deepcopy(old)
    new["segments"][0]["style"] = "lower-latin"

    change = diff_snapshots(old, new, "en").segments[0]

    assert change.status == "changed" and change.structure_changed
    assert (change.style, change.old_style) == ("lower-latin", "lower-roman")
    assert "item level 3 lower-latin (was item level 3 lower-roman)" in render_text_diff(
        diff_snapshots(old, new, "en")
    )


def test_title_change():
    old = base_snapshot()
    new = copy.deepcopy(old)
    new["title"]["en"] = "Summit Meeting"
    diff = diff_snapshots(old, new, "en")
    assert diff.title_changed and diff.changed
    assert (diff.old_title, diff.new_title) == ("Summit", "Summit Meeting")
    assert edits(diff.title_ops) in ([("insert", " Meeting")], [("insert", "Meeting ")])
    assert diff.counts() == {"added": 0, "removed": 0, "changed": 0, "moved": 0}
    assert not diff_snapshots(old, new, "ja").title_changed


def test_photos_diffed_by_key():
    photo1 = {
        "key": "p1",
        "caption": {"en": "Leaders shake hands", "ja": "握手する両首脳"},
        "credit": {"en": "Cabinet Public Affairs Office"},
    }
    photo2 = {"key": "p2", "caption": {"en": "Press conference"}, "credit": {"en": "MOFA"}}
    old = snapshot(seg("a", "Text."), photos=[photo1, photo2])
    new_photo1 = copy.deepcopy(photo1)
    new_photo1["caption"]["en"] = "Leaders warmly shake hands"
    photo3 = {"key": "p3", "caption": {"en": "Dinner"}, "credit": {"en": "MOFA"}}
    new = snapshot(seg("a", "Text."), photos=[photo3, new_photo1])
    diff = diff_snapshots(old, new, "en")
    assert [(p.key, p.status) for p in diff.photos] == [
        ("p3", "added"),
        ("p1", "changed"),
        ("p2", "removed"),
    ]
    changed = diff.photos[1]
    assert edits(changed.caption_ops) in ([("insert", "warmly ")], [("insert", " warmly")])
    assert changed.credit_ops == (TextOp("equal", "Cabinet Public Affairs Office"),)
    assert diff.photo_counts() == {"added": 1, "removed": 1, "changed": 1, "moved": 0}
    assert diff.changed and diff.counts()["changed"] == 0
    ja = diff_snapshots(old, new, "ja")
    # p1 ja caption unchanged; the missing ja credit reads as "" on both sides.
    assert ja.photos[1].status == "unchanged" and ja.photos[1].credit_ops == ()


def test_missing_language_keys_mean_empty_text():
    old = snapshot(
        {"key": "a", "kind": "paragraph", "level": 0, "text": {"en": "Hello.", "ja": "今日は。"}},
        title={"en": "Summit", "ja": "首脳会談"},
    )
    new = copy.deepcopy(old)
    new["segments"][0]["text"]["ru"] = "Привет."
    new["title"]["ru"] = "Встреча"
    ru = diff_snapshots(old, new, "ru")
    change = ru.segments[0]
    assert (change.status, change.old_text, change.new_text) == ("changed", "", "Привет.")
    assert change.ops == (TextOp("insert", "Привет."),)
    assert ru.title_changed and ru.title_ops == (TextOp("insert", "Встреча"),)
    assert not diff_snapshots(old, new, "en").changed
    # A snapshot missing whole sections or texts entirely must not crash either.
    bare = diff_snapshots({}, {"segments": [{"key": "z"}]}, "ja")
    assert [(s.key, s.status, s.new_text, s.kind) for s in bare.segments] == [
        ("z", "added", "", "paragraph"),
    ]


def test_first_revision_against_nothing_is_all_added():
    diff = diff_snapshots(None, base_snapshot(), "en")
    assert diff.counts() == {"added": 4, "removed": 0, "changed": 0, "moved": 0}
    assert diff.title_changed


def test_duplicate_keys_pair_by_occurrence():
    old = snapshot(seg("dup", "One."), seg("dup", "Two."))
    new = snapshot(seg("dup", "One."), seg("dup", "Two!"))
    diff = diff_snapshots(old, new, "en")
    assert [s.status for s in diff.segments] == ["unchanged", "changed"]


# --- rendering -----------------------------------------------------------------------------


def test_render_text_diff_marks():
    old = base_snapshot()
    new = copy.deepcopy(old)
    new["title"]["en"] = "Summit Meeting"
    new["segments"][1]["text"]["en"] = "Economic ties"
    new["segments"].insert(0, new["segments"].pop(3))  # d moves to the top
    del new["segments"][3]  # drop c
    new["segments"].append(seg("e", "Closing remarks.", "結び。", "Заключение."))
    diff = diff_snapshots(old, new, "en")
    text = render_text_diff(diff)
    lines = text.splitlines()
    assert lines[0] == ("[en] segments: 1 added, 1 removed, 1 changed, 1 moved; title changed")
    assert "~ title" in lines
    assert "    Summit{+ Meeting+}" in lines or "    Summit{+Meeting +}" in lines
    assert "~ [3] heading" in lines
    assert "    Economic [-cooperation-]{+ties+}" in lines
    assert "- [3] paragraph" in lines and "    They discussed the islands." in lines
    assert "+ [4] paragraph" in lines and "    Closing remarks." in lines
    assert "> moved 4→1 [1] paragraph" in lines
    assert "Leaders met in Hamburg." not in text  # unchanged segments are omitted
    assert "\x1b[" not in text
    colored = render_text_diff(diff, color=True)
    assert "\x1b[31m[-cooperation-]\x1b[0m" in colored
    assert "\x1b[32m{+ties+}\x1b[0m" in colored


def test_render_moved_and_changed_and_no_changes():
    old = base_snapshot()
    new = copy.deepcopy(old)
    new["segments"].append(new["segments"].pop(0))
    new["segments"][-1]["text"]["ja"] = "両首脳はモスクワで会談した。"
    text = render_text_diff(diff_snapshots(old, new, "ja"))
    assert "~ [4] paragraph > moved 1→4" in text
    assert "[-ハンブルク-]{+モスクワ+}" in text
    assert render_text_diff(diff_snapshots(old, old, "ru")) == "[ru] no changes\n"


def test_render_photo_lines():
    old = snapshot(photos=[{"key": "p", "caption": {"en": "Old caption"}, "credit": {}}])
    new = snapshot(photos=[{"key": "p", "caption": {"en": "New caption"}, "credit": {}}])
    text = render_text_diff(diff_snapshots(old, new, "en"))
    assert "photos: 0 added, 0 removed, 1 changed, 0 moved" in text
    assert "~ photo [1]" in text and "caption: [-Old-]{+New+} caption" in text


# --- speed ---------------------------------------------------------------------------------


def big_snapshot(count):
    segments = []
    for i in range(count):
        segments.append(
            seg(
                f"k{i}",
                f"Paragraph {i}: the leaders of Japan and Russia discussed cooperation in the "
                f"Far East, energy and people-to-people exchanges, item number {i}.",
                f"第{i}段落：日露両首脳は、極東における協力、エネルギー及び人的交流について協議した。",
                f"Абзац {i}: лидеры Японии и России обсудили сотрудничество на Дальнем Востоке, "
                f"в энергетике и гуманитарные обмены, пункт {i}.",
            )
        )
    return snapshot(*segments)


def test_two_hundred_segments_all_languages():
    old = big_snapshot(200)
    new = copy.deepcopy(old)
    for i, segment in enumerate(new["segments"]):
        if i % 2:  # edit half of the segments in every language
            segment["text"]["en"] = segment["text"]["en"].replace("energy", "clean energy")
            segment["text"]["ja"] = segment["text"]["ja"].replace("日露両首脳", "両首脳")
            segment["text"]["ru"] = segment["text"]["ru"].replace("лидеры", "главы")
    new["segments"].insert(0, seg("top", "Intro.", "はじめに。", "Введение."))
    new["segments"].append(new["segments"].pop(50))
    result = diff_revisions_all(old, new)
    assert result["en"].counts() == {"added": 1, "removed": 0, "changed": 100, "moved": 1}


def test_two_hundred_rewritten_segments_all_languages():
    old = big_snapshot(200)
    new = copy.deepcopy(old)
    for segment in new["segments"]:
        for language, text in segment["text"].items():
            segment["text"][language] = " ".join(reversed(text.split())) + text[::-1]
    result = diff_revisions_all(old, new)
    assert all(diff.counts()["changed"] == 200 for diff in result.values())


# --- the diff-match-patch internals records.diff.text builds on ------------------------------
# pyproject.toml pins diff-match-patch exactly; when an upgrade changes any of these, fix
# records/diff/text.py before moving the pin.


class _RecordingDMP(diff_match_patch):
    """Record which overridable hooks upstream calls on ``self``."""

    def __init__(self):
        super().__init__()
        self.calls = []

    def diff_bisect(self, text1, text2, deadline):
        self.calls.append("diff_bisect")
        return super().diff_bisect(text1, text2, deadline)

    def diff_cleanupSemanticLossless(self, diffs):  # noqa: N802 - upstream name
        self.calls.append("diff_cleanupSemanticLossless")
        return super().diff_cleanupSemanticLossless(diffs)


def test_diff_match_patch_op_codes_and_diff_shape():
    dmp = diff_match_patch()
    assert (dmp.DIFF_DELETE, dmp.DIFF_INSERT, dmp.DIFF_EQUAL) == (-1, 1, 0)
    assert dmp_text._DMP_OPS == {0: "equal", 1: "insert", -1: "delete"}
    diffs = dmp.diff_main("abcd", "abxd", checklines=False)
    # (op, text) tuples: the lossless cleanup override rebuilds them as tuples.
    assert diffs == [(0, "ab"), (-1, "c"), (1, "x"), (0, "d")]
    assert all(type(diff) is tuple for diff in diffs)
    assert dmp.diff_commonSuffix("xabc", "yabc") == 3
    assert dmp.diff_commonSuffix("abc", "abd") == 0


def test_diff_match_patch_calls_the_hooks_records_diff_overrides():
    for name, parameters in [
        ("diff_bisect", ["self", "text1", "text2", "deadline"]),
        ("diff_cleanupSemanticLossless", ["self", "diffs"]),
        ("diff_cleanupSemantic", ["self", "diffs"]),
        ("diff_commonSuffix", ["self", "text1", "text2"]),
    ]:
        assert list(inspect.signature(getattr(diff_match_patch, name)).parameters) == parameters
    dmp = _RecordingDMP()
    # No shared head or tail and no half match: diff_main reaches self.diff_bisect.
    diffs = dmp.diff_main("cat", "map", checklines=False)
    assert "diff_bisect" in dmp.calls
    assert "".join(t for op, t in diffs if op != 1) == "cat"
    assert "".join(t for op, t in diffs if op != -1) == "map"
    # diff_cleanupSemantic works in place and goes through self.diff_cleanupSemanticLossless.
    diffs = [(0, "The c"), (1, "ow and the c"), (0, "at.")]
    assert dmp.diff_cleanupSemantic(diffs) is None
    assert "diff_cleanupSemanticLossless" in dmp.calls
    assert diffs == [(0, "The "), (1, "cow and the "), (0, "cat.")]


def test_diff_match_patch_bisect_consults_the_deadline_once_per_step():
    # records.diff replaces the wall-clock deadline with a step budget; upstream compares
    # ``time.time() > deadline``, which Python reflects to the budget's ``__lt__``.
    dmp = diff_match_patch()
    budget = dmp_text._StepBudget(0)
    assert dmp.diff_bisect("cat", "map", budget) == [(-1, "cat"), (1, "map")]
    budget = dmp_text._StepBudget(100)
    diffs = dmp.diff_bisect("cat", "map", budget)
    assert (0, "a") in diffs
    assert 0 < 100 - budget._left <= len("cat") + len("map")


def test_unit_dmp_reaches_its_overrides():
    calls = []
    decode = {chr(0xE000 + i): unit for i, unit in enumerate(["a ", "b ", "c ", "d "])}

    class Probe(dmp_text._UnitDMP):
        def diff_bisect(self, text1, text2, deadline):
            calls.append("diff_bisect")
            return super().diff_bisect(text1, text2, deadline)

    dmp = Probe(decode)
    old, new = "\ue000\ue001\ue002", "\ue003\ue001\ue000"
    diffs = dmp.diff_main(old, new, checklines=False)
    dmp.diff_cleanupSemantic(diffs)
    assert calls, "diff_main no longer calls self.diff_bisect"
    assert "".join(t for op, t in diffs if op != 1) == old
    assert "".join(t for op, t in diffs if op != -1) == new
