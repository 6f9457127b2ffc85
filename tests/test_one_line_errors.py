"""Every failure a user or operator can cause is one line: no traceback, no library noise.

A damaged PDF (its library's hundreds of warnings silenced; a parser failure on it a one-line reason, in
Telegram too), questions on stdin with a broken or GB18030 line, button presses with empty or foreign
data, a file where the base's reports/ folder should be, a --db that is not a knowledge base, and a
--config that names a folder.
"""

from __future__ import annotations

import logging
import multiprocessing
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from kb_files import copy_kb, snapshot
from tg_factories import REPORTS, SETTINGS, bots, build_db, make_callback_update, make_document_update

import knowledge.ingest
from bot.settings import ROOT
from bot.tg import texts
from knowledge import isolate
from knowledge.errors import StoreError, UnreadableFile
from knowledge.ingest import ingest
from knowledge.store import Store


@pytest.fixture
async def make_bot():
    async with bots() as make:
        yield make


def _bot(*args: str, stdin: bytes | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=cwd, input=stdin, capture_output=True,
                          timeout=300)


def damaged_pdf(path: Path) -> Path:
    """hongze-2023.pdf with 200 bytes changed at random (seeded): pdfminer warns hundreds of times on it."""
    data = bytearray((REPORTS / "hongze-2023.pdf").read_bytes())
    rng = random.Random(1)
    for _ in range(200):
        data[rng.randrange(1000, len(data))] = rng.randrange(256)
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_pdf_gets_one_line_and_none_of_the_pdf_librarys_warnings(tmp_path: Path) -> None:
    done = _bot("check", str(damaged_pdf(tmp_path / "damaged.pdf")))
    assert done.returncode == 1
    assert done.stderr.decode().splitlines() == ["错误：damaged.pdf：PDF 的字体缺少编码信息或已损坏，文字无法提取"]


@pytest.fixture
def parser_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parser raises IndexError in the worker (as a library can on a damaged file)."""

    def fail(*_a: object) -> None:
        raise IndexError("list index out of range")

    monkeypatch.setattr(isolate, "_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setattr(knowledge.ingest, "parse_bytes", fail)


def test_a_parser_failure_in_the_worker_is_a_one_line_reason(parser_fails, caplog) -> None:
    with caplog.at_level(logging.INFO), pytest.raises(UnreadableFile) as err:
        isolate.parse_bytes_isolated(b"%PDF-1.4", "年报.pdf", SETTINGS.max_file_bytes)
    assert str(err.value) == "年报.pdf：无法解析（IndexError），文件可能已损坏，未载入"
    assert caplog.records == []


@pytest.fixture(scope="module")
def kaifeng(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("kaifeng"), "kaifeng-2019.txt")


async def test_an_upload_the_parser_fails_on_gets_its_reason_not_an_apology(parser_fails, make_bot, kaifeng,
                                                                             caplog) -> None:
    bot = await make_bot(kaifeng)
    bot.api.files["f1"] = b"%PDF-1.4 broken"
    bot.api.clear()
    with caplog.at_level(logging.ERROR):
        await bot.feed(make_document_update("f1", "年报.pdf", 15))
    assert [m["text"] for m in bot.api.sent()] == ["年报.pdf：无法解析（IndexError），文件可能已损坏，未载入"]
    assert caplog.records == []


def test_questions_on_stdin_are_decoded_line_by_line_and_a_bad_line_is_answered_in_its_place() -> None:
    question = "开封2019年行政复议多少件"
    lines = [question.encode(), question.encode() + b"\xff", question.encode("gb18030"), b"\xff\xfe",
             "平潭2019年行政复议多少件".encode()]
    done = _bot("ask", stdin=b"\n".join(lines) + b"\n")
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode().splitlines()
    kaifeng = "开封市人民政府2019年行政复议19件"
    assert [line[:len(kaifeng)] for line in (out[0], out[2])] == [kaifeng, kaifeng]
    assert out[1] == "第2行不是 UTF-8 或 GB18030 编码的文字，无法读取，已跳过。"
    assert out[3] == "第4行不是 UTF-8 或 GB18030 编码的文字，无法读取，已跳过。"
    assert out[4].startswith("平潭综合实验区2019年行政复议0件")
    assert len(out) == 5
    assert done.stderr == b""


@pytest.mark.parametrize("data", ["", "zzz", "x:1:", "c:1:99999999999999999999", "u::1", "k:zz:9"])
async def test_empty_or_foreign_button_data_answers_the_spinner_without_a_traceback(make_bot, kaifeng, caplog,
                                                                                     data) -> None:
    bot = await make_bot(kaifeng)
    message = {"message_id": 5, "date": 0, "chat": {"id": 1001, "type": "private"}, "text": "…"}
    bot.api.clear()
    with caplog.at_level(logging.WARNING):
        await bot.feed(make_callback_update(data, message))
    assert [c["text"] for c in bot.api.sent("answerCallbackQuery")] == [texts.EXPIRED]
    assert bot.api.methods() == ["answerCallbackQuery"]
    assert caplog.records == []


def test_a_file_where_the_reports_folder_should_be_is_one_line_and_leaves_the_base_as_it_was(kaifeng, tmp_path):
    db = copy_kb(kaifeng, tmp_path / "kb")
    shutil.rmtree(db / "reports")
    (db / "reports").write_text("not a folder", encoding="utf-8")
    before = snapshot(db)
    with pytest.raises(StoreError) as err:
        ingest([REPORTS / "pingtan-2019.txt"], Store(db), SETTINGS)
    assert "路径中有一段是文件而不是文件夹；知识库保持原样" in str(err.value)
    assert snapshot(db) == before
    assert not (db / "pending.json").exists()


def test_a_db_that_is_not_a_knowledge_base_says_so_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "notakb.txt").write_text("开封2019年行政复议多少件\n", encoding="utf-8")
    done = _bot("ask", "--db", "notakb.txt", "开封2019年行政复议多少件", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.decode().splitlines() == [
        "错误：notakb.txt 不是本程序的知识库（内容不是知识库的 JSON）：请检查 --db 的路径"]


def test_a_config_naming_a_folder_says_it_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "conf").mkdir()
    done = _bot("--config", "conf", "reports", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "设置错误：设置文件 conf 是一个文件夹，不是 TOML 文件（--config）：请指定设置文件本身"]
