"""Document shapes seen in real reports: PDF→markdown covers and tables, 上海-style sections, split tables."""

from __future__ import annotations

import pytest
from parse_factories import apply_loose, report_2021, review_group_tables

from bot.errors import NotAReport
from bot.models import Fact, Parsed
from bot.parse import parse

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
