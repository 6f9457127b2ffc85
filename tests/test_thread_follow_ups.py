"""Follow-ups in a conversation (bot/reply/thread: turn, whole, remember, pick), pinned for the mutation run of
issue 25: the whole reply a person gets after a short follow-up.

Figures read by hand from knowledge/data/reports/: 行政复议 总计 — 平潭 2019 0, 2021 3 (维持1 纠正0 其他2 尚未0),
2023 2 (维持1 纠正1); 开封 2019 19 (维持10 纠正2 其他2 尚未5); 洪泽 2023 0 (维持10 纠正1, the report's own
inconsistency).  本年新收申请 — 平潭 2021 70 (自然人64), 2023 81 (自然人80); 开封 2019 527 (自然人482).
开封 2019 予以公开: 自然人 302, 法人或其他组织 37 + 1 + 0 + 1 + 1 = 40.
"""

from __future__ import annotations

import pytest
from kb_files import bundled_answerer

from bot.reply.answer import Answerer, Context
from knowledge.models import Answer

PT = "平潭综合实验区"
KF = "开封市人民政府"
HZ = "淮安市洪泽区人民政府"
REVIEW = "四、政府信息公开行政复议、行政诉讼情况"
APPLY = "三、收到和处理政府信息公开申请情况"
PT_SRC = f"来源：《{PT}{{}}年度政府信息公开工作年度报告》"
KF_SRC = f"来源：《{KF}2019年政府信息公开工作年度报告》"
HZ_SRC = "来源：《洪泽区人民政府2023年政府信息公开工作年度报告》"
HZ_REVIEW = "报告自身数字不一致：表四“行政复议”：结果维持10＋结果纠正1＋其他结果0＋尚未审结0＝11，但总计为0"
LOADED = f"已载入：{KF}（2019年）；{PT}（2019、2021、2023年）；{HZ}（2023年）。"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return bundled_answerer(tmp_path_factory, "kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt",
                            "pingtan-2023.txt", "hongze-2023.pdf")


def talk(answerer: Answerer, *questions: str) -> tuple[Answer, Context]:
    ctx = Context()
    for q in questions[:-1]:
        answerer.answer(q, ctx)
    return answerer.answer(questions[-1], ctx), ctx


def test_two_years_named_in_a_follow_up_ask_the_last_item_over_both(answerer: Answerer) -> None:
    # the 和 between the years names no item (it did: “年报中没有找到与这个问题对应的数字或内容”)
    a, ctx = talk(answerer, "平潭2023年行政复议多少件", "那2021年和2019年呢")
    assert a.text == (f"{PT}行政复议（2019、2021年）：2019年：0件；2021年：3件。\n"
                      f"{PT_SRC.format(2019)}{REVIEW}\n{PT_SRC.format(2021)}{REVIEW}")
    assert (ctx.agencies, ctx.year, ctx.when) == ([PT], None, "2021年和2019年")


def test_two_bodies_named_in_a_follow_up_ask_the_last_item_of_both_and_stay_for_the_next(answerer: Answerer) -> None:
    a, ctx = talk(answerer, "平潭2023年行政复议多少件", "洪泽和开封呢")
    assert a.text == (f"{HZ}2023年行政复议0件（结果维持10件、结果纠正1件、其他结果0件、尚未审结0件）。\n"
                      f"⚠️ {HZ_REVIEW}\n{KF}2023年：知识库中没有{KF}2023年的年报。\n"
                      f"{HZ_SRC}{REVIEW}，行政复议 · 总计")
    a = answerer.answer("结果纠正呢", ctx)
    assert a.text == (f"{HZ}2023年行政复议结果纠正1件。\n⚠️ {HZ_REVIEW}\n{KF}2023年：知识库中没有{KF}2023年的年报。\n"
                      f"{HZ_SRC}{REVIEW}，行政复议 · 结果纠正")


