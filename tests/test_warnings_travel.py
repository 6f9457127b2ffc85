"""The reports' real inconsistencies go with every kind of reply that uses their cells.

Written by hand from the documents: 洪泽 2023 (hongze-2023.pdf) 表四 行政复议 结果维持10, 结果纠正1, 其他结果0,
尚未审结0, 总计0; 复议后起诉 结果维持5, others 0, 总计0.  开封 2019 (kaifeng-2019.txt) says “政府规范性文件845个”
in its overview while table 二 prints 规范性文件 对外公开总数量 815.  平潭 2023 (pingtan-2023.txt) 行政复议 2 件,
复议后起诉 结果维持 1.
"""

from __future__ import annotations

import json

import pytest

from bot.cli import main
from bot.present import charts, render
from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.models import Answer
from knowledge.paths import DATA
from knowledge.store import Store

HZ = "淮安市洪泽区人民政府"
HZ_REVIEW = "报告自身数字不一致：表四“行政复议”：结果维持10＋结果纠正1＋其他结果0＋尚未审结0＝11，但总计为0"
HZ_AFTER = "报告自身数字不一致：表四“复议后起诉”：结果维持5＋结果纠正0＋其他结果0＋尚未审结0＝5，但总计为0"
KF_845 = "报告正文与表格不一致：正文“政府规范性文件845个”为845，但表格“规范性文件／对外公开总数量”为815"
HZ_SRC = "来源：《洪泽区人民政府2023年政府信息公开工作年度报告》四、政府信息公开行政复议、行政诉讼情况"
PT_SRC = "来源：《平潭综合实验区2023年度政府信息公开工作年度报告》四、政府信息公开行政复议、行政诉讼情况"
KF_SRC = "来源：《开封市人民政府2019年政府信息公开工作年度报告》"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("travel") / "kb"
    reports = DATA / "reports"
    summary = ingest([reports / "kaifeng-2019.txt", reports / "pingtan-2023.txt", reports / "hongze-2023.pdf"],
                     Store(path), Settings())
    assert not summary.failures
    return str(path)


@pytest.fixture(scope="module")
def answerer(db: str) -> Answerer:
    return Answerer(KnowledgeBase.load(db))


def ask(answerer: Answerer, question: str) -> Answer:
    return answerer.answer(question, Context())


def test_a_single_figure(answerer: Answerer) -> None:
    a = ask(answerer, "洪泽2023年行政复议多少件")
    assert a.text == (f"{HZ}2023年行政复议0件（结果维持10件、结果纠正1件、其他结果0件、尚未审结0件）。\n"
                      f"⚠️ {HZ_REVIEW}\n{HZ_SRC}，行政复议 · 总计")
    assert a.warnings == [HZ_REVIEW]


def test_a_total_added_up_from_parts_one_of_which_is_flagged(answerer: Answerer) -> None:
    a = ask(answerer, "洪泽2023年行政诉讼多少件")
    assert a.text == (f"{HZ}2023年行政诉讼0件（未经复议直接起诉0件、复议后起诉0件）。报告未单列此数，由分项相加：0 + 0 = 0。\n"
                      f"⚠️ {HZ_AFTER}\n{HZ_SRC}，行政诉讼（直接起诉与复议后起诉之和） · 总计")


def test_items_added_up_carry_each_of_their_warnings_once(answerer: Answerer) -> None:
    a = ask(answerer, "洪泽2023年行政复议和行政诉讼一共多少件")
    assert a.text == (f"{HZ}2023年行政复议、行政诉讼合计0件（行政复议0 + 行政诉讼0 = 0；报告未单列此数，由表中数字相加）。\n"
                      f"⚠️ {HZ_REVIEW}\n⚠️ {HZ_AFTER}\n{HZ_SRC}")


