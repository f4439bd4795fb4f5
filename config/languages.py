"""The languages Concord keeps: codes, names and each language's properties, in one place.

Settings build ``LANGUAGES`` from this module and every other module asks it, so adding a
language is an entry here, a generated migration (for the translated fields) and catalogs.
Nothing outside this module spells a language code.
"""

import re
from dataclasses import dataclass, field
from types import MappingProxyType

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# How term matching reads a language: by words (with lemmas and inflection folding) or by
# characters (no spaces between words; longest match over the glossary).
WORDS = "words"
CHARACTERS = "characters"


@dataclass(frozen=True)
class Language:
    """Describe one language: its code, name and the rules Concord applies to its text."""

    code: str
    name: str
    # Markers rendered per marker style (``"<style>@<level>"``: at that level only) and for
    # bullets; ``{decimal}``, ``{roman}``, ``{latin}``, ``{katakana}`` and ``{cyrillic}`` are
    # replaced by the counter in that numeral system.
    numbering: MappingProxyType = field(repr=False)
    matching: str = WORDS
    # How release texts in this language are written: the reader of ``records.segmenter``
    # that parses them ("english", "japanese", "russian").
    conventions: str = "english"
    # Plural-Forms header of the PO files handed to translators.
    plural_forms: str = "nplurals=2; plural=(n != 1);"
    # PostgreSQL text search configuration (None: index character bigrams instead).
    search_config: str | None = "simple"
    # Whether SQLite search indexes this language's words by their lemmas (pymorphy3).
    search_lemmas: bool = False
    # How numbers are written: the decimal mark and the marks that group thousands.
    decimal_mark: str = "."
    group_marks: str = ","
    # What the ministry's pages in this language call the section of press releases: the
    # name of the default topic (``CONCORD_DEFAULT_TOPIC``) in this language.
    press_releases: str = "Press Releases"
    # Whether this language writes the names of languages in lower case inside a sentence
    # (Russian: «японский», while English writes "Japanese" everywhere).
    lowercase_names: bool = False
    # Other names files from other tools give the language, compared case-insensitively:
    # ISO 639-2 codes (``jpn``), and names in spreadsheet headers ("Japanese", "日本語").
    aliases: tuple = ()


def _numbering(**markers):
    """Map marker styles to templates: ``lower_latin`` → ``lower-latin``, ``x_4`` → ``x@4``."""
    styles = {}
    for name, template in markers.items():
        stem, _separator, level = name.rpartition("_")
        name = f"{stem}@{level}" if level.isdigit() else name
        styles[name.replace("_", "-")] = template
    return MappingProxyType(styles)


LANGUAGES = (
    Language(
        code="en",
        name=_("English"),
        numbering=_numbering(
            decimal="{decimal}.",
            parenthesised="({decimal})",
            lower_roman="({roman})",
            lower_latin="({latin})",
            bullet="•",
        ),
        conventions="english",
        search_config="english",
        aliases=("eng", "english", "英語", "английский"),
    ),
    Language(
        code="ja",
        name=_("Japanese"),
        numbering=_numbering(
            decimal="{decimal}",
            parenthesised="({decimal})",
            lower_roman="{katakana}",
            lower_latin="{katakana}",
            # Lists nested in a list: ア, then (ア).
            lower_roman_4="({katakana})",
            lower_latin_4="({katakana})",
            bullet="・",
        ),
        conventions="japanese",
        matching=CHARACTERS,
        plural_forms="nplurals=1; plural=0;",
        search_config=None,
        group_marks=",，",
        press_releases="報道発表",
        # "jp" is the country, not a language, but spreadsheets head columns with it.
        aliases=("jpn", "jp", "japanese", "日本語", "японский"),
    ),
    Language(
        code="ru",
        name=_("Russian"),
        numbering=_numbering(
            decimal="{decimal}.",
            parenthesised="{decimal})",
            lower_roman="{cyrillic})",
            lower_latin="{cyrillic})",
            bullet="•",
        ),
        conventions="russian",
        plural_forms=(
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
            "(n%100<10 || n%100>=20) ? 1 : 2);"
        ),
        search_config="russian",
        search_lemmas=True,
        decimal_mark=",",
        # A space, a no-break space or a narrow no-break space: 15 000.
        group_marks=" \u00a0\u202f",
        press_releases="Пресс-релизы",
        lowercase_names=True,
        aliases=("rus", "russian", "русский", "ロシア語"),
    ),
)

# The language a release is written in unless it says otherwise.
DEFAULT_SOURCE = "en"

CODES = tuple(language.code for language in LANGUAGES)
BY_CODE = MappingProxyType({language.code: language for language in LANGUAGES})


_ALIASES = MappingProxyType(
    {alias: language.code for language in LANGUAGES for alias in language.aliases}
)
# A region or script in parentheses after a language's name: "English (United States)".
_QUALIFIER = re.compile(r"\s*\(.*\)\s*$")


def from_tag(tag):
    """Return the code of the language a file's tag names, or None for one Concord does not
    keep: a BCP 47 or POSIX tag with any region or script (``en-US``, ``EN-GB``, ``ja_JP``,
    ``ru-RU``), an ISO 639-2 code (``jpn``) or a name ("Japanese", "Русский", "English (US)")."""
    text = _QUALIFIER.sub("", str(tag or "")).strip().lower()
    if text in _ALIASES:
        return _ALIASES[text]
    base = text.replace("_", "-").split("-")[0].split(".")[0]
    if base in BY_CODE:
        return base
    return _ALIASES.get(base)


def get(code):
    """Return the :class:`Language` with ``code``; raise ``KeyError`` for an unknown one."""
    return BY_CODE[code]


def name(code):
    """Return the name of a language in the active language ("Japanese", "日本語"…)."""
    language = BY_CODE.get(code)
    return str(language.name) if language else code


def name_in_sentence(code):
    """Return the name of a language as the active language writes it inside a sentence:
    lower-cased where that language writes language names so (Russian "японский"), else as
    :func:`name` ("Japanese", "日本語")."""
    shown = name(code)
    active = BY_CODE.get((get_language() or "").split("-")[0])
    if active is not None and active.lowercase_names:
        return shown[:1].lower() + shown[1:]
    return shown


def targets(source=DEFAULT_SOURCE):
    """Return the codes a release written in ``source`` is translated into, in order."""
    return tuple(code for code in CODES if code != source)


def choices():
    """Return ``(code, name)`` pairs, as Django's ``LANGUAGES`` setting and fields want."""
    return [(language.code, language.name) for language in LANGUAGES]
