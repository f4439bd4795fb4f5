"""Per-language numbering of release structure; the text itself never holds the markers."""

from dataclasses import dataclass

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


STYLES = {
    "en": {
        "heading1": lambda n: f"{n}.",
        "heading2": lambda n: f"({n})",
        "item": lambda n: f"({roman(n)})",
        "bullet": "•",
    },
    "ja": {
        "heading1": lambda n: f"{n}",
        "heading2": lambda n: f"({n})",
        "item": lambda n: _letter(KATAKANA, n),
        "bullet": "・",
    },
    "ru": {
        "heading1": lambda n: f"{n}.",
        "heading2": lambda n: f"{n})",
        "item": lambda n: f"{_letter(CYRILLIC, n)})",
        "bullet": "•",
    },
}


@dataclass(frozen=True)
class NumberedSegment:
    key: str
    kind: str
    level: int
    label: str
    text: str


def number_segments(segments, language):
    """Return snapshot ``segments`` with their labels in ``language``'s numbering style."""
    style = STYLES.get(language, STYLES["en"])
    heading1 = heading2 = item = 0
    numbered = []
    for segment in segments:
        kind, level = segment["kind"], segment["level"]
        label = ""
        if kind == "heading" and level <= 1:
            heading1 += 1
            heading2 = item = 0
            label = style["heading1"](heading1)
        elif kind == "heading":
            heading2 += 1
            item = 0
            label = style["heading2"](heading2)
        elif kind == "item":
            item += 1
            label = style["item"](item)
        elif kind == "bullet":
            label = style["bullet"]
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
