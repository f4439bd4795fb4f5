"""Spreadsheet glossaries: one row per concept, one column per language.

Terminologists keep glossaries in Excel with a column per language, headed however the sheet's
author wrote it — "English", "Japanese", "Русский", "日本語", "en-US", "ja_JP", "RU-RU" — and a
few columns more. A CSV (or Excel's tab-separated "Unicode text") whose header has none of
Concord's ``concept``/``language``/``term`` columns but names at least one of Concord's
languages is read this way:

* each language column's cell is a term of that language, preferred; further terms of the
  language — more lines in the cell, or a second column such as "en-GB" after "en-US" — are
  admitted; an empty cell has none;
* ``definition``, ``note`` (or ``notes``, ``comment``, ``comments``) and ``part of speech``
  (``pos``) belong to the sheet's first language column; ``subject field`` (``subject``,
  ``domain``) to the concept;
* any other column (another language, a status or date column of the sheet's own) is not
  read: the import's report names it and counts its filled cells;
* a row with no term in Concord's languages is counted as an entry without terms.

Concepts have no identifier in such a sheet: each is matched to the stored glossary by its
terms, like another tool's TBX entries.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

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
ERR_CSV_DUPLICATE_COLUMN = "column {column!r} appears twice"


def wide_language(header: str) -> str | None:
    """Return the Concord language a spreadsheet column header names, or None."""
    return config_languages.from_tag(header.strip())


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
    names = [cell.strip() for cell in cells]
    columns: list[tuple[str, str]] = []
    for name in names:
        language = wide_language(name) if name else None
        if language is not None and language not in languages:
            language = None
        extra = EXTRA_COLUMNS.get(name.lower().replace("-", " "))
        kind = ("language", language) if language else ("extra", extra) if extra else None
        if kind and kind[0] == "extra" and ("extra", extra) in columns:
            raise fail(ERR_CSV_DUPLICATE_COLUMN, line, column=name)
        columns.append(kind or ("ignored", name))
    first = next(value for kind, value in columns if kind == "language")
    for line, fields in records:
        builder = ConceptBuilder("", f"on line {line}", languages)
        extras: dict[str, str] = {}
        seen: set[tuple[str, str]] = set()
        for (kind, value), cell in zip(columns, fields, strict=False):
            text = cell.strip()
            if not text:
                continue
            if kind == "ignored":
                info.ignored[IGNORED_COLUMN.format(name=value or "?")] += 1
            elif kind == "extra":
                extras[value] = text
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
        _adopt(builder, extras, first, line)
        terms, builder.terms = builder.terms, []
        for term in terms:
            builder.add_term(term, line)
        if not builder.terms:
            info.empty.append(f"line {line}")
            continue
        builder.identifier = content_identifier(builder.terms)
        yield builder.build(line)


def _adopt(builder: ConceptBuilder, extras: dict[str, str], first: str, line: int) -> None:
    """Give the row's definition, note and part of speech to its first language's term."""
    if SUBJECT in extras:
        builder.subject_field = builder.check_text(
            "subject field", extras[SUBJECT], line, field="subject_field"
        )
    owner = next((term for term in builder.terms if term.language == first), None)
    if owner is None:
        return
    if DEFINITION in extras:
        builder.definition[first] = builder.check_text(
            "definition", extras[DEFINITION], line, field="definition"
        )
    index = builder.terms.index(owner)
    builder.terms[index] = TermData(
        language=owner.language,
        text=owner.text,
        status=owner.status,
        part_of_speech=extras.get(PART_OF_SPEECH, ""),
        note=extras.get(NOTE, ""),
    )
