"""Several years of one agency: the series, the difference with its formula, one source line per report.

平潭's 行政复议 from its own table 四 (read by hand from the reports' digit runs): 2019 总计 0;
2021 维持 1, 纠正 0, 其他 2, 未审结 0, 总计 3; 2023 维持 1, 纠正 1, 其他 0, 未审结 0, 总计 2.
"""

from __future__ import annotations

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.models import Answer
from knowledge.paths import DATA
from knowledge.store import Store

PINGTAN = ("pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt")


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("series") / "kb.json"
    ingest([DATA / "reports" / n for n in PINGTAN], Store(db), Settings())
    return Answerer(KnowledgeBase.load(db))


def ask(answerer: Answerer, question: str) -> Answer:
    return answerer.answer(question, Context())


def test_recent_years_give_each_years_figure_and_cite_each_report(answerer: Answerer) -> None:
    a = ask(answerer, "平潭近5年行政复议多少件")
    assert a.status == "answered"
    assert [(s["year"], s["value"]) for s in a.series] == [(2019, 0), (2021, 3), (2023, 2)]
    assert "2019年：0件；2021年：3件；2023年：2件" in a.text
    assert "最近5个年度" in a.text  # how “近5年” was read is said, with the years found
    for year in (2019, 2021, 2023):
        assert f"来源：《平潭综合实验区{year}年度政府信息公开工作年度报告》四、" in a.text


