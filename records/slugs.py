"""ASCII slugs for releases and topics, whatever the script of their title.

Cyrillic is transliterated with the GOST 7.79-2000 system B / ICAO table; a title with no
Latin or Cyrillic letters (a Japanese one) gives no slug of its own, and the caller falls
back to the topic's slug and the date.
"""

from django.utils.text import slugify

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ц": "cz",
    "ч": "ch", "ш": "sh", "щ": "shh", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}  # fmt: skip


def transliterate(text):
    """Return ``text`` with Cyrillic letters written in Latin ones."""
    return "".join(_CYRILLIC.get(char, _CYRILLIC.get(char.lower(), char)) for char in text)


def slug_from(text, max_length=200):
    """Return an ASCII slug for ``text``, or "" when it has no letters to write one with."""
    slug = slugify(transliterate(text or ""))
    return slug[:max_length].strip("-")


def release_slug(title, date, topic_slug, max_length=200):
    """Return the slug of a release: its title and date, else its topic and date."""
    stem = slug_from(title, max_length - 11) or slug_from(topic_slug, max_length - 11) or "release"
    return f"{stem}-{date.isoformat()}"
