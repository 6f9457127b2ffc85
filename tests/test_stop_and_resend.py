"""Nothing lost or doubled: a stopped ingest ends its workers and says how far it got; Bot API sends are
retried through a minute's outage, never sent twice after a read timeout; an upload of undeclared size
is not downloaded to find out.

No test waits for time: the ingest is stopped once its progress bar shows a file done (read from a
pseudo-terminal), and the retries sleep through a clock that only counts.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import signal
import struct
import subprocess
import sys
import termios
from pathlib import Path

import httpx
import pytest
from telegram import Update
from telegram.error import BadRequest, NetworkError, TimedOut
from telegram.request import HTTPXRequest
from tg_factories import (
    REPORTS,
    SETTINGS,
    TOKEN,
    FakeBotApi,
    bots,
    build_db,
    make_document_update,
    make_text_update,
)

from bot.settings import ROOT
from bot.tg.app import build_application
from bot.tg.resend import MaybeSent, Resending
from knowledge.bulk import bulk_ingest
from knowledge.kb import KnowledgeBase
from knowledge.store import Store

FILES = 300


@pytest.fixture
async def make_bot():
    async with bots() as make:
        yield make


def _reports(folder: Path, n: int = FILES) -> Path:
    """n report files of distinct content (kaifeng-2019 with a numbered last line)."""
    folder.mkdir()
    text = (REPORTS / "kaifeng-2019.txt").read_bytes()
    for i in range(n):
        (folder / f"r{i:03d}.txt").write_bytes(text + f"\n附：第{i}份\n".encode())
    return folder


def _children(pid: int) -> set[int]:
    return {int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads the process tree from /proc")
def test_sigterm_to_a_folder_ingest_ends_its_workers_and_says_how_far_it_got(tmp_path: Path) -> None:
    folder = _reports(tmp_path / "in")
    master, slave = pty.openpty()  # stderr a terminal: the progress bar shows when a file is done
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # of some width
    ingest = subprocess.Popen([sys.executable, "-m", "bot", "ingest", "--db", str(tmp_path / "kb"), "--workers", "2",
                               str(folder)], cwd=ROOT, stdout=subprocess.PIPE, stderr=slave, text=True)
    os.close(slave)
    seen = b""
    while not re.search(rb"[1-9]\d*/300", seen):  # event: at least one file done, the workers running
        seen += os.read(master, 4096)
    workers = _children(ingest.pid)
    assert workers
    ingest.send_signal(signal.SIGTERM)
    out, _ = ingest.communicate(timeout=120)
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal's other end closed
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert ingest.returncode == 128 + signal.SIGTERM
    assert all(_gone(pid) for pid in workers)
    said = seen.decode(errors="replace")
    done = re.search(r"已中断：处理了(\d+)/300个文件，写入报告(\d+)份，解析进程已全部结束", said)
    assert done is not None, said[-500:]
    assert 1 <= int(done.group(1)) < FILES
    assert "Traceback" not in said
    assert done.group(2) == done.group(1)  # every file it got to is stored
    assert f"写入报告{done.group(2)}份" in out


def test_an_interrupted_bulk_ingest_stops_its_workers_and_stores_what_parsed(tmp_path: Path) -> None:
    import multiprocessing

    folder = tmp_path / "in"  # ten reports of different bodies and years
    folder.mkdir()
    for path in [*REPORTS.glob("*.txt"), *(ROOT / "tests" / "data" / "reports").glob("*.txt")]:
        (folder / path.name).write_bytes(path.read_bytes())
    assert len(list(folder.iterdir())) == 10
    seen: list[Path] = []

    def stop_after_two(path: Path) -> None:
        seen.append(path)
        if len(seen) == 2:
            raise KeyboardInterrupt

    summary = bulk_ingest([folder], Store(tmp_path / "kb"), SETTINGS, workers=2, progress=stop_after_two)
    assert (summary.interrupted, summary.done, summary.stored) == (True, 2, 2)
    assert multiprocessing.active_children() == []
    assert len(KnowledgeBase.load(tmp_path / "kb").reports) == 2
    again = bulk_ingest([folder], Store(tmp_path / "kb"), SETTINGS, workers=2)
    assert (sum(again.skipped.values()), again.stored, again.interrupted) == (2, 8, False)
    assert len(KnowledgeBase.load(tmp_path / "kb").reports) == 10


class _Clock:
    """A sleep that only adds up the seconds it was asked to wait."""

    def __init__(self) -> None:
        self.now = 0.0

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


def _timeout(kind: type[httpx.TimeoutException]) -> TimedOut:
    """PTB's TimedOut as its HTTPXRequest raises it (the httpx exception as its cause)."""
    try:
        raise TimedOut from kind("timed out")
    except TimedOut as exc:
        return exc


