"""Per-language numbering of release structure; the text itself never holds the markers.

A numbered segment (heading, numbered paragraph, item) carries a level and a marker style;
its number is its place among the numbered segments of its level since the last numbered
segment of a lower level (so inserting a segment renumbers the ones after it). Each language
renders a style with its own template (``config.languages``), e.g. lower latin as ``(a)``
in English, ``ア`` in Japanese and ``а)`` in Russian.
"""

from dataclasses import dataclass

from config import languages

from .vocabulary import NUMBERED_KINDS, MarkerStyle, SegmentKind, implied_style

ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]
LATIN = "abcdefghijklmnopqrstuvwxyz"
# The gojūon order (ア, イ, ウ … ワ) in which Japanese official texts letter their items.
KATAKANA = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"
)
# Russian lettered lists skip ё, й, ъ, ы and ь.
CYRILLIC = "абвгдежзиклмнопрстуфхцчшщэюя"


def roman(number):
    """Return ``number`` (1–3999) as a lower-case Roman numeral."""
    out = []
    for value, letters in ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def alphabetic(alphabet, number):
    """Return the ``number``-th label of a lettered list: a … z, aa, ab … (as CSS counts)."""
    letters = []
    while number > 0:
        number, rest = divmod(number - 1, len(alphabet))
        letters.append(alphabet[rest])
    return "".join(reversed(letters))


COUNTERS = {
    "decimal": str,
    "roman": roman,
    "latin": lambda n: alphabetic(LATIN, n),
    "katakana": lambda n: alphabetic(KATAKANA, n),
    "cyrillic": lambda n: alphabetic(CYRILLIC, n),
}


def marker(language, style, number, level=0):
    """Return the ``number``-th marker of ``style`` ("decimal", "lower-latin", "bullet"…).

    A language may give a style a template of its own at one level (``"lower-latin@4"``:
    Japanese nests ``(ア)`` inside ``ア``).
    """
    templates = languages.get(language).numbering
    template = templates.get(f"{style}@{level}") or templates[style]
    return template.format_map(_Counters(number))


class _Counters(dict):
    """Render only the numeral systems a template names."""

    def __init__(self, number):
        super().__init__()
        self.number = number

    def __missing__(self, name):
        return COUNTERS[name](self.number)


@dataclass(frozen=True)
class NumberedSegment:
    key: str
    kind: str
    level: int
    label: str
    text: str


def segment_style(segment):
    """Return a snapshot segment's marker style (implied by kind and level in old ones)."""
    style = segment.get("style")
    if style is None:
        style = implied_style(segment["kind"], segment["level"])
    return style


def segment_labels(segments, language):
    """Return the marker of each snapshot segment in ``language`` ("" for none)."""
    counts = {}  # level -> (style, count) of the numbered segments counted at that level
    labels = []
    for segment in segments:
        kind, level = segment["kind"], segment["level"]
        style = segment_style(segment)
        if kind == SegmentKind.BULLET:
            labels.append(marker(language, "bullet", 0, level))
            continue
        if kind not in NUMBERED_KINDS or not style:
            labels.append("")
            continue
        if style == MarkerStyle.DECIMAL_PARENTHESISED:
            outer = _count(counts, max(level - 1, 1), MarkerStyle.DECIMAL)
            inner = _count(counts, level, MarkerStyle.PARENTHESISED, restart=True)
            labels.append(
                f"{marker(language, MarkerStyle.DECIMAL, outer, level - 1)} "
                f"{marker(language, MarkerStyle.PARENTHESISED, inner, level)}"
            )
            continue
        labels.append(marker(language, style, _count(counts, level, style), level))
    return labels


def _count(counts, level, style, restart=False):
    """Count one more segment of ``style`` at ``level``; deeper levels start again."""
    for deeper in [key for key in counts if key > level]:
        del counts[deeper]
    previous_style, number = counts.get(level, (style, 0))
    # A list in another style at the same level is a new list.
    number = 1 if restart or previous_style != style else number + 1
    counts[level] = (style, number)
    return number


def number_segments(segments, language):
    """Return snapshot ``segments`` with their labels in ``language``'s numbering style."""
    return [
        NumberedSegment(
            key=segment["key"],
            kind=segment["kind"],
            level=segment["level"],
            label=label,
            text=segment["text"].get(language, ""),
        )
        for segment, label in zip(segments, segment_labels(segments, language), strict=True)
    ]
