"""Test glossary term matching in English, Russian and Japanese text."""

import unicodedata
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import CONCEPT_IDS, P, glossary_terms
from translations.checks import matching
from translations.checks.matching import cache as matcher_cache
from translations.checks.matching.cache import clear_matcher_cache, matcher_for
from translations.checks.matching.edges import SHORT_KATAKANA
from translations.checks.matching.matcher import TermMatcher, TermSpec
from translations.glossary import normalize
from translations.glossary import words as word_rules
from translations.glossary.forms import term_word_keys
from translations.glossary.normalize import fold_japanese, normalize_japanese
from translations.glossary.words import RUSSIAN, english_fold


@cache
def glossary_matcher(language: str) -> TermMatcher:
    """Return a matcher over the glossary-facts terms of one language, built once."""
    return TermMatcher(glossary_terms(), language)


def found(language: str, text: str) -> list[tuple[str, str]]:
    """Return ``(term text, occurrence)`` pairs, the occurrence cut from ``text`` by offsets."""
    return [(m.term.text, text[m.start : m.end]) for m in glossary_matcher(language).find(text)]


def test_glossary_helper_covers_every_fact():
    terms = glossary_terms()
    assert len(CONCEPT_IDS) == 15
    assert len({t.id for t in terms}) == len(terms) == 55
    assert {t.text for t in terms if t.case_sensitive} == {"TOR", "ТОР"}


# --- Russian ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "term", "occurrence"),
    [
        (
            "Стороны обсудили создание территорий опережающего развития.",
            "территория опережающего развития",
            "территорий опережающего развития",
        ),
        (
            "совместная деятельность на четырёх северных островах",
            "четыре северных острова",
            "четырёх северных островах",
        ),
        (
            "совместная деятельность на четырех северных островах",
            "четыре северных острова",
            "четырех северных островах",
        ),
        ("вопрос мирного договора", "мирный договор", "мирного договора"),
        (
            "в рамках совместной хозяйственной деятельности",
            "совместная хозяйственная деятельность",
            "совместной хозяйственной деятельности",
        ),
        (
            "посещения бывшими жителями островов",
            "бывшие жители островов",
            "бывшими жителями островов",
        ),
        ("визиты бывших жителей островов", "бывшие жители островов", "бывших жителей островов"),
        ("в ходе встречи тет-а-тет", "встреча тет-а-тет", "встречи тет-а-тет"),
        (
            "на Восточном экономическом форуме",
            "Восточный экономический форум",
            "Восточном экономическом форуме",
        ),
        ("с премьер-министром Абэ", "премьер-министр Абэ", "премьер-министром Абэ"),
        (
            "консультаций на уровне заместителей министров",
            "консультации на уровне заместителей министров",
            "консультаций на уровне заместителей министров",
        ),
        (
            "ТЕРРИТОРИИ ОПЕРЕЖАЮЩЕГО РАЗВИТИЯ",
            "территория опережающего развития",
            "ТЕРРИТОРИИ ОПЕРЕЖАЮЩЕГО РАЗВИТИЯ",
        ),
        ("о мирном\nдоговоре", "мирный договор", "мирном\nдоговоре"),
        ("о мирном\u00a0 договоре", "мирный договор", "мирном\u00a0 договоре"),
    ],
)
def test_russian_inflected_terms_match(text, term, occurrence):
    assert found("ru", text) == [(term, occurrence)]


@pytest.mark.parametrize(
    ("text", "term", "occurrence"),
    [
        ("Южные Курилы", "Южные Курилы", "Южные Курилы"),
        ("на Южных Курилах", "Южные Курилы", "Южных Курилах"),
        ("острова Южных Курил", "Южные Курилы", "Южных Курил"),
        ("южных курил", "Южные Курилы", "южных курил"),
        ("Южных Курильских островов", "Южные Курильские острова", "Южных Курильских островов"),
    ],
)
def test_russian_forbidden_designations_match_inflected(text, term, occurrence):
    assert found("ru", text) == [(term, occurrence)]


def test_kurily_is_in_the_dictionary_and_kuril_is_ambiguous():
    # "Курил" is both the genitive of "Курилы" and the past tense of "курить".
    assert matching.russian_lemmas("курилы") == (("курилы",), True)
    assert set(matching.russian_lemmas("курил")[0]) == {"курилы", "курить"}


