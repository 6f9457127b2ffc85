"""Single-figure replies the mutation run of bot/reply/compose.py found unpinned, written from the reports.

开封 2019 (knowledge/data/reports/kaifeng-2019.txt), table 二 in the 2019 layout: 行政处罚 处理决定数量
20815; 规章 has three columns (本年新制作数量, 本年新公开数量, 对外公开总数量).  平潭 2021 uses the 2021
layout: 规章 本年制发件数 / 本年废止件数 / 现行有效件数, and no 其他对外管理服务事项 row; its 行政复议 结果纠正
is 0 in 2021 and 1 in 2023.  A copy of 开封's report prints “—” for 行政复议 结果纠正 (维持10, 其他2,
未审结5, 总计19); another lengthens the sentence that begins with the 839 items of the 领导信箱.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from report_fixtures import report_copy

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.models import Answer
from knowledge.paths import DATA
from knowledge.store import Store

KF = "来源：《开封市人民政府2019年政府信息公开工作年度报告》"
PT21 = "平潭综合实验区2021年"
LONGER = "，并在每月底汇总形成工作台账，逐条登记办理时限、办理单位和群众满意度，定期通报"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("cells") / "kb.json"
    files = [DATA / "reports" / n for n in ("kaifeng-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt")]
    assert not ingest(files, Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


def ask(answerer: Answerer, question: str) -> Answer:
    return answerer.answer(question, Context())


def edited(tmp_path: Path, old: str, new: str) -> Answerer:
    db = tmp_path / "kb.json"
    assert not ingest([report_copy(tmp_path, [(old, new)], "kaifeng-2019.txt")], Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db), warm=False)


def test_an_enforcement_item_without_a_column_gives_its_decisions(answerer: Answerer) -> None:
    a = ask(answerer, "开封2019年行政处罚多少")
    assert (a.status, a.value, a.field) == ("answered", 20815, "active.penalty/decisions")
    assert a.text == ("开封市人民政府2019年行政处罚处理决定数量20815件。\n" + KF
                      + "二、主动公开政府信息情况，第二十条第（六）项 · 行政处罚 · 处理决定数量")
    from bot.tg.inline import source_line  # an inline result's description

    assert source_line(a) == "来源：开封市人民政府2019年政府信息公开工作年度报告 · 二、主动公开政府信息情况"


def test_the_usual_column_is_named_as_the_reports_layout_names_it(answerer: Answerer) -> None:
    # the 2021 layout calls it 本年处理决定数量 (2019: 处理决定数量); 平潭 2021 prints 行政处罚 1282
    a = ask(answerer, "平潭2021年行政处罚多少")
    assert (a.status, a.value, a.field) == ("answered", 1282, "active.penalty/decisions")
    assert a.text.split("\n")[0] == f"{PT21}行政处罚本年处理决定数量1282件。"


def test_two_columns_named_are_offered_both(answerer: Answerer) -> None:
    a = ask(answerer, "开封2019年规章新制作和新公开各多少")
    assert (a.status, a.value, a.agency, a.year) == ("clarify", None, "开封市人民政府", 2019)
    assert a.options == ["开封市人民政府2019年规章本年新制作数量是多少", "开封市人民政府2019年规章本年新公开数量是多少"]


def test_the_columns_offered_are_named_as_the_reports_layout_names_them(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2021年规章多少")
    assert (a.status, a.agency, a.year) == ("clarify", "平潭综合实验区", 2021)
    assert a.options == [f"{PT21}规章本年制发件数是多少", f"{PT21}规章本年废止件数是多少", f"{PT21}规章现行有效件数是多少"]


def test_an_item_the_2021_layout_dropped_is_said_to_be_missing_from_it(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2021年其他对外管理服务事项处理决定数量")
    assert (a.status, a.value, a.agency, a.year, a.field) == (
        "unknown", None, "平潭综合实验区", 2021, "active.other_service/decisions")
    assert a.text == f"{PT21}的年报（2021版格式）没有“其他对外管理服务事项处理决定数量”这一项。"


def test_an_item_only_the_2021_layout_has_is_missing_from_a_2019_report(answerer: Answerer) -> None:
    a = ask(answerer, "开封2019年无正当理由逾期不补正的申请多少件")
    assert (a.status, a.value) == ("unknown", None)
    assert a.text == "开封市人民政府2019年的年报（2019版格式）没有“申请人无正当理由逾期不补正”这一项。"


def test_a_whole_number_is_a_json_integer_and_a_rate_keeps_its_decimals(answerer: Answerer) -> None:
    assert json.dumps(ask(answerer, "开封2019年行政复议多少件").value) == "19"
    assert json.dumps(ask(answerer, "开封2019年予以公开占比").value) == "65.02"


def test_the_whole_of_section_1_is_quoted_not_one_of_its_parts(answerer: Answerer) -> None:
    a = ask(answerer, "开封2019年总体情况")
    assert (a.status, a.section) == ("answered", "一、总体情况")
    assert a.text.startswith("开封市人民政府2019年总体情况：\n2019年，开封市人民政府认真贯彻落实")
    for part in ("（一）主动公开政府信息情况", "（二）依申请公开政府信息情况", "（五）政府信息公开监督保障及教育培训情况"):
        assert part in a.text
    assert a.text.endswith("\n" + KF + "一、总体情况")


def test_one_more_is_more_not_less(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2021年和2023年行政复议结果纠正对比")
    assert (a.status, a.value, a.formula) == ("answered", 1, "1 − 0 = 1")
    assert a.text.split("\n")[0] == ("平潭综合实验区行政复议结果纠正（2021、2023年）：2021年：0件；2023年：1件。"
                                     "2023年比2021年多1件（1 − 0 = 1）。")


def test_a_result_printed_as_dash_is_left_out_of_the_breakdown_and_never_guessed_at(tmp_path: Path) -> None:
    # 10 + 2 + 5 = 17 of 19: the “—” may stand for the other 2, so nothing is said to disagree
    a = ask(edited(tmp_path, "10\t2\t2\t5\t19\t15", "10\t—\t2\t5\t19\t15"), "开封2019年行政复议多少件")
    assert (a.status, a.value, a.breakdown) == ("answered", 19, [("结果维持", 10), ("其他结果", 2), ("尚未审结", 5)])
    assert a.text.startswith("开封市人民政府2019年行政复议19件（结果维持10件、其他结果2件、尚未审结5件）。\n来源：")
    assert a.warnings == []


def test_results_printed_beside_a_dash_that_already_pass_the_total_disagree_whatever_it_means(tmp_path: Path) -> None:
    a = ask(edited(tmp_path, "10\t2\t2\t5\t19\t15", "10\t—\t2\t9\t19\t15"), "开封2019年行政复议多少件")
    assert a.warnings == ["报告自身数字不一致：表四“行政复议”：结果维持10＋其他结果2＋尚未审结9＝21，但总计为19"]


def test_a_long_sentence_that_begins_with_the_figure_is_quoted_from_its_start(tmp_path: Path) -> None:
    # the 23 characters of the item, the 40 after it (39 added and “；”), then “…”
    old = "利用网站设置的领导信箱反映各类事项办结839条；"
    a = ask(edited(tmp_path, old, old.removesuffix("；") + LONGER + "；"), "开封2019年领导信箱办结多少条")
    assert (a.status, a.value) == ("answered", 839)
    assert a.text.split("\n")[1] == ("原文：“利用网站设置的领导信箱反映各类事项办结839条，并在每月底汇总形成工作台账，"
                                     "逐条登记办理时限、办理单位和群众满意度，定期通报；…”")


def test_a_part_of_section_1_that_no_year_has_is_no_answer(tmp_path: Path) -> None:
    # 平潭's 2019 section 一 has no （一）…（五） parts; a copy of it titled 2020 has none either
    later = report_copy(tmp_path, [("标题: 平潭综合实验区2019年度", "标题: 平潭综合实验区2020年度")], "pingtan-2020.txt",
                        source="pingtan-2019.txt")
    db = tmp_path / "kb.json"
    assert not ingest([DATA / "reports" / "pingtan-2019.txt", later], Store(db), Settings()).failures
    a = ask(Answerer(KnowledgeBase.load(db), warm=False), "平潭2019年和2020年政府信息公开平台建设情况")
    assert (a.status, a.value, a.section) == ("unknown", None, "一、总体情况")
    assert a.text == "\n\n".join(f"平潭综合实验区{y}年的年报“一、总体情况”中没有单列“政府信息公开平台建设情况”部分。"
                                 for y in (2019, 2020))


@pytest.mark.parametrize(("q", "reply"), [
    ("开封2019年规章废止件数和现行有效件数", "开封市人民政府2019年的年报（2019版格式）没有“规章本年废止件数”、“规章现行有效件数”这几项。"),
    ("平潭2021年规章新公开和对外公开总数量",
     f"{PT21}的年报（2021版格式）没有“规章本年新公开数量”、“规章对外公开总数量”这几项。"),
])  # fmt: skip
def test_columns_the_reports_layout_lacks_are_said_to_be_missing_not_offered(answerer: Answerer, q: str,
                                                                            reply: str) -> None:
    a = ask(answerer, q)
    assert (a.status, a.value, a.options, a.text) == ("unknown", None, [], reply)
    assert (a.agency, a.year) == (("开封市人民政府", 2019) if q.startswith("开封") else ("平潭综合实验区", 2021))


def test_of_three_columns_named_only_the_layouts_own_are_offered(answerer: Answerer) -> None:
    a = ask(answerer, "开封2019年规章新制作、新公开和废止件数")  # 本年废止件数 is a 2021 column
    assert a.status == "clarify"
    assert a.options == ["开封市人民政府2019年规章本年新制作数量是多少", "开封市人民政府2019年规章本年新公开数量是多少"]


def test_a_sentence_of_exactly_160_characters_is_quoted_whole(tmp_path: Path) -> None:
    # the 领导信箱 sentence is 140 characters; 20 added make it 160, the longest quoted without cutting
    old = "利用网站设置的领导信箱反映各类事项办结839条；"
    added = "，并在每月底汇总形成工作台账，定期通报了"
    a = ask(edited(tmp_path, old, old.removesuffix("；") + added + "；"), "开封2019年领导信箱办结多少条")
    assert a.text.split("\n")[1] == ("原文：“利用网站设置的领导信箱反映各类事项办结839条，并在每月底汇总形成工作台账，定期通报了；"
                                     "与开封日报报业集团联合推出“走进直播室”系列政务访谈，邀请各县区政府、市政府各部门主要负责同志走进访谈室，"
                                     "结合广大公众关注的热点、难点问题，积极回应公众提问，做好相关政策解读；政府公报全年编印四期，"
                                     "刊发44篇文章，共计二十四万余字。”")


def test_the_year_before_is_counted_back_from_the_year_named(tmp_path: Path) -> None:
    # a 2020 copy of 开封's report prints the same 行政复议 19 as 2019
    later = report_copy(tmp_path, [("# 开封市人民政府2019年", "# 开封市人民政府2020年")], "kaifeng-2020.txt")
    db = tmp_path / "kb.json"
    assert not ingest([DATA / "reports" / "kaifeng-2019.txt", later], Store(db), Settings()).failures
    bot = Answerer(KnowledgeBase.load(db), warm=False)
    for q in ("开封2020年行政复议比上一年多了多少", "开封2020年行政复议比前一年多了多少"):
        a = ask(bot, q)
        assert (a.status, a.value, a.formula) == ("answered", 0, "19 − 19 = 0"), q
        assert "开封市人民政府2020年与2019年持平" in a.text, q
