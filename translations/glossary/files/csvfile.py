"""Glossary CSV: one row per term, concept fields repeated on each row.

UTF-8 (a BOM is accepted) or UTF-16 with its BOM, comma-, semicolon- or tab-separated (the
delimiter is the one that splits the header into known columns; empty columns after the last
are ignored), the columns in ``CSV_COLUMNS``; a cell a spreadsheet would run as
a formula is exported with a leading ``'``, which import removes again; ``definition`` and
``concept_note`` belong to the row's language. Rows of one concept need not be adjacent; a
later row may leave a concept field empty but may not contradict an earlier one.

``variants`` (last, optional) holds the term's declared variants, one a line within the cell.
A file with the column states every term's variants — an empty cell means none; a file without
it (older exports, hand-made sheets) leaves the stored ones.

Columns of the sheet's own (a reviewer's comments, a date) are left out and named in the
import's report; a column that looks like a misspelt one of Concord's ("staus") refuses the
file, so that no status or term is lost to a typo.

A sheet with a column per language instead ("English", "Japanese", "Русский", "en-US"…) is
another tool's glossary: see :mod:`.csv_wide`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from difflib import get_close_matches

from config import languages as config_languages
from translations.glossary.files.csv_wide import (
    IGNORED_COLUMN,
    is_wide,
    wide_concepts,
    wide_language,
)
from translations.glossary.files.data import (
    LANGUAGES,
    STATUSES,
    ConceptBuilder,
    ConceptData,
    GlossaryFormatError,
    TermData,
    check_identifier,
    fail,
    split_variants,
    validated,
)
from translations.glossary.files.source import GlossarySource
from translations.glossary.files.tbx_terms import status_from_tbx
from translations.glossary.vocabulary import TermStatus
from translations.uploads import TextEncodingError, text_decode

CSV_COLUMNS = (
    "concept",
    "subject_field",
    "language",
    "term",
    "status",
    "case_sensitive",
    "part_of_speech",
    "note",
    "definition",
    "concept_note",
    "variants",
)
CSV_REQUIRED_COLUMNS = ("concept", "language", "term")
CSV_TRUE = ("true", "yes", "1")
CSV_FALSE = ("false", "no", "0", "")
# Concept-level columns -> the ConceptData field a validation error names.
_CSV_FIELDS = {"subject_field": "subject_field", "definition": "definition", "concept_note": "note"}

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_GUARD = "'"

ERR_CSV = "the CSV file cannot be read: {detail}"
ERR_CSV_EMPTY = "the CSV file is empty; expected a header row: {columns}"
ERR_CSV_MISSING_COLUMNS = "missing column(s): {missing} (expected: {columns})"
ERR_CSV_UNKNOWN_COLUMNS = (
    "unknown column(s): {unknown} (expected: {columns}; or one column per language, headed "
    "by its name or code such as {languages})"
)
ERR_CSV_NO_HEADER = (
    "the first row ({first}) names no column Concord reads: a glossary file starts with a "
    "header row, either Concord's columns ({columns}) or one column per language headed by "
    "its name or code, such as {languages} (a glossary without a header, such as OmegaT's "
    "tab-separated one, does not say its languages: add such a header row)"
)
ERR_CSV_DUPLICATE_COLUMN = "column {column!r} appears twice"
ERR_CSV_TOO_MANY_FIELDS = "{found} fields, but the header has {expected}"
ERR_CSV_EMPTY_CONCEPT = "empty concept identifier"
ERR_CSV_BAD_BOOLEAN = "bad case_sensitive value {value!r} {where} (use true or false)"
ERR_CSV_CONFLICT = "{column} {value!r} {where} contradicts {previous!r} on line {origin}"


def _guarded(cell: str) -> bool:
    """Return whether ``cell`` is written with the guard: a formula start, or a cell that
    would read as guarded (so that the guard's removal on import is exact)."""
    return cell.startswith(CSV_FORMULA_STARTS) or (
        cell.startswith(CSV_GUARD) and _guarded(cell[1:])
    )


def csv_cell_guard(cell: str) -> str:
    """Return ``cell`` as exported: prefixed with ``'`` when a spreadsheet would run it."""
    return CSV_GUARD + cell if _guarded(cell) else cell


def csv_cell_unguard(cell: str) -> str:
    """Return ``cell`` as it was before :func:`csv_cell_guard`."""
    return cell[1:] if cell.startswith(CSV_GUARD) and _guarded(cell[1:]) else cell


def csv_dump(
    concepts: Iterable[ConceptData], *, languages: Sequence[str] = LANGUAGES, excel: bool = False
) -> str:
    """Serialise the glossary as CSV text, one row per term (encode as UTF-8 to save).

    ``excel``: start with a byte order mark, which Excel on Windows needs to read UTF-8 (it
    reads Japanese and Russian as mojibake without one); rows end in CRLF either way."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for concept in validated(concepts, languages):
        for term in concept.terms:
            row = (
                concept.identifier,
                concept.subject_field,
                term.language,
                term.text,
                term.status,
                "true" if term.case_sensitive else "false",
                term.part_of_speech,
                term.note,
                concept.definition.get(term.language, ""),
                concept.note.get(term.language, ""),
                "\n".join(split_variants(term.variants)),
            )
            writer.writerow([csv_cell_guard(cell) for cell in row])
    return ("\ufeff" if excel else "") + out.getvalue()


def _decode_csv(data: bytes | str) -> str:
    """Return the CSV text without a byte-order mark: UTF-8, or UTF-16/32 by its mark (Excel's
    "Unicode text"); anything else is refused with how to save it."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return text_decode(data)
    except TextEncodingError as error:
        raise GlossaryFormatError(str(error)) from None


# Excel writes ";" where the decimal separator is a comma (Russian, German locales) and tabs
# in "Unicode text".
CSV_DELIMITERS = (",", ";", "\t")


def _delimiter(text: str) -> str:
    """Return the delimiter that splits the header row into the most known column names (on
    a tie, such as a first row that is not a header, into the most cells)."""
    header = next((line for line in text.splitlines() if line.strip()), "")

    def known(delimiter):
        cells = next(csv.reader([header], delimiter=delimiter), [])
        names = sum(
            1 for cell in cells if cell.strip().lower() in CSV_COLUMNS or wide_language(cell)
        )
        return names, len(cells)

    return max(CSV_DELIMITERS, key=known)


def _csv_records(text: str):
    """Yield (first line number, fields) for each non-blank CSV record, guards removed."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    previous = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise fail(ERR_CSV, previous + 1, detail=str(error)) from None
        line, previous = previous + 1, reader.line_num
        if any(cell.strip() for cell in fields):
            yield line, [csv_cell_unguard(cell) for cell in fields]


def _csv_header(line: int, fields: list[str]) -> list[str]:
    """Check the header row and return its column names."""
    columns = [cell.strip().lower() for cell in fields]
    while columns and not columns[-1]:
        # Spreadsheets save formatted but empty columns after the last one.
        columns.pop()
    expected = ", ".join(CSV_COLUMNS)
    unknown = [c for c in columns if c not in CSV_COLUMNS]
    missing = [c for c in CSV_REQUIRED_COLUMNS if c not in columns]
    # A column of the sheet's own (a translator's comments) is left out and reported; one
    # that looks like a misspelt column of Concord's ("staus"), or a header that lacks
    # Concord's columns altogether, refuses the file.
    misspelt = [c for c in unknown if get_close_matches(c, CSV_COLUMNS, n=1, cutoff=0.8)]
    if len(unknown) == len(columns) and not misspelt:
        # No column is Concord's, nor a language: the first row is data, not a header.
        raise fail(
            ERR_CSV_NO_HEADER,
            line,
            first=", ".join(cell for cell in fields if cell.strip())[:200],
            columns=expected,
            languages=", ".join(str(language.name) for language in config_languages.LANGUAGES),
        )
    if unknown and (misspelt or missing or not all(unknown)):
        raise fail(
            ERR_CSV_UNKNOWN_COLUMNS,
            line,
            unknown=", ".join(unknown),
            columns=expected,
            languages=", ".join(str(language.name) for language in config_languages.LANGUAGES),
        )
    for column in columns:
        if columns.count(column) > 1:
            raise fail(ERR_CSV_DUPLICATE_COLUMN, line, column=column)
    if missing:
        raise fail(ERR_CSV_MISSING_COLUMNS, line, missing=", ".join(missing), columns=expected)
    return columns


class _CsvConcept:
    """Accumulate one concept's rows, remembering where concept fields came from."""

    def __init__(self, builder: ConceptBuilder):
        self.builder = builder
        self.origin: dict[tuple[str, str], int] = {}
        self.first_line = 0

    def set_once(self, column: str, language: str, value: str, line: int) -> None:
        """Record a concept-level value, refusing one that contradicts an earlier row."""
        if not value:
            return
        builder = self.builder
        builder.check_text(column.replace("_", " "), value, line, field=_CSV_FIELDS[column])
        if column == "subject_field":
            previous = builder.subject_field
        else:
            texts = builder.definition if column == "definition" else builder.note
            previous = texts.get(language, "")
        if previous and previous != value:
            raise fail(
                ERR_CSV_CONFLICT,
                line,
                column=column,
                value=value,
                where=builder.where,
                previous=previous,
                origin=self.origin[(column, language)],
            )
        self.origin[(column, language)] = line
        if column == "subject_field":
            builder.subject_field = value
        elif column == "definition":
            builder.definition[language] = value
        else:
            builder.note[language] = value


def _csv_bool(value: str, where: str, line: int) -> bool:
    """Parse a case_sensitive cell."""
    flag = value.strip().lower()
    if flag in CSV_TRUE:
        return True
    if flag in CSV_FALSE:
        return False
    raise fail(ERR_CSV_BAD_BOOLEAN, line, value=value, where=where)


def csv_load(data: bytes | str, *, languages: Sequence[str] = LANGUAGES) -> list[ConceptData]:
    """Parse glossary CSV into concepts, naming the line of any problem."""
    return list(csv_source(data, languages=languages))


def csv_source(data: bytes | str, *, languages: Sequence[str] = LANGUAGES) -> GlossarySource:
    """Parse glossary CSV (Concord's own columns: its concepts are matched by identifier);
    rows in languages Concord does not keep are skipped and counted."""
    info = GlossarySource(concord=True)
    return info.read(_csv_concepts(data, languages, info))


def _csv_concepts(data: bytes | str, languages: Sequence[str], info: GlossarySource):
    records = _csv_records(_decode_csv(data))
    first = next(records, None)
    if first is None:
        raise fail(ERR_CSV_EMPTY, columns=", ".join(CSV_COLUMNS))
    if not any(cell.strip().lower() in CSV_REQUIRED_COLUMNS for cell in first[1]) and is_wide(
        first[1]
    ):
        # A spreadsheet with a column per language: another tool's concepts, without ids.
        info.concord = False
        return list(wide_concepts(first, records, languages, info))
    columns = _csv_header(*first)
    info.variants = "variants" in columns
    concepts: dict[str, _CsvConcept] = {}
    extra = [(index, name) for index, name in enumerate(columns) if name not in CSV_COLUMNS]
    for line, fields in records:
        for index, name in extra:
            if index < len(fields) and fields[index].strip():
                info.ignored[IGNORED_COLUMN.format(name=name)] += 1
        if len(fields) > len(columns) and any(cell.strip() for cell in fields[len(columns) :]):
            raise fail(ERR_CSV_TOO_MANY_FIELDS, line, found=len(fields), expected=len(columns))
        row = dict.fromkeys(CSV_COLUMNS, "")
        row.update(zip(columns, fields, strict=False))
        identifier = row["concept"].strip()
        if not identifier:
            raise fail(ERR_CSV_EMPTY_CONCEPT, line)
        if identifier not in concepts:
            check_identifier(identifier, line)
            builder = ConceptBuilder(
                identifier, f"in concept {identifier!r}", languages, info.skipped
            )
            concepts[identifier] = _CsvConcept(builder)
            concepts[identifier].first_line = line
        concept = concepts[identifier]
        builder = concept.builder
        language = builder.keeps(row["language"].strip(), line)
        if language is None:
            continue
        status = row["status"].strip().lower() or TermStatus.PREFERRED.value
        if status not in STATUSES:
            # Another termbase's words for the same statuses ("Preferred term", "obsolete",
            # "admittedTerm-admn-sts"); anything else is refused by name below.
            status = status_from_tbx(status) or status
        term = TermData(
            language=language,
            text=row["term"].strip(),
            status=status,
            case_sensitive=_csv_bool(row["case_sensitive"], builder.where, line),
            part_of_speech=row["part_of_speech"],
            note=row["note"],
            variants=row["variants"],
        )
        builder.add_term(term, line)
        concept.set_once("subject_field", "", row["subject_field"], line)
        concept.set_once("definition", language, row["definition"], line)
        concept.set_once("concept_note", language, row["concept_note"], line)
    built = []
    for concept in concepts.values():
        data = concept.builder.build(concept.first_line)
        if data is None:
            info.empty.append(concept.builder.identifier)
        else:
            built.append(data)
    return built
