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
import threading
import urllib.error
import urllib.request
from pathlib import Path

from tg_factories import (
    BOT_USER,
    KAIFENG_LITIGATION,
    KAIFENG_REVIEW,
    TOKEN,
    USER,
    FakeBotApi,
    FakeServer,
    build_db,
    buttons,
    make_callback_update,
    make_text_update,
)

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


def _start(args: list[str], env: dict[str, str], log, api: FakeBotApi) -> tuple[subprocess.Popen, list[str]]:
    """Run the bot with its log piped: each line goes to `log` and to the list returned, and wakes _wait_for."""
    proc = subprocess.Popen([sys.executable, "-m", "bot", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    said: list[str] = []

    def pump() -> None:
        for raw in proc.stdout:
            log.write(raw)
            log.flush()
            said.append(raw.decode("utf-8", "replace"))
            api.wake()

    threading.Thread(target=pump, daemon=True).start()
    return proc, said


def _wait_for(api: FakeBotApi, predicate, proc: subprocess.Popen, guard: float = TIMEOUT) -> None:
    """Wait, woken by each call the fake Bot API records (or by the bot exiting), until predicate holds."""
    threading.Thread(target=lambda: (proc.wait(), api.wake()), daemon=True).start()
    done = api.wait_until(lambda: predicate() or proc.poll() is not None, guard)
    assert proc.poll() is None or predicate(), f"the bot exited early with status {proc.returncode}"
    assert done, "no reply: the bot hung"


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
            _wait_for(api, lambda: len(api.sent()) >= 1, proc)
            api.push_update(make_text_update("行政诉讼呢？"))
            _wait_for(api, lambda: len(api.sent()) >= 2, proc)
        finally:
            _stop(proc)
    first, second = api.sent()
    html = {"parse_mode": "HTML", "link_preview_options": {"is_disabled": True}}
    assert {k: v for k, v in first.items() if k != "reply_markup"} == {
        "chat_id": USER["id"], "text": KAIFENG_REVIEW, **html}
    assert second["text"] == KAIFENG_LITIGATION  # the follow-up keeps 开封 2019
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
                   NIANBAO_WEBHOOK_PORT=str(port), NIANBAO_WEBHOOK_SECRET="s3cret-Token_1",
                   NIANBAO_LOG_LEVEL="DEBUG")  # PTB says at DEBUG when its webhook server listens
        proc, said = _start(["serve", "--db", str(db)], env, log, api)
        try:
            _wait_for(api, lambda: bool(api.sent("setWebhook")), proc)
            [registered] = api.sent("setWebhook")
            assert registered["url"] == hook and registered["secret_token"] == "s3cret-Token_1"
            # PTB registers the webhook before its server listens: wait for the server's own word
            _wait_for(api, lambda: any("Webhook Server started" in line for line in said), proc)
            assert _post(hook, make_text_update("行政复议多少件"), "wrong") == 403
            assert _post(hook, make_text_update("2019年行政复议多少件"), "s3cret-Token_1") == 200
            _wait_for(api, lambda: bool(api.sent()), proc)
        finally:
            _stop(proc)
    [reply] = api.sent()
    assert reply["text"] == KAIFENG_REVIEW
    assert TOKEN not in (tmp_path / "serve.log").read_text(encoding="utf-8", errors="replace")


def test_serve_shows_a_trend_chart_the_source_table_and_the_original_link(tmp_path):
    """平潭 2019/2021/2023: 行政复议 0, 3, 2 件 (table 四); 2023 不予公开 5 件 = 1 + 1 + 1 + 2 (table 三)."""
    db = build_db(tmp_path, "pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt")
    api = FakeBotApi()
    url_2019 = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202001/t20200120_80576.htm"
    url_2023 = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm"
    with FakeServer(api) as server, (tmp_path / "serve.log").open("wb") as log:
        env = _env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=server.base_url)
        api.push_update(make_text_update("平潭近5年行政复议多少件"))
        proc = subprocess.Popen([sys.executable, "-m", "bot", "serve", "--db", str(db)],
                                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_for(api, lambda: len(api.sent("sendPhoto")) >= 1, proc, guard=60)
            api.push_update(make_text_update("平潭2023年不予公开多少件"))
            _wait_for(api, lambda: len(api.sent()) >= 1, proc)
            table_answer = api.sent()[0]
            [(view_label, view_data), (link_label, _)] = buttons(table_answer["reply_markup"])[:2]
            assert (view_label, link_label) == ("查看原表", "原文")
            bot_message = {"message_id": 600, "date": 0, "chat": {"id": USER["id"], "type": "private"},
                           "from": BOT_USER, "text": "…", "reply_markup": table_answer["reply_markup"]}
            api.push_update(make_callback_update(view_data, bot_message))
            _wait_for(api, lambda: len(api.sent()) >= 2, proc)
        finally:
            _stop(proc)
    [photo] = api.sent("sendPhoto")
    assert photo["photo"][:8] == b"\x89PNG\r\n\x1a\n"
    caption = photo["caption"]
    assert "2019年：<b>0件</b>；2021年：<b>3件</b>；2023年：<b>2件</b>" in caption
    assert f'来源：<a href="{url_2019}">平潭2019年年报</a> · 四' in caption
    assert "2023年年报</a> · 四" in caption

    assert "平潭综合实验区2023年不予公开<b>5件</b>" in table_answer["text"]
    assert f'<a href="{url_2023}">平潭2023年年报</a> · 三' in table_answer["text"]
    link = [b for row in table_answer["reply_markup"]["inline_keyboard"] for b in row if b["text"] == "原文"]
    assert link[0]["url"] == url_2023

    table = api.sent()[1]["text"]
    assert table.startswith("<b>《平潭综合实验区2023年度政府信息公开工作年度报告》")
    assert "<pre>" in table and "▶ （三）不予公开" in table and "【5】" in table
    assert "4.保护第三方合法权益" in table and "8.属于行政查询事项" in table
