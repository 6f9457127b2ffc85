"""Which group a “哪种/哪类最多” question ranks: 行政复议's results asked without 结果, 行政诉讼's results asked with
it, the applicants named by their kind (法人或其他组织, 申请主体) rather than by the word 申请人.

开封 2019 (knowledge/data/reports/kaifeng-2019.txt), read by hand — table 四: 行政复议 结果维持 10, 结果纠正 2,
其他结果 2, 尚未审结 5; 行政诉讼 未经复议直接起诉 维持 15, 纠正 3, 其他 6, 未审结 4, 复议后起诉 维持 1, 纠正 0, 其他 0,
未审结 3 (so 行政诉讼 维持 16, 纠正 3, 其他 6, 未审结 7); table 三, 本年新收: 自然人 482, 商业企业 38, 科研机构 2,
社会公益组织 1, 法律服务机构 1, 其他 3.
"""

from __future__ import annotations

import pytest

from bot.reply.answer import Answerer
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.paths import DATA
from knowledge.store import Store

KF = "开封市人民政府"
SOURCE = "来源：《开封市人民政府2019年政府信息公开工作年度报告》"
T3 = "三、收到和处理政府信息公开申请情况"
T4 = "四、政府信息公开行政复议、行政诉讼情况"


@pytest.fixture(scope="module")
def kaifeng(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("item-groups") / "kb"
    assert not ingest([DATA / "reports" / "kaifeng-2019.txt"], Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


def test_review_asked_without_the_word_results_ranks_its_results_not_the_two_kinds_of_suit(kaifeng: Answerer) -> None:
    a = kaifeng.answer("开封2019年行政复议哪种最多")
    assert (a.status, a.value, a.unit, a.agency, a.year, a.field) == ("answered", 10, "件", KF, 2019, "review/upheld")
    assert a.text == ("开封市人民政府2019年行政复议结果中最多的是结果维持（10件）。"
                      "依次为：结果维持10件、尚未审结5件、结果纠正2件、其他结果2件。\n" + SOURCE + T4)


def test_litigation_asked_with_the_word_results_ranks_its_results_added_over_both_kinds(kaifeng: Answerer) -> None:
    a = kaifeng.answer("开封2019年行政诉讼结果哪种最多")
    assert (a.status, a.value, a.unit, a.field) == ("answered", 16, "件", "litigation/upheld")
    assert a.text == ("开封市人民政府2019年行政诉讼结果中最多的是结果维持（16件）。依次为：结果维持16件（报告未单列，由分项相加）、"
                      "尚未审结7件（报告未单列，由分项相加）、其他结果6件（报告未单列，由分项相加）、"
                      "结果纠正3件（报告未单列，由分项相加）。\n" + SOURCE + T4)
    assert [(x["item"], x["value"]) for x in a.ranking] == [("结果维持", 16), ("尚未审结", 7), ("其他结果", 6), ("结果纠正", 3)]


@pytest.mark.parametrize("q", ["开封2019年申请主体中哪类最多"])  # (法人或其他组织中: its own columns, test_reply_items)
def test_applicants_named_by_their_kind_rank_the_applicants(kaifeng: Answerer, q: str) -> None:
    a = kaifeng.answer(q)
    assert (a.status, a.value, a.field, a.section) == ("answered", 482, "apply.new/natural", T3)
    assert a.text == ("开封市人民政府2019年申请人中最多的是自然人（482件）。依次为：自然人482件、商业企业38件、其他3件、"
                      "科研机构2件、社会公益组织1件、法律服务机构1件。\n" + SOURCE + T3)


def test_a_ranking_naming_no_group_is_no_ranking(kaifeng: Answerer) -> None:
    a = kaifeng.answer("开封2019年哪类最多")
    assert (a.status, a.value, a.ranking) == ("unknown", None, [])
    assert a.text == "年报中没有找到与这个问题对应的数字或内容。可以问：2019年行政复议多少件；2019年收到多少政府信息公开申请"


def test_a_ranking_of_an_item_with_two_readings_asks_which_before_ranking(kaifeng: Answerer) -> None:
    # 结果纠正 is a result of 行政复议 and of 行政诉讼: which one, not 行政复议's four results ranked
    a = kaifeng.answer("开封2019年结果纠正哪种最多")
    options = ["开封2019年行政复议结果纠正是多少", "开封2019年行政诉讼结果纠正是多少"]
    assert (a.status, a.value, a.options, a.ranking) == ("clarify", None, options, [])
    assert a.text == "这个问题可以有几种理解，您问的是哪一个？\n1. 开封2019年行政复议结果纠正是多少\n2. 开封2019年行政诉讼结果纠正是多少"


def test_the_eight_reasons_withheld_list_seven_and_say_how_many(kaifeng: Answerer) -> None:
    # table 三 (三) 不予公开: 1.国家秘密 0, 2.其他法律行政法规禁止公开 1, 3.危及“三安全一稳定” 0, 4.保护第三方合法权益 13,
    # 5.三类内部事务信息 0, 6.四类过程性信息 0, 7.行政执法案卷 0, 8.行政查询事项 71: the zeros in the template's order
    a = kaifeng.answer("开封2019年不予公开的原因中哪个最多")
    assert a.text == ("开封市人民政府2019年不予公开中最多的是属于行政查询事项（71件）。依次为：属于行政查询事项71件、"
                      "保护第三方合法权益13件、其他法律行政法规禁止公开1件、属于国家秘密0件、危及“三安全一稳定”0件、"
                      "属于三类内部事务信息0件、属于四类过程性信息0件等8项。\n" + SOURCE + T3)
    assert len(a.ranking) == 8 and a.ranking[-1]["item"] == "属于行政执法案卷"


def test_one_kind_of_suit_ranks_its_own_results(kaifeng: Answerer) -> None:
    a = kaifeng.answer("开封2019年未经复议直接起诉结果哪种最多")
    assert (a.status, a.value, a.field) == ("answered", 15, "litigation.direct/upheld")
    assert a.text == ("开封市人民政府2019年未经复议直接起诉结果中最多的是结果维持（15件）。"
                      "依次为：结果维持15件、其他结果6件、尚未审结4件、结果纠正3件。\n" + SOURCE + T4)


def test_a_group_the_2019_layout_does_not_split_is_not_compared(kaifeng: Answerer) -> None:
    # （六）其他处理 has sub-rows only in the 2021 layout: 开封 2019 prints the row alone
    a = kaifeng.answer("开封2019年其他处理哪类最多")
    assert (a.status, a.value, a.agency, a.year) == ("unknown", None, KF, 2019)
    assert a.text == "开封市人民政府2019年的年报没有给出其他处理各项的数字，无法比较。"


def test_a_ranking_of_a_table_two_item_asks_which_column_not_which_part(kaifeng: Answerer) -> None:
    a = kaifeng.answer("开封2019年主动公开规章哪种最多")
    options = ["开封市人民政府2019年规章本年新制作数量是多少", "开封市人民政府2019年规章本年新公开数量是多少",
               "开封市人民政府2019年规章对外公开总数量是多少"]
    assert (a.status, a.options, a.ranking) == ("clarify", options, [])
    assert a.text == "您问的是哪一栏？\n" + "\n".join(f"{i}. {o}" for i, o in enumerate(options, 1))
