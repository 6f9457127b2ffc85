"""Document shapes seen in real reports: PDF→markdown covers and tables, 上海-style sections, split tables."""

from __future__ import annotations

import pytest
from parse_factories import (
    APPLY_HEADER,
    apply_loose,
    make_doc,
    report_2021,
    report_2021_specs,
    review_group_tables,
    shanghai_style,
)

from knowledge.errors import NotAReport
from knowledge.models import Fact, Parsed
from knowledge.template.parse import parse
from knowledge.template.sections import NO_HEADING_FIVE

REVIEW_COLS = ["upheld", "corrected", "other", "pending", "total"]


def cell(parsed: Parsed, row: str, column: str | None) -> Fact:
    return next(f for f in parsed.facts if f.row == row and f.column == column)


# A PDF cover turned into text: the title wrapped over two lines, year first, and an opening
# sentence that cites the template notice 《关于印发中华人民共和国政府信息公开工作年度报告格式的通知》
# across line breaks.
CITING_COVER = [
    "正文",
    "2025 年测试市人民政府办公厅政府信息公开",
    "工作年度报告",
    "本年度报告根据《中华人民共和国政府信息公开条例》（以",
    "下简称《条例》）、《测试市政府信息公开规定》（以下简称《规",
    "定》）和《关于印发中华人民共和国政府信息公开工作年度报告",
    "格式的通知》（国办公开办函〔2021〕30 号）的要求编制。本年度报告中所列数据统计期限为 2025",
    "年 1 月 1 日至 12 月 31 日。",
]


def test_title_wrapped_year_first_and_citations_ignored() -> None:
    r = parse(report_2021(head=CITING_COVER)).report
    assert (r.agency, r.year) == ("测试市人民政府办公厅", 2025)
    assert r.title == "2025年测试市人民政府办公厅政府信息公开工作年度报告"


def test_a_cited_title_alone_is_no_agency() -> None:
    head = ["正文", "本报告依据《测试市人民政府2022年政府信息公开工作年度报告》编制。"]
    with pytest.raises(NotAReport, match="发布机关"):
        parse(report_2021(head=head))


@pytest.mark.parametrize(
    "head",
    [
        ["测试县人民政府2018年政府信息公开工作年度报告"],
        [
            "测试县人民政府政府信息公开工作年度报告",
            "本报告所列数据的统计期限自2017年1月1日起至2017年12月31日止。",
        ],
        ["测试县人民政府政府信息公开工作年度报告", "本报告所列数据统计时间为2018年1月1日至12月31日。"],
    ],
)
def test_pre_2019_refusal_names_the_year(head: list[str]) -> None:
    with pytest.raises(NotAReport, match=r"这是20\d\d年度的年报。2019年以前的年报使用旧格式"):
        parse(report_2021(head=head))


def test_review_as_three_tables_of_five() -> None:
    review = review_group_tables(
        [("行政复议", "27 10 9 15 61".split()), ("行政诉讼（未经复议直接起诉）", "3 0 0 0 3".split()),
         ("行政诉讼（复议后起诉）", "8 0 1 1 10".split())]
    )  # fmt: skip
    p = parse(report_2021(review=review))
    assert cell(p, "review", "total").value == 61
    assert [cell(p, "litigation.direct", c).value for c in REVIEW_COLS] == [3, 0, 0, 0, 3]
    assert [cell(p, "litigation.after_review", c).value for c in REVIEW_COLS] == [8, 0, 1, 1, 10]
    litigation = cell(p, "litigation", "total")
    assert litigation.value == 13 and litigation.derived_from is not None
    assert p.report.warnings == []


def test_a_group_table_not_printed_is_missing_not_blank() -> None:
    p = parse(report_2021(review=review_group_tables([("行政复议", "1 0 0 0 1".split())])))
    assert cell(p, "review", "total").value == 1
    assert not [f for f in p.facts if f.row.startswith("litigation")]


APPLY_COLS = ["natural", "commercial", "research", "public_interest", "legal_service", "other_org", "total"]


def test_labels_pulled_out_of_their_rows() -> None:
    p = parse(report_2021(apply=apply_loose(), prose="全年收到政府信息公开申请8件。"))
    assert [cell(p, "apply.partial", c).value for c in APPLY_COLS] == [1, 0, 0, 0, 0, 0, 1]
    assert cell(p, "apply.rejected.confirm", "total").value == 1
    assert cell(p, "apply.rejected.mass", "total").kind == "zero"
    no_correction = cell(p, "apply.other.no_correction", "total")
    assert no_correction.value == 2
    assert no_correction.source.row == "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    assert cell(p, "apply.other.no_fee", "total").kind == "zero"
    assert cell(p, "apply.total", "total").value == 8
    assert p.report.warnings == []


def test_layout_placed_rows_dropped_when_the_sums_deny_them() -> None:
    p = parse(report_2021(apply=apply_loose(total=["8", "0", "0", "0", "0", "1", "9"])))
    rows = {f.row for f in p.facts if not f.derived_from}
    assert "apply.partial" not in rows and "apply.rejected.confirm" not in rows
    assert cell(p, "apply.other.no_correction", "total").value == 2  # its own label, in its row


def test_one_value_row_before_its_label_is_placed_by_the_sums() -> None:
    specs = apply_loose()
    label_at = specs.index("（二）部分公开（区分处理的，只计这一情")
    values = specs.pop(label_at + 2)
    specs.insert(label_at, values)  # the values come first, the label after them
    p = parse(report_2021(apply=specs))
    assert [cell(p, "apply.partial", c).value for c in APPLY_COLS] == [1, 0, 0, 0, 0, 0, 1]
    assert cell(p, "apply.rejected.confirm", "total").value == 1


