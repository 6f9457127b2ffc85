"""A word typed after a clarify that more than one option holds picks none of them (bot/reply/thread.pick and
_distinct), and a follow-up keeps the body, the row and the table of the last question (whole, _who,
_only_columns, _without); pinned for the mutation run of bot/reply/thread.py (issue 25).

Figures read by hand from knowledge/data/reports/kaifeng-2019.txt: 一、总体情况 “政府信息公开共收到行政复议19件
（结果维持10件、结果纠正2件、其他结果2件、尚未审结5件）、行政诉讼32件，其中未经复议直接起诉28件…，复议后起诉4件”;
table 三 (一) 予以公开: 自然人 302, 商业企业 37, 科研机构 1 … 总计 342; table 三 本年新收 527.
"""

from __future__ import annotations

import pytest
from kb_files import KAIFENG, bundled_answerer

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.models import Answer
from knowledge.store import Store

KF = "开封市人民政府"
KF_SRC = f"来源：《{KF}2019年政府信息公开工作年度报告》"
REVIEW = "四、政府信息公开行政复议、行政诉讼情况"
SIMILAR = "报告中有几处相近的数字，您问的是哪一个？\n"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return bundled_answerer(tmp_path_factory, "kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt",
                            "pingtan-2023.txt", "hongze-2023.pdf")


@pytest.fixture(scope="module")
def two_kaifengs(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    """开封市 and a 开封县 (the 开封 2019 report under the county's name): both are “开封” said short."""
    folder = tmp_path_factory.mktemp("two")
    county = folder / "kaifengxian-2019.txt"
    county.write_text(KAIFENG.read_text(encoding="utf-8").replace("开封市", "开封县"), encoding="utf-8")
    db = folder / "kb.json"
    assert not ingest([KAIFENG, county], Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


def talk(answerer: Answerer, *questions: str) -> Answer:
    ctx = Context()
    for q in questions[:-1]:
        answerer.answer(q, ctx)
    return answerer.answer(questions[-1], ctx)


def _numbered(*options: str) -> str:
    return "\n".join(f"{i}. {o}" for i, o in enumerate(options, 1))


def test_a_word_both_options_hold_picks_neither(answerer: Answerer) -> None:
    # 信息 is in 共公布政府信息 and in 采购项目信息: it was read as option 1 and answered 2599 (a wrong pick)
    a = talk(answerer, "平潭综合实验区2019年政府信息公开申请", "信息")
    assert a.status == "clarify"
    assert a.text == SIMILAR + _numbered("平潭2019年我区政府信息公开单位共公布政府信息多少条", "平潭2019年全年共发布多少条信息",
                                         "平潭2019年医用耗材价格等信息多少条", "平潭2019年今年共发布多少条财政资金信息")


def test_a_word_two_of_four_options_hold_picks_neither(answerer: Answerer) -> None:
    # 共发 is in 全年共发布 (option 2) and 今年共发布 (option 4): no pick, and 共发 alone names no item
    a = talk(answerer, "平潭综合实验区2019年信息", "共发")
    assert a.status != "answered" and a.value is None
    assert a.text.startswith("年报中没有找到与这个问题对应的数字或内容。")


def test_a_word_several_suggested_items_hold_is_asked_as_a_question_of_its_own(answerer: Answerer) -> None:
    a = talk(answerer, "历年呢", "公开")  # 公开 is in options 1, 2, 3 and 6
    assert a.text == "知识库中有3个机关的年报，您问的是哪一个？\n" + _numbered("平潭公开", "开封公开", "淮安市洪泽区公开")


def test_a_word_of_four_of_six_suggested_items_picks_none(answerer: Answerer) -> None:
    a = talk(answerer, "开封", "公开")  # 予以公开, 不予公开, 主动公开, 政府信息公开申请
    assert a.status == "clarify" and a.value is None
    assert a.text == SIMILAR + _numbered("开封2019年全市各县区及市政府各部门共主动公开各类政府信息多少条",
                                         "开封2019年全市共收到政府信息公开申请多少件", "开封2019年上年结转信息公开申请多少件",
                                         "开封2019年予以公开多少件")


def test_a_word_two_columns_hold_picks_neither_column(answerer: Answerer) -> None:
    a = talk(answerer, "开封2019年规范性文件多少", "公开")  # 本年新公开 and 对外公开总数量: not 815
    assert a.status == "clarify" and a.value is None
    assert a.text.startswith(SIMILAR + "1. 开封2019年全市各县区及市政府各部门共主动公开各类政府信息多少条\n")


def test_a_word_of_two_of_three_options_is_read_as_asked_not_as_one_of_them(answerer: Answerer) -> None:
    # 复议 is in option 2 (行政复议) and option 3 (复议后起诉, 4): 开封2019年复议 is 行政复议
    a = talk(answerer, "开封其他", "复议")
    assert a.text == (f"{KF}2019年行政复议19件（结果维持10件、结果纠正2件、其他结果2件、尚未审结5件）。\n"
                      f"{KF_SRC}{REVIEW}，行政复议 · 总计")


def test_a_follow_up_keeps_the_county_and_never_becomes_the_city_of_its_short_name(two_kaifengs: Answerer) -> None:
    a = talk(two_kaifengs, "开封县2019年行政复议多少件", "行政诉讼呢")
    assert (a.status, a.agency, a.value) == ("answered", "开封县人民政府", 32)
    assert a.text.startswith("开封县人民政府2019年行政诉讼32件（未经复议直接起诉28件、复议后起诉4件）。")


def test_a_column_of_another_table_is_not_a_column_of_the_row_asked(answerer: Answerer) -> None:
    # 结果纠正 is a column of 行政复议 and of 行政诉讼, not of 收到的申请 (527): which of the two
    a = talk(answerer, "开封2019年收到多少申请", "其中结果纠正呢")
    assert a.status == "clarify"
    assert a.text == ("这个问题可以有几种理解，您问的是哪一个？\n"
                      + _numbered("开封2019年行政复议结果纠正是多少", "开封2019年行政诉讼结果纠正是多少"))


def test_a_column_after_two_columns_replaces_both(answerer: Answerer) -> None:
    a = talk(answerer, "开封2019年自然人和商业企业申请中予以公开多少件", "其中科研机构呢")
    assert a.text == (f"{KF}2019年科研机构申请中予以公开1件。\n{KF_SRC}三、收到和处理政府信息公开申请情况，"
                      "(一) 予以公开 · 科研机构")
    assert (a.status, a.value) == ("answered", 1)

