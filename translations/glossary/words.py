"""Word mode: tokens and the keys that make two spellings of a word match.

Every function here works on one token at a time with bounded logic (no regular expression
runs over more than one token and none backtracks), so matching stays linear in the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from records.folding import fold, morph_analyzer

# "_" counts as a letter: a simpler class halves the regex time and prose has no underscores.
_WORD = (
    r"[\w\u0300-\u036f]+(?:['’\u2010\u2011-][\w\u0300-\u036f]+)*"
    r"(?:(?<=[sS])['’])?"  # plural possessive: "islands’"
)
# (leading whitespace)(word)|(one punctuation character): the matches tile the text up to
# trailing whitespace, so offsets are running sums of lengths and findall avoids match objects.
TOKEN_RE = re.compile(rf"(\s*)(?:({_WORD})|([^\w\s]))")
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "’": "'"})
_STRESS = str.maketrans({"\u0301": None, "\u0300": None})
# A hyphen between a letter and a digit is spelling, not a word boundary: "G-7" is "G7",
# "COVID-19" is "COVID19", "Су-35" is "Су35".
_DIGIT_HYPHEN_RE = re.compile(r"(?<=[^\W\d_])-(?=\d)|(?<=\d)-(?=[^\W\d_])")
# Punctuation inside terms ("C++", "U.S.", "Japan–Russia") is part of the term; spellings
# that read the same are one key.
_PUNCTUATION_FOLD = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        **dict.fromkeys("’‘‛", "'"),
        **dict.fromkeys("“”„«»", '"'),
    }
)
_RU_ENDINGS = tuple(
    sorted(
        (
            "иями ями ами ого его ому ему ыми ими ией иях ях ах ов ев ей ий ый ой ая яя ое ее"
            " ую юю ом ем ам ям ых их ия ие ию ы и а я о е у ю ь й"
        ).split(),
        key=len,
        reverse=True,
    )
)


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield ``(word, start, end)``; each punctuation character is yielded with word ``""``."""
    position = 0
    # rstrip: a run of trailing whitespace would make every findall attempt rescan it.
    for space, word, punctuation in TOKEN_RE.findall(text.rstrip()):
        start = position + len(space)
        position = start + len(word or punctuation)
        yield word, start, position


def join_digit_hyphens(word: str) -> str:
    """Drop the hyphens between a letter and a digit of a dash-folded word ("g-7" → "g7")."""
    return _DIGIT_HYPHEN_RE.sub("", word) if "-" in word else word


def hyphen_parts(word: str) -> list[str]:
    """Return the parts of a hyphenated word ("ODA-funded" → ["ODA", "funded"]), else [].

    A hyphen between a letter and a digit does not split: "G-7" has no parts."""
    parts = [part for part in join_digit_hyphens(word.translate(_DASHES)).split("-") if part]
    return parts if len(parts) > 1 else []


def punctuation_key(character: str) -> str:
    """Return the vocabulary key of one punctuation character."""
    return "|" + unicodedata.normalize("NFKC", character).translate(_PUNCTUATION_FOLD)


AMPERSAND = punctuation_key("&")


# --- English ---------------------------------------------------------------------------------


def english_fold(word: str) -> str:
    """Fold a casefolded English word to its singular, non-possessive key.

    Rules, in order: drop "'s" and a trailing "'"; words shorter than 4 letters stay as they
    are ("is", "has", "gas"); "-ies"→"-y" for words longer than 4 ("territories"→"territory",
    but "ties"→"tie"); "-sses/-shes/-ches/-xes/-zes" lose "-es"; any other final "-s" goes
    unless the word ends in "-ss", "-us" or "-is" ("issues"→"issue", "status", "crisis").
    The same fold is applied to term words and text words, so an imperfect stem ("niches"→
    "nich") only costs a missed match, never a mismatch between term and text.
    """
    if word.endswith("'s"):
        word = word[:-2]
    elif word.endswith("'"):
        word = word[:-1]
    if len(word) < 4:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# (ending, replacement, shortest word it applies to); see english_spelling.
_EN_IRREGULAR_PLURALS = (
    ("sis", "se", 5),  # crisis/crises (the plural fold made "crises" "crise")
    ("men", "man", 5),  # fishermen/fisherman, chairmen
)
_EN_SPELLING = (
    ("isation", "ization", 8),
    ("ise", "ize", 6),  # organise, recognise
    ("yse", "yze", 6),  # analyse
    ("our", "or", 6),  # labour, favour, neighbour
    ("tre", "ter", 5),  # centre, theatre, metre
    ("ence", "ense", 6),  # defence, offence, licence
    ("ogue", "og", 5),  # dialogue, catalogue
    ("mme", "m", 6),  # programme
)


def english_spelling(word: str) -> str:
    """Fold a plural-folded English word's ending to one spelling: British and American
    ("defence"/"defense", "Organisation"/"Organization", "centre"/"center", "dialogue"/
    "dialog", "programme"/"program", "labour"/"labor") and the irregular plurals "-ses"
    ("crises") and "-men" ("fishermen").

    A key, never shown: words it folds wrongly ("these" and "thesis" both "these") fold the
    same on the term side and the text side, so they cost at most a rare false match.
    """
    for rules in (_EN_IRREGULAR_PLURALS, _EN_SPELLING):  # analysis → analyse → analyze
        for ending, replacement, shortest in rules:
            if word.endswith(ending) and len(word) >= shortest:
                word = word[: -len(ending)] + replacement
                break
    return word


@lru_cache(maxsize=262_144)
def english_key(word: str) -> str:
    """Return the case-insensitive key of an English token."""
    decomposed = unicodedata.normalize("NFKD", word)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return english_spelling(english_fold(join_digit_hyphens(bare.casefold().translate(_DASHES))))


