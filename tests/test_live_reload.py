"""A running reader sees what `ingest` writes: the bot, `chat` and `ask` on stdin answer a report
stored after they started, at their next question, without a restart.

Each test waits for events (a reply read, a write returned), never for time.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from kb_files import copy_kb
from tg_factories import (  # noqa: F401 - fixtures make_bot, kaifeng
    REPORTS,
    SETTINGS,
    bots,
    build_db,
    kaifeng,
    make_bot,
    make_text_update,
)

from bot.live import Live
from bot.settings import ROOT
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

QUESTION = "平潭2019年行政复议多少件"
ANSWERED = "平潭综合实验区2019年行政复议0件（结果维持0件、结果纠正0件、其他结果0件、尚未审结0件）。"
NOT_THERE = "知识库中没有“平潭”的年报。已载入：开封市人民政府（2019年）。"


@pytest.fixture
def db(kaifeng: Path, tmp_path: Path) -> Path:
    return copy_kb(kaifeng, tmp_path / "kb.json")


def _add_pingtan(db: Path) -> None:
    summary = ingest([REPORTS / "pingtan-2019.txt"], Store(db), SETTINGS)
    assert not summary.failures


def test_a_loaded_base_notices_a_write_committed_after_it(db: Path) -> None:
    kb = KnowledgeBase.load(db)
    assert not kb.changed()
    _add_pingtan(db)
    assert kb.changed()
    assert not KnowledgeBase.load(db).changed()


def test_the_answerer_of_a_running_process_answers_a_report_ingested_after_it_started(db: Path) -> None:
    live = Live(db, warm=False)
    assert live.answer(QUESTION).text == NOT_THERE
    _add_pingtan(db)
    assert live.answer(QUESTION).text.startswith(ANSWERED)
    assert live.loads == 2
    assert live.answer(QUESTION).text.startswith(ANSWERED)
    assert live.loads == 2  # no write since: not loaded again


def test_a_report_replaced_on_disk_is_answered_from_the_new_file_not_the_cache(db: Path) -> None:
    live = Live(db, warm=False)
    _add_pingtan(db)
    assert live.answer(QUESTION).text.startswith(ANSWERED)  # read into the cache
    old = live.kb
    Store(db).remove("平潭综合实验区-2019")
    assert live.answer(QUESTION).text == NOT_THERE
    assert live.kb is not old


def test_ask_reading_stdin_answers_a_report_ingested_between_two_questions(db: Path) -> None:
    ask = subprocess.Popen([sys.executable, "-m", "bot", "ask", "--db", str(db)], cwd=ROOT, text=True,
                           encoding="utf-8", stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert ask.stdin is not None and ask.stdout is not None
        ask.stdin.write(QUESTION + "\n")
        ask.stdin.flush()
        assert ask.stdout.readline().strip() == NOT_THERE
        done = subprocess.run([sys.executable, "-m", "bot", "ingest", "--db", str(db),
                               str(REPORTS / "pingtan-2019.txt")], cwd=ROOT, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        ask.stdin.write(QUESTION + "\n")
        ask.stdin.flush()
        assert ask.stdout.readline().startswith(ANSWERED)
        ask.stdin.close()
        assert ask.wait(timeout=120) == 0
    finally:
        if ask.poll() is None:
            ask.kill()
            ask.wait()


async def test_the_telegram_bot_answers_a_report_ingested_while_it_runs(make_bot, db: Path) -> None:
    bot = await make_bot(db, share=False)
    await bot.feed(make_text_update(QUESTION))
    assert NOT_THERE in bot.api.sent("sendMessage")[-1]["text"]
    _add_pingtan(db)
    await bot.feed(make_text_update(QUESTION))
    assert "行政复议<b>0件</b>" in bot.api.sent("sendMessage")[-1]["text"]
    assert bot.state.loaded == 2
