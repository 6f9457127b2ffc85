"""`python -m bot ingest/reports/check`: what a person running the commands sees, and the file left behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from kb_files import copy_kb, snapshot

from bot.settings import Settings
from knowledge.errors import StoreError
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "knowledge" / "data" / "reports"
KAIFENG = REPORTS / "kaifeng-2019.txt"


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a person would."""
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, input=stdin,
                          cwd=ROOT, env={**os.environ, **(env or {})}, timeout=120)


def digest(path: Path) -> dict[str, str]:
    return snapshot(path)


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kb") / "kb.json"
    res = run("ingest", "--db", str(path), str(KAIFENG))
    assert res.returncode == 0, res.stderr
    return path


def test_ingest_summary_and_readable_utf8_file(kb: Path) -> None:
    [report_file] = (kb / "reports").rglob("*.json")
    text = report_file.read_text(encoding="utf-8")
    assert "开封市人民政府" in text  # readable Chinese, not \u escapes
    assert [r.agency for r in KnowledgeBase.load(kb).reports] == ["开封市人民政府"]


def test_reingest_replaces_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "kb.json"
    assert run("ingest", "--db", str(db), str(KAIFENG)).returncode == 0
    res = run("ingest", "--db", str(db), str(KAIFENG))
    assert res.returncode == 0
    assert "替换" in res.stdout
    assert len(KnowledgeBase.load(db).reports) == 1
    assert len(list((db / "reports").rglob("*.json"))) == 1  # the replaced report's file is gone


def _bad_files(tmp: Path) -> dict[str, Path]:
    files = {}
    files["empty"] = tmp / "empty.txt"
    files["empty"].write_bytes(b"")
    files["binary"] = tmp / "random.pdf"
    files["binary"].write_bytes(os.urandom(4096))
    files["truncated"] = tmp / "half.pdf"
    pdf = (REPORTS / "hongze-2023.pdf").read_bytes()
    files["truncated"].write_bytes(pdf[: len(pdf) // 2])
    files["not_report"] = tmp / "recipe.txt"
    files["not_report"].write_text("红烧肉的做法\n五花肉切块，焯水，加糖炒色。\n" * 20, encoding="utf-8")
    files["too_old"] = tmp / "old.txt"
    files["too_old"].write_text(KAIFENG.read_text(encoding="utf-8").replace("2019", "2017"), encoding="utf-8")
    files["letters"] = tmp / "letters.txt"
    files["letters"].write_text(KAIFENG.read_text(encoding="utf-8").replace("行政许可\t16918", "行政许可\tabc"),
                                encoding="utf-8")
    bomb = tmp / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"0" * (120 * 1024 * 1024))
    files["zip_bomb"] = bomb
    return files


def test_bad_inputs_each_get_a_reason_and_leave_the_kb_byte_identical(kb: Path, tmp_path: Path) -> None:
    before = digest(kb)
    for name, path in _bad_files(tmp_path).items():
        res = run("ingest", "--db", str(kb), str(path))
        assert res.returncode == 1, (name, res.stdout, res.stderr)
        lines = [ln for ln in res.stderr.splitlines() if ln.startswith("失败")]
        assert len(lines) == 1 and path.name in lines[0], (name, res.stderr)
        assert "Traceback" not in res.stderr
        assert digest(kb) == before, name


def test_too_large_file_is_refused_by_the_configured_limit(kb: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(KAIFENG.read_text(encoding="utf-8") * 40, encoding="utf-8")
    before = digest(kb)
    res = run("ingest", "--db", str(kb), str(big), env={"NIANBAO_MAX_FILE_MB": "0.1"})
    assert res.returncode == 1 and "big.txt" in res.stderr
    assert digest(kb) == before


def test_good_files_are_stored_even_when_another_fails(tmp_path: Path) -> None:
    db = tmp_path / "kb.json"
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    res = run("ingest", "--db", str(db), str(bad), str(REPORTS / "pingtan-2021.txt"), str(KAIFENG))
    assert res.returncode == 1
    assert "empty.txt" in res.stderr
    assert "报告2份" in res.stdout
    listed = run("reports", "--db", str(db)).stdout
    assert "开封市人民政府" in listed and "平潭综合实验区" in listed


def test_failed_write_leaves_previous_file(kb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = copy_kb(kb, tmp_path / "kb.json")
    before = digest(copy)

    def boom(*_a: object, **_k: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(StoreError, match="disk full"):
        ingest([REPORTS / "pingtan-2021.txt"], Store(copy), Settings())
    assert digest(copy) == before
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")] == ["kb.json"]  # no temp file
    assert not list((copy / "tmp").iterdir())


def test_check_reports_prose_table_difference() -> None:
    res = run("check", str(KAIFENG))
    assert res.returncode == 0
    assert "845" in res.stdout and "815" in res.stdout


def test_ask_reads_one_question_per_line(kb: Path) -> None:
    res = run("ask", "--db", str(kb), "--json", stdin="2019年行政复议多少件\nasdfghjkl\n")
    replies = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["status"] for r in replies] == ["answered", "unknown"]
    assert replies[0]["value"] == 19
    assert replies[0]["section"].startswith("四、")
