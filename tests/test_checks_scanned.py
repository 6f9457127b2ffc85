"""Uncertain cells never hide a real inconsistency nor make one up.  A scan's sums that fail: said as the
scan's when a reading may be at fault, as the report's own when every reading is confirmed by another
sum.  Digits run together that no split can make add up: the report's own.

The synthetic scans are the 2021 layout of tests/parse_factories.py, marked as OCR'd (one page).
"""

from __future__ import annotations

from dataclasses import replace

from parse_factories import REVIEW, Z7, apply_2021, make_doc, report_2021_specs

from knowledge.catalogue import default
from knowledge.checks.sums import run
from knowledge.models import Fact, Parsed, Report, Source
from knowledge.template.parse import parse

NEW = ["5", "0", "0", "0", "0", "1", "6"]
DISCLOSED = ["3", "0", "0", "0", "0", "1", "4"]


def _scan(new: list[str], review: list[str] | None = None) -> Parsed:
    table_4 = {} if review is None else {"review": [*REVIEW[:-1], review]}
    doc = make_doc(report_2021_specs(apply=apply_2021(new, NEW, DISCLOSED, Z7), **table_4))
    doc.ocr_pages = 1
    return parse(doc)


def test_a_group_the_scan_cannot_settle_is_said_as_the_scans_never_as_the_reports() -> None:
    # 表四 复议 read 1 + 0 + 0 + 0 with 总计 7: a misread digit, or the document's slip — the scan cannot tell
    p = _scan(NEW, ["1", "0", "0", "0", "7", "0", "0", "0", "0", "0", "", "", "", "", ""])
    assert [(w.kind, w.message) for w in p.report.warnings] == [(
        "scan", "表四行政复议：总计等于四项结果之和，但扫描件读出的数字是7与1：可能是识别有误，也可能是报告本身不一致，"
                "扫描件无法判断，请核对原件")]
    assert p.report.warnings[0].line.startswith("扫描件数字对不上：表四行政复议")


def test_a_slip_of_the_document_whose_readings_other_sums_confirm_is_the_reports_own() -> None:
    # 本年新收 其他 2 (row: 5 + 2 = 7) against 办理结果 其他 1 (row: 5 + 1 = 6): each reading confirmed by its row,
    # so the column balance that fails is the report's, as in a text report
    p = _scan(["5", "0", "0", "0", "0", "2", "7"])
    assert [(w.kind, w.message) for w in p.report.warnings] == [
        ("error", "表三“其他”列：本年新收2＋上年结转0＝2，但办理结果总计1＋结转下年度0＝1"),
        ("error", "表三“总计”列：本年新收7＋上年结转0＝7，但办理结果总计6＋结转下年度0＝6"),
        ("prose", "正文“收到政府信息公开申请6件”为6，但表格“一、本年新收政府信息公开申请数量／总计”为7"),  # its text says 6
    ]


def _review_row(upheld: Fact) -> list[Fact]:
    src = Source(section="四、政府信息公开行政复议、行政诉讼情况", row="行政复议")
    cell = lambda col, v: Fact("x-2022", "review", col, v, "zero" if v == 0 else "number", str(v), "件",  # noqa: E731
                               replace(src, column=col))
    return [upheld, cell("corrected", 0), cell("other", 0), cell("pending", 0), cell("total", 5)]


def test_a_sum_over_digits_run_together_that_no_split_satisfies_is_the_reports_own() -> None:
    report = Report(id="x-2022", agency="x", year=2022, title="x", template="2021", source_file="x.txt")
    src = Source(section="四、政府信息公开行政复议、行政诉讼情况", row="行政复议", column="结果维持")
    ran = Fact("x-2022", "review", "upheld", None, "uncertain", "1100005", "件", src, candidates=[1, 11])
    assert [(w.kind, w.message) for w in run(report, _review_row(ran), default())] == [(
        "error", "表四行政复议：总计等于四项结果之和，但“行政复议／结果维持”原文数字连写（“1100005”），无论如何拆分都不成立")]
    could = replace(ran, candidates=[1, 5])  # one reading adds up: nothing is said
    assert run(report, _review_row(could), default()) == []
    scanned = replace(ran, source=replace(src, reading="扫描件识别为“11”…"))  # a scan's cell: scan.py says it
    assert run(report, _review_row(scanned), default()) == []


def _two_runs(upheld: list[float], corrected: list[float]) -> list[tuple[str, str]]:
    """表四 复议 with 结果维持 and 结果纠正 each printed run together (the readings given), 其他 and 尚未审结 0,
    总计 5: what the checks say."""
    report = Report(id="x-2022", agency="x", year=2022, title="x", template="2021", source_file="x.txt")
    src = Source(section="四、政府信息公开行政复议、行政诉讼情况", row="行政复议", column="结果维持")
    first = Fact("x-2022", "review", "upheld", None, "uncertain", "100101", "件", src, candidates=upheld)
    second = replace(first, column="corrected", raw="102103", candidates=corrected,
                     source=replace(src, column="结果纠正"))
    facts = [f if f.column != "corrected" else second for f in _review_row(first)]
    return [(w.kind, w.message) for w in run(report, facts, default())]


def test_run_together_cells_are_tried_up_to_4096_readings_and_not_beyond() -> None:
    never = ("error", "表四行政复议：总计等于四项结果之和，但“行政复议／结果维持”、“行政复议／结果纠正”原文数字连写"
                      "（“100101”、“102103”），无论如何拆分都不成立")
    hundreds = [float(100 + i) for i in range(65)]  # any reading of either is over the 总计 5
    assert _two_runs(hundreds[:64], hundreds[:64]) == [never]  # 64 × 64 = 4,096 readings: all tried
    assert _two_runs(hundreds, hundreds[:64]) == []  # 65 × 64 = 4,160: too many to try, nothing is said


def test_a_reading_one_off_the_total_does_not_add_up() -> None:
    # 4 + 0 + 0 + 0 against 总计 5: one short is not “adds up”
    assert _two_runs([4.0, 44.0], [0.0, 200.0]) == [(
        "error", "表四行政复议：总计等于四项结果之和，但“行政复议／结果维持”、“行政复议／结果纠正”原文数字连写"
                 "（“100101”、“102103”），无论如何拆分都不成立")]
