"""Per-language numbering of release structure; the text itself never holds the markers."""

from dataclasses import dataclass

from config import languages

ROMAN = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
KATAKANA = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"
)
# Russian lettered lists skip ё, й, ъ, ы and ь.
CYRILLIC = "абвгдежзиклмнопрстуфхцчшщэюя"


def roman(number):
    """Return ``number`` (1–39) as a lower-case Roman numeral."""
    out = []
    for value, letters in ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letter(alphabet, number):
    return alphabet[(number - 1) % len(alphabet)] * ((number - 1) // len(alphabet) + 1)


COUNTERS = {
    "decimal": str,
    "roman": roman,
    "katakana": lambda n: _letter(KATAKANA, n),
    "cyrillic": lambda n: _letter(CYRILLIC, n),
}


def marker(language, style, number):
    """Return the marker of the ``number``-th ``style`` line ("heading1", "item"…)."""
    return languages.get(language).numbering[style].format_map(_Counters(number))


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


def number_segments(segments, language):
    """Return snapshot ``segments`` with their labels in ``language``'s numbering style."""
    heading1 = heading2 = item = 0
    numbered = []
    for segment in segments:
        kind, level = segment["kind"], segment["level"]
        label = ""
        if kind == "heading" and level <= 1:
            heading1 += 1
            heading2 = item = 0
            label = marker(language, "heading1", heading1)
        elif kind == "heading":
            heading2 += 1
            item = 0
            label = marker(language, "heading2", heading2)
        elif kind == "item":
            item += 1
            label = marker(language, "item", item)
        elif kind == "bullet":
            label = marker(language, "bullet", 0)
        numbered.append(
            NumberedSegment(
                key=segment["key"],
                kind=kind,
                level=level,
                label=label,
                text=segment["text"].get(language, ""),
            )
        )
    return numbered
