"""Two things asked added over a sentence of the report's prose that states their total itself
(“…栏目共计发布信息47条”): that figure is the answer, quoted with its sentence — not refused as one of the two
(together.prose_sum_refused).  A total word counts only within the eight characters before the figure.  And a
sum of two figures printed with spaces (“建议 23 件”) keeps the sentence's quote and source under its line.
Made-up pages; every expected value written by hand from their sentences."""

from __future__ import annotations

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

HEAD = "2022年政府信息公开工作年度报告\n一、总体情况\n"
SENTENCES = {
    "碧江区": "2022年，业务工作和公告公示栏目共计发布信息47条，开展在线访谈4次。",
    "松桃县": "2022年，全县新增业务工作和公告公示栏目信息合计47条。",
    "玉屏县": "2022年，业务工作和公告公示栏目发布信息总数47条。",
    "沿河县": "2022年，业务工作和公告公示栏目共计发布政府信息47条。",  # 共 the 8th character before 47
    "德江县": "2022年，业务工作和公告公示栏目共计发布了政府信息47条。",  # the 9th: not said of this figure
    "思南县": "2022年，办理人大代表建议 23 件、政协提案 31 件。",
}


def source(body: str) -> str:
    return f"来源：《{body}2022年政府信息公开工作年度报告》一、总体情况"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    folder = tmp_path_factory.mktemp("prose_totals")
    for body, sentence in SENTENCES.items():
        (folder / f"{body}.txt").write_text(f"{body}{HEAD}{sentence}\n", encoding="utf-8")
    assert not ingest(sorted(folder.glob("*.txt")), Store(folder / "kb"), Settings()).failures
    return Answerer(KnowledgeBase.load(folder / "kb"))


@pytest.mark.parametrize(("body", "clause"), [
    ("碧江区", "业务工作和公告公示栏目共计发布信息47条"),
    ("松桃县", "全县新增业务工作和公告公示栏目信息合计47条"),
    ("玉屏县", "业务工作和公告公示栏目发布信息总数47条"),
    ("沿河县", "业务工作和公告公示栏目共计发布政府信息47条"),
])
def test_a_total_the_sentence_states_is_the_answer(answerer: Answerer, body: str, clause: str) -> None:
    a = answerer.answer(f"{body}2022年业务工作和公告公示栏目一共发布多少条", Context())
    assert (a.status, a.agency, a.year, a.value, a.unit, a.formula) == ("answered", body, 2022, 47, "条", None)
    assert a.text == f"{body}2022年：{clause}。\n原文：“{SENTENCES[body]}”\n{source(body)}"


def test_a_total_word_nine_characters_before_the_figure_is_not_its_total(answerer: Answerer) -> None:
    a = answerer.answer("德江县2022年业务工作和公告公示栏目一共发布多少条", Context())
    assert (a.status, a.agency, a.year, a.value) == ("unknown", "德江县", 2022, None)
    assert a.text == ("报告正文没有给出这几项加在一起的数字（原文：“2022年，业务工作和公告公示栏目共计发布了政府信息47条。”）；"
                      "可以分别问它们的数字。")


def test_figures_printed_with_spaces_are_added_and_the_sentence_quoted_under_the_sum(answerer: Answerer) -> None:
    a = answerer.answer("思南县2022年人大代表建议和政协提案一共办理多少件", Context())
    assert (a.status, a.value, a.unit, a.formula, a.field) == ("answered", 54, "件", "23 + 31 = 54", "sum.prose")
    assert a.text == ("思南县2022年人大代表建议和政协提案合计54件（报告正文分别写有“办理人大代表建议 23 件”、“政协提案 31 件”，"
                      "由这两个数相加：23 + 31 = 54）。\n原文：“2022年，办理人大代表建议 23 件、政协提案 31 件。”\n"
                      + source("思南县"))
