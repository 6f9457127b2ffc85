"""The README's first steps: `ask` without --db (a knowledge base built from the bundled reports on
first use, rebuilt when they change) and the `chat` conversation (options, follow-ups, 退出).

Figures from the documents: 开封 2019 行政复议 19 件, 行政诉讼 32 件; 平潭 2019 行政复议 0 件.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tg_factories import build_db

from bot.settings import ROOT
from knowledge.paths import DATA


def run(*args: str, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m bot …` as a person runs it (the isolated test environment plus env)."""
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, text=True, input=stdin,
                          capture_output=True, timeout=300, env={**os.environ, **env})


def test_ask_without_db_answers_from_the_bundled_reports() -> None:
    done = run("ask", "开封2019年行政复议多少件")
    assert done.returncode == 0, done.stderr
    assert "开封市人民政府2019年行政复议19件" in done.stdout
    assert "结果维持10件" in done.stdout and "尚未审结5件" in done.stdout
    assert "来源：" in done.stdout


def test_the_default_base_is_built_once_and_rebuilt_when_the_bundled_reports_change(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("reports"))
    (data / "reports").mkdir()
    shutil.copy(DATA / "reports" / "kaifeng-2019.txt", data / "reports")
    cache = tmp_path / "cache"
    env = {"NIANBAO_KNOWLEDGE_DIR": str(data), "NIANBAO_CACHE_DIR": str(cache)}

    first = run("ask", "开封2019年行政复议多少件", **env)
    assert first.returncode == 0, first.stderr
    assert "19件" in first.stdout
    [built] = list(cache.glob("kb-*.json"))
    stamp = built.stat().st_mtime_ns

    again = run("ask", "平潭2019年行政复议多少件", **env)
    assert again.returncode == 0, again.stderr
    assert "没有" in again.stdout and "平潭" in again.stdout  # not loaded: said so, no figure
    assert list(cache.glob("kb-*.json")) == [built] and built.stat().st_mtime_ns == stamp  # reused

    shutil.copy(DATA / "reports" / "pingtan-2019.txt", data / "reports")
    after = run("ask", "--json", "平潭2019年行政复议多少件", **env)
    assert after.returncode == 0, after.stderr
    assert '"value": 0' in after.stdout and '"status": "answered"' in after.stdout
    assert len(list(cache.glob("kb-*.json"))) == 2  # a new base for the new set of reports


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("two"), "kaifeng-2019.txt", "pingtan-2019.txt")


def chat(db: Path, *lines: str) -> str:
    done = run("chat", "--db", str(db), stdin="".join(f"{line}\n" for line in lines))
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_chat_picks_an_option_by_number_then_follows_up_then_ends_on_exit(two: Path) -> None:
    asked = chat(two, "2019年行政复议多少件", "退出")
    numbers = dict((m.group(2), m.group(1)) for m in re.finditer(r"(\d)\. (\S+?)2019年行政复议多少件", asked))
    assert set(numbers) == {"开封", "平潭"}

    out = chat(two, "2019年行政复议多少件", numbers["开封"], "行政诉讼呢？", "平潭呢？", "退出",
               "开封2019年行政复议多少件")
    assert "开封市人民政府2019年行政复议19件" in out
    assert "开封市人民政府2019年行政诉讼32件" in out  # the follow-up kept agency and year
    assert "平潭综合实验区2019年行政诉讼0件" in out  # and this one kept the question
    assert out.count("行政复议19件") == 1  # nothing after 退出


def test_chat_without_a_number_from_the_options_asks_the_text(two: Path) -> None:
    out = chat(two, "2019年行政复议多少件", "9", "")
    assert "19件" not in out and "行政复议0件" not in out  # 9 is no option: not taken as one
