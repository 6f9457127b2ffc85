"""Synthetic reports: value kinds, units, label variants, grid rows, refusals and bad cells."""

from __future__ import annotations

import pytest
from parse_factories import ACTIVE_2021, Z7, make_doc, report_2021, report_2021_specs

from knowledge.errors import BadTable, NotAReport
from knowledge.models import Document, Fact, Parsed
from knowledge.template.parse import parse

COLS = ["natural", "commercial", "research", "public_interest", "legal_service", "other_org", "total"]


def cell(parsed: Parsed, row: str, column: str | None) -> Fact:
    return next(f for f in parsed.facts if f.row == row and f.column == column)


@pytest.fixture(scope="module")
def parsed() -> Parsed:
    return parse(report_2021())


def test_metadata_and_version_from_headers(parsed: Parsed) -> None:
    r = parsed.report
    assert (r.agency, r.year, r.template, r.id) == ("测试县人民政府", 2022, "2021", "测试县人民政府-2022")
    assert [s.id for s in r.sections] == ["序", "一", "二", "三", "四", "五", "六"]
    assert r.section("序").heading == "前言"
    assert r.section("序").text == "本报告由本机关编制。"


@pytest.mark.parametrize(
    ("row", "column", "kind", "value", "raw", "unit"),
    [
        ("active.rule", "issued", "zero", 0, "0", "件"),
        ("active.rule", "repealed", "na", None, "/", "件"),
        ("active.rule", "in_force", "dash", None, "—", "件"),
        ("active.normative", "issued", "number", 3, "3", "件"),
        ("active.normative", "repealed", "blank", None, "", "件"),
        ("active.normative", "in_force", "number", 10, "10", "件"),
        ("active.license", "decisions", "number", 1234, "1,234", "件"),
        ("active.penalty", "decisions", "dash", None, "-", "件"),
        ("active.coercion", "decisions", "na", None, "不适用", "件"),
        ("active.fee", "amount", "number", 3940, "3940元", "元"),  # the cell's 元 overrides the header's 万元
    ],
)
def test_active_kinds_and_units(
    parsed: Parsed, row: str, column: str, kind: str, value: float | None, raw: str, unit: str
) -> None:
    f = cell(parsed, row, column)
    assert (f.kind, f.value, f.raw, f.unit) == (kind, value, raw, unit)


def test_active_block_and_column_variants(parsed: Parsed) -> None:
    f = cell(parsed, "active.normative", "in_force")
    assert (f.source.table, f.source.row, f.source.column) == (
        "第二十条第（一）项",
        "规范性文件",
        "现行有效件数 (历史累计)",
    )
    assert cell(parsed, "active.penalty", "decisions").source.table == "第二十条第（六）项"


def test_apply_blank_row_and_variant_labels(parsed: Parsed) -> None:
    assert [cell(parsed, "apply.carried_in", c).kind for c in COLS] == ["blank"] * 7
    assert cell(parsed, "apply.withheld.law", "natural").source.row == "2.其他法律行政止公开"
    assert cell(parsed, "apply.unable.not_held", "total").value == 1
    assert cell(parsed, "apply.rejected.mass", "total").kind == "zero"
    assert cell(parsed, "apply.other.no_correction", "total").kind == "zero"
    assert cell(parsed, "apply.other.other", "total").source.row == "3、其他"
    assert [cell(parsed, "apply.disclosed", c).value for c in COLS] == [3, 0, 0, 0, 0, 1, 4]


def test_derived_only_from_numbers(parsed: Parsed) -> None:
    other = cell(parsed, "apply.other", "total")
    assert other.value == 0 and other.kind == "number" and other.derived_from is not None
    assert cell(parsed, "apply.unable", "total").value == 1
    # 上年结转 is blank: no legal_person subtotal is invented for it
    assert not [f for f in parsed.facts if f.row == "apply.carried_in" and f.column == "legal_person"]
    assert cell(parsed, "apply.new", "legal_person").value == 1


def test_review_blank_group(parsed: Parsed) -> None:
    assert cell(parsed, "review", "total").value == 1
    assert cell(parsed, "litigation.after_review", "total").kind == "blank"
    assert not [f for f in parsed.facts if f.row == "litigation"]  # a blank term: nothing derived


