"""The concordance: where the words of a query occur in approved translations, shown in their
source/target pairs with the words marked.

It searches every release's approved units (their newest texts: the working copy, which every
write keeps equal to the head revision) and what the packages above add through
:meth:`~translations.review.extensions.ReviewExtensions.add_concordance` (the translation
memory). A query is read with the glossary matcher's rules — English plurals and possessives
fold, Russian words match by any of their lemmas, Japanese matches by characters anywhere
(NFKC, no word boundaries) — on the source side, the target side or either.

Bounded: the database narrows each kind of text with substring needles (the stem a word's
forms share; non-ASCII ones also capitalised, as SQLite's LIKE folds ASCII letters only), the
most recently written rows first, at most :data:`CANDIDATES` rows per query — a common word
stops the scan early; a rare one reads the texts of the language pair once (there is no
word index of approved texts). The matcher keeps the texts holding every word of the query and
gives the marks; the best :data:`LIMIT` are answered. A fixed number of queries whatever the
number of releases or memory entries.
"""

import os
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import reduce
from operator import and_, or_

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from config import languages
from config.limits import MAX_CONCORDANCE_CHARS, MAX_CONCORDANCE_WORDS
from records.folding import fold
from records.models import Photo, Release, Segment
from records.units import CAPTION, CREDIT, TITLE
from translations.checks.matching.matcher import TermMatcher, TermSpec
from translations.glossary.forms import term_match_forms
from translations.glossary.normalize import normalize_japanese
from translations.glossary.vocabulary import TermStatus
from translations.glossary.words import russian_stem, tokens
from translations.review.extensions import extensions
from translations.review.models import UnitStatus
from translations.review.vocabulary import UnitState

# Results answered, and rows read per kind of text.
LIMIT = 20
CANDIDATES = 200
SIDES = ("both", "source", "target")
# Where a hit comes from.
RELEASE, MEMORY = "release", "memory"
# The shortest stem a word's needle is cut to: shorter ones would match most texts.
MIN_STEM = 3
WORD = re.compile(r"\w")


class ConcordanceRefused(ValueError):
    """The query cannot be searched as sent (empty, too long, no words, unknown side)."""


def _needles(language, word):
    """Return the substrings a text holding ``word`` (in any of its forms) contains."""
    spec = languages.get(language)
    if spec.matching != languages.WORDS:
        variants = {word, normalize_japanese(word)[0]}
    else:
        surface = fold(word)
        forms = term_match_forms(language, word, False)["units"]
        keys = [key.lstrip("~") for unit in forms for key in unit if key[:1] not in "|="]
        if spec.search_lemmas:
            # An inflected language: the forms share the stem of the lemma, not the lemma.
            keys += [russian_stem(key) for key in (surface, *keys)]
        stem = os.path.commonprefix([surface, *keys])
        variants = {stem} if len(stem) >= min(MIN_STEM, len(surface)) else {surface, *keys}
    # SQLite's LIKE folds the case of ASCII letters only (PostgreSQL's UPPER folds all).
    return sorted(
        {
            v
            for n in variants
            if n
            for v in ((n,) if n.isascii() else (n, n.capitalize(), n.upper()))
        }
    )


class Finder:
    """A query read in one language: the database filter and the matcher that marks words."""

    def __init__(self, language, words):
        self.language = language
        self.words = words
        specs = [
            TermSpec(i, i, language, word, TermStatus.PREFERRED)
            for i, word in enumerate(words, start=1)
        ]
        if len(words) > 1:
            joiner = " " if languages.get(language).matching == languages.WORDS else ""
            specs.append(TermSpec(0, 0, language, joiner.join(words), TermStatus.PREFERRED))
        self.matcher = TermMatcher(specs, language)
        self.needles = [_needles(language, word) for word in words]

    def filter(self, name):
        """Return the condition on text field ``name``: every word, in one of its needles."""
        return reduce(
            and_,
            (
                reduce(or_, (Q(**{f"{name}__icontains": n}) for n in needles))
                for needles in self.needles
            ),
        )

    def marks(self, text):
        """Return ``(marks, phrase)`` for a ``text`` holding every word (``phrase``: the
        words as the query has them, one after the other), else None."""
        found = self.matcher.find(text or "")
        ids = {match.term.id for match in found}
        phrase = 0 in ids or (len(self.words) == 1 and bool(ids))
        if not phrase and len(ids - {0}) < len(self.words):
            return None
        return sorted(dict.fromkeys((match.start, match.end) for match in found)), phrase