def test_an_operation_after_two_bodies_is_asked_of_both(answerer: Answerer) -> None:
    a, _ = talk(answerer, "平潭和洪泽2023年行政复议多少件", "纠错率呢")
    assert a.text == ("纠错率：\n"
                      f"{PT}2023年：50%（行政复议结果纠正1 ÷ (行政复议总计2 − 行政复议尚未审结0) = 50%）\n"
                      f"没有数字：{HZ}2023年（{HZ}2023年行政复议纠错率的分母为0，无法计算）\n"
                      f"⚠️ {HZ}2023年：{HZ_REVIEW}\n{PT_SRC.format(2023)}{REVIEW}")


def test_a_body_and_a_year_named_together_ask_the_last_item_of_them(answerer: Answerer) -> None:
    a, ctx = talk(answerer, "开封2019年行政复议多少件", "平潭2021年呢")
    assert a.text == (f"{PT}2021年行政复议3件（结果维持1件、结果纠正0件、其他结果2件、尚未审结0件）。\n"
                      f"{PT_SRC.format(2021)}{REVIEW}，行政复议 · 总计")
    assert (ctx.agency, ctx.agencies, ctx.year, ctx.when, ctx.item) == (PT, [PT], 2021, "2021年", "行政复议多少件")


def test_a_column_after_two_years_keeps_the_row_and_the_years(answerer: Answerer) -> None:
    a, _ = talk(answerer, "开封2019年收到多少申请", "平潭2021年和2023年呢", "其中自然人呢")
    assert a.text == (f"{PT}自然人提出的申请（2021、2023年）：2021年：64件；2023年：80件。\n"
                      f"{PT_SRC.format(2021)}{APPLY}\n{PT_SRC.format(2023)}{APPLY}")


def test_another_applicant_column_replaces_the_one_asked_last(answerer: Answerer) -> None:
    a, _ = talk(answerer, "开封2019年自然人申请中予以公开的有多少", "法人呢")
    assert a.text == (f"{KF}2019年法人或其他组织申请中予以公开40件。报告未单列此数，由分项相加：37 + 1 + 0 + 1 + 1 = 40。\n"
                      f"{KF_SRC}{APPLY}，(一) 予以公开 · 法人或其他组织")


def test_an_operation_over_recent_years_keeps_the_span(answerer: Answerer) -> None:
    a, ctx = talk(answerer, "平潭近3年行政复议多少件", "纠错率呢")
    assert a.text == ("按已载入的最近3个年度理解（2021、2023年）。\n"
                      f"{PT}纠错率（2021、2023年）：2021年：0%；2023年：50%。\n变化：2023年比2021年增加50个百分点。\n"
                      f"没有2022年的年报。\n{PT_SRC.format(2021)}{REVIEW}\n{PT_SRC.format(2023)}{REVIEW}")
    assert (ctx.year, ctx.when, ctx.item) == (None, "近3年", "纠错率")


def test_the_year_before_the_one_talked_about_is_said_not_loaded(answerer: Answerer) -> None:
    a, ctx = talk(answerer, "平潭2023年行政复议多少件", "上年呢")
    assert a.text == f"知识库中没有{PT}2022年的年报。{LOADED}"
    assert (ctx.year, ctx.when) == (2022, "2022年")


def test_a_number_alone_after_an_answer_is_no_follow_up(answerer: Answerer) -> None:
    a, ctx = talk(answerer, "平潭2023年行政复议多少件", "2021")
    assert a.text.startswith("没看懂这个问题。请用中文提问")
    assert (ctx.agency, ctx.year, ctx.item) == (PT, 2023, "行政复议多少件")  # the thread is kept


def test_a_word_between_a_question_asked_back_and_the_pick_leaves_the_options(answerer: Answerer) -> None:
    a, _ = talk(answerer, "2019年行政复议多少件", "谢谢", "2")
    assert a.text == (f"{KF}2019年行政复议19件（结果维持10件、结果纠正2件、其他结果2件、尚未审结5件）。\n"
                      f"{KF_SRC}{REVIEW}，行政复议 · 总计")



