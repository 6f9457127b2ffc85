"""勾稽关系 between a report's prose and its tables: which words name which table figure, and which
figures are left alone (`python -m bot check` lists what disagrees)."""

from __future__ import annotations

from parse_factories import Z7, make_doc, report_2019_specs, report_2021, report_2021_specs

from knowledge.checks.sums import format_check
from knowledge.models import Document
from knowledge.template.parse import parse

# the table of `report_2021`: 新收 6, 上年结转 blank (or 0 with Z7), （七）总计 6, 结转下年度 0, every reason of
# 不予公开 0, 复议 1; 规范性文件 制发 3, 废止 blank, 现行有效 10


def prose_messages(doc: Document) -> list[str]:
    return [w.message for w in parse(doc).report.warnings if w.rule.startswith("prose")]


def test_a_reason_is_named_by_its_own_words_or_a_near_variant_of_them() -> None:
    prose = ("全县收到政府信息公开申请6件，予以公开及部分公开5件，其中属于国家秘密事项2件、保护第三方合法权益1件、"
             "要求行政机关确认或重新出具已获取信息1件、其他1件。")
    # 予以公开及部分公开 joins two rows and is left alone; “其他” alone names no row (（六）'s 3.其他 is too
    # vague a word to be looked for); the 或 in a row's own name is part of it
    assert prose_messages(report_2021(prose=prose)) == [
        "正文“其中属于国家秘密事项2件”为2，但表格“1.属于国家秘密／总计”为0",
        "正文“保护第三方合法权益1件”为1，但表格“4.保护第三方合法权益／总计”为0",
        "正文“要求行政机关确认或重新出具已获取信息1件”为1，但表格“5.要求行政机关确认或重新出具已获取信息／总计”为0",
    ]


def test_the_words_read_are_those_around_each_figure_even_a_figure_printed_twice() -> None:
    # the second 8 is 办结's, not 收到's; a figure may open a sentence, and 申请 may follow it
    prose = "全年收到政府信息公开申请8件，办结8件。2件申请结转下年度继续办理。全年收到8件申请。"
    assert prose_messages(report_2021(prose=prose)) == [
        "正文“全年收到政府信息公开申请8件”为8，但表格“一、本年新收政府信息公开申请数量／总计”为6",
        "正文“办结8件”为8，但表格“（七）总计／总计”为6",
        "正文“2件申请结转下年度继续办理”为2，但表格“四、结转下年度继续办理／总计”为0",
        "正文“全年收到8件申请”为8，但表格“一、本年新收政府信息公开申请数量／总计”为6",
    ]


def test_only_words_about_this_years_requests_are_compared_with_table_three() -> None:
    prose = ("全年办结人大代表建议8件、政协提案5件。其中结转本年度办结的申请2件。另有2件申请顺延至下一年度办理。"
             "上年顺延的申请2件已全部办结。上年结转信访事项2件。")
    # 办结 without 申请 is other work; 结转本年度办结 and 上年顺延 are last year's requests, not this year's
    # replies nor next year's; 上年结转 信访 is no request either — only 顺延至下一年度 names a table figure
    assert prose_messages(report_2021(prose=prose, carried_in=Z7)) == [
        "正文“另有2件申请顺延至下一年度办理”为2，但表格“四、结转下年度继续办理／总计”为0",
    ]


def test_review_and_litigation_are_counted_in_cases_or_times() -> None:
    assert prose_messages(report_2021(prose="发生行政复议2起，被直接起诉1次。")) == [
        "正文“发生行政复议2起”为2，但表格“行政复议／总计”为1",
        "正文“被直接起诉1次”为1，但表格“行政诉讼·未经复议直接起诉／总计”为0",
    ]


def test_a_figure_is_never_compared_with_a_blank_cell() -> None:
    assert prose_messages(report_2021(prose="上年结转政府信息公开申请2件。")) == []  # 上年结转 left blank


def test_normative_documents_in_any_unit_against_the_column_the_words_name_or_any_column() -> None:
    # table 二 with 废止 0 printed: 规范性文件 3, 0, 10
    specs = [s if isinstance(s, str) or list(s) != ["规范性文件", "3", "", "10"] else ["规范性文件", "3", "0", "10"]
             for s in report_2021_specs(prose=(
                 "本年废止规范性文件0件，现有规范性文件3件，备案规范性文件9件，清理后现行有效规范性文件9件，"
                 "审核部门规范性文件45件。制发规范性文件4份，印发规范性文件5篇。在政府公报上刊发规范性文件12件。"))]
    # 废止 0 and 现有 3 are two of the row's figures; 备案 9 is none of them (the last, 现行有效, is named);
    # 清理后现行有效 is the 现行有效 column; the departments' documents and a gazette's are not the row's
    assert prose_messages(make_doc(specs)) == [
        "正文“备案规范性文件9件”为9，但表格“规范性文件／现行有效件数 (历史累计)”为10",
        "正文“清理后现行有效规范性文件9件”为9，但表格“规范性文件／现行有效件数 (历史累计)”为10",
        "正文“制发规范性文件4份”为4，但表格“规范性文件／本年制发件数”为3",
        "正文“印发规范性文件5篇”为5，但表格“规范性文件／本年制发件数”为3",
    ]


def test_a_2019_report_figure_naming_no_column_may_be_any_of_the_three() -> None:
    specs = report_2019_specs(
        "印发规范性文件1件，公开规范性文件5件。",
        ["规范性文件", "1", "5", "7"],
    )
    assert prose_messages(make_doc(specs)) == []  # 1 is 新制作, 5 新公开


def _ran_together(prose: str, digits: str) -> Document:
    """平潭's table 二 as a flattened text prints it: the three cells of 行政规范性文件 as one run of digits."""
    return make_doc(
        ["平潭综合实验区2021年度政府信息公开工作年度报告", f"一、总体情况 {prose}二、主动公开政府信息情况 第二十条第（一）项"
         f"信息内容本年制发件数本年废止件数现行有效件数规章 000行政规范性文件{digits}三、收到和处理政府信息公开申请情况"
         "四、政府信息公开行政复议、行政诉讼情况五、存在的主要问题及改进情况"]
    )  # fmt: skip


def test_a_figure_naming_no_column_is_not_compared_with_cells_whose_digits_ran_together() -> None:
    assert prose_messages(_ran_together("共有规范性文件7件。", "693665")) == []
    # nine digits: 制发 may be any of seven prefixes; the message shows the first six, and `check` the
    # section of the prose figure
    assert format_check(parse(_ran_together("本年制发规范性文件7件。", "693665123"))).splitlines()[-1] == (
        "- 正文“本年制发规范性文件7件”为7，但表格“行政规范性文件／本年制发件数”可能的值（6、69、693、6936、69366、693665）"
        "中没有7（一、总体情况）")


def test_a_reply_counted_as_part_of_the_requests_closed_is_not_their_total() -> None:
    # 平潭财政金融局 2024: “办结依申请2件，其中公开答复1件，无法提供1件” — 1 is one outcome, not （七）总计
    prose = "全年收到政府信息公开申请6件，办结依申请6件，其中公开答复1件，无法提供1件。"
    assert prose_messages(report_2021(prose=prose)) == []
