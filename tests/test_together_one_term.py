"""“一共” over every body when one report of the year is loaded (together.over with one term): the one figure is
listed as it is — no total line, and no “未合计” with an empty reason.  Figure read by hand: 开封 2019 本年新收政府
信息公开申请 总计 527 (kaifeng-2019.txt, table 三)."""

from __future__ import annotations

import pytest
from kb_files import bundled_answerer

from bot.reply.answer import Answerer, Context


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return bundled_answerer(tmp_path_factory, "kaifeng-2019.txt")


def test_a_sum_over_the_only_body_loaded_lists_its_figure(answerer: Answerer) -> None:
    a = answerer.answer("2019年各机关一共收到多少申请", Context())
    assert (a.status, a.value, a.unit, a.field, a.formula) == ("answered", 527, "件", "apply.new/total", None)
    assert a.text == ("开封市人民政府2019年：527件\n"
                      "来源：《开封市人民政府2019年政府信息公开工作年度报告》三、收到和处理政府信息公开申请情况")