@pytest.mark.parametrize(
    "text",
    [
        "мирные переговоры",  # one word of the term, not the term
        "договор мирный",  # wrong order
        "мирный, договор",  # punctuation breaks a term
        "территория развития",
        "четыре острова",
        "Он курил трубку.",  # the verb reading of "курил" alone is no term
    ],
)
def test_russian_near_misses_do_not_match(text):
    assert found("ru", text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ТОР", ["ТОР"]),
        ("резиденты ТОР и ТОРы", ["ТОР", "ТОРы"]),
        ("в ТОРах, ТОР-ов", ["ТОРах", "ТОР-ов"]),
        ("тор", []),
        ("Тор", []),
        ("ТОРГОВЛЯ и ТОРговля", []),
        ("TOR", []),  # Latin letters are not the Cyrillic abbreviation
    ],
)
def test_russian_case_sensitive_abbreviation(text, expected):
    assert [occ for term, occ in found("ru", text) if term == "ТОР"] == expected
    assert all(term == "ТОР" for term, _occ in found("ru", text))


def ambiguous_matcher(term_text: str) -> TermMatcher:
    """Return a matcher whose vocabulary holds both readings of "стали" and of "мыла"."""
    texts = ["нержавеющая сталь", "стать партнёрами", "хозяйственное мыло", "мыть руки", term_text]
    return TermMatcher(
        [TermSpec(i, i, "ru", text, P) for i, text in enumerate(texts, start=1)], "ru"
    )


def test_ambiguous_word_really_has_two_readings_in_the_vocabulary():
    matcher = ambiguous_matcher("сталь")
    symbols, _offsets = matcher.normalize("стали мыла")
    assert len(symbols) == 2 * 2
    assert len(matcher._text_word_symbols("стали")) == 2
    assert len(matcher._text_word_symbols("мыла")) == 2


@pytest.mark.parametrize(
    ("text", "term", "occurrence"),
    [
        ("выпуск нержавеющей стали", "нержавеющая сталь", "нержавеющей стали"),  # noun reading
        ("они стали партнёрами", "стать партнёрами", "стали партнёрами"),  # verb reading
        ("кусок хозяйственного мыла", "хозяйственное мыло", "хозяйственного мыла"),
        ("она мыла руки", "мыть руки", "мыла руки"),
    ],
)
def test_ambiguous_russian_word_matches_either_reading(text, term, occurrence):
    matches = ambiguous_matcher("сталь").find(text)
    assert [(m.term.text, text[m.start : m.end]) for m in matches] == [(term, occurrence)]


@pytest.mark.parametrize("term", ["сталь мыло", "сталь мыть", "стать мыло", "стать мыть"])
def test_two_adjacent_ambiguous_words_try_every_combination(term):
    # Whichever reading comes first in the scan string, one of these needs both alternatives.
    text = "Вчера стали мыла."
    matches = ambiguous_matcher(term).find(text)
    assert [(m.term.text, text[m.start : m.end]) for m in matches] == [(term, "стали мыла")]


def test_single_word_ambiguous_occurrence_yields_every_matching_term():
    matcher = TermMatcher(
        [TermSpec(1, 1, "ru", "сталь", P), TermSpec(2, 2, "ru", "стать", P)], "ru"
    )
    text = "стали"
    assert [(m.term.id, m.start, m.end) for m in matcher.find(text)] == [(1, 0, 5), (2, 0, 5)]


def test_unknown_russian_word_falls_back_to_its_stem():
    # pymorphy3 guesses disjoint lemmas for these forms of a name it does not know.
    lemmas_nominative, known = matching.russian_lemmas("мотеги")
    lemmas_instrumental, _ = matching.russian_lemmas("мотегой")
    assert not known
    assert not set(lemmas_nominative) & set(lemmas_instrumental)
    matcher = TermMatcher([TermSpec(1, 1, "ru", "министр Мотеги", P)], "ru")
    text = "встреча с министром Мотегой"
    assert [text[m.start : m.end] for m in matcher.find(text)] == ["министром Мотегой"]


@pytest.mark.parametrize("text", ["с министром Мотёгой", "министр МОТЁГИ"])
def test_unknown_russian_word_with_yo_matches_its_e_spelling(text):
    # pymorphy3 folds ё/е only for dictionary words; the stem fallback needs our own fold.
    matcher = TermMatcher([TermSpec(1, 1, "ru", "министр Мотеги", P)], "ru")
    assert [m.term.id for m in matcher.find(text)] == [1]


