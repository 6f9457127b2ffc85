"""Whole replies pinned for the survivors of bot/reply/select.py's mutation run of issue 25 (run of 19bf226):
the sides of a difference when one of them has no year or no body, the questions back of a comparison with no
body, the years not loaded of a change or a “哪年”, a share of a word read two ways, and a
run-together cell settled by the report's sentence.

Figures read by hand from knowledge/data/reports: table 四 行政复议 总计 — 开封 2019: 19, 平潭 2019: 0;
平潭 2023 table 三 予以公开 22, table 四 结果纠正 行政复议 1, 行政诉讼 0 (1 ÷ 22 = 4.55 %); 平潭 2023 table 二
规范性文件 printed “77132470”, its 一、总体情况 “动态更新本年度制发的规范性文件77件”.
"""

from __future__ import annotations

import pytest
from kb_files import bundled_answerer

from bot.reply.answer import Answerer, Context
from knowledge.models import Answer

KF, PT = "开封市人民政府", "平潭综合实验区"
LOADED = "已载入：开封市人民政府（2019年）；平潭综合实验区（2019、2021、2023年）。"
KF_SRC = f"来源：《{KF}2019年政府信息公开工作年度报告》四、政府信息公开行政复议、行政诉讼情况"
PT_SRC = f"来源：《{PT}2019年度政府信息公开工作年度报告》四、政府信息公开行政复议、行政诉讼情况"
NEED_YEAR = f"请写明{PT}的年份（已载入2019、2021、2023年）。"


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return bundled_answerer(tmp_path_factory, "kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt",
                            "pingtan-2023.txt")


