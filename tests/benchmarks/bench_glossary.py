"""Glossary benchmarks on the synthetic glossary (``CONCEPTS``, 10,000 by default): import per
1,000 concepts against a bare ``bulk_create`` of the same rows, and the cold build of each
language's automaton (terms read from the database, no word analysis cached) against a bare
pyahocorasick automaton of the same term texts."""

import functools
import sys

import ahocorasick
import pytest

from config import languages
from translations.checks.matching.cache import clear_matcher_cache
from translations.checks.services import glossary_matcher
from translations.glossary.services import glossary_import
from translations.models import Concept, Term

from . import synthetic
from .conftest import report, timed

pytestmark = pytest.mark.django_db


def glossary_clear():
    Term.objects.all()._raw_delete(Term.objects.db)
    Concept.objects.all()._raw_delete(Concept.objects.db)


def test_bench_glossary_import():
    concepts = synthetic.glossary()
    thousands = len(concepts) / 1000
    print(f"\nglossary: {len(concepts)} concepts")
    seconds, terms = timed(lambda: synthetic.glossary_store(concepts), repeat=1)
    bare = seconds / thousands
    report(f"bulk_create of concepts and {terms} terms, per 1,000 concepts (baseline)", bare)
    glossary_clear()
    seconds, counts = timed(lambda: glossary_import(concepts), repeat=1)
    assert counts["created"] == len(concepts)
    report("glossary import, new concepts, per 1,000 concepts", seconds / thousands, bare)
    seconds, counts = timed(lambda: glossary_import(concepts), repeat=1)
    assert counts["unchanged"] == len(concepts)
    report("glossary import, all unchanged, per 1,000 concepts", seconds / thousands, bare)


def matching_caches_clear():
    """Forget every matcher and every cached word analysis, as in a freshly started worker
    (the morphological dictionary stays loaded: that is the worker's start, not the build)."""
    clear_matcher_cache()
    for name, module in list(sys.modules.items()):
        if name.startswith("translations.checks.matching"):
            for value in vars(module).values():
                if isinstance(value, functools._lru_cache_wrapper):
                    value.cache_clear()


def bare_automaton(texts):
    automaton = ahocorasick.Automaton()
    for index, text in enumerate(texts):
        automaton.add_word(text.casefold(), index)
    automaton.make_automaton()
    return automaton


def test_bench_cold_automaton_build():
    concepts = synthetic.glossary()
    synthetic.glossary_store(concepts)
    print(f"\nglossary: {len(concepts)} concepts")
    for code in (*languages.targets(), languages.DEFAULT_SOURCE):
        texts = list(Term.objects.filter(language=code).values_list("text", flat=True))
        bare, _ = timed(lambda t=texts: bare_automaton(t), repeat=3)
        report(f"bare pyahocorasick build [{code}] ({len(texts)} terms, baseline)", bare)

        def cold_build(language=code):
            matching_caches_clear()
            return glossary_matcher(language)

        seconds, matcher = timed(cold_build, repeat=3)
        assert len(matcher.terms) == len(texts)
        report(f"cold automaton build [{code}], terms read from the database", seconds, bare)
