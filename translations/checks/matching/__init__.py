"""Find glossary terms in running text, inflection- and width-aware, with original offsets.

Two matching modes (``config.languages``: WORDS or CHARACTERS) share one idea: normalise a
copy of the text, keep a map back to the original offsets, and scan it with ONE Aho-Corasick
automaton holding every term of the language. Invisible format characters (zero-width space
and joiners, word joiner, soft hyphen, bidi controls, BOM) are dropped first in both modes, so
"サ\\u200bミット" is "サミット"; offsets still index the original text.

Word mode (English, Russian)
    The text is split into word tokens (letters/digits/combining marks; internal hyphens and
    apostrophes belong to the word: "tête-à-tête", "vice-ministerial", "Japan’s") and single
    punctuation characters. Each word gets a set of *keys* (:mod:`.words`):

    - case-insensitive keys: NFKC ("ＯＤＡ" is "ODA"), casefold, ``ё``→``е``, ``’``→``'``,
      dash variants→``-``, no hyphen between a letter and a digit ("G-7" is "G7");
      English: accents stripped ("tete-a-tete" = "tête-à-tête"), the rule-based
      plural/possessive fold of :func:`english_fold`, and British and American spellings
      as one (:func:`~translations.glossary.words.english_spelling`: "defence"/"defense",
      "Organisation"/"Organization", "centre"/"center", plus "crises" and "fishermen");
      Russian: every pymorphy3 normal form of every parse (a text word matches a term word
      when their lemma sets intersect), plus a crude stem ``~stem`` that the *term* side only
      registers for words the dictionary does not know (so unknown proper names such as
      "Мотеги"/"Мотегой" still match when the guesser's lemmas disagree);
    - case-sensitive keys (only for words of case-sensitive terms): the exact surface form
      (NFKC, ``ё``→``е``, letter-digit hyphens dropped), and for an all-capitals
      abbreviation also its inflected forms: English "TORs", "TOR's", "TORs'"; Russian
      "ТОРы", "ТОРах", "ТОР-ов" (caps stem plus a lowercase ending of up to three letters).
      "Tor", "tor" and "TORONTO" never match "TOR".

    Every distinct key used by a term word is given a *symbol* (two private-use characters,
    see "the two-character alphabet" in :mod:`.normalize`); a term's automaton key is the
    string of its units' symbols (one key per combination when a term word has several
    lemmas). Punctuation inside a term is a unit of its own ("C++" is C, +, +; "U.S." is U,
    ., S, .), so "C++" never matches "Plan C". Punctuation in the text that no term contains
    becomes a BREAK symbol, so "peace, treaty" is not "peace treaty"; whitespace of any kind
    is ignored. The text becomes one symbol per token (FILLER for words outside the term
    vocabulary), which gives word boundaries for free. A text word with several keys in the
    vocabulary (e.g. "стали": сталь/стать) is *ambiguous*: the fast ``iter()`` scan uses its
    first symbol, then every start position within reach of an ambiguous word is re-walked
    through the same automaton used as a trie (``match``/``get``), trying every alternative
    of every ambiguous word. That walk is exact and pruned by the glossary's own prefixes.

    Hyphens: a hyphenated text word that is no term word reads as the term written closed
    ("co-operation" is "cooperation"), else it is split into its parts, each a unit with its
    own offsets: "supply-chain resilience" holds "supply chain" (a modifier is hyphenated),
    "ODA-funded" holds "ODA", "India-Pakistan" holds "India". A hyphenated term also matches
    with its words apart or closed ("Indo Pacific", "cease fire", "ceasefire").

    Matching is linear in the text: tokens come from one regular-expression pass that never
    backtracks across tokens, and each token costs bounded work (a word longer than twice the
    longest term word is not analysed: no key of it can match).

Character mode (Japanese)
    NFKC (full-width "ＴＯＲ"→"TOR", "（"→"(", half-width katakana "ﾃﾀﾃ"→"テタテ", voiced
    marks composed) plus casefold, computed per grapheme-ish cluster so each normalised
    character maps back to its original span. Terms match anywhere (Japanese has no word
    boundaries), except that a term edge that is a Latin/Cyrillic/Greek letter or a digit may
    not touch another such character ("TOR" is not in "TORONTO", "8項目" is not in "18項目").
    Case-sensitive terms are verified against the NFKC (not casefolded) original slice. A
    match may not split what one original character cluster became ("ß"→"ss"). Spelling
    that does not change a word is then dropped from both the text and the term keys
    (``fold_japanese``): quotation brackets 「」『』 (an occurrence keeps those the term has),
    the counter after a number ("7ヶ国", "7カ国", "7ヵ国" are "7か国"), whitespace
    ("気候\\n変動"; one space is kept between two Latin letters or digits), the middle dot
    between katakana ("サプライ・チェーン"), the long vowel mark ending a katakana word
    ("セキュリティー" = "セキュリティ") and a hyphen between a letter and a digit ("Ｇ－７" =
    "G7"). A term edge in a run of at most four katakana (a short loanword: インド, タイ) may
    not touch a katakana character of the text, so インド is not found in インドネシア; a
    middle dot between them is a boundary ("インド・パキスタン"). A term that is a list of
    one-kanji country names (日米) may not touch another one (it is not in 日米豪印, 日米韓).

Both modes return leftmost-longest, non-overlapping occurrences ordered by start. An occurrence
that matches several glossary terms (the same key in two concepts, or both readings of an
ambiguous word) yields one :class:`TermMatch` per term, all with the same span; a term found
only by a derived spelling (hyphen-joined, split or closed, quotes left out, initials with or
without dots) gives way to a term of its concept found there by its own spelling.

Modules: :mod:`.normalize` (invisible characters, offset maps, the two-character alphabet,
Japanese folding), :mod:`.words` (tokens, English and Russian keys), :mod:`.forms` (a term's
keys and derived spellings, stored with the term so a build lemmatises nothing),
:mod:`.matcher` (the automaton), :mod:`.edges` (where a Japanese term may start and end) and
:mod:`.cache` (one matcher per language and glossary version).
"""

from translations.checks.matching.cache import clear_matcher_cache, matcher_for
from translations.checks.matching.matcher import TermMatch, TermMatcher, TermSpec
from translations.glossary.forms import MATCH_FORMS_VERSION, match_forms_version, term_match_forms
from translations.glossary.normalize import (
    INVISIBLE_CHARACTERS,
    OffsetMap,
    normalize_japanese,
    strip_invisible,
)
from translations.glossary.words import english_fold, morph, russian_lemmas, russian_stem

__all__ = [
    "INVISIBLE_CHARACTERS",
    "MATCH_FORMS_VERSION",
    "OffsetMap",
    "TermMatch",
    "TermMatcher",
    "TermSpec",
    "clear_matcher_cache",
    "english_fold",
    "match_forms_version",
    "matcher_for",
    "morph",
    "normalize_japanese",
    "russian_lemmas",
    "russian_stem",
    "strip_invisible",
    "term_match_forms",
]
