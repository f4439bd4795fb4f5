"""A term's match forms: what the automaton needs of it, computed once when the term is saved.

Word mode: one entry per token of the term, each the list of keys that token matches (a
Russian word's lemmas, an English word's fold, a case-sensitive word's exact surface, a
punctuation character's key), and the length of the longest word. ``joined`` holds the same
for the term's other spellings: hyphenated words split and closed ("Indo Pacific",
"ceasefire"), without quotation marks, initials with or without dots, a dash between words as
a hyphen and back. (A text's hyphenated word that is no term word is split by the matcher:
"supply-chain risks" has "supply chain".) Character mode: the NFKC +
casefold key, and for a case-sensitive term its NFKC text.

Lemmatising every term at every automaton build is what made a cold build slow; stored forms
make the build read them instead. Forms carry a version: a form made by other matching rules
(``MATCH_FORMS_VERSION`` bumped, or the language's matching mode changed) is stale and is
recomputed where it is read, until ``manage.py refresh_match_forms`` stores the new one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from config import languages
from translations.glossary.files.data import split_variants
from translations.glossary.normalize import drop_ignorable, fold_japanese, strip_invisible
from translations.glossary.words import (
    AMPERSAND,
    Morphology,
    case_sensitive_base,
    hyphen_parts,
    morphology_for,
    punctuation_key,
    tokens,
)

# Bump when tokens, keys, lemmas or the Japanese fold change what a term's forms are.
# 2: NFKC word keys, letter-digit hyphens dropped, split and closed hyphenated spellings,
# British/American English; Japanese spaces, middle dots, final long vowel marks, quotation
# brackets and counters folded.
MATCH_FORMS_VERSION = 2

Forms = Mapping[str, Any]


def match_forms_version(language: str) -> str:
    """Return the version stamp of forms computed now for ``language``."""
    spec = languages.get(language)
    return f"{MATCH_FORMS_VERSION}:{spec.matching}:{spec.search_config or ''}"


def term_word_keys(word: str, case_sensitive: bool, morphology: Morphology) -> tuple[str, ...]:
    """Return the keys one word of a term matches."""
    if case_sensitive:
        base = case_sensitive_base(word)
        # An abbreviation the glossary writes in the plural ("SDGs", "NGOs") matches its
        # singular's forms too: "SDG", "SDG's".
        stem = morphology.abbreviation_stem(base[1:])
        return (base, "=" + stem) if stem else (base,)
    return morphology.term_keys(word)


def term_match_forms(
    language: str, text: str, case_sensitive: bool, variants: str = ""
) -> dict[str, Any]:
    """Return the match forms of a term (plain JSON data), with those of its declared variants
    ("vice-ministerial-level consultation" for "vice-ministerial consultations") under
    ``variants``: the matcher finds a variant as the term itself."""
    forms = _forms(language, text, case_sensitive)
    spelled = [_forms(language, variant, case_sensitive) for variant in split_variants(variants)]
    if spelled:
        forms["variants"] = spelled
    return forms


def _forms(language: str, text: str, case_sensitive: bool) -> dict[str, Any]:
    spec = languages.get(language)
    stripped = strip_invisible(text)[0]
    forms: dict[str, Any] = {"version": match_forms_version(language)}
    if spec.matching != languages.WORDS:
        stripped = stripped.strip()
        forms["key"] = fold_japanese(stripped)[0]
        if case_sensitive:
            forms["nfkc"] = drop_ignorable(unicodedata.normalize("NFKC", stripped))[0]
        return forms
    morphology = morphology_for(spec.search_config)
    units, longest, words = _spelled(stripped, case_sensitive, morphology)
    forms["units"] = units
    forms["longest"] = longest
    spellings = []
    if len(words) == len(units) and any(hyphen_parts(w) for w in words):
        # "Indo-Pacific" written "Indo Pacific", "cease-fire" written "cease fire" and
        # "ceasefire", "non-proliferation" written "nonproliferation".
        spellings.append([part for w in words for part in hyphen_parts(w) or [w]])
        spellings.append(["".join(hyphen_parts(w)) or w for w in words])
    joined = [
        {
            "units": [list(term_word_keys(w, case_sensitive, morphology)) for w in spelled],
            "longest": max(map(len, spelled)),
        }
        for spelled in spellings
    ]
    for other, by_case in _respelled(stripped):
        other_units, other_longest, _words = _spelled(other, case_sensitive or by_case, morphology)
        if other_units and other_units != units:
            joined.append({"units": other_units, "longest": other_longest})
    if joined:
        forms["joined"] = joined
    return forms


def _spelled(
    text: str, case_sensitive: bool, morphology: Morphology
) -> tuple[list[list[str]], int, list[str]]:
    """Return the keys of each token of ``text``, its longest word's length and its words."""
    units: list[list[str]] = []
    longest = 0
    words: list[str] = []
    for word, start, end in tokens(text):
        if not word:
            # Punctuation is part of the term: "C++" is not "C", "U.S." not "U S".
            key = punctuation_key(text[start:end])
            if key == AMPERSAND and morphology.conjunction:
                # "Trade & Industry" is also "Trade and Industry".
                units.append(
                    [key, *term_word_keys(morphology.conjunction, case_sensitive, morphology)]
                )
            else:
                units.append([key])
            continue
        words.append(word)
        longest = max(longest, end - start)
        units.append(list(term_word_keys(word, case_sensitive, morphology)))
    return units, longest, words


_QUOTES = re.compile('[«»“”„"‹›]')
_DOTTED_INITIALS = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,})(?!\w)")
# A dash between two words, and a hyphen inside one (not between a letter and a digit: "G-7").
_DASH = re.compile(r"(?<=[^\W\d_])\s*[\u2012-\u2015\u2212]\s*(?=[^\W\d_])")
_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u2010\u2011](?=[^\W\d_])")
_INITIALS = re.compile(r"(?<![\w.\-'’])([A-Z]{2,4})(?![\w.\-'’])")


def _respelled(text: str) -> list[tuple[str, bool]]:
    """Return the other ways a text writes a term, each with whether only its exact letter
    case matches: without its quotation marks ("проект «Кидзуна»" as "проект Кидзуна"), its
    initials with or without dots ("UK" as "U.K.", "U.S." as "US" — in capitals only, or the
    pronoun "us" would be the country), a dash between words as a hyphen and a hyphen as a
    dash ("Japan–Russia" and "Japan-Russia")."""
    others = []
    if _QUOTES.search(text):
        others.append((" ".join(_QUOTES.sub(" ", text).split()), False))
    if _DOTTED_INITIALS.search(text):
        others.append((_DOTTED_INITIALS.sub(lambda m: m.group(1).replace(".", ""), text), True))
    if _INITIALS.search(text):
        dotted = _INITIALS.sub(lambda m: "".join(c + "." for c in m.group(1)), text)
        others.append((dotted, False))
    if _DASH.search(text):
        others.append((_DASH.sub("-", text), False))  # "Japan–Russia" as "Japan-Russia"
    if _WORD_HYPHEN.search(text):
        others.append((_WORD_HYPHEN.sub(" – ", text), False))  # and the other way round
    return others


def current_forms(
    language: str, text: str, case_sensitive: bool, stored: Forms | None, variants: str = ""
) -> Forms:
    """Return ``stored`` when it was made by the current rules, else compute the forms."""
    if (
        stored
        and stored.get("version") == match_forms_version(language)
        and len(stored.get("variants", ())) == len(split_variants(variants))
    ):
        return stored
    return term_match_forms(language, text, case_sensitive, variants)