@pytest.mark.parametrize(
    ("word", "stem"),
    [("курилы", "курил"), ("мотегой", "мотег"), ("островах", "остров"), ("абэ", "абэ")],
)
def test_russian_stem(word, stem):
    assert matching.russian_stem(word) == stem


# --- English ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TOR", ["TOR"]),
        ("the TOR in Khabarovsk", ["TOR"]),
        ("two TORs and a TOR's residents", ["TORs", "TOR's"]),
        ("tor", []),
        ("Tor", []),
        ("ToR", []),
        ("TORONTO", []),
        ("historic", []),
        ("a tor in Dartmoor", []),
        ("STORM", []),
    ],
)
def test_english_case_sensitive_abbreviation(text, expected):
    assert [occ for _term, occ in found("en", text)] == expected


@pytest.mark.parametrize(
    ("text", "term", "occurrence"),
    [
        ("the Summit Meetings", "Summit Meeting", "Summit Meetings"),
        ("the Summit Meeting's outcome", "Summit Meeting", "Summit Meeting's"),
        ("the summit meeting’s outcome", "Summit Meeting", "summit meeting’s"),
        (
            "a territory of priority development",
            "territories of priority development",
            "territory of priority development",
        ),
        (
            "the priority development area",
            "priority development areas",
            "priority development area",
        ),
        (
            "the former island residents’ visits",
            "former island residents",
            "former island residents’",
        ),
        ("a former resident", "former residents", "former resident"),
        ("a tete-a-tete meeting", "tête-à-tête meeting", "tete-a-tete meeting"),
        ("Tête-à-Tête Meetings", "tête-à-tête meeting", "Tête-à-Tête Meetings"),
        (
            "vice‐ministerial consultation",
            "vice-ministerial consultations",
            "vice‐ministerial consultation",
        ),
        (
            "the Eastern Economic Forum’s plenary",
            "Eastern Economic Forum",
            "Eastern Economic Forum’s",
        ),
        ("a peace\n  treaty", "peace treaty", "peace\n  treaty"),
        # A term used as a compound modifier is hyphenated.
        ("the peace-treaty talks", "peace treaty", "peace-treaty"),
    ],
)
def test_english_plural_and_possessive_forms_match(text, term, occurrence):
    assert found("en", text) == [(term, occurrence)]


@pytest.mark.parametrize(
    "text",
    [
        "peacetreaty",
        "peace, treaty",
        "peace treatise",
        "the Forum",
        "vice ministerial",
    ],
)
def test_english_near_misses_do_not_match(text):
    assert found("en", text) == []


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("territories", "territory"),
        ("territory", "territory"),
        ("meetings", "meeting"),
        ("meeting's", "meeting"),
        ("islands'", "island"),
        ("issues", "issue"),
        ("issue", "issue"),
        ("matches", "match"),
        ("classes", "class"),
        ("class", "class"),
        ("status", "status"),
        ("crisis", "crisis"),
        ("ties", "tie"),
        ("is", "is"),
        ("its", "its"),
        ("gas", "gas"),
        ("abe's", "abe"),
    ],
)
def test_english_fold(word, folded):
    assert english_fold(word) == folded


def test_overlapping_english_terms_take_the_longest():
    text = "The Four Northern Islands, the four islands and the four Northern islands."
    assert found("en", text) == [
        ("Four Northern Islands", "Four Northern Islands"),
        ("four islands", "four islands"),
        ("Four Northern Islands", "four Northern islands"),
    ]


def test_leftmost_wins_over_a_longer_later_term():
    matcher = TermMatcher(
        [TermSpec(1, 1, "en", "peace treaty", P), TermSpec(2, 2, "en", "treaty negotiations", P)],
        "en",
    )
    text = "peace treaty negotiations"
    assert [(m.term.id, text[m.start : m.end]) for m in matcher.find(text)] == [(1, "peace treaty")]


def test_english_offsets_point_into_the_original_text():
    text = "On 7 September, President Putin and Prime Minister Abe held a tête-à-tête meeting."
    matches = glossary_matcher("en").find(text)
    assert [(m.start, m.end) for m in matches] == [(16, 31), (36, 54), (62, 81)]
    assert [text[m.start : m.end] for m in matches] == [
        "President Putin",
        "Prime Minister Abe",
        "tête-à-tête meeting",
    ]