def test_no_warnings_on_a_consistent_report(parsed: Parsed) -> None:
    assert parsed.report.warnings == []


def test_prose_units(parsed: Parsed) -> None:
    prose = {f.raw: f for f in parsed.facts if f.row == "prose"}
    assert prose["1200条"].value == 1200
    assert prose["3940元"].unit == "元" and prose["3940元"].source.section == "六、其他需要报告的事项"
    assert prose["6件"].source.row == "收到政府信息公开申请6件"


def test_grid_rows_with_merged_cells() -> None:
    specs = [
        "测试市人民政府2021年政府信息公开工作年度报告",
        "一、总体情况",
        "概述。",
        "二、主动公开政府信息情况",
        ["第二十条第（八）项", None, None, None],
        ["信息内容", "本年收费金额（单位：万元）", None, None],
        ["行政事业性收费", "96171.6", None, None],
        "三、收到和处理政府信息公开申请情况",
        ["一、本年新收政府信息公开申请数量", None, None, "2", "", "0", "0", "0", "0", "2"],
        ["四、结转下年度继续办理", None, None, *Z7],
        "四、政府信息公开行政复议、行政诉讼情况",
        ["0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"],
    ]
    p = parse(make_doc(specs, grid=True))
    fee = cell(p, "active.fee", "amount")
    assert (fee.value, fee.unit) == (96171.6, "万元")
    assert [cell(p, "apply.new", c).kind for c in COLS] == ["number", "blank", *["zero"] * 4, "number"]
    assert cell(p, "litigation.direct", "total").kind == "zero"


def test_letters_in_a_number_cell_raise_bad_table() -> None:
    doc = report_2021(new=["5", "O", "0", "0", "0", "1", "6"])
    with pytest.raises(BadTable) as err:
        parse(doc)
    assert "一、本年新收政府信息公开申请数量" in str(err.value) and "商业企业" in str(err.value)
    assert "“O”" in str(err.value)


def test_garbage_in_table_two_names_row_and_column() -> None:
    specs = ["测试市人民政府2021年政府信息公开工作年度报告", "一、总体情况", "概述。"]
    specs += [
        s if not (isinstance(s, list) and s[:1] == ["行政许可"]) else ["行政许可", "12abc"]
        for s in ACTIVE_2021
    ]
    specs += ["三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"]
    with pytest.raises(BadTable, match="行政许可.*本年处理决定数量"):
        parse(make_doc(specs))


def test_not_a_report() -> None:
    doc = make_doc(["关于召开安全生产会议的通知", "各单位：定于下周一召开会议。"])
    with pytest.raises(NotAReport, match="不是政府信息公开工作年度报告"):
        parse(doc)


def test_sections_without_tables_are_not_a_report_unless_titled_as_one() -> None:
    body = ["一、总体情况", "概述。", "二、主动公开政府信息情况", "无。", "三、收到和处理政府信息公开申请情况", "无。",
            "五、存在的主要问题及改进情况", "无。"]  # fmt: skip
    with pytest.raises(NotAReport, match="统计表格"):
        parse(make_doc(["测试市人民政府2021年度报告", *body]))
    r = parse(make_doc(["测试市人民政府2021年政府信息公开工作年度报告", *body])).report
    assert r.missing == ["表二缺失（可能为图片或页面不完整）", "表三缺失（可能为图片或页面不完整）",
                         "表四缺失（可能为图片或页面不完整）", "第六部分“其他需要报告的事项”缺失（页面不完整）"]  # fmt: skip


def test_pre_2019_reports_are_refused() -> None:
    doc = report_2021(title="测试县人民政府2018年政府信息公开工作年度报告")
    with pytest.raises(NotAReport, match="2019年以前的年报使用旧格式"):
        parse(doc)


def test_no_agency_is_refused() -> None:
    specs = report_2021_specs(title="2022年政府信息公开工作年度报告")
    with pytest.raises(NotAReport, match="发布机关"):
        parse(make_doc(specs))


