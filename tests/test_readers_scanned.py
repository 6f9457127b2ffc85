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
from tests.parse_factories import REVIEW, Z7, apply_2021, make_doc, report_2021_specs

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


def test_a_doubtful_scanned_cell_is_answered_with_why_and_never_a_figure(tmp_path: Path) -> None:
    # 予以公开 自然人 printed 3 and read as 13 (not one digit off: the sums cannot say which digit is wrong);
    # 行政许可 read as 1,234 with no sum to check it.  The reply quotes the reading, never the figure.
    db = tmp_path / "kb.json"
    Store(db).put([_ocr_report(["13", "0", "0", "0", "0", "1", "4"])])
    bot = Answerer(KnowledgeBase.load(db), warm=False)
    src = "来源：《测试县人民政府2022年政府信息公开工作年度报告》"
    a = bot.answer("2022年自然人申请中予以公开多少件")
    assert (a.status, a.value, a.agency, a.year, a.field) == ("unknown", None, "测试县人民政府", 2022,
                                                             "apply.disclosed/natural")
    assert a.text == ("测试县人民政府2022年自然人申请中予以公开：扫描件识别为“13”，与勾稽关系（表三予以公开行：总计等于各申请人列之和）"
                      "不符，无法确定是哪个数字识别有误，不作为确定数字回答，不能给出数字。\n"
                      f"{src}三、收到和处理政府信息公开申请情况，（一）予以公开 · 自然人")
    b = bot.answer("2022年行政许可处理决定多少")
    assert (b.status, b.value) == ("unknown", None)
    assert b.text.split("\n")[0] == ("测试县人民政府2022年行政许可本年处理决定数量：扫描件识别为“1,234”，"
                                      "但没有勾稽关系可以核对这个数字，不作为确定数字回答，不能给出数字。")


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


def _ocr(new: list[str], total: list[str], disclosed: list[str], review: list[str] | None = None,
         carried_in: list[str] | None = None, rows: dict[str, list[str]] | None = None) -> Parsed:
    """A scanned 2021 report; `rows` replaces table 三 rows by their first cell (or, for a new row, inserts
    it before the row named by its first cell after "+")."""
    table_4 = {} if review is None else {"review": [*REVIEW[:-1], review]}
    apply = apply_2021(new, total, disclosed, carried_in or [""] * 7)
    for first, cells in (rows or {}).items():
        at = next(i for i, r in enumerate(apply) if not isinstance(r, str) and r[0] == first.removeprefix("+"))
        apply[at : at + (0 if first.startswith("+") else 1)] = [cells]
    doc = make_doc(report_2021_specs(apply=apply, **table_4))
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


def _reading(p: Parsed, row: str, column: str) -> tuple[str, float | None, str | None]:
    f = table(p)[(row, column)]
    return f.kind, f.value, f.source.reading


@pytest.mark.parametrize(("new", "total", "carried_in", "row", "rule"), [
    # 本年新收 自然人 5 read as 8, its row's 总计 left blank: only the column balance can tell
    (["8", "0", "0", "0", "0", "1", ""], NEW, Z7, "apply.new", "表三自然人列：第一项加第二项之和，等于第三项加第四项之和"),
    # (七)总计 自然人 5 read as 8, its row's 总计 and 上年结转 left blank: only the results total can tell
    (NEW, ["8", "0", "0", "0", "0", "1", ""], None, "apply.total", "表三自然人列：（七）总计等于（一）至（六）之和"),
])
def test_a_correction_names_the_column_sum_that_made_it(
    new: list[str], total: list[str], carried_in: list[str] | None, row: str, rule: str
) -> None:
    p = _ocr(new, total, DISCLOSED, carried_in=carried_in)
    assert _reading(p, row, "natural") == ("number", 5, f"扫描件识别为“8”，与勾稽关系（{rule}）不符，按其更正为5")


def test_a_printed_subtotal_row_corrects_its_items_despite_an_error_of_the_report_elsewhere() -> None:
    # （四）无法提供 printed as a row (1 = 1 + 0 + 0); its item 没有现成信息 0 read as 8 (自然人) and 3 (总计):
    # that row's own sum has two doubtful cells, the subtotal's sums fix one each.  The report's 本年新收
    # 6 against 5 results breaks the column balance, which concerns neither cell.
    p = _ocr(["6", "0", "0", "0", "0", "1", "7"], NEW, DISCLOSED, carried_in=Z7, rows={
        "+（四）无": ["（四）无法提供（小计）", "1", "0", "0", "0", "0", "0", "1"],
        "法提供": ["法提供", "2.没有现成信息需要另行制作", "8", "0", "0", "0", "0", "0", "3"],
    })
    assert _reading(p, "apply.unable.need_create", "natural") == (
        "zero", 0, "扫描件识别为“8”，与勾稽关系（表三自然人列：无法提供等于其各项之和）不符，按其更正为0")
    assert _reading(p, "apply.unable.need_create", "total") == (
        "zero", 0, "扫描件识别为“3”，与勾稽关系（表三总计列：无法提供等于其各项之和）不符，按其更正为0")
    # 26 printed rows of 表三 (上年结转 and the subtotal included) × 7 + 表四's 10; 表二's five
    assert [n for n in p.notes if n.startswith("OCR：")] == ["OCR：1页，192个数字经勾稽核对，5个存疑"]