def test_a_year_after_a_ranking_of_bodies_ranks_the_bodies_of_that_year(answerer: Answerer) -> None:
    # the ranking's first body (开封) is no body the conversation is about (it was: “开封2019年哪个单位…”, 1 body)
    a, ctx = talk(answerer, "2019年哪个单位收到的申请最多", "那2023年呢")
    assert a.text == (f"按机关比较（2个已载入）：{PT}2023年最多：81件\n1. {PT}2023年：81件\n2. {HZ}2023年：21件\n"
                      f"未能比较（没有数字或未载入）：{KF}2023年（未载入）\n"
                      f"{PT_SRC.format(2023)}{APPLY}\n来源：《洪泽区人民政府2023年政府信息公开工作年度报告》{APPLY}")
    assert (ctx.agency, ctx.agencies, ctx.year, ctx.when) == (None, [], 2023, "2023年")


def test_a_year_after_a_ranking_over_each_bodys_latest_year(answerer: Answerer) -> None:
    a, ctx = talk(answerer, "哪个单位行政复议最多", "那2019年呢")
    assert a.text == (f"按机关比较（2个已载入）：{KF}2019年最多：19件\n1. {KF}2019年：19件\n2. {PT}2019年：0件\n"
                      f"未能比较（没有数字或未载入）：{HZ}2019年（未载入）\n{KF_SRC}{REVIEW}\n{PT_SRC.format(2019)}{REVIEW}")


def test_a_year_after_a_ranking_of_one_reports_items_keeps_the_body(answerer: Answerer) -> None:
    a, _ = talk(answerer, "平潭2023年行政复议结果哪种最多", "那2021年呢")
    assert a.text.split("\n")[0] == (f"{PT}2021年行政复议结果中最多的是其他结果（2件）。依次为：其他结果2件、结果维持1件、结果纠正0件、"
                                     "尚未审结0件。")


@pytest.mark.parametrize(("said", "reply"), [
    ("开封", f"{KF}2019年行政诉讼32件（未经复议直接起诉28件、复议后起诉4件）。报告未单列此数，由分项相加：28 + 4 = 32。"),
    ("平潭综合实验区", f"{PT}2019年行政诉讼0件（未经复议直接起诉0件、复议后起诉0件）。报告未单列此数，由分项相加：0 + 0 = 0。"),
])
def test_a_name_picks_one_of_two_bodies_asked_back(answerer: Answerer, said: str, reply: str) -> None:
    a, ctx = talk(answerer, "2019年行政诉讼多少件", said)
    assert a.text.split("\n")[0] == reply
    assert ctx.options == []


def test_a_longer_word_than_what_tells_two_readings_apart_picks_that_reading(answerer: Answerer) -> None:
    # the options differ by 复议 / 诉讼; “行政复议” holds 复议
    a, _ = talk(answerer, "平潭2023年结果纠正多少件", "行政复议")
    assert a.text == (f"{PT}2023年行政复议结果纠正1件。\n{PT_SRC.format(2023)}{REVIEW}，行政复议 · 结果纠正")


def test_compared_with_another_year_puts_the_two_years_side_by_side(answerer: Answerer) -> None:
    a, _ = talk(answerer, "平潭2021年行政复议多少件", "和2023年比呢")
    assert a.text == (f"{PT}行政复议（2021、2023年）：2021年：3件；2023年：2件。2023年比2021年少1件（2 − 3 = -1）。\n"
                      f"{PT_SRC.format(2021)}{REVIEW}\n{PT_SRC.format(2023)}{REVIEW}")


