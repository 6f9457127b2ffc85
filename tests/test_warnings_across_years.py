"""A figure that the same body's next report contradicts carries that report's cross-year warning.

The bundled reports have no two consecutive years of one body, so 平潭's 2021 report is stored a second time as
its 2022 report (pingtan-2021.txt with every “2021” written “2022”).  Read by hand from pingtan-2021.txt, table
三: 上年结转政府信息公开申请数量 0 in every column; 结转下年度继续办理 自然人 1, 总计 1.  So the 2022 copy's 上年结转
(0) disagrees with the 2021 report's 结转下年度继续办理 (1) — in the 自然人 column and the 总计 — and the 2022
report holds those two warnings (knowledge/checks/years.py).  开封 2019 (kaifeng-2019.txt) 结转下年度继续办理
总计 6; its overview says “政府规范性文件845个” while table 二 prints 规范性文件 对外公开总数量 815.
"""

from __future__ import annotations

import pytest

from bot.reply.answer import Answerer, Context
from bot.reply.thread import turn
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.models import Answer
from knowledge.paths import DATA
from knowledge.store import Store

PT = "平潭综合实验区"
KF = "开封市人民政府"
ACROSS = "与上年报告不一致：2022年上年结转（总计）0件，但2021年报告的结转下年度继续办理为1件"
ACROSS_NATURAL = "与上年报告不一致：2022年上年结转（“自然人”列）0件，但2021年报告的结转下年度继续办理为1件"
SECTION = "三、收到和处理政府信息公开申请情况"
SRC21 = f"来源：《{PT}2021年度政府信息公开工作年度报告》{SECTION}"
SRC22 = f"来源：《{PT}2022年度政府信息公开工作年度报告》{SECTION}"
KF_845 = "报告正文与表格不一致：正文“政府规范性文件845个”为845，但表格“规范性文件／对外公开总数量”为815"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("across")
    copy = folder / "pingtan-2022.txt"
    copy.write_text((DATA / "reports" / "pingtan-2021.txt").read_text(encoding="utf-8").replace("2021", "2022"),
                    encoding="utf-8")
    files = [DATA / "reports" / "pingtan-2021.txt", copy, DATA / "reports" / "kaifeng-2019.txt"]
    assert not ingest(files, Store(folder / "kb"), Settings()).failures
    return str(folder / "kb")


@pytest.fixture(scope="module")
def answerer(db: str) -> Answerer:
    return Answerer(KnowledgeBase.load(db))


def ask(answerer: Answerer, question: str) -> Answer:
    return answerer.answer(question, Context())


