"""How the memory reads a source text: normal form, exact key, similarity units and tokens.

Similarity counts words for languages matched by words (English, Russian: casefolded, ``ё``
read as ``е``) and characters for languages written without spaces (Japanese, after NFKC
folding). The index stores words, or character bigrams, each occurrence numbered
(``word``, ``word#2``…) so that shared tokens count the words two texts have in common.
"""

import hashlib
import math
import re
import unicodedata
from difflib import SequenceMatcher

from config import languages
from records.folding import fold
from translations.memory.models import TOKEN_MAX_LENGTH

# Fuzzy matches start here (a share of 1.0 is an exact match).
FUZZY_THRESHOLD = 0.75
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


def _hash(*parts):
    data = "\x1f".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def source_normal(text):
    """Return ``text`` as exact matching compares it: NFC, spaces collapsed, ends trimmed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def source_hash(text):
    """Return the key of ``text`` for exact matches."""
    return _hash(source_normal(text))


def pair_hash(source_language, target_language, source, target):
    """Return the key that makes one entry of a (languages, source, target) pair."""
    return _hash(source_language, target_language, source_normal(source), source_normal(target))


def by_characters(language):
    return languages.get(language).matching == languages.CHARACTERS


def similarity_units(text, language):
    """Return the words (or characters) similarity is counted in."""
    folded = fold(text or "")
    if by_characters(language):
        return [char for char in folded if not char.isspace()]
    return _WORD.findall(folded)


def index_tokens(units, language):
    """Return the distinct index tokens of a text's similarity ``units``."""
    if by_characters(language):
        grams = ["".join(units[i : i + 2]) for i in range(len(units) - 1)] or list(units)
    else:
        grams = [unit[: TOKEN_MAX_LENGTH - 8] for unit in units]
    seen, tokens = {}, []
    for gram in grams:
        seen[gram] = seen.get(gram, 0) + 1
        tokens.append(gram if seen[gram] == 1 else f"{gram}#{seen[gram]}")
    return tokens


def prefix_size(tokens, language):
    """Return how many of a text's rarest tokens a fuzzy match must share at least one of.

    A match of similarity ≥ 0.75 (2M / (a + b)) shares M ≥ 0.6·a units with a text of ``a``
    units; so it holds one of any ``a − ⌈0.6·a⌉ + 1`` of the text's words. A changed
    character spoils up to two bigrams, so for characters the bound is ``0.2·a``.
    """
    count = len(tokens)
    share = FUZZY_THRESHOLD / (2 - FUZZY_THRESHOLD)
    if by_characters(language):
        share = 1 - 2 * (1 - share)
    return max(1, count - max(1, math.ceil(share * count - 1e-9)) + 1)


def length_bounds(length):
    """Return the (least, most) lengths a text of ``length`` units can match fuzzily."""
    share = FUZZY_THRESHOLD / (2 - FUZZY_THRESHOLD)
    return math.ceil(share * length - 1e-9), math.floor(length / share + 1e-9)


def similarity(a, b):
    """Return the similarity (0…1) of two lists of units: 2·matched / (len a + len b)."""
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
