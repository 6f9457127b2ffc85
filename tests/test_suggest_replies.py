"""The questions back of bot/reply/suggest.py, whole: which item (a body or a year alone; an operation with no
item), which reading of one side of a comparison, and a body read from the ending of its name — the text a
user reads, the options, and the body and year the answer carries for the next question of the thread.

The options are the most-asked items of knowledge/data/synonyms.json (`most_asked`), in its order; bodies and
years are those of the bundled reports loaded (开封 2019, 平潭 2019, 2021, 2023).
"""

from __future__ import annotations

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.models import Answer
from knowledge.paths import DATA
from knowledge.store import Store

PT = "平潭综合实验区"
KF = "开封市人民政府"
ITEMS = ["收到的政府信息公开申请", "予以公开", "不予公开", "行政复议", "行政诉讼", "主动公开政府信息"]
HOW = ["多少件", "多少件", "多少件", "多少件", "多少件", "多少条"]


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("suggest_replies") / "kb"
    files = [DATA / "reports" / n for n in ("kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt")]
    assert not ingest(files, Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


def ask(answerer: Answerer, question: str) -> Answer:
    return answerer.answer(question, Context())


def numbered(options: list[str]) -> str:
    return "\n".join(f"{i}. {o}" for i, o in enumerate(options, 1))


@pytest.mark.parametrize(("q", "agency", "year", "prefix", "whose"), [
    ("平潭", PT, 2023, "平潭2023年", f"{PT}2023年（已载入的最新年度）的年报"),  # its newest report, said so
    ("平潭2021年", PT, 2021, "平潭2021年", f"{PT}2021年的年报"),
    ("开封", KF, 2019, "开封2019年", f"{KF}2019年（已载入的最新年度）的年报"),
    ("2023年", None, 2023, "2023年", "2023年的年报"),  # a year alone: no body named
    # 实验区 is read as 平潭综合实验区 (the one body whose name ends so), but a question back gets no note
    ("实验区2023年", PT, 2023, "平潭2023年", f"{PT}2023年的年报"),
])  # fmt: skip
def test_a_body_or_year_alone_asks_which_item_whole(four: Answerer, q: str, agency: str | None, year: int,
                                                    prefix: str, whose: str) -> None:
    a = ask(four, q)
    options = [prefix + item + how for item, how in zip(ITEMS, HOW, strict=True)]
    assert (a.status, a.agency, a.year, a.options) == ("clarify", agency, year, options)
    assert a.text == f"您想了解{whose}中的哪一项？可以选一个，或直接提问：\n" + numbered(options)


def test_an_operation_with_no_item_asks_which_item_whole(four: Answerer) -> None:
    a = ask(four, "平潭哪年最多")
    options = [f"平潭{item}哪年最多" for item in ITEMS]
    assert (a.status, a.options) == ("clarify", options)
    assert a.text == "您想比较哪一项？可以选一个，或直接提问：\n" + numbered(options)


@pytest.mark.parametrize(("q", "year", "options"), [
    # the side after 比 names 结果纠正, a column of both 行政复议 and 行政诉讼 (table 四): the question asked back
    ("平潭2023年予以公开比结果纠正多多少", 2023,
     ["平潭2023年予以公开比行政复议结果纠正多多少", "平潭2023年予以公开比行政诉讼结果纠正多多少"]),
    # the side before 比; two years named: no one year for the thread
    ("平潭2021年和2023年结果纠正比予以公开少多少", None,
     ["平潭2021年和2023年行政复议结果纠正比予以公开少多少", "平潭2021年和2023年行政诉讼结果纠正比予以公开少多少"]),
])  # fmt: skip
def test_one_side_of_a_comparison_with_two_readings_is_asked_back_whole(four: Answerer, q: str, year: int | None,
                                                                        options: list[str]) -> None:
    a = ask(four, q)
    assert (a.status, a.agency, a.year, a.options) == ("clarify", PT, year, options)
    assert a.text == "这个问题可以有几种理解，您问的是哪一个？\n" + numbered(options)


def test_a_body_read_from_its_ending_with_no_figure_gets_no_note(four: Answerer) -> None:
    a = ask(four, "实验区2023年律师费")
    assert (a.status, a.agency, a.year, a.value) == ("unknown", PT, 2023, None)
    assert a.text.split("可以问：")[0] == f"{PT}2023年的年报中没有找到“律师费”的数字或内容。"


def test_a_body_read_from_its_ending_is_answered_with_a_note(four: Answerer) -> None:
    a = ask(four, "实验区2021年行政复议多少件")  # 平潭 2021 表四 行政复议: 维持1 纠正0 其他2 未审结0 总计3
    assert (a.status, a.agency, a.year, a.value) == ("answered", PT, 2021, 3)
    assert a.text.split("\n")[:2] == [f"“实验区”按{PT}理解。",
                                      f"{PT}2021年行政复议3件（结果维持1件、结果纠正0件、其他结果2件、尚未审结0件）。"]


@pytest.mark.parametrize(("q", "agency", "said", "item", "option"), [
    # no body and no year named: the option names none either
    ("不掌控相关信息的多少件", None, "不掌控", "本机关不掌握相关政府信息", "本机关不掌握相关政府信息多少件"),
    # an applicant of table 三 (a column, not a row): offered by its own name
    ("开封2019年商业企叶申请多少件", KF, "商业企叶", "商业企业", "开封2019年商业企业多少件"),
])  # fmt: skip
def test_words_close_to_one_item_offer_it_whole(four: Answerer, q: str, agency: str | None, said: str, item: str,
                                                option: str) -> None:
    a = ask(four, q)
    assert (a.status, a.agency, a.options) == ("clarify", agency, [option])
    assert a.text == f"报告中没有“{said}”这一项。您是想问“{item}”吗？\n1. {option}"


@pytest.mark.parametrize(("q", "said", "word", "option", "value"), [
    # 开封 2019 表四 行政复议: 维持10 纠正2 其他2 未审结5 总计19 — never the 19 for 复议纠证
    ("开封2019年复议纠证多少件", "纠证", "纠正", "开封2019年复议纠正多少件", 2),
    # 行政诉讼 结果纠正: 直接起诉3 + 复议后起诉0 — never the 32 of 行政诉讼
    ("开封2019年行政诉讼败述多少件", "败述", "败诉", "开封2019年行政诉讼败诉多少件", 3),
])  # fmt: skip
def test_a_two_character_typo_of_a_column_word_is_asked_back_never_the_total(four: Answerer, q: str, said: str,
                                                                             word: str, option: str,
                                                                             value: int) -> None:
    a = ask(four, q)
    assert (a.status, a.value, a.options) == ("clarify", None, [option])
    assert a.text == f"报告中没有“{said}”这一项。您是想问“{word}”吗？\n1. {option}"
    picked = four.answer(option, Context())
    assert (picked.status, picked.value) == ("answered", value)


def test_characters_no_word_makes_are_said_back_whole_never_dropped(four: Answerer) -> None:
    a = ask(four, "开封2019年行政复议的嵩岳峻极多少件")  # no item of the report: not 行政复议's 19
    assert (a.status, a.value) == ("unknown", None)
    assert a.text == "报告中没有“嵩岳峻极”这一项；年报只统计行政复议等数字。"


def test_the_words_named_back_are_those_closest_to_the_item(four: Answerer) -> None:
    # “和不掌” is as close to 不掌握 by ratio as “不掌控”, but two edits away: the reply named it
    a = ask(four, "开封2019年律师费和不掌控相关信息的多少件")
    assert (a.status, a.options) == ("clarify", ["开封2019年本机关不掌握相关政府信息多少件"])
    assert a.text == ("报告中没有“不掌控”这一项。您是想问“本机关不掌握相关政府信息”吗？\n"
                      "1. 开封2019年本机关不掌握相关政府信息多少件")


@pytest.mark.parametrize(("q", "agency", "year", "said"), [
    ("律师费多少", None, None, "年报中没有“律师费”这一项的数字或内容。"),
    ("平潭律师费多少", None, None, "年报中没有“律师费”这一项的数字或内容。"),  # no one year asked: no one report named
    ("开封2019年律师费和大闸蟹和停车位和食堂多少", KF, 2019, f"{KF}2019年的年报中没有找到“律师费、大闸蟹、停车位”的数字或内容。"),
])  # fmt: skip
def test_words_the_reports_do_not_know_are_named_at_most_three(four: Answerer, q: str, agency: str | None,
                                                                year: int | None, said: str) -> None:
    a = ask(four, q)
    assert (a.status, a.agency, a.year, a.value) == ("unknown", agency, year, None)
    assert a.text.split("可以问：")[0] == said
