"""Replies survive Bot API hiccups: `python -m bot serve` against a local fake Bot API that fails.

sendMessage answers 500 twice, then drops the connection twice, while 10 users ask: each user gets
the answer exactly once, every retry is logged at WARNING and the token appears nowhere.  A chart
(sendPhoto) and an answer edited into a question (editMessageText) survive a failed call the same
way.  And a bot started while the Bot API is unreachable keeps trying (one log line per try) until
it is there.  Faults are counted, not timed, and backoff waits are recorded instead of slept.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from telegram.error import BadRequest, NetworkError, RetryAfter
from test_telegram_e2e import _env, _free_port, _start, _stop, _wait_for
from tg_factories import (  # noqa: F401 - fixtures make_bot, two_agencies
    BOT_USER,
    KAIFENG_LITIGATION,
    KAIFENG_RECEIVED,
    KAIFENG_REVIEW,
    TOKEN,
    USER,
    FakeBotApi,
    FakeServer,
    build_db,
    buttons,
    make_bot,
    make_callback_update,
    make_text_update,
    two_agencies,
)

from bot.tg.resend import Resending

# 开封 2019: 主动公开 is a prose figure; its sentence, as printed in 一、总体情况
KAIFENG_PROACTIVE = ("开封市人民政府2019年：全市各县区及市政府各部门共主动公开各类政府信息<b>231731条</b>。\n"
                     "原文：“2019年，全市各县区及市政府各部门共主动公开各类政府信息231731条（政府规范性文件845个，"
                     "政策解读320条，县区、政府部门上报信息1388条）。”\n来源：开封2019年年报 · 一")
QUESTIONS = {"2019年行政复议多少件": KAIFENG_REVIEW, "2019年行政诉讼多少件": KAIFENG_LITIGATION,
             "2019年收到多少申请": KAIFENG_RECEIVED, "2019年主动公开多少条": KAIFENG_PROACTIVE}
USERS = [{"id": 3000 + i, "is_bot": False, "first_name": f"读者{i}"} for i in range(10)]


def _serve(db: Path, env: dict[str, str], log, api: FakeBotApi) -> tuple[subprocess.Popen, list[str]]:
    return _start(["serve", "--db", str(db)], env, log, api)


def test_ten_users_each_get_their_answer_once_through_500s_and_dropped_connections(tmp_path):
    db = build_db(tmp_path, "kaifeng-2019.txt")
    api = FakeBotApi()
    log_path = tmp_path / "serve.log"
    with FakeServer(api) as server, log_path.open("wb") as log:
        alive = tmp_path / "alive"
        proc, _ = _serve(db, _env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=server.base_url,
                                  NIANBAO_HEALTH_FILE=str(alive)), log, api)
        try:
            _wait_for(api, lambda: api.methods().count("setMyCommands") == 2, proc)  # started
            assert alive.exists()  # the container HEALTHCHECK's file, touched before the menus are set
            api.fail("sendMessage", "500", 2)
            api.fail("sendMessage", "drop", 2)
            asked = {}
            for i, user in enumerate(USERS):
                asked[user["id"]] = list(QUESTIONS)[i % len(QUESTIONS)]
                api.push_update(make_text_update(asked[user["id"]], user=user))
            _wait_for(api, lambda: len(api.sent()) >= len(USERS), proc, guard=60)
        finally:
            _stop(proc)  # waits for the process to end: no late duplicate can arrive after this
    sent = api.sent()
    assert Counter(m["chat_id"] for m in sent) == Counter({u["id"]: 1 for u in USERS})
    for message in sent:
        assert message["text"] == QUESTIONS[asked[message["chat_id"]]]
    assert api.failed == [("sendMessage", "500")] * 2 + [("sendMessage", "drop")] * 2  # every fault served
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
        proc, said = _serve(db, env, log, api)
        try:
            _wait_for(api, lambda: sum("not reachable" in line for line in said) >= 2, proc)
            with FakeServer(api, port=port):
                api.push_update(make_text_update("2019年行政复议多少件"))
                _wait_for(api, lambda: len(api.sent()) >= 1, proc)
                _stop(proc)  # while the Bot API is still there: a clean shutdown
        finally:
            _stop(proc)
    output = log_path.read_text(encoding="utf-8", errors="replace")
    tries = [line for line in output.splitlines() if "not reachable" in line]
    assert len(tries) >= 2 and all("WARNING" in line for line in tries)
    assert "Traceback" not in output and TOKEN not in output
    assert api.sent()[0]["text"] == KAIFENG_REVIEW


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every backoff the retrying asks for, recorded instead of slept (tenacity sleeps with asyncio.sleep)."""
    asked: list[float] = []
    real = asyncio.sleep

    async def recorded(seconds: float, *args, **kwargs):
        asked.append(seconds)
        return await real(0)

    monkeypatch.setattr(asyncio, "sleep", recorded)
    return asked


async def test_a_bad_request_is_not_retried_and_retry_after_is_waited_for(waits):
    calls = 0

    async def refused() -> dict:
        nonlocal calls
        calls += 1
        raise BadRequest("Message is too long")

    limiter = Resending(budget=5, initial=0.01, cap=0.05)
    with pytest.raises(BadRequest, match="Message is too long"):
        await limiter.process_request(refused, (), {}, "sendMessage", {}, None)
    assert calls == 1 and waits == []  # the same request would fail the same way

    calls = 0

    async def busy_once() -> dict:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RetryAfter(dt.timedelta(seconds=7))
        return {"ok": True}

    assert await limiter.process_request(busy_once, (), {}, "sendMessage", {}, None) == {"ok": True}
    assert calls == 2 and waits == [7.0]  # waited what Telegram asked, not the 0.01 s backoff


