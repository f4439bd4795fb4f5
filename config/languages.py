"""The languages Concord keeps: codes, names and each language's properties, in one place.

Settings build ``LANGUAGES`` from this module and every other module asks it, so adding a
language is an entry here, a generated migration (for the translated fields) and catalogs.
Nothing outside this module spells a language code.
"""

from dataclasses import dataclass, field
from types import MappingProxyType

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
    # Markers rendered per kind and depth; ``{decimal}``, ``{roman}``, ``{katakana}``
    # and ``{cyrillic}`` are replaced by the counter in that numeral system.
    numbering: MappingProxyType = field(repr=False)
    matching: str = WORDS
    # Plural-Forms header of the PO files handed to translators.
    plural_forms: str = "nplurals=2; plural=(n != 1);"
    # PostgreSQL text search configuration (None: index character bigrams instead).
    search_config: str | None = "simple"
    # Whether SQLite search indexes this language's words by their lemmas (pymorphy3).
    search_lemmas: bool = False


def _numbering(**markers):
    return MappingProxyType(markers)


LANGUAGES = (
    Language(
        code="en",
        name=_("English"),
        numbering=_numbering(
            heading1="{decimal}.",
            heading2="({decimal})",
            item="({roman})",
            bullet="•",
        ),
        search_config="english",
    ),
    Language(
        code="ja",
        name=_("Japanese"),
        numbering=_numbering(
            heading1="{decimal}",
            heading2="({decimal})",
            item="{katakana}",
            bullet="・",
        ),
        matching=CHARACTERS,
        plural_forms="nplurals=1; plural=0;",
        search_config=None,
    ),
    Language(
        code="ru",
        name=_("Russian"),
        numbering=_numbering(
            heading1="{decimal}.",
            heading2="{decimal})",
            item="{cyrillic})",
            bullet="•",
        ),
        plural_forms=(
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
            "(n%100<10 || n%100>=20) ? 1 : 2);"
        ),
        search_config="russian",
        search_lemmas=True,
    ),
)

# The language a release is written in unless it says otherwise.
DEFAULT_SOURCE = "en"

CODES = tuple(language.code for language in LANGUAGES)
BY_CODE = MappingProxyType({language.code: language for language in LANGUAGES})


def get(code):
    """Return the :class:`Language` with ``code``; raise ``KeyError`` for an unknown one."""
    return BY_CODE[code]


def name(code):
    """Return the name of a language in the active language ("Japanese", "日本語"…)."""
    language = BY_CODE.get(code)
    return str(language.name) if language else code


def targets(source=DEFAULT_SOURCE):
    """Return the codes a release written in ``source`` is translated into, in order."""
    return tuple(code for code in CODES if code != source)


def choices():
    """Return ``(code, name)`` pairs, as Django's ``LANGUAGES`` setting and fields want."""
    return [(language.code, language.name) for language in LANGUAGES]
