"""勾稽关系 checks: each rule fires with its figures, and stays quiet on blanks and consistent tables."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from parse_factories import REVIEW, Z7, make_doc, report_2019_specs, report_2021, report_2021_specs

from knowledge import catalogue
from knowledge.checks.sums import format_check, run
from knowledge.models import Document, Line, Warning_
from knowledge.template.parse import parse

REPORTS = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "reports"


def rules(doc: Document) -> list[str]:
    return [w.rule for w in parse(doc).report.warnings]


def messages(doc: Document) -> list[str]:
    return [w.message for w in parse(doc).report.warnings]


def test_column_balance() -> None:
    # 一 其他 2 + 二 0 ≠ (七) 1 + 四 0; same in 总计 (7 ≠ 6)
    doc = report_2021(new=["5", "0", "0", "0", "0", "2", "7"], carried_in=Z7, prose="概述。")
    assert messages(doc) == [
        "表三“其他”列：本年新收2＋上年结转0＝2，但办理结果总计1＋结转下年度0＝1",
        "表三“总计”列：本年新收7＋上年结转0＝7，但办理结果总计6＋结转下年度0＝6",
    ]


def test_results_total_and_row_total() -> None:
    # (七) 自然人 6 while the results add up to 5; the (七) row then adds up to 7, not 6
    doc = report_2021(
        new=["6", "0", "0", "0", "0", "1", "7"],
        total=["6", "0", "0", "0", "0", "1", "6"],
        carried_in=Z7,
        prose="概述。",
    )
    assert set(rules(doc)) == {"apply.results", "apply.columns", "apply.balance"}
    assert "表三“自然人”列：（七）总计6，但（一）至（六）之和为3＋1＋0＋1＋0＋0＝5" in messages(doc)
    assert "表三“（七）总计”行：总计6，但各申请人列之和为7" in messages(doc)


def test_blank_total_column_is_not_read_as_zero() -> None:
    doc = report_2021(
        new=["5", "0", "0", "0", "0", "1", ""], total=["5", "0", "0", "0", "0", "1", ""], prose="概述。"
    )
    assert rules(doc) == []


def test_review_group_sum() -> None:
    review = [*REVIEW[:-1], ["1", "0", "0", "0", "2", "0", "0", "0", "0", "0", "1", "1", "0", "0", "2"]]
    assert messages(report_2021(review=review)) == [
        "表四“行政复议”：结果维持1＋结果纠正0＋其他结果0＋尚未审结0＝1，但总计为2"
    ]


def test_printed_group_row_against_its_items() -> None:
    doc = report_2021()
    lines = list(doc.lines)
    at = next(i for i, ln in enumerate(lines) if ln.cells[:1] == ["（四）无"])
    lines.insert(
        at, Line(cells=["（四）无法提供（小计）", "2", "0", "0", "0", "0", "0", "2"], kind="row", table=3)
    )
    msgs = messages(replace(doc, lines=lines))
    assert "表三“（四）无法提供（小计）”“自然人”列为2，但其各项之和为1" in msgs


def test_prose_against_tables() -> None:
    doc = report_2021(prose="全年收到政府信息公开申请8件，办结6件，行政复议1件。")
    assert messages(doc) == [
        "正文“全年收到政府信息公开申请8件”为8，但表格“一、本年新收政府信息公开申请数量／总计”为6"
    ]


def test_run_directly_and_format_check() -> None:
    parsed = parse(report_2021(review=[*REVIEW[:-1], ["1", "0", "0", "0", "2", *["0"] * 10]]))
    again = run(parsed.report, parsed.facts, catalogue.default())
    assert [w.rule for w in again] == ["review.sum"]
    text = format_check(parsed)
    lines = text.splitlines()
    assert lines[0] == "测试县人民政府2022年政府信息公开工作年度报告"
    assert "测试县人民政府" in lines[1] and "2022" in lines[1] and "2021年版" in lines[1]
    assert "不确定单元格 0 个" in lines[2]
    assert lines[-1] == "- 表四“行政复议”：结果维持1＋结果纠正0＋其他结果0＋尚未审结0＝1，但总计为2（四、政府信息公开行政复议、行政诉讼情况）"


def test_format_check_clean_and_uncertain() -> None:
    assert format_check(parse(report_2021())).splitlines()[-1] == "未发现勾稽关系问题"
    doc = make_doc(
        ["平潭综合实验区2021年度政府信息公开工作年度报告", "一、总体情况 概述。二、主动公开政府信息情况 第二十条第（一）项"
         "信息内容本年制发件数本年废止件数现行有效件数规章 000行政规范性文件693665三、收到和处理政府信息公开申请情况"
         "四、政府信息公开行政复议、行政诉讼情况五、存在的主要问题及改进情况"]
    )  # fmt: skip
    text = format_check(parse(doc))
    assert "不确定单元格 3 个" in text
    assert "不确定：行政规范性文件／本年制发件数（原文“693665”，可能为 6、69、693、6936）" in text


def test_2019_published_total_below_new() -> None:
    specs = report_2019_specs(
        "概述。",
        ["规章", "1", "5", "3"],
    )
    assert messages(make_doc(specs)) == ["表二“规章”：对外公开总数量3小于本年新公开数量5"]


def test_the_departments_documents_a_gazette_printed_are_not_the_bodys_own(tmp_path: Path) -> None:
    """“公报…刊登规范性文件112件，部门规范性文件45件” counts what a gazette printed, not table 二's row:
    no warning that text and table disagree (a real 上海 report drew a false one); the 开封 report's own
    “政府规范性文件845个” against the table's 815 still warns."""
    from bot.settings import Settings
    from knowledge.ingest import parse_file

    text = (REPORTS / "kaifeng-2019.txt").read_text(encoding="utf-8").replace(
        "## 一、总体情况\n", "## 一、总体情况\n\n全年共编发公报24期，刊登政府规章、规范性文件等112件，部门规范性文件45件。\n", 1)
    src = tmp_path / "kaifeng-2019.txt"
    src.write_text(text, encoding="utf-8")
    warnings = [w.message for w in parse_file(src, Settings()).report.warnings]
    assert warnings == ["正文“政府规范性文件845个”为845，但表格“规范性文件／对外公开总数量”为815"]