def test_two_named_years_of_one_column(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2021年和2023年行政复议结果维持多少件")
    assert [(s["year"], s["value"]) for s in a.series] == [(2021, 1), (2023, 1)]
    assert "结果维持" in a.text and "2021年：1件；2023年：1件" in a.text


def test_a_difference_shows_its_sign_and_formula(answerer: Answerer) -> None:
    # issue 9: “A比B少多少” is B − A, the amount asked for (2021 3 − 2023 2)
    a = ask(answerer, "平潭2023年比2021年行政复议少了多少")
    assert (a.status, a.value, a.unit) == ("answered", 1, "件")
    assert a.formula == "3 − 2 = 1"
    assert "2023年比2021年少1件" in a.text
    grew = ask(answerer, "平潭2021年比2019年行政复议多了多少")
    assert (grew.value, grew.formula) == (3, "3 − 0 = 3")
    assert "2021年比2019年多3件" in grew.text


def test_a_year_that_is_not_loaded_is_named_beside_the_ones_that_are(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2020年和2021年行政复议分别多少件")
    assert "2020" in a.text and "没有" in a.text
    assert "2021年：3件" in a.text or "行政复议3件" in a.text


PT = "来源：《平潭综合实验区{}年度政府信息公开工作年度报告》{}"


def test_a_series_reply_word_for_word(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2021年和2023年行政复议分别多少件")
    assert (a.status, a.value, a.unit) == ("answered", None, "件")
    assert a.text == "\n".join([
        "平潭综合实验区行政复议（2021、2023年）：2021年：3件；2023年：2件。",
        PT.format(2021, "四、政府信息公开行政复议、行政诉讼情况"),
        PT.format(2023, "四、政府信息公开行政复议、行政诉讼情况"),
    ])


def test_a_series_of_cells_that_give_no_number_says_so_for_each_year(answerer: Answerer) -> None:
    # 平潭 prints its 规范性文件 row as one run of digits in 2019 (898989) and in 2021 (693665)
    a = ask(answerer, "平潭2019年和2021年规范性文件本年新制作数量分别多少")
    assert (a.status, a.value, a.series) == ("unknown", None, [])
    assert a.text == "\n".join([
        "平潭综合实验区规范性文件本年新制作数量（2019、2021年）：2019年：未能给出数字；2021年：未能给出数字。",
        PT.format(2019, "二、主动公开政府信息情况"),
        PT.format(2021, "二、主动公开政府信息情况"),
    ])


PINGTAN_REVIEW = "四、政府信息公开行政复议、行政诉讼情况"


def cites(*years: int, section: str = PINGTAN_REVIEW) -> str:
    return "\n".join(f"来源：《平潭综合实验区{y}年度政府信息公开工作年度报告》{section}" for y in years)


@pytest.mark.parametrize(("q", "value", "formula", "line"), [
    ("平潭2019年和2021年行政复议相比", 3, "3 − 0 = 3",
     "平潭综合实验区行政复议（2019、2021年）：2019年：0件；2021年：3件。2021年比2019年多3件（3 − 0 = 3）。"),
    ("平潭2021年和2023年行政复议对比", -1, "2 − 3 = -1",
     "平潭综合实验区行政复议（2021、2023年）：2021年：3件；2023年：2件。2023年比2021年少1件（2 − 3 = -1）。"),
])  # fmt: skip
def test_two_years_compared_give_the_difference_later_minus_earlier(
        answerer: Answerer, q: str, value: int, formula: str, line: str) -> None:
    a = ask(answerer, q)
    years = [s["year"] for s in a.series]
    assert {s["agency"] for s in a.series} == {"平潭综合实验区"}
    assert (a.status, a.value, a.unit, a.formula, a.agency) == ("answered", value, "件", formula, "平潭综合实验区")
    assert (a.section, a.field) == (PINGTAN_REVIEW, "review/total")
    assert a.text == line + "\n" + cites(*years)


def test_two_equal_years_compared_are_level(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2021年和2023年规章制发件数对比")  # 0 and 0 in table 二
    assert (a.value, a.formula) == (0, "0 − 0 = 0")
    assert a.text.split("\n")[0] == ("平潭综合实验区规章本年制发件数（2021、2023年）：2021年：0件；2023年：0件。"
                                     "2023年与2021年持平（0 − 0 = 0）。")


def test_a_year_without_the_item_says_why_and_the_other_is_the_answer(answerer: Answerer) -> None:
    # the 2021 template has no 新公开数量 column; the 2019 report prints 0
    a = ask(answerer, "平潭2019年和2021年规章本年新公开数量对比")
    assert (a.status, a.value, a.year, a.unit, a.formula) == ("answered", 0, 2019, "件", None)
    assert [(s["year"], s["value"]) for s in a.series] == [(2019, 0)]
    assert a.text == ("平潭综合实验区规章本年新公开数量（2019、2021年）：2019年：0件；"
                      "2021年：年报（2021版格式）没有“规章本年新公开数量”这一项。\n"
                      + cites(2019, section="二、主动公开政府信息情况"))


def test_a_section_over_two_years_quotes_each_years_text(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2021和2023年其他需要报告的事项")
    assert (a.status, a.value, a.agency, a.field) == ("answered", None, "平潭综合实验区", "section.六")
    assert a.section == "六、其他需要报告的事项"
    parts = a.text.split("\n\n")
    assert [p.split("\n")[0] for p in parts] == ["平潭综合实验区2021年其他需要报告的事项：",
                                                 "平潭综合实验区2023年其他需要报告的事项："]
    assert parts[1].split("\n")[1:] == ["2023年，无收取信息处理费情况。",
                                        cites(2023, section="六、其他需要报告的事项")]
    assert "未能给出数字" not in a.text


def test_a_prose_figure_over_two_years_says_which_year_has_none(answerer: Answerer) -> None:
    # only the 2023 report states a number of 政策解读 (“全年发布政策解读117篇”)
    a = ask(answerer, "平潭2021年和2023年政策解读多少")
    assert (a.status, a.value, a.year, a.unit, a.field) == ("answered", 117, 2023, "篇", "prose")
    assert [(s["year"], s["value"]) for s in a.series] == [(2023, 117)]
    parts = a.text.split("\n\n")
    assert parts[0] == "平潭综合实验区政策解读（2021、2023年）：2021年：报告中没有找到这一数字；2023年：117篇。"
    assert parts[1].split("\n")[0] == "平潭综合实验区2023年：全年发布政策解读117篇。"
    assert parts[1].endswith("来源：《平潭综合实验区2023年度政府信息公开工作年度报告》一、总体情况")
    assert len(parts) == 2


@pytest.mark.parametrize(("q", "value", "formula"), [
    ("平潭2023年行政复议比前年多多少", -1, "2 − 3 = -1"),
    ("平潭2021年行政复议同比增长多少", None, None),  # 2020 is not loaded
    ("平潭2023年行政复议比前年增长率", -33.33, "(2 − 3) ÷ 3 = -33.33%"),
])  # fmt: skip
def test_last_year_and_the_year_before_count_back_from_the_year_named(
        answerer: Answerer, q: str, value: float | None, formula: str | None) -> None:
    a = ask(answerer, q)
    assert (a.status, a.value, a.formula) == ("unknown" if value is None else "answered", value, formula)
    assert a.text.startswith("知识库中没有平潭综合实验区2020年的年报。已载入：") == (value is None)


@pytest.mark.parametrize(("q", "field", "value"), [
    ("平潭2023年没经过复议直接去法院起诉的有几件", "litigation.direct/total", 5),  # 4 + 0 + 0 + 1
    ("平潭2023年复议之后又去法院起诉的有几件", "litigation.after_review/total", 2),
    ("平潭2023年现在还有效的规章有多少件", "active.rule/in_force", 0),
    ("平潭2023年下发了多少件规章", "active.rule/issued", 0),
    ("平潭2023年作出了多少行政处罚决定", "active.penalty/decisions", 1330),  # “行政处罚1330”
    ("平潭2023年不给公开的有多少件", "apply.withheld/total", 5),
])  # fmt: skip
def test_everyday_words_for_table_items(answerer: Answerer, q: str, field: str, value: int) -> None:
    a = ask(answerer, q)
    assert (a.status, a.field, a.value) == ("answered", field, value)


def test_an_unknown_word_beside_an_item_of_two_readings_names_both(answerer: Answerer) -> None:
    a = ask(answerer, "平潭2023年结果纠正的小狗有几件")  # was “…年报只统计等数字。”
    assert (a.status, a.text) == ("unknown", "报告中没有“小狗”这一项；年报只统计行政复议结果纠正、行政诉讼结果纠正等数字。")


def test_a_comparison_with_the_year_before_that_is_not_loaded_says_so(answerer: Answerer) -> None:
    # “比上一年”: 2020 is not loaded — before, this answered 2021's own 3 as if it were the difference
    for q in ("平潭2021年行政复议比上一年多了多少", "平潭2021年行政复议比上一年度多了多少"):
        a = ask(answerer, q)
        assert (a.status, a.value) == ("unknown", None), q
        assert a.text.startswith("知识库中没有平潭综合实验区2020年的年报。"), q


@pytest.mark.parametrize(("q", "value", "formula"), [
    ("平潭2023年主动公开政府信息比2021年少了多少条", -10916, "2645 − 13561 = -10916"),  # 13561 and 2645, from the text
    ("平潭2023年主动公开政府信息比2021年多了多少条", 10916, "13561 − 2645 = 10916"),
])  # fmt: skip
def test_two_years_of_a_figure_from_the_text_are_compared(answerer: Answerer, q: str, value: int, formula: str) -> None:
    a = ask(answerer, q)
    assert (a.status, a.value, a.unit, a.formula) == ("answered", value, "条", formula)
    assert "平潭综合实验区2023年比2021年多10916条" in a.text


@pytest.mark.parametrize(("q", "value", "verdict"), [
    ("平潭2023年行政复议比2021年下降了百分之几", 33.33, "下降33.33%"),  # (2 − 3) ÷ 3: the fall asked for, as its size
    ("平潭2023年主动公开政府信息比2021年下降了百分之几", -412.7, "增长412.7%（不是下降）"),  # 13561 against 2645
    ("平潭2023年行政复议比2021年增长了百分之几", -33.33, "下降33.33%"),
])  # fmt: skip
def test_a_fall_asked_for_is_given_as_its_size(answerer: Answerer, q: str, value: float, verdict: str) -> None:
    a = ask(answerer, q)
    assert (a.status, a.value, a.unit) == ("answered", value, "%")
    assert f"平潭综合实验区2023年比2021年{verdict}（" in a.text


def test_a_growth_word_that_says_year_on_year_counts_back_a_year(answerer: Answerer) -> None:
    # “同比增长了百分之几” is one word: 2023 against 2022, which is not loaded — before, 2023 against itself (0 %)
    a = ask(answerer, "平潭2023年行政复议同比增长了百分之几")
    assert (a.status, a.value) == ("unknown", None)
    assert a.text.startswith("知识库中没有平潭综合实验区2022年的年报。")


def _sources(section: str, *years: int) -> str:
    return "\n".join(f"来源：《平潭综合实验区{y}年度政府信息公开工作年度报告》{section}" for y in years)


def test_an_unchanged_year_in_a_series_is_level_not_more_or_less(answerer: Answerer) -> None:
    # 属于国家秘密 (table 三, 不予公开 1.) is printed 0 in all three reports; 行政诉讼 0, 12 (直接起诉 12 + 复议后 0),
    # 7 (直接起诉 5 + 复议后 2)
    a = ask(answerer, "平潭近5年属于国家秘密多少件")
    assert a.text == ("按已载入的最近5个年度理解（2019、2021、2023年）。\n"
                      "平潭综合实验区属于国家秘密（2019、2021、2023年）：2019年：0件；2021年：0件；2023年：0件。\n"
                      "变化：2021年与2019年持平；2023年与2021年持平。\n没有2020、2022年的年报。\n"
                      + _sources("三、收到和处理政府信息公开申请情况", 2019, 2021, 2023))
    a = ask(answerer, "平潭近5年行政诉讼多少件")
    assert a.text.split("\n")[2] == "变化：2021年比2019年增加12件；2023年比2021年减少5件。"
    # the same wording when two years are compared
    a = ask(answerer, "平潭2019年和2021年属于国家秘密比较")
    assert (a.value, a.formula) == (0, "0 − 0 = 0")
    assert a.text.split("\n")[0] == ("平潭综合实验区2021年0件，平潭综合实验区2019年0件。"
                                     "平潭综合实验区2021年与2019年持平（0 − 0 = 0）。")


def test_a_rate_over_years_changes_in_percentage_points(answerer: Answerer) -> None:
    # 纠错率 = 结果纠正 ÷ 总计 of 行政复议: 2019 0 ÷ 0 (none), 2021 0 ÷ 3 = 0%, 2023 1 ÷ 2 = 50%
    a = ask(answerer, "平潭近5年行政复议纠错率")
    assert a.text == ("按已载入的最近5个年度理解（2019、2021、2023年）。\n"
                      "平潭综合实验区纠错率（2019、2021、2023年）：2019年：未能给出数字；2021年：0%；2023年：50%。\n"
                      "变化：2023年比2021年增加50个百分点。\n没有2020、2022年的年报。\n"
                      "没有数字：平潭综合实验区2019年（平潭综合实验区2019年行政复议纠错率的分母为0，无法计算）\n"
                      + _sources("四、政府信息公开行政复议、行政诉讼情况", 2021, 2023))