@pytest.mark.parametrize("method", ["sendMessage", "editMessageText", "sendPhoto"])
async def test_each_reply_carrying_call_is_tried_again_after_a_network_error(method, waits):
    calls = 0

    async def flaky() -> dict:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise NetworkError("Server disconnected without sending a response.")
        return {"ok": True}

    limiter = Resending(budget=5, initial=0.01, cap=0.05)
    assert await limiter.process_request(flaky, (), {}, method, {}, None) == {"ok": True}
    assert calls == 2 and len(waits) == 1


async def test_other_calls_are_not_tried_again(waits):
    async def flaky() -> dict:
        raise NetworkError("Server disconnected without sending a response.")

    limiter = Resending(budget=5, initial=0.01, cap=0.05)
    with pytest.raises(NetworkError):
        await limiter.process_request(flaky, (), {}, "answerCallbackQuery", {}, None)
    assert waits == []


async def test_an_edited_answer_and_a_chart_survive_a_failed_call(make_bot, two_agencies, waits):
    bot = await make_bot(two_agencies)
    bot.api.clear()
    await bot.feed(make_text_update("2019年行政复议多少件"))
    [question] = bot.api.sent()
    assert question["text"] == ("知识库中有2个机关2019年的年报，您问的是哪一个？\n"
                                "1. 平潭2019年行政复议多少件\n2. 开封2019年行政复议多少件")
    shown = {"message_id": 77, "date": 0, "chat": {"id": USER["id"], "type": "private"}, "from": BOT_USER,
             "text": question["text"], "reply_markup": question["reply_markup"]}

    bot.api.clear()
    bot.api.fail("editMessageText", "500")
    await bot.feed(make_callback_update("c:1:1", shown))  # 2. 开封: the answer is edited into the question
    [edited] = bot.api.sent("editMessageText")
    assert (edited["message_id"], edited["text"]) == (77, KAIFENG_REVIEW)
    assert bot.api.failed == [("editMessageText", "500")]

    bot.api.clear()
    bot.api.fail("sendPhoto", "drop")
    chart = next(data for text, data in buttons(edited["reply_markup"]) if text == "📊 图表")
    await bot.feed(make_callback_update(chart, {**shown, "text": edited["text"],
                                                "reply_markup": edited["reply_markup"]}))
    [photo] = bot.api.sent("sendPhoto")
    assert photo["photo"][:4] == b"\x89PNG"
    assert photo["caption"] == "来源：《开封市人民政府2019年政府信息公开工作年度报告》"
    assert bot.api.failed == [("editMessageText", "500"), ("sendPhoto", "drop")]
    assert len(waits) == 2


async def test_the_backoff_doubles_from_its_first_wait_up_to_its_cap_with_jitter_on_top(waits, monkeypatch):
    import random

    monkeypatch.setattr(random, "uniform", lambda low, high: high)  # the largest jitter, every time
    calls = 0

    async def down_five_times() -> dict:
        nonlocal calls
        calls += 1
        if calls <= 5:
            raise NetworkError("Bad Gateway")
        return {"ok": True}

    limiter = Resending(budget=600, initial=0.25, cap=1.5)
    assert await limiter.process_request(down_five_times, (), {}, "sendMessage", {}, None) == {"ok": True}
    # 0.25 × 2ⁿ⁻¹ + 0.25 of jitter, never above 1.5
    assert waits == [0.5, 0.75, 1.25, 1.5, 1.5]

    waits.clear()
    calls = 0  # the bot's own backoff (build_application sets only the budget): 0.5 s doubling, at most 5 s
    assert await Resending(budget=600).process_request(down_five_times, (), {}, "sendMessage", {}, None) == {"ok": True}
    assert waits == [1.0, 1.5, 2.5, 4.5, 5.0]


async def test_a_send_gives_up_with_its_own_error_when_the_budget_is_spent(waits):
    calls = 0

    async def down() -> dict:
        nonlocal calls
        calls += 1
        if calls > 100_000:  # waits are not slept here: without a budget this would never end
            raise RuntimeError("never gave up")
        raise NetworkError("Bad Gateway")

    with pytest.raises(NetworkError, match="Bad Gateway"):  # the Bot API's error, not the retrying's own
        await Resending(budget=0.05, initial=0.01, cap=0.05).process_request(down, (), {}, "sendMessage", {}, None)
    assert calls > 1


async def test_each_retry_is_logged_with_the_failure_and_the_wait(waits, caplog):
    calls = 0

    async def busy_once() -> dict:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RetryAfter(dt.timedelta(seconds=7))
        return {"ok": True}

    with caplog.at_level("WARNING", logger="bot.tg.resend"):
        await Resending(budget=30, initial=0.01, cap=0.05).process_request(busy_once, (), {}, "sendPhoto", {}, None)
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("WARNING", "Bot API sendPhoto failed (RetryAfter: Flood control exceeded. Retry in 7 seconds); "
                    "try 2 again in 7.0 s")]


async def test_the_call_reaches_the_api_with_its_arguments_through_telegrams_own_limiter():
    from telegram.ext import AIORateLimiter

    async def send(*args, **kwargs) -> dict:
        return {"args": list(args), "kwargs": kwargs}

    limiter = Resending(AIORateLimiter(max_retries=0))
    await limiter.initialize()
    try:
        for endpoint in ("sendMessage", "getMe"):  # retried or not, the same call
            assert await limiter.process_request(send, (1,), {"chat_id": 2}, endpoint, {"chat_id": 2}, None) == {
                "args": [1], "kwargs": {"chat_id": 2}}
    finally:
        await limiter.shutdown()
    bare = Resending(None)
    assert await bare.process_request(send, (1,), {"chat_id": 2}, "sendMessage", {}, None) == {
        "args": [1], "kwargs": {"chat_id": 2}}
