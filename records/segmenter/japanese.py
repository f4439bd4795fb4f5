"""Japanese release texts (the ministry's originals).

::

    トップページ > 国・地域 > ロシア連邦   <- breadcrumb (topic: the last crumb that names one)
    日露首脳会談                          <- title (optional: else the lead's first sentence;
    （結果概要）                              it may go on on a second line)
    平成29年7月7日                        <- date: era (令和, 平成, 昭和; 元年) or western,
                                             with or without a weekday (「（木曜日）」)
    英語版（English）                      <- a link to the other language: navigation
    日露首脳会談(写真提供:内閣広報室)      <- photo lines; also "- 日露首脳会談" caption bullets
    (写真提供:内閣広報室)                  <- a credit alone: the credit of the caption above,
                                             or a photo without caption text
    安倍総理大臣は、…。                    <- body
    1 北方領土問題                        <- section: number, space, no dot
    - (1) 見出し / - ア 項目 / - (ア) 項目 / - ・本文  <- a list dash may open any line
    ① 本文 / ● 項目 / ○ 下位の項目         <- circled numbers as (1); ○ under ●
    【二国間関係】                         <- a heading without a number
    外務大臣　林　芳正                     <- a table row: never joined to its neighbours
    令和5年7月14日（金曜日）15時00分 於：本省会見室   <- a press conference's date line
    関連リンク / 日露関係                   <- related links: navigation, dropped
    日露関係へ戻る                        <- navigation, dropped (このページのトップへ戻る too)

Digits, brackets and punctuation may be full- or half-width (``（１）``, ``(1)``, ``、。`` or
``，．``); markers are matched in either form and the text is kept as written.
"""

from __future__ import annotations

import re

from ..numbering import KATAKANA
from ..vocabulary import MarkerStyle
from .common import BULLET, HEADING, ITEM, folded
from .conventions import Conventions, Marker

_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_DATE = re.compile(
    r"(?:(?P<era>令和|平成|昭和)\s*(?P<era_year>\d{1,2}|元)|(?P<year>\d{4}))\s*年\s*"
    r"(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日(?:\s*\((?:.|[月火水木金土日]曜日?)\))?"
    # A press conference's time and place after its date: 「15時00分 於：本省会見室」.
    r"(?:\s*(?:午前|午後)?\d{1,2}時(?:\d{1,2}分)?(?:\s*[～~〜-]\s*\d{1,2}時(?:\d{1,2}分)?)?)?"
    r"(?:\s*於\s*[:：]?.*)?"
)
_OPEN = "(（"
_CLOSE = ")）"
_DIGITS = "0-9０-９"
_CREDIT = re.compile(r"\s*[(（]\s*写真(?:提供)?\s*[:：]\s*(?P<credit>.*?)\s*[)）]$")
_PREFIX = re.compile(r"写真\s*[0-9０-９]*\s*[:：]\s*")
_DASH = re.compile(r"[-－‐−–—]\s+")
_DECIMAL = re.compile(rf"(?P<marker>[{_DIGITS}]{{1,2}}[.．]?)(?:\s+(?P<text>\S.*))?")
_PARENTHESISED = re.compile(rf"(?P<marker>[{_OPEN}][{_DIGITS}]{{1,2}}[{_CLOSE}])\s*(?P<text>\S.*)?")
_KATAKANA = re.compile(rf"(?P<marker>[{KATAKANA}])\s+(?P<text>\S.*)")
_NESTED = re.compile(rf"(?P<marker>[{_OPEN}][{KATAKANA}][{_CLOSE}])\s*(?P<text>\S.*)?")
_BULLET = re.compile(r"(?P<marker>[・･•●■◆])\s*(?P<text>\S.*)?")
# A hollow bullet under a solid one: the second level of a list.
_INNER_BULLET = re.compile(r"(?P<marker>[○◯□◇])\s*(?P<text>\S.*)?")
# Circled numbers (①, ②): parenthesised decimals, as 「（1）」 in the same place.
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CIRCLED_NUMBER = re.compile(rf"(?P<marker>[{_CIRCLED}])\s*(?P<text>\S.*)?")
# A heading in lenticular brackets alone on its line: 「【二国間関係】」, 「【参考】」.
_BRACKETED_HEADING = re.compile(r"【[^【】]+】")
_NOTE = re.compile(r"[(（]\s*注|※|注\s*[:：)）]")
_NAVIGATION = re.compile(r"(?P<target>.*?)\s*(?:へ|に)戻る")
# Links within the page or site that name no topic (「このページのトップへ戻る」, 「目次へ戻る」),
# and the closing mark 「(了)」: navigation, dropped.
_PAGE_LINK = re.compile(r"(?:この)?ページ(?:の)?(?:トップ|先頭|上部?)|目次|トップ|[(（]了[)）]")
# Links to the same page in another language (「英語版（English）」, 「（英文）」): navigation.
_LANGUAGE_LINK = re.compile(
    r"[(（]?(?:英語版|英文|和文|日本語版?|English(?:\s+version)?)[)）]?"
    r"(?:\s*[(（](?:English|英文|Japanese)[)）])?",
    re.IGNORECASE,
)
# The heading of a closing list of links (「関連リンク」, 「【関連情報】」).
_LINKS_HEADING = re.compile(r"[【\[(（]?(?:関連(?:リンク|情報|ページ|記事)|リンク)[】\])）]?")
# A row of a table laid out with spaces (「外務大臣　林　芳正」): two gaps between wide
# characters, which a Japanese sentence never has.
_ROW_GAP = re.compile(r"(?<=[^\x00-\u2fff]) (?=[^\x00-\u2fff])")
# A short row of two columns (「外務大臣<tab>林芳正」) has one gap and no punctuation.
_ROW_LENGTH = 40
_CREDIT_LINE = re.compile(r"[(（]\s*写真(?:提供)?\s*[:：]\s*(?P<credit>[^()（）]*?)\s*[)）]")
# A line that opens with hiragana, a prolonged sound mark or closing punctuation carries on
# the line above it (a wrapped sentence).
_CONTINUING = re.compile(r"[\u3041-\u309fー、。，．）」』】]")
# "日時：7月7日" — a list of particulars, not a photo caption.
_PARTICULAR = re.compile(r"[^：:]{1,10}[：:]")
_TITLE_WORDS = re.compile(r"会談|会議|電話|訪問|会合|表敬|署名|声明|談話|協議|対話|夕食会|昼食会")


