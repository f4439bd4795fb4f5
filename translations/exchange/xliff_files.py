"""XLIFF files holding several ``<file>`` elements, read as one release in one language.

Tools write one ``<file>`` per source document, or split one document into several (Okapi's
packages, Trados's merged files). Each ``<file>`` names its release, language and base
revision as a single one does; a ``<file>`` that leaves any of them out takes the first
``<file>``'s. When two ``<file>`` elements name different releases, revisions or languages the
upload is refused whole, naming both, and nothing is read from it; otherwise every
``<file>``'s units are read in order, merged as if they were in one.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from translations.exchange.units import (
    ERR_NO_HEADER,
    ExchangeFileError,
    ParsedFile,
    header_number,
    malformed,
)
from translations.glossary.files.data import base_language

FORMAT = "XLIFF"
ERR_NO_FILE = "the file has no <file> element"
ERR_FILES_DIFFER = gettext_lazy(
    "the file holds more than one release or language: %(first)s is %(first_is)s, but "
    "%(other)s is %(other_is)s; upload each release and language in its own file; nothing "
    "was imported"
)


def file_name(file, number: int) -> str:
    """Return how a refusal names one ``<file>``: its ``original``, else its position."""
    original = (file.get("original") or "").strip()
    return f'<file original="{original}">' if original else f"<file> no. {number}"


def file_identity(fields, language_attribute: str) -> ParsedFile:
    """Return one ``<file>``'s release, language and base revision as an empty
    :class:`ParsedFile`, or refuse the file naming what is missing (the language by
    ``language_attribute``, the attribute the format keeps it in)."""
    slug, revision, language = fields["slug"], fields["revision"], fields["language"]
    missing = [name for name, value in (("release", slug), ("revision", revision)) if not value]
    if not language:
        missing.append(language_attribute)
    if missing:
        raise ExchangeFileError(ERR_NO_HEADER % {"what": ", ".join(missing)})
    release_id, source = fields.get("release_id"), fields["source"]
    return ParsedFile(
        slug=slug,
        release_id=header_number(release_id, "release-id") if release_id else None,
        language=base_language(language),
        revision=header_number(revision, "revision"),
        source_language=base_language(source) if source else "",
    )


def _describe(parsed: ParsedFile) -> str:
    return f"“{parsed.slug}” revision {parsed.revision}, {parsed.language}"


def _same(one: ParsedFile, other: ParsedFile) -> bool:
    return (one.slug, one.release_id, one.language, one.revision) == (
        other.slug,
        other.release_id,
        other.language,
        other.revision,
    )


def files_identity(files, fields, build) -> ParsedFile:
    """Return the one identity (an empty :class:`ParsedFile`) all ``files`` share.

    ``fields(file)`` gives a ``<file>``'s own values by name ("" where it names nothing);
    ``build(values)`` turns them into a ParsedFile or refuses naming what is missing.
    """
    if not files:
        raise malformed(FORMAT, ERR_NO_FILE)
    first_fields = fields(files[0])
    parsed = build(first_fields)
    for number, file in enumerate(files[1:], start=2):
        own = fields(file)
        other = build({name: own.get(name) or value for name, value in first_fields.items()})
        if not _same(parsed, other):
            raise ExchangeFileError(
                ERR_FILES_DIFFER
                % {
                    "first": file_name(files[0], 1),
                    "first_is": _describe(parsed),
                    "other": file_name(file, number),
                    "other_is": _describe(other),
                }
            )
    return parsed
