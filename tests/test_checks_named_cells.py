"""What a 勾稽关系 warning carries besides its message: the cells it names (a reply that uses any of
them carries the warning, and marks them), its kind (the words a reply puts before it) and its section;
and the lines `python -m bot check` prints about a report's identity and gaps."""

from __future__ import annotations

from dataclasses import replace

from parse_factories import REVIEW, Z7, make_doc, report_2019_specs, report_2021, report_2021_specs

from knowledge.catalogue import default
from knowledge.checks.sums import format_check, run
from knowledge.models import Document, Line, Warning_
from knowledge.template.parse import parse


def _warnings(doc: Document) -> list[Warning_]:
    return parse(doc).report.warnings


def test_table_two_names_both_cells_it_compared() -> None:
    specs = report_2019_specs("概述。", ["规章", "1", "5", "5"], ["规范性文件", "2", "6", "4"])
    [w] = _warnings(make_doc(specs))
    assert (w.message, w.cells) == ("表二“规范性文件”：对外公开总数量4小于本年新公开数量6", [
        {"row": "active.normative", "column": "new_published", "year": None},
        {"row": "active.normative", "column": "total_published", "year": None},
    ])


def test_a_printed_group_row_is_named_with_its_items() -> None:
    # （四）无法提供 printed as 2 in 自然人 and 总计 over its items 1, 0, 0: the printed cell is named, then its items
    doc = report_2021()
    lines = list(doc.lines)
    at = next(i for i, ln in enumerate(lines) if ln.cells[:1] == ["（四）无"])
    lines.insert(at, Line(cells=["（四）无法提供（小计）", "2", "0", "0", "0", "0", "0", "2"], kind="row", table=3))
    group = [w for w in _warnings(replace(doc, lines=lines)) if w.rule == "apply.group"]
    assert [(w.message, w.cells) for w in group] == [
        ("表三“（四）无法提供（小计）”“自然人”列为2，但其各项之和为1", [
            {"row": "apply.unable", "column": "natural", "year": None},
            {"row": "apply.unable.not_held", "column": "natural", "year": None},
            {"row": "apply.unable.need_create", "column": "natural", "year": None},
            {"row": "apply.unable.unclear", "column": "natural", "year": None},
        ]),
        ("表三“（四）无法提供（小计）”“总计”列为2，但其各项之和为1", [
            {"row": "apply.unable", "column": "total", "year": None},
            {"row": "apply.unable.not_held", "column": "total", "year": None},
            {"row": "apply.unable.need_create", "column": "total", "year": None},
            {"row": "apply.unable.unclear", "column": "total", "year": None},
        ]),
    ]


def test_a_table_four_group_with_its_total_left_blank_is_not_compared() -> None:
    # 未经复议直接起诉: results 1, 0, 0, 0 printed, 总计 blank — nothing to compare them with
    review = [*REVIEW[:-1], ["1", "0", "0", "0", "1", "1", "0", "0", "0", "", "", "", "", "", ""]]
    assert format_check(parse(report_2021(review=review))).splitlines()[-1] == "未发现勾稽关系问题"


