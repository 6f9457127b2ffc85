"""A share whose part the table does not give: 开封 2019 with its 表三 予以公开 总计 (342) printed as “/”
(a copy of knowledge/data/reports/kaifeng-2019.txt; 本年度办理结果总计 stays 526)."""

from __future__ import annotations

import pytest
from report_fixtures import report_copy

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

ROW = "(一) 予以公开\t\t302\t37\t1\t0\t1\t1\t"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    folder = tmp_path_factory.mktemp("share")
    path = report_copy(folder, [(ROW + "342", ROW + "/")], "blank-2019.txt")
    assert not ingest([path], Store(folder / "kb.json"), Settings()).failures
    return Answerer(KnowledgeBase.load(folder / "kb.json"))


@pytest.mark.parametrize(("q", "part"), [("开封2019年予以公开占办理结果总计的比例", "予以公开"),
                                         ("开封2019年予以公开和部分公开占办理结果总计的比例", "予以公开、部分公开")])
def test_a_share_of_a_slash_cell_is_not_given(answerer: Answerer, q: str, part: str) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.value, a.unit, a.formula) == ("unknown", None, None, None)
    assert (a.agency, a.year) == ("开封市人民政府", 2019)
    assert a.text == f"开封市人民政府2019年的年报缺少计算“{part}占本年度办理结果总计的比例”所需的数字。"
