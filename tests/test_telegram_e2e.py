"""End to end: `python -m bot serve` as a process, talking HTTP to a local fake Bot API.

The whole path a real deployment takes: environment → CLI → Application → long polling → answer →
sendMessage.  The fake hands out updates through getUpdates and records what the bot sends.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tg_factories import TOKEN, USER, FakeBotApi, FakeServer, build_db, expected, make_text_update

from bot.reply import render
from bot.settings import ROOT

TIMEOUT = 30.0



def _stop(proc: subprocess.Popen) -> None:
    """End the bot process, killing it if it does not stop in time."""
    proc.terminate()
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()

def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NIANBAO_", "TELEGRAM_"))}
    pythonpath = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    config = tmp_path / "empty.toml"  # not the developer's config/nianbao.toml
    config.write_text("", encoding="utf-8")
    return {**env, "PYTHONPATH": pythonpath, "NIANBAO_CONFIG": str(config), **extra}


def _wait_for(predicate, proc: subprocess.Popen, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert proc.poll() is None, f"the bot exited early with status {proc.returncode}"
        assert time.monotonic() < deadline, "no reply within the timeout"
        time.sleep(0.05)


def test_serve_answers_updates_from_get_updates_over_http(tmp_path):
    db = build_db(tmp_path, "kaifeng-2019.txt")
    api = FakeBotApi()
    log_path = tmp_path / "serve.log"
    with FakeServer(api) as server, log_path.open("wb") as log:
        env = _env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=server.base_url,
                   NIANBAO_LOG_LEVEL="DEBUG")  # the most talkative level must still not leak the token
        api.push_update(make_text_update("2019年行政复议多少件"))
        proc = subprocess.Popen([sys.executable, "-m", "bot", "serve", "--db", str(db)],
                                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_for(lambda: len(api.sent()) >= 1, proc)
            api.push_update(make_text_update("行政诉讼呢？"))
            _wait_for(lambda: len(api.sent()) >= 2, proc)
        finally:
            _stop(proc)
    first, second = api.sent()
    html = {"parse_mode": "HTML", "link_preview_options": {"is_disabled": True}}
    assert first == {"chat_id": USER["id"], "text": render.html(expected(db, "2019年行政复议多少件")), **html}
    assert "19" in first["text"]
    assert second["text"] == render.html(expected(db, "2019年行政复议多少件", "行政诉讼呢？"))
    assert "32" in second["text"]
    assert {"getMe", "setMyCommands"} <= set(api.methods())
    output = log_path.read_text(encoding="utf-8", errors="replace")
    assert "getUpdates" in output  # the log was really written at DEBUG …
    assert TOKEN not in output  # … and the token is in no line of it
    assert proc.returncode == 0, output[-2000:]


def test_serve_without_a_token_exits_2_with_a_clear_message(tmp_path):
    db = build_db(tmp_path, "kaifeng-2019.txt")
    done = subprocess.run([sys.executable, "-m", "bot", "serve", "--db", str(db)], cwd=ROOT,
                          env=_env(tmp_path), capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in done.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(url: str, payload: dict, secret: str) -> int:
    request = urllib.request.Request(url, data=json.dumps(payload).encode(), method="POST", headers={
        "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, ConnectionError):  # not listening yet
        return 0


def test_serve_in_webhook_mode_registers_the_secret_and_rejects_calls_without_it(tmp_path):
    db = build_db(tmp_path, "kaifeng-2019.txt")
    api = FakeBotApi()
    port = _free_port()
    hook = f"http://127.0.0.1:{port}/nianbao-hook"
    with FakeServer(api) as server, (tmp_path / "serve.log").open("wb") as log:
        env = _env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=server.base_url,
                   NIANBAO_WEBHOOK_URL=hook, NIANBAO_WEBHOOK_LISTEN="127.0.0.1",
                   NIANBAO_WEBHOOK_PORT=str(port), NIANBAO_WEBHOOK_SECRET="s3cret-Token_1")
        proc = subprocess.Popen([sys.executable, "-m", "bot", "serve", "--db", str(db)],
                                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_for(lambda: bool(api.sent("setWebhook")), proc)
            [registered] = api.sent("setWebhook")
            assert registered["url"] == hook and registered["secret_token"] == "s3cret-Token_1"
            _wait_for(lambda: _post(hook, make_text_update("行政复议多少件"), "wrong") == 403, proc)
            assert _post(hook, make_text_update("2019年行政复议多少件"), "s3cret-Token_1") == 200
            _wait_for(lambda: bool(api.sent()), proc)
        finally:
            _stop(proc)
    [reply] = api.sent()
    assert reply["text"] == render.html(expected(db, "2019年行政复议多少件"))
    assert TOKEN not in (tmp_path / "serve.log").read_text(encoding="utf-8", errors="replace")
