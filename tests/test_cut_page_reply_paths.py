"""Questions on pages cut before their tables that the text's sentences do not settle: a figure of the text
about something else is never the table's cell, several figures are asked about, a question for no one body
asks which.  Made-up pages; every expected reply written by hand."""

from __future__ import annotations

import pytest
from kb_files import KAIFENG, pages_answerer
from test_prose_for_missing_tables import PAGES as MISSING

from bot.reply.answer import Answerer, Context

PAGES = {
    "words.txt": MISSING["words.txt"],
    "active.txt": MISSING["active.txt"],
    "in-force.txt": "青石镇2022年政府信息公开工作年度报告\n一、总体情况\n2022年，青石镇主动公开政府信息50条，"
                    "现行有效规范性文件12件，受理政府信息公开申请3件。\n",
    "both.txt": "碧溪镇2022年政府信息公开工作年度报告\n一、总体情况\n2022年，碧溪镇主动公开政府信息50条，"
                "现行有效规范性文件12件，本年制发规范性文件3件，受理政府信息公开申请3件。\n",
    "training.txt": "云台乡2022年政府信息公开工作年度报告\n一、总体情况\n2022年，云台乡主动公开政府信息20条，"
                    "开展行政复议工作培训2场。\n",
    "catalogue.txt": "白石乡2022年政府信息公开工作年度报告\n一、总体情况\n2022年，白石乡主动公开政府信息30条，"
                     "公开现行有效规范性文件目录2条。\n",
}


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return pages_answerer(tmp_path_factory, PAGES)


@pytest.mark.parametrize(
    ("q", "text"),
    [
        # 2场 of trainings on 行政复议 is no count of 行政复议 cases
        ("云台乡2022年行政复议几件",
         "云台乡人民政府2022年的年报不完整：表四缺失（页面在“一”处截断），报告中没有“行政复议”的数字。"),
        # a column of table 二 asked: “规范性文件类2条” of the text is not its 现行有效件数
        ("东湖镇2022年规范性文件现行有效几件",
         "东湖镇人民政府2022年的年报不完整：表二缺失（页面在“一”处截断），报告中没有“规范性文件现行有效件数”的数字。"),
        # nor are the 2 entries of a catalogue of them
        ("白石乡2022年规范性文件现行有效几件",
         "白石乡人民政府2022年的年报不完整：表二缺失（页面在“一”处截断），报告中没有“规范性文件现行有效件数”的数字。"),
    ],
)
def test_a_figure_of_the_text_about_something_else_is_not_the_cell(answerer: Answerer, q: str, text: str) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.text) == ("unknown", text)


@pytest.mark.parametrize(
    ("q", "text"),
    [
        # two columns asked, the text saying one: not answered with the one alone
        ("青石镇2022年规范性文件制发和现行有效各几件",
         "您问的是哪一栏？\n1. 青石镇人民政府2022年规范性文件本年制发件数是多少\n2. 青石镇人民政府2022年规范性文件现行有效件数是多少"),
        # the text states two figures of 规范性文件: which one
        ("碧溪镇2022年规范性文件几件",
         "报告中有几处相近的数字，您问的是哪一个？\n1. 碧溪2022年现行有效规范性文件多少件\n2. 碧溪2022年本年制发规范性文件多少件"),
        # no body named, several loaded: the readings are asked first, of no report's text
        ("2022年处罚强制类信息几条",
         "这个问题可以有几种理解，您问的是哪一个？\n1. 2022年行政处罚是多少\n2. 2022年行政强制是多少"),
        ("2022年新收的信息公开申请办结了几件",
         "这个问题可以有几种理解，您问的是哪一个？\n1. 2022年本年新收政府信息公开申请是多少\n2. 2022年本年度办理结果总计是多少"),
    ],
)
def test_several_figures_asked_about_are_asked_back(answerer: Answerer, q: str, text: str) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.text) == ("clarify", text)


def test_a_page_cut_after_its_table_asks_the_readings_as_ever(tmp_path_factory: pytest.TempPathFactory) -> None:
    """开封 2019 cut before 四, its text saying 本年度办结526件: table 三 is there, so its two readings are asked."""
    whole = KAIFENG.read_text(encoding="utf-8")
    page = whole[: whole.index("### 四、")].replace("开封", "石城").replace("已答复申请526件", "本年度办结526件")
    a = pages_answerer(tmp_path_factory, {"shicheng.txt": page}).answer("石城2019年新收的信息公开申请办结了几件", Context())
    assert (a.status, a.text) == ("clarify", "这个问题可以有几种理解，您问的是哪一个？\n1. 石城2019年本年新收政府信息公开申请是多少\n"
                                             "2. 石城2019年本年度办理结果总计是多少")
