"""Folding text for comparison and the Russian morphology: one definition for the reader
search, term matching and the translation memory (``translations`` imports it from here).
"""

import functools
import threading
import unicodedata

_morph_lock = threading.Lock()


def fold(text, *, compatibility=True):
    """Return ``text`` casefolded with ``ё`` as ``е``; with ``compatibility`` (the default),
    NFKC first, so full-width letters and digits and other compatibility forms compare as
    their plain forms."""
    if compatibility:
        text = unicodedata.normalize("NFKC", text)
    return text.casefold().replace("ё", "е")


@functools.cache
def _analyzer(language):
    import pymorphy3  # deferred: loading a dictionary costs ~0.1 s and memory

    # pymorphy3 names its dictionaries by language code (pymorphy3-dicts-<code>).
    return pymorphy3.MorphAnalyzer(lang=language)


def morph_analyzer(language="ru"):
    """Return the process-wide pymorphy3 analyser of ``language``, created on first use."""
    with _morph_lock:
        return _analyzer(language)
