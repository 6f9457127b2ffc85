"""The years and the place a question names (bot/understand/extract.py), and what is left for the item."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from bot.understand.extract import extract
from bot.understand.linking import AgencyIndex
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

REPORTS = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "reports"


@pytest.mark.parametrize(("q", "recent", "rest"), [
    ("近10年行政复议", 10, "行政复议"),  # two digits: only 近/前/过去 N 年 reads them
    ("过去12年行政复议", 12, "行政复议"),
    ("前3个年度行政复议", 3, "行政复议"),
    ("近3年行政复议", 3, "行政复议"),
])
def test_recent_years_are_taken_out_of_the_item(q: str, recent: int, rest: str) -> None:
    s = extract(q, {})
    assert (s.years, s.recent, s.rest) == ([], recent, rest)


@pytest.mark.parametrize(("q", "recent", "rest"), [
    ("三年行政复议哪年最多", 3, "行政复议哪年最多"),  # a span of years without 近: the last three loaded
    ("这5年的行政复议", 5, "的行政复议"),
    ("这三年行动计划", None, "这三年行动计划"),  # “三年行动计划” names a plan, not years
])
def test_a_span_of_years_without_jin(q: str, recent: int | None, rest: str) -> None:
    s = extract(q, {})
    assert (s.years, s.recent, s.rest) == ([], recent, rest)


def test_years_named_leave_a_span_word_in_the_item() -> None:
    s = extract("2021年和2023年两年行政复议一共多少", {})
    assert (s.years, s.recent, s.rest) == ([2021, 2023], None, "和 两年行政复议一共多少")


def test_a_place_after_a_loaded_body_is_not_an_unknown_place() -> None:
    s = extract("开封2019年鼓楼区行政复议", {"开封": "开封市人民政府"})
    assert (s.agency, s.unknown_place, s.rest) == ("开封市人民政府", None, "鼓楼区行政复议")


def test_a_range_of_at_most_twenty_years_is_every_year_of_it() -> None:
    assert extract("2000-2020年行政复议", {}).years == [2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010,
                                                    2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]
    assert extract("2000至2021年行政复议", {}).years == []  # 22 years: not a range anyone asks for; never 22 reports
    assert extract("2000至2021年行政复议", {}).rest == "行政复议"


def test_the_year_a_request_is_carried_to_is_not_a_year_asked() -> None:
    s = extract("2019年结转到2020年的申请", {})
    assert (s.years, s.rest) == ([2019], "结转到下年的申请")


def test_the_words_before_the_year_are_kept_as_a_place_maybe_not_loaded() -> None:
    s = extract("郑州2019年行政复议", {})
    assert (s.lead, s.years, s.agency, s.rest) == ("郑州", [2019], None, "郑州 行政复议")


@pytest.fixture(scope="module")
def kaifeng(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("slots") / "kb.json"
    assert not ingest([REPORTS / "kaifeng-2019.txt"], Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


def test_a_place_not_loaded_is_said_so(kaifeng: Answerer) -> None:
    a = kaifeng.answer("郑州2019年行政复议多少件", Context())
    assert (a.status, a.text) == ("unknown", "知识库中没有“郑州”的年报。已载入：开封市人民政府（2019年）。")


def test_the_year_asked_picks_the_body_that_has_its_report() -> None:
    index = AgencyIndex.of_names({"平潭综合实验区财政局": [], "开封市财政局": []},
                                 {"平潭综合实验区财政局": {2023}, "开封市财政局": {2019}})
    assert extract("2023年财政局收到多少申请", index).agencies == ["平潭综合实验区财政局"]
    assert extract("2019年财政局收到多少申请", index).agencies == ["开封市财政局"]
    # no year: both are offered, and the words after the name are not taken for a place not loaded
    s = extract("财政局城关镇收到多少申请", index)
    assert (s.agencies, s.resolution.options, s.unknown_place, s.rest) == (
        [], ["平潭综合实验区财政局", "开封市财政局"], None, "城关镇收到多少申请")
