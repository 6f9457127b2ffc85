"""A reply of several parts (bot/reply/parts.compose — one item over several bodies): its text whole and the
fields `ask --json` shows (value, unit, agency, year, section, warnings, series), pinned for issue 25's mutation run.

Read by hand from knowledge/data/reports/: 行政复议 — 平潭 2021 3 (维持1 其他2), 2023 2 (维持1 纠正1); 洪泽 2023 0
(维持10 纠正1: its own inconsistency).  本年新收申请 — 开封 2019 527, 洪泽 2023 21.  平潭 2023 “全年发布政策解读117篇”;
洪泽 2023 prints no 政策解读 figure; no 洪泽 2021 report is loaded.
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
HZ_REVIEW = "报告自身数字不一致：表四“行政复议”：结果维持10＋结果纠正1＋其他结果0＋尚未审结0＝11，但总计为0"
PT_TITLE = f"{PT}{{}}年度政府信息公开工作年度报告"
HZ_TITLE = "洪泽区人民政府2023年政府信息公开工作年度报告"
PT23_URL = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return bundled_answerer(tmp_path_factory, "kaifeng-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt",
                            "hongze-2023.pdf")


def ask(answerer: Answerer, q: str) -> Answer:
    return answerer.answer(q, Context())


def fields(a: Answer) -> tuple:
    return a.status, a.value, a.unit, a.agency, a.year, a.section, a.warnings, a.series


def test_two_bodies_answered_give_each_figure_the_warning_once_and_the_sources_last(answerer: Answerer) -> None:
    a = ask(answerer, "平潭和洪泽2023年行政复议多少件")
    assert a.text == (f"{PT}2023年行政复议2件（结果维持1件、结果纠正1件、其他结果0件、尚未审结0件）。\n"
                      f"{HZ}2023年行政复议0件（结果维持10件、结果纠正1件、其他结果0件、尚未审结0件）。\n"
                      f"⚠️ {HZ_REVIEW}\n"
                      f"来源：《{PT_TITLE.format(2023)}》{REVIEW}，行政复议 · 总计\n"
                      f"来源：《{HZ_TITLE}》{REVIEW}，行政复议 · 总计")
    assert fields(a) == ("answered", None, "件", None, None, REVIEW, [HZ_REVIEW],
                         [{"agency": PT, "year": 2023, "value": 2}, {"agency": HZ, "year": 2023, "value": 0, "warned": True}])
    assert [(s["agency"], s["year"], s["section"]) for s in a.sources] == [(PT, 2023, REVIEW), (HZ, 2023, REVIEW)]


def test_two_bodies_of_their_own_latest_years_give_a_series_of_both(answerer: Answerer) -> None:
    a = ask(answerer, "开封和洪泽收到多少申请")
    assert a.text == (f"{KF}2019年本年新收政府信息公开申请527件。\n{HZ}2023年本年新收政府信息公开申请21件。\n"
                      f"来源：《{KF}2019年政府信息公开工作年度报告》{APPLY}，一、本年新收政府信息公开申请数量 · 总计\n"
                      f"来源：《{HZ_TITLE}》{APPLY}，一、本年新收政府信息公开申请数量 · 总计")
    assert fields(a) == ("answered", None, "件", None, None, APPLY, [],
                         [{"agency": KF, "year": 2019, "value": 527}, {"agency": HZ, "year": 2023, "value": 21}])


def test_one_body_answered_and_one_not_loaded_is_the_answered_ones_figure(answerer: Answerer) -> None:
    a = ask(answerer, "平潭和洪泽2021年行政复议多少件")
    assert a.text == (f"{PT}2021年行政复议3件（结果维持1件、结果纠正0件、其他结果2件、尚未审结0件）。\n"
                      f"{HZ}2021年：知识库中没有{HZ}2021年的年报。\n"
                      f"来源：《{PT_TITLE.format(2021)}》{REVIEW}，行政复议 · 总计")
    assert fields(a) == ("answered", 3, "件", PT, 2021, REVIEW, [], [])
    assert a.report_title == PT_TITLE.format(2021)


def test_a_body_without_the_figure_says_why_in_one_clause_without_the_examples(answerer: Answerer) -> None:
    a = ask(answerer, "平潭和洪泽2023年政策解读各多少篇")
    assert a.text == (f"{PT}2023年：全年发布政策解读117篇。\n"
                      "原文：“二是加强政策文件解读，聚焦企业和群众关心事项，综合运用图文图表、在线访谈、H5等形式，不断提升政策解读的趣味性、"
                      "政策推送的精准性，全年发布政策解读117篇。”\n"
                      f"{HZ}2023年：年报中没有找到“政策解读”的数字或内容。\n"
                      f"来源：《{PT_TITLE.format(2023)}》一、总体情况")
    assert fields(a) == ("answered", 117, "篇", PT, 2023, "一、总体情况", [], [])
    assert (a.report_title, a.url) == (PT_TITLE.format(2023), PT23_URL)


def test_a_rate_of_two_bodies_carries_the_warning_of_the_one_it_cannot_compute(answerer: Answerer) -> None:
    a = ask(answerer, "平潭和洪泽2023年行政复议纠错率各多少")
    assert a.warnings == [f"{HZ}2023年：{HZ_REVIEW}"]
    assert (a.value, a.unit, a.agency, a.year) == (50, "%", PT, 2023)


def test_a_sum_over_two_bodies_one_of_which_is_not_loaded_is_not_added_up(answerer: Answerer) -> None:
    a = ask(answerer, "平潭和洪泽2021年行政复议一共多少件")
    assert a.text == (f"未合计：缺少{HZ}2021年的数字。\n"
                      f"{PT}2021年行政复议3件（结果维持1件、结果纠正0件、其他结果2件、尚未审结0件）。\n"
                      f"{HZ}2021年：知识库中没有{HZ}2021年的年报。\n"
                      f"来源：《{PT_TITLE.format(2021)}》{REVIEW}，行政复议 · 总计")
    assert (a.status, a.value) == ("unknown", None)


def test_a_prose_figure_of_two_bodies_is_a_series_whose_subject_is_the_words_asked(answerer: Answerer) -> None:
    # 平潭 2023 “全区共主动公开政府信息13561条”; 洪泽 2023 “主动公开政府信息1136条”
    a = ask(answerer, "平潭和洪泽2023年主动公开政府信息各多少")
    assert a.text.split("\n")[0::2] == [f"{PT}2023年：2023年全区共主动公开政府信息13561条。",
                                        f"{HZ}2023年：我区在政府网站平台主动公开政府信息1136条。",
                                        f"来源：《{PT_TITLE.format(2023)}》一、总体情况"]
    assert fields(a) == ("answered", None, "条", None, None, "一、总体情况", [],
                         [{"agency": PT, "year": 2023, "value": 13561}, {"agency": HZ, "year": 2023, "value": 1136}])
    assert a.subject == "2023年主动公开政府信息"


@pytest.mark.parametrize(("q", "subject"), [
    ("平潭和洪泽2023年主动公开政府信息分别多少", "2023年主动公开政府信息"),
    ("平潭和洪泽2023年行政复议和行政诉讼各多少", "2023年行政复议和行政诉讼"),
])
def test_the_subject_of_several_bodies_is_the_item_as_asked_without_each(answerer: Answerer, q: str, subject: str) -> None:
    assert ask(answerer, q).subject == subject


def test_two_items_of_two_bodies_are_each_bodys_figures_in_turn(answerer: Answerer) -> None:
    a = ask(answerer, "平潭和洪泽2023年行政复议和行政诉讼各多少")
    assert a.text.split("\n")[:4] == [
        f"{PT}2023年行政复议2件（结果维持1件、结果纠正1件、其他结果0件、尚未审结0件）。",
        f"{PT}2023年行政诉讼7件（未经复议直接起诉5件、复议后起诉2件）。报告未单列此数，由分项相加：5 + 2 = 7。",
        f"{HZ}2023年行政复议0件（结果维持10件、结果纠正1件、其他结果0件、尚未审结0件）。",
        f"{HZ}2023年行政诉讼0件（未经复议直接起诉0件、复议后起诉0件）。报告未单列此数，由分项相加：0 + 0 = 0。"]