def test_a_difference_names_the_flagged_side(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2023年行政复议比洪泽2023年多多少")
    assert a.text == ("平潭综合实验区2023年2件，淮安市洪泽区人民政府2023年0件。平潭综合实验区2023年比淮安市洪泽区人民政府2023年多2件"
                      f"（2 − 0 = 2）。\n⚠️ {HZ}2023年：{HZ_REVIEW}\n{PT_SRC}\n{HZ_SRC}")


def test_growth(answerer: Answerer) -> None:
    a = ask(answerer, "洪泽2023年复议后起诉结果维持比平潭2023年增长了百分之几")
    assert (a.value, a.warnings) == (400, [f"{HZ}2023年：{HZ_AFTER}"])
    assert a.text.split("\n")[1] == f"⚠️ {HZ}2023年：{HZ_AFTER}"


def test_a_rate_whose_total_is_the_flagged_zero(answerer: Answerer) -> None:
    a = ask(answerer, "洪泽2023年行政复议纠错率")
    assert a.text == f"{HZ}2023年行政复议纠错率的分母为0，无法计算。\n⚠️ {HZ_REVIEW}\n{HZ_SRC}"


def test_a_ranking_of_bodies_and_its_chart_mark_the_flagged_one(answerer: Answerer) -> None:
    a = ask(answerer, "哪个单位行政复议最多")
    assert a.text.split("\n")[1:5] == ["1. 开封市人民政府2019年：19件", "2. 平潭综合实验区2023年：2件",
                                       "3. 淮安市洪泽区人民政府2023年：0件", f"⚠️ {HZ}2023年：{HZ_REVIEW}"]
    chart = charts.chart_of(a)
    assert chart is not None
    assert chart.labels == ("开封2019", "平潭2023", "淮安市洪泽区2023＊")
    assert chart.flagged == (False, False, True)
    assert chart.caption.startswith("＊数字有勾稽提示（与报告其他数字对不上），见回答中的提示。")


def test_a_ranking_of_a_total_the_report_leaves_out_carries_the_warning_of_its_flagged_term(answerer: Answerer) -> None:
    # 行政诉讼 is 未经复议直接起诉 + 复议后起诉 of each report (开封 28 + 4, 平潭 5 + 2, 洪泽 0 + 0); 洪泽's 复议后起诉 is flagged
    a = ask(answerer, "哪个单位行政诉讼最多")
    assert a.text.split("\n")[1:5] == ["1. 开封市人民政府2019年：32件", "2. 平潭综合实验区2023年：7件",
                                       "3. 淮安市洪泽区人民政府2023年：0件", f"⚠️ {HZ}2023年：{HZ_AFTER}"]
    assert a.warnings == [f"{HZ}2023年：{HZ_AFTER}"]
    assert [p.get("warned", False) for p in a.ranking] == [False, False, True]

def test_a_ranking_of_one_reports_items(answerer: Answerer) -> None:
    a = ask(answerer, "洪泽2023年行政复议结果哪种最多")
    assert a.text.split("\n")[1:] == [f"⚠️ {HZ_REVIEW}", HZ_SRC]


def test_a_series_of_bodies(answerer: Answerer) -> None:
    a = ask(answerer, "各机关行政复议多少件")
    assert a.text.split("\n")[3] == f"⚠️ {HZ}2023年：{HZ_REVIEW}"
    assert [p.get("warned", False) for p in a.series] == [False, False, True]  # 平潭, 开封, 洪泽


def test_a_prose_figure_and_the_table_cell_it_contradicts(answerer: Answerer) -> None:
    a = ask(answerer, "开封2019年政府规范性文件845个是什么")
    assert a.text.split("\n")[2:] == [f"⚠️ {KF_845}", f"{KF_SRC}一、总体情况"]
    a = ask(answerer, "开封2019年规范性文件对外公开总数量多少")
    assert a.text == (f"开封市人民政府2019年规范性文件对外公开总数量815件。\n⚠️ {KF_845}\n"
                      f"{KF_SRC}二、主动公开政府信息情况，第二十条第（一）项 · 规范性文件 · 对外公开总数量")


def test_a_figure_no_check_concerns_carries_none(answerer: Answerer) -> None:
    a = ask(answerer, "开封2019年行政复议多少件")
    assert (a.warnings, "⚠️" in a.text) == ([], False)
    a = ask(answerer, "洪泽2023年本年新收政府信息公开申请多少件")  # table 三 of the same report adds up
    assert (a.value, a.warnings) == (21, [])


def test_a_group_one_liner_and_an_inline_card_keep_the_warning(answerer: Answerer) -> None:
    from bot.tg.inline import article

    a = ask(answerer, "洪泽2023年行政复议多少件")
    brief = render.html(a, brief=True).split("\n")
    assert brief[:2] == [f"{HZ}2023年行政复议<b>0件</b>。", f"⚠️ {HZ_REVIEW}"]
    card = article("洪泽2023年行政复议多少件", a).input_message_content.message_text
    assert card.split("\n")[1] == f"⚠️ {HZ_REVIEW}"


def test_ask_json_lists_the_warnings(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--db", db, "--json", "洪泽2023年行政诉讼多少件"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert (got["value"], got["warnings"]) == (0, [HZ_AFTER])


def test_check_db_lists_every_warning_one_line_each(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--db", db, "洪泽"]) == 0
    out = capsys.readouterr().out.split("\n")
    assert out[0] == (f"{HZ}2023年 · 四、政府信息公开行政复议、行政诉讼情况 · 行政复议结果维持、行政复议结果纠正、"
                      f"行政复议其他结果、行政复议尚未审结、行政复议 · {HZ_REVIEW}")
    assert out[2] == "合计：报告1份，有提示的1份，提示2条"
    assert main(["check", "--db", db]) == 0
    assert capsys.readouterr().out.split("\n")[-2] == "合计：报告3份，有提示的3份，提示4条"


def test_asking_whether_a_places_figures_have_problems_lists_them(answerer: Answerer) -> None:
    a = ask(answerer, "洪泽的数据有没有问题")
    b = ask(answerer, "/checks 洪泽")
    assert a.text == b.text
    assert a.text.split("\n")[0] == f"{HZ}：已载入的1份报告中，1份有勾稽提示，共2条："
    assert ask(answerer, "开封2019年的报告有错误吗").text.split("\n")[1].endswith(KF_845)
    assert ask(answerer, "郑州的数据有没有问题").text == "知识库中没有“郑州”的年报。"


def test_the_section_on_problems_is_not_taken_for_a_question_about_the_figures(answerer: Answerer) -> None:
    a = ask(answerer, "开封2019年报告存在的主要问题")
    assert a.text.startswith("开封市人民政府2019年存在的主要问题：\n存在问题：一是政府信息公开意识有待进一步增强")


def test_a_base_stored_before_warnings_named_their_cells_still_carries_them(db: str) -> None:
    # the same report with its warnings as an older version stored them: rule, message and section only
    from knowledge.models import Report, Warning_

    kb = KnowledgeBase.load(db)
    stored = kb.report_of[(HZ, 2023)]
    old = Report(id=stored.id, agency=HZ, year=2023, title=stored.title, template=stored.template,
                 source_file=stored.source_file, sections=stored.sections,
                 warnings=[Warning_(w.rule, w.message, w.section) for w in stored.warnings])
    legacy = Answerer(KnowledgeBase([old], facts=kb.table_facts(stored) + kb.prose(stored.id)))
    assert ask(legacy, "洪泽2023年行政诉讼多少件").warnings == [HZ_AFTER]


def test_a_figure_that_cannot_be_read_carries_no_warning_of_the_sentence_tried_for_it(answerer: Answerer) -> None:
    # 平潭 2023 table 二 runs 行政规范性文件's three figures together (“77132470”); its overview's “现行有效行政规范性文件393件”
    # disagrees with every reading — but the reply gives no figure and does not state 393
    a = ask(answerer, "平潭2023年行政规范性文件现行有效件数多少")
    assert a.text == ("平潭综合实验区2023年规范性文件现行有效件数：报告原文此处数字连写为“77132470”，无法确定如何拆分（可能是0、70、470、"
                      "2470、32470、132470），不能给出数字。\n"
                      "来源：《平潭综合实验区2023年度政府信息公开工作年度报告》二、主动公开政府信息情况，第二十条第（一）项 · 行政规范性文件 · "
                      "现行有效件数")
    assert (a.status, a.warnings) == ("unknown", [])


def test_a_ranking_of_bodies_of_one_year_marks_the_flagged_one(answerer: Answerer) -> None:
    a = ask(answerer, "2023年哪个单位行政复议最多")
    assert a.text.split("\n")[1:5] == ["1. 平潭综合实验区2023年：2件", "2. 淮安市洪泽区人民政府2023年：0件",
                                       "未能比较（没有数字或未载入）：开封市人民政府2023年（未载入）", f"⚠️ {HZ}2023年：{HZ_REVIEW}"]
    assert [(p["agency"], p.get("warned", False)) for p in a.ranking] == [("平潭综合实验区", False), (HZ, True)]


def test_two_bodies_named_mark_the_flagged_ones_point_in_the_chart(answerer: Answerer) -> None:
    a = ask(answerer, "平潭和洪泽2023年行政复议多少件")
    assert [(p["agency"], p.get("warned", False)) for p in a.series] == [("平潭综合实验区", False), (HZ, True)]
    chart = charts.chart_of(a)
    assert chart is not None
    assert (chart.labels, chart.flagged) == (("平潭", "淮安市洪泽区＊"), (False, True))
