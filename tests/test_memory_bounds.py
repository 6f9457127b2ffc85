"""Memory is bounded on every file: merged cells are counted from the markup before any grid exists,
and every parse worker runs under an address-space limit.

The hostile set (made here): a 2,000-row web page whose cells span 99,999 rows and columns (it drove a
parse worker to 8.4 GB before), a page of one very wide row over many narrow ones, and a Word table whose
cells declare gridSpan 100,000.  Each is refused in one line, and an ingest of the whole set stays far
below 1 GB.
"""

from __future__ import annotations

import copy
import io
import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from bot.settings import ROOT
from knowledge import isolate
from knowledge.errors import TooLarge
from knowledge.readers import grid, read_bytes
from knowledge.readers.grid import Cell, expand, positions

HEAD = ("<html><head><title>某市2023年政府信息公开工作年度报告</title></head><body>"
        "<h1>某市2023年政府信息公开工作年度报告</h1><p>一、总体情况</p>")
REPORTS = ROOT / "knowledge" / "data" / "reports"

# Runs `python -m bot ARGS…` and reports its exit status, stderr and the largest resident size (MB)
# of it and its parse workers.
MEASURE = """
import json, resource, subprocess, sys
done = subprocess.run([sys.executable, "-m", "bot", *sys.argv[1:]], capture_output=True, text=True)
print(json.dumps({"status": done.returncode, "stderr": done.stderr, "stdout": done.stdout,
                  "mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def merged_page(rows: int = 2_000) -> bytes:
    """Every row: a cell spanning 99,999 rows and columns, and another 99,999 columns wide."""
    body = "".join(f'<tr><td colspan="99999" rowspan="99999">{i}</td><td colspan=99999>x</td></tr>'
                   for i in range(rows))
    return (HEAD + "<table>" + body + "</table></body></html>").encode()


def wide_row_page() -> bytes:
    """One row of 3,000 cells 200 columns wide over 1,000 rows of one cell: a grid of 1,000 × 600,000."""
    wide = "<tr>" + '<td colspan="200">x</td>' * 3_000 + "</tr>"
    narrow = "".join(f"<tr><td>{i}</td></tr>" for i in range(1_000))
    return (HEAD + "<table>" + wide + narrow + "</table></body></html>").encode()


def spanned_docx(rows: int = 400) -> bytes:
    """A Word table of `rows` rows, each of ten cells that declare gridSpan 100,000."""
    word = docx.Document()
    word.add_paragraph("某市2023年政府信息公开工作年度报告")
    table = word.add_table(rows=1, cols=10)
    tr = table._tbl.tr_lst[0]
    for tc in tr.tc_lst:
        span = OxmlElement("w:gridSpan")
        span.set(qn("w:val"), "100000")
        tc.get_or_add_tcPr().append(span)
    for _ in range(rows - 1):
        tr.addnext(copy.deepcopy(tr))
    buf = io.BytesIO()
    word.save(buf)
    return buf.getvalue()


@pytest.fixture
def no_grid(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if any grid is laid out."""

    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("a grid was built")

    monkeypatch.setattr(grid, "expand", refuse)
    monkeypatch.setattr("knowledge.readers.html.expand", refuse)


@pytest.mark.parametrize("page", [merged_page, wide_row_page])
def test_a_merged_cell_page_is_refused_from_its_markup_before_any_grid_is_built(no_grid, page) -> None:
    with pytest.raises(TooLarge) as err:
        read_bytes(page(), "merged.html")
    assert str(err.value).startswith("merged.html：") and "合并单元格" in str(err.value)


def test_grid_positions_count_cells_reaching_down_from_the_rows_above() -> None:
    # row 0: a cell two rows tall and one cell; row 1: one cell beside the tall one → 2 rows × 2 columns
    rows = [[Cell("a", rowspan=2), Cell("b")], [Cell("c")]]
    assert positions([[(c.rowspan, c.colspan) for c in r] for r in rows]) == 4
    assert expand(rows) == [["a", "b"], [None, "c"]]


def test_expand_refuses_a_grid_past_its_budget_without_laying_it_out() -> None:
    rows = [[Cell("x", colspan=200)] * 30 for _ in range(100)]  # 100 rows × 6,000 columns
    with pytest.raises(TooLarge, match="600,000|500,000"):
        expand(rows)


def test_a_word_table_of_huge_grid_spans_is_refused_in_one_line() -> None:
    with pytest.raises(TooLarge) as err:
        read_bytes(spanned_docx(), "spans.docx")
    assert str(err.value).startswith("spans.docx：") and "合并单元格" in str(err.value)


def test_a_real_page_with_merged_cells_still_reads() -> None:
    doc = read_bytes((REPORTS / "pingtan-2023.html").read_bytes(), "pingtan-2023.html")
    assert any(line.grid for line in doc.lines)


def test_a_worker_past_its_address_space_refuses_the_file_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # a reader that wants 2 GB, in a worker limited to 1 GB: a MemoryError, turned into the file's reason
    import multiprocessing

    import knowledge.ingest

    monkeypatch.setattr(isolate, "_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setattr(knowledge.ingest, "parse_bytes", lambda *_a: bytearray(2 * 1024**3))
    with pytest.raises(TooLarge) as err:
        isolate.parse_bytes_isolated(b"x", "greedy.html", 1024, memory_mb=1024)
    assert str(err.value) == "greedy.html：解析所需内存超过 1024 MB 的上限，已停止（文件异常复杂，请检查文件是否正确）"


def test_limit_memory_caps_the_address_space_of_the_process() -> None:
    script = ("from knowledge.isolate import limit_memory\nlimit_memory(512)\n"
              "try:\n    bytearray(1024**3)\nexcept MemoryError:\n    print('refused')\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.stdout.strip() == "refused", done.stderr


def test_ingest_of_the_hostile_set_stays_under_1_gb_and_names_each_file(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "merged.html").write_bytes(merged_page())
    (folder / "wide.html").write_bytes(wide_row_page())
    (folder / "spans.docx").write_bytes(spanned_docx())
    (folder / "kaifeng-2019.txt").write_bytes((REPORTS / "kaifeng-2019.txt").read_bytes())
    done = subprocess.run([sys.executable, "-c", MEASURE, "ingest", "--db", str(tmp_path / "kb"), "--workers", "2",
                           str(folder)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    got = json.loads(done.stdout)
    assert got["status"] == 1
    failures = [line for line in got["stderr"].splitlines() if line.startswith("失败：")]
    assert sorted(line.split("：")[1] for line in failures) == ["merged.html", "spans.docx", "wide.html"]
    assert all("合并单元格" in line for line in failures)
    assert "Traceback" not in got["stderr"]
    assert "写入报告1份" in got["stdout"]
    assert got["mb"] < 1024
