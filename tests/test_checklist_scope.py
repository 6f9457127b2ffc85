"""What a checks question is about (bot/reply/checklist.scoped), by the first line of its reply: the bodies it
names (a bot's @name after /checks is no place), the years, both, or every loaded report — and the one line
for a place not loaded.  Loaded: 开封 2019 (one warning: 正文845 against the table's 815) and 平潭 2019, 2021,
2023 (2023 has one: 正文393 against table 二)."""

from __future__ import annotations

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.paths import DATA
from knowledge.store import Store


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("checklist_scope") / "kb"
    files = [DATA / "reports" / n for n in ("kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt")]
    assert not ingest(files, Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


@pytest.mark.parametrize(("q", "head"), [
    ("/checks@nianbao_bot 开封", "开封市人民政府：已载入的1份报告中，1份有勾稽提示，共1条："),
    ("开封和平潭的数据有没有问题", "开封市人民政府、平潭综合实验区：已载入的4份报告中，2份有勾稽提示，共2条："),
    ("/checks 2019 2023", "2019、2023年：已载入的3份报告中，2份有勾稽提示，共2条："),
    ("/checks", "已载入的4份报告中，2份有勾稽提示，共2条："),
    ("数据有没有问题", "已载入的4份报告中，2份有勾稽提示，共2条："),
    ("平潭2019年的数据有没有问题", "平潭综合实验区2019年：已载入的1份报告没有发现数字对不上的地方（勾稽关系）。"),
])  # fmt: skip
def test_the_scope_of_a_checks_question_heads_its_reply(four: Answerer, q: str, head: str) -> None:
    a = four.answer(q, Context())
    assert (a.status, a.text.split("\n")[0]) == ("answered", head)


def test_a_place_not_loaded_gets_one_line(four: Answerer) -> None:
    a = four.answer("郑州的数据有没有问题", Context())
    assert (a.status, a.text) == ("unknown", "知识库中没有“郑州”的年报。")
