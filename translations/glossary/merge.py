"""How a glossary file updates a stored concept, and the report of an import.

A file updates the languages it holds and leaves every other language of the concept alone:

* a term of the file that the concept lacks is added (after the concept's terms);
* a term the concept has (same language and text) takes the file's status, case
  sensitivity, part of speech and note — any difference, a status change included, is a
  change; another tool's file that gives no part of speech or note leaves the stored one;
* a term's declared variants are the file's when it gives some (the same list in another
  spelling of the text — blank lines, spaces — is no change); a term without variants keeps
  the stored ones, unless the file states every term's variants (a CSV with the ``variants``
  column: there an empty cell removes them). TBX files and older CSV files carry no variants
  for most terms, so their silence never deletes any;
* a term of the concept that the file lacks, in a language the file holds, is kept and
  reported as kept; with ``replace`` it is removed. Terms in languages the file does not
  hold are never touched;
* the subject field, and each of the file's languages' definition and note, take the file's
  value where it gives one; with ``replace`` an empty one clears the stored text.

Keeping is the default because a file that lacks a term rarely means "delete it": a tool may
export only some statuses or one language pair, and a spreadsheet may hold one team's rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from translations.glossary.files import ConceptData, TermData
from translations.glossary.files.data import same_variants, split_variants

# Names listed per section of a report; the rest are counted.
REPORT_NAMED = 200

ADDED, CHANGED, REMOVED, KEPT = "added", "changed", "removed", "kept"
_TERM_FIELDS = ("status", "case_sensitive", "part_of_speech", "note", "variants")


@dataclass(frozen=True)
class TermChange:
    concept: str
    language: str
    text: str
    kind: str
    # For a changed term: what changed, e.g. "status admitted → preferred".
    detail: str = ""

    def describe(self):
        text = f"{self.concept}: {self.language} “{self.text}”"
        return f"{text}: {self.detail}" if self.detail else text


def _difference(old: TermData, new: TermData) -> str:
    parts = []
    for name in _TERM_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if name == "variants":
            before, after = (" | ".join(split_variants(text)) for text in (before, after))
        if before != after:
            parts.append(f"{name.replace('_', ' ')} {before or '—'} → {after or '—'}")
    return "; ".join(parts)


def _fill_in(old: TermData, new: TermData) -> TermData:
    """Keep what another tool's file leaves out: it may not know the data category at all."""
    return replace(
        new,
        part_of_speech=new.part_of_speech or old.part_of_speech,
        note=new.note or old.note,
    )


def concept_merge(
    stored: ConceptData,
    incoming: ConceptData,
    *,
    replace_terms: bool = False,
    foreign: bool = False,
    variants_stated: bool = False,
) -> tuple[ConceptData, list[TermChange]]:
    """Return ``stored`` updated by ``incoming`` (see the module's rules) and the term changes.

    The result keeps ``stored``'s identifier: a file's concept may have been matched to it by
    its terms. ``foreign``: the file is another tool's, whose empty part of speech or note
    means "not said", so the stored one is kept (in Concord's files, empty means empty).
    ``variants_stated``: the file states every term's variants, so a term without any has
    none (else its stored ones are kept)."""
    name = stored.identifier
    languages = {term.language for term in incoming.terms}
    by_key = {(term.language, term.text): term for term in incoming.terms}
    terms, changes = [], []
    for term in stored.terms:
        if term.language not in languages:
            terms.append(term)
            continue
        new = by_key.get((term.language, term.text))
        if new is None:
            changes.append(
                TermChange(name, term.language, term.text, REMOVED if replace_terms else KEPT)
            )
            if not replace_terms:
                terms.append(term)
            continue
        if foreign:
            new = _fill_in(term, new)
        if same_variants(new.variants, term.variants) or not (new.variants or variants_stated):
            # The same list, or a file that says nothing of them: the stored text stays.
            new = replace(new, variants=term.variants)
        if new != term:
            changes.append(
                TermChange(name, term.language, term.text, CHANGED, _difference(term, new))
            )
        terms.append(new)
    known = {(term.language, term.text) for term in stored.terms}
    for term in incoming.terms:
        if (term.language, term.text) not in known:
            terms.append(term)
            changes.append(TermChange(name, term.language, term.text, ADDED))
    texts = {}
    for attribute in ("definition", "note"):
        merged = dict(getattr(stored, attribute))
        for language in languages:
            value = getattr(incoming, attribute).get(language, "")
            if value:
                merged[language] = value
            elif replace_terms:
                merged.pop(language, None)
        texts[attribute] = merged
    result = replace(
        stored,
        subject_field=incoming.subject_field or stored.subject_field,
        terms=tuple(terms),
        **texts,
    )
    return result, changes