def _words(language, text):
    if languages.get(language).matching == languages.WORDS:
        found = [word for word, _start, _end in tokens(text) if word]
    else:
        found = [chunk for chunk in text.split() if WORD.search(chunk)]
    return list(dict.fromkeys(found))


@dataclass
class Hit:
    """A source/target pair holding the query, with the marks of its words."""

    source_text: str
    target_text: str
    source_marks: list
    target_marks: list
    phrase: bool
    origin: str
    when: date | None = None
    release_id: int | None = None
    release_slug: str = ""
    key: str = ""
    approver: str = ""
    # For a release's unit: its pair is in the translation memory too.
    in_memory: bool = False
    url: str = field(default="", compare=False)

    def sort_key(self):
        marked = [len(self.source_text.strip())] if self.source_marks else []
        marked += [len(self.target_text.strip())] if self.target_marks else []
        when = self.when.toordinal() if self.when else 0
        return (not self.phrase, min(marked), self.origin != RELEASE, -when)

    def pair(self):
        return (" ".join(self.source_text.split()), " ".join(self.target_text.split()))


@dataclass(frozen=True)
class ConcordanceQuery:
    """What to look for (``text``), where (``side``), in which pair of languages."""

    text: str
    side: str
    source_language: str
    language: str
    source: Finder | None
    target: Finder | None

    def filter(self, source_field, target_field):
        """Return the condition on a pair's fields: the query on the side(s) searched."""
        parts = []
        if self.source is not None:
            parts.append(self.source.filter(source_field))
        if self.target is not None:
            parts.append(self.target.filter(target_field))
        return reduce(or_, parts)

    def hit(self, source_text, target_text, **where):
        """Return the :class:`Hit` of a pair, or None when the query is not in it."""
        if not (source_text or "").strip() or not (target_text or "").strip():
            return None
        source = self.source.marks(source_text) if self.source is not None else None
        target = self.target.marks(target_text) if self.target is not None else None
        if source is None and target is None:
            return None
        if isinstance(where.get("when"), datetime):
            where["when"] = _day(where["when"])
        return Hit(
            source_text=source_text,
            target_text=target_text,
            source_marks=source[0] if source else [],
            target_marks=target[0] if target else [],
            phrase=bool((source and source[1]) or (target and target[1])),
            **where,
        )


def concordance_query(source_language, language, text, side="both"):
    """Return the :class:`ConcordanceQuery` of ``text`` in the pair ``source_language`` →
    ``language``; raise :class:`ConcordanceRefused` for a query that cannot be searched."""
    text = " ".join((text or "").split())
    if side not in SIDES:
        raise ConcordanceRefused(
            _("“%(side)s” is not a side to search (one of: %(sides)s)")
            % {"side": side[:20], "sides": ", ".join(SIDES)}
        )
    if not text:
        raise ConcordanceRefused(_("type the words to look for"))
    if len(text) > MAX_CONCORDANCE_CHARS:
        raise ConcordanceRefused(
            _("the query is too long (%(length)s characters; at most %(max)s)")
            % {"length": len(text), "max": MAX_CONCORDANCE_CHARS}
        )
    finders = {}
    for name, code in (("source", source_language), ("target", language)):
        if side not in ("both", name):
            continue
        words = _words(code, text)
        if len(words) > MAX_CONCORDANCE_WORDS:
            raise ConcordanceRefused(
                _("the query has too many words (%(count)s; at most %(max)s)")
                % {"count": len(words), "max": MAX_CONCORDANCE_WORDS}
            )
        if words:
            finders[name] = Finder(code, words)
    if not finders:
        raise ConcordanceRefused(_("the query has no words to look for"))
    return ConcordanceQuery(
        text, side, source_language, language, finders.get("source"), finders.get("target")
    )


