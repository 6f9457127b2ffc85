"""The line of a reply that answers (bot/reply/parts.headline) titles its inline card, never a note on how the
question was read; only a body or year not loaded gives the one “not loaded” card — pinned for the mutation
run of bot/reply/parts.py (issue 25).

Figures read by hand: knowledge/data/reports/kaifeng-2019.txt table 四 行政复议 19 (结果维持10, 结果纠正2,
其他结果2, 尚未审结5); pingtan-2019.txt 行政复议 0; pingtan-2019.txt states no number of 政策解读.
"""

from __future__ import annotations

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from bot.tg.inline import article, collect
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.paths import DATA
from knowledge.store import Store


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("titles") / "kb"
    files = [DATA / "reports" / n for n in ("kaifeng-2019.txt", "pingtan-2019.txt")]
    assert not ingest(files, Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


def title(answerer: Answerer, question: str) -> str:
    return article(question, answerer.answer(question, Context())).title


def test_a_card_after_a_note_on_a_relative_year_is_titled_with_the_figure(two: Answerer) -> None:
    # the reply's first line is “去年”按已载入的最新年度2019年理解。
    assert title(two, "开封去年行政复议多少件") == "开封市人民政府2019年行政复议19件（结果维持10件、结果纠正2件、其他结果2件、尚未审结5件）。"


def test_a_card_after_a_note_on_a_year_not_loaded_is_titled_with_the_figure(two: Answerer) -> None:
    # the reply's first line is 没有2018年的年报。
    assert title(two, "平潭2018年和2019年行政复议多少件") == "平潭综合实验区2019年行政复议0件（结果维持0件、结果纠正0件、其他结果0件、尚未审结0件）。"


def test_an_item_a_loaded_report_lacks_gives_no_card(two: Answerer) -> None:
    # not a “not loaded” notice: the report is loaded, it only says nothing of 政策解读
    assert collect(two, ["平潭2019年政策解读多少篇"], 5) == []
