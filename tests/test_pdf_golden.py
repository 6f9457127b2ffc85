"""Every shared and bundled PDF reads exactly as it did before the reader moved to PDFium (issue 26).

tests/data/pdf_golden.json is the "before": written once, by `python -m tests.test_pdf_golden --write`,
from the pdfplumber reader on main at 76bf653, and committed before the reader changed.  It is not an
expectation worked out by hand (those are in test_readers_pdf.py, test_readers_forms.py and
test_readers_scanned.py); it pins what those tests leave open: every line and cell the reader gives,
every fact (field, column, value, kind), warning, note and section heading the parser makes of them.
Regenerate it only for a change of reading that is meant, and say which in the commit.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from knowledge import readers
from knowledge.paths import DATA
from knowledge.template.parse import parse

GOLDEN = Path(__file__).resolve().parent / "data" / "pdf_golden.json"
TEXT_PDFS = ["hongze-2023.pdf", "forms/pingtan-2023-printed.pdf"]
SCANNED = "forms/hongze-2023-scanned.pdf"


@cache
def snapshot(name: str) -> dict[str, Any]:
    """What a user can get out of one PDF: the document's lines, and the facts, warnings and sections."""
    doc = readers.read(DATA / "reports" / name)
    lines = [[ln.kind, ln.table, ln.grid, ln.cells] for ln in doc.lines]
    p = parse(doc)
    facts = [[f.row, f.column, f.value, f.kind, f.raw, f.source.section, f.source.row, f.source.column,
              f.source.reading] for f in p.facts]
    return {
        "title": doc.title,
        "ocr_pages": doc.ocr_pages,
        "lines": lines,
        "report": [p.report.id, p.report.title, p.report.template, p.report.missing],
        "sections": [[s.id, s.heading] for s in p.report.sections],
        "warnings": [[w.rule, w.message, w.section] for w in p.report.warnings],
        "notes": p.notes,
        "facts": facts,
    }


@cache
def golden() -> dict[str, Any]:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", [*TEXT_PDFS, SCANNED])
@pytest.mark.parametrize("part", ["title", "ocr_pages", "report", "sections", "warnings", "notes"])
def test_report_reads_as_before(name: str, part: str) -> None:
    assert snapshot(name)[part] == golden()[name][part]


@pytest.mark.parametrize("name", [*TEXT_PDFS, SCANNED])
def test_every_line_and_cell_reads_as_before(name: str) -> None:
    got, want = snapshot(name)["lines"], golden()[name]["lines"]
    differ = [(i, g, w) for i, (g, w) in enumerate(zip(got, want, strict=False)) if g != w]
    assert differ[:5] == []
    assert len(got) == len(want)


@pytest.mark.parametrize("name", [*TEXT_PDFS, SCANNED])
def test_every_fact_reads_as_before(name: str) -> None:
    got, want = snapshot(name)["facts"], golden()[name]["facts"]
    differ = [(g, w) for g, w in zip(got, want, strict=False) if g != w]
    assert differ[:5] == []
    assert len(got) == len(want)


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    out = {name: snapshot(name) for name in [*TEXT_PDFS, SCANNED]}
    GOLDEN.write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN}: " + ", ".join(f"{k} {len(v['lines'])} lines {len(v['facts'])} facts" for k, v in out.items()))
