"""`python -m bot chat`: 帮助 explains, 你好 is greeted, 退出/exit/quit end the conversation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tg_factories import build_db

from bot.settings import ROOT


@pytest.fixture(scope="module")
def kaifeng(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("kaifeng"), "kaifeng-2019.txt")


@pytest.mark.parametrize("bye", ["退出", "exit", "quit"])
def test_chat_understands_help_greetings_and_exit(kaifeng: Path, bye: str) -> None:
    done = subprocess.run([sys.executable, "-m", "bot", "chat", "--db", str(kaifeng)], cwd=ROOT, text=True,
                          input=f"帮助\n你好\n2019年行政复议多少件\n{bye}\n2019年行政诉讼多少件\n",
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "直接问年报里的数字或内容就行" in out and "• 2019年行政复议多少件" in out
    assert "你好！" in out and "没有找到" not in out
    assert "开封市人民政府2019年行政复议19件" in out
    assert out.rstrip().endswith("再见！")
    assert "行政诉讼32件" not in out  # nothing is answered after 退出