# --- Japanese -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "term", "occurrence"),
    [
        ("北方四島における交流", "北方四島", "北方四島"),
        ("ＴＯＲの活用", "TOR", "ＴＯＲ"),
        ("TORの活用", "TOR", "TOR"),
        ("（ＴＯＲ）", "TOR", "ＴＯＲ"),
        ("８項目の「協力プラン」", "8項目の「協力プラン」", "８項目の「協力プラン」"),
        ("8項目の｢協力ﾌﾟﾗﾝ｣", "8項目の「協力プラン」", "8項目の｢協力ﾌﾟﾗﾝ｣"),
        ("ﾃﾀﾃ会談", "テタテ会談", "ﾃﾀﾃ会談"),
        ("テタテ会談", "テタテ会談", "テタテ会談"),
        ("ﾌﾟｰﾁﾝ大統領", "プーチン大統領", "ﾌﾟｰﾁﾝ大統領"),
        # Decomposed voiced marks (U+3099) are composed by NFKC like the half-width ones.
        ("フ\u309aーチン大統領", "プーチン大統領", "フ\u309aーチン大統領"),
    ],
)
def test_japanese_width_variants_match(text, term, occurrence):
    assert found("ja", text) == [(term, occurrence)]


@pytest.mark.parametrize(
    "text", ["ｔｏｒ", "tor", "Tor", "TORONTO", "ＴＯＲＯＮＴＯ", "18項目の「協力プラン」", "平和"]
)
def test_japanese_near_misses_do_not_match(text):
    assert found("ja", text) == []


def test_japanese_longest_term_wins_without_word_boundaries():
    text = "安倍総理大臣は安倍総理として北方領土と北方四島について述べた。"
    assert found("ja", text) == [
        ("安倍総理大臣", "安倍総理大臣"),
        ("安倍総理", "安倍総理"),
        ("北方領土", "北方領土"),
        ("北方四島", "北方四島"),
    ]


def test_japanese_offsets_survive_length_changing_normalisation():
    # "ﾌﾟ" is two characters that NFKC folds into one; "ß" casefolds into two.
    text = "ßﾌﾟｰﾁﾝ大統領とﾃﾀﾃ会談、ＴＯＲ。"
    matches = glossary_matcher("ja").find(text)
    assert [(text[m.start : m.end], m.start, m.end) for m in matches] == [
        ("ﾌﾟｰﾁﾝ大統領", 1, 9),
        ("ﾃﾀﾃ会談", 10, 15),
        ("ＴＯＲ", 16, 19),
    ]


def test_normalize_japanese_maps_every_character_back():
    text = "ﾃﾞｰﾀ（ＴＯＲ）"
    normalized, offsets = normalize_japanese(text)
    assert normalized == "データ(tor)"
    assert offsets.span(0, 1) == (0, 2)
    assert offsets.span(3, 8) == (4, 9)


_FRAGMENTS = [
    "北方四島",
    "ﾃﾀﾃ会談",
    "ＴＯＲ",
    "TOR",
    "安倍総理",
    "大臣",
    "の",
    "ﾞ",
    "ß",
    "e\u0301",
    "Ａ",
    " ",
    "8",
    "・",
    "ー",
    "\n",
    "「",
    "」",
    "ヶ国",
    "サミット",
    "テタテ",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=12))
def test_japanese_matches_are_ordered_disjoint_and_exact(fragments):
    text = "".join(fragments)
    matches = glossary_matcher("ja").find(text)
    for before, after in zip(matches, matches[1:], strict=False):
        assert before.end <= after.start
    for m in matches:
        assert fold_japanese(text[m.start : m.end])[0] == fold_japanese(m.term.text)[0]
    assert len(matches) <= raw_hits(glossary_matcher("ja"), text)


def leftmost_longest(size, valid_at):
    """Pick leftmost-longest spans by brute force: ``valid_at(i)`` -> [(length, term_id)]."""
    picked, i = [], 0
    while i < size:
        found_here = valid_at(i)
        if not found_here:
            i += 1
            continue
        longest = max(length for length, _term in found_here)
        picked += sorted((i, i + longest, t) for length, t in found_here if length == longest)
        i += longest
    return picked


