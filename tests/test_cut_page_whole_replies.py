"""The whole reply to a question on a page cut before its tables: the figure its text says, the table said
to be missing, the sentence quoted and the report named.  Made-up pages; every expected reply written by hand."""

from __future__ import annotations

import pytest
from kb_files import pages_answerer
from test_prose_for_missing_tables import PAGES as MISSING

from bot.reply.answer import Answerer, Context

PAGES = {
    "words.txt": MISSING["words.txt"],
    "active.txt": MISSING["active.txt"],
    "green.txt": "绿水乡2022年政府信息公开工作年度报告\n一、总体情况\n2022年，绿水乡主动公开政府信息30条，办理领导信箱来信5件。\n",
}

HONGHE = "2022年，新受理政府信息公开申请9件，办结7件，上年转结政府信息公开申请2件，转下一年办理4件。"
DONGHU = "2022年，主动公开政府信息40条，包括机构职能类3条、处罚强制类7条、规范性文件类2条、行政事业性收费信息4条。"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return pages_answerer(tmp_path_factory, PAGES)


@pytest.mark.parametrize(
    ("q", "text"),
    [
        ("红河县2022年新收的信息公开申请办结了几件",
         "红河县2022年本年度办理结果总计7件（表三缺失（页面在“一”处截断）；此数取自正文“办结7件”）。\n"
         f"原文：“{HONGHE}”\n来源：《红河县2022年政府信息公开工作年度报告》一、总体情况"),
        ("红河县2022年上年转结的申请有多少",
         "红河县2022年上年结转政府信息公开申请数量2件（表三缺失（页面在“一”处截断）；此数取自正文“上年转结政府信息公开申请2件”）。\n"
         f"原文：“{HONGHE}”\n来源：《红河县2022年政府信息公开工作年度报告》一、总体情况"),
        ("东湖镇2022年处罚强制类信息几条",
         f"东湖镇人民政府2022年：处罚强制类7条。\n原文：“{DONGHU}”\n来源：《东湖镇2022年政府信息公开工作年度报告》一、总体情况"),
        ("东湖镇2022年规范性文件公开了几条",
         f"东湖镇人民政府2022年：规范性文件类2条。\n原文：“{DONGHU}”\n来源：《东湖镇2022年政府信息公开工作年度报告》一、总体情况"),
        ("东湖镇2022年行政事业性收费信息几条",
         f"东湖镇人民政府2022年：行政事业性收费信息4条。\n原文：“{DONGHU}”\n来源：《东湖镇2022年政府信息公开工作年度报告》一、总体情况"),
    ],
)
def test_the_whole_reply_on_a_cut_page(answerer: Answerer, q: str, text: str) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.text) == ("answered", text)


@pytest.mark.parametrize(
    ("q", "status", "text"),
    [
        ("绿水乡2022年行政处罚几条", "unknown",
         "绿水乡人民政府2022年的年报不完整：表二缺失（页面在“一”处截断），报告中没有“行政处罚本年处理决定数量”的数字。"),
        ("绿水乡2022年新收的信息公开申请办结了几件", "clarify",
         "这个问题可以有几种理解，您问的是哪一个？\n1. 绿水2022年本年新收政府信息公开申请是多少\n"
         "2. 绿水2022年本年度办理结果总计是多少"),
    ],
)
def test_a_cut_page_that_says_no_such_figure(answerer: Answerer, q: str, status: str, text: str) -> None:
    a = answerer.answer(q, Context())  # the text has no such sentence: the table is said to be missing, or asked
    assert (a.status, a.text) == (status, text)