def test_misreadings_that_block_each_other_are_corrected_one_after_another() -> None:
    # 上年结转 自然人 and 商业企业 0 read as 8 (that row's sum has two doubtful cells), and (七)总计 自然人 5
    # read as 8 (so the 自然人 column balance has two too): the (七)总计 row fixes 8→5 and the 商业企业
    # balance its 8→0; only then is 上年结转 自然人 the one doubtful cell of its column balance
    p = _ocr(NEW, ["8", "0", "0", "0", "0", "1", "6"], DISCLOSED, carried_in=["8", "8", "0", "0", "0", "0", "0"])
    assert _reading(p, "apply.total", "natural") == (
        "number", 5, "扫描件识别为“8”，与勾稽关系（表三总计行：总计等于各申请人列之和）不符，按其更正为5")
    for column, label in (("natural", "自然人"), ("commercial", "商业企业")):
        kind, value, reading = _reading(p, "apply.carried_in", column)
        assert (kind, value, reading) == (
            "zero", 0, f"扫描件识别为“8”，与勾稽关系（表三{label}列：第一项加第二项之和，等于第三项加第四项之和）不符，按其更正为0")
        assert str(value) == "0.0"  # stored as 0, not -0.0
    assert [n for n in p.notes if n.startswith("OCR：")] == ["OCR：1页，185个数字经勾稽核对，5个存疑"]


def test_a_table_four_group_with_a_blank_cell_is_in_no_sum() -> None:
    # 复议 1, 0, 0, (blank), 总计 1: a sum with a term missing checks nothing; 直接起诉 is still checked
    p = _ocr(NEW, NEW, DISCLOSED, ["1", "0", "0", "", "1", "0", "0", "0", "0", "0", "", "", "", "", ""])
    assert _reading(p, "review", "total") == (
        "uncertain", None, "扫描件识别为“1”，但没有勾稽关系可以核对这个数字，不作为确定数字回答")
    assert [n for n in p.notes if n.startswith("OCR：")] == ["OCR：1页，173个数字经勾稽核对，9个存疑"]


def test_what_no_misreading_explains_is_never_corrected() -> None:
    # 予以公开 自然人 3 read as 2.5: the row wants 3, but a reading with a decimal point is no misread count
    p = _ocr(NEW, NEW, ["2.5", "0", "0", "0", "0", "1", "4"])
    assert _reading(p, "apply.disclosed", "natural") == ("uncertain", None, (
        "扫描件识别为“2.5”，与勾稽关系（表三予以公开行：总计等于各申请人列之和）不符，无法确定是哪个数字识别有误，不作为确定数字回答"))
    # 办理结果 14 from 6 new requests: the 自然人 balance would need 结转下年度 −8 (5 + 0 − 13), and 18 → −8
    # is one character off — but no count is negative
    p = _ocr(NEW, ["13", "0", "0", "0", "0", "1", "14"], ["11", "0", "0", "0", "0", "1", "12"], carried_in=Z7,
             rows={"四、结转下年度继续办理": ["四、结转下年度继续办理", "18", *["0"] * 6]})
    assert _reading(p, "apply.carried_out", "natural") == ("uncertain", None, (
        "扫描件识别为“18”，与勾稽关系（表三结转下年度继续办理行：总计等于各申请人列之和）不符，无法确定是哪个数字识别有误，"
        "不作为确定数字回答"))


def test_a_sum_the_report_itself_breaks_does_not_overturn_a_correction() -> None:
    # the report prints 本年新收 自然人 6 against 5 results; (七)总计 自然人 5 is read as 8.  Its row and the
    # results total both say 5; the balance (6 + 0 = ? + 0) would say 6, but 6 breaks the results total
    p = _ocr(["6", "0", "0", "0", "0", "1", "7"], ["8", "0", "0", "0", "0", "1", "6"], DISCLOSED, carried_in=Z7)
    assert _reading(p, "apply.total", "natural") == (
        "number", 5, "扫描件识别为“8”，与勾稽关系（表三总计行：总计等于各申请人列之和）不符，按其更正为5")


# 予以公开 自然人 printed 11: 本年新收 and (七)总计 自然人 13 = 11 + 部分公开 1 + 不掌握 1; the row's 总计 12 = 11 + 其他 1
NEW_13 = ["13", "0", "0", "0", "0", "1", "14"]


def test_one_misread_digit_is_corrected_but_two_never_are() -> None:
    # 11 read as 17 (1↔7, one digit): the row's sum names 11 and the cell is corrected
    p = _ocr(NEW_13, NEW_13, ["17", "0", "0", "0", "0", "1", "12"])
    assert _reading(p, "apply.disclosed", "natural") == (
        "number", 11, "扫描件识别为“17”，与勾稽关系（表三予以公开行：总计等于各申请人列之和）不符，按其更正为11")
    # 11 read as 74: both digits wrong is no misreading of 11 — the sum says something is wrong, not what
    p = _ocr(NEW_13, NEW_13, ["74", "0", "0", "0", "0", "1", "12"])
    assert _reading(p, "apply.disclosed", "natural") == ("uncertain", None, (
        "扫描件识别为“74”，与勾稽关系（表三予以公开行：总计等于各申请人列之和）不符，无法确定是哪个数字识别有误，"
        "不作为确定数字回答"))
    assert [n for n in p.notes if n.startswith("OCR：")] == ["OCR：1页，177个数字经勾稽核对，6个存疑"]