@pytest.fixture(scope="module")
def kaifeng(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return bundled_answerer(tmp_path_factory, "kaifeng-2019.txt")


def ask(answerer: Answerer, question: str) -> Answer:
    return answerer.answer(question, Context())


@pytest.mark.parametrize("question", ["开封和平潭行政复议差多少", "平潭和开封行政复议差多少"])
def test_two_bodies_without_a_year_ask_the_year_of_the_one_with_several(four: Answerer, question: str) -> None:
    # 开封 has 2019 alone loaded, so it takes that year; 平潭 has three: its year is asked, whichever side it is on
    a = ask(four, question)
    assert (a.status, a.value, a.agency, a.year, a.options, a.text) == ("unknown", None, None, None, [], NEED_YEAR)


def test_a_year_named_after_two_bodies_is_each_bodys(four: Answerer) -> None:
    a = ask(four, "平潭和开封2019年行政复议差多少")
    assert (a.status, a.value, a.agency, a.year) == ("answered", -19, PT, 2019)
    assert a.text == (f"{PT}2019年0件，{KF}2019年19件。{PT}2019年比{KF}2019年少19件（0 − 19 = -19）。\n"
                      f"{PT_SRC}\n{KF_SRC}")


def test_the_year_of_the_right_side_is_the_left_sides_when_it_has_none(four: Answerer) -> None:
    a = ask(four, "平潭比开封2019年行政复议多多少")
    assert (a.status, a.value, a.agency, a.year) == ("answered", -19, PT, 2019)
    assert a.text == (f"{PT}2019年0件，{KF}2019年19件。{PT}2019年比{KF}2019年少19件（不是多）（0 − 19 = -19）。\n"
                      f"{PT_SRC}\n{KF_SRC}")


@pytest.mark.parametrize("question", ["2019年行政复议比平潭和开封多多少", "开封和平潭2019年行政复议相比多多少"])
def test_two_bodies_named_once_on_one_side_are_compared_with_each_other(four: Answerer, question: str) -> None:
    a = ask(four, question)
    assert (a.status, a.value, a.agency, a.year) == ("answered", 19, KF, 2019)
    assert a.text == (f"{KF}2019年19件，{PT}2019年0件。{KF}2019年比{PT}2019年多19件（19 − 0 = 19）。\n"
                      f"{KF_SRC}\n{PT_SRC}")


@pytest.mark.parametrize("question", ["2019年比2023年行政复议增长多少", "从2019年到2023年行政复议增长多少"])
def test_a_change_over_years_with_no_body_and_several_loaded_asks_which(four: Answerer, question: str) -> None:
    a = ask(four, question)
    assert (a.status, a.value, a.agency, a.text) == ("unknown", None, None, "请写明要比较的机关。")


def test_a_change_between_two_years_not_loaded_names_both(four: Answerer) -> None:
    a = ask(four, "平潭从2017年到2018年行政复议增长多少")
    assert (a.status, a.value) == ("unknown", None)
    assert a.text == f"知识库中没有{PT}2017、2018年的年报。{LOADED}"


def test_which_year_of_years_no_body_has_says_so_with_the_years(four: Answerer) -> None:
    a = ask(four, "2020年和2022年行政复议哪年最多")
    assert (a.status, a.value, a.agency) == ("unknown", None, None)
    assert a.text == f"知识库中没有已载入的任何机关2020、2022年的年报。{LOADED}"


def test_which_year_with_the_one_body_loaded_names_that_body(kaifeng: Answerer) -> None:
    a = ask(kaifeng, "2018年和2020年行政复议哪年最多")
    assert (a.status, a.value) == ("unknown", None)
    assert a.text == f"知识库中没有{KF}2018、2020年的年报。已载入：{KF}（2019年）。"


def test_a_share_of_a_word_read_two_ways_adds_both_readings(four: Answerer) -> None:
    # 结果纠正 is 行政复议's and 行政诉讼's; neither is part of 予以公开, so both are taken (1 + 0) of 22
    a = ask(four, "平潭2023年结果纠正占予以公开的比例")
    assert (a.status, a.value, a.unit, a.agency, a.year) == ("answered", 4.55, "%", PT, 2023)
    assert a.text.startswith(f"{PT}2023年行政复议结果纠正、行政诉讼结果纠正占予以公开的4.55%"
                             "（(行政复议结果纠正1 + 行政诉讼结果纠正0) ÷ 予以公开22 = 4.55%；")


def test_a_share_of_a_total_read_two_ways_is_not_taken(four: Answerer) -> None:
    a = ask(four, "平潭2023年予以公开占结果纠正的比例")
    assert (a.status, a.value, a.agency, a.year) == ("unknown", None, PT, 2023)
    assert a.text == "“予以公开”本身就是总数，请说明要算哪一项占它的比例，例如：予以公开占办理结果总计的比例。"


def test_a_run_together_cell_is_settled_by_the_reports_sentence(four: Answerer) -> None:
    a = ask(four, "平潭2023年本年度制发规范性文件多少件")
    assert (a.status, a.value, a.agency, a.year) == ("answered", 77, PT, 2023)
    assert a.text == ("表中该栏数字连写为“77132470”，按报告正文：平潭综合实验区2023年：动态更新本年度制发的规范性文件77件。\n"
                      "原文：“按照省政府办公厅相关工作要求设立规范性文件库，清理并集中发布现行有效行政规范性文件393件，"
                      "动态更新本年度制发的规范性文件77件。”\n"
                      f"来源：《{PT}2023年度政府信息公开工作年度报告》一、总体情况")


@pytest.mark.parametrize("question", ["开封和平潭相比2019年行政复议多多少", "开封与平潭相比2019年行政复议多多少"])
def test_a_year_after_two_bodies_compared_is_both_bodies_year(four: Answerer, question: str) -> None:
    # was: “比较的两边是同一份年报（开封市人民政府2019年）” — the year after 相比 took 平潭's place
    a = ask(four, question)
    assert (a.status, a.value, a.agency, a.year) == ("answered", 19, KF, 2019)
    assert a.text == (f"{KF}2019年19件，{PT}2019年0件。{KF}2019年比{PT}2019年多19件（19 − 0 = 19）。\n"
                      f"{KF_SRC}\n{PT_SRC}")


def test_a_year_after_two_bodies_compared_that_one_lacks_says_so(four: Answerer) -> None:
    a = ask(four, "平潭和开封相比2023年行政复议多多少")
    assert (a.status, a.value, a.text) == ("unknown", None, f"知识库中没有{KF}2023年的年报。{LOADED}")
