"""Reports in the forms people pass around: a web page printed to PDF, a Word export, a stray bad byte.

The printed PDF and the Word file are conversions of pingtan-2023.html (see the reports README), so
every table cell and prose figure must come out exactly as from the page itself.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from knowledge import readers
from knowledge.models import Parsed
from knowledge.paths import DATA
from knowledge.readers.whitespace import tidy
from knowledge.template.parse import parse

REPORTS = DATA / "reports"


@cache
def parsed(name: str) -> Parsed:
    return parse(readers.read(REPORTS / name))


def cells(p: Parsed) -> dict[tuple[str, str], tuple[str, float | None]]:
    return {(f.row, f.column): (f.kind, f.value) for f in p.facts if f.column is not None}


def prose(p: Parsed) -> Counter[tuple[str, float | None]]:
    return Counter((f.row, f.value) for f in p.facts if f.column is None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("平潭综合实验区 2023 年度政府信息公开工作年度报告", "平潭综合实验区2023年度政府信息公开工作年度报告"),
        ("共计 81 件，涉及自然人 80 件", "共计81件，涉及自然人80件"),
        ("全年发布政策解读 117 篇", "全年发布政策解读117篇"),
        ("1 1 0 0 2", "1 1 0 0 2"),  # cells of a flattened row stay apart
        ("占 51.85%", "占51.85%"),
    ],
)
def test_spaces_between_chinese_and_digits_are_dropped(text: str, expected: str) -> None:
    assert tidy(text) == expected


def test_printed_pdf_keeps_table_cells_apart() -> None:
    doc = readers.read(REPORTS / "forms" / "pingtan-2023-printed.pdf")
    new = next(ln for ln in doc.lines if ln.cells[0] == "一、本年新收政府信息公开申请数量")
    assert [c for c in new.cells if c is not None][1:] == ["80", "1", "0", "0", "0", "0", "81"]
    review = next(ln for ln in doc.lines if ln.kind == "row" and ln.cells[:5] == ["1", "1", "0", "0", "2"])
    assert review.cells[5:] == ["4", "0", "0", "1", "5", "1", "0", "1", "0", "2"]


@pytest.mark.parametrize("name", ["forms/pingtan-2023-printed.pdf", "forms/pingtan-2023.docx"])
def test_printed_and_word_forms_give_the_pages_facts(name: str) -> None:
    page, other = parsed("pingtan-2023.html"), parsed(name)
    assert (other.report.agency, other.report.year, other.report.template) == ("平潭综合实验区", 2023, "2021")
    assert other.report.title == "平潭综合实验区2023年度政府信息公开工作年度报告"
    assert other.report.missing == []
    got, want = cells(other), cells(page)
    assert len(want) > 200
    assert {k: v for k, v in got.items() if want.get(k) != v} == {}
    assert set(got) == set(want)
    assert prose(other) == prose(page)
    # a few cells read by hand from the page
    assert got[("apply.new", "natural")] == ("number", 80)
    assert got[("active.normative", "in_force")] == ("number", 470)
    assert got[("litigation.direct", "total")] == ("number", 5)


def test_utf8_file_with_one_bad_byte_is_read_with_a_note(tmp_path: Path) -> None:
    data = (REPORTS / "pingtan-2023.txt").read_bytes()
    at = data.index("二、主动公开".encode())  # just before a heading: no figure is touched
    bad = tmp_path / "pingtan-2023.txt"
    bad.write_bytes(data[:at] + b"\xff" + data[at:])
    doc = readers.read(bad)
    assert doc.notes == ["文件中有1处字节不是有效的UTF-8编码，已替换为“\ufffd”后读取"]
    p = parse(doc)
    assert p.notes == doc.notes
    assert cells(p) == cells(parse(readers.read(REPORTS / "pingtan-2023.txt")))


def test_gbk_text_is_still_detected_not_taken_for_damaged_utf8(tmp_path: Path) -> None:
    f = tmp_path / "gbk.txt"
    f.write_bytes((REPORTS / "kaifeng-2019.txt").read_text(encoding="utf-8").encode("gb18030"))
    doc = readers.read(f)
    assert doc.notes == []
    assert "开封市人民政府" in doc.text
