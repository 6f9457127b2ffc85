"""The words of a comparison: “少多少” asked when it is less, “相差多少” when the first is smaller, a fall of
0%, a fall asked for that is one, and one side asking back which column.

平潭 表三 予以公开: 2021 30件, 2023 22件; 表四 行政复议结果维持: 2021 1件, 2023 1件; 主动公开 规章 has three
columns (本年制发件数, 本年废止件数, 现行有效件数) (knowledge/data/reports/pingtan-2021.txt, pingtan-2023.txt).
"""

from __future__ import annotations

import pytest
from kb_files import bundled_answerer

from bot.reply.answer import Answerer, Context

T21 = "平潭综合实验区2021年度政府信息公开工作年度报告"
T23 = "平潭综合实验区2023年度政府信息公开工作年度报告"
APPLY = "三、收到和处理政府信息公开申请情况"
REVIEW = "四、政府信息公开行政复议、行政诉讼情况"


@pytest.fixture(scope="module")
def pingtan(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return bundled_answerer(tmp_path_factory, "pingtan-2021.txt", "pingtan-2023.txt")


def test_less_asked_and_less(pingtan: Answerer) -> None:
    a = pingtan.answer("平潭2023年予以公开比2021年少多少", Context())
    assert (a.status, a.value, a.unit, a.formula) == ("answered", 8, "件", "30 − 22 = 8")
    assert (a.agency, a.year) == ("平潭综合实验区", 2023)
    assert a.text.splitlines() == [
        "平潭综合实验区2023年22件，平潭综合实验区2021年30件。平潭综合实验区2023年比2021年少8件（30 − 22 = 8）。",
        f"来源：《{T23}》{APPLY}", f"来源：《{T21}》{APPLY}"]
    assert [(s["year"], s["section"]) for s in a.sources] == [(2023, APPLY), (2021, APPLY)]


def test_apart_when_the_first_is_smaller(pingtan: Answerer) -> None:
    a = pingtan.answer("平潭2021年和2023年予以公开相差多少", Context())
    assert (a.status, a.value, a.formula) == ("answered", -8, "22 − 30 = -8")
    assert a.text.splitlines()[0] == (
        "平潭综合实验区2023年22件，平潭综合实验区2021年30件。平潭综合实验区2023年比2021年少8件（22 − 30 = -8）。")


def test_a_fall_asked_for_that_is_one(pingtan: Answerer) -> None:
    a = pingtan.answer("平潭2023年予以公开比2021年下降了百分之多少", Context())
    assert (a.status, a.value, a.unit, a.formula) == ("answered", 26.67, "%", "(22 − 30) ÷ 30 = -26.67%")
    assert a.text.splitlines()[0] == ("平潭综合实验区2023年22件，平潭综合实验区2021年30件。"
                                      "平潭综合实验区2023年比2021年下降26.67%（(22 − 30) ÷ 30 = -26.67%）。")


@pytest.mark.parametrize("q", ["平潭2023年行政复议维持比2021年增长了百分之多少", "平潭2023年行政复议维持比2021年下降了百分之多少"])
def test_no_change_is_a_growth_of_0(pingtan: Answerer, q: str) -> None:
    a = pingtan.answer(q, Context())
    assert (a.status, a.value, a.unit, a.formula) == ("answered", 0, "%", "(1 − 1) ÷ 1 = 0%")
    assert a.text.splitlines() == [
        "平潭综合实验区2023年1件，平潭综合实验区2021年1件。平潭综合实验区2023年比2021年增长0%（(1 − 1) ÷ 1 = 0%）。",
        f"来源：《{T23}》{REVIEW}", f"来源：《{T21}》{REVIEW}"]


def test_one_side_asks_which_column(pingtan: Answerer) -> None:
    a = pingtan.answer("平潭2023年予以公开比主动公开规章多多少", Context())
    assert (a.status, a.value) == ("clarify", None)
    assert a.options == ["平潭综合实验区2023年规章本年制发件数是多少", "平潭综合实验区2023年规章本年废止件数是多少",
                         "平潭综合实验区2023年规章现行有效件数是多少"]
    assert a.text.splitlines() == ["平潭综合实验区2023年规章：您问的是哪一栏？",
                                   "1. 平潭综合实验区2023年规章本年制发件数是多少",
                                   "2. 平潭综合实验区2023年规章本年废止件数是多少",
                                   "3. 平潭综合实验区2023年规章现行有效件数是多少"]


def test_a_sum_of_money_and_a_count_are_not_subtracted(pingtan: Answerer) -> None:
    # 表二 行政事业性收费 本年收费金额 5949.088667 万元; 表三 予以公开 22 件
    a = pingtan.answer("平潭2023年行政事业性收费比予以公开多多少", Context())
    assert (a.status, a.value, a.unit, a.formula) == ("unknown", None, None, None)
    assert a.text == "两个数字单位不同（万元、件），不能直接相减。"
