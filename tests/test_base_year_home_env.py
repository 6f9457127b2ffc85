"""Wrong base, wrong year, wrong home, wrong variable: each is said, none is silently taken.

A folder of other files is neither read as an empty knowledge base nor written into (an empty or new
folder is a new base); a report dated after next year is refused; a home that cannot be written falls
back to a private temporary cache and still answers; a misspelt NIANBAO_ variable is named.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import ROOT, Settings, unknown_variables
from knowledge.errors import NotAReport, StoreError
from knowledge.ingest import ingest, parse_bytes
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

REPORTS = ROOT / "knowledge" / "data" / "reports"
SETTINGS = Settings()
NOT_A_BASE = "不是知识库：文件夹里没有 catalogue.json，却有别的文件（notes.txt、photo.jpg）；请指定一个知识库，或一个新的、空的文件夹"


@pytest.fixture
def someones_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "notes.txt").write_text("购物清单", encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8")
    return folder


def test_a_folder_of_other_files_is_not_read_as_an_empty_base(someones_folder: Path) -> None:
    with pytest.raises(StoreError) as err:
        KnowledgeBase.load(someones_folder)
    assert str(err.value) == f"{someones_folder} {NOT_A_BASE}"


def test_a_folder_of_other_files_is_not_written_into(someones_folder: Path) -> None:
    with pytest.raises(StoreError) as err:
        ingest([REPORTS / "kaifeng-2019.txt"], Store(someones_folder), SETTINGS)
    assert str(err.value) == f"{someones_folder} {NOT_A_BASE}"
    assert sorted(p.name for p in someones_folder.iterdir()) == ["notes.txt", "photo.jpg"]
    assert not someones_folder.with_name("documents.lock").exists()


def test_ask_on_a_folder_of_other_files_says_so_in_one_line(someones_folder: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "bot", "ask", "--db", str(someones_folder), "开封2019年行政复议多少件"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"错误：{someones_folder} {NOT_A_BASE}"]


def test_an_empty_folder_is_a_new_base(tmp_path: Path) -> None:
    (tmp_path / "kb").mkdir()
    summary = ingest([REPORTS / "kaifeng-2019.txt"], Store(tmp_path / "kb"), SETTINGS)
    assert not summary.failures
    assert [(r.agency, r.year) for r in KnowledgeBase.load(tmp_path / "kb").reports] == [("开封市人民政府", 2019)]


def test_a_report_dated_after_next_year_is_refused() -> None:
    year = dt.date.today().year + 2
    text = (REPORTS / "kaifeng-2019.txt").read_text(encoding="utf-8").replace("2019年", f"{year}年")
    with pytest.raises(NotAReport) as err:
        parse_bytes(text.encode(), "kaifeng.txt", SETTINGS)
    assert str(err.value) == f"报告年度识别为{year}年，晚于明年，不可能是已发布的年度报告；请检查标题中的年份"


def test_a_report_of_next_year_is_still_taken() -> None:
    year = dt.date.today().year + 1
    text = (REPORTS / "kaifeng-2019.txt").read_text(encoding="utf-8").replace("2019年", f"{year}年")
    assert parse_bytes(text.encode(), "kaifeng.txt", SETTINGS).report.year == year


def test_a_home_that_cannot_be_written_falls_back_to_a_temporary_cache(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("a file where the home folder should be: nothing can be made under it", encoding="utf-8")
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "NIANBAO_CACHE_DIR"}
    env.update(HOME=str(home), TMPDIR=str(temp), NIANBAO_LOG_LEVEL="WARNING")
    done = subprocess.run([sys.executable, "-m", "bot", "ask", "开封2019年行政复议多少件"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("开封市人民政府2019年行政复议19件")
    assert done.stderr == ""
    assert [p.name for p in temp.iterdir() if p.name.startswith("nianbao-cache-")]


def test_a_misspelt_nianbao_variable_is_named_with_the_one_meant() -> None:
    warnings = unknown_variables({"NIANBAO_ADMIN": "5", "NIANBAO_ADMINS": "6", "NIANBAO_CACHE_DIR": "/x", "HOME": "/"})
    assert warnings == ["未知的环境变量 NIANBAO_ADMIN，已忽略（是不是 NIANBAO_ADMINS？）"]


def test_the_cli_warns_about_a_misspelt_variable(tmp_path: Path) -> None:
    env = {**os.environ, "NIANBAO_RATE_LIMIT": "5"}
    done = subprocess.run([sys.executable, "-m", "bot", "reports"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0
    assert "设置警告：未知的环境变量 NIANBAO_RATE_LIMIT，已忽略（是不是 NIANBAO_RATE_LIMIT_PER_MINUTE？）" in done.stderr