class Japanese(Conventions):
    # A credit alone ("(写真提供:内閣広報室)") is a photo without a caption of its own.
    caption_optional = True

    date_example = '"平成29年7月7日" or "2017年7月7日"'
    sections = frozenset({"報道発表", "プレスリリース", "新着情報", "外務省・新着情報"})
    places = frozenset(
        {"トップページ", "ホーム", "外務省", "国・地域", "外交政策", "会見・発表・広報"}
    )
    credit_line = _CREDIT_LINE
    heading_length = 60
    # Japanese lines hold about half as many (double-width) characters.
    wrapped_heading_length = 24
    title_words = _TITLE_WORDS
    language_link = _LANGUAGE_LINK
    links_heading = _LINKS_HEADING

    def match_date(self, line):
        match = _DATE.fullmatch(folded(line))
        if match is None:
            return None
        if match["era"]:
            era_year = 1 if match["era_year"] == "元" else int(match["era_year"])
            year = _ERAS[match["era"]] + era_year
        else:
            year = int(match["year"])
        return year, int(match["month"]), int(match["day"])

    def match_photo(self, line, prefix_only=False):
        prefix = _PREFIX.match(line)
        if prefix_only and prefix is None:
            return None
        return self.photo_parts(line, prefix, _CREDIT.search(line))

    def navigation(self, line):
        if _PAGE_LINK.fullmatch(line) or self.is_language_link(line):
            return ""
        match = _NAVIGATION.fullmatch(line)
        if match is None:
            return None
        return "" if _PAGE_LINK.fullmatch(match["target"]) else match["target"]

    def match_marker(self, line):
        dash = _DASH.match(line)
        rest = line[dash.end() :] if dash else line
        match = _PARENTHESISED.fullmatch(rest)
        if match:
            return Marker(HEADING, match["marker"], match["text"], 2, MarkerStyle.PARENTHESISED)
        match = _NESTED.fullmatch(rest)
        if match:
            value = KATAKANA.index(match["marker"][1]) + 1
            return Marker(
                ITEM, match["marker"], match["text"], 4, values=((MarkerStyle.LOWER_LATIN, value),)
            )
        match = _KATAKANA.fullmatch(rest)
        if match:
            value = KATAKANA.index(match["marker"]) + 1
            return Marker(
                ITEM, match["marker"], match["text"], 3, values=((MarkerStyle.LOWER_LATIN, value),)
            )
        match = _CIRCLED_NUMBER.fullmatch(rest)
        if match:
            return Marker(HEADING, match["marker"], match["text"], 2, MarkerStyle.PARENTHESISED)
        match = _BULLET.fullmatch(rest)
        if match:
            return Marker(BULLET, match["marker"], match["text"], 1)
        match = _INNER_BULLET.fullmatch(rest)
        if match:
            return Marker(BULLET, match["marker"], match["text"], 2)
        if _BRACKETED_HEADING.fullmatch(rest):
            return Marker(HEADING, "", rest, 1, MarkerStyle.NONE)
        if dash:
            # Inside a section every line may carry the list dash; a plain one is a bullet.
            return Marker(BULLET, dash.group().strip(), rest or None, 1)
        match = _DECIMAL.fullmatch(line)
        if match and not folded(match["marker"]).rstrip(".").startswith("0"):
            return Marker(HEADING, match["marker"], match["text"], 1, MarkerStyle.DECIMAL)
        return None

    def is_note(self, line):
        return _NOTE.match(line) is not None

    def is_row(self, line):
        gaps = len(_ROW_GAP.findall(line))
        return gaps >= 2 or (
            gaps == 1 and len(line) <= _ROW_LENGTH and not any(mark in line for mark in "、。，．")
        )

    def caption_like(self, text):
        return super().caption_like(text) and not _PARTICULAR.match(text)

    def starts_anew(self, line):
        # No capitals in Japanese: a bullet goes on with a list of captions, a number opens
        # the body (so the short line above it is a lead), and otherwise only the first
        # character tells a new sentence from the rest of a wrapped one.
        marker = self.match_marker(line)
        if marker is not None:
            return marker.kind == BULLET
        return _CONTINUING.match(line) is None