def test_format_check_counts_each_kind_of_fact() -> None:
    specs = report_2019_specs(
        "全年收到政府信息公开申请2件。",
        ["规章", "1", "5", "7"],
        ["规范性文件", "2", "", "—"],
    )
    # six printed table cells (blank and “—” are cells too), nothing derived, one prose figure (申请2件)
    assert format_check(parse(make_doc(specs))).splitlines()[2] == "事实 7 条：表格 6，推算 0，正文 1；不确定单元格 0 个"


def test_format_check_lists_at_most_six_readings_of_a_run_of_digits() -> None:
    doc = make_doc(
        ["平潭综合实验区2021年度政府信息公开工作年度报告", "一、总体情况 概述。二、主动公开政府信息情况 第二十条第（一）项"
         "信息内容本年制发件数本年废止件数现行有效件数规章 000行政规范性文件69366512三、收到和处理政府信息公开申请情况"
         "四、政府信息公开行政复议、行政诉讼情况五、存在的主要问题及改进情况"]
    )  # fmt: skip
    parsed = parse(doc)
    lines = format_check(parsed).splitlines()
    # 69366512 over three cells: the first cell is one of its six prefixes that leave two digits for the others
    assert "不确定：行政规范性文件／本年制发件数（原文“69366512”，可能为 6、69、693、6936、69366、693665）" in lines
    assert "不确定：行政规范性文件／现行有效件数（原文“69366512”，可能为 2、12、512、6512、66512、366512）" in lines
    middle = next(line for line in lines if "本年废止件数" in line)
    assert middle.endswith("可能为 1、3、5、6、9、36…）")  # more than six: the first six, then …
    seven = make_doc([doc.lines[0].cells[0], doc.lines[1].cells[0].replace("69366512", "693665123")])
    # nine digits: seven prefixes leave two digits for the others; six are shown
    assert ("不确定：行政规范性文件／本年制发件数（原文“693665123”，可能为 6、69、693、6936、69366、693665…）"
            in format_check(parse(seven)).splitlines())
    odd = replace(parsed, facts=[replace(f, candidates=None) for f in parsed.facts])
    assert "不确定：行政规范性文件／本年废止件数（原文“69366512”，可能为 ？）" in format_check(odd)


def prose_messages(doc: Document) -> list[str]:
    return [w.message for w in parse(doc).report.warnings if w.rule.startswith("prose")]