def test_shanghai_style_sections_are_read_by_name() -> None:
    p = parse(shanghai_style())
    r = p.report
    assert (r.agency, r.year) == ("测试市科委", 2024)
    assert [(s.id, s.heading) for s in r.sections if s.id != "序"] == [
        ("一", "一、总体情况"),
        ("二", "一、主动公开政府信息情况"),
        ("三", "二、收到和处理政府信息公开申请情况"),
        ("四", "三、政府信息公开行政复议、行政诉讼情况"),
        ("五", NO_HEADING_FIVE),
        ("六", "五、其他需要报告的事项"),
    ]
    one = r.section("一")
    assert one is not None and "二、工作机制保障" in one.text and "五、政府信息管理" in one.text
    five = r.section("五")
    assert five is not None and five.text.startswith("（一）主要问题") and "（二）改进情况" in five.text
    prose = next(f for f in p.facts if f.row == "prose" and f.value == 393)
    assert prose.source.section == "三、主动公开工作情况"
    assert cell(p, "active.normative", "issued").value == 3
    assert cell(p, "apply.total", "total").value == 6
    assert cell(p, "review", "total").value == 1
    assert r.warnings == []  # 同意公开答复4件 is one outcome, not the replies' total


def test_own_numbering_without_the_annual_report_title_is_refused() -> None:
    with pytest.raises(NotAReport, match="章节"):
        parse(shanghai_style(title=("测试市科委关于政务公开工作情况的汇报",)))


def test_section_five_without_its_heading() -> None:
    specs = report_2021_specs()
    at = specs.index("五、存在的主要问题及改进情况")
    specs[at : at + 2] = [
        "（一）2024 年工作中存在问题的改进情况",
        "一是进一步提升政策公开质效。",
        "（二）2025 年工作中存在的主要问题",
        "一是政策信息分散于多个平台。",
    ]
    p = parse(make_doc(specs))
    five = p.report.section("五")
    assert five is not None and five.heading == NO_HEADING_FIVE
    assert "政策信息分散于多个平台" in five.text and five.text.startswith("（一）2024")
    four = p.report.section("四")
    assert four is not None and "改进" not in four.text
    assert cell(p, "review", "total").value == 1


def test_section_five_worded_otherwise_keeps_its_printed_heading() -> None:
    specs = report_2021_specs()
    specs[specs.index("五、存在的主要问题及改进情况")] = "五、工作中存在的问题和改进措施"
    five = parse(make_doc(specs)).report.section("五")
    assert five is not None and five.heading == "五、工作中存在的问题和改进措施"
    assert five.text == "一是公开深度不够。"


def test_table_two_header_away_from_its_block_and_short_rows() -> None:
    """The 第二十条第（一）项 block's header and rows printed after block （八） (PDF→markdown); a row
    with fewer values than columns and no positions is uncertain, never left-aligned."""
    active = [
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "第二十条第（八）项",
        "信息内容本年收费金额（单位：万元）",
        "行政事业性收费 0",
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "22", "235"],
        ["行政规范性文件", "3", "0", "10"],
    ]
    specs = report_2021_specs()
    start, end = specs.index("二、主动公开政府信息情况"), specs.index(APPLY_HEADER[0])
    specs[start:end] = active
    p = parse(make_doc(specs))
    assert [cell(p, "active.normative", c).value for c in ("issued", "repealed", "in_force")] == [3, 0, 10]
    rule = [cell(p, "active.rule", c) for c in ("issued", "repealed", "in_force")]
    assert [f.kind for f in rule] == ["uncertain"] * 3
    assert [f.candidates for f in rule] == [[22], [22, 235], [235]]
    assert cell(p, "active.fee", "amount").kind == "zero"


def _flattened_table_two(prose: str) -> Parsed:
    """Table 二 crawled with its cells run together (平潭): 规范性文件 `8855698` has several splits."""
    specs = report_2021_specs(prose=prose)
    start, end = specs.index("二、主动公开政府信息情况"), specs.index(APPLY_HEADER[0])
    specs[start:end] = [
        "二、主动公开政府信息情况",
        "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件8855698"
        "第二十条第（五）项信息内容本年处理决定数量行政许可10690",
    ]
    return parse(make_doc(specs))


NORMATIVE = ("issued", "repealed", "in_force")


def test_prose_figures_settle_a_flattened_row_when_one_split_fits() -> None:
    p = _flattened_table_two("集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。")
    cells = [cell(p, "active.normative", c) for c in NORMATIVE]
    assert [(f.kind, f.value) for f in cells] == [("number", 88), ("number", 55), ("number", 698)]
    issued = cells[0]
    assert issued.raw == "8855698" and issued.candidates is None
    assert issued.source.column is not None and issued.source.column.startswith("本年制发件数")
    assert "8855698" in issued.source.column and "本年度制发的规范性文件88件" in issued.source.column
    assert (
        issued.source.sentence == "集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。"
    )
    assert p.report.warnings == []


@pytest.mark.parametrize(
    "prose",
    [
        "动态更新本年度制发的规范性文件88件。",  # four splits start with 88
        "集中公开现行有效行政规范性文件393件，动态更新本年度制发的规范性文件88件。",  # no split has 393
        "本年度制发规范性文件88件。本年度印发规范性文件885件。",  # two figures for one cell
        "累计制发规范性文件88件，现行有效行政规范性文件698件。",  # 累计 is not this year's
    ],
)
def test_prose_figures_leave_the_row_uncertain_unless_clean(prose: str) -> None:
    p = _flattened_table_two(prose)
    assert [cell(p, "active.normative", c).kind for c in NORMATIVE] == ["uncertain"] * 3
