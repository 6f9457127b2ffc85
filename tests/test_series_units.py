"""Money asked for in another unit over several years: each year's figure converted, with how.

平潭 table 二, 第二十条第（八）项 行政事业性收费 本年收费金额（单位：万元）: 2021 24252.311082, 2023 5949.088667
(knowledge/data/reports/pingtan-2021.txt, pingtan-2023.txt).
"""

from __future__ import annotations

import pytest
from kb_files import bundled_answerer

from bot.reply.answer import Answerer, Context

PT = "平潭综合实验区"
SERIES = ("平潭综合实验区行政事业性收费本年收费金额（2021、2023年）：2021年：24252.311082万元；2023年：5949.088667万元。\n"
          "来源：《平潭综合实验区2021年度政府信息公开工作年度报告》二、主动公开政府信息情况\n"
          "来源：《平潭综合实验区2023年度政府信息公开工作年度报告》二、主动公开政府信息情况")


@pytest.fixture(scope="module")
def pingtan(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return bundled_answerer(tmp_path_factory, "pingtan-2021.txt", "pingtan-2023.txt")


def test_two_years_asked_in_yi_yuan_give_each_year_in_yi_yuan_with_the_division(pingtan: Answerer) -> None:
    a = pingtan.answer("平潭2021年和2023年行政事业性收费多少亿元", Context())
    assert (a.status, a.value, a.unit) == ("answered", None, "亿元")
    assert a.series == [{"agency": PT, "year": 2021, "value": 2.4252311082},
                        {"agency": PT, "year": 2023, "value": 0.5949088667}]
    assert a.formula == "24252.311082万元 ÷ 10000 = 2.4252311082亿元；5949.088667万元 ÷ 10000 = 0.5949088667亿元"
    assert a.text == "合2021年2.4252311082亿元；2023年0.5949088667亿元（万元 ÷ 10000）。\n" + SERIES


def test_two_years_asked_in_yuan_are_multiplied(pingtan: Answerer) -> None:
    a = pingtan.answer("平潭2021年和2023年行政事业性收费多少元", Context())
    assert [p["value"] for p in a.series] == [242523110.82, 59490886.67]
    assert a.text.startswith("合2021年242523110.82元；2023年59490886.67元（万元 × 10000）。\n")


def test_two_years_asked_in_the_reports_own_unit_are_left_as_printed(pingtan: Answerer) -> None:
    a = pingtan.answer("平潭2021年和2023年行政事业性收费多少万元", Context())
    assert (a.unit, a.formula, a.text) == ("万元", None, SERIES)
    assert [p["value"] for p in a.series] == [24252.311082, 5949.088667]
