"""Full-text search of the read model: PostgreSQL text search, or SQLite FTS5.

PostgreSQL keeps a weighted ``tsvector`` per page in the language's configuration
(``russian`` finds inflected forms); unspaced languages index their character bigrams with
``simple``. SQLite keeps an FTS5 table (porter-stemmed words, lemmas, bigrams) whose rowid is
the page id, written with every page (both created by migration 0007).
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F
from django.db.models.expressions import RawSQL

from config import languages

from .models import ReaderPage
from .text import bigrams, query_words, word_lemmas

FTS_TABLE = "records_readersearch"
# bm25 weights of the FTS5 columns: title, body, lemmas, bigrams.
FTS_WEIGHTS = "10.0, 1.0, 2.0, 2.0"
MAX_QUERY_WORDS = 12


def _postgres():
    return connection.vendor == "postgresql"


def _config(language):
    return languages.get(language).search_config or "simple"


def search_index_write(page):
    """Index ``page`` (already saved) for search."""
    if _postgres():
        if languages.get(page.language).search_config is None:
            vector = SearchVector("search_bigrams", config="simple")
        else:
            config = _config(page.language)
            vector = SearchVector("title", weight="A", config=config) + SearchVector(
                "body_text", weight="B", config=config
            )
        ReaderPage.objects.filter(pk=page.pk).update(search_vector=vector)
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [page.pk])
        cursor.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, title, body, lemmas, bigrams) "
            "VALUES (%s, %s, %s, %s, %s)",
            [page.pk, page.title, page.body_text, page.search_lemmas, page.search_bigrams],
        )


def search_index_clear():
    """Empty the search index (the pages are rebuilt next)."""
    if not _postgres():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")


def _quoted(token):
    return '"' + token.replace('"', '""') + '"'


def _fts_expression(language, query):
    """Return the FTS5 MATCH expression for ``query`` in ``language``, or "" for no words."""
    spec = languages.get(language)
    words = query_words(query)[:MAX_QUERY_WORDS]
    if not words:
        return ""
    if spec.search_config is None:
        parts = []
        for word in words:
            grams = bigrams(word)
            if len(word) == 1:
                parts.append(f"bigrams : {_quoted(word)}*")
            else:
                parts.append("bigrams : " + _quoted(" ".join(grams)))
        return " AND ".join(parts)
    if spec.search_lemmas:
        return " AND ".join(
            "lemmas : ("
            + " OR ".join(_quoted(lemma) for lemma in word_lemmas(language, word))
            + ")"
            for word in words
        )
    return " AND ".join("{title body} : " + _quoted(word) for word in words)


def _pg_query(language, query):
    spec = languages.get(language)
    if spec.search_config is not None:
        return SearchQuery(query, config=spec.search_config, search_type="websearch")
    result = None
    for word in query_words(query)[:MAX_QUERY_WORDS]:
        if len(word) == 1:
            if not word.isalnum():
                continue
            part = SearchQuery(f"{word}:*", config="simple", search_type="raw")
        else:
            part = SearchQuery(" ".join(bigrams(word)), config="simple", search_type="phrase")
        result = part if result is None else result & part
    return result


def search_pages(pages, language, query):
    """Return ``pages`` (a ReaderPage queryset of ``language``) matching ``query``, best first
    (``rank`` annotated), or ``pages.none()`` when the query has no words."""
    if _postgres():
        search = _pg_query(language, query)
        if search is None:
            return pages.none()
        return (
            pages.filter(search_vector=search)
            .annotate(rank=SearchRank(F("search_vector"), search))
            .order_by("-rank", "-date", "slug")
        )
    expression = _fts_expression(language, query)
    if not expression:
        return pages.none()
    table = ReaderPage._meta.db_table
    matching = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expression])
    # bm25 is smaller for better matches; negated so that both databases sort "-rank".
    rank = RawSQL(
        f"SELECT -bm25({FTS_TABLE}, {FTS_WEIGHTS}) FROM {FTS_TABLE} "
        f"WHERE {FTS_TABLE} MATCH %s AND rowid = {table}.id",
        [expression],
    )
    return pages.filter(id__in=matching).annotate(rank=rank).order_by("-rank", "-date", "slug")
