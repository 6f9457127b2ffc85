"""“A和B哪个多 / 哪个更多 / 谁多”: of the items a question names for one report, which is more (or less), with
both figures and the difference — never the figures alone, leaving the reader to compare.  Figures read by
hand from knowledge/data/reports/pingtan-2023.txt: 表四 “110024001510102” — 行政复议 维持1 纠正1 其他0 未审0
总计2; 未经复议直接起诉 4 0 0 1 总计5; 复议后起诉 1 0 1 0 总计2 (行政诉讼 5 + 2 = 7, no total printed);
表三 总计 予以公开 22, 部分公开 20, 不予公开 0+0+0+1+0+1+1+2 = 5; 表二 行政许可 2629, 行政处罚 1330."""

from __future__ import annotations

import pytest
from kb_files import bundled_answerer

from bot.reply.answer import Answerer, Context

PT = "平潭综合实验区2023年"
T4 = "来源：《平潭综合实验区2023年度政府信息公开工作年度报告》四、政府信息公开行政复议、行政诉讼情况，"


@pytest.fixture(scope="module")
def pingtan(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return bundled_answerer(tmp_path_factory, "pingtan-2023.txt")


@pytest.mark.parametrize("q", ["平潭2023年行政复议和行政诉讼哪个多", "平潭2023年行政复议和行政诉讼哪个更多",
                               "平潭2023年行政复议和行政诉讼谁多", "平潭2023年行政复议与行政诉讼哪一个多？"])
def test_which_of_two_is_more_is_said_with_both_figures_and_the_difference(pingtan: Answerer, q: str) -> None:
    a = pingtan.answer(q, Context())
    assert (a.status, a.value, a.unit, a.formula) == ("answered", 7, "件", "7 − 2 = 5"), q
    assert a.text == (f"{PT}行政复议2件，行政诉讼7件（报告未单列，由分项相加：5 + 2 = 7）。行政诉讼比行政复议多5件（7 − 2 = 5）。\n"
                      f"{T4}行政复议 · 总计\n{T4}行政诉讼（直接起诉与复议后起诉之和） · 总计"), q
    assert [(x["item"], x["value"]) for x in a.ranking] == [("行政诉讼", 7), ("行政复议", 2)]


def test_which_of_two_is_less(pingtan: Answerer) -> None:
    a = pingtan.answer("平潭2023年行政复议和行政诉讼哪个少", Context())
    assert (a.status, a.value) == ("answered", 2)
    assert a.text.splitlines()[0].endswith("。行政复议比行政诉讼少5件（7 − 2 = 5）。")


def test_rows_of_one_table(pingtan: Answerer) -> None:
    a = pingtan.answer("平潭2023年予以公开和部分公开哪个多", Context())
    assert (a.status, a.value) == ("answered", 22)
    assert a.text.splitlines()[0] == f"{PT}予以公开22件，部分公开20件。予以公开比部分公开多2件（22 − 20 = 2）。"
    b = pingtan.answer("平潭2023年行政许可和行政处罚哪个多", Context())  # table 二: each row's 本年处理决定数量
    assert (b.status, b.value) == ("answered", 2629)
    assert b.text.splitlines()[0] == (f"{PT}行政许可本年处理决定数量2629件，行政处罚本年处理决定数量1330件。"
                                      "行政许可本年处理决定数量比行政处罚本年处理决定数量多1299件（2629 − 1330 = 1299）。")


def test_three_items_named_the_most_and_its_lead(pingtan: Answerer) -> None:
    a = pingtan.answer("平潭2023年予以公开、部分公开和不予公开哪个多", Context())
    assert (a.status, a.value) == ("answered", 22)
    assert a.text.splitlines()[0] == (f"{PT}予以公开22件，部分公开20件，不予公开5件（报告未单列，由分项相加："
                                      "0 + 0 + 0 + 1 + 0 + 1 + 1 + 2 = 5）。予以公开最多（22件），比其次的部分公开多2件（22 − 20 = 2）。")


def test_one_word_read_two_ways_is_not_compared(pingtan: Answerer) -> None:
    # 结果维持 and 结果纠正 are each 复议's or 诉讼's: the readings (复议维持, 诉讼维持) are not the two things named
    a = pingtan.answer("平潭2023年结果维持和结果纠正哪个多", Context())
    assert "比" not in a.text.splitlines()[0] and a.formula is None


def test_figures_of_other_units_are_not_compared(pingtan: Answerer) -> None:
    # 行政事业性收费 is 万元: each is given, and which is more is not said
    a = pingtan.answer("平潭2023年行政许可和行政事业性收费哪个多", Context())
    assert a.value is None and "多" not in a.text.replace("哪个多", "")
