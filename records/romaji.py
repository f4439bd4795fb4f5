"""Japanese written in Latin letters (Hepburn), for the slugs of topics and releases.

``cutlet`` reads the text with ``fugashi`` (MeCab) and the ``unidic-lite`` dictionary and
writes each word's reading in Hepburn. Two choices make the result the way slugs on the
ministry's own site read: long vowels are left unmarked (連邦 ``renpo``, 外務省 ``gaimusho``,
情報 ``joho``; ``ei`` stays, as in 経済 ``keizai``), and loanwords are written from their
kana, not from a foreign spelling (ロシア ``roshia``, not ``Rossiya``).

The dictionary is loaded once per process, on first use; MeCab's tagger is not shared
between threads.
"""

from __future__ import annotations

import re
import threading
from functools import cache

# Kana, CJK ideographs (with the iteration mark 々) and the prolonged sound mark: text
# that needs romanising.
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\uff66-\uff9f]")
# A long vowel is written ウ (or オ) in a word's kana and ー in its pronunciation.
_LONG = "ー"
_LENGTHENERS = "ウオ"
_lock = threading.Lock()
# 日 alone beside 「・」 is Japan (日・ASEAN, 米・日), read nichi, not hi (the sun).
_JAPAN = re.compile(r"(?<![\u3400-\u9fff\u3005])日(?=・)|(?<=・)日(?![\u3400-\u9fff\u3005])")


def has_japanese(text):
    """Tell whether ``text`` holds kana or kanji (and so needs romanising for a slug)."""
    return bool(_JAPANESE.search(text or ""))


def _short_vowels(kana, pronunciation):
    """Return a word's kana without the letters that only lengthen a vowel."""
    if len(kana) != len(pronunciation):
        return kana.replace(_LONG, "")
    return "".join(
        letter
        for letter, sound in zip(kana, pronunciation, strict=True)
        if letter != _LONG and not (sound == _LONG and letter in _LENGTHENERS)
    )


@cache
def _romaniser():
    import cutlet
    import jaconv

    class Hepburn(cutlet.Cutlet):
        def romaji_word(self, word):
            feature = word.feature
            plain = (
                word.surface not in self.exceptions
                and not word.surface.isascii()
                and feature.pos1 not in ("補助記号", "助詞")
            )
            if plain and word.is_unk and "\u30a0" <= word.surface[0] <= "\u30ff":
                return self.map_kana(jaconv.kata2hira(word.surface.replace(_LONG, "")))
            if plain and not word.is_unk and feature.kana and feature.pron:
                kana = _short_vowels(feature.kana, feature.pron)
                return self.map_kana(jaconv.kata2hira(kana))
            return super().romaji_word(word)

    return Hepburn(use_foreign_spelling=False)


def romanise(text):
    """Return ``text`` in Latin letters (Hepburn, long vowels unmarked); ASCII stays."""
    if not has_japanese(text):
        return text
    text = _JAPAN.sub("にち", text)
    with _lock:
        return _romaniser().romaji(text, capitalize=False)


def proper_nouns(text):
    """Return the proper nouns of ``text`` (people, places: 安倍 ``abe``, 東京 ``tokyo``) in
    Latin letters, in order; none when it holds no Japanese."""
    if not has_japanese(text):
        return []
    with _lock:
        romaniser = _romaniser()
        return [
            romaniser.romaji_word(word)
            for word in romaniser.tagger(text)
            if word.feature.pos2 == "固有名詞" and has_japanese(word.surface)
        ]
