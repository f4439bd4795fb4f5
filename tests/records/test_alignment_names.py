"""Names in any script as alignment anchors: 安倍 (romanised with cutlet), Абэ (the Russian
Polivanov transcription of a Japanese name) and Abe are one name, so a Japanese or Russian
file pairs with an English release (and the reverse) where only the names tell which
paragraph is which. Made-up texts; no database."""

import pytest

from records.alignment import anchors as anchors_module
from records.alignment.names import loose_key, name_keys
from records.alignment.proposal import Block, Unit, pieces_of, propose


@pytest.mark.parametrize(
    "forms",
    [
        ("安倍総理", "премьер-министр Абэ", "Prime Minister Abe"),
        ("安倍晋三", "Синдзо Абэ", "Shinzo Abe"),
        ("岸田大臣", "министра Кисиды", "Minister Kishida"),  # an inflected Russian form
        ("林芳正", "Хаяси Ёсимаса", "HAYASHI Yoshimasa"),  # capitals, as the ministry writes
        ("川口", "Кавагути", "Kawaguchi"),  # ち: chi / ти
        ("藤田", "Фудзита", "Fujita"),  # じ: ji / дзи
        ("茂木敏充", "Мотэги Тосимицу", "Motegi Toshimitsu"),
        ("東京", "в Токио", "in Tokyo"),
        ("プーチン大統領", "президентом Путиным", "President Putin"),
    ],
)
def test_a_name_has_one_key_in_japanese_russian_and_english(forms):
    japanese, russian, english = (name_keys(text) for text in forms)

    shared = japanese & russian & english
    assert shared, (japanese, russian, english)


@pytest.mark.parametrize(
    ("one", "other"),
    [("安倍総理", "Minister Kishida"), ("Синдзо Абэ", "Taro Kono"), ("日本", "Japan")],
)
def test_different_names_do_not_meet(one, other):
    assert not name_keys(one) & name_keys(other)


def test_a_key_is_too_short_below_three_letters():
    assert loose_key("Li") == "" and loose_key("Abe") == "abe"


# An English release of four paragraphs; the other side leaves out Mr. Kishida's paragraph.
# Its length is as close to the Motegi paragraph as Mr. Motegi's own: only the names tell.
ENGLISH = [
    "The Foreign Ministers of Japan and Freedonia held talks on the morning of May 16.",
    "Mr. Kishida stated that the two countries should deepen their economic relations.",
    "Mr. Motegi expressed his hope for an early visit to Japan by the President of Freedonia.",
    "The two ministers agreed to meet again in the autumn.",
]
JAPANESE = [
    "5月16日午前、日本とフリードニアの外務大臣は会談を行った。",
    "茂木大臣から、大統領の早期訪日への期待を表明した。",
    "両外相は、秋に改めて会談することで一致した。",
]
RUSSIAN = [
    "Утром 16 мая министры иностранных дел Японии и Фридонии провели переговоры.",
    "Господин Мотэги выразил надежду на скорый визит президента в Японию.",
    "Министры договорились вновь встретиться осенью.",
]
# What each English paragraph takes from the other side (block numbers), and the reverse.
EXPECTED = {("en", "ja"): {1: (1,), 2: (), 3: (2,), 4: (3,)}}
EXPECTED[("en", "ru")] = EXPECTED[("en", "ja")]
EXPECTED[("ja", "en")] = {1: (1,), 2: (3,), 3: (4,)}
EXPECTED[("ru", "en")] = EXPECTED[("ja", "en")]
TEXTS = {"en": ENGLISH, "ja": JAPANESE, "ru": RUSSIAN}


def taken(source, target):
    units = [Unit(n, "paragraph", 0, text, "") for n, text in enumerate(TEXTS[source], 1)]
    blocks = [Block(n, "paragraph", 0, text, 10 + n, "") for n, text in enumerate(TEXTS[target], 1)]
    pieces, _cuts = pieces_of(propose(units, blocks, source, target), blocks)
    return {unit: tuple(block for block, _part in found) for unit, found in pieces.items()}


@pytest.mark.parametrize(("source", "target"), sorted(EXPECTED))
def test_names_pair_the_paragraphs_across_scripts(source, target):
    assert taken(source, target) == EXPECTED[source, target]


@pytest.mark.parametrize(("source", "target"), [("en", "ru"), ("ja", "en")])
def test_without_the_names_the_same_texts_pair_wrongly(monkeypatch, source, target):
    monkeypatch.setattr(anchors_module, "name_keys", lambda text: frozenset())

    assert taken(source, target) != EXPECTED[source, target]
