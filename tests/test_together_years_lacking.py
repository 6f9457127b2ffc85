"""“一共” over one body's years when a loaded year's report gives no figure of the item: the reply says that
year's figure is missing — not that the items are of different kinds (together.over_years, as bot/reply/answer
calls it).  平潭 2019's table 二 (its 2019 template) gives no 行政许可 处理决定数量 the bot reads (its listing says
未能给出数字); 平潭 2021: 2293 (pingtan-2021.txt, 第二十条第（五）项 本年处理决定数量)."""

from __future__ import annotations

import pytest
from kb_files import bundled_answerer

from bot.reply.answer import Answerer, Context

PT = "平潭综合实验区"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return bundled_answerer(tmp_path_factory, "pingtan-2019.txt", "pingtan-2021.txt")


def test_a_loaded_year_without_the_figure_is_named_as_missing(answerer: Answerer) -> None:
    a = answerer.answer("平潭2019年和2021年行政许可一共多少件", Context())
    assert (a.status, a.value, a.formula) == ("unknown", None, None)
    assert a.text == (f"未合计：缺少2019年的数字。\n{PT}行政许可（2019、2021年）：2019年：未能给出数字；2021年：2293件。\n"
                      f"来源：《{PT}2019年度政府信息公开工作年度报告》二、主动公开政府信息情况\n"
                      f"来源：《{PT}2021年度政府信息公开工作年度报告》二、主动公开政府信息情况")
