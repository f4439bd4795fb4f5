"""The glossary as plain data, and the rules every stored or exchanged glossary obeys.

Every concept has at least one term; term text is non-empty without surrounding whitespace;
a definition or note exists only for a language that has terms; texts contain no control
characters other than tab, line feed and carriage return (so XML can carry them). The
loaders, the dumpers and the glossary service (admin, commands) all apply these rules through
:func:`validate_concept`, so whatever is stored can be exported and imported back.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from config import languages as config_languages
from translations.glossary.vocabulary import TermStatus

LANGUAGES = config_languages.CODES
STATUSES = tuple(TermStatus.values)

# One message per problem; "{where}" names the concept, and loaders prefix "line N: ".
ERR_BAD_IDENTIFIER = (
    "invalid concept identifier {identifier!r}: use ASCII letters, digits, hyphens and underscores"
)
ERR_DUPLICATE_CONCEPT = "duplicate concept identifier {identifier!r}"
ERR_NO_TERMS = "no terms {where}"
ERR_UNKNOWN_LANGUAGE = "unknown language {language!r} {where} (expected one of {expected})"
ERR_UNKNOWN_STATUS = "unknown status {status!r} {where} (expected one of {expected})"
ERR_EMPTY_TERM = "empty term text {where}"
ERR_TERM_WHITESPACE = "term text {text!r} starts or ends with whitespace {where}"
ERR_DUPLICATE_TERM = "duplicate term {text!r} in language {language!r} {where}"
ERR_ORPHAN_TEXT = "{what} for language {language!r} {where}, which has no terms in that language"
ERR_BAD_CHARACTER = "{what} contains a character XML cannot hold ({char!r}) {where}"
ERR_CONTROL_CHARACTER = "{what} contains a control character ({char!r}) {where}"
ERR_TOO_LONG = "{what} is {length} characters long {where}; at most {limit} are allowed"

_SLUG = re.compile(r"[-A-Za-z0-9_]+")
# XML 1.0 "Char": everything else (C0 controls, surrogates, U+FFFE/FFFF) cannot be serialised.
_NOT_XML_CHAR = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Controls XML can carry but no glossary text means (DEL, C1 controls such as U+0085).
_CONTROL_CHAR = re.compile("[\u007f-\u009f]")


@dataclass(frozen=True)
class TermData:
    language: str
    text: str
    status: str = TermStatus.PREFERRED.value
    case_sensitive: bool = False
    part_of_speech: str = ""
    note: str = ""
    # Spellings the terminologist declared as the same term, one a line (see
    # :func:`split_variants`). Files carry them (TBX marker notes, a CSV column); a file that
    # gives none leaves the stored ones (:mod:`translations.glossary.merge`).
    variants: str = ""


@dataclass(frozen=True)
class ConceptData:
    identifier: str
    subject_field: str = ""
    definition: dict[str, str] = field(default_factory=dict)
    note: dict[str, str] = field(default_factory=dict)
    terms: tuple[TermData, ...] = ()


class GlossaryFormatError(ValueError):
    """Report a glossary file or glossary that cannot be exchanged; str() is user-facing.

    ``field`` names the offending part where known: a ConceptData attribute (``identifier``,
    ``subject_field``, ``definition``, ``note``, ``terms``) or, with ``term`` (the index of
    the term in its concept), a TermData attribute (``language``, ``text``, ``status``,
    ``part_of_speech``) or ``term_note``; ``language`` is the language concerned.
    """

    def __init__(
        self,
        message: str,
        line: int | None = None,
        *,
        field: str | None = None,
        term: int | None = None,
        language: str | None = None,
    ):
        self.line = line
        self.field = field
        self.term = term
        self.language = language
        self.detail = message
        super().__init__(f"line {line}: {message}" if line else message)


def split_variants(variants: str) -> tuple[str, ...]:
    """Return a term's declared variants, one a line: stripped, blank lines and repeats
    dropped. Files carry this list, so two texts with the same list are the same variants."""
    return tuple(
        dict.fromkeys(line.strip() for line in (variants or "").splitlines() if line.strip())
    )


def same_variants(first: str, second: str) -> bool:
    """Return whether two variant texts declare the same spellings."""
    return split_variants(first) == split_variants(second)


def fail(
    template: str,
    line: int | None = None,
    *,
    field: str | None = None,
    term: int | None = None,
    **values,
) -> GlossaryFormatError:
    """Build the error for a message template."""
    return GlossaryFormatError(
        template.format(**values), line, field=field, term=term, language=values.get("language")
    )


class ConceptBuilder:
    """Collect one concept's parts, enforcing the rules both formats share."""

    def __init__(
        self,
        identifier: str,
        where: str,
        languages: Sequence[str],
        skipped: Counter[str] | None = None,
    ):
        self.identifier = identifier
        self.where = where
        self.languages = tuple(languages)
        # Multilingual files: terms in languages Concord does not keep are counted here (by
        # the tag as written) and left out, instead of refusing the file.
        self.skipped = skipped
        self.skipped_terms = 0
        self.subject_field = ""
        self.definition: dict[str, str] = {}
        self.note: dict[str, str] = {}
        self.terms: list[TermData] = []
        self._seen: set[tuple[str, str]] = set()

    def check_text(
        self, what: str, value: str, line: int | None = None, *, field: str, term=None
    ) -> str:
        """Refuse text XML cannot carry or control characters, so every glossary can be dumped."""
        bad = _NOT_XML_CHAR.search(value)
        if bad:
            raise fail(
                ERR_BAD_CHARACTER,
                line,
                field=field,
                term=term,
                what=what,
                char=bad.group(),
                where=self.where,
            )
        bad = _CONTROL_CHAR.search(value)
        if bad:
            raise fail(
                ERR_CONTROL_CHARACTER,
                line,
                field=field,
                term=term,
                what=what,
                char=bad.group(),
                where=self.where,
            )
        return value

    def check_language(
        self, language: str, line: int | None = None, *, field: str = "language", term=None
    ) -> str:
        """Return the language if Concord keeps it."""
        if language not in self.languages:
            raise fail(
                ERR_UNKNOWN_LANGUAGE,
                line,
                field=field,
                term=term,
                language=language,
                where=self.where,
                expected=", ".join(self.languages),
            )
        return language

    def keeps(self, tag: str, line: int | None = None, *, terms: int = 1) -> str | None:
        """Return the Concord language of a file's language tag; for one Concord does not
        keep, count ``terms`` skipped and return None (refuse when nothing counts skips)."""
        language = base_language(tag)
        if language in self.languages:
            return language
        if self.skipped is None:
            # Name the tag as written in the file, where the user will look for it.
            self.check_language(tag, line)
        self.skipped[tag] += terms
        self.skipped_terms += terms
        return None

    def add_term(self, term: TermData, line: int | None = None) -> None:
        """Append a term after checking it."""
        index = len(self.terms)
        self.check_language(term.language, line, term=index)
        if term.status not in STATUSES:
            raise fail(
                ERR_UNKNOWN_STATUS,
                line,
                field="status",
                term=index,
                status=term.status,
                where=self.where,
                expected=", ".join(STATUSES),
            )
        if not term.text.strip():
            raise fail(ERR_EMPTY_TERM, line, field="text", term=index, where=self.where)
        if term.text != term.text.strip():
            raise fail(
                ERR_TERM_WHITESPACE,
                line,
                field="text",
                term=index,
                text=term.text,
                where=self.where,
            )
        for what, name, value in (
            ("term", "text", term.text),
            ("part of speech", "part_of_speech", term.part_of_speech),
            ("term note", "term_note", term.note),
            ("variants", "variants", term.variants),
        ):
            self.check_text(what, value, line, field=name, term=index)
        key = (term.language, term.text)
        if key in self._seen:
            raise fail(
                ERR_DUPLICATE_TERM,
                line,
                field="text",
                term=index,
                text=term.text,
                language=term.language,
                where=self.where,
            )
        self._seen.add(key)
        # Files carry variants as a list (one a note, one a line): what loads is that list.
        self.terms.append(replace(term, variants="\n".join(split_variants(term.variants))))

    def build(self, line: int | None = None) -> ConceptData | None:
        """Return the finished concept (None: all its terms were in skipped languages)."""
        if not self.terms:
            if self.skipped_terms:
                return None
            raise fail(ERR_NO_TERMS, line, field="terms", where=self.where)
        self.check_text("subject field", self.subject_field, line, field="subject_field")
        used = {term.language for term in self.terms}
        for what, name, texts in (
            ("definition", "definition", self.definition),
            ("concept note", "note", self.note),
        ):
            for language, text in texts.items():
                self.check_text(what, text, line, field=name)
                if text and language not in used:
                    raise fail(
                        ERR_ORPHAN_TEXT,
                        line,
                        field=name,
                        what=what,
                        language=language,
                        where=self.where,
                    )
        return ConceptData(
            identifier=self.identifier,
            subject_field=self.subject_field,
            definition={lang: text for lang, text in self.definition.items() if text},
            note={lang: text for lang, text in self.note.items() if text},
            terms=tuple(self.terms),
        )


