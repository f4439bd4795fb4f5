"""One folding of text and one Russian analyser for search, term matching and the memory."""

from records.folding import fold, morph_analyzer
from records.reader.text import normalize
from translations.glossary.words import morph, russian_fold
from translations.memory.text import similarity_units


def test_fold_casefolds_writes_yo_as_ye_and_undoes_full_width():
    assert fold("ＴＯＲ и Ёлка") == "tor и елка"
    assert fold("ＴＯＲ", compatibility=False) == "ｔｏｒ"


def test_search_memory_and_term_matching_fold_alike():
    text = "Ёжик ＴＯＲ"
    assert normalize(text) == fold(text)
    assert similarity_units(text, "ru") == ["ежик", "tor"]
    assert russian_fold("Ёжик") == fold("Ёжик")


def test_one_russian_analyser_is_shared():
    assert morph() is morph_analyzer("ru") is morph_analyzer()
    assert morph_analyzer("ru").parse("территорий")[0].normal_form == "территория"
