"""The process-wide cache of matchers, one per language and glossary version."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from translations.checks.matching.matcher import TermMatcher, TermSpec

_matchers: dict[str, tuple[str, TermMatcher]] = {}
_matchers_lock = threading.Lock()
_language_locks: dict[str, threading.Lock] = {}


def matcher_for(language: str, version: str, load: Callable[[], Iterable[TermSpec]]) -> TermMatcher:
    """Return the cached matcher for ``(language, version)``, building it with ``load()``.

    One matcher per language is kept: a new version replaces the old one, so glossary edits
    never accumulate automatons. Builds for one language are serialised; others proceed.
    """
    with _matchers_lock:
        cached = _matchers.get(language)
        if cached is not None and cached[0] == version:
            return cached[1]
        lock = _language_locks.setdefault(language, threading.Lock())
    with lock:
        cached = _matchers.get(language)
        if cached is not None and cached[0] == version:
            return cached[1]
        matcher = TermMatcher(load(), language)
        with _matchers_lock:
            _matchers[language] = (version, matcher)
        return matcher


def clear_matcher_cache() -> None:
    """Forget every cached matcher."""
    with _matchers_lock:
        _matchers.clear()
