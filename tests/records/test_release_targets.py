"""Which languages a release is translated into: one answer for every path."""

import pytest

from records.models import Release, Topic


@pytest.fixture
def japanese_original(db):
    topic = Topic.objects.create(slug="russia", name="Russia")
    return Release.objects.create(
        slug="nichiro", topic=topic, date="2017-07-07", title="日露", source_language="ja"
    )


def test_every_language_but_the_source_is_a_target(japanese_original):
    assert list(japanese_original.target_languages) == ["en", "ru"]
    for code in ("en", "ru"):
        assert japanese_original.target_refusal(code) == ""


def test_the_source_language_is_refused_by_name(japanese_original):
    refusal = japanese_original.target_refusal("ja")
    assert refusal.startswith("ja is not a target language of “nichiro”")
    assert "Japanese is the source language (its targets: en, ru)" in refusal


def test_an_unknown_language_is_refused_as_one_concord_does_not_keep(japanese_original):
    refusal = japanese_original.target_refusal("fr")
    assert "fr is not a target language of “nichiro”" in refusal
    assert "not a language Concord keeps" in refusal