def test_each_prose_figure_is_checked_against_the_cell_it_names() -> None:
    # the table: 新收 6, 上年结转 0, （七）总计 6, 结转下年度 0, 予以公开 4, 部分公开 1, 不予公开 0;
    # 复议 1, 直接起诉 0; 规范性文件 制发 3, 现行有效 10
    prose = ("2022年，全县收到政府信息公开申请6件，上年结转政府信息公开申请2件，办结申请5件，结转下年度继续办理3件，"
             "其中予以公开3件、部分公开2件、不予公开0件，同意公开答复9件。发生行政复议2件，行政诉讼1件，其中直接起诉1件。"
             "制发规范性文件4件，现行有效规范性文件3件，共有规范性文件9件，清理规范性文件2件。")
    assert prose_messages(report_2021(prose=prose, carried_in=Z7)) == [
        "正文“上年结转政府信息公开申请2件”为2，但表格“二、上年结转政府信息公开申请数量／总计”为0",
        "正文“办结申请5件”为5，但表格“（七）总计／总计”为6",
        "正文“结转下年度继续办理3件”为3，但表格“四、结转下年度继续办理／总计”为0",
        "正文“其中予以公开3件”为3，但表格“（一）予以公开／总计”为4",
        "正文“部分公开2件”为2，但表格“（二）部分公开（区分处理的，只计这一情 形，不计其他情形）／总计”为1",
        "正文“发生行政复议2件”为2，但表格“行政复议／总计”为1",
        "正文“其中直接起诉1件”为1，但表格“行政诉讼·未经复议直接起诉／总计”为0",
        "正文“制发规范性文件4件”为4，但表格“规范性文件／本年制发件数”为3",
        "正文“现行有效规范性文件3件”为3，但表格“规范性文件／现行有效件数 (历史累计)”为10",  # not 制发's 3
        "正文“共有规范性文件9件”为9，但表格“规范性文件／现行有效件数 (历史累计)”为10",  # no column named: the last
    ]


def test_received_requests_may_count_last_years_carried_over_ones() -> None:
    carried = ["2", "0", "0", "0", "0", "0", "2"]  # 新收 6 + 上年结转 2
    assert prose_messages(report_2021(prose="全年收到政府信息公开申请8件。", carried_in=carried)) == []
    assert prose_messages(report_2021(prose="全年收到政府信息公开申请9件。", carried_in=carried)) == [
        "正文“全年收到政府信息公开申请9件”为9，但表格“一、本年新收政府信息公开申请数量／总计”为6"
    ]


def test_a_prose_figure_against_a_cell_whose_digits_ran_together() -> None:
    doc = make_doc(
        ["平潭综合实验区2021年度政府信息公开工作年度报告", "一、总体情况 本年制发规范性文件7件，现行有效规范性文件5件。"
         "二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章 000"
         "行政规范性文件693665三、收到和处理政府信息公开申请情况四、政府信息公开行政复议、行政诉讼情况"
         "五、存在的主要问题及改进情况"]
    )  # fmt: skip
    # 693665 over three cells: 制发 is 6, 69, 693 or 6936 — never 7; 现行有效 may be 5
    assert prose_messages(doc) == [
        "正文“本年制发规范性文件7件”为7，但表格“行政规范性文件／本年制发件数”可能的值（6、69、693、6936）中没有7"
    ]


def test_a_2019_report_names_the_made_column_of_its_normative_documents() -> None:
    specs = report_2019_specs(
        "本年制定规范性文件5件，印发规范性文件7件。",
        ["规范性文件", "1", "5", "7"],
    )
    # 制定 names 本年新制作数量 (1), not the 新公开 5 beside it; 印发 names no column, and 7 is one of them
    assert prose_messages(make_doc(specs)) == ["正文“本年制定规范性文件5件”为5，但表格“规范性文件／本年新制作数量”为1"]


def test_check_names_the_section_each_warning_concerns_in_the_reports_own_words() -> None:
    # table 四 printed under the 2019 template's wording; a prose figure in 一、总体情况 contradicts table 三
    review = [
        "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        *REVIEW[1:-1],
        ["1", "0", "0", "0", "2", "0", "0", "0", "0", "0", "1", "1", "0", "0", "2"],
    ]
    doc = report_2021(review=review, new=["5", "0", "0", "0", "0", "2", "7"], carried_in=Z7,
                      prose="全年收到政府信息公开申请8件。")
    assert format_check(parse(doc)).splitlines()[-5:] == [
        "勾稽关系问题 4 项：",
        "- 表三“其他”列：本年新收2＋上年结转0＝2，但办理结果总计1＋结转下年度0＝1（三、收到和处理政府信息公开申请情况）",
        "- 表三“总计”列：本年新收7＋上年结转0＝7，但办理结果总计6＋结转下年度0＝6（三、收到和处理政府信息公开申请情况）",
        "- 表四“行政复议”：结果维持1＋结果纠正0＋其他结果0＋尚未审结0＝1，但总计为2"
        "（四、因政府信息公开工作被申请行政复议、提起行政诉讼情况）",
        "- 正文“全年收到政府信息公开申请8件”为8，但表格“一、本年新收政府信息公开申请数量／总计”为7（一、总体情况）",
    ]