def concept_new(incoming: ConceptData, identifier: str) -> tuple[ConceptData, list[TermChange]]:
    """Return a new concept from a file's and its changes (every term added)."""
    concept = replace(incoming, identifier=identifier)
    return concept, [TermChange(identifier, t.language, t.text, ADDED) for t in concept.terms]


@dataclass
class GlossaryReport:
    """What a glossary import did (or, in a dry run, would do)."""

    dry_run: bool = False
    replace_terms: bool = False
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    terms: list[TermChange] = field(default_factory=list)
    # (the file's entry, why it was not imported)
    not_imported: list[tuple[str, str]] = field(default_factory=list)
    # Other tools' entries stored under another identifier: (the file's id, the concept's).
    renamed: list[tuple[str, str]] = field(default_factory=list)
    skipped_languages: dict[str, int] = field(default_factory=dict)
    empty: list[str] = field(default_factory=list)
    # What the file held that the glossary has no place for: name → occurrences.
    ignored: dict[str, int] = field(default_factory=dict)

    def counts(self):
        return {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": self.unchanged,
        }

    def term_counts(self):
        return {
            kind: sum(1 for change in self.terms if change.kind == kind)
            for kind in (ADDED, CHANGED, REMOVED, KEPT)
        }

    def __getitem__(self, name):
        return self.counts()[name]

    def lines(self):
        """Return the report as printable lines (the command and the admin show the same)."""
        terms = self.term_counts()
        counts = {**self.counts(), **terms}
        lines = [
            ngettext(
                "Glossary imported: %(created)s concept created, %(updated)s updated, "
                "%(unchanged)s unchanged; terms: %(added)s added, %(changed)s changed, "
                "%(removed)s removed.",
                "Glossary imported: %(created)s concepts created, %(updated)s updated, "
                "%(unchanged)s unchanged; terms: %(added)s added, %(changed)s changed, "
                "%(removed)s removed.",
                counts["created"],
            )
            % counts
        ]
        lines += _named(_("concept created"), self.created)
        lines += _named(_("concept updated"), self.updated)
        lines += _named(
            _("concept stored under another identifier"),
            [f"{found} → {stored}" for found, stored in self.renamed],
        )
        for kind, title in (
            (ADDED, _("term added")),
            (CHANGED, _("term changed")),
            (REMOVED, _("term removed")),
        ):
            lines += _named(title, [c.describe() for c in self.terms if c.kind == kind])
        if terms[KEPT]:
            lines.append(
                ngettext(
                    "%(n)s term is not in the file but was kept (import with “replace” "
                    "to remove it):",
                    "%(n)s terms are not in the file but were kept (import with “replace” "
                    "to remove them):",
                    terms[KEPT],
                )
                % {"n": terms[KEPT]}
            )
            lines += _named(_("term kept"), [c.describe() for c in self.terms if c.kind == KEPT])
        lines += _named(
            _("not imported"), [f"{entry}: {reason}" for entry, reason in self.not_imported]
        )
        if self.skipped_languages:
            lines.append(
                _("Skipped, in languages Concord does not keep: %(languages)s.")
                % {
                    "languages": _listed(
                        self.skipped_languages,
                        lambda tag, n: (
                            ngettext("%(language)s (%(n)s term)", "%(language)s (%(n)s terms)", n)
                            % {"language": tag, "n": n}
                        ),
                    )
                }
            )
        if self.empty:
            lines.append(
                ngettext(
                    "%(n)s entry has no term in a language Concord keeps and was skipped.",
                    "%(n)s entries have no term in a language Concord keeps and were skipped.",
                    len(self.empty),
                )
                % {"n": len(self.empty)}
            )
        if self.ignored:
            lines.append(
                _("Not imported, as Concord's glossary has no place for them: %(data)s.")
                % {
                    "data": _listed(
                        self.ignored,
                        lambda name, n: (
                            ngettext("%(name)s (%(n)s time)", "%(name)s (%(n)s times)", n)
                            % {"name": name, "n": n}
                        ),
                    )
                }
            )
        if self.dry_run:
            lines.append(_("Dry run: nothing was written."))
        return lines


def _named(title, names):
    lines = [f"  {title}: {name}" for name in names[:REPORT_NAMED]]
    more = len(names) - REPORT_NAMED
    if more > 0:
        lines.append(
            "  "
            + ngettext("… and %(n)s more (%(what)s)", "… and %(n)s more (%(what)s)", more)
            % {"n": more, "what": title}
        )
    return lines


def _listed(counts, describe):
    """``counts`` ({name: n}) as one line, in name order, each described by ``describe``."""
    return ", ".join(describe(name, n) for name, n in sorted(counts.items()))