def _english_keys(word: str) -> tuple[str, ...]:
    return (english_key(word),)


_EN_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_EN_ABBREVIATION = _EN_CAPITALS | frozenset("0123456789&")


def english_abbreviation_stem(word: str) -> str | None:
    """Return "TOR" for "TORs", "TOR's" or "TORs'" (an inflected all-capitals word), else None."""
    for ending in ("'s", "s'", "s"):
        if word.endswith(ending):
            stem = word[: -len(ending)]
            if _EN_ABBREVIATION.issuperset(stem) and not _EN_CAPITALS.isdisjoint(stem):
                return stem
            return None
    return None


# --- Russian ---------------------------------------------------------------------------------


@lru_cache(maxsize=262_144)
def russian_fold(word: str) -> str:
    """Casefold a Russian token (NFKC: full-width "ＭＩＤ" is "МИД"), drop stress marks and
    write ``ё`` as ``е``."""
    word = unicodedata.normalize("NFKC", word).translate(_STRESS).translate(_DASHES)
    return join_digit_hyphens(fold(word, compatibility=False))


def russian_stem(word: str) -> str:
    """Strip the longest common inflectional ending, keeping at least three letters."""
    for ending in _RU_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def morph():
    """Return the process-wide Russian pymorphy3 analyser (shared with the reader search)."""
    return morph_analyzer("ru")


@lru_cache(maxsize=262_144)
def russian_lemmas(folded: str) -> tuple[tuple[str, ...], bool]:
    """Return every normal form of every parse of a folded word, and whether it is known."""
    analyzer = morph()
    lemmas = tuple(dict.fromkeys(p.normal_form.replace("ё", "е") for p in analyzer.parse(folded)))
    return lemmas or (folded,), analyzer.word_is_known(folded)


def russian_text_keys(word: str) -> tuple[str, ...]:
    """Return a Russian text word's lemmas and its stem key."""
    folded = russian_fold(word)
    lemmas, _known = russian_lemmas(folded)
    # The stem key only meets stem keys registered by unknown term words.
    return (*lemmas, "~" + russian_stem(folded))


def russian_term_keys(word: str) -> tuple[str, ...]:
    """Return a Russian term word's lemmas, plus its stem key if the dictionary lacks it."""
    folded = russian_fold(word)
    lemmas, known = russian_lemmas(folded)
    if known:
        return lemmas
    return (*lemmas, "~" + russian_stem(folded))


_RU_CAPITALS = frozenset(chr(c) for c in range(ord("А"), ord("Я") + 1))
_RU_ABBREVIATION = _RU_CAPITALS | _EN_ABBREVIATION - {"&"}
_RU_LOWER = frozenset(chr(c) for c in range(ord("а"), ord("я") + 1))


def russian_abbreviation_stem(word: str) -> str | None:
    """Return "ТОР" for "ТОРы", "ТОР-ов" (capitals plus a lowercase ending of 1–3 letters)."""
    end = len(word)
    while end > 0 and end > len(word) - 4 and word[end - 1] in _RU_LOWER:
        end -= 1
    if not 1 <= len(word) - end <= 3:
        return None
    stem = word[: end - 1] if word[end - 1 : end] == "-" else word[:end]
    if _RU_ABBREVIATION.issuperset(stem) and not _RU_CAPITALS.isdisjoint(stem):
        return stem
    return None


# --- morphologies ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Morphology:
    """How a word-mode language folds words: keys of text words and term words, and the
    capital stem of an inflected abbreviation ("TORs" → "TOR")."""

    text_keys: Callable[[str], tuple[str, ...]]
    term_keys: Callable[[str], tuple[str, ...]]
    abbreviation_stem: Callable[[str], str | None]
    # The word "&" stands for: "Trade & Industry" is "Trade and Industry".
    conjunction: str = ""


def _casefold_keys(word: str) -> tuple[str, ...]:
    return (join_digit_hyphens(unicodedata.normalize("NFKC", word).casefold().translate(_DASHES)),)


ENGLISH = Morphology(_english_keys, _english_keys, english_abbreviation_stem, "and")
RUSSIAN = Morphology(russian_text_keys, russian_term_keys, russian_abbreviation_stem, "и")
# A language without its own rules matches words by their casefolded spelling.
PLAIN = Morphology(_casefold_keys, _casefold_keys, lambda word: None)

# Keyed by the language's text search configuration (config.languages): the name PostgreSQL
# gives the same language's stemmer, so a language is described once.
MORPHOLOGIES = {"english": ENGLISH, "russian": RUSSIAN}


def morphology_for(search_config: str | None) -> Morphology:
    """Return the word rules of a language with text search configuration ``search_config``."""
    return MORPHOLOGIES.get(search_config or "", PLAIN)


def case_sensitive_base(word: str) -> str:
    """Return the key of a word of a case-sensitive term: its exact surface, NFKC (full-width
    "ＯＤＡ" is "ODA"), ё→е, without hyphens between letters and digits ("G-7" is "G7")."""
    word = unicodedata.normalize("NFKC", word).translate(_STRESS).translate(_DASHES)
    return "=" + join_digit_hyphens(word.replace("ё", "е").replace("Ё", "Е"))


def case_sensitive_text_keys(word: str, morphology: Morphology) -> tuple[str, ...]:
    """Return a text word's case-sensitive keys: its surface and any abbreviation stem."""
    base = case_sensitive_base(word)
    stem = morphology.abbreviation_stem(base[1:])
    return (base, "=" + stem) if stem else (base,)
