"""Items named together and asked as one figure are added, with each term shown; never one of them alone.

开封 2019 (knowledge/data/reports/kaifeng-2019.txt), table 三: 予以公开 342, 部分公开 30, 不予公开 85,
无法提供 58, 办理结果总计 526; 本年新收 527 (自然人 482, 法人或其他组织 45, of which 商业企业 38), 上年结转 5.
Table 四: 行政复议 19, 行政诉讼 32.
"""

from __future__ import annotations

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.paths import DATA
from knowledge.store import Store

T3 = "\n来源：《开封市人民政府2019年政府信息公开工作年度报告》三、收到和处理政府信息公开申请情况"
T4 = "\n来源：《开封市人民政府2019年政府信息公开工作年度报告》四、政府信息公开行政复议、行政诉讼情况"
KF = "开封市人民政府2019年"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("sums") / "kb.json"
    assert not ingest([DATA / "reports" / "kaifeng-2019.txt"], Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db), warm=False)


@pytest.mark.parametrize(("q", "value", "formula", "text"), [
    ("开封2019年予以公开和部分公开一共多少件", 372, "予以公开342 + 部分公开30 = 372",
     f"{KF}予以公开、部分公开合计372件（予以公开342 + 部分公开30 = 372；报告未单列此数，由表中数字相加）。{T3}"),
    ("开封2019年予以公开与部分公开之和", 372, "予以公开342 + 部分公开30 = 372", None),
    ("开封2019年行政复议和行政诉讼一共多少件", 51, "行政复议19 + 行政诉讼32 = 51",
     f"{KF}行政复议、行政诉讼合计51件（行政复议19 + 行政诉讼32 = 51；报告未单列此数，由表中数字相加）。{T4}"),
    ("开封2019年自然人和商业企业加起来申请多少件", 520, "自然人提出的申请482 + 商业企业提出的申请38 = 520", None),
    ("开封2019年本年新收和上年结转一共多少件", 532, "本年新收政府信息公开申请527 + 上年结转政府信息公开申请数量5 = 532", None),
])  # fmt: skip
def test_two_items_asked_together_are_added(answerer: Answerer, q: str, value: int, formula: str,
                                            text: str | None) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.value, a.unit, a.formula) == ("answered", value, "件", formula)
    assert text is None or a.text == text


def test_the_share_of_two_items_together_adds_them_first(answerer: Answerer) -> None:
    a = answerer.answer("开封2019年予以公开及部分公开占比多少", Context())
    assert (a.status, a.value, a.unit) == ("answered", 70.72, "%")
    assert a.formula == "(予以公开342 + 部分公开30) ÷ 本年度办理结果总计526 = 70.72%"
    assert a.text == (f"{KF}予以公开、部分公开占本年度办理结果总计的70.72%（(予以公开342 + 部分公开30) ÷ "
                      f"本年度办理结果总计526 = 70.72%；报告未直接给出，由表中数字计算）。{T3}")


NOT_ADDED = "不能相加（一项包含另一项，或是同一等式的两边）；可以分别问它们的数字。"


@pytest.mark.parametrize(("q", "text"), [
    # the total and one of its parts (not 526 + 342 = 868), in either order
    ("开封2019年办理结果总计和予以公开一共多少", f"“本年度办理结果总计”和“予以公开”{NOT_ADDED}"),
    ("开封2019年予以公开和办理结果总计一共多少", f"“予以公开”和“本年度办理结果总计”{NOT_ADDED}"),
    # the two sides of 新收 + 结转 = 总计 + 结转下年 (not 527 + 526 = 1053), in either order
    ("开封2019年本年新收和办理结果总计一共多少", f"“本年新收政府信息公开申请”和“本年度办理结果总计”{NOT_ADDED}"),
    ("开封2019年办理结果总计和本年新收一共多少", f"“本年度办理结果总计”和“本年新收政府信息公开申请”{NOT_ADDED}"),
])  # fmt: skip
def test_a_total_and_its_part_are_not_added(answerer: Answerer, q: str, text: str) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.value, a.text) == ("unknown", None, text)


@pytest.mark.parametrize(("q", "lines"), [
    ("开封2019年予以公开和部分公开分别多少", ["开封市人民政府2019年予以公开342件。", "开封市人民政府2019年部分公开30件。"]),
    ("开封2019年自然人和法人申请了多少件", ["开封市人民政府2019年自然人提出的申请482件。",
                                        "开封市人民政府2019年法人或其他组织提出的申请45件。"]),  # 38 + 2 + 1 + 1 + 3
])
def test_two_items_not_asked_as_one_figure_are_answered_one_by_one(answerer: Answerer, q: str, lines: list[str]) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.value) == ("answered", None)  # no one figure: each item its own
    assert [ln.split("报告未单列")[0] for ln in a.text.splitlines()[:2]] == lines
    assert "372" not in a.text and "527" not in a.text  # never added up unasked


@pytest.mark.parametrize(("q", "first", "second"), [
    ("开封2019年行政复议和行政复议结果维持一共多少", "行政复议", "行政复议结果维持"),  # answered 10 (结果维持) alone
    ("开封2019年行政复议结果维持和结果纠正一共多少", "行政复议结果维持", "结果纠正"),  # answered 10 as well
])
def test_two_things_to_add_read_as_one_cell_are_never_answered_as_that_cell(answerer: Answerer, q: str, first: str,
                                                                            second: str) -> None:
    got = answerer.answer(q, Context())
    assert (got.status, got.value) == ("unknown", None)
    assert got.text == f"没能把“{first}”和“{second}”读成两个可以相加的数字；可以分别问它们的数字。"


def test_one_column_of_two_table_two_rows_is_added(answerer: Answerer) -> None:
    # 开封2019 table 二: 行政许可 处理决定数量 697542, 行政处罚 处理决定数量 20815 — each was listed, none added
    a = answerer.answer("开封2019年行政许可和行政处罚的处理决定一共多少件", Context())
    assert (a.status, a.value) == ("answered", 718357)
    assert a.formula == "行政许可处理决定数量697542 + 行政处罚处理决定数量20815 = 718357"


def test_last_years_column_of_table_two_is_not_read_as_last_year(answerer: Answerer) -> None:
    # “上一年有多少项” names the column 上一年项目数量 (行政处罚 11063), not the year before: it answered 处理决定数量 20815
    a = answerer.answer("开封2019年行政处罚事项上一年有多少项", Context())
    assert (a.status, a.value, a.unit) == ("answered", 11063, "项")


def test_one_figure_of_a_sentence_is_not_given_for_two_things_asked_added(answerer: Answerer) -> None:
    # 开封2019: “…共主动公开各类政府信息231731条（政府规范性文件845个，政策解读320条，县区、政府部门上报信息1388条）”
    # — asked for 政策解读 and 上报信息 together, it answered 1388 alone (a wrong figure for the sum)
    a = answerer.answer("开封2019年政策解读和县区政府部门上报信息一共多少条", Context())
    assert (a.status, a.value) == ("unknown", None)
    assert a.text.startswith("报告正文没有给出这几项加在一起的数字（原文：“2019年，全市各县区及市政府各部门共主动公开")
    assert a.text.endswith("）；可以分别问它们的数字。")
