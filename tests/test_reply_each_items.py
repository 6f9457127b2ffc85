"""Items named apart (“行政复议和行政诉讼分别多少”) for one report, several reports or none chosen yet, pinned for
the mutation run of bot/reply/each.py (issue 25): the whole reply a person reads.

Figures read by hand from knowledge/data/reports/pingtan-2021.txt, table 二: 第二十条第（五）项 行政许可
本年处理决定数量 2293, 第二十条第（六）项 行政处罚 1282 (the 2021 template names the column 本年处理决定数量;
the 2019 one named it 处理决定数量).
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
SRC21 = "来源：《平潭综合实验区2021年度政府信息公开工作年度报告》二、主动公开政府信息情况，"


@pytest.fixture(scope="module")
def pingtan(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("each") / "kb"
    files = [DATA / "reports" / f"pingtan-{y}.txt" for y in (2019, 2021, 2023)]
    assert not ingest(files, Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


def ask(answerer: Answerer, question: str) -> Answer:
    return answerer.answer(question, Context())


def test_two_items_of_a_2021_report_are_named_as_its_template_names_them(pingtan: Answerer) -> None:
    a = ask(pingtan, "平潭2021年行政许可和行政处罚的本年处理决定数量分别多少")
    assert a.text == ("平潭综合实验区2021年行政许可本年处理决定数量2293件。\n"
                      "平潭综合实验区2021年行政处罚本年处理决定数量1282件。\n"
                      f"{SRC21}第二十条第（五）项 · 行政许可 · 本年处理决定数量\n"
                      f"{SRC21}第二十条第（六）项 · 行政处罚 · 本年处理决定数量")
    assert a.breakdown == [("行政许可本年处理决定数量", 2293), ("行政处罚本年处理决定数量", 1282)]
    assert (a.status, a.agency, a.year, a.series) == ("answered", PT, 2021, [])


def test_items_named_apart_without_a_year_ask_which_item(pingtan: Answerer) -> None:
    # 平潭 has three years loaded: the items are offered as questions, not answered for a first report
    a = ask(pingtan, "平潭行政复议和行政诉讼分别多少")
    assert (a.status, a.options) == ("clarify", ["平潭行政复议是多少", "平潭行政诉讼是多少"])
    assert a.text == "这个问题可以有几种理解，您问的是哪一个？\n1. 平潭行政复议是多少\n2. 平潭行政诉讼是多少"


def test_items_named_apart_over_two_years_ask_which_item_for_both_years(pingtan: Answerer) -> None:
    a = ask(pingtan, "平潭2021年和2023年行政复议和行政诉讼分别多少")
    assert (a.status, a.options) == ("clarify", ["平潭2021、2023年行政复议是多少", "平潭2021、2023年行政诉讼是多少"])
    assert a.text == ("这个问题可以有几种理解，您问的是哪一个？\n1. 平潭2021、2023年行政复议是多少\n"
                      "2. 平潭2021、2023年行政诉讼是多少")


def test_an_item_whose_figure_cannot_be_read_is_named_once_with_its_reason(pingtan: Answerer) -> None:
    # table 二 prints 规范性文件 现行有效件数 run on with its neighbours: “693665”; 规章 现行有效件数 0
    a = ask(pingtan, "平潭2021年规章和规范性文件现行有效件数分别多少")
    assert a.text.split("\n")[:2] == [
        "平潭综合实验区2021年规章现行有效件数0件。",
        "平潭综合实验区2021年规范性文件现行有效件数：报告原文此处数字连写为“693665”，无法确定如何拆分（可能是5、65、665、3665），"
        "不能给出数字。"]


# 平潭 2023 (pingtan-2023.txt): 表四 行政复议 维持1 纠正1 其他0 未审结0 总计2; 表三 本年新收 总计81; 一、总体情况
# “2023年全区共主动公开政府信息13561条”.  2021: 行政复议 1/0/2/0 总计3; 本年新收 总计70.
PT_REVIEW_2023 = f"{PT}2023年行政复议2件（结果维持1件、结果纠正1件、其他结果0件、尚未审结0件）。"


def figure_lines(a: Answer) -> list[str]:
    return [ln for ln in a.text.split("\n") if not ln.startswith(("原文", "来源"))]


def test_an_item_of_the_text_and_one_of_a_table_are_each_answered(pingtan: Answerer) -> None:
    # it said “报告中没有‘主动’这一项”: 主动公开政府信息 is a figure of the text, 行政复议 one of table 四
    a = ask(pingtan, "平潭2023年主动公开政府信息和行政复议分别多少")
    assert (a.status, a.agency, a.year) == ("answered", PT, 2023)
    assert figure_lines(a) == [f"{PT}2023年：2023年全区共主动公开政府信息13561条。", PT_REVIEW_2023]


def test_items_of_two_tables_are_each_answered(pingtan: Answerer) -> None:
    # 本年新收申请 (table 三) was dropped for 行政复议 (table 四)
    a = ask(pingtan, "平潭2023年行政复议和本年新收申请分别多少件")
    assert (a.status, a.agency, a.year) == ("answered", PT, 2023)
    assert figure_lines(a) == [PT_REVIEW_2023, f"{PT}2023年本年新收政府信息公开申请81件。"]
    assert a.breakdown == [("行政复议", 2), ("本年新收申请", 81)]
    assert a.series == []


def test_items_of_two_tables_over_two_years(pingtan: Answerer) -> None:
    a = ask(pingtan, "平潭2021年和2023年行政复议和本年新收申请分别多少件")
    assert figure_lines(a) == [f"{PT}行政复议（2021、2023年）：2021年：3件；2023年：2件。",
                               f"{PT}本年新收政府信息公开申请（2021、2023年）：2021年：70件；2023年：81件。"]


def test_items_of_two_tables_with_no_year_ask_the_year_of_the_whole_question(pingtan: Answerer) -> None:
    a = ask(pingtan, "平潭行政复议和本年新收申请分别多少件")
    assert (a.status, a.value) == ("clarify", None)
    assert a.options == [f"{y}年平潭行政复议和本年新收申请分别多少件" for y in (2023, 2021, 2019)]


def test_items_of_two_tables_added_up_are_not_answered_apart(pingtan: Answerer) -> None:
    # 一共: a sum of a 件 of 复议 and a 件 of 申请 is refused, never each figure given as the sum
    a = ask(pingtan, "平潭2023年行政复议和本年新收申请一共多少件")
    assert (a.status, a.value) == ("unknown", None)
    assert a.text == "没能把“行政复议”和“本年新收”读成两个可以相加的数字；可以分别问它们的数字。"
