"""Small things a user notices: invisible characters in agency names, the 勾稽 warnings of a folder
ingest, and lock files left by paths that were refused.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.reply.answer import Answerer, Context
from bot.settings import ROOT, Settings
from knowledge.errors import StoreError
from knowledge.ingest import ingest, parse_bytes
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

REPORTS = ROOT / "knowledge" / "data" / "reports"
SETTINGS = Settings()


def test_zero_width_and_direction_characters_never_reach_an_agency_name(tmp_path: Path) -> None:
    text = (REPORTS / "kaifeng-2019.txt").read_text(encoding="utf-8")
    text = text.replace("开封市人民政府", "开\u200b封市\u202e人民\u200d政府\ufeff", 1)
    parsed = parse_bytes(text.encode(), "kaifeng.txt", SETTINGS)
    assert parsed.report.agency == "开封市人民政府"
    assert parsed.report.title == "开封市人民政府2019年政府信息公开工作年度报告"
    Store(tmp_path / "kb").put([parsed])
    answer = Answerer(KnowledgeBase.load(tmp_path / "kb"), warm=False).answer("开\u200b封\u202e2019年行政复议多少件",
                                                                               Context())
    assert answer.text.startswith("开封市人民政府2019年行政复议19件")


def test_a_folder_ingest_prints_each_files_consistency_warnings(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("kaifeng-2019.txt", "pingtan-2019.txt"):
        (folder / name).write_bytes((REPORTS / name).read_bytes())
    done = subprocess.run([sys.executable, "-m", "bot", "ingest", "--db", str(tmp_path / "kb"), str(folder)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stdout.splitlines() if line.startswith("提示：")]
    assert warnings == ["提示：kaifeng-2019.txt：正文“政府规范性文件845个”为845，但表格“规范性文件／对外公开总数量”为815"]


def test_a_refused_path_leaves_no_lock_file(tmp_path: Path) -> None:
    (tmp_path / "notakb.txt").write_text("hello\n", encoding="utf-8")
    others = tmp_path / "documents"
    others.mkdir()
    (others / "notes.txt").write_text("x", encoding="utf-8")
    for db in ("notakb.txt", "documents"):
        done = subprocess.run([sys.executable, "-m", "bot", "ingest", "--db", db, str(REPORTS / "kaifeng-2019.txt")],
                              cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert done.returncode == 1
        assert len(done.stderr.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documents", "notakb.txt"]


def test_a_store_write_to_a_refused_path_takes_no_lock(tmp_path: Path) -> None:
    others = tmp_path / "documents"
    others.mkdir()
    (others / "notes.txt").write_text("x", encoding="utf-8")
    parsed = parse_bytes((REPORTS / "kaifeng-2019.txt").read_bytes(), "kaifeng-2019.txt", SETTINGS)
    with pytest.raises(StoreError, match="不是知识库"):
        Store(others).put([parsed])
    assert not (tmp_path / "documents.lock").exists()
    summary = ingest([REPORTS / "kaifeng-2019.txt"], Store(tmp_path / "new"), SETTINGS)
    assert not summary.failures and (tmp_path / "new.lock").exists()  # a real write takes it
