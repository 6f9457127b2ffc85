"""A change of less than 1% is still a rise or a fall.  平潭 2021 表二 本年处理决定数量: 行政许可 2293, 行政处罚
1282 (knowledge/data/reports/pingtan-2021.txt); a copy of its 2023 report printing 行政许可 2300 (not 2629) and
行政处罚 1280 (not 1330)."""

from __future__ import annotations

import pytest
from report_fixtures import report_copy

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.paths import DATA
from knowledge.store import Store


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    folder = tmp_path_factory.mktemp("small")
    path = report_copy(folder, [("行政许可2629", "行政许可2300"), ("行政处罚1330", "行政处罚1280")],
                       "pingtan-2023.txt", source="pingtan-2023.txt")
    assert not ingest([DATA / "reports" / "pingtan-2021.txt", path], Store(folder / "kb.json"), Settings()).failures
    return Answerer(KnowledgeBase.load(folder / "kb.json"))


def test_a_rise_under_one_per_cent(answerer: Answerer) -> None:
    a = answerer.answer("平潭2023年行政许可比2021年增长了百分之多少", Context())
    assert (a.status, a.value, a.unit, a.formula) == ("answered", 0.31, "%", "(2300 − 2293) ÷ 2293 = 0.31%")
    assert a.text.splitlines()[0] == ("平潭综合实验区2023年2300件，平潭综合实验区2021年2293件。"
                                      "平潭综合实验区2023年比2021年增长0.31%（(2300 − 2293) ÷ 2293 = 0.31%）。")


def test_a_fall_under_one_per_cent_asked_as_a_fall(answerer: Answerer) -> None:
    a = answerer.answer("平潭2023年行政处罚比2021年下降了百分之多少", Context())
    assert (a.status, a.value, a.unit, a.formula) == ("answered", 0.16, "%", "(1280 − 1282) ÷ 1282 = -0.16%")
    assert a.text.splitlines()[0] == ("平潭综合实验区2023年1280件，平潭综合实验区2021年1282件。"
                                      "平潭综合实验区2023年比2021年下降0.16%（(1280 − 1282) ÷ 1282 = -0.16%）。")
