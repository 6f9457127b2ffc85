"""A change asked of a year whose year before is not loaded, answered with the change the report states itself
(bot/reply/select.py `_stated_change`), pinned for its mutation run of issue 25.

开封 2019 is knowledge/data/reports/kaifeng-2019.txt (一、总体情况: “2019年我市政府网站访问量同比增长20%”);
开封 2021 is the same text with every 2019 made 2021 and the growth made a fall (“同比下降20%”), so that
开封 has two years loaded, neither with the year before it.
"""

from __future__ import annotations

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.models import Answer
from knowledge.paths import DATA
from knowledge.store import Store

KF = "开封市人民政府"
OPENING = "紧紧围绕创建全省一流网站的目标，在“全面性、公开性、便民性、互动性、共享性”上下功夫，"


@pytest.fixture(scope="module")
def kaifeng_two_years(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    folder = tmp_path_factory.mktemp("stated")
    text = (DATA / "reports" / "kaifeng-2019.txt").read_text(encoding="utf-8")
    fell = text.replace("2019", "2021").replace("访问量同比增长20%", "访问量同比下降20%")
    assert fell.count("访问量同比下降20%") == 1
    (folder / "kaifeng-2021.txt").write_text(fell, encoding="utf-8")
    db = folder / "kb.json"
    assert not ingest([DATA / "reports" / "kaifeng-2019.txt", folder / "kaifeng-2021.txt"], Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


def ask(answerer: Answerer, question: str) -> Answer:
    return answerer.answer(question, Context())


def quoted(year: int, change: str) -> str:
    said = f"{year}年我市政府网站访问量同比{change}20%"
    return (f"知识库中没有{KF}{year - 1}年的年报。{year}年的年报自己写明了变化：\n{KF}{year}年：{said}。\n"
            f"原文：“{OPENING}{said}。”\n来源：《{KF}{year}年政府信息公开工作年度报告》一、总体情况")


def test_a_growth_rate_quotes_the_growth_its_report_states(kaifeng_two_years: Answerer) -> None:
    a = ask(kaifeng_two_years, "开封2019年网站访问量增长率")  # 开封 2021 is loaded too: the one year asked
    assert (a.status, a.value, a.unit, a.agency, a.year) == ("answered", 20, "%", KF, 2019)
    assert a.text == quoted(2019, "增长")


def test_a_fall_asked_quotes_the_fall_its_report_states(kaifeng_two_years: Answerer) -> None:
    a = ask(kaifeng_two_years, "开封2021年网站访问量降幅")
    assert (a.status, a.value, a.agency, a.year) == ("answered", 20, KF, 2021)
    assert a.text == quoted(2021, "下降")


def test_a_fall_asked_of_a_year_that_grew_is_not_answered_with_the_growth(kaifeng_two_years: Answerer) -> None:
    a = ask(kaifeng_two_years, "开封2019年网站访问量降幅")
    assert (a.status, a.value, a.source) == ("unknown", None, None)
    assert a.text == f"知识库中没有{KF}2018年的年报。已载入：{KF}（2019、2021年）。"
