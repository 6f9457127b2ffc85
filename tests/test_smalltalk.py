"""Messages that are not questions (你好, 谢谢, 帮助, 退出): what each is taken for, the reply a user reads, and
the example questions offered with it — whole texts, written by hand."""

from __future__ import annotations

import pytest

from bot.understand.smalltalk import examples, kind, reply

KAIFENG, PINGTAN = "开封市人民政府", "平潭综合实验区"


@pytest.mark.parametrize(("message", "what"), [
    ("你好", "greeting"), ("您好呀！", "greeting"), ("Hello!", "greeting"), ("在吗？", "greeting"),
    ("谢谢！", "thanks"), ("多谢您啦", "thanks"), ("Thank you", "thanks"), ("thanks", "thanks"), ("好的", "thanks"),
    ("帮助", "help"), ("怎么用？", "help"), ("你能做什么", "help"),
    ("退出", "exit"), (" 再见 。", "exit"), ("Bye", "exit"),
])
def test_a_word_between_questions_is_taken_for_what_it_is(message: str, what: str) -> None:
    assert kind(message) == what


@pytest.mark.parametrize("message", ["", "。。。", "2019年行政复议多少件", "你好，2019年行政复议多少件", "谢谢你们的报告",
                                     "你好你好你好你好你好你好你好"])
def test_a_question_or_a_longer_message_is_not_small_talk(message: str) -> None:
    assert kind(message) is None


def test_the_replies_a_user_reads() -> None:
    assert reply("greeting", ["开封2019年行政复议多少件", "平潭近5年行政复议多少件"]) == (
        "你好！我回答政府信息公开工作年度报告里的问题，数字取自报告原文并注明出处。\n例如：\n"
        "• 开封2019年行政复议多少件\n• 平潭近5年行政复议多少件")
    assert reply("thanks", ["开封2019年行政复议多少件"]) == (
        "不客气！还有问题可以接着问。\n例如：\n• 开封2019年行政复议多少件")
    assert reply("help", []) == "直接问年报里的数字或内容就行，写明机关和年份更准确；可以接着追问“那2021年呢？”。"
    assert reply("exit", ["开封2019年行政复议多少件"]) == "再见！"


def test_examples_ask_a_trend_of_the_body_with_most_years_then_one_question_each() -> None:
    years = {KAIFENG: [2019], PINGTAN: [2019, 2021, 2023]}
    assert examples(years, 4) == ["平潭近5年行政复议多少件", "开封2019年收到多少政府信息公开申请",
                                  "平潭2023年行政复议多少件", "平潭2023年收到多少政府信息公开申请"]
    assert examples(years, 2) == ["平潭近5年行政复议多少件", "开封2019年收到多少政府信息公开申请"]
    assert examples(years) == ["平潭近5年行政复议多少件", "开封2019年收到多少政府信息公开申请",
                               "平潭2023年行政复议多少件"]


def test_only_one_trend_question_and_the_newest_body_first() -> None:
    assert examples({KAIFENG: [2019, 2020], PINGTAN: [2021, 2023]}, 2) == [
        "平潭近3年行政复议多少件", "开封2020年收到多少政府信息公开申请"]
    # more years first, then the newest year — not the order of the names (平 comes before 开)
    assert examples({KAIFENG: [2019, 2020, 2021], PINGTAN: [2023]}, 2) == [
        "开封近3年行政复议多少件", "平潭2023年收到多少政府信息公开申请"]
    assert examples({KAIFENG: [2023], PINGTAN: [2021]}, 2) == [
        "开封2023年行政复议多少件", "平潭2021年收到多少政府信息公开申请"]
    # same number of years, same newest year: by name (平 before 开 in code-point order)
    assert examples({KAIFENG: [2023], PINGTAN: [2023]}, 2) == [
        "平潭2023年行政复议多少件", "开封2023年收到多少政府信息公开申请"]


def test_one_body_is_not_named_and_gets_at_most_the_four_kinds_of_question() -> None:
    assert examples({KAIFENG: [2019, 2020]}) == ["近2年行政复议多少件", "2020年行政复议多少件",
                                                 "2020年收到多少政府信息公开申请"]
    assert examples({KAIFENG: [2023]}, 6) == ["2023年行政复议多少件", "2023年收到多少政府信息公开申请",
                                              "2023年不予公开多少件", "2023年存在哪些主要问题"]


def test_no_loaded_years_no_examples() -> None:
    assert examples({}) == []
    assert examples({KAIFENG: []}) == []
