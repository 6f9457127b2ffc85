"""A page cut before its tables still says some of their figures in words (收到依申请公开N件, 转下一年办理N件,
均为自然人, 行政复议和行政诉讼均为0件): the question for the missing cell is answered from that sentence,
saying the table is missing.  Made-up pages; expectations written by hand."""

from __future__ import annotations

import pytest
from kb_files import pages_answerer

from bot.reply.answer import Answerer, Context

PAGES = {
    "town.txt": "白沙镇2022年政府信息公开工作年度报告\n一、总体情况\n(二)依申请公开情况。2022年，白沙镇共受理政府信息依申请"
                "公开3件，部分公开1件，上年转结政府信息公开申请2件，转下一年办理1件，进入行政复议程序和行政诉讼程序均为0件。\n"
                "(三)政府信息管理情况。规范发布流程。\n",
    "county.txt": "石门县2022年政府信息公开工作年度报告\n一、总体情况\n(二)依申请公开情况。2022年，收到依申请公开4件，"
                  "其中县政府办收到4件。均为自然人政府信息公开申请，其中通过网站申请1件。行政复议和行政诉讼各2件。\n",
    "words.txt": "红河县2022年政府信息公开工作年度报告\n一、总体情况\n(二)依申请公开情况。2022年，新受理政府信息公开申请9件，"
                 "办结7件，上年转结政府信息公开申请2件，转下一年办理4件。\n",
    "sums.txt": "金山区2022年政府信息公开工作年度报告\n一、总体情况\n2022年，办理人大代表建议23件、政协提案31件，"
                "开展在线访谈4次。通过门户网站发布信息900条，其中概况类信息12条、政务动态类信息80条。\n",
    "active.txt": "东湖镇2022年政府信息公开工作年度报告\n一、总体情况\n2022年，主动公开政府信息40条，包括机构职能类3条、"
                  "处罚强制类7条、规范性文件类2条、行政事业性收费信息4条。办理12345政务服务热线310件、领导信箱20件。"
                  "共收到政府信息公开申请6件。各村、政府部门上报信息15条。\n",
    "other.txt": "青山乡2022年政府信息公开工作年度报告\n一、总体情况\n2022年，青山乡收到政府信息公开申请5件，"
                 "其中自然人3件，行政复议1件，行政诉讼2件。\n",
}


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return pages_answerer(tmp_path_factory, PAGES)


@pytest.mark.parametrize(
    ("q", "value", "words"),
    [
        ("白沙镇2022年收到依申请公开几件", 3, "白沙镇共受理政府信息依申请公开3件"),
        ("白沙镇2022年上年结转的申请几件", 2, "上年转结政府信息公开申请2件"),
        ("白沙镇2022年转下一年办理的申请几件", 1, "转下一年办理1件"),
        ("白沙镇2022年部分公开几件", 1, "部分公开1件"),
        ("白沙镇2022年行政复议几件", 0, "进入行政复议程序和行政诉讼程序均为0件"),
        ("白沙镇2022年行政诉讼几件", 0, "进入行政复议程序和行政诉讼程序均为0件"),
        ("石门县2022年收到多少申请", 4, "收到依申请公开4件"),
        ("石门县2022年自然人申请几件", 4, "收到依申请公开4件…均为自然人"),
        ("石门县2022年行政诉讼多少件", 2, "行政复议和行政诉讼各2件"),
    ],
)
def test_a_missing_cell_said_in_words(answerer: Answerer, q: str, value: int, words: str) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.value) == ("answered", value)
    assert f"此数取自正文“{words}”" in a.text.splitlines()[0]


def test_some_natural_persons_are_not_all(answerer: Answerer) -> None:
    a = answerer.answer("青山乡2022年自然人申请几件", Context())  # “其中自然人3件” is no rule for the missing cell
    assert a.value != 5


@pytest.mark.parametrize(
    ("q", "value", "words"),
    [
        ("红河县2022年新收的信息公开申请办结了几件", 7, "办结7件"),  # 新收 or 办结: the sentence says 办结
        ("红河县2022年上年转结的申请有多少", 2, "上年转结政府信息公开申请2件"),  # the report's own inversion
        ("红河县上年转结的申请有多少", 2, "上年转结政府信息公开申请2件"),  # 上年 here is no year
    ],
)
def test_the_reports_own_wording_picks_one_reading(answerer: Answerer, q: str, value: int, words: str) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.value) == ("answered", value)
    assert f"此数取自正文“{words}”" in a.text


@pytest.mark.parametrize("q", ["白沙镇2022年主动公开信息多少条", "白沙镇2022年主动公开的信息多少条", "白沙镇2022年主动公开了多少信息"])
def test_zhudong_gongkai_is_one_term_never_offered_as_an_application_outcome(answerer: Answerer, q: str) -> None:
    a = answerer.answer(q, Context())  # the page says no 主动公开 figure: it is not there, not 予以公开
    assert a.status == "unknown"
    assert a.text.startswith("白沙镇人民政府2022年的年报中没有找到“主动公开”")
    assert "予以公开" not in a.text and "不予公开" not in a.text


@pytest.mark.parametrize(
    ("q", "value", "formula"),
    [
        ("金山区2022年人大代表建议和政协提案一共办理多少件", 54, "23 + 31 = 54"),
        ("金山区2022年概况类和政务动态类信息合计多少条", 92, "12 + 80 = 92"),
    ],
)
def test_two_figures_of_one_sentence_are_added_with_the_formula(answerer: Answerer, q: str, value: int,
                                                                 formula: str) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.value, a.formula) == ("answered", value, formula)
    assert "报告正文分别写有" in a.text.splitlines()[0]


def test_two_figures_of_different_units_are_not_added(answerer: Answerer) -> None:
    a = answerer.answer("金山区2022年人大代表建议和在线访谈一共多少", Context())
    assert a.value not in (27, 23, 4)


@pytest.mark.parametrize(
    ("q", "value"),
    [
        ("东湖镇2022年处罚强制类信息几条", 7),  # one category of the text, not 行政处罚 or 行政强制 of table 二
        ("东湖镇2022年行政事业性收费信息几条", 4),  # a count of 信息, not the table's 收费金额
        ("东湖镇2022年规范性文件公开了几条", 2),  # not asked which column of a table the page lacks
        ("东湖镇2022年12345热线办理了多少件", 310),  # the item by its short name
        ("东湖镇2022年一共有多少人来申请政府信息公开", 6),
        ("东湖镇2022年主动公开了多少条政府信息", 40),  # 政府信息 is no short name of 政府部门上报信息
    ],
)
def test_a_cut_page_answers_from_its_text(answerer: Answerer, q: str, value: int) -> None:
    a = answerer.answer(q, Context())
    assert (a.status, a.value, a.section) == ("answered", value, "一、总体情况")


def test_a_money_column_is_never_a_count_of_the_text(answerer: Answerer) -> None:
    a = answerer.answer("东湖镇2022年行政事业性收费金额多少万元", Context())
    assert a.status != "answered"
