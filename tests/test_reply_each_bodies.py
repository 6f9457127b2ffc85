"""One question over several bodies (“开封和平潭2019年行政复议各多少件”, “…一共多少”), pinned for the mutation run
of bot/reply/each.py and parts.py (issue 25): each body's line or its one-line reason, the chart's subject, and
the bodies' figures added up.

Figures read by hand: knowledge/data/reports/kaifeng-2019.txt table 四 行政复议 19 (10/2/2/5);
pingtan-2019.txt 行政复议 0; pingtan-2023.txt 行政复议 2 (1/1/0/0), 本年新收 81; hongze-2023.pdf 行政复议 总计 0
(结果维持10, 结果纠正1: the report's own inconsistency), 本年新收 21.  开封 2019's overview names several figures
of 申请 (527 received, 5 carried over, 526 answered, 58 not provided) and 平潭 2019's several too; 规范性文件
has three columns in table 二.
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

PT, KF, HZ = "平潭综合实验区", "开封市人民政府", "淮安市洪泽区人民政府"
T4 = "四、政府信息公开行政复议、行政诉讼情况，行政复议 · 总计"
KF_REVIEW = f"{KF}2019年行政复议19件（结果维持10件、结果纠正2件、其他结果2件、尚未审结5件）。"
HZ_REVIEW = f"{HZ}2023年行政复议0件（结果维持10件、结果纠正1件、其他结果0件、尚未审结0件）。"
HZ_WARNING = "⚠️ 报告自身数字不一致：表四“行政复议”：结果维持10＋结果纠正1＋其他结果0＋尚未审结0＝11，但总计为0"
KF_SRC = f"来源：《开封市人民政府2019年政府信息公开工作年度报告》{T4}"
HZ_SRC = f"来源：《洪泽区人民政府2023年政府信息公开工作年度报告》{T4}"


@pytest.fixture(scope="module")
def five(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("bodies") / "kb"
    names = ("kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt", "hongze-2023.pdf")
    assert not ingest([DATA / "reports" / n for n in names], Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


def ask(answerer: Answerer, question: str) -> Answer:
    return answerer.answer(question, Context())


def test_each_body_with_several_close_figures_says_so_in_one_line(five: Answerer) -> None:
    a = ask(five, "平潭和开封2019年申请各多少")
    assert (a.status, a.text) == ("unknown", f"{PT}2019年：报告中有几处相近的数字，请单独问这一项。\n"
                                             f"{KF}2019年：报告中有几处相近的数字，请单独问这一项。")


def test_each_body_with_several_columns_says_so_in_one_line(five: Answerer) -> None:
    a = ask(five, "平潭和开封2019年规范性文件各多少")
    assert (a.status, a.text) == ("unknown", f"{PT}2019年：有几种理解，请单独问这一项。\n"
                                             f"{KF}2019年：有几种理解，请单独问这一项。")


def test_two_bodies_of_one_year_are_a_series_about_that_year_and_item(five: Answerer) -> None:
    a = ask(five, "开封和平潭2019年行政复议各多少件")
    assert a.text == "\n".join([KF_REVIEW, f"{PT}2019年行政复议0件（结果维持0件、结果纠正0件、其他结果0件、尚未审结0件）。",
                                KF_SRC, f"来源：《平潭综合实验区2019年度政府信息公开工作年度报告》{T4}"])
    assert a.subject == "2019年行政复议"
    assert a.series == [{"agency": KF, "year": 2019, "value": 19}, {"agency": PT, "year": 2019, "value": 0}]


def test_the_year_said_after_the_item_is_the_year_of_each_body(five: Answerer) -> None:
    a = ask(five, "开封和平潭行政复议2019年各多少件")
    assert a.series == [{"agency": KF, "year": 2019, "value": 19}, {"agency": PT, "year": 2019, "value": 0}]


def test_without_a_year_a_body_of_several_years_is_asked_apart(five: Answerer) -> None:
    a = ask(five, "开封和平潭行政复议各多少件")
    assert a.text == "\n".join([KF_REVIEW, f"{PT}：{PT}有3个年度的年报，请单独问这一项。", KF_SRC])
    assert (a.subject, a.value, a.agency, a.year) == ("行政复议", 19, KF, 2019)


def test_two_bodies_added_up_over_their_own_years(five: Answerer) -> None:
    a = ask(five, "开封和洪泽行政复议一共多少件")
    assert a.text == "\n".join([f"{KF}、{HZ}行政复议合计19件（{KF}19 + {HZ}0 = 19；报告未单列此数，由各报告的数字相加）。",
                                KF_REVIEW, HZ_REVIEW, HZ_WARNING, KF_SRC, HZ_SRC])
    assert (a.value, a.year, a.formula) == (19, None, f"{KF}19 + {HZ}0 = 19")


def test_two_bodies_of_one_year_added_up_keep_the_year(five: Answerer) -> None:
    a = ask(five, "平潭和洪泽2023年一共收到多少申请")
    assert a.text.split("\n")[0] == (f"{PT}、{HZ}2023年本年新收政府信息公开申请合计102件"
                                     f"（{PT}81 + {HZ}21 = 102；报告未单列此数，由各报告的数字相加）。")
    assert (a.value, a.year, a.breakdown) == (102, 2023, [(PT, 81), (HZ, 21)])


PT_REVIEW_2023 = f"{PT}2023年行政复议2件（结果维持1件、结果纠正1件、其他结果0件、尚未审结0件）。"
PT_SRC_2023 = f"来源：《平潭综合实验区2023年度政府信息公开工作年度报告》{T4}"


@pytest.mark.parametrize("q", ["开封2019年和平潭2023年行政复议各多少件", "2019年开封和2023年平潭行政复议分别多少件"])
def test_each_body_with_its_own_year_said_beside_it(five: Answerer, q: str) -> None:
    # 开封 2019 and 平潭 2023 only: never 平潭 over both years, nor “没有2023年的年报” for 开封
    a = five.answer(q, Context())
    assert a.status == "answered"
    assert a.text == "\n".join([KF_REVIEW, PT_REVIEW_2023, KF_SRC, PT_SRC_2023])
    assert a.series == [{"agency": KF, "year": 2019, "value": 19}, {"agency": PT, "year": 2023, "value": 2}]


def test_each_body_with_its_own_year_from_the_text(five: Answerer) -> None:
    # 开封 2019 一、总体情况: “政策解读320条”; 平潭 2023: “全年发布政策解读117篇”
    a = five.answer("开封2019年和平潭2023年政策解读各多少", Context())
    assert a.status == "answered"
    assert [ln for ln in a.text.split("\n") if not ln.startswith(("原文", "来源"))] == [
        f"{KF}2019年：政策解读320条。", f"{PT}2023年：全年发布政策解读117篇。"]


def test_a_section_asked_of_two_bodies_is_named_by_its_heading(five: Answerer) -> None:
    # what `ask --json` shows as the subject: the template's heading, not the question's words cut short
    a = ask(five, "平潭和开封2019年存在的问题和改进措施各是什么")
    assert a.status == "answered"
    assert a.subject == "2019年存在的主要问题及改进情况"
    assert a.text.startswith("平潭综合实验区2019年存在的主要问题及改进情况：\n")
