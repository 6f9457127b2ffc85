"""Which sentence's figure answers a question the tables do not: a count said in another counting unit
(多少条 of “12篇”) still answers, a question that names 主动公开 in other words (公布了多少条政府信息) gets the
total, a question adding a channel the report never names (通过微博) does not.  A made-up page (白沙镇)."""

from __future__ import annotations

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

PAGE = """白沙镇2023年政府信息公开工作年度报告
一、总体情况
2023年，白沙镇主动公开政府信息1186条，通过门户网站发布政策解读12篇。年内受理并办结依申请公开23件。
"""
SENTENCE = "原文：“2023年，白沙镇主动公开政府信息1186条，通过门户网站发布政策解读12篇。”"


def _page(factory: pytest.TempPathFactory, text: str) -> Answerer:
    """An answerer over one made-up page of 白沙镇."""
    folder = factory.mktemp("page")
    (folder / "baisha.txt").write_text(text, encoding="utf-8")
    assert not ingest([folder / "baisha.txt"], Store(folder / "kb.json"), Settings()).failures
    return Answerer(KnowledgeBase.load(folder / "kb.json"))


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return _page(tmp_path_factory, PAGE)


def test_a_count_asked_in_another_counting_unit_is_answered(town: Answerer) -> None:
    a = town.answer("白沙镇2023年发布了多少条政策解读", Context())  # 条 asked, the report counts 篇
    assert (a.status, a.value, a.unit) == ("answered", 12, "篇")
    assert a.text.splitlines()[:2] == ["白沙镇人民政府2023年：通过门户网站发布政策解读12篇。", SENTENCE]


def test_active_disclosure_named_in_other_words_is_the_total(town: Answerer) -> None:
    a = town.answer("白沙镇2023年公布了多少条政府信息", Context())  # 公布, the report says 主动公开
    assert (a.status, a.value, a.unit) == ("answered", 1186, "条")
    assert a.text.splitlines()[:2] == ["白沙镇人民政府2023年：白沙镇主动公开政府信息1186条。", SENTENCE]


def test_a_channel_the_report_never_names_is_not_answered_with_the_total(town: Answerer) -> None:
    a = town.answer("白沙镇2023年通过微博公开了多少条政府信息", Context())
    assert a.value is None
    assert "1186" not in a.text


CHANNELS = """白沙镇2023年政府信息公开工作年度报告
一、总体情况
2023年，白沙镇门户网站发布政策解读40条。在政务微信平台上，另有政策解读12篇。年内受理并办结依申请公开23件。
"""


@pytest.fixture(scope="module")
def channels(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return _page(tmp_path_factory, CHANNELS)


def test_the_channel_asked_picks_its_sentence_not_the_further_ones(channels: Answerer) -> None:
    a = channels.answer("白沙镇2023年门户网站发布了多少条政策解读", Context())  # not 另有…12篇 of the other sentence
    assert (a.status, a.value, a.unit) == ("answered", 40, "条")
    assert a.text.splitlines()[:2] == ["白沙镇人民政府2023年：白沙镇门户网站发布政策解读40条。",
                                       "原文：“2023年，白沙镇门户网站发布政策解读40条。”"]


def test_the_further_ones_are_found_by_their_channel(channels: Answerer) -> None:
    a = channels.answer("白沙镇2023年政务微信上的政策解读有多少篇", Context())
    assert (a.status, a.value, a.unit) == ("answered", 12, "篇")
    assert a.text.splitlines()[:2] == ["白沙镇人民政府2023年：另有政策解读12篇。", "原文：“在政务微信平台上，另有政策解读12篇。”"]


GROWTH = """白沙镇2023年政府信息公开工作年度报告
一、总体情况
2023年，白沙镇门户网站访问量同比增长20%。年内受理并办结依申请公开23件。
"""


@pytest.fixture(scope="module")
def growth(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return _page(tmp_path_factory, GROWTH)


def test_a_change_of_an_item_is_never_the_change_of_another_the_report_states(growth: Answerer) -> None:
    # 申请数 names 本年新收 (a table this page lacks); the page's one change is of 访问量: never quoted for it
    a = growth.answer("白沙镇2023年申请数增长了多少", Context())
    assert (a.status, a.value) == ("unknown", None)
    assert a.text == "报告中没有“增长”这一项；年报只统计本年新收政府信息公开申请等数字。"
    b = growth.answer("白沙镇2023年申请数比上年变化多少", Context())
    assert (b.status, b.value) == ("unknown", None)
    assert b.text == "知识库中没有白沙镇人民政府2022年的年报。已载入：白沙镇人民政府（2023年）。"


def test_a_change_asked_of_words_the_sentence_lacks_is_never_its_figure(growth: Answerer) -> None:
    # 申请 (no template item alone) is not in the page's one change sentence, which is of 访问量
    a = growth.answer("白沙镇2023年申请增长了多少", Context())  # offered the item 申请 names, never the 20 %
    assert (a.status, a.value) == ("clarify", None)
    assert a.text.startswith("报告中没有“申请增”这一项。您是想问“本年新收政府信息公开申请数量”吗？\n")
    b = growth.answer("白沙镇2023年政务微博粉丝增长了多少", Context())
    assert (b.status, b.value) == ("unknown", None)
    assert b.text.startswith("白沙镇人民政府2023年的年报中没有找到“政务微博、粉丝、增长”的数字或内容。")
    # said as the sentence says it (的 aside), the change is the page's own
    for q in ("白沙镇2023年访问量增长了多少", "白沙镇2023年门户网站的访问量增长了多少"):
        a = growth.answer(q, Context())
        assert (a.status, a.value, a.unit) == ("answered", 20, "%"), q


def test_the_change_a_report_states_answers_its_own_item(growth: Answerer) -> None:
    a = growth.answer("白沙镇2023年访问量比上年变化多少", Context())
    assert (a.status, a.value, a.unit) == ("answered", 20, "%")
    assert a.text.splitlines()[:3] == ["知识库中没有白沙镇人民政府2022年的年报。2023年的年报自己写明了变化：",
                                       "白沙镇人民政府2023年：白沙镇门户网站访问量同比增长20%。",
                                       "原文：“2023年，白沙镇门户网站访问量同比增长20%。”"]
