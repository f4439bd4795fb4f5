"""ASCII slugs from any script: Hepburn for Japanese (cutlet), GOST 7.79 B for Cyrillic."""

import datetime
import re

import pytest

from records.models import Topic
from records.romaji import has_japanese, romanise
from records.segmenter import parse_release_text
from records.services.topics import topic_for_text
from records.slugs import ROMANISED_LENGTH, release_slug, slug_from


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("ロシア連邦", "roshia-renpo"),
        ("大韓民国", "daikan-minkoku"),
        ("アメリカ合衆国", "amerika-gasshukoku"),
        ("総理大臣", "sori-daijin"),
        ("外務省・新着情報", "gaimusho-shinchaku-joho"),
        ("日露首脳会談", "nichiro-shuno-kaidan"),
        # "ei" is no long vowel in Hepburn; a loanword's ー is dropped like the others.
        ("東方経済フォーラム", "toho-keizai-foramu"),
        # A verb's final う is a syllable, not a long vowel.
        ("両首脳の思う未来", "ryoshuno-no-omou-mirai"),
        ("日韓関係（Ｇ２０）", "nikkan-kankei-g20"),
        ("Japan-Russia Relations", "japan-russia-relations"),
        ("Российско-японские отношения", "rossijsko-yaponskie-otnosheniya"),
        ("・・・", ""),
        ("", ""),
    ],
)
def test_slug_from_any_script(text, slug):
    assert slug_from(text) == slug


def test_romanised_slug_is_ascii_and_stops_at_a_word():
    title = "外務大臣とロシア連邦外務大臣との会談及びワーキング・ディナーの開催について" * 2

    slug = slug_from(title)

    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert len(slug) <= ROMANISED_LENGTH
    assert romanise(title).lower().replace(" ", "-").replace("/", "-").startswith(slug)
    assert release_slug(title, datetime.date(2021, 11, 25), "topic").endswith("-2021-11-25")


def test_only_japanese_text_is_romanised():
    assert has_japanese("日露") and has_japanese("ロシア") and not has_japanese("Россия")
    assert romanise("Japan, 2017") == "Japan, 2017"


@pytest.mark.django_db
def test_new_topic_never_takes_over_a_slug_held_by_a_topic_named_otherwise():
    Topic.objects.create(slug="koshi", name_ja="公使")
    parsed = parse_release_text("行使\n令和3年11月25日\n本文。\n", "ja")
    same = parse_release_text("公使\n令和3年11月25日\n本文。\n", "ja")

    assert slug_from("行使") == "koshi"
    assert topic_for_text(parsed, source="ja").slug == "koshi-2"
    assert topic_for_text(same, source="ja").slug == "koshi"