def test_an_untitled_body_is_the_one_whose_office_compiled_the_report() -> None:
    specs = report_2021_specs(title="2022年政府信息公开工作年度报告")
    specs[1] = "本报告由测试县人民政府办公室编制。"
    r = parse(make_doc(specs)).report
    assert (r.agency, r.year, r.identified_from) == ("测试县人民政府", 2022, "正文编制单位")


def test_year_falls_back_to_the_statistics_period() -> None:
    doc = report_2021(
        title="测试县人民政府政府信息公开工作年度报告",
        prose="本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。",
    )
    r = parse(doc).report
    assert (r.agency, r.year) == ("测试县人民政府", 2022)


def test_pdf_like_text_lines() -> None:
    """Tables extracted as text lines with spaces between cells (no grid)."""
    specs = [
        "测试市人民政府2021年政府信息公开工作年度报告",
        "一、总体情况",
        "概述。",
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "信息内容 本年制发件数 本年废止件数 现行有效件数",
        "规章 0 0 0",
        "行政规范性文件 12 3 45",
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21",
        "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
        "（一）予以公开 21 0 0 0 0 0 21",
        "（七）总计 21 0 0 0 0 0 21",
        "四、结转下年度继续办理 0 0 0 0 0 0 0",
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议 行政诉讼",
        "10 1 0 0 11 0 0 0 0 0 5 0 0 0 5",
        "五、存在的主要问题及改进情况",
        "无。",
    ]
    p = parse(make_doc(specs, form="pdf"))
    assert [cell(p, "active.normative", c).value for c in ("issued", "repealed", "in_force")] == [12, 3, 45]
    assert [cell(p, "apply.new", c).value for c in COLS] == [21, 0, 0, 0, 0, 0, 21]
    assert cell(p, "apply.total", "total").value == 21
    assert [cell(p, "review", c).value for c in ("upheld", "corrected", "other", "pending", "total")] == [
        10,
        1,
        0,
        0,
        11,
    ]
    assert cell(p, "litigation.after_review", "total").value == 5


def test_table_of_contents_is_skipped() -> None:
    toc = ["目录", "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
           "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]  # fmt: skip
    doc = report_2021()
    lines = [*doc.lines[:1], *make_doc(toc).lines, *doc.lines[1:]]
    p = parse(Document(source="toc.txt", form="text", lines=lines))
    assert p.report.section("一").text.startswith("2022年，全县主动公开政府信息1200条")
    assert cell(p, "apply.new", "total").value == 6


def test_one_cell_per_line() -> None:
    """Web text that puts every table cell on its own line."""
    review_head = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉",
                   "复议后起诉", *["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2]  # fmt: skip
    specs = [
        "测试市人民政府2021年政府信息公开工作年度报告", "一、总体情况", "概述。", "二、主动公开政府信息情况",
        "第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
        "规章", "0", "0", "0", "行政规范性文件", "12", "3", "45",
        "第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可", "550",
        "三、收到和处理政府信息公开申请情况", "申请人情况", "自然人", "总计",
        "一、本年新收政府信息公开申请数量", *"21 0 0 0 0 0 21".split(),
        "二、上年结转政府信息公开申请数量", *"0 0 0 0 0 0 0".split(),
        "三、本年度办理结果", "（一）予以公开", *"21 0 0 0 0 0 21".split(),
        "（七）总计", *"21 0 0 0 0 0 21".split(), "四、结转下年度继续办理", *"0 0 0 0 0 0 0".split(),
        "四、政府信息公开行政复议、行政诉讼情况", *review_head, *"10 1 0 0 11 0 0 0 0 0 5 0 0 0 5".split(),
        "五、存在的主要问题及改进情况", "无。",
    ]  # fmt: skip
    p = parse(make_doc(specs))
    assert [cell(p, "active.normative", c).value for c in ("issued", "repealed", "in_force")] == [12, 3, 45]
    assert cell(p, "active.license", "decisions").value == 550
    assert [cell(p, "apply.new", c).value for c in COLS] == [21, 0, 0, 0, 0, 0, 21]
    assert [cell(p, "review", c).value for c in ("upheld", "corrected", "other", "pending", "total")] == [
        10,
        1,
        0,
        0,
        11,
    ]
    assert p.report.warnings == []