def _with_subtotal(doc: Document, cells: list[str]) -> Document:
    """`doc` with the 2021 table 三's （四）无法提供 printed as a row of its own, before its items."""
    lines = list(doc.lines)
    at = next(i for i, ln in enumerate(lines) if ln.cells[:1] == ["（四）无"])
    lines.insert(at, Line(cells=["（四）无法提供（小计）", *cells], kind="row", table=3))
    return replace(doc, lines=lines)


def test_check_lists_each_table_three_rule_under_its_section() -> None:
    # （四）无法提供 printed as 1 … 2 over its items 1 … 1: its 总计 column and its row disagree, and (七)总计 6
    # is not the 4 + 1 + 0 + 2 + 0 + 0 of the results; its 自然人 column (1 = 1) and the rest agree
    doc = _with_subtotal(report_2021(), ["1", "0", "0", "0", "0", "0", "2"])
    assert rules(doc) == ["apply.results", "apply.columns", "apply.group"]
    assert format_check(parse(doc)).splitlines()[-4:] == [
        "勾稽关系问题 3 项：",
        "- 表三“总计”列：（七）总计6，但（一）至（六）之和为4＋1＋0＋2＋0＋0＝7（三、收到和处理政府信息公开申请情况）",
        "- 表三“（四）无法提供（小计）”行：总计2，但各申请人列之和为1（三、收到和处理政府信息公开申请情况）",
        "- 表三“（四）无法提供（小计）”“总计”列为2，但其各项之和为1（三、收到和处理政府信息公开申请情况）",
    ]


def test_a_row_that_does_not_add_up_is_named_once_not_again_in_its_group() -> None:
    # 4.保护第三方合法权益 总计 1 over applicant columns of 0: （三）不予公开, which the report leaves out and the
    # bot adds up from its reasons, inherits the disagreement and is not named for it
    specs = [s if isinstance(s, str) or s[:1] != ["4.保护第三方合法权益"] else [*s[:1], *["0"] * 6, "1"]
             for s in report_2021_specs()]
    assert messages(make_doc(specs)) == [
        "表三“总计”列：（七）总计6，但（一）至（六）之和为4＋1＋1＋1＋0＋0＝7",
        "表三“4.保护第三方合法权益”行：总计1，但各申请人列之和为0",
    ]


def test_a_warning_stored_before_sections_were_recorded_is_listed_without_one() -> None:
    parsed = parse(report_2021())
    old = Warning_("review.sum", "表四“行政复议”：结果维持1＋结果纠正0＋其他结果0＋尚未审结0＝1，但总计为2")
    text = format_check(replace(parsed, report=replace(parsed.report, warnings=[old])))
    assert text.splitlines()[-2:] == [
        "勾稽关系问题 1 项：", "- 表四“行政复议”：结果维持1＋结果纠正0＋其他结果0＋尚未审结0＝1，但总计为2"]


def test_each_table_four_group_is_checked_and_a_blank_one_never_guessed_at() -> None:
    # 复议 adds up (1 = 1); 直接起诉 does not (1 ≠ 2); 复议后起诉 has 尚未审结 left blank and is not compared
    review = [*REVIEW[:-1], ["1", "0", "0", "0", "1", "1", "0", "0", "0", "2", "0", "0", "0", "", "3"]]
    assert format_check(parse(report_2021(review=review))).splitlines()[-2:] == [
        "勾稽关系问题 1 项：",
        "- 表四“未经复议直接起诉”：结果维持1＋结果纠正0＋其他结果0＋尚未审结0＝1，但总计为2"
        "（四、政府信息公开行政复议、行政诉讼情况）",
    ]


def test_check_compares_both_rows_of_the_2019_table_two_under_its_section() -> None:
    specs = report_2019_specs(
        "概述。",
        ["规章", "1", "5", "5"],  # as many in all as new: fine
        ["规范性文件", "2", "6", "4"],
    )
    assert rules(make_doc(specs)) == ["active.published"]
    assert format_check(parse(make_doc(specs))).splitlines()[-2:] == [
        "勾稽关系问题 1 项：", "- 表二“规范性文件”：对外公开总数量4小于本年新公开数量6（二、主动公开政府信息情况）"]