def test_compared_with_another_body_gives_both_bodies_figures(answerer: Answerer) -> None:
    a, _ = talk(answerer, "平潭2019年行政诉讼多少件", "跟开封比呢")
    assert a.text.split("\n")[:2] == [
        f"{PT}2019年行政诉讼0件（未经复议直接起诉0件、复议后起诉0件）。报告未单列此数，由分项相加：0 + 0 = 0。",
        f"{KF}2019年行政诉讼32件（未经复议直接起诉28件、复议后起诉4件）。报告未单列此数，由分项相加：28 + 4 = 32。"]


def test_a_difference_with_another_year_compares_the_last_item(answerer: Answerer) -> None:
    a, ctx = talk(answerer, "平潭2023年行政复议多少件", "比2021年多多少")
    assert a.text == (f"{PT}2023年2件，{PT}2021年3件。{PT}2023年比2021年少1件（不是多）（2 − 3 = -1）。\n"
                      f"{PT_SRC.format(2023)}{REVIEW}\n{PT_SRC.format(2021)}{REVIEW}")
    assert (ctx.year, ctx.when, ctx.item, ctx.asked) == (None, "2023年和2021年", "行政复议", "行政复议")


def test_a_growth_over_another_year_compares_the_last_item(answerer: Answerer) -> None:
    # 本年新收申请: 平潭 2023 81, 2019 23
    a, _ = talk(answerer, "平潭2023年收到多少申请", "比2019年增长了百分之几")
    assert a.text == (f"{PT}2023年81件，{PT}2019年23件。{PT}2023年比2019年增长252.17%（(81 − 23) ÷ 23 = 252.17%）。\n"
                      f"{PT_SRC.format(2023)}{APPLY}\n{PT_SRC.format(2019)}{APPLY}")


def test_a_difference_naming_both_years_keeps_them_and_takes_the_last_item(answerer: Answerer) -> None:
    a, _ = talk(answerer, "平潭2023年行政复议多少件", "平潭2021年比2019年多多少")
    assert a.text.split("\n")[0] == f"{PT}2021年3件，{PT}2019年0件。{PT}2021年比2019年多3件（3 − 0 = 3）。"


def test_recent_years_after_one_year_is_the_last_item_over_them(answerer: Answerer) -> None:
    a, ctx = talk(answerer, "平潭2023年行政复议多少件", "近3年呢")
    assert a.text.split("\n")[:2] == ["按已载入的最近3个年度理解（2021、2023年）。",
                                      f"{PT}行政复议（2021、2023年）：2021年：3件；2023年：2件。"]
    assert (ctx.year, ctx.when) == (None, "近3年")


def test_a_follow_up_is_read_up_to_200_characters_as_a_question_is(answerer: Answerer) -> None:
    from bot.reply import thread

    ctx = Context()
    answerer.answer("平潭2023年行政复议多少件", ctx)
    said = "那2021年" + "的" * 193 + "呢"  # 200 characters
    assert thread.whole(answerer, said, ctx) == "平潭2021年行政复议多少件"
    assert thread.whole(answerer, said + "？", ctx) == said + "？"  # 201: asked as it was


def test_a_new_question_naming_another_body_without_a_year_is_asked_as_it_was(answerer: Answerer) -> None:
    # not “2023年开封行政诉讼” (开封 has only its 2019 report)
    a, ctx = talk(answerer, "平潭2023年行政复议多少件", "开封行政诉讼多少件")
    assert a.text.split("\n")[0] == (f"{KF}2019年行政诉讼32件（未经复议直接起诉28件、复议后起诉4件）。"
                                     "报告未单列此数，由分项相加：28 + 4 = 32。")
    assert (ctx.agency, ctx.year) == (KF, 2019)


def test_a_difference_of_two_years_named_is_of_the_last_body_and_item(answerer: Answerer) -> None:
    a, _ = talk(answerer, "平潭2023年行政复议多少件", "2021年比2019年多多少")
    assert a.text.split("\n")[0] == f"{PT}2021年3件，{PT}2019年0件。{PT}2021年比2019年多3件（3 − 0 = 3）。"
