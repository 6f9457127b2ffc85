"""Scanned reports: OCR'd once per module (slow), every figure checked against the text PDF of the same report.

hongze-2023-scanned.pdf is hongze-2023.pdf as an image-only scan.  Done means: the same facts as the
text PDF except cells reported uncertain, and not one cell with a different value.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.reply.answer import Answerer
from knowledge import readers
from knowledge.checks.sums import format_check
from knowledge.kb import KnowledgeBase
from knowledge.models import Fact, Parsed
from knowledge.paths import DATA
from knowledge.store import Store
from knowledge.template.parse import parse
from tests.parse_factories import REVIEW, apply_2021, make_doc, report_2021_specs

REPORTS = DATA / "reports"


@pytest.fixture(scope="module")
def scanned() -> Parsed:
    return parse(readers.read(REPORTS / "forms" / "hongze-2023-scanned.pdf"))


@pytest.fixture(scope="module")
def text_pdf() -> Parsed:
    return parse(readers.read(REPORTS / "hongze-2023.pdf"))


def table(p: Parsed) -> dict[tuple[str, str], Fact]:
    return {(f.row, f.column): f for f in p.facts if f.column is not None and not f.derived_from}


def test_scan_is_identified_like_the_text_pdf(scanned: Parsed, text_pdf: Parsed) -> None:
    assert (scanned.report.agency, scanned.report.year, scanned.report.template) == ("淮安市洪泽区人民政府", 2023, "2021")
    assert [s.id for s in scanned.report.sections] == [s.id for s in text_pdf.report.sections]
    assert scanned.report.missing == []


def test_no_scanned_cell_differs_from_the_text_pdf(scanned: Parsed, text_pdf: Parsed) -> None:
    got, want = table(scanned), table(text_pdf)
    assert set(got) == set(want)
    differ = {k: (f.kind, f.value, want[k].kind, want[k].value) for k, f in got.items()
              if f.kind != "uncertain" and (f.kind, f.value) != (want[k].kind, want[k].value)}
    assert differ == {}
    uncertain = [k for k, f in got.items() if f.kind == "uncertain"]
    assert len(uncertain) <= 25  # table 二 (no sum checks it) and 表四's 复议 row, which does not add up
    # read by hand from the report: 本年新收 自然人 and 总计, 复议后起诉 结果维持
    assert (got[("apply.new", "natural")].value, got[("apply.new", "total")].value) == (
        want[("apply.new", "natural")].value, want[("apply.new", "total")].value)
    # 表四 复议: 10 + 1 + 0 + 0 printed with 总计 0 — the sums cannot tell which figure is wrong
    assert got[("review", "total")].kind == "uncertain"
    assert "不作为确定数字回答" in (got[("review", "total")].source.reading or "")


def test_summary_counts_the_checked_and_the_doubtful(scanned: Parsed) -> None:
    cells = [f for f in table(scanned).values() if f.kind in ("number", "zero", "uncertain")]
    (note,) = [n for n in scanned.notes if n.startswith("OCR：")]
    checked, doubtful = (int(x) for x in note.removeprefix("OCR：5页，").removesuffix("个存疑").split("个数字经勾稽核对，"))
    assert doubtful == sum(f.kind == "uncertain" for f in cells)
    assert checked + doubtful == len(cells)


def _ocr_report(disclosed: list[str]) -> Parsed:
    doc = make_doc(report_2021_specs(apply=apply_2021(["5", "0", "0", "0", "0", "1", "6"], ["5", "0", "0", "0", "0", "1", "6"],
                                                      disclosed, [""] * 7)))
    doc.ocr_pages = 1
    return parse(doc)


def test_a_one_digit_misreading_is_corrected_with_both_readings() -> None:
    p = _ocr_report(["8", "0", "0", "0", "0", "1", "4"])  # 予以公开 自然人 printed 3, read as 8
    f = table(p)[("apply.disclosed", "natural")]
    assert (f.kind, f.value) == ("number", 3)
    assert "扫描件识别为“8”" in (f.source.reading or "") and "更正为3" in (f.source.reading or "")


def test_a_misreading_the_sums_cannot_fix_is_uncertain_and_never_answered() -> None:
    p = _ocr_report(["13", "0", "0", "0", "0", "1", "4"])  # 3 read as 13: not one digit off
    f = table(p)[("apply.disclosed", "natural")]
    assert (f.kind, f.value) == ("uncertain", None)
    assert table(p)[("active.license", "decisions")].kind == "uncertain"  # no sum checks table 二
    assert table(p)[("apply.partial", "natural")].value == 1  # confirmed by its sums


def test_uncertain_scanned_cell_reply_says_why(scanned: Parsed, tmp_path: Path) -> None:
    db = tmp_path / "kb.json"
    Store(db).put([scanned])
    bot = Answerer(KnowledgeBase.load(db))
    a = bot.answer("洪泽区2023年行政复议总计多少件")
    assert a.status == "unknown" and a.value is None
    assert "扫描件识别为“0”" in a.text and "不作为确定数字回答" in a.text
    a = bot.answer("洪泽区2023年本年新收政府信息公开申请多少件")
    assert a.status == "answered" and a.value == table(scanned)[("apply.new", "total")].value


def test_text_reports_never_load_the_ocr_engine() -> None:
    code = ("import sys; from knowledge import readers; from knowledge.paths import DATA; "
            "readers.read(DATA / 'reports' / 'hongze-2023.pdf'); "
            "print(any(m.startswith(('rapidocr', 'onnxruntime', 'knowledge.readers.ocr')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _ocr(new: list[str], total: list[str], disclosed: list[str], review: list[str] | None = None) -> Parsed:
    table_4 = {} if review is None else {"review": [*REVIEW[:-1], review]}
    doc = make_doc(report_2021_specs(apply=apply_2021(new, total, disclosed, [""] * 7), **table_4))
    doc.ocr_pages = 1
    return parse(doc)


NEW = ["5", "0", "0", "0", "0", "1", "6"]
DISCLOSED = ["3", "0", "0", "0", "0", "1", "4"]


def test_a_clean_scan_confirms_every_summed_cell_and_doubts_table_two() -> None:
    p = _ocr(NEW, NEW, DISCLOSED)
    # 表三: 24 printed rows × 7 columns (上年结转 is blank), each in its row's 总计 sum = 168; 表四: 复议 and
    # 直接起诉, 5 each = 10.  表二's five figures (规章 0, 规范性文件 3 and 10, 许可 1,234, 收费 3940元) are in no sum.
    assert [n for n in p.notes if n.startswith("OCR：")] == ["OCR：1页，178个数字经勾稽核对，5个存疑"]
    doubtful = {(f.row, f.column): f.source.reading for f in p.facts if f.kind == "uncertain"}
    assert set(doubtful) == {("active.rule", "issued"), ("active.normative", "issued"), ("active.normative", "in_force"),
                             ("active.license", "decisions"), ("active.fee", "amount")}
    assert doubtful[("active.license", "decisions")] == "扫描件识别为“1,234”，但没有勾稽关系可以核对这个数字，不作为确定数字回答"


@pytest.mark.parametrize(("total", "column", "read", "value"), [
    (["8", "0", "0", "0", "0", "1", "6"], "natural", "8", 5),  # 5 read as 8, on the left of its row's sum
    (["5", "0", "0", "0", "0", "1", "9"], "total", "9", 6),  # 6 read as 9, the row's own 总计
])
def test_a_misread_total_is_corrected_by_its_row(total: list[str], column: str, read: str, value: int) -> None:
    p = _ocr(NEW, total, DISCLOSED)
    f = table(p)[("apply.total", column)]
    assert (f.kind, f.value) == ("number", value)
    assert f.source.reading == f"扫描件识别为“{read}”，与勾稽关系（表三总计行：总计等于各申请人列之和）不符，按其更正为{value}"
    assert [n for n in p.notes if n.startswith("OCR：")] == ["OCR：1页，178个数字经勾稽核对，5个存疑"]  # as if read right


def test_a_misreading_off_by_one_is_caught_too() -> None:
    p = _ocr(NEW, NEW, ["2", "0", "0", "0", "0", "1", "4"])  # 予以公开 自然人 printed 3, read as 2
    assert (table(p)[("apply.disclosed", "natural")].kind, table(p)[("apply.disclosed", "natural")].value) == ("number", 3)


def test_a_review_group_that_does_not_add_up_is_doubted_whole() -> None:
    # 表四 复议 1 + 0 + 0 + 0 with 总计 read as 7: its one sum cannot tell which of the five cells is misread
    p = _ocr(NEW, NEW, DISCLOSED, ["1", "0", "0", "0", "7", "0", "0", "0", "0", "0", "", "", "", "", ""])
    group = {c: f for (row, c), f in table(p).items() if row == "review"}
    assert {(f.kind, f.value) for f in group.values()} == {("uncertain", None)} and len(group) == 5
    assert group["total"].source.reading == ("扫描件识别为“7”，与勾稽关系（表四行政复议：总计等于四项结果之和）不符，"
                                             "无法确定是哪个数字识别有误，不作为确定数字回答")
    assert [n for n in p.notes if n.startswith("OCR：")] == ["OCR：1页，173个数字经勾稽核对，10个存疑"]


def test_a_zero_misread_as_eight_is_corrected_to_zero() -> None:
    f = table(_ocr(NEW, NEW, ["3", "8", "0", "0", "0", "1", "4"]))[("apply.disclosed", "commercial")]
    assert (f.kind, f.value) == ("zero", 0)


def test_a_contradicted_cell_says_which_sum_fails() -> None:
    p = _ocr(NEW, NEW, ["13", "0", "0", "0", "0", "1", "4"])  # 3 read as 13: two digits, not a misreading
    f = table(p)[("apply.disclosed", "natural")]
    assert f.source.reading == ("扫描件识别为“13”，与勾稽关系（表三予以公开行：总计等于各申请人列之和）不符，"
                                "无法确定是哪个数字识别有误，不作为确定数字回答")
    assert [n for n in p.notes if n.startswith("OCR：")] == ["OCR：1页，177个数字经勾稽核对，6个存疑"]
    # `check` shows each doubtful cell with the one reading the scan gave
    lines = format_check(p).splitlines()
    assert "不确定：（一）予以公开／自然人（原文“13”，可能为 13）" in lines
    assert "不确定：规章／本年制发件数（原文“0”，可能为 0）" in lines
