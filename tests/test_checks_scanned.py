"""A scan's sums that fail: said as the scan's when a reading may be at fault, as the report's own when
every reading is confirmed by another sum — never hidden, never blamed on the wrong one.

The synthetic scans are the 2021 layout of tests/parse_factories.py, marked as OCR'd (one page).
"""

from __future__ import annotations

from parse_factories import REVIEW, Z7, apply_2021, make_doc, report_2021_specs

from knowledge.models import Parsed
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