_JA_TERM_ALPHABET = "アイ北方TtoR8"
_JA_TEXT_ALPHABET = "アイｱｲ北方TtoRＴｏＲr8８x"  # every character folds to exactly one


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(_JA_TERM_ALPHABET, min_size=1, max_size=6), st.booleans()),
        min_size=1,
        max_size=12,
    ),
    st.text(_JA_TEXT_ALPHABET, max_size=30),
)
def test_japanese_find_agrees_with_brute_force(raw_terms, text):
    terms = [TermSpec(i, i, "ja", t, P, cs) for i, (t, cs) in enumerate(raw_terms, start=1)]
    folded = normalize_japanese(text)[0]
    assert len(folded) == len(text)

    def edge(c):
        return c.isascii() and c.isalnum()

    def short_kana(key):
        run = len(key) - len(key.lstrip("アイ"))
        return 0 < run <= SHORT_KATAKANA

    def valid_at(i):
        out = []
        for term in terms:
            key = normalize_japanese(term.text)[0]
            j = i + len(key)
            if not folded.startswith(key, i):
                continue
            if edge(key[0]) and i > 0 and edge(folded[i - 1]):
                continue
            if edge(key[-1]) and j < len(folded) and edge(folded[j]):
                continue
            # A short katakana word does not match inside a longer one.
            if short_kana(key) and i > 0 and folded[i - 1] in "アイ":
                continue
            if short_kana(key[::-1]) and j < len(folded) and folded[j] in "アイ":
                continue
            if term.case_sensitive and unicodedata.normalize("NFKC", text[i:j]) != (term.text):
                continue
            out.append((len(key), term.id))
        return out

    expected = leftmost_longest(len(text), valid_at)
    found_ = [(m.start, m.end, m.term.id) for m in TermMatcher(terms, "ja").find(text)]
    assert found_ == expected


_RU_TERM_WORDS = ["сталь", "стать", "мыло", "мыть", "руки", "курилы", "южные", "ТОР", "и"]
_RU_TEXT_WORDS = ["стали", "мыла", "руки", "рук", "курил", "южных", "ТОР", "тор", "и", ",", "дом"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.lists(st.sampled_from(_RU_TERM_WORDS), min_size=1, max_size=3), st.booleans()),
        min_size=1,
        max_size=10,
    ),
    st.lists(st.sampled_from(_RU_TEXT_WORDS), max_size=12),
)
def test_russian_find_agrees_with_lemma_set_intersection(raw_terms, words):
    """Check leftmost-longest matching against the definition: lemma sets intersect."""
    terms = [
        TermSpec(i, i, "ru", " ".join(ws), P, cs) for i, (ws, cs) in enumerate(raw_terms, start=1)
    ]
    matcher = TermMatcher(terms, "ru")
    text = " ".join(words)
    tokens = [(w, start, end) for w, start, end in word_rules.tokens(text)]

    def text_keys(word):
        return set(word_rules.case_sensitive_text_keys(word, word_rules.RUSSIAN)) | set(
            word_rules.russian_text_keys(word)
        )

    def valid_at(i):
        out = []
        for term in terms:
            term_words = term.text.split()
            window = tokens[i : i + len(term_words)]
            if len(window) == len(term_words) and all(
                w and text_keys(w) & set(term_word_keys(tw, term.case_sensitive, RUSSIAN))
                for (w, _s, _e), tw in zip(window, term_words, strict=True)
            ):
                out.append((len(term_words), term.id))
        return out

    expected = [
        (tokens[i][1], tokens[j - 1][2], t) for i, j, t in leftmost_longest(len(tokens), valid_at)
    ]
    assert [(m.start, m.end, m.term.id) for m in matcher.find(text)] == expected


@given(st.characters(), st.characters())
def test_character_spelling_is_injective_and_its_digits_never_mix(a, b):
    # Matches stay aligned only because no low digit can pass for a high digit.
    spelled_a, spelled_b = normalize.char_symbol(a), normalize.char_symbol(b)
    assert len(spelled_a) == 2
    assert spelled_a[1] < "\x80" <= spelled_a[0]
    assert (spelled_a == spelled_b) == (a == b)