def _release_units(query):
    """Return ``[(release id, slug, None, key, source, target)]``: the newest texts of the
    release units that may hold the query (three queries, each at most CANDIDATES rows); the
    date is the approval's, read with the approvals (:func:`approved_hits`)."""
    source, target = query.source_language, query.language
    fields = ("release_id", "release__slug")
    units = []
    segments = (
        Segment.objects.filter(release__source_language=source)
        .exclude(**{f"text_{target}": ""})
        .filter(query.filter(f"text_{source}", f"text_{target}"))
        .order_by("-pk")
        .values_list(*fields, "key", f"text_{source}", f"text_{target}")[:CANDIDATES]
    )
    units += [(*row[:2], None, str(row[2]), row[3], row[4]) for row in segments]
    titles = (
        Release.objects.filter(source_language=source)
        .exclude(**{f"title_{target}": ""})
        .filter(query.filter(f"title_{source}", f"title_{target}"))
        .order_by("-pk")
        .values_list("pk", "slug", f"title_{source}", f"title_{target}")[:CANDIDATES]
    )
    units += [(*row[:2], None, TITLE, row[2], row[3]) for row in titles]
    parts = (CAPTION, CREDIT)
    photos = (
        Photo.objects.filter(release__source_language=source)
        .filter(
            reduce(or_, (query.filter(f"{part}_{source}", f"{part}_{target}") for part in parts))
        )
        .order_by("-pk")
        .values_list(
            *fields,
            "key",
            *(f"{part}_{code}" for part in parts for code in (source, target)),
        )[:CANDIDATES]
    )
    for release_id, slug, key, *texts in photos:
        for index, part in enumerate(parts):
            units.append(
                (release_id, slug, None, f"{key}:{part}", *texts[2 * index : 2 * index + 2])
            )
    return units


def approved_hits(query):
    """Return the hits of ``query`` among the approved units of every release written in the
    query's source language (four queries)."""
    hits = []
    for release_id, slug, when, key, source_text, target_text in _release_units(query):
        hit = query.hit(
            source_text,
            target_text,
            origin=RELEASE,
            when=when,
            release_id=release_id,
            release_slug=slug,
            key=key,
        )
        if hit is not None:
            hits.append(hit)
    if not hits:
        return []
    # An approved state row changes only when approved (again): its time is the approval's.
    approved = {
        (release_id, key): (approver or "", changed_at)
        for release_id, key, approver, changed_at in UnitStatus.objects.filter(
            language=query.language,
            state=UnitState.APPROVED,
            release_id__in={hit.release_id for hit in hits},
            key__in={hit.key for hit in hits},
        ).values_list("release_id", "key", "approved_by__username", "changed_at")
    }
    found = []
    for hit in hits:
        if (hit.release_id, hit.key) in approved:
            approver, when = approved[hit.release_id, hit.key]
            found.append(replace(hit, approver=approver, when=_day(when)))
    return found


def _day(moment):
    """Return the local date of ``moment``."""
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


def concordance(query, limit=LIMIT):
    """Return ``(hits, more)``: the best ``limit`` hits of ``query`` in approved units and
    in what the packages above search (the memory), and whether more were found. A pair both
    approved in a release and in the memory is shown once, as the release's unit."""
    found = approved_hits(query) + extensions.concordance(query)
    found.sort(key=Hit.sort_key)
    kept = {}
    for hit in found:
        pair = hit.pair()
        first = kept.get(pair)
        if first is None:
            kept[pair] = hit
        elif first.origin == MEMORY and hit.origin == RELEASE:
            kept[pair] = replace(hit, in_memory=True)
        elif hit.origin == MEMORY:
            first.in_memory = True
    hits = list(kept.values())
    return hits[:limit], len(hits) > limit
