"""Where a Japanese term may start and end: the edges character mode checks, and the
quotation brackets an occurrence keeps."""

from translations.glossary.normalize import COUNTRY_KANJI, is_alnum_script, is_katakana

# A katakana run of at most this many characters at a Japanese term's edge is one short
# loanword, found inside longer katakana words it is not part of: インド (India) in
# インドネシア and インドシナ, タイ (Thailand) in タイプ. Such an edge may not touch katakana.
# A longer run is a compound itself (サプライチェーン) and may meet one ("…マネジメント").
SHORT_KATAKANA = 4
# What a Japanese term's edge may not touch (0: anything goes).
_SPACED, _KATAKANA, _COUNTRIES = 1, 2, 3
EDGE_TEST = {
    _SPACED: is_alnum_script,
    _KATAKANA: is_katakana,
    _COUNTRIES: COUNTRY_KANJI.__contains__,
}


_OPENING, _CLOSING = "「『｢", "」』｣"


def with_brackets(text: str, start: int, end: int, term: str) -> tuple[int, int]:
    """Widen a Japanese occurrence over the quotation brackets the match leaves out (they are
    ignorable) when the term has them or the occurrence opens or closes one: "8項目の「協力
    プラン」" ends with its "」", "「気候変動」" holds the term "気候変動" without brackets."""
    if not (
        (start > 0 and text[start - 1] in _OPENING) or (end < len(text) and text[end] in _CLOSING)
    ):
        return start, end
    inside = text[start:end]
    opened = sum(inside.count(c) for c in _OPENING)
    closed = sum(inside.count(c) for c in _CLOSING)
    term = term.strip()
    if start > 0 and text[start - 1] in _OPENING and (closed > opened or term[:1] in _OPENING):
        start -= 1
        opened += 1
    if end < len(text) and text[end] in _CLOSING and (opened > closed or term[-1:] in _CLOSING):
        end += 1
    return start, end


def key_edge(key: str) -> int:
    """Return what the first character of a Japanese key may not follow (see EDGE_TEST)."""
    if is_alnum_script(key[0]):
        return _SPACED
    if len(key) > 1 and COUNTRY_KANJI.issuperset(key):
        # 日米 (Japan–US) is not in 日米豪印 (Japan–US–Australia–India) nor in 日米韓: a
        # list of countries is one word, and a shorter list is not in it.
        return _COUNTRIES
    run = 0
    while run < len(key) and is_katakana(key[run]):
        run += 1
    return _KATAKANA if 0 < run <= SHORT_KATAKANA else 0