def test_the_earlier_years_figure_carries_the_next_reports_warning(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2021年结转下年度继续办理多少件")
    assert a.text == (f"{PT}2021年结转下年度继续办理1件。\n⚠️ {ACROSS}\n"
                      f"{SRC21}，四、结转下年度继续办理 · 总计")
    assert (a.value, a.warnings) == (1, [ACROSS])


def test_a_column_of_the_earlier_year_carries_the_warning_about_that_column(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2021年结转下年度继续办理自然人多少")
    assert a.text == (f"{PT}2021年自然人申请中结转下年度继续办理1件。\n⚠️ {ACROSS_NATURAL}\n"
                      f"{SRC21}，四、结转下年度继续办理 · 自然人")
    assert a.warnings == [ACROSS_NATURAL]


def test_the_later_years_own_figure_carries_the_same_warning(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2022年上年结转多少件")
    assert a.text == (f"{PT}2022年上年结转政府信息公开申请数量0件。\n⚠️ {ACROSS}\n"
                      f"{SRC22}，二、上年结转政府信息公开申请数量 · 总计")
    assert a.warnings == [ACROSS]


def test_a_figure_neither_side_of_the_check_carries_none(answerer: Answerer) -> None:
    # the 2022 report's 结转下年度继续办理 is checked against no 2023 report; 2021's 上年结转 against no 2020 one
    for q, value in (("平潭2022年结转下年度继续办理多少件", 1), ("平潭2021年上年结转多少件", 0),
                     ("平潭2021年本年新收政府信息公开申请多少件", 70)):
        a = ask(answerer, q)
        assert (a.value, a.warnings, "⚠️" in a.text) == (value, [], False)


def test_a_series_over_both_years_marks_the_flagged_year(answerer: Answerer) -> None:
    a = ask(answerer, "平潭各年结转下年度继续办理多少件")
    assert a.text == (f"{PT}结转下年度继续办理（2021、2022年）：2021年：1件；2022年：1件。\n"
                      f"变化：2022年与2021年持平。\n⚠️ 2022年：{ACROSS}\n{SRC21}\n{SRC22}")
    assert a.warnings == [f"2022年：{ACROSS}"]
    assert [(p["year"], p.get("warned", False)) for p in a.series] == [(2021, True), (2022, False)]


def test_a_difference_with_another_body_names_the_report_holding_the_warning(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2021年结转下年度继续办理比开封2019年多多少")
    assert a.text == (f"{PT}2021年1件，{KF}2019年6件。{PT}2021年比{KF}2019年少5件（不是多）（1 − 6 = -5）。\n"
                      f"⚠️ {PT}2022年：{ACROSS}\n{SRC21}\n来源：《{KF}2019年政府信息公开工作年度报告》{SECTION}")
    assert a.warnings == [f"{PT}2022年：{ACROSS}"]
    assert [(p["agency"], p.get("warned", False)) for p in a.series] == [(PT, True), (KF, False)]


def test_a_growth_that_cannot_be_computed_carries_the_warning_of_the_zero_it_states(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2022年上年结转比2021年增长了百分之几")
    assert a.text == (f"{PT}2022年0件，{PT}2021年0件；基数为0，增长率无法计算。\n⚠️ 2022年：{ACROSS}\n"
                      f"来源：《{PT}2022年度政府信息公开工作年度报告》{SECTION}\n{SRC21}")
    assert (a.status, a.warnings) == ("unknown", [f"2022年：{ACROSS}"])


def test_a_question_asked_back_carries_no_warning(answerer: Answerer) -> None:
    a = ask(answerer, "平潭结转下年度继续办理多少件")
    assert a.text == (f"{PT}有2个年度的年报，您问的是哪一年？\n1. 2022年平潭结转下年度继续办理多少件\n"
                      "2. 2021年平潭结转下年度继续办理多少件")
    assert (a.status, a.warnings) == ("clarify", [])


def test_picking_the_flagged_year_of_the_question_asked_back_gives_its_warning(answerer: Answerer) -> None:
    ctx = Context()
    assert turn(answerer, "平潭结转下年度继续办理多少件", ctx).status == "clarify"
    a = turn(answerer, "2", ctx)
    assert (a.value, a.warnings) == (1, [ACROSS])


def test_a_base_stored_before_warnings_named_their_cells_checks_the_report_again(db: str) -> None:
    # 开封 2019 as an older version stored it: its warnings without cells; the prose figure is checked again
    from knowledge.models import Report, Warning_

    kb = KnowledgeBase.load(db)
    stored = kb.report_of[(KF, 2019)]
    old = Report(id=stored.id, agency=KF, year=2019, title=stored.title, template=stored.template,
                 source_file=stored.source_file, sections=stored.sections,
                 warnings=[Warning_(w.rule, w.message, w.section) for w in stored.warnings])
    legacy = Answerer(KnowledgeBase([old], facts=kb.table_facts(stored) + kb.prose(stored.id)))
    a = ask(legacy, "开封2019年规范性文件对外公开总数量多少")
    assert a.text == (f"{KF}2019年规范性文件对外公开总数量815件。\n⚠️ {KF_845}\n"
                      f"来源：《{KF}2019年政府信息公开工作年度报告》二、主动公开政府信息情况，第二十条第（一）项 · "
                      "规范性文件 · 对外公开总数量")


def test_a_share_of_two_flagged_figures_carries_both_warnings_in_the_order_used(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2021年自然人结转下年度继续办理占结转下年度继续办理的比例")
    assert a.text == (f"{PT}2021年自然人申请中结转下年度继续办理占结转下年度继续办理的100%（自然人申请中结转下年度继续办理1 ÷ "
                      "结转下年度继续办理1 = 100%；报告未直接给出，由表中数字计算）。\n"
                      f"⚠️ {ACROSS_NATURAL}\n⚠️ {ACROSS}\n{SRC21}")
    assert (a.value, a.warnings) == (100, [ACROSS_NATURAL, ACROSS])


def test_a_ranking_of_one_reports_columns_marks_no_point(answerer: Answerer) -> None:
    # 结转下年度继续办理 of 2021: 自然人 1, 商业企业/科研机构/社会公益组织/法律服务机构/其他 0
    a = ask(answerer, "平潭2021年哪类申请人结转下年度继续办理最多")
    assert a.text == (f"{PT}2021年结转下年度继续办理的申请人中最多的是自然人（1件）。依次为：自然人1件、商业企业0件、科研机构0件、"
                      f"社会公益组织0件、法律服务机构0件、其他0件。\n⚠️ {ACROSS_NATURAL}\n{SRC21}")
    assert [p.get("warned", False) for p in a.ranking] == [False] * 6


def test_a_share_that_cannot_be_computed_carries_no_warning_of_the_figure_it_does_not_state(answerer: Answerer) -> None:
    # 2021's 上年结转 is 0, so the share is not computed; its 结转下年度继续办理 (1, flagged) is read but not stated
    a = ask(answerer, "平潭2021年结转下年度继续办理占上年结转的比例")
    assert a.text == (f"{PT}2021年上年结转政府信息公开申请数量为0，无法计算“结转下年度继续办理占上年结转政府信息公开申请数量的比例”。\n"
                      f"{SRC21}")
    assert (a.status, a.warnings) == ("unknown", [])
