"""Whole replies of bot/reply/select.py's paths, pinned for its mutation run of issue 25 (branch mut-select):
two items of one report compared (“…比…多多少”), the same report named on both sides of a growth, the
reports a prose question is checked against.

Figures read by hand from knowledge/data/reports/kaifeng-2019.txt (table 三: 予以公开 342; table 四: 行政复议
19, 行政诉讼 32; 一、总体情况: “2019年我市政府网站访问量同比增长20%”) and pingtan-2019/2021/2023.txt.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from kb_files import bundled_answerer

from bot.reply.answer import Answerer, Context
from bot.reply.select import candidates
from bot.understand.extract import Slots
from knowledge.models import Answer

KF = "开封市人民政府"
KF_TITLE = "开封市人民政府2019年政府信息公开工作年度报告"
T3 = "三、收到和处理政府信息公开申请情况"
DISCLOSED = (f"{KF}2019年予以公开342件。\n来源：《{KF_TITLE}》{T3}，(一) 予以公开 · 总计")
ASK_BACK = "这个问题可以有几种理解，您问的是哪一个？\n"


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return bundled_answerer(tmp_path_factory, "kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt",
                            "pingtan-2023.txt")


@pytest.fixture(scope="module")
def kaifeng(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    """开封 2019 alone: a question without a body or year is about that report."""
    return bundled_answerer(tmp_path_factory, "kaifeng-2019.txt")


def ask(answerer: Answerer, question: str) -> Answer:
    return answerer.answer(question, Context())


def test_the_left_side_naming_two_cells_is_asked_back_with_the_whole_question(four: Answerer) -> None:
    # 结果纠正 is 行政复议's or 行政诉讼's (table 四): the question asked back with each, the right side kept
    a = ask(four, "开封2019年结果纠正比予以公开多多少")
    options = ["开封2019年行政复议结果纠正比予以公开多多少", "开封2019年行政诉讼结果纠正比予以公开多多少"]
    assert (a.status, a.agency, a.year, a.options) == ("clarify", KF, 2019, options)
    assert a.text == ASK_BACK + "1. 开封2019年行政复议结果纠正比予以公开多多少\n2. 开封2019年行政诉讼结果纠正比予以公开多多少"


def test_a_question_opening_with_the_two_readings_word_keeps_its_first_characters(kaifeng: Answerer) -> None:
    a = ask(kaifeng, "结果纠正比予以公开多多少")
    assert a.options == ["行政复议结果纠正比予以公开多多少", "行政诉讼结果纠正比予以公开多多少"]
    assert a.text == ASK_BACK + "1. 行政复议结果纠正比予以公开多多少\n2. 行政诉讼结果纠正比予以公开多多少"


def test_two_items_of_one_report_are_subtracted(kaifeng: Answerer) -> None:
    a = ask(kaifeng, "诉讼比复议多多少")
    assert (a.status, a.value, a.unit, a.agency, a.year) == ("answered", 13, "件", KF, 2019)
    assert a.text == (f"{KF}2019年行政诉讼32件，行政复议19件。{KF}2019年行政诉讼比行政复议多13件（32 − 19 = 13）。\n"
                      f"来源：《{KF_TITLE}》四、政府信息公开行政复议、行政诉讼情况")


@pytest.mark.parametrize("question", ["开封2019年予以公开比予以公开多多少", "开封2019年予以公开比主要问题多多少",
                                      "开封2019年主要问题比予以公开多多少"])
def test_no_second_figure_on_the_other_side_answers_the_one_figure_named(four: Answerer, question: str) -> None:
    # the same item on both sides, or a section (存在的主要问题: text, no figure) on one: nothing to subtract
    a = ask(four, question)
    assert (a.status, a.value, a.formula, a.series, a.field) == ("answered", 342, None, [], "apply.disclosed/total")
    assert a.text == DISCLOSED


def test_a_change_asked_with_no_than_word_and_one_report_loaded_gives_its_figure(kaifeng: Answerer) -> None:
    # no “比” to split the question into two items; one report, no year before it: the figure of the year
    # (the reply states the year's figure, never calls it a change)
    a = ask(kaifeng, "予以公开变化多少")
    assert (a.status, a.value, a.agency, a.year) == ("answered", 342, KF, 2019)
    assert a.text == DISCLOSED


def test_the_same_report_named_on_both_sides_of_a_growth_asks_for_another(four: Answerer) -> None:
    # never the change the report states (同比增长20%) as if it were the comparison asked for
    a = ask(four, "开封2019年比2019年网站访问量增长多少")
    assert (a.status, a.value, a.agency, a.source) == ("unknown", None, None, None)
    assert a.text == "比较的两边是同一份年报（开封市人民政府2019年），请写明另一个年份或机关。"


def _kb(bodies: dict[str, list[int]]) -> SimpleNamespace:
    return SimpleNamespace(years=bodies, report_of={(ag, y): f"{ag}{y}" for ag, ys in bodies.items() for y in ys})


def test_a_prose_question_is_checked_against_the_first_twenty_reports_only() -> None:
    kb = _kb({f"机关{i:02d}": [2021, 2022, 2023] for i in range(10)})  # 30 reports
    got = candidates(kb, Slots())  # type: ignore[arg-type]
    assert got == [f"机关{i:02d}{y}" for i in range(7) for y in (2021, 2022, 2023)][:20]
    assert candidates(kb, Slots(years=[2023])) == [f"机关{i:02d}2023" for i in range(10)]  # type: ignore[arg-type]
    assert candidates(kb, Slots(agency="机关03")) == ["机关032021", "机关032022", "机关032023"]  # type: ignore[arg-type]


def test_a_body_with_no_report_loaded_has_no_candidates() -> None:
    assert candidates(_kb({"机关01": [2023]}), Slots(agency="机关02")) == []  # type: ignore[arg-type]


@pytest.mark.parametrize("question", ["开封2019年予以公开比公开率多多少", "开封2019年公开率比予以公开多多少"])
def test_an_item_compared_with_a_rate_says_the_report_gives_no_such_rate(four: Answerer, question: str) -> None:
    a = ask(four, question)
    assert (a.status, a.value) == ("unknown", None)
    assert a.text == "年报没有直接给出这个比率；可以问予以公开的数字。"


def test_which_year_of_two_years_with_no_body_named_asks_which_body_with_those_years(four: Answerer) -> None:
    # 开封 has 2019, 平潭 2019 and 2023: each body is offered with the whole question; the years are not
    # claimed for both (开封 has no 2023 report)
    a = ask(four, "2019年和2023年行政复议哪年多")
    options = ["平潭2019年和2023年行政复议哪年多", "开封2019年和2023年行政复议哪年多"]
    assert (a.status, a.options) == ("clarify", options)
    assert a.text == "知识库中有2个机关的年报，您问的是哪一个？\n1. " + "\n2. ".join(options)


def test_a_share_over_years_is_named_as_the_share_of_its_total(four: Answerer) -> None:
    # 平潭 table 三: 自然人 64 of 本年新收 70 (2021), 80 of 81 (2023)
    a = ask(four, "平潭2021年和2023年自然人占本年新收的比例")
    assert a.series == [{"agency": "平潭综合实验区", "year": 2021, "value": 91.43},
                        {"agency": "平潭综合实验区", "year": 2023, "value": 98.77}]
    assert a.text.split("\n")[:2] == [
        "平潭综合实验区自然人提出的申请占本年新收政府信息公开申请的比例（2021、2023年）：2021年：91.43%；2023年：98.77%。",
        "变化：2023年比2021年增加7.34个百分点。"]


def test_a_series_is_named_by_the_item_not_the_word_asked(four: Answerer) -> None:
    a = ask(four, "平潭历年复议多少件")  # 复议: 行政复议 (table 四 总计 0, 3, 2)
    assert a.text.split("\n")[0] == "平潭综合实验区行政复议（2019、2021、2023年）：2019年：0件；2021年：3件；2023年：2件。"
    assert a.subject == "平潭行政复议"


def test_a_prose_figure_over_years_is_named_without_the_words_asking_it(four: Answerer) -> None:
    # only 平潭 2023 states it: “全年发布政策解读117篇”
    a = ask(four, "平潭历年政策解读多少篇")
    assert a.text.split("\n")[0] == "平潭综合实验区政策解读（2019、2021、2023年）：2019年：未能给出数字；2021年：未能给出数字；2023年：117篇。"
    assert ask(four, "2023年各单位政策解读多少篇").subject == "2023年政策解读"
    assert ask(four, "2023年各单位的政策解读多少篇").subject == "2023年政策解读"  # not “2023年的政策解读”


def test_two_items_named_apart_over_years_get_a_series_each(four: Answerer) -> None:
    # 平潭 table 三 本年新收: 自然人 23, 64, 80; 法人或其他组织 0, 6 (2 + 4), 1
    a = ask(four, "平潭历年自然人和法人")
    assert a.text.split("\n")[:6] == [
        "平潭综合实验区自然人提出的申请（2019、2021、2023年）：2019年：23件；2021年：64件；2023年：80件。",
        "变化：2021年比2019年增加41件；2023年比2021年增加16件。", "没有2020、2022年的年报。",
        "平潭综合实验区法人或其他组织提出的申请（2019、2021、2023年）：2019年：0件；2021年：6件；2023年：1件。",
        "变化：2021年比2019年增加6件；2023年比2021年减少5件。", "没有2020、2022年的年报。"]


def test_one_word_of_two_readings_asked_separately_is_asked_back(four: Answerer) -> None:
    a = ask(four, "平潭历年结果纠正分别多少")  # 分别 with one word: 复议's or 诉讼's 结果纠正, never both listed
    options = ["平潭历年行政复议结果纠正分别多少", "平潭历年行政诉讼结果纠正分别多少"]
    assert (a.status, a.options) == ("clarify", options)
    assert a.text == ASK_BACK + "1. " + "\n2. ".join(options)
