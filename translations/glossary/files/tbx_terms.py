"""How other terminology tools say a term's status and type, in either TBX version.

TBX v3 (ISO 30042:2019) and TBX 2008 (``<martif>``) share the data categories; tools differ in
the values they write. ``administrativeStatus`` comes as ``preferredTerm-admn-sts`` (both
versions), sometimes without the suffix (``preferredTerm``) or as a bare word; TBX 2008's
``normativeAuthorization`` (``preferredTerm``, ``admittedTerm``, ``deprecatedTerm``,
``supersededTerm``, ``legalTerm``, ``regulatedTerm``, ``standardizedTerm``) says the same when
no administrative status is given. IATE's own evaluations come as bare words: ``obsolete`` is
deprecated, ``proposed`` (awaiting validation) admitted.

IATE rates each term's reliability (``<descrip type="reliabilityCode">``; its classic scale
is 1 "reliability not verified", 2 "minimum reliability", 3 "reliable", 4 "very reliable";
newer exports write higher codes of TBX-Default's wider range, such as 9) and says nothing of
its status: a term rated 1 or 2 is admitted, not preferred. The code is kept in the term's note
("reliabilityCode: 3"), so that it is not lost on import.

Case sensitivity: TBX has no data category for it. A Concord file says it with a marker note;
otherwise a ``termType`` of ``acronym``, ``abbreviation`` or ``initialism`` — or, when nothing
says otherwise, a short all-capital term such as ``TOR`` or ``ТОР`` — matches case-sensitively,
so "TOR" never matches "a granite tor".
"""

from __future__ import annotations

from translations.glossary.vocabulary import TermStatus

_STATUS_WORDS = {
    "preferred": TermStatus.PREFERRED.value,
    "admitted": TermStatus.ADMITTED.value,
    "deprecated": TermStatus.DEPRECATED.value,
    "superseded": TermStatus.DEPRECATED.value,
    "obsolete": TermStatus.DEPRECATED.value,
    "forbidden": TermStatus.FORBIDDEN.value,
    "notrecommended": TermStatus.DEPRECATED.value,
    # IATE's terms awaiting validation: usable, not (yet) the preferred term.
    "proposed": TermStatus.ADMITTED.value,
    # Sanctioned by an authority: at least as good as preferred.
    "legal": TermStatus.PREFERRED.value,
    "regulated": TermStatus.PREFERRED.value,
    "standardized": TermStatus.PREFERRED.value,
}
LOW_RELIABILITY = frozenset({"1", "2"})
RELIABILITY_NOTE = "reliabilityCode: {code}"
CASE_SENSITIVE_TYPES = frozenset({"acronym", "abbreviation", "initialism"})
# An all-capital term of at most this many letters reads as an acronym.
ACRONYM_MAX_LETTERS = 6


def status_from_tbx(value: str) -> str | None:
    """Return the Concord status an administrativeStatus or normativeAuthorization value
    means, or None for a value no version uses."""
    word = value.strip().removesuffix("-admn-sts").lower()
    word = word.replace("-", "").replace("_", "").replace(" ", "")
    word = word.removesuffix("term") if word != "term" else word
    return _STATUS_WORDS.get(word)


def status_from_reliability(code: str, status: str) -> str:
    """Return the status of a term the file gives no status for, from its IATE reliability
    code: admitted when the rating is low, else ``status``."""
    return TermStatus.ADMITTED.value if code in LOW_RELIABILITY else status


def reliability_note(code: str) -> list[str]:
    """Return the note line that keeps a term's IATE reliability code (none without one)."""
    if not code:
        return []
    return [RELIABILITY_NOTE.format(code=code)]


def looks_like_acronym(text: str) -> bool:
    """Return whether ``text`` is a short all-capital term (``TOR``, ``ТОР``, ``G7``)."""
    letters = [c for c in text if c.isalpha()]
    return (
        len(text) >= 2
        and 1 <= len(letters) <= ACRONYM_MAX_LETTERS
        and all(c.isupper() for c in letters)
        and not any(c.isspace() for c in text)
    )


def case_sensitive_from(marker: str | None, term_type: str, text: str) -> bool:
    """Return a term's case sensitivity: the Concord marker, else its type, else its shape."""
    if marker is not None:
        return marker == "true"
    if term_type:
        return term_type.strip().lower() in CASE_SENSITIVE_TYPES
    return looks_like_acronym(text)
