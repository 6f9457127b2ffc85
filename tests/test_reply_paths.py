"""Whole replies of the paths a question takes through bot/reply (select, answer, execute, prose), pinned for
the mutation runs of issue 25: every field a user sees (text, options, series, source) — not just the figure.

Figures read by hand from knowledge/data/reports/kaifeng-2019.txt and pingtan-2019/2021/2023.txt.
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

PT = "平潭综合实验区"
KF = "开封市人民政府"
KF_TITLE = "开封市人民政府2019年政府信息公开工作年度报告"


def pt_title(year: int) -> str:
    return f"{PT}{year}年度政府信息公开工作年度报告"


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("paths") / "kb.json"
    files = [DATA / "reports" / n for n in ("kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt")]
    assert not ingest(files, Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


def ask(answerer: Answerer, question: str) -> Answer:
    return answerer.answer(question, Context())


def test_a_prose_figure_over_two_years_names_its_body_section_and_series(four: Answerer) -> None:
    # only the 2023 report states a number of 政策解读: “全年发布政策解读117篇” in 一、总体情况
    a = ask(four, "平潭2021年和2023年政策解读多少")
    assert (a.agency, a.year, a.value, a.section) == (PT, 2023, 117, "一、总体情况")
    assert a.series == [{"agency": PT, "year": 2023, "value": 117}]


def test_several_figures_of_one_sentence_are_offered_as_questions(four: Answerer) -> None:
    # 开封's 一、总体情况: 全市共收到政府信息公开申请527件，上年结转信息公开申请5件，已答复申请526件 … 无法提供58件
    a = ask(four, "开封2019年申请")
    options = ["开封2019年全市共收到政府信息公开申请多少件", "开封2019年上年结转信息公开申请多少件",
               "开封2019年已答复申请多少件", "开封2019年无法提供多少件"]
    assert (a.status, a.agency, a.year, a.options) == ("clarify", KF, 2019, options)
    assert a.text == "报告中有几处相近的数字，您问的是哪一个？\n" + "\n".join(f"{i}. {o}" for i, o in enumerate(options, 1))


def test_a_sum_names_its_body_year_terms_and_source(four: Answerer) -> None:
    a = ask(four, "开封2019年予以公开和部分公开一共多少件")  # 342 + 30, table 三
    t3 = "三、收到和处理政府信息公开申请情况"
    assert (a.status, a.value, a.unit, a.agency, a.year, a.section) == ("answered", 372, "件", KF, 2019, t3)
    assert (a.field, a.breakdown) == ("sum.apply.disclosed/total+apply.partial/total", [("予以公开", 342), ("部分公开", 30)])
    assert (a.source.table, a.source.row, a.source.column) == (t3, "(一) 予以公开", "总计")
    assert [(s["agency"], s["year"], s["title"], s["section"]) for s in a.sources] == [(KF, 2019, KF_TITLE, t3)]
    assert a.report_title == KF_TITLE


def test_a_sum_refused_still_names_the_report_it_is_about(four: Answerer) -> None:
    a = ask(four, "开封2019年办理结果总计和予以公开一共多少")
    assert (a.status, a.agency, a.year) == ("unknown", KF, 2019)
    assert a.text == "“本年度办理结果总计”和“予以公开”不能相加（一项包含另一项，或是同一等式的两边）；可以分别问它们的数字。"


def test_a_sum_with_a_term_the_report_does_not_print_clearly_is_not_made(four: Answerer) -> None:
    # 平潭2019 table 二: 规章 0 0 0; 规范性文件 “898989” — three columns run together, not one figure
    a = ask(four, "平潭2019年规章和规范性文件对外公开总数一共多少")
    assert (a.status, a.value, a.agency, a.year) == ("unknown", None, PT, 2019)
    assert a.text == "平潭综合实验区2019年的年报缺少相加所需的“规范性文件对外公开总数量”的数字，无法合计。"
    # 第二十条第（六）项 行政处罚 “26480430”, 行政强制 “126025”: neither row splits into its three columns for sure
    both = ask(four, "平潭2019年行政处罚和行政强制的处理决定一共多少件")
    assert both.text == "平潭综合实验区2019年的年报缺少相加所需的“行政处罚处理决定数量、行政强制处理决定数量”的数字，无法合计。"


FEE_2021 = ("平潭综合实验区2021年行政事业性收费本年收费金额24252.311082万元。\n来源：《平潭综合实验区2021年度政府信息公开工作年度报告》"
            "二、主动公开政府信息情况，第二十条第（八）项 · 行政事业性收费 · 本年收费金额")


@pytest.mark.parametrize(("q", "value", "unit", "how"), [
    # 平潭2021 table 二 第二十条第（八）项: 行政事业性收费 本年收费金额 24252.311082 (万元)
    ("平潭2021年行政事业性收费金额多少亿元", 2.4252311082, "亿元", "24252.311082万元 ÷ 10000 = 2.4252311082亿元"),
    ("平潭2021年行政事业性收费金额多少元", 242523110.82, "元", "24252.311082万元 × 10000 = 242523110.82元"),
])  # fmt: skip
def test_an_amount_asked_in_another_unit_is_converted_with_how(four: Answerer, q: str, value: float, unit: str,
                                                              how: str) -> None:
    a = ask(four, q)
    assert (a.status, a.value, a.unit, a.formula) == ("answered", value, unit, how)
    assert a.text == f"合{how.split(' = ')[1]}（{how.split(' = ')[0]}）。\n" + FEE_2021


def test_an_amount_asked_in_its_own_unit_or_a_count_asked_in_money_is_not_converted(four: Answerer) -> None:
    a = ask(four, "平潭2021年行政事业性收费金额多少万元")
    assert (a.value, a.unit, a.formula, a.text) == (24252.311082, "万元", None, FEE_2021)
    assert (ask(four, "平潭2021年行政复议多少亿元").value, ask(four, "平潭2021年行政复议多少亿元").unit) == (3, "件")


def test_a_converted_difference_keeps_its_own_formula_and_converts_each_side(four: Answerer) -> None:
    # 2023: 5949.088667万元; 2021: 24252.311082万元
    a = ask(four, "平潭2023年比2021年行政事业性收费金额多多少亿元")
    assert (a.value, a.unit) == (-1.8303222415, "亿元")
    assert a.formula == "5949.088667 − 24252.311082 = -18303.222415；-18303.222415万元 ÷ 10000 = -1.8303222415亿元"
    assert a.text.startswith("合-1.8303222415亿元（-18303.222415万元 ÷ 10000）。\n平潭综合实验区2023年5949.088667万元，")
    assert a.series == [{"agency": PT, "year": 2023, "value": 0.5949088667}, {"agency": PT, "year": 2021, "value": 2.4252311082}]


def test_a_long_question_that_would_need_a_question_back_asks_for_one_thing_with_examples(four: Answerer) -> None:
    q = "请问平潭综合实验区政府信息公开工作年度报告中的行政复议结果维持结果纠正其他结果尚未审结总计一共是多少件呢请问具体是多少件呢"
    assert len(q) == 61  # over the 60 characters echoed back as options
    a = ask(four, q)
    assert (a.status, a.options) == ("unknown", [])
    # the examples: the body with most years gets a trend question, the next its newest year's applications
    assert a.text == "问题太长了，请一次只问一件事，例如：平潭近5年行政复议多少件；开封2019年收到多少政府信息公开申请"


def test_which_department_of_a_region_ranks_only_that_regions_bodies(four: Answerer) -> None:
    # 平潭 is the only loaded body in its region; 开封 (19 in 2019) is never among them
    a = ask(four, "平潭哪个部门行政复议最多")
    assert a.text == ("各机关取已载入的最新年度；按机关比较（1个已载入）：平潭综合实验区2023年最多：2件\n1. 平潭综合实验区2023年：2件\n"
                      "来源：《平潭综合实验区2023年度政府信息公开工作年度报告》四、政府信息公开行政复议、行政诉讼情况")
    assert a.ranking == [{"agency": PT, "year": 2023, "value": 2}]


def test_a_sum_and_a_difference_of_a_2021_report_name_its_columns_as_its_layout_does(four: Answerer) -> None:
    # 平潭2021 table 二 第二十条第（六）项, column 本年处理决定数量 (the 2019 layout's 处理决定数量): 行政处罚 1282, 行政强制 42
    a = ask(four, "平潭2021年行政处罚和行政强制的处理决定一共多少件")
    assert a.formula == "行政处罚本年处理决定数量1282 + 行政强制本年处理决定数量42 = 1324"
    assert a.text == ("平潭综合实验区2021年行政处罚本年处理决定数量、行政强制本年处理决定数量合计1324件（" + a.formula
                      + "；报告未单列此数，由表中数字相加）。\n来源：《平潭综合实验区2021年度政府信息公开工作年度报告》二、主动公开政府信息情况")
    d = ask(four, "平潭2021年行政处罚的处理决定比行政强制的处理决定多多少")
    assert (d.value, d.formula) == (1240, "1282 − 42 = 1240")
    assert d.text.startswith("平潭综合实验区2021年行政处罚本年处理决定数量1282件，行政强制本年处理决定数量42件。"
                             "平潭综合实验区2021年行政处罚本年处理决定数量比行政强制本年处理决定数量多1240件（1282 − 42 = 1240）。")


def test_two_items_compared_without_a_year_ask_which_year_first(four: Answerer) -> None:
    a = ask(four, "平潭行政处罚的处理决定比行政强制的处理决定多多少")
    assert (a.status, a.value) == ("unknown", None)
    assert a.text == "请写明平潭综合实验区的年份（已载入2019、2021、2023年）。"


def test_which_department_of_a_body_loaded_for_one_year_needs_no_note_on_years(four: Answerer) -> None:
    a = ask(four, "开封哪个部门行政复议最多")  # 开封2019 table 四: 行政复议 总计 19
    assert a.text == ("按机关比较（1个已载入）：开封市人民政府2019年最多：19件\n1. 开封市人民政府2019年：19件\n"
                      "来源：《开封市人民政府2019年政府信息公开工作年度报告》四、政府信息公开行政复议、行政诉讼情况")


def test_a_share_of_a_total_printed_as_zero_says_the_total_is_zero_not_that_figures_are_missing(four: Answerer) -> None:
    # 平潭2019 table 四 prints 0 in every cell: 行政复议 总计 0 — nothing is missing, 0 ÷ 0 is no share
    a = ask(four, "平潭2019年行政复议结果纠正占行政复议的比例")
    assert (a.status, a.value, a.agency, a.year, a.section) == ("unknown", None, PT, 2019, "四、政府信息公开行政复议、行政诉讼情况")
    assert a.text == ("平潭综合实验区2019年行政复议为0，无法计算“行政复议结果纠正占行政复议的比例”。\n"
                      "来源：《平潭综合实验区2019年度政府信息公开工作年度报告》四、政府信息公开行政复议、行政诉讼情况")
    # a share of a total that is not 0 is computed: 不予公开 0 of 办理结果总计 23
    b = ask(four, "平潭2019年不予公开占比")
    assert (b.status, b.value, b.formula) == ("answered", 0, "不予公开0 ÷ 本年度办理结果总计23 = 0%")


@pytest.mark.parametrize(("q", "field", "formula"), [
    # 平潭2021 table 三: 予以公开 30, 部分公开 5, 本年度办理结果总计 69
    ("平潭2021年予以公开占比多少", "share.apply.disclosed/total:apply.total/total", "予以公开30 ÷ 本年度办理结果总计69 = 43.48%"),
    ("平潭2021年予以公开和部分公开占比多少", "share.apply.disclosed/total+apply.partial/total:apply.total/total",
     "(予以公开30 + 部分公开5) ÷ 本年度办理结果总计69 = 50.72%"),
])  # fmt: skip
def test_a_share_names_its_body_field_cell_and_source(four: Answerer, q: str, field: str, formula: str) -> None:
    a = ask(four, q)
    t3 = "三、收到和处理政府信息公开申请情况"
    assert (a.status, a.agency, a.year, a.field, a.formula, a.report_title) == ("answered", PT, 2021, field, formula,
                                                                               pt_title(2021))
    assert (a.source.table, a.source.row, a.source.column) == (t3, "（一）予以公开", "总计")
    assert [(s["agency"], s["year"], s["title"], s["section"]) for s in a.sources] == [(PT, 2021, pt_title(2021), t3)]


T4 = "四、政府信息公开行政复议、行政诉讼情况"


def cites(*years: int) -> str:
    return "".join(f"\n来源：《{pt_title(y)}》{T4}" for y in years)


# 平潭 table 四 (test_reply_series.py): 行政复议 总计 2019 0, 2021 3, 2023 2; 结果纠正 0, 0, 1; 2023 尚未审结 0
@pytest.mark.parametrize(("q", "head", "options"), [
    ("行政复议多少件", "知识库中有2个机关的年报，您问的是哪一个？", ["平潭行政复议多少件", "开封行政复议多少件"]),
    ("平潭行政复议多少件", "平潭综合实验区有3个年度的年报，您问的是哪一年？",
     ["2023年平潭行政复议多少件", "2021年平潭行政复议多少件", "2019年平潭行政复议多少件"]),
    ("平潭2023年结果纠正多少", "这个问题可以有几种理解，您问的是哪一个？",
     ["平潭2023年行政复议结果纠正是多少", "平潭2023年行政诉讼结果纠正是多少"]),
    # a series or ranking over years with no body named, two bodies loaded: which body
    ("历年行政复议多少件", "知识库中有2个机关的年报，您问的是哪一个？", ["平潭历年行政复议多少件", "开封历年行政复议多少件"]),
    ("近三年行政复议哪年最多", "知识库中有2个机关的年报，您问的是哪一个？",
     ["平潭近3年行政复议哪年最多", "开封近3年行政复议哪年最多"]),
])  # fmt: skip
def test_whole_questions_back(four: Answerer, q: str, head: str, options: list[str]) -> None:
    a = ask(four, q)
    assert (a.status, a.value, a.options) == ("clarify", None, options)
    assert a.text == head + "".join(f"\n{i}. {o}" for i, o in enumerate(options, 1))


@pytest.mark.parametrize(("q", "text"), [
    ("平潭近三年行政复议哪年最多",
     "按已载入的最近3个年度理解（2021、2023年）。\n按年度比较（2个已载入）：平潭综合实验区2021年最多：3件\n"
     "1. 平潭综合实验区2021年：3件\n2. 平潭综合实验区2023年：2件\n未能比较（没有数字或未载入）：平潭综合实验区2022年（未载入）"
     + cites(2021, 2023)),
    ("平潭历年行政复议结果纠正",
     "平潭综合实验区行政复议结果纠正（2019、2021、2023年）：2019年：0件；2021年：0件；2023年：1件。\n"
     "变化：2021年与2019年持平；2023年比2021年增加1件。\n没有2020、2022年的年报。" + cites(2019, 2021, 2023)),
    ("平潭2023年比2021年行政复议增长率",
     "平潭综合实验区2023年2件，平潭综合实验区2021年3件。平潭综合实验区2023年比2021年下降33.33%（(2 − 3) ÷ 3 = -33.33%）。"
     + cites(2023, 2021)),
    ("2019年各单位行政复议多少件",
     "平潭综合实验区2019年：0件\n开封市人民政府2019年：19件" + cites(2019) + f"\n来源：《{KF_TITLE}》{T4}"),
    ("平潭2023年纠错率",
     "平潭综合实验区2023年行政复议纠错率50%（行政复议结果纠正1 ÷ (行政复议总计2 − 行政复议尚未审结0) = 50%；"
     "报告未直接给出，由表中数字计算）。" + cites(2023)),
])  # fmt: skip
def test_whole_replies_of_plans_over_bodies_and_years(four: Answerer, q: str, text: str) -> None:
    a = ask(four, q)
    assert (a.status, a.text) == ("answered", text)


def test_a_question_back_about_one_year_carries_that_year(four: Answerer) -> None:
    a = ask(four, "2019年行政复议多少件")
    assert (a.status, a.year, a.options) == ("clarify", 2019, ["平潭2019年行政复议多少件", "开封2019年行政复议多少件"])
    assert a.text == "知识库中有2个机关2019年的年报，您问的是哪一个？\n1. 平潭2019年行政复议多少件\n2. 开封2019年行政复议多少件"


def test_a_ranking_over_the_years_named_lists_the_years_between_that_are_not_loaded(four: Answerer) -> None:
    a = ask(four, "平潭2019年到2023年行政复议哪年最多")
    assert a.text == ("按年度比较（3个已载入）：平潭综合实验区2021年最多：3件\n1. 平潭综合实验区2021年：3件\n"
                      "2. 平潭综合实验区2023年：2件\n3. 平潭综合实验区2019年：0件\n"
                      "未能比较（没有数字或未载入）：平潭综合实验区2020年（未载入）；平潭综合实验区2022年（未载入）" + cites(2021, 2023, 2019))


@pytest.mark.parametrize(("q", "text"), [
    # 北京 is in neither loaded body's province: the bodies as loaded; 福州 is in 福建, as 平潭 is: 平潭 first
    ("北京市2019年行政复议多少件", "知识库中没有“北京市”的年报。已载入：开封市人民政府（2019年）；平潭综合实验区（2019、2021、2023年）。"),
    ("福州2019年行政复议多少件", "知识库中没有“福州”的年报。已载入：平潭综合实验区（2019、2021、2023年）；开封市人民政府（2019年）。"),
])  # fmt: skip
def test_a_place_not_loaded_lists_what_is_loaded_its_provinces_bodies_first(four: Answerer, q: str, text: str) -> None:
    a = ask(four, q)
    assert (a.status, a.text) == ("unknown", text)


KF_T3 = f"\n来源：《{KF_TITLE}》三、收到和处理政府信息公开申请情况"
KF_T4 = f"\n来源：《{KF_TITLE}》{T4}"
CALC = "；报告未直接给出，由表中数字计算）。"


# 开封2019: 行政诉讼 32 = 未经复议直接起诉 28 (结果纠正 3) + 复议后起诉 4 (结果纠正 0); 行政复议 19 (结果纠正 2);
# 本年新收 527 (自然人 482); 予以公开 342 (自然人 302), 办理结果总计 526 (自然人 481); 不予公开 85 (行政查询事项 71)
@pytest.mark.parametrize(("q", "text"), [
    ("开封2019年未经复议直接起诉占比多少",
     "开封市人民政府2019年未经复议直接起诉占行政诉讼的87.5%（未经复议直接起诉28 ÷ 行政诉讼32 = 87.5%" + CALC + KF_T4),
    ("开封2019年复议后起诉占比多少", "开封市人民政府2019年复议后起诉占行政诉讼的12.5%（复议后起诉4 ÷ 行政诉讼32 = 12.5%" + CALC + KF_T4),
    ("开封2019年行政复议结果纠正所占比例是多少",
     "开封市人民政府2019年行政复议结果纠正占行政复议的10.53%（行政复议结果纠正2 ÷ 行政复议19 = 10.53%" + CALC + KF_T4),
    ("开封2019年行政诉讼结果纠正所占比例是多少",
     "开封市人民政府2019年行政诉讼结果纠正占行政诉讼的9.38%（行政诉讼结果纠正3 ÷ 行政诉讼32 = 9.38%" + CALC + KF_T4),
    ("开封2019年自然人申请占多大比例", "开封市人民政府2019年自然人提出的申请占本年新收政府信息公开申请的91.46%（自然人提出的申请482 ÷ "
                                   "本年新收政府信息公开申请527 = 91.46%" + CALC + KF_T3),
    ("开封2019年予以公开的自然人占比多少", "开封市人民政府2019年自然人申请中予以公开占自然人申请中本年度办理结果总计的62.79%（自然人申请中"
                                     "予以公开302 ÷ 自然人申请中本年度办理结果总计481 = 62.79%" + CALC + KF_T3),
    ("开封2019年不予公开中属于行政查询事项的占多少",
     "开封市人民政府2019年属于行政查询事项占不予公开的83.53%（属于行政查询事项71 ÷ 不予公开85 = 83.53%" + CALC + KF_T3),
])  # fmt: skip
def test_a_share_is_taken_of_the_total_its_item_is_part_of(four: Answerer, q: str, text: str) -> None:
    a = ask(four, q)
    assert (a.status, a.unit, a.text) == ("answered", "%", text)


@pytest.mark.parametrize(("q", "text"), [
    # 平潭2019 table 二: 规范性文件 “898989”, three columns run together
    ("平潭2019年哪个部门规范性文件对外公开总数最多",
     "没有可以比较的数字：平潭综合实验区2019年（平潭综合实验区2019年规范性文件对外公开总数量：报告原文此处数字连写为“898989”，"
     "无法确定如何拆分（可能是9、89、989、8989），不能给出数字）"),
    # 开封 “政策解读320条”, 平潭2023 “政策解读117篇”: 条 and 篇 are not compared
    ("哪个单位政策解读最多", "各机关取已载入的最新年度；各报告该项单位不同，不能比较。"),
])  # fmt: skip
def test_a_ranking_with_nothing_to_compare_says_why(four: Answerer, q: str, text: str) -> None:
    a = ask(four, q)
    assert (a.status, a.value, a.text) == ("unknown", None, text)


def test_a_ranking_over_years_names_the_year_whose_layout_lacks_the_item(four: Answerer) -> None:
    # 行政事业性收费 本年收费金额: 2021 24252.311082万元, 2023 5949.088667万元; the 2019 layout has no amount column
    a = ask(four, "平潭哪年行政事业性收费金额最多")
    assert a.text == ("按年度比较（3个已载入）：平潭综合实验区2021年最多：24252.311082万元\n1. 平潭综合实验区2021年：24252.311082万元\n"
                      "2. 平潭综合实验区2023年：5949.088667万元\n未能比较（没有数字或未载入）：平潭综合实验区2019年（年报（2019版格式）"
                      "没有“行政事业性收费本年收费金额”这一项）；平潭综合实验区2020年（未载入）；平潭综合实验区2022年（未载入）\n"
                      f"来源：《{pt_title(2021)}》二、主动公开政府信息情况\n来源：《{pt_title(2023)}》二、主动公开政府信息情况")


def test_at_most_four_example_questions_are_offered_even_when_more_are_asked_for(four: Answerer) -> None:
    # inline mode asks for `inline_results` (5 by default): the body with most years first (a trend), the other's
    # newest year, then more of the first body's newest year
    assert Answerer(four.kb, warm=False).examples(5) == ["平潭近5年行政复议多少件", "开封2019年收到多少政府信息公开申请",
                                                        "平潭2023年行政复议多少件", "平潭2023年收到多少政府信息公开申请"]


@pytest.fixture(scope="module")
def caizheng(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("caizheng") / "kb.json"
    files = [DATA / "reports" / "kaifeng-2019.txt", DATA.parent.parent / "tests" / "data" / "reports" / "pingtan-caizheng-2023.txt"]
    assert not ingest(files, Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


def test_a_body_another_place_has_is_asked_about_by_the_words_said(caizheng: Answerer) -> None:
    ctx = Context()
    assert caizheng.answer("开封2019年行政复议多少件", ctx).value == 19
    a = caizheng.answer("那财政局呢？", ctx)  # 开封 has no 财政局 report: 平潭's, asked about, never answered
    assert (a.status, a.value, len(a.options)) == ("clarify", None, 1)
    assert a.text.split("\n")[0] == "“财政局”是指平潭综合实验区财政金融局吗？"
    assert a.options[0].startswith("平潭综合实验区财政金融局")


EXAMPLES = "可以问：平潭近5年行政复议多少件；开封2019年收到多少政府信息公开申请"


@pytest.mark.parametrize(("q", "status", "text"), [
    # only 开封's report states it (“县区、政府部门上报信息1388条”): 平潭 is not asked which year, it has none
    ("平潭上报信息多少条", "unknown", "年报中没有找到与这个问题对应的数字或内容。" + EXAMPLES),
    ("2021年上报信息多少条", "unknown", "年报中没有找到与这个问题对应的数字或内容。" + EXAMPLES),
    # some report of 2019 states it: which body
    ("2019年上报信息多少条", "clarify", "知识库中有2个机关2019年的年报，您问的是哪一个？\n1. 平潭2019年上报信息多少条\n2. 开封2019年上报信息多少条"),
    # 平潭2023 states 政策解读117篇: which year
    ("平潭政策解读多少", "clarify", "平潭综合实验区有3个年度的年报，您问的是哪一年？\n"
                              "1. 2023年平潭政策解读多少\n2. 2021年平潭政策解读多少\n3. 2019年平潭政策解读多少"),
])  # fmt: skip
def test_a_figure_only_the_text_states_is_asked_about_only_where_a_report_states_it(four: Answerer, q: str, status: str,
                                                                                   text: str) -> None:
    a = ask(four, q)
    assert (a.status, a.value, a.text) == (status, None, text)


@pytest.mark.parametrize(("q", "text"), [
    # two table-三 items and a word no template item has: the items are named, never “None” (was “年报只统计None等数字”)
    ("开封2019年予以公开和不予公开相差多少", "报告中没有“相差”这一项；年报只统计予以公开、不予公开等数字。"),
    ("开封2019年行政复议的律师费是多少", "报告中没有“律师费”这一项；年报只统计行政复议等数字。"),
])  # fmt: skip
def test_a_word_no_item_has_beside_items_names_the_items(four: Answerer, q: str, text: str) -> None:
    a = ask(four, q)
    assert (a.status, a.value, a.text) == ("unknown", None, text)


def test_the_fewest_over_years_names_every_year_tied(four: Answerer) -> None:
    # 平潭 行政复议 结果纠正: 2019 0, 2021 0, 2023 1
    a = ask(four, "平潭哪年行政复议结果纠正最少")
    assert (a.value, a.year, a.field) == (0, 2019, "review/corrected")
    assert a.text == ("按年度比较（3个已载入）：平潭综合实验区2019年、平潭综合实验区2021年并列最少：0件\n1. 平潭综合实验区2019年：0件\n"
                      "2. 平潭综合实验区2021年：0件\n3. 平潭综合实验区2023年：1件\n"
                      "未能比较（没有数字或未载入）：平潭综合实验区2020年（未载入）；平潭综合实验区2022年（未载入）" + cites(2019, 2021, 2023))
    assert a.ranking == [{"agency": PT, "year": 2019, "value": 0}, {"agency": PT, "year": 2021, "value": 0},
                         {"agency": PT, "year": 2023, "value": 1}]


NO_FEE = "年报（2019版格式）没有“行政事业性收费本年收费金额”这一项"


@pytest.mark.parametrize(("q", "text"), [
    # the 2019 layout has no amount column for 行政事业性收费: neither 2019 report gives one
    ("2019年哪个单位行政事业性收费金额最多", f"没有可以比较的数字：开封市人民政府2019年（{NO_FEE}）；平潭综合实验区2019年（{NO_FEE}）"),
    ("2019年各单位行政事业性收费金额", f"没有可以列出的数字：平潭综合实验区2019年（{NO_FEE}）；开封市人民政府2019年（{NO_FEE}）"),
    ("平潭2019年各部门规范性文件对外公开总数",
     "没有可以列出的数字：平潭综合实验区2019年（平潭综合实验区2019年规范性文件对外公开总数量：报告原文此处数字连写为“898989”，"
     "无法确定如何拆分（可能是9、89、989、8989），不能给出数字）"),
])  # fmt: skip
def test_a_ranking_or_listing_with_no_figure_names_each_report_and_why(four: Answerer, q: str, text: str) -> None:
    a = ask(four, q)
    assert (a.status, a.value, a.text) == ("unknown", None, text)


@pytest.fixture(scope="module")
def pingtan(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("pingtan") / "kb.json"
    files = [DATA / "reports" / f"pingtan-{y}.txt" for y in (2019, 2021, 2023)]
    assert not ingest(files, Store(db), Settings()).failures
    return Answerer(KnowledgeBase.load(db))


def test_two_items_of_the_only_body_compared_without_a_year_ask_which_year(pingtan: Answerer) -> None:
    a = ask(pingtan, "予以公开比不予公开多多少件")
    options = ["2023年予以公开比不予公开多多少件", "2021年予以公开比不予公开多多少件", "2019年予以公开比不予公开多多少件"]
    assert (a.status, a.value, a.options) == ("clarify", None, options)
    assert a.text == "平潭综合实验区有3个年度的年报，您问的是哪一年？\n" + "\n".join(f"{i}. {o}" for i, o in enumerate(options, 1))
    # 平潭2023 table 三: 予以公开 22, 不予公开 5
    b = ask(pingtan, "2023年予以公开比不予公开多多少件")
    assert (b.value, b.formula) == (17, "22 − 5 = 17")
    assert b.text.startswith("平潭综合实验区2023年予以公开22件，不予公开5件。平潭综合实验区2023年予以公开比不予公开多17件（22 − 5 = 17）。")


def test_a_ranking_of_rates_carries_the_top_rates_formula_and_says_why_a_year_has_none(four: Answerer) -> None:
    # 纠错率 = 结果纠正 ÷ (总计 − 尚未审结): 2023 1 ÷ (2 − 0) = 50%, 2021 0 ÷ (3 − 0) = 0%, 2019 0 ÷ 0
    a = ask(four, "平潭哪年行政复议纠错率最高")
    assert (a.value, a.unit, a.year, a.field) == (50, "%", 2023, "rate.correction_rate")
    assert a.formula == "行政复议结果纠正1 ÷ (行政复议总计2 − 行政复议尚未审结0) = 50%"
    assert a.text == ("按年度比较（3个已载入）：平潭综合实验区2023年最多：50%\n1. 平潭综合实验区2023年：50%\n2. 平潭综合实验区2021年：0%\n"
                      "未能比较（没有数字或未载入）：平潭综合实验区2019年（平潭综合实验区2019年行政复议纠错率的分母为0，无法计算）；"
                      "平潭综合实验区2020年（未载入）；平潭综合实验区2022年（未载入）" + cites(2023, 2021))
    assert [(s["year"], s["section"]) for s in a.sources] == [(2023, T4), (2021, T4)]


def test_a_series_over_years_is_no_one_figure_and_names_its_unit_field_and_sources(four: Answerer) -> None:
    a = ask(four, "平潭历年行政复议结果纠正")  # 0, 0, 1
    assert (a.status, a.value, a.year, a.agency, a.unit, a.field, a.section) == (
        "answered", None, None, PT, "件", "review/corrected", T4)
    assert a.series == [{"agency": PT, "year": 2019, "value": 0}, {"agency": PT, "year": 2021, "value": 0},
                        {"agency": PT, "year": 2023, "value": 1}]
    assert [(s["year"], s["section"]) for s in a.sources] == [(2019, T4), (2021, T4), (2023, T4)]


def test_a_ranking_over_years_with_one_body_loaded_needs_no_body_named(pingtan: Answerer) -> None:
    a = ask(pingtan, "行政复议哪年最多")  # 平潭 行政复议: 2019 0, 2021 3, 2023 2
    assert a.text == ("按年度比较（3个已载入）：平潭综合实验区2021年最多：3件\n1. 平潭综合实验区2021年：3件\n2. 平潭综合实验区2023年：2件\n"
                      "3. 平潭综合实验区2019年：0件\n未能比较（没有数字或未载入）：平潭综合实验区2020年（未载入）；平潭综合实验区2022年（未载入）"
                      + cites(2021, 2023, 2019))


def test_two_bodies_of_two_years_set_side_by_side_with_he_xiangbi(four: Answerer) -> None:
    # “A和B相比”: B is the other body and year named — it compared 平潭 2023 with 平潭 2019 (开封 dropped)
    got = ask(four, "平潭2023年和开封2019年行政复议相比多多少")
    assert (got.status, got.value, got.formula) == ("answered", -17, "2 − 19 = -17")
    assert got.text.split("\n")[0] == ("平潭综合实验区2023年2件，开封市人民政府2019年19件。"
                                       "平潭综合实验区2023年比开封市人民政府2019年少17件（不是多）（2 − 19 = -17）。")


def test_one_side_of_two_items_naming_two_cells_is_asked_back_not_answered_with_the_other_side(four: Answerer) -> None:
    # it answered 予以公开's 342 alone for “…比结果纠正多多少” (结果纠正: of 行政复议 or of 行政诉讼)
    got = ask(four, "开封2019年予以公开比结果纠正多多少")
    assert (got.status, got.value) == ("clarify", None)
    assert got.options == ["开封2019年予以公开比行政复议结果纠正多多少", "开封2019年予以公开比行政诉讼结果纠正多多少"]
    picked = ask(four, got.options[0])
    assert (picked.status, picked.value, picked.formula) == ("answered", 340, "342 − 2 = 340")


def test_a_growth_rate_of_a_year_whose_year_before_is_not_loaded_quotes_the_change_the_report_states(
        four: Answerer) -> None:
    # “增长率” is not the report's word (它写“同比增长20%”): the stated change is still quoted, as for 同比增长
    got = ask(four, "开封2019年政府网站访问量增长率")
    assert (got.status, got.value, got.unit) == ("answered", 20, "%")
    assert got.text.split("\n")[:2] == ["知识库中没有开封市人民政府2018年的年报。2019年的年报自己写明了变化：",
                                        "开封市人民政府2019年：2019年我市政府网站访问量同比增长20%。"]
