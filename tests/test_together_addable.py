"""Items named together with a sum word (together.addable): added only when they are to be — not when each is
asked for as well (“分别…一共”: each listed), nor two columns of one table-二 row (本年制发 and 现行有效: which
one is asked back).  Figures read by hand: 开封 2019 table 三 总计 — 予以公开 342, 部分公开 30 (kaifeng-2019.txt);
平潭 2021 table 二 规章 (pingtan-2021.txt)."""

from __future__ import annotations

import pytest
from kb_files import bundled_answerer

from bot.reply.answer import Answerer, Context

KF_SOURCE = "来源：《开封市人民政府2019年政府信息公开工作年度报告》三、收到和处理政府信息公开申请情况，"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return bundled_answerer(tmp_path_factory, "kaifeng-2019.txt", "pingtan-2021.txt")


def test_items_asked_each_and_in_all_are_listed_each(answerer: Answerer) -> None:
    a = answerer.answer("开封2019年予以公开和部分公开分别多少件，一共多少件", Context())
    assert (a.status, a.value, a.formula) == ("answered", None, None)
    assert a.text == ("开封市人民政府2019年予以公开342件。\n开封市人民政府2019年部分公开30件。\n"
                      f"{KF_SOURCE}(一) 予以公开 · 总计\n"
                      f"{KF_SOURCE}(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形) · 总计")


def test_two_columns_of_one_table_two_row_are_asked_back_not_added(answerer: Answerer) -> None:
    a = answerer.answer("平潭2021年规章本年制发和现行有效一共多少件", Context())
    assert (a.status, a.value) == ("clarify", None)
    assert a.options == ["平潭综合实验区2021年规章本年制发件数是多少", "平潭综合实验区2021年规章现行有效件数是多少"]
    assert a.text == ("您问的是哪一栏？\n1. 平潭综合实验区2021年规章本年制发件数是多少\n"
                      "2. 平潭综合实验区2021年规章现行有效件数是多少")


KF_REVIEW = "来源：《开封市人民政府2019年政府信息公开工作年度报告》四、政府信息公开行政复议、行政诉讼情况"


def test_each_group_is_added_with_its_own_column(answerer: Answerer) -> None:
    # table 四: 行政复议 结果维持 10; 行政诉讼 结果纠正 3 + 0 (直接起诉, 复议后起诉) — never the groups' totals 19 + 32
    a = answerer.answer("开封2019年行政复议结果维持和行政诉讼结果纠正一共多少件", Context())
    assert (a.status, a.value) == ("answered", 13)
    assert a.text == ("开封市人民政府2019年行政复议结果维持、行政诉讼结果纠正合计13件（行政复议结果维持10 + 行政诉讼结果纠正3 = 13；"
                      f"报告未单列此数，由表中数字相加）。\n{KF_REVIEW}")
    both = answerer.answer("开封2019年行政复议和行政诉讼结果纠正一共多少件", Context())  # the column said once: both groups'
    assert (both.status, both.value) == ("answered", 5)


def test_each_row_is_added_with_the_applicant_said_beside_it(answerer: Answerer) -> None:
    # table 三: 自然人 予以公开 302; 商业企业 部分公开 0 — never 自然人's 部分公开 29
    a = answerer.answer("开封2019年自然人予以公开和商业企业部分公开一共多少件", Context())
    assert (a.status, a.value) == ("answered", 302)
    assert a.text.splitlines()[0] == (
        "开封市人民政府2019年自然人申请中予以公开、商业企业申请中部分公开合计302件（自然人申请中予以公开302 + "
        "商业企业申请中部分公开0 = 302；报告未单列此数，由表中数字相加）。")
    one = answerer.answer("开封2019年自然人予以公开和部分公开一共多少件", Context())  # 自然人 said once: both rows its
    assert (one.status, one.value) == ("answered", 331)
    four = answerer.answer("开封2019年自然人和法人予以公开和部分公开一共多少件", Context())  # 302 + 40 + 29 + 1
    assert (four.status, four.value) == ("answered", 372)
    each = answerer.answer("开封2019年自然人予以公开和法人部分公开各多少件", Context())
    assert (each.status, each.value) == ("answered", None)
    assert each.text.splitlines()[:2] == ["开封市人民政府2019年自然人申请中予以公开302件。",
                                          "开封市人民政府2019年法人或其他组织申请中部分公开1件。报告未单列此数，由分项相加：0 + 0 + 1 + 0 + 0 = 1。"]


def test_a_column_reaches_only_the_items_on_its_side(answerer: Answerer) -> None:
    # an applicant before its rows reaches the rows after it, never one before it; said after every row, all of them;
    # a column after its groups reaches the groups before it, never one after it
    cases = {"开封2019年予以公开和自然人部分公开一共多少件": 371,  # 予以公开 342 (总计) + 自然人 部分公开 29
             "开封2019年予以公开和部分公开中自然人的一共多少件": 331,  # 302 + 29
             "开封2019年行政复议结果维持和行政诉讼一共多少件": 42}  # 复议 结果维持 10 + 诉讼 32 (总计)
    for q, value in cases.items():
        a = answerer.answer(q, Context())
        assert (q, a.status, a.value) == (q, "answered", value)


def test_two_table_two_rows_named_without_a_column_are_added_in_their_usual_one(answerer: Answerer) -> None:
    # 开封2019 table 二 (2019 version: 上一年项目数量, 本年增/减, 处理决定数量): 行政许可 16918 3672 697542,
    # 行政处罚 11063 942 20815 — each row alone is answered by its 处理决定数量, and so is their sum
    a = answerer.answer("开封2019年行政许可和行政处罚一共多少", Context())
    assert (a.status, a.value, a.unit) == ("answered", 718357, "件")
    assert a.formula == "行政许可处理决定数量697542 + 行政处罚处理决定数量20815 = 718357"
    # 平潭2021 (2021 version: one column each): 行政许可 2293, 行政处罚 1282
    b = answerer.answer("平潭2021年行政许可和行政处罚合计是多少", Context())
    assert (b.status, b.value) == ("answered", 3575)
    assert b.text.splitlines()[0] == (
        "平潭综合实验区2021年行政许可本年处理决定数量、行政处罚本年处理决定数量合计3575件（行政许可本年处理决定数量2293"
        " + 行政处罚本年处理决定数量1282 = 3575；报告未单列此数，由表中数字相加）。")
