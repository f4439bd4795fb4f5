"""Matching that cannot be fooled: invisible characters, punctuation in terms, huge tokens."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translations.checks.matching.matcher import TermMatcher, TermSpec
from translations.glossary import words as word_rules
from translations.glossary.normalize import INVISIBLE_CHARACTERS

P, F = "preferred", "forbidden"


def spans(matcher, text):
    return [(m.term.id, text[m.start : m.end]) for m in matcher.find(text)]


# --- invisible format characters ----------------------------------------------------------


@pytest.mark.parametrize("invisible", sorted(INVISIBLE_CHARACTERS))
def test_invisible_characters_do_not_hide_a_japanese_term(invisible):
    matcher = TermMatcher([TermSpec(1, 1, "ja", "サミット", P)], "ja")
    text = f"日露サ{invisible}ミットで"
    assert spans(matcher, text) == [(1, f"サ{invisible}ミット")]


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u2060", "\u202e", "\ufeff"])
def test_invisible_characters_do_not_hide_a_forbidden_russian_term(invisible):
    matcher = TermMatcher([TermSpec(1, 1, "ru", "северные территории", F)], "ru")
    text = f"о судьбе север{invisible}ных территорий"
    (match,) = matcher.find(text)
    assert text[match.start : match.end] == f"север{invisible}ных территорий"
    assert (match.start, match.end) == (9, len(text))


def test_invisible_characters_keep_offsets_of_later_matches():
    matcher = TermMatcher([TermSpec(1, 1, "en", "peace treaty", P)], "en")
    text = "\ufeff\u200bthe peace\u200b treaty and the peace treaty"
    assert spans(matcher, text) == [(1, "peace\u200b treaty"), (1, "peace treaty")]


def test_normalize_maps_back_across_invisible_characters():
    matcher = TermMatcher([TermSpec(1, 1, "ja", "サミット", P)], "ja")
    text = "サ\u200bミット"
    scanned, offsets = matcher.normalize(text)
    assert len(scanned) == 2 * 4
    assert offsets.span(0, 8) == (0, 5)


# --- punctuation is part of a term ---------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "term", "text", "expected"),
    [
        ("en", "C++", "written in C++ and C", ["C++"]),
        ("en", "C++", "Plan C was adopted.", []),
        ("en", "C#", "C# or C", ["C#"]),
        ("en", "C#", "section C, paragraph 2", []),
        ("en", "U.S.", "the U.S. delegation", ["U.S."]),
        ("en", "U.S.", "talks with the U.S.", ["U.S."]),
        ("en", "U.S.", "the us and U S", []),
        ("ru", "С++", "программа на С++ и С", ["С++"]),
        ("ru", "С++", "витамин С полезен.", []),
    ],
)
def test_punctuation_in_a_term_must_be_there(language, term, text, expected):
    matcher = TermMatcher([TermSpec(1, 1, language, term, P)], language)
    assert [t for _id, t in spans(matcher, text)] == expected


def test_punctuation_outside_terms_still_breaks_a_multiword_term():
    matcher = TermMatcher(
        [TermSpec(1, 1, "en", "peace treaty", P), TermSpec(2, 2, "en", "C++", P)], "en"
    )
    assert spans(matcher, "peace, treaty") == []
    assert spans(matcher, "peace treaty, C++.") == [(1, "peace treaty"), (2, "C++")]


# --- linear in the text --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "letter", "term"),
    [("en", "A", "TOR"), ("ru", "Я", "ТОР")],
)
def test_a_long_run_of_capitals_is_one_token_never_analysed(monkeypatch, language, letter, term):
    matcher = TermMatcher([TermSpec(1, 1, language, term, P, True)], language)
    analysed = []
    original = word_rules.case_sensitive_text_keys

    def recording(word, morphology):
        analysed.append(len(word))
        return original(word, morphology)

    monkeypatch.setattr("translations.checks.matching.matcher.case_sensitive_text_keys", recording)
    text = letter * 200_000 + f" {term} " + letter * 200_000
    assert [t for _id, t in spans(matcher, text)] == [term]
    # Token-based and bounded: the 200,000-letter words are skipped, not fed to any rule.
    assert analysed == [len(term)]
    assert matcher.word_limit < 100


@pytest.mark.parametrize(
    ("word", "stem"),
    [("TORs", "TOR"), ("TOR's", "TOR"), ("TORs'", "TOR"), ("G7s", "G7"), ("A&Ms", "A&M")],
)
def test_english_abbreviation_stem(word, stem):
    assert word_rules.english_abbreviation_stem(word) == stem


@pytest.mark.parametrize("word", ["TOR", "Tors", "tors", "123s", "TORS", "A" * 1000 + "x"])
def test_english_abbreviation_stem_refuses(word):
    assert word_rules.english_abbreviation_stem(word) is None


@pytest.mark.parametrize(
    ("word", "stem"),
    [("ТОРы", "ТОР"), ("ТОРах", "ТОР"), ("ТОР-ов", "ТОР"), ("АСЕАНе", "АСЕАН")],
)
def test_russian_abbreviation_stem(word, stem):
    assert word_rules.russian_abbreviation_stem(word) == stem


@pytest.mark.parametrize("word", ["ТОР", "ТОРамии", "Торами", "тор", "ТОР--ов", "Я" * 1000])
def test_russian_abbreviation_stem_refuses(word):
    assert word_rules.russian_abbreviation_stem(word) is None


# The regular expressions the bounded rules replace (they backtracked on long capital runs).
OLD_ENGLISH = re.compile(r"^([A-Z0-9&]*[A-Z][A-Z0-9&]*)(?:s|'s|s')$")
OLD_RUSSIAN = re.compile(r"^([А-ЯЕA-Z0-9]*[А-ЯЕ][А-ЯЕA-Z0-9]*)-?[а-яе]{1,3}$")


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("ATs'&7a-ТОРЯыовх"), max_size=8))
def test_bounded_abbreviation_rules_agree_with_the_old_patterns(word):
    old_en, old_ru = OLD_ENGLISH.match(word), OLD_RUSSIAN.match(word)
    assert word_rules.english_abbreviation_stem(word) == (old_en.group(1) if old_en else None)
    assert word_rules.russian_abbreviation_stem(word) == (old_ru.group(1) if old_ru else None)


def test_trailing_whitespace_is_not_rescanned():
    assert list(word_rules.tokens("a b" + " " * 100_000)) == [("a", 0, 1), ("b", 2, 3)]
