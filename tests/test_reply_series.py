"""Several years of one agency: the series, the difference with its formula, one source line per report.

平潭's 行政复议 from its own table 四 (read by hand from the reports' digit runs): 2019 总计 0;
2021 维持 1, 纠正 0, 其他 2, 未审结 0, 总计 3; 2023 维持 1, 纠正 1, 其他 0, 未审结 0, 总计 2.
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

PINGTAN = ("pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt")


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("series") / "kb.json"
    ingest([DATA / "reports" / n for n in PINGTAN], Store(db), Settings())
    return Answerer(KnowledgeBase.load(db))


def ask(answerer: Answerer, question: str) -> Answer:
    return answerer.answer(question, Context())


def test_recent_years_give_each_years_figure_and_cite_each_report(answerer: Answerer) -> None:
    a = ask(answerer, "平潭近5年行政复议多少件")
    assert a.status == "answered"
    assert [(s["year"], s["value"]) for s in a.series] == [(2019, 0), (2021, 3), (2023, 2)]
    assert "2019年：0件；2021年：3件；2023年：2件" in a.text
    assert "最近5个年度" in a.text  # how “近5年” was read is said, with the years found
    for year in (2019, 2021, 2023):
        assert f"来源：《平潭综合实验区{year}年度政府信息公开工作年度报告》四、" in a.text


def test_two_named_years_of_one_column(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2021年和2023年行政复议结果维持多少件")
    assert [(s["year"], s["value"]) for s in a.series] == [(2021, 1), (2023, 1)]
    assert "结果维持" in a.text and "2021年：1件；2023年：1件" in a.text


def test_a_difference_shows_its_sign_and_formula(answerer: Answerer) -> None:
    # issue 9: “A比B少多少” is B − A, the amount asked for (2021 3 − 2023 2)
    a = ask(answerer, "平潭2023年比2021年行政复议少了多少")
    assert (a.status, a.value, a.unit) == ("answered", 1, "件")
    assert a.formula == "3 − 2 = 1"
    assert "2023年比2021年少1件" in a.text
    grew = ask(answerer, "平潭2021年比2019年行政复议多了多少")
    assert (grew.value, grew.formula) == (3, "3 − 0 = 3")
    assert "2021年比2019年多3件" in grew.text


def test_a_year_that_is_not_loaded_is_named_beside_the_ones_that_are(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2020年和2021年行政复议分别多少件")
    assert "2020" in a.text and "没有" in a.text
    assert "2021年：3件" in a.text or "行政复议3件" in a.text


PT = "来源：《平潭综合实验区{}年度政府信息公开工作年度报告》{}"


def test_a_series_reply_word_for_word(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2021年和2023年行政复议分别多少件")
    assert (a.status, a.value, a.unit) == ("answered", None, "件")
    assert a.text == "\n".join([
        "平潭综合实验区行政复议（2021、2023年）：2021年：3件；2023年：2件。",
        PT.format(2021, "四、政府信息公开行政复议、行政诉讼情况"),
        PT.format(2023, "四、政府信息公开行政复议、行政诉讼情况"),
    ])


def test_a_series_of_cells_that_give_no_number_says_so_for_each_year(answerer: Answerer) -> None:
    # 平潭 prints its 规范性文件 row as one run of digits in 2019 (898989) and in 2021 (693665)
    a = ask(answerer, "平潭2019年和2021年规范性文件本年新制作数量分别多少")
    assert (a.status, a.value, a.series) == ("unknown", None, [])
    assert a.text == "\n".join([
        "平潭综合实验区规范性文件本年新制作数量（2019、2021年）：2019年：未能给出数字；2021年：未能给出数字。",
        PT.format(2019, "二、主动公开政府信息情况"),
        PT.format(2021, "二、主动公开政府信息情况"),
    ])