@given(st.integers(0, 200_000), st.integers(0, 200_000), st.integers(2, 1_000))
def test_word_symbols_are_injective_and_their_digits_never_mix(i, j, base):
    first, second = normalize.word_symbol(i, base), normalize.word_symbol(j, base)
    assert first[1] < chr(normalize.WORD_HIGH) <= first[0]
    assert (first == second) == (i == j)


def test_large_glossaries_spell_words_with_two_digits():
    terms = [TermSpec(i, i, "en", f"term{i} word{i % 97}", P) for i in range(5_000)]
    matcher = TermMatcher(terms, "en")
    text = "see term4321 word53 and term7 word7, then term7 word8"
    assert [(m.term.id, text[m.start : m.end]) for m in matcher.find(text)] == [
        (4321, "term4321 word53"),
        (7, "term7 word7"),
    ]


def raw_hits(matcher, text):
    """Count bare ``Automaton.iter`` hits on the normalised text (no filtering, no overlaps)."""
    normalized, _offsets = matcher.normalize(text)
    return sum(1 for _ in matcher.automaton.iter(normalized)) if matcher.automaton else 0


# --- the matcher as a whole -------------------------------------------------------------------


def test_find_ignores_terms_of_other_languages():
    matcher = glossary_matcher("en")
    assert {t.language for t in matcher.terms} == {"en"}
    assert found("en", "北方四島 мирный договор") == []


def test_empty_glossary_and_empty_text():
    assert TermMatcher([], "ru").find("мирный договор") == []
    assert TermMatcher([], "ja").automaton is None
    assert TermMatcher([], "ja").find("北方四島") == []
    assert glossary_matcher("en").find("") == []


def test_unsupported_language_is_refused():
    with pytest.raises(ValueError, match="unsupported language"):
        TermMatcher([], "fr")


@pytest.mark.parametrize("language", ["en", "ru"])
def test_normalize_spells_each_token_with_two_characters(language):
    text = {"en": "the peace treaty, now", "ru": "и мирный договор, сейчас"}[language]
    matcher = glossary_matcher(language)
    symbols, offsets = matcher.normalize(text)
    assert len(symbols) == 2 * 5  # three words, a break, one word
    assert symbols[-2:] == matcher.filler
    assert symbols[6:8] == matcher.break_symbol
    assert text[slice(*offsets.span(2, 6))] in {"peace treaty", "мирный договор"}


def test_normalize_in_character_mode_spells_the_nfkc_text():
    matcher = glossary_matcher("ja")
    symbols, offsets = matcher.normalize("ﾃﾞｰﾀ（ＴＯＲ）")
    assert len(symbols) == 2 * len("データ(tor)")
    assert offsets.span(0, 2) == (0, 2)  # "デ" came from "ﾃﾞ"
    assert offsets.span(8, 14) == (5, 8)  # "tor" came from "ＴＯＲ"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "President Putin and the peace treaty"),
        ("ru", "президент Путин и мирный договор"),
        ("ja", "プーチン大統領と平和条約"),
    ],
)
def test_raw_automaton_hits_on_the_normalised_text(language, text):
    matcher = glossary_matcher(language)
    assert raw_hits(matcher, text) == 2


@pytest.fixture
def empty_matcher_cache():
    clear_matcher_cache()
    yield
    clear_matcher_cache()


def test_matcher_for_caches_per_version(empty_matcher_cache):
    loads = []

    def load():
        loads.append(1)
        return [TermSpec(len(loads), 1, "en", f"peace treaty {len(loads)}", P)]

    first = matcher_for("en", "v1", load)
    assert matcher_for("en", "v1", load) is first
    assert len(loads) == 1
    second = matcher_for("en", "v2", load)
    assert second is not first
    assert len(loads) == 2
    assert second.terms[0].text == "peace treaty 2"
    assert matcher_for("en", "v2", load) is second
    # The old version was replaced, not kept: asking for it rebuilds.
    assert matcher_for("en", "v1", load) is not first
    assert len(loads) == 3
    assert len(matcher_cache._matchers) == 1


def test_matcher_for_keeps_languages_apart(empty_matcher_cache):
    english = matcher_for("en", "v1", glossary_terms)
    japanese = matcher_for("ja", "v1", glossary_terms)
    assert english is not japanese
    assert matcher_for("en", "v1", glossary_terms) is english
    assert japanese.language == "ja"
