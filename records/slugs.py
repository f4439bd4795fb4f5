"""ASCII slugs for releases and topics, whatever the script of their title.

Cyrillic is transliterated with the GOST 7.79-2000 system B / ICAO table; Japanese is
romanised in Hepburn (:mod:`records.romaji`: ``ロシア連邦`` → ``roshia-renpo``). Romanised
slugs stop at a word boundary within :data:`ROMANISED_LENGTH` characters: Japanese titles
grow long once their particles are written out.
"""

import re

from django.utils.text import slugify

from .romaji import has_japanese, romanise

# At most this many characters of a slug come from a romanised (Japanese) text.
ROMANISED_LENGTH = 80
# A title taken from the lead's first sentence (a release without a title line) gives at most
# this many, and its opening date ("On June 20,", 「6月20日、」) none: the slug ends with the
# date anyway.
LEAD_LENGTH = 60
_LEAD_DATE = re.compile(
    r"(?:on\s+[a-z]+\.?\s+\d{1,2}(?:\s*,\s*\d{4})?\s*,?|\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"(?:\s*[(（][^()（）]{1,3}[)）])?\s*[、，,])\s*",
    re.IGNORECASE,
)

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ц": "cz",
    "ч": "ch", "ш": "sh", "щ": "shh", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}  # fmt: skip
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def transliterate(text):
    """Return ``text`` with Cyrillic letters written in Latin ones."""
    return "".join(_CYRILLIC.get(char, _CYRILLIC.get(char.lower(), char)) for char in text)


def _bounded(slug, max_length):
    """Return ``slug`` cut to ``max_length`` at a hyphen when it can be (else mid-word)."""
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1].rsplit("-", 1)[0]
    return (cut if cut and len(cut) <= max_length else slug[:max_length]).strip("-")


def slug_from(text, max_length=200):
    """Return an ASCII slug for ``text``, or "" when it has no letters to write one with."""
    text = text or ""
    if has_japanese(text):
        romanised = slugify(romanise(text).replace("/", " "))
        slug = _NOT_SLUG.sub("-", romanised.lower()).strip("-")
        return _bounded(slug, min(max_length, ROMANISED_LENGTH))
    return _bounded(slugify(transliterate(text)), max_length)


def release_slug(title, date, topic_slug, max_length=200, lead=False):
    """Return the slug of a release: its title and date, else its topic and date. A title
    that is the lead's first sentence (``lead``) gives a short slug, without its date."""
    length = max_length - 11
    if lead:
        title = _LEAD_DATE.sub("", title or "", count=1) or title
        length = min(length, LEAD_LENGTH)
    stem = slug_from(title, length) or slug_from(topic_slug, length) or "release"
    return f"{stem}-{date.isoformat()}"