def check_identifier(identifier: str, line: int | None = None) -> str:
    """Return the identifier if it is a slug."""
    if not _SLUG.fullmatch(identifier):
        raise fail(ERR_BAD_IDENTIFIER, line, field="identifier", identifier=identifier)
    return identifier


def validate_concept(concept: ConceptData, *, languages: Sequence[str] = LANGUAGES) -> ConceptData:
    """Return ``concept`` if it obeys the glossary rules, else raise GlossaryFormatError."""
    check_identifier(concept.identifier)
    builder = ConceptBuilder(concept.identifier, f"in concept {concept.identifier!r}", languages)
    for term in concept.terms:
        builder.add_term(term)
    builder.subject_field = concept.subject_field
    for name, texts in (("definition", concept.definition), ("note", concept.note)):
        for language in texts:
            builder.check_language(language, field=name)
    builder.definition = dict(concept.definition)
    builder.note = dict(concept.note)
    builder.build()
    return concept


def validated(concepts: Iterable[ConceptData], languages: Sequence[str]) -> list[ConceptData]:
    """Check a glossary before dumping it, so the output always loads back equal."""
    result = []
    seen: set[str] = set()
    for concept in concepts:
        check_identifier(concept.identifier)
        if concept.identifier in seen:
            raise fail(ERR_DUPLICATE_CONCEPT, field="identifier", identifier=concept.identifier)
        seen.add(concept.identifier)
        result.append(validate_concept(concept, languages=languages))
    return result


def check_length(what: str, field: str, value: str, limit: int | None, where: str, term=None):
    """Refuse a text longer than ``limit`` characters (None: no limit)."""
    if limit is not None and len(value) > limit:
        raise fail(
            ERR_TOO_LONG,
            field=field,
            term=term,
            what=what,
            length=len(value),
            limit=limit,
            where=where,
        )


def base_language(tag: str) -> str:
    """Return the Concord language a tag names ("en-US", "ja_JP", "RU-RU", "jpn"), or, for a
    language Concord does not keep, the tag's language subtag ("fr-FR" → "fr")."""
    return config_languages.from_tag(tag) or tag.strip().replace("_", "-").split("-")[0].lower()
