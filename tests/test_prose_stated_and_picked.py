"""Figures of a report's sentences as a person reads the reply: a rate the text states in other words
(群众满意率 for 满意度), a year's own figure beside a cumulative one, the options offered when several
fit, several years in one line.  Made-up pages; every expected reply written by hand from the page."""

from __future__ import annotations

import pytest
from kb_files import pages_answerer

from bot.reply.answer import Answerer, Context

PAGES = {
    "rate.txt": "柳河县2022年政府信息公开工作年度报告\n一、总体情况\n2022年，柳河县主动公开率达98.5%。"
                "全县主动公开的政府信息占21.02%。\n",
    "share.txt": "桃源县2022年政府信息公开工作年度报告\n一、总体情况\n2022年，桃源县主动公开政府信息800条，"
                 "主动公开的政府信息占21.02%。\n",
    "survey.txt": "杏林镇2022年政府信息公开工作年度报告\n一、总体情况\n2022年，杏林镇主动公开政府信息800条。"
                  "发放满意度调查问卷200份。经统计公众满意率达96%。\n",
    "year.txt": "石岭县2022年政府信息公开工作年度报告\n一、总体情况\n2022年，本年发布政策解读45篇，累计发布政策解读300篇。"
                "截至2022年底累计发文300件，本年发文45件。\n",
    "letters.txt": "青石镇2022年政府信息公开工作年度报告\n一、总体情况\n2022年，办理群众来信20件均在20个工作日内回复，"
                   "办理热线来电8件。\n",
    "letters-2021.txt": "青石镇2021年政府信息公开工作年度报告\n一、总体情况\n2021年，办理群众来信15件。\n",
    "briefings.txt": "松山区2022年政府信息公开工作年度报告\n一、总体情况\n2022年，召开季度通报会议3次，组织每周例行通报7次。\n",
    "visits.txt": "云台乡2022年政府信息公开工作年度报告\n一、总体情况\n2022年，云台乡行政复议案件同比增长20%。\n",
}


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return pages_answerer(tmp_path_factory, PAGES)


@pytest.mark.parametrize(
    ("q", "text"),
    [
        # the report's own 主动公开率, not the share of all its information in another sentence
        ("柳河县2022年主动公开率是多少",
         "柳河县2022年：柳河县主动公开率达98.5%。\n原文：“2022年，柳河县主动公开率达98.5%。”\n"
         "来源：《柳河县2022年政府信息公开工作年度报告》一、总体情况"),
        # the only sentence naming 主动公开 with a percentage says it in other words: that is the rate
        ("桃源县2022年主动公开率是多少",
         "桃源县2022年：主动公开的政府信息占21.02%。\n原文：“2022年，桃源县主动公开政府信息800条，主动公开的政府信息占21.02%。”\n"
         "来源：《桃源县2022年政府信息公开工作年度报告》一、总体情况"),
        # 满意度 is the percentage the survey found, not the number of questionnaires sent out
        ("杏林镇2022年公众满意度是多少",
         "杏林镇人民政府2022年：经统计公众满意率达96%。\n原文：“经统计公众满意率达96%。”\n"
         "来源：《杏林镇2022年政府信息公开工作年度报告》一、总体情况"),
    ],
)
def test_a_rate_the_text_states(answerer: Answerer, q: str, text: str) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.text) == ("answered", text)


@pytest.mark.parametrize(
    ("q", "text"),
    [
        # both items are said word for word in the question: the year's, never the running total
        ("石岭县2022年发布政策解读多少篇",
         "石岭县2022年：本年发布政策解读45篇。\n原文：“2022年，本年发布政策解读45篇，累计发布政策解读300篇。”\n"
         "来源：《石岭县2022年政府信息公开工作年度报告》一、总体情况"),
        # the running total fits best, but the same sentence gives the year's own figure
        ("石岭县2022年发文多少件",
         "石岭县2022年：本年发文45件。\n原文：“截至2022年底累计发文300件，本年发文45件。”\n"
         "来源：《石岭县2022年政府信息公开工作年度报告》一、总体情况"),
    ],
)
def test_a_year_asked_gets_the_years_own_figure(answerer: Answerer, q: str, text: str) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.text) == ("answered", text)


def test_each_option_asks_for_its_own_figure_only(answerer: Answerer) -> None:
    a = answerer.answer("青石镇2022年办理多少件", Context())  # “20个工作日” keeps its 20
    assert (a.status, a.text) == ("clarify", "报告中有几处相近的数字，您问的是哪一个？\n1. 青石2022年办理群众来信多少件均在20个工作日内回复\n"
                                             "2. 青石2022年办理热线来电多少件")


def test_two_figures_each_named_in_part_are_asked_back(answerer: Answerer) -> None:
    a = answerer.answer("松山区2022年季度和每周通报多少次", Context())  # never the 季度 figure alone
    assert (a.status, a.text) == ("clarify", "报告中有几处相近的数字，您问的是哪一个？\n1. 松山2022年召开季度通报会议多少次\n"
                                             "2. 松山2022年组织每周例行通报多少次")


def test_a_year_with_several_close_figures_says_so_beside_the_others(answerer: Answerer) -> None:
    a = answerer.answer("青石镇2021年和2022年办理多少件", Context())
    assert (a.status, a.value, a.year) == ("answered", 15, 2021)
    assert a.text == ("青石镇人民政府办理（2021、2022年）：2021年：15件；2022年：报告中有几处相近的数字，请单独问这一年。\n\n"
                      "青石镇人民政府2021年：办理群众来信15件。\n原文：“2021年，办理群众来信15件。”\n"
                      "来源：《青石镇2021年政府信息公开工作年度报告》一、总体情况")


def test_a_change_of_another_item_is_no_answer(answerer: Answerer) -> None:
    a = answerer.answer("云台乡2022年申请数增长了多少", Context())  # the page's only change is of 行政复议
    assert a.status == "unknown"
    assert "20%" not in a.text