def test_printed_results_already_past_the_total_are_flagged_with_one_left_blank() -> None:
    # 复议后起诉: 1 + 2 + 1 = 4 printed, 尚未审结 blank, 总计 3 — one over: no count in the blank mends it
    review = [*REVIEW[:-1], ["1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "1", "2", "1", "", "3"]]
    [w] = _warnings(report_2021(review=review))
    assert (w.message, w.section, w.cells) == (
        "表四“复议后起诉”：结果维持1＋结果纠正2＋其他结果1＝4，但总计为3",
        "四、政府信息公开行政复议、行政诉讼情况",
        [
            {"row": "litigation.after_review", "column": "upheld", "year": None},
            {"row": "litigation.after_review", "column": "corrected", "year": None},
            {"row": "litigation.after_review", "column": "other", "year": None},
            {"row": "litigation.after_review", "column": "pending", "year": None},
            {"row": "litigation.after_review", "column": "total", "year": None},
        ],
    )


def test_run_together_cells_that_never_add_up_are_placed_under_their_section() -> None:
    # 行政复议 结果维持 printed run together as “1100005” (read 1 or 11) against 总计 1 over results 0, 0, 0
    parsed = parse(report_2021())
    facts = [
        replace(f, value=None, kind="uncertain", raw="1100005", candidates=[1100.0, 11.0])
        if (f.row, f.column) == ("review", "upheld") else f
        for f in parsed.facts
    ]
    [w] = [w for w in run(parsed.report, facts, default()) if w.rule == "unsplit.sum"]
    assert (w.message, w.section) == (
        "表四行政复议：总计等于四项结果之和，但“行政复议／结果维持”原文数字连写（“1100005”），无论如何拆分都不成立",
        "四、政府信息公开行政复议、行政诉讼情况",
    )


def test_a_prose_warning_names_the_cell_and_the_clause_and_says_it_is_the_text() -> None:
    [w] = _warnings(report_2021(prose="全年办结申请5件。", carried_in=Z7))
    assert (w.line, w.kind, w.cells) == (
        "报告正文与表格不一致：正文“全年办结申请5件”为5，但表格“（七）总计／总计”为6",
        "prose",
        [
            {"row": "apply.total", "column": "total", "year": None},
            {"row": "prose", "column": None, "year": None, "clause": "全年办结申请5件"},
        ],
    )


def test_a_prose_figure_no_reading_of_a_run_together_cell_allows_is_a_prose_warning() -> None:
    doc = make_doc(
        ["平潭综合实验区2021年度政府信息公开工作年度报告", "一、总体情况 本年制发规范性文件7件。"
         "二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章 000"
         "行政规范性文件693665三、收到和处理政府信息公开申请情况四、政府信息公开行政复议、行政诉讼情况"
         "五、存在的主要问题及改进情况"]
    )  # fmt: skip
    [w] = _warnings(doc)
    assert (w.line, w.cells) == (
        "报告正文与表格不一致：正文“本年制发规范性文件7件”为7，但表格“行政规范性文件／本年制发件数”可能的值"
        "（6、69、693、6936）中没有7",
        [
            {"row": "active.normative", "column": "issued", "year": None},
            {"row": "prose", "column": None, "year": None, "clause": "本年制发规范性文件7件"},
        ],
    )


def test_a_clause_printed_twice_in_a_sentence_is_read_where_it_first_stands() -> None:
    # “办结申请5件” twice: first as all the year's replies (the table's 6), then after “因复议重新、”
    doc = report_2021(prose="全年共收到申请6件，办结申请5件，因复议重新、办结申请5件。")
    assert [w.message for w in _warnings(doc)] == ["正文“办结申请5件”为5，但表格“（七）总计／总计”为6"]


def test_a_near_variant_of_a_result_rows_name_names_it() -> None:
    # “…已获得信息的申请为” against the row's “…已获取信息”: as near as the check allows (similarity 85)
    doc = report_2021(prose="其中要求行政机关确认或重新出具已获得信息的申请为2件。")
    assert [w.message for w in _warnings(doc)] == [
        "正文“其中要求行政机关确认或重新出具已获得信息的申请为2件”为2，"
        "但表格“5.要求行政机关确认或重新出具已获取信息／总计”为0"
    ]


def test_check_says_where_a_saved_pages_body_and_year_were_read_and_what_it_lacks() -> None:
    parsed = parse(report_2021())
    report = replace(parsed.report, identified_from="正文首句", missing=["表四缺失", "表五缺失（可能为图片）"])
    notes = ["页面上机关名称有两种读法：按标题为“测试县人民政府”，来源栏为“测试县财政局”；按前者入库", "另一条说明"]
    lines = format_check(replace(parsed, report=report, notes=notes)).splitlines()
    assert lines[:3] == [
        "测试县人民政府2022年政府信息公开工作年度报告",
        "机关：测试县人民政府　年度：2022　模板：2021年版　文件：synthetic.txt",
        "机关和年度据正文首句",
    ]
    assert lines[3].startswith("事实 ")
    assert lines[4:] == [
        "不完整：表四缺失；表五缺失（可能为图片）",
        "说明：页面上机关名称有两种读法：按标题为“测试县人民政府”，来源栏为“测试县财政局”；按前者入库",
        "未发现勾稽关系问题",
    ]


def test_a_table_two_row_the_prose_split_is_not_read_again_as_a_prose_figure() -> None:
    # 规范性文件 printed run together “693665”, split by the prose into 6, 93, 665: those cells now carry the
    # sentence they were split by, but they are the table's — not figures of “上年结转…申请0件” beside them
    prose = "本年制发规范性文件6件，现行有效规范性文件665件，上年结转政府信息公开申请0件。"
    specs = [["规范性文件", "693665"] if s == ["规范性文件", "3", "", "10"] else s
             for s in report_2021_specs(prose=prose, carried_in=Z7)]
    parsed = parse(make_doc(specs))
    assert [(f.column, f.value) for f in parsed.facts if f.row == "active.normative"] == [
        ("issued", 6.0), ("repealed", 93.0), ("in_force", 665.0)]
    assert format_check(parsed).splitlines()[-1] == "未发现勾稽关系问题"
