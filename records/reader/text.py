"""Search text of the read model: words, lemmas and character bigrams, and snippets."""

import functools
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from config import languages
from records.folding import fold, morph_analyzer

WORD = re.compile(r"\w+")
SNIPPET_CHARS = 220


def normalize(text):
    """Return ``text`` folded for search: NFKC, casefolded, ``ё`` as ``е``."""
    return fold(text)


@functools.lru_cache(maxsize=50_000)
def word_lemmas(language, word):
    """Return every lemma of ``word`` in ``language`` (all parses of an ambiguous word)."""
    found = {normalize(parse.normal_form) for parse in morph_analyzer(language).parse(word)}
    found.add(word)
    return tuple(sorted(found))


def lemmas_text(language, text):
    """Return the lemmas of every word of ``text``, space-separated."""
    words = WORD.findall(normalize(text))
    return " ".join(lemma for word in words for lemma in word_lemmas(language, word))


def bigrams(text):
    """Return the character bigrams of each run of word characters, in order; a run of one
    character stands for itself."""
    grams = []
    for run in WORD.findall(normalize(text)):
        if len(run) == 1:
            grams.append(run)
        grams.extend(run[index : index + 2] for index in range(len(run) - 1))
    return grams


def bigrams_text(text):
    """Return :func:`bigrams` of ``text`` space-separated, as the bigram column stores them."""
    return " ".join(bigrams(text))


def index_columns(language, title, body):
    """Return ``(lemmas, bigrams)`` column values of a page in ``language``."""
    spec = languages.get(language)
    text = f"{title}\n{body}"
    if spec.search_config is None:
        return "", bigrams_text(text)
    if spec.search_lemmas:
        return lemmas_text(language, text), ""
    return "", ""


def query_words(query):
    return WORD.findall(normalize(query))


def _matcher(language, query):
    """Return a predicate over words of a text that says which to highlight, or None for
    languages matched by characters."""
    spec = languages.get(language)
    words = query_words(query)
    if spec.search_lemmas:
        wanted = {lemma for word in words for lemma in word_lemmas(language, word)}
        return lambda token: bool(wanted.intersection(word_lemmas(language, normalize(token))))
    # Stemmed languages: a word matches when it shares the query word's stem-like prefix.
    stems = [word[: max(4, len(word) - 2)] if len(word) > 4 else word for word in words]
    return lambda token: any(normalize(token).startswith(stem) for stem in stems)


def snippet(language, query, text, length=SNIPPET_CHARS):
    """Return an HTML excerpt of ``text`` around the first match of ``query``, matches marked."""
    if languages.get(language).search_config is None:
        needle = "".join(query_words(query))
        folded = normalize(text)
        spans = []
        # NFKC may change lengths; fall back to no marks where the folded text differs.
        if needle and len(folded) == len(text):
            start = folded.find(needle)
            while start != -1:
                spans.append((start, start + len(needle)))
                start = folded.find(needle, start + len(needle))
    else:
        matches = _matcher(language, query)
        spans = [m.span() for m in WORD.finditer(text) if matches(m.group())]
    first = spans[0][0] if spans else 0
    begin = max(0, first - length // 3)
    # Start at a word where words are spaced (never past the first match).
    space = text.find(" ", begin, first)
    if begin > 0 and space != -1:
        begin = space + 1
    end = min(len(text), begin + length)
    out, cursor = [], begin
    for start, stop in spans:
        if start < begin or stop > end:
            continue
        out.append(escape(text[cursor:start]))
        out.append(f"<mark>{escape(text[start:stop])}</mark>")
        cursor = stop
    out.append(escape(text[cursor:end]))
    prefix = "…" if begin > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(out).replace("\n", " ") + suffix)
