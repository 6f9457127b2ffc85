"""The two sides of a change (“A比B”, “同比”, one year's 增长率) as the user reads them, over the 开封 2019 and
平潭 2019/2021/2023 reports; figures from the reports' table 四 (行政复议 总计: 开封 19, 平潭 0 / 3 / 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

REPORTS = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "reports"
LOADED = "已载入：开封市人民政府（2019年）；平潭综合实验区（2019、2021、2023年）。"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("sides") / "kb.json"
    files = [REPORTS / n for n in ("kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt")]
    assert not ingest(files, Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


@pytest.mark.parametrize(("q", "text"), [
    # one year's growth is against the year before, as “同比” says — never the year against itself (“增长0%”)
    ("平潭2021年行政复议增长了百分之几", f"知识库中没有平潭综合实验区2020年的年报。{LOADED}"),
    ("平潭2023年行政复议增长率", f"知识库中没有平潭综合实验区2022年的年报。{LOADED}"),
    ("平潭2023年行政复议同比增长率", f"知识库中没有平潭综合实验区2022年的年报。{LOADED}"),
    ("开封2019年行政复议增幅", f"知识库中没有开封市人民政府2018年的年报。{LOADED}"),
])
def test_the_growth_of_one_year_is_against_the_year_before(answerer: Answerer, q: str, text: str) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.value, a.text) == ("unknown", None, text)


def test_two_bodies_in_one_year_are_compared_with_each_other(answerer: Answerer) -> None:
    a = answerer.answer("开封和平潭2019年行政复议增长率", Context())
    assert (a.status, a.value) == ("unknown", None)
    assert a.text.split("\n")[0] == "开封市人民政府2019年19件，平潭综合实验区2019年0件；基数为0，增长率无法计算。"


def test_a_year_named_on_each_side_of_bi(answerer: Answerer) -> None:
    a = answerer.answer("平潭2023年行政复议比2021年增长率", Context())
    assert (a.status, a.value, a.unit) == ("answered", -33.33, "%")
    assert a.text.split("\n")[0] == ("平潭综合实验区2023年2件，平潭综合实验区2021年3件。"
                                     "平潭综合实验区2023年比2021年下降33.33%（(2 − 3) ÷ 3 = -33.33%）。")
    # the side before 比 names the body; the year after it is the other side's
    b = answerer.answer("2023年平潭行政复议比2021年少多少", Context())
    assert (b.status, b.value) == ("answered", 1)


def test_a_side_without_a_year_takes_the_other_sides(answerer: Answerer) -> None:
    a = answerer.answer("开封比平潭2019年行政复议多多少", Context())
    assert (a.status, a.value, a.unit) == ("answered", 19, "件")
    assert a.text.split("\n")[0] == ("开封市人民政府2019年19件，平潭综合实验区2019年0件。"
                                     "开封市人民政府2019年比平潭综合实验区2019年多19件（19 − 0 = 19）。")
    b = answerer.answer("开封2019年行政复议比上年增加了多少", Context())  # 上年: the year before the one named
    assert (b.status, b.text) == ("unknown", f"知识库中没有开封市人民政府2018年的年报。{LOADED}")


@pytest.mark.parametrize(("q", "year", "value"), [
    # “哪年多/哪年少” without 最 is the same ranking of the years as 哪年最多 (it listed them without saying which)
    ("平潭2021年和2023年行政复议哪年多", 2021, 3),
    ("平潭2021年和2023年行政复议哪年少一些", 2023, 2),
    ("平潭哪年行政复议多？", 2021, 3),
])
def test_which_year_is_more_without_zui_ranks_the_years(answerer: Answerer, q: str, year: int, value: int) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.year, a.value) == ("answered", year, value)


def test_which_year_how_many_is_not_taken_for_which_is_fewer(answerer: Answerer) -> None:
    a = answerer.answer("平潭哪年收到申请多少", Context())
    assert not a.text.startswith("按年度比较")  # “多少” asks a number, not which year has fewer


@pytest.mark.parametrize(("q", "text"), [
    # “变化多少” of one year is against the year before, as 增长率 is — it answered the year's own figure (19)
    ("开封2019年行政复议变化多少", f"知识库中没有开封市人民政府2018年的年报。{LOADED}"),
    ("平潭2023年行政复议比上年变化多少", f"知识库中没有平潭综合实验区2022年的年报。{LOADED}"),
])
def test_the_change_of_one_year_is_against_the_year_before(answerer: Answerer, q: str, text: str) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.value, a.text) == ("unknown", None, text)


def test_the_change_between_two_years_named(answerer: Answerer) -> None:
    a = answerer.answer("平潭2023年比2021年行政复议变化了多少", Context())
    assert (a.status, a.value, a.formula) == ("answered", -1, "2 − 3 = -1")
