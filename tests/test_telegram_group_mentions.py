"""A group question without the bot's @username: the mention (any letter case) and the spaces and
punctuation around the question go, the question's own letters stay."""

from __future__ import annotations

from bot.tg.handlers import strip_mention


def test_the_mention_and_the_punctuation_around_the_question_go():
    assert strip_mention("@nianbao_test_bot ，2019年行政复议多少件：", "nianbao_test_bot") == "2019年行政复议多少件"
    assert strip_mention("@Nianbao_Test_Bot\t2019年行政复议多少件\n", "nianbao_test_bot") == "2019年行政复议多少件"
    assert strip_mention("2019年行政复议多少件 @nianbao_test_bot", None) == "2019年行政复议多少件 @nianbao_test_bot"


def test_a_question_beginning_or_ending_in_a_latin_letter_keeps_it():
    assert strip_mention("@nianbao_test_bot X市2019年行政复议多少件", "nianbao_test_bot") == "X市2019年行政复议多少件"
    assert strip_mention("@nianbao_test_bot 行政复议有多少件是关于XX", "nianbao_test_bot") == "行政复议有多少件是关于XX"
