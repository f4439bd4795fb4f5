"""Spreadsheet glossaries: one row per concept, one column per language.

Terminologists keep glossaries in Excel with a column per language, headed however the sheet's
author wrote it — "English", "Japanese", "Русский", "日本語", "en-US", "ja_JP", "RU-RU" — and a
few columns more. A CSV (or Excel's tab-separated "Unicode text") whose header has none of
Concord's ``concept``/``language``/``term`` columns but names at least one of Concord's
languages is read this way:

* each language column's cell is a term of that language, preferred; further terms of the
  language — more lines in the cell, or a second column such as "en-GB" after "en-US" — are
  admitted; an empty cell has none;
* a header may add words to the language's name: "English term", "Term (EN)", "Russian
  translation";
* ``definition``, ``note`` (or ``notes``, ``comment``, ``comments``) and ``part of speech``
  (``pos``) belong to the language the header also names ("Definition (English)", "Note
  RU"), else to the sheet's first language column; ``subject field`` (``subject``,
  ``domain``) to the concept;
* any other column (another language, a status or date column of the sheet's own) is not
  read: the import's report names it and counts its filled cells;
* a row with no term in Concord's languages is counted as an entry without terms.

Concepts have no identifier in such a sheet: each is matched to the stored glossary by its
terms, like another tool's TBX entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from config import languages as config_languages
from translations.glossary.files.data import ConceptBuilder, ConceptData, TermData, fail
from translations.glossary.files.source import GlossarySource, content_identifier
from translations.glossary.vocabulary import TermStatus

DEFINITION, NOTE, PART_OF_SPEECH, SUBJECT = "definition", "note", "part_of_speech", "subject"
EXTRA_COLUMNS = {
    "definition": DEFINITION,
    "note": NOTE,
    "notes": NOTE,
    "comment": NOTE,
    "comments": NOTE,
    "part of speech": PART_OF_SPEECH,
    "part_of_speech": PART_OF_SPEECH,
    "pos": PART_OF_SPEECH,
    "subject field": SUBJECT,
    "subject_field": SUBJECT,
    "subject": SUBJECT,
    "domain": SUBJECT,
}
IGNORED_COLUMN = "column “{name}”"
# Words a header adds to a language's name without changing what the column holds.
_FILLERS = frozenset(
    {
        "term",
        "terms",
        "translation",
        "translations",
        "language",
        "word",
        "words",
        "source",
        "target",
        "expression",
        "text",
        "glossary",
    }
)
_WORD_BREAK = re.compile(r"[\s()\[\]:;/,.|_-]+")
ERR_CSV_DUPLICATE_COLUMN = "column {column!r} appears twice"


def _tokens(header: str) -> list[str]:
    return [token for token in _WORD_BREAK.split(header.lower()) if token]


def column_kind(header: str, languages: Sequence[str]) -> tuple[str, str, str | None]:
    """Return what a spreadsheet column holds: ``("language", code, code)``, ``("extra",
    field, code or None)`` — a definition, note, part of speech or subject field, of one
    language when the header names it —, or ``("ignored", header, None)``."""
    name = header.strip()
    whole = config_languages.from_tag(name)
    if whole in languages:
        return "language", whole, whole
    tokens = _tokens(name)
    found = {config_languages.from_tag(token) for token in tokens} - {None}
    language = found.pop() if len(found) == 1 else None
    if language not in languages:
        language = None
    rest = [t for t in tokens if config_languages.from_tag(t) is None and t not in _FILLERS]
    extra = EXTRA_COLUMNS.get(" ".join(rest))
    if extra is not None:
        return "extra", extra, language
    if language is not None and not rest:
        return "language", language, language
    return "ignored", name, None


def wide_language(header: str) -> str | None:
    """Return the Concord language a spreadsheet column of terms is headed by, or None."""
    kind, _value, language = column_kind(header, config_languages.CODES)
    return language if kind == "language" else None


def is_wide(cells: Sequence[str]) -> bool:
    """Return whether a header row is a one-column-per-language sheet's."""
    return any(wide_language(cell) for cell in cells if cell.strip())


def wide_concepts(
    header: tuple[int, list[str]],
    records: Iterator[tuple[int, list[str]]],
    languages: Sequence[str],
    info: GlossarySource,
) -> Iterator[ConceptData]:
    """Yield the concepts of a one-column-per-language sheet (see the module)."""
    line, cells = header
    columns = [column_kind(cell, languages) for cell in cells]
    extras_seen = [(value, language) for kind, value, language in columns if kind == "extra"]
    for (kind, value, language), cell in zip(columns, cells, strict=True):
        if kind == "extra" and extras_seen.count((value, language)) > 1:
            raise fail(ERR_CSV_DUPLICATE_COLUMN, line, column=cell.strip())
    first = next(value for kind, value, _language in columns if kind == "language")
    for line, fields in records:
        builder = ConceptBuilder("", f"on line {line}", languages)
        extras: dict[tuple[str, str], str] = {}
        seen: set[tuple[str, str]] = set()
        for (kind, value, language), cell in zip(columns, fields, strict=False):
            text = cell.strip()
            if not text:
                continue
            if kind == "ignored":
                info.ignored[IGNORED_COLUMN.format(name=value or "?")] += 1
            elif kind == "extra":
                extras[value, language or first] = text
            else:
                for term in filter(None, (part.strip() for part in text.splitlines())):
                    if (value, term) in seen:
                        continue
                    status = (
                        TermStatus.ADMITTED
                        if any(language == value for language, _ in seen)
                        else TermStatus.PREFERRED
                    )
                    seen.add((value, term))
                    builder.terms.append(TermData(language=value, text=term, status=status.value))
        _adopt(builder, extras, line, info)
        terms, builder.terms = builder.terms, []
        for term in terms:
            builder.add_term(term, line)
        if not builder.terms:
            info.empty.append(f"line {line}")
            continue
        builder.identifier = content_identifier(builder.terms)
        yield builder.build(line)


def _adopt(
    builder: ConceptBuilder, extras: dict[tuple[str, str], str], line: int, info: GlossarySource
) -> None:
    """Give the row's subject field to the concept, and each definition, note and part of
    speech to its language (the sheet's first language when the header names none): a
    definition to the language, a note and a part of speech to its first term. One for a
    language the row has no term in is counted as not imported."""
    for (field_name, language), text in extras.items():
        if field_name == SUBJECT:
            builder.subject_field = builder.check_text(
                "subject field", text, line, field="subject_field"
            )
            continue
        owner = next((term for term in builder.terms if term.language == language), None)
        if owner is None:
            info.ignored[IGNORED_COLUMN.format(name=f"{field_name} ({language})")] += 1
        elif field_name == DEFINITION:
            builder.definition[language] = builder.check_text(
                "definition", text, line, field="definition"
            )
        else:
            index = builder.terms.index(owner)
            builder.terms[index] = replace(
                owner, **{"note" if field_name == NOTE else "part_of_speech": text}
            )
