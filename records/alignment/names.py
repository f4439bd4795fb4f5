"""Names of people and places as anchors across scripts: 安倍, Абэ and Abe are one name.

Each script is brought to Latin letters its own way — Japanese proper nouns romanised in
Hepburn (:func:`records.romaji.proper_nouns`: 安倍 → ``abe``), Russian capitalised words
transliterated after their case ending is taken off (Кисиды → Кисид → ``kisid``), English
capitalised words as they are — and then to one loose key that the usual ways of writing a
Japanese name agree on: Hepburn (Shinzo, Kawaguchi, Fujita, Yoshimasa) and the Russian
Polivanov system (Синдзо, Кавагути, Фудзита, Ёсимаса) both give ``sinz``, ``kavagut``,
``fuzit``, ``iosimas``. Trailing vowels go, so that an inflected Russian form (Кисиды,
Суге) meets the nominative of the other side.

A loose key may make two different names meet; the proposal only counts names both sides
share, never one side's name alone, so a name of one script the other does not write (Japan,
日本) costs nothing.
"""

from __future__ import annotations

import re
import unicodedata

from ..romaji import proper_nouns

_LATIN_WORD = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]+(?:['’][A-Za-z]+)?")
_CYRILLIC_WORD = re.compile(r"(?<![А-Яа-яЁё])[А-ЯЁ][а-яё]+")
# Russian case endings, longest first: what an inflected name carries beyond its stem.
_ENDINGS = (
    "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ою", "ом", "ем", "ым",
    "им", "ам", "ям", "ах", "ях", "ы", "и", "а", "я", "у", "ю", "е",
)  # fmt: skip
# Russian letters in Latin, as names of either language are written with them.
_RUSSIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip
# Spellings that Hepburn, Polivanov and English usage write differently, to one form each.
_LOOSE = (
    (re.compile(r"kh"), "h"),
    (re.compile(r"shch"), "s"),
    (re.compile(r"sh(?=[aeou])"), "si"),  # しゃ sha ↔ ся sya
    (re.compile(r"sh"), "s"),  # し shi ↔ си si
    (re.compile(r"ch(?=[aeou])"), "ti"),  # ちゃ cha ↔ тя tya
    (re.compile(r"ch"), "t"),  # ち chi ↔ ти ti
    (re.compile(r"dz|zh"), "z"),  # ず zu ↔ дзу dzu
    (re.compile(r"j(?=[aeou])"), "zi"),  # じゃ ja ↔ дзя dzya
    (re.compile(r"j"), "z"),  # じ ji ↔ дзи dzi
    (re.compile(r"y"), "i"),  # よ yo ↔ ё yo, や ya ↔ я ya, Sergey ↔ Сергей
    (re.compile(r"w"), "v"),  # わ wa ↔ ва va
    (re.compile(r"m(?=[bp])"), "n"),  # Shimbun ↔ Shinbun
    (re.compile(r"([aeiou])\1|ou"), lambda m: m[0][0]),  # long vowels
)
_VOWELS = "aeiou"
SHORTEST = 3


def loose_key(latin):
    """Return the key a name written in Latin letters is compared by ("" when too short)."""
    text = unicodedata.normalize("NFKD", latin.lower())
    key = "".join(char for char in text if "a" <= char <= "z")
    for pattern, replacement in _LOOSE:
        key = pattern.sub(replacement, key)
    while len(key) > SHORTEST and key[-1] in _VOWELS:
        key = key[:-1]
    return key if len(key) >= SHORTEST else ""


def _russian_stem(word):
    lower = word.lower()
    for ending in _ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= SHORTEST:
            return lower[: -len(ending)]
    return lower


def name_keys(text):
    """Return the loose keys of the names ``text`` writes, in any of the three scripts."""
    found = [*proper_nouns(text), *_LATIN_WORD.findall(text)]
    found += [
        "".join(_RUSSIAN.get(char, char) for char in _russian_stem(word))
        for word in _CYRILLIC_WORD.findall(text)
    ]
    return frozenset(key for key in map(loose_key, found) if key)
