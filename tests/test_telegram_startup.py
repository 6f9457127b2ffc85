"""What `serve` does around the chats, in-process: the health beat a container HEALTHCHECK reads, and the
first connection to the Bot API retried with one log line per try.

The subprocess tests (tests/test_telegram_e2e.py, tests/test_telegram_resilience.py) show the same
from outside; these pin the exact waits, limits and log lines.  Waits are recorded, never slept; the
clock of `fresh` is set, not read.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from telegram.error import NetworkError
from tg_factories import BOT_USER, TOKEN, FakeBotApi, FakeServer, kaifeng  # noqa: F401 - fixture kaifeng

from bot.tg import health, startup

NOW = 1_800_000_000  # the clock `fresh` reads in these tests, in whole seconds


class _Stop(Exception):
    """Ends a beat loop from its sleep."""


def _sleeps(monkeypatch: pytest.MonkeyPatch, beats: int) -> list[float]:
    """Record each wait of the beat; the loop ends at the `beats`-th one."""
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == beats:
            raise _Stop

    monkeypatch.setattr(health.asyncio, "sleep", sleep)
    return waits


def test_the_beat_touches_the_file_then_every_30_seconds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    alive = tmp_path / "alive"
    waits = _sleeps(monkeypatch, 3)
    with pytest.raises(_Stop):
        asyncio.run(health.beat(alive))
    assert alive.exists()
    assert waits == [30.0, 30.0, 30.0]


def test_a_health_file_that_cannot_be_written_is_logged_and_the_beat_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    alive = tmp_path / "no-such-folder" / "alive"
    waits = _sleeps(monkeypatch, 2)
    with caplog.at_level(logging.WARNING, logger="bot.tg.health"), pytest.raises(_Stop):
        asyncio.run(health.beat(alive, every=5.0))
    assert waits == [5.0, 5.0]
    assert [r.getMessage() for r in caplog.records] == [
        f"health file {tmp_path}/no-such-folder/alive: No such file or directory"] * 2
    assert [r.levelname for r in caplog.records] == ["WARNING"] * 2


def _touched(path: Path, seconds_ago: float) -> None:
    path.touch()
    ns = int((NOW - seconds_ago) * 1_000_000_000)
    os.utime(path, ns=(ns, ns))


def test_a_file_touched_90_seconds_ago_or_less_is_fresh_and_older_or_missing_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(health, "time", SimpleNamespace(time=lambda: float(NOW)))
    alive = tmp_path / "alive"
    assert health.fresh(alive) is False  # never touched: the bot never beat
    _touched(alive, 90)
    assert health.fresh(alive) is True
    _touched(alive, 90.5)
    assert health.fresh(alive) is False
    assert health.fresh(alive, stale=91) is True


# ---------------------------------------------------------------- the first connection


def _waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """tenacity's waits between tries, recorded instead of slept (its sleep is time.sleep)."""
    waits: list[float] = []
    monkeypatch.setattr(time, "sleep", waits.append)
    return waits


def test_reach_asks_getme_once_when_the_bot_api_answers(monkeypatch: pytest.MonkeyPatch, caplog) -> None:
    api, waits = FakeBotApi(), _waits(monkeypatch)
    with FakeServer(api) as server, caplog.at_level(logging.WARNING, logger="bot.tg.startup"):
        startup.reach(TOKEN, server.base_url, patience=1.0)  # a second, not five minutes, if it cannot connect
    assert api.methods() == ["getMe", "getMe"]  # the Bot's own, on opening, and the probe's
    assert waits == []
    assert caplog.records == []


