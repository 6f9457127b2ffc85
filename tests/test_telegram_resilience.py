"""Replies survive Bot API hiccups: `python -m bot serve` against a local fake Bot API that fails.

sendMessage answers 500, then drops connections, for 3 s each, while 10 users ask: each user gets
the answer exactly once, every retry is logged at WARNING and the token appears nowhere.  And a bot
started while the Bot API is unreachable keeps trying (one log line per try) until it is there.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from test_telegram_e2e import _env, _free_port, _stop, _wait_for
from tg_factories import TOKEN, FakeBotApi, FakeServer, build_db, expected, make_text_update

from bot.reply import render
from bot.settings import ROOT

QUESTIONS = ["2019年行政复议多少件", "2019年行政诉讼多少件", "2019年收到多少申请", "2019年主动公开多少条"]
USERS = [{"id": 3000 + i, "is_bot": False, "first_name": f"读者{i}"} for i in range(10)]


def _serve(db: Path, env: dict[str, str], log) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "bot", "serve", "--db", str(db)],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def test_ten_users_each_get_their_answer_once_through_500s_and_dropped_connections(tmp_path):
    db = build_db(tmp_path, "kaifeng-2019.txt")
    api = FakeBotApi()
    log_path = tmp_path / "serve.log"
    with FakeServer(api) as server, log_path.open("wb") as log:
        alive = tmp_path / "alive"
        proc = _serve(db, _env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=server.base_url,
                               NIANBAO_HEALTH_FILE=str(alive)), log)
        try:
            _wait_for(lambda: "setMyCommands" in api.methods(), proc)  # started
            _wait_for(alive.exists, proc)  # the container HEALTHCHECK's file
            api.fail("sendMessage", "500", 3.0)
            api.fail("sendMessage", "drop", 3.0)
            asked = {}
            for i, user in enumerate(USERS):
                asked[user["id"]] = QUESTIONS[i % len(QUESTIONS)]
                api.push_update(make_text_update(asked[user["id"]], user=user))
            _wait_for(lambda: len(api.sent()) >= len(USERS), proc, timeout=60)
            time.sleep(1.0)  # a late duplicate would arrive now
        finally:
            _stop(proc)
    sent = api.sent()
    assert Counter(m["chat_id"] for m in sent) == Counter({u["id"]: 1 for u in USERS})
    for message in sent:
        assert message["text"] == render.html(expected(db, asked[message["chat_id"]]))
    kinds = {kind for _, kind in api.failed}
    assert kinds == {"500", "drop"}  # both faults really happened
    output = log_path.read_text(encoding="utf-8", errors="replace")
    retries = [line for line in output.splitlines() if "WARNING" in line and "sendMessage failed" in line]
    assert len(retries) >= 2
    assert TOKEN not in output


def test_serve_waits_for_an_unreachable_bot_api_logging_each_try(tmp_path):
    db = build_db(tmp_path, "kaifeng-2019.txt")
    api = FakeBotApi()
    port = _free_port()
    log_path = tmp_path / "serve.log"
    with log_path.open("wb") as log:
        env = _env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=f"http://127.0.0.1:{port}/bot")
        proc = _serve(db, env, log)
        try:
            _wait_for(lambda: log_path.read_text(errors="replace").count("not reachable") >= 2, proc)
            with FakeServer(api, port=port):
                api.push_update(make_text_update("2019年行政复议多少件"))
                _wait_for(lambda: len(api.sent()) >= 1, proc)
                _stop(proc)  # while the Bot API is still there: a clean shutdown
        finally:
            _stop(proc)
    output = log_path.read_text(encoding="utf-8", errors="replace")
    tries = [line for line in output.splitlines() if "not reachable" in line]
    assert len(tries) >= 2 and all("WARNING" in line for line in tries)
    assert "Traceback" not in output and TOKEN not in output
    assert api.sent()[0]["text"] == render.html(expected(db, "2019年行政复议多少件"))


async def test_a_bad_request_is_not_retried_and_retry_after_is_waited_for():
    from telegram.error import BadRequest, RetryAfter

    from bot.tg.resend import Resending

    calls: list[float] = []

    async def refused() -> dict:
        calls.append(time.monotonic())
        raise BadRequest("Message is too long")

    limiter = Resending(budget=5, initial=0.01, cap=0.05)
    try:
        await limiter.process_request(refused, (), {}, "sendMessage", {}, None)
    except BadRequest:
        pass
    assert len(calls) == 1  # the same request would fail the same way

    calls.clear()

    async def busy_once() -> dict:
        calls.append(time.monotonic())
        if len(calls) == 1:
            raise RetryAfter(dt.timedelta(seconds=1))
        return {"ok": True}

    assert await limiter.process_request(busy_once, (), {}, "sendMessage", {}, None) == {"ok": True}
    assert len(calls) == 2 and calls[1] - calls[0] >= 1.0  # waited what Telegram asked, not the 0.01 s backoff
