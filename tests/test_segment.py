"""The segmenter: no made-up words for characters it does not know, and its start-up warm-up."""

from __future__ import annotations

from bot.understand import lexicon, segment
from bot.understand.match import read


def test_unknown_characters_are_not_glued_into_guessed_words() -> None:
    # jieba's HMM would make “嵩岳峻” a word; a question's leftover words are only dictionary words or characters
    assert segment.cut("行政复议的嵩岳峻极多少件") == ["行政复议", "的", "嵩", "岳", "峻", "极", "多少", "件"]
    # but the characters no word of its dictionary makes are one word the question asks about, not four too
    # short to count (they were dropped, and the question answered with 行政复议's total)
    assert read("行政复议的嵩岳峻极", lexicon.default()).unexplained == ["嵩岳峻极"]
    # a word of the dictionary the cut went around (转|到 before 下一年继续办) stays in pieces
    assert read("转到下一年继续办的申请", lexicon.default()).unexplained == ["转", "到"]
    # nor a run whose characters make words with the single characters beside it (哪种, 最多)
    assert read("结果纠正哪种最多", lexicon.default()).unexplained == ["种", "最"]
    # nor an operation word (比: “A比B多多少”) with the character before it (率 of 公开率)
    assert read("公开率比予以公开多多少", lexicon.default()).unexplained == ["率"]


def test_the_warm_up_loads_the_dictionary_once() -> None:
    segment.warm()
    assert segment.tokenizer.cache_info().currsize == 1
    assert segment.tokenizer().initialized
