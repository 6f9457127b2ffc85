"""“一共” over several bodies or years: the figures listed are added up, with the formula, in the reply's
first line — and never when one is missing, when they are rates, or when each is asked for.

Figures written by hand from the bundled reports: 本年新收政府信息公开申请 总计 — 平潭 2019 23, 2021 70, 2023 81;
洪泽 2023 21.  行政复议 总计 — 平潭 2019 0, 2021 3, 2023 2; 洪泽 2023 0 (its results add to 11: a warning).
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

PT, HZ = "平潭综合实验区", "淮安市洪泽区人民政府"
HZ_REVIEW = "报告自身数字不一致：表四“行政复议”：结果维持10＋结果纠正1＋其他结果0＋尚未审结0＝11，但总计为0"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    path = tmp_path_factory.mktemp("sums") / "kb"
    reports = DATA / "reports"
    files = [reports / f for f in ("pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt", "hongze-2023.pdf")]
    assert not ingest(files, Store(path), Settings()).failures
    return Answerer(KnowledgeBase.load(path))


def ask(answerer: Answerer, question: str) -> Answer:
    return answerer.answer(question, Context())


def test_two_bodies_added_up(answerer: Answerer) -> None:
    got = ask(answerer, "平潭和洪泽2023年一共收到多少申请")
    assert (got.status, got.value, got.unit, got.year) == ("answered", 102, "件", 2023)
    assert got.formula == f"{PT}81 + {HZ}21 = 102"
    assert got.breakdown == [(PT, 81), (HZ, 21)]
    assert got.text.split("\n")[:3] == [
        f"{PT}、{HZ}2023年本年新收政府信息公开申请合计102件（{PT}81 + {HZ}21 = 102；报告未单列此数，由各报告的数字相加）。",
        f"{PT}2023年本年新收政府信息公开申请81件。",
        f"{HZ}2023年本年新收政府信息公开申请21件。"]


def test_a_sum_keeps_the_warning_of_a_figure_it_adds(answerer: Answerer) -> None:
    got = ask(answerer, "平潭和洪泽2023年行政复议加起来多少件")
    assert (got.value, got.formula) == (2, f"{PT}2 + {HZ}0 = 2")
    assert got.warnings == [HZ_REVIEW]
    assert "⚠️ " + HZ_REVIEW in got.text.split("\n")


def test_each_asked_for_is_not_added(answerer: Answerer) -> None:
    got = ask(answerer, "平潭和洪泽2023年收到申请各多少件")
    assert got.formula is None and got.value is None
    assert "合计" not in got.text


def test_two_years_of_one_body_added_up(answerer: Answerer) -> None:
    got = ask(answerer, "平潭2021年和2023年一共收到多少申请")
    assert (got.status, got.value, got.formula) == ("answered", 151, "2021年70 + 2023年81 = 151")
    assert got.text.split("\n")[0] == (f"{PT}2021年和2023年本年新收政府信息公开申请合计151件"
                                       "（2021年70 + 2023年81 = 151；报告未单列此数，由各报告的数字相加）。")


def test_a_run_of_years_with_one_not_loaded_is_not_added(answerer: Answerer) -> None:
    got = ask(answerer, "平潭2019到2023年一共收到多少申请")
    assert (got.status, got.value, got.formula) == ("unknown", None, None)
    assert "未合计：缺少2020年、2022年的数字。" in got.text.split("\n")


def test_a_body_not_loaded_for_that_year_stops_the_sum(answerer: Answerer) -> None:
    got = ask(answerer, "平潭和洪泽2021年一共收到多少申请")
    assert (got.status, got.value, got.formula) == ("unknown", None, None)  # not 平潭's 70 alone
    assert got.text.split("\n")[0] == f"未合计：缺少{HZ}2021年的数字。"


def test_rates_are_never_added(answerer: Answerer) -> None:
    got = ask(answerer, "平潭2021年和2023年行政复议纠错率一共多少")
    assert got.formula is None
    assert "合计" not in got.text