def test_reach_through_a_failing_bot_api_logs_the_try_and_goes_on(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    api, waits = FakeBotApi(), _waits(monkeypatch)
    api.fail("getMe", "500", 1)
    with FakeServer(api) as server, caplog.at_level(logging.WARNING, logger="bot.tg.startup"):
        startup.reach(TOKEN, server.base_url, patience=1.0)
    assert api.failed == [("getMe", "500")]
    assert api.methods() == ["getMe", "getMe"]  # the second try, answered (a failed call is not recorded)
    assert waits == [1.0]
    assert [r.getMessage() for r in caplog.records] == [
        "Bot API not reachable (try 1: Internal Server Error); trying again in 1 s"]


def _failing_bot(monkeypatch: pytest.MonkeyPatch, failures: int) -> list[str]:
    """startup's Bot replaced by one whose getMe fails `failures` times with the Bot API's 500; the base URLs
    each try used."""
    tried: list[str] = []

    class Probe:
        def __init__(self, token: str, base_url: str) -> None:
            tried.append(base_url)

        async def __aenter__(self) -> Probe:
            return self

        async def __aexit__(self, *exc: object) -> None:
            return None

        async def get_me(self) -> dict:
            if len(tried) <= failures:
                raise NetworkError("Internal Server Error")
            return BOT_USER

    monkeypatch.setattr(startup, "Bot", Probe)
    return tried


def test_reach_tries_again_with_doubling_waits_up_to_the_cap_one_log_line_a_try(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    waits, tried = _waits(monkeypatch), _failing_bot(monkeypatch, 4)
    with caplog.at_level(logging.WARNING, logger="bot.tg.startup"):
        startup.reach(TOKEN, "http://127.0.0.1:8081/bot", cap=3.0)
    assert tried == ["http://127.0.0.1:8081/bot"] * 5
    assert waits == [1.0, 2.0, 3.0, 3.0]
    assert [r.getMessage() for r in caplog.records] == [
        "Bot API not reachable (try 1: Internal Server Error); trying again in 1 s",
        "Bot API not reachable (try 2: Internal Server Error); trying again in 2 s",
        "Bot API not reachable (try 3: Internal Server Error); trying again in 3 s",
        "Bot API not reachable (try 4: Internal Server Error); trying again in 3 s",
    ]
    assert [r.levelname for r in caplog.records] == ["WARNING"] * 4


def test_reach_waits_up_to_30_seconds_between_tries_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    waits, tried = _waits(monkeypatch), _failing_bot(monkeypatch, 7)
    startup.reach(TOKEN, "http://127.0.0.1:8081/bot")
    assert len(tried) == 8
    assert waits == [1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0]


def test_reach_gives_up_with_the_network_error_once_its_patience_is_spent(monkeypatch: pytest.MonkeyPatch) -> None:
    waits, tried = _waits(monkeypatch), _failing_bot(monkeypatch, 2)
    with pytest.raises(NetworkError) as raised:
        startup.reach(TOKEN, "http://127.0.0.1:8081/bot", patience=0)
    assert str(raised.value) == "Internal Server Error"
    assert len(tried) == 1
    assert waits == []


def test_reach_does_not_retry_a_wrong_token(monkeypatch: pytest.MonkeyPatch) -> None:
    from telegram.error import InvalidToken

    waits = _waits(monkeypatch)

    class Refused:
        def __init__(self, token: str, base_url: str) -> None:
            pass

        async def __aenter__(self) -> Refused:
            raise InvalidToken("Not Found")

        async def __aexit__(self, *exc: object) -> None:
            return None

    monkeypatch.setattr(startup, "Bot", Refused)
    with pytest.raises(InvalidToken):
        startup.reach(TOKEN)
    assert waits == []


def test_reach_with_no_base_url_asks_telegram_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[tuple[str, str]] = []

    class Probe:
        def __init__(self, token: str, base_url: str) -> None:
            made.append((token, base_url))

        async def __aenter__(self) -> Probe:
            return self

        async def __aexit__(self, *exc: object) -> None:
            return None

        async def get_me(self) -> dict:
            return BOT_USER

    monkeypatch.setattr(startup, "Bot", Probe)
    startup.reach(TOKEN)
    startup.reach(TOKEN, "http://127.0.0.1:8081/bot")
    assert made == [(TOKEN, "https://api.telegram.org/bot"), (TOKEN, "http://127.0.0.1:8081/bot")]


# ---------------------------------------------------------------- serve's run: polling, webhook, the exits


class _App:
    """Stands for the Application `run` builds: records how it is started, or fails as told."""

    def __init__(self, fails: Exception | None = None) -> None:
        self.fails, self.started = fails, []

    def run_polling(self, **kwargs: object) -> None:
        self.started.append(("polling", kwargs))

    def run_webhook(self, **kwargs: object) -> None:
        self.started.append(("webhook", kwargs))


def _run(monkeypatch: pytest.MonkeyPatch, settings, env: dict[str, str], reach_fails: Exception | None = None):
    """`app.run` with the Application and the first connection stood in for; (status, built, the app, reached)."""
    from bot.tg import app as app_module

    for name in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_BASE_URL", "TELEGRAM_BASE_FILE_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    fake, built, reached = _App(), [], []

    def build(settings_, db_path, token, **kwargs):  # noqa: ANN001, ANN003, ANN202
        built.append((settings_, db_path, token, kwargs))
        return fake

    def reach(token: str, base_url: str | None) -> None:
        reached.append((token, base_url))
        if reach_fails is not None:
            raise reach_fails

    monkeypatch.setattr(app_module, "build_application", build)
    monkeypatch.setattr(app_module, "reach", reach)
    monkeypatch.setattr(app_module, "protect_logs", lambda token: reached.append(("protect_logs", token)))
    return app_module.run(settings, "kb"), built, fake, reached


def test_serve_without_a_token_says_how_to_get_one_and_exits_2(monkeypatch, capsys) -> None:
    from bot.settings import Settings

    missing = "缺少 TELEGRAM_BOT_TOKEN：请先向 @BotFather 申请机器人令牌，然后 export TELEGRAM_BOT_TOKEN=… 再运行。\n"
    status, built, _, _ = _run(monkeypatch, Settings(), {"TELEGRAM_BOT_TOKEN": "  "})
    assert (status, built, capsys.readouterr().err) == (2, [], missing)
    status, built, _, _ = _run(monkeypatch, Settings(), {})  # not set at all
    assert (status, built, capsys.readouterr().err) == (2, [], missing)


def test_serve_polls_for_every_kind_of_update_through_the_configured_bot_api(monkeypatch) -> None:
    from telegram import Update

    from bot.settings import Settings

    settings = Settings()
    status, built, app, reached = _run(monkeypatch, settings, {
        "TELEGRAM_BOT_TOKEN": f" {TOKEN} ", "TELEGRAM_BASE_URL": "http://127.0.0.1:8081/bot",
        "TELEGRAM_BASE_FILE_URL": "http://127.0.0.1:8081/file/bot"})
    assert status == 0
    assert built == [(settings, "kb", TOKEN, {"base_url": "http://127.0.0.1:8081/bot",
                                             "base_file_url": "http://127.0.0.1:8081/file/bot"})]
    assert reached == [("protect_logs", TOKEN), (TOKEN, "http://127.0.0.1:8081/bot")]
    assert app.started == [("polling", {"allowed_updates": Update.ALL_TYPES})]


def test_serve_with_empty_base_urls_talks_to_telegram_itself(monkeypatch) -> None:
    from bot.settings import Settings

    _, built, _, reached = _run(monkeypatch, Settings(), {
        "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": "", "TELEGRAM_BASE_FILE_URL": ""})
    assert built[0][3] == {"base_url": None, "base_file_url": None}
    assert reached == [("protect_logs", TOKEN), (TOKEN, None)]


def test_serve_with_a_webhook_url_listens_on_its_path_with_the_configured_secret(monkeypatch) -> None:
    from telegram import Update

    from bot.settings import Settings

    settings = Settings(webhook_url="https://bot.example.org/XY/nianbao", webhook_listen="127.0.0.1",
                        webhook_port=8443, webhook_secret="s3cret-token")
    status, _, app, _ = _run(monkeypatch, settings, {"TELEGRAM_BOT_TOKEN": TOKEN})
    assert status == 0
    assert app.started == [("webhook", {
        "listen": "127.0.0.1", "port": 8443, "url_path": "XY/nianbao",  # the path as given, only its “/” taken off
        "webhook_url": "https://bot.example.org/XY/nianbao", "secret_token": "s3cret-token",
        "allowed_updates": Update.ALL_TYPES})]


def test_serve_with_a_webhook_and_no_secret_makes_a_fresh_long_one(monkeypatch) -> None:
    from bot.settings import Settings

    settings = Settings(webhook_url="https://bot.example.org/hook")
    _, _, first, _ = _run(monkeypatch, settings, {"TELEGRAM_BOT_TOKEN": TOKEN})
    _, _, second, _ = _run(monkeypatch, settings, {"TELEGRAM_BOT_TOKEN": TOKEN})
    one, two = first.started[0][1]["secret_token"], second.started[0][1]["secret_token"]
    assert len(one) == 43 and len(two) == 43  # 32 random bytes, URL-safe base64
    assert one != two


def test_serve_with_a_wrong_token_says_so_and_exits_2(monkeypatch, capsys) -> None:
    from telegram.error import InvalidToken

    from bot.settings import Settings

    status, _, app, _ = _run(monkeypatch, Settings(), {"TELEGRAM_BOT_TOKEN": TOKEN}, InvalidToken())
    assert status == 2
    assert app.started == []
    assert capsys.readouterr().err == "TELEGRAM_BOT_TOKEN 无效：Telegram 不认这个令牌，请到 @BotFather 核对。\n"


def test_serve_that_cannot_reach_the_bot_api_says_why_without_the_token_and_exits_1(monkeypatch, capsys) -> None:
    from bot.settings import Settings

    status, _, _, _ = _run(monkeypatch, Settings(), {"TELEGRAM_BOT_TOKEN": TOKEN},
                           NetworkError(f"connect failed: http://127.0.0.1:9/bot{TOKEN}/getMe"))
    assert status == 1
    assert capsys.readouterr().err == (
        "连不上 Telegram Bot API（connect failed: http://127.0.0.1:9/bot<TELEGRAM_BOT_TOKEN>/getMe）："
        "请检查网络、代理和 TELEGRAM_BASE_URL，然后重新启动。\n")


async def test_the_bot_beats_while_it_runs_and_stops_beating_when_it_shuts_down(kaifeng, tmp_path: Path) -> None:
    from tg_factories import SETTINGS, bots

    from bot.settings import Settings
    from bot.tg.app import post_shutdown

    alive = tmp_path / "alive"
    settings = Settings(admins=SETTINGS.admins, health_file=str(alive))
    async with bots() as make:
        bot = await make(kaifeng, settings=settings)
        task = bot.app.bot_data["health"]
        await asyncio.sleep(0)  # the beat's first touch, then it waits its 30 s
        assert alive.exists()
        await post_shutdown(bot.app)
        assert "health" not in bot.app.bot_data
        with pytest.raises(asyncio.CancelledError):
            await task
        assert task.cancelled()
        await post_shutdown(bot.app)  # a second shutdown (nothing left to stop) is fine


async def test_without_a_health_file_nothing_beats(kaifeng) -> None:
    from tg_factories import bots

    async with bots() as make:
        bot = await make(kaifeng)
        assert "health" not in bot.app.bot_data