async def test_a_reply_gets_through_a_minute_long_outage_once() -> None:
    clock = _Clock()
    calls: list[float] = []

    async def outage_of_a_minute() -> dict:
        calls.append(clock.now)
        if clock.now < 60:
            raise NetworkError("httpx.ConnectError: [Errno 111] Connection refused")
        return {"message_id": 1}

    limiter = Resending(sleep=clock.sleep)
    assert await limiter.process_request(outage_of_a_minute, (), {}, "sendMessage", {}, None) == {"message_id": 1}
    assert calls[-1] >= 60 and len(calls) >= 2


async def test_a_send_that_reached_telegram_and_timed_out_is_not_sent_again() -> None:
    clock = _Clock()
    calls: list[str] = []

    async def read_timeout() -> dict:
        calls.append("sendMessage")
        raise _timeout(httpx.ReadTimeout)

    with pytest.raises(MaybeSent):
        await Resending(sleep=clock.sleep).process_request(read_timeout, (), {}, "sendMessage", {}, None)
    assert calls == ["sendMessage"]


async def test_a_send_that_never_reached_telegram_is_sent_again() -> None:
    clock = _Clock()
    calls: list[str] = []

    async def connect_timeout_once() -> dict:
        calls.append("sendMessage")
        if len(calls) == 1:
            raise _timeout(httpx.ConnectTimeout)
        return {"message_id": 2}

    result = await Resending(sleep=clock.sleep).process_request(connect_timeout_once, (), {}, "sendMessage", {}, None)
    assert result == {"message_id": 2} and len(calls) == 2


async def test_an_edit_that_timed_out_is_retried_and_not_modified_means_it_landed() -> None:
    clock = _Clock()
    calls: list[str] = []

    async def landed_then_unchanged() -> dict:
        calls.append("editMessageText")
        if len(calls) == 1:
            raise _timeout(httpx.ReadTimeout)
        raise BadRequest("Message is not modified: specified new message content and reply markup are exactly "
                         "the same as a current content and reply markup of the message")

    limiter = Resending(sleep=clock.sleep)
    assert await limiter.process_request(landed_then_unchanged, (), {}, "editMessageText", {}, None) is True
    assert len(calls) == 2


class _CountingApi(FakeBotApi):
    """The fake Bot API, counting file downloads; getFile may leave the size out."""

    downloads: int = 0
    size_known: bool = True

    def route(self, path: str, body: bytes, content_type: str = "") -> tuple[int, bytes, str]:
        if path.startswith("/file/"):
            self.downloads += 1
        return super().route(path, body, content_type)

    def handle(self, method: str, params: dict) -> object:
        result = super().handle(method, params)
        if method == "getFile" and not self.size_known:
            result.pop("file_size")  # type: ignore[union-attr]
        return result


@pytest.fixture(scope="module")
def kaifeng(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("kaifeng"), "kaifeng-2019.txt")


@pytest.mark.parametrize("size_known", [True, False])
async def test_an_upload_that_does_not_declare_its_size_is_not_downloaded_whole(make_bot, kaifeng, monkeypatch,
                                                                                size_known) -> None:
    bot = await make_bot(kaifeng)
    api = _CountingApi(files={"big": b"x" * (SETTINGS.max_file_bytes + 1)})
    api.size_known = size_known
    monkeypatch.setattr(bot.api, "route", api.route)
    update = make_document_update("big", "年报.pdf", 0)
    del update["message"]["document"]["file_size"]  # the message does not say how big it is
    bot.api.clear()
    await bot.feed(update)
    assert api.downloads == 0
    expected = ("文件太大（20.0 MB），上限是 20 MB。" if size_known  # 20 MB and one byte
                else "Telegram 没有给出这个文件的大小，无法确认它不超过 20 MB 的上限，未下载。请重新发送。")
    assert [m["text"] for m in api.sent()] == [expected]


class _SlowToAnswer(FakeBotApi):
    """Telegram takes the first sendMessage (it is recorded: the user has it) but its answer never comes."""

    answered_late: int = 0

    def _httpx(self, request: httpx.Request) -> httpx.Response:
        response = super()._httpx(request)
        if request.url.path.endswith("/sendMessage") and not self.answered_late:
            self.answered_late += 1
            raise httpx.ReadTimeout("The read operation timed out", request=request)
        return response


async def test_a_reply_whose_answer_timed_out_is_neither_sent_again_nor_followed_by_an_apology(kaifeng) -> None:
    api = _SlowToAnswer()
    app = build_application(SETTINGS, kaifeng, TOKEN, request=HTTPXRequest(httpx_kwargs={"transport": api.transport()}),
                            get_updates_request=HTTPXRequest(httpx_kwargs={"transport": api.transport()}),
                            rate_limiter=False)
    await app.initialize()
    try:
        await app.post_init(app)
        api.clear()
        await app.process_update(Update.de_json(make_text_update("开封2019年行政复议多少件"), app.bot))
    finally:
        await app.shutdown()
    sent = api.sent()
    assert len(sent) == 1 and sent[0]["text"].startswith("开封市人民政府2019年行政复议<b>19件</b>")
    assert api.answered_late == 1
