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
