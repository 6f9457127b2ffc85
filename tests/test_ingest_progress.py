"""While a PDF is read, the user sees how many of its pages are done (issue 26: a scan was minutes of silence)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from bot.settings import Settings
from knowledge.bulk import bulk_ingest
from knowledge.paths import DATA
from knowledge.store import Store

ROOT = Path(__file__).resolve().parent.parent
PDF = DATA / "reports" / "hongze-2023.pdf"  # five pages


def test_ingesting_one_pdf_shows_each_page_read_on_stderr(tmp_path: Path) -> None:
    res = subprocess.run([sys.executable, "-m", "bot", "ingest", "--db", str(tmp_path / "kb"), str(PDF)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert res.stderr.splitlines() == [f"hongze-2023.pdf：已读{n}/5页" for n in range(1, 6)]
    assert res.stdout.startswith("已载入：洪泽区人民政府2023年政府信息公开工作年度报告")


def test_bulk_ingest_tells_the_pages_of_every_pdf(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(PDF, folder / "a.pdf")
    (folder / "b.pdf").write_bytes(PDF.read_bytes() + b"\n% another copy\n")
    seen: list[tuple[str, int, int]] = []
    summary = bulk_ingest([folder], Store(tmp_path / "kb"), Settings(), workers=2,
                          pages=lambda path, done, total: seen.append((path.name, done, total)))
    assert summary.stored == 2
    for name in ("a.pdf", "b.pdf"):
        assert [(d, t) for n, d, t in seen if n == name] == [(n, 5) for n in range(1, 6)]
