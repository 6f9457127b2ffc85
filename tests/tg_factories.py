"""Test helpers for the Telegram adapter: a fake Bot API, update factories, the app fixture.

The fake answers like Telegram does (`{"ok": true, "result": …}`) and is used two ways: as an
`httpx.MockTransport` handler for an in-process Application, and behind a local HTTP server for the
end-to-end test of `python -m bot serve`.  No test touches the network.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

import httpx
import pytest
from telegram import Update
from telegram.ext import Application
from telegram.request import HTTPXRequest

from bot.reply.answer import Answerer
from bot.settings import Settings
from bot.tg import state
from bot.tg.app import build_application
from knowledge.ingest import ingest
from knowledge.kb import KnowledgeBase
from knowledge.paths import DATA
from knowledge.store import Store

TOKEN = "123:TEST"
BOT_ID = 123
BOT_USERNAME = "nianbao_test_bot"
USER = {"id": 1001, "is_bot": False, "first_name": "读者", "language_code": "zh-hans"}
ADMIN = {"id": 7, "is_bot": False, "first_name": "管理员"}
GROUP = {"id": -100500, "type": "supergroup", "title": "年报讨论组"}
BOT_USER = {"id": BOT_ID, "is_bot": True, "first_name": "年报问答", "username": BOT_USERNAME}

# Parameters PTB sends JSON-encoded; everything else stays the string it was sent as.
_JSON_PARAMS = {"reply_markup", "results", "commands", "scope", "link_preview_options", "reply_parameters",
                "allowed_updates", "button", "entities"}
_INT_PARAMS = {"chat_id", "message_id", "offset", "limit", "timeout", "cache_time", "user_id"}

_ids = itertools.count(1)


@dataclass
class Call:
    """One recorded Bot API request."""

    method: str
    params: dict[str, Any]


@dataclass
class Fault:
    """The next `times` calls of one method failing in one way."""

    method: str
    kind: str
    times: int


class Dropped(Exception):
    """The fake closes the connection without answering."""


@dataclass
class FakeBotApi:
    """A Bot API that records calls and answers them with well-formed results."""

    files: dict[str, bytes] = field(default_factory=dict)  # file_id → content, for getFile + download
    calls: list[Call] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)  # served by getUpdates
    _next_message_id: itertools.count = field(default_factory=lambda: itertools.count(5000))
    faults: list[Fault] = field(default_factory=list)  # injected failures, served in order
    failed: list[tuple[str, str]] = field(default_factory=list)  # (method, kind) of each failure served
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _new_update: threading.Event = field(default_factory=threading.Event)
    _recorded: threading.Condition = field(default_factory=threading.Condition)  # told of every call recorded

    # ------------------------------------------------------------- recording

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        """The params of every recorded call of one method, in order."""
        return [c.params for c in self.calls if c.method == method]

    def methods(self) -> list[str]:
        """The method of every recorded call, in order (start-up calls included)."""
        return [c.method for c in self.calls]

    def clear(self) -> None:
        """Forget the calls so far (start-up calls, earlier steps)."""
        self.calls.clear()

    def fail(self, method: str, kind: str, times: int = 1) -> None:
        """Fail the next `times` calls of method, after the faults already queued for it.

        kind "500": an Internal Server Error reply; "drop": the connection closed with no reply.
        A failed call is not recorded (Telegram did nothing with it).  Counted, not timed: a test
        knows exactly which calls fail however slow the machine is.
        """
        with self._lock:
            self.faults.append(Fault(method, kind, times))

    def _fault(self, method: str) -> str | None:
        with self._lock:
            for f in self.faults:
                if f.method == method and f.times > 0:
                    f.times -= 1
                    self.failed.append((method, f.kind))
                    return f.kind
        return None

    def wake(self) -> None:
        """Wake whoever waits in wait_until (a call was recorded, or the process under test ended)."""
        with self._recorded:
            self._recorded.notify_all()

    def wait_until(self, predicate: Callable[[], bool], guard: float) -> bool:
        """Block until predicate() holds, woken by each recorded call (and by wake()); False after `guard`
        seconds without it — a guard against a hung process, not a measure of speed."""
        with self._recorded:
            return self._recorded.wait_for(predicate, timeout=guard)

    def push_update(self, update: dict[str, Any]) -> None:
        """Queue an update for getUpdates."""
        with self._lock:
            self.updates.append(update)
        self._new_update.set()

    # ------------------------------------------------------------- answering

    def handle(self, method: str, params: dict[str, Any]) -> Any:
        """The `result` of one Bot API call."""
        if method != "getUpdates":
            with self._lock:
                self.calls.append(Call(method, params))
            self.wake()
        if method == "getMe":
            return {**BOT_USER, "can_join_groups": True, "can_read_all_group_messages": False,
                    "supports_inline_queries": True}
        if method in ("sendMessage", "editMessageText"):
            return self._message(params)
        if method == "sendPhoto":
            message = self._message(params)
            message.pop("text")
            message["photo"] = [{"file_id": "photo1", "file_unique_id": "uphoto1", "width": 1200, "height": 600}]
            message["caption"] = params.get("caption", "")
            return message
        if method == "getFile":
            file_id = params["file_id"]
            return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": len(self.files[file_id]),
                    "file_path": f"documents/{file_id}"}
        if method == "getUpdates":
            return self._updates(params)
        return True  # answerCallbackQuery, answerInlineQuery, setMyCommands, deleteWebhook, …

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = params.get("chat_id", USER["id"])
        chat = GROUP if chat_id == GROUP["id"] else {"id": chat_id, "type": "private", "first_name": "读者"}
        message_id = params.get("message_id") or next(self._next_message_id)
        message = {"message_id": message_id, "date": int(time.time()), "chat": chat, "from": BOT_USER,
                   "text": params.get("text", "")}
        if isinstance(params.get("reply_markup"), dict):
            message["reply_markup"] = params["reply_markup"]
        return message

    def _updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = params.get("offset") or 0
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 0.5)
        while True:
            with self._lock:
                ready = [u for u in self.updates if u["update_id"] >= offset]
                self._new_update.clear()
            if ready or time.monotonic() >= deadline:
                return ready
            self._new_update.wait(max(0.0, deadline - time.monotonic()))

    # ------------------------------------------------------------- transports

    def transport(self) -> httpx.MockTransport:
        """An httpx transport that routes every request to this fake."""
        return httpx.MockTransport(self._httpx)

    def _httpx(self, request: httpx.Request) -> httpx.Response:
        try:
            status, body, kind = self.route(request.url.path, request.read(), request.headers.get("content-type", ""))
        except Dropped:
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request) from None
        return httpx.Response(status, content=body, headers={"content-type": kind})

    def route(self, path: str, body: bytes, content_type: str = "") -> tuple[int, bytes, str]:
        """(status, body, content type) for one HTTP request to the Bot API."""
        if path.startswith("/file/"):  # /file/bot<token>/documents/<file_id>
            content = self.files.get(path.rsplit("/", 1)[-1])
            return (200, content, "application/octet-stream") if content is not None else (404, b"", "text/plain")
        method = path.rsplit("/", 1)[-1]
        fault = self._fault(method)
        if fault == "drop":
            raise Dropped(method)
        if fault == "500":
            error = {"ok": False, "error_code": 500, "description": "Internal Server Error"}
            return 500, json.dumps(error).encode(), "application/json"
        params = decode_multipart(body, content_type) if content_type.startswith("multipart/") else decode(body)
        result = self.handle(method, params)
        return 200, json.dumps({"ok": True, "result": result}, ensure_ascii=False).encode(), "application/json"


def decode(body: bytes) -> dict[str, Any]:
    """The params of a form-encoded Bot API request, JSON values decoded."""
    params: dict[str, Any] = {}
    for key, value in parse_qsl(body.decode("utf-8"), keep_blank_values=True):
        if key in _JSON_PARAMS:
            params[key] = json.loads(value)
        elif key in _INT_PARAMS and value.lstrip("-").isdigit():
            params[key] = int(value)
        else:
            params[key] = value
    return params


def decode_multipart(body: bytes, content_type: str) -> dict[str, Any]:
    """The params of a multipart Bot API request (a photo upload): files as bytes, the rest decoded."""
    from email.parser import BytesParser
    from email.policy import HTTP

    message = BytesParser(policy=HTTP).parsebytes(f"content-type: {content_type}\r\n\r\n".encode() + body)
    params: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        data = part.get_payload(decode=True) or b""
        if part.get_filename() is not None:
            params[name] = data
        else:
            params.update(decode(urlencode({name: data.decode()}).encode()))
    return params


class FakeServer:
    """The fake Bot API behind a real HTTP server on 127.0.0.1 (for the end-to-end test)."""

    def __init__(self, api: FakeBotApi, port: int = 0) -> None:
        fake = api

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                try:
                    self._send(*fake.route(self.path, body, self.headers.get("content-type") or ""))
                except Dropped:
                    self.close_connection = True  # no status line: the client sees the connection drop

            def do_GET(self) -> None:  # noqa: N802
                self._send(*fake.route(self.path, b""))

            def _send(self, status: int, body: bytes, kind: str) -> None:
                try:
                    self.send_response(status)
                    self.send_header("content-type", kind)
                    self.send_header("content-length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):  # the bot stopped mid long-poll
                    pass

            def log_message(self, *args: Any) -> None:
                """Quiet."""

        self.api = api
        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        """What to put in TELEGRAM_BASE_URL (the token is appended by python-telegram-bot)."""
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/bot"

    def __enter__(self) -> FakeServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


# ---------------------------------------------------------------- update factories


def _chat(chat_type: str, user: dict[str, Any]) -> dict[str, Any]:
    if chat_type == "private":
        return {"id": user["id"], "type": "private", "first_name": user["first_name"]}
    return GROUP


def make_message(text: str, *, chat_type: str = "private", user: dict[str, Any] = USER,
                 reply_to: dict[str, Any] | None = None) -> dict[str, Any]:
    """A Message JSON; commands and @mentions get the entities Telegram would add."""
    entities = []
    if text.startswith("/"):
        entities.append({"type": "bot_command", "offset": 0, "length": len(text.split()[0])})
    mention = f"@{BOT_USERNAME}"
    if mention in text:
        entities.append({"type": "mention", "offset": _utf16_offset(text, text.index(mention)),
                         "length": len(mention)})
    message: dict[str, Any] = {"message_id": next(_ids), "date": int(time.time()),
                               "chat": _chat(chat_type, user), "from": user, "text": text}
    if entities:
        message["entities"] = entities
    if reply_to is not None:
        message["reply_to_message"] = reply_to
    return message


def make_text_update(text: str, **kwargs: Any) -> dict[str, Any]:
    """An Update with a text message (private chat unless chat_type="supergroup")."""
    return {"update_id": next(_ids), "message": make_message(text, **kwargs)}


def make_callback_update(data: str, message: dict[str, Any], user: dict[str, Any] = USER) -> dict[str, Any]:
    """An Update for pressing an inline button with callback data on the bot's message."""
    return {"update_id": next(_ids), "callback_query": {
        "id": str(next(_ids)), "from": user, "chat_instance": "ci", "data": data, "message": message}}


def make_inline_update(query: str, user: dict[str, Any] = USER) -> dict[str, Any]:
    """An Update for an inline query `@bot query`."""
    return {"update_id": next(_ids), "inline_query": {
        "id": str(next(_ids)), "from": user, "query": query, "offset": ""}}


def make_document_update(file_id: str, file_name: str, file_size: int,
                         user: dict[str, Any] = ADMIN) -> dict[str, Any]:
    """An Update with a document sent in a private chat."""
    message = {"message_id": next(_ids), "date": int(time.time()), "chat": _chat("private", user), "from": user,
               "document": {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": file_name,
                            "file_size": file_size}}
    return {"update_id": next(_ids), "message": message}


def buttons(markup: dict[str, Any] | None) -> list[tuple[str, str]]:
    """(text, callback_data) of every button of a recorded reply_markup."""
    if not markup:
        return []
    return [(b["text"], b.get("callback_data", "")) for row in markup["inline_keyboard"] for b in row]


def _utf16_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


# ---------------------------------------------------------------- knowledge bases and the app

REPORTS = DATA / "reports"
SETTINGS = Settings(admins=(ADMIN["id"],), rate_limit_per_minute=20, inline_results=5)

_loaded: dict[Path, tuple[KnowledgeBase, Answerer]] = {}


def build_db(directory: Path, *names: str) -> Path:
    """A knowledge base file made from bundled reports."""
    path = directory / "kb.json"
    summary = ingest([REPORTS / n for n in names], Store(path), SETTINGS)
    assert not summary.failures, summary.failures
    return path


def loaded(db: Path) -> tuple[KnowledgeBase, Answerer]:
    """The knowledge base and answerer for db, loaded once per test session."""
    if db not in _loaded:
        kb = KnowledgeBase.load(db)
        _loaded[db] = (kb, Answerer(kb))
    return _loaded[db]


# Replies as the user sees them in Telegram, written by hand from the bundled reports (never produced by
# the answerer or the renderer under test).  开封 2019, table 四: 行政复议 10 维持, 2 纠正, 2 其他, 5 尚未审结,
# 总计 19; 行政诉讼 直接起诉 总计 28, 复议后起诉 总计 4 (the report prints no grand total: 28 + 4); table 三:
# 本年新收 527.  平潭 2019, table 四: every cell 0.
KAIFENG_REVIEW = ("开封市人民政府2019年行政复议<b>19件</b>（结果维持10件、结果纠正2件、其他结果2件、尚未审结5件）。\n"
                  "来源：开封2019年年报 · 四 · 行政复议 · 总计")
KAIFENG_REVIEW_BRIEF = "开封市人民政府2019年行政复议<b>19件</b>。\n来源：开封2019年年报 · 四 · 行政复议 · 总计"
KAIFENG_LITIGATION = ("开封市人民政府2019年行政诉讼<b>32件</b>（未经复议直接起诉28件、复议后起诉4件）。"
                      "报告未单列此数，由分项相加：28 + 4 = 32。\n"
                      "来源：开封2019年年报 · 四 · 行政诉讼（直接起诉与复议后起诉之和） · 总计")
KAIFENG_LITIGATION_BRIEF = ("开封市人民政府2019年行政诉讼<b>32件</b>。\n"
                            "来源：开封2019年年报 · 四 · 行政诉讼（直接起诉与复议后起诉之和） · 总计")
KAIFENG_RECEIVED = ("开封市人民政府2019年本年新收政府信息公开申请<b>527件</b>。\n"
                    "来源：开封2019年年报 · 三 · 一、本年新收政府信息公开申请数量 · 总计")
PINGTAN_2019 = '<a href="https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202001/t20200120_80576.htm">平潭2019年年报</a>'
PINGTAN_REVIEW = ("平潭综合实验区2019年行政复议<b>0件</b>（结果维持0件、结果纠正0件、其他结果0件、尚未审结0件）。\n"
                  f"来源：{PINGTAN_2019} · 四 · 行政复议 · 总计")
PINGTAN_REVIEW_BRIEF = f"平潭综合实验区2019年行政复议<b>0件</b>。\n来源：{PINGTAN_2019} · 四 · 行政复议 · 总计"


@dataclass
class Bot:
    """A running Application and the fake Bot API it talks to."""

    app: Application
    api: FakeBotApi

    async def feed(self, payload: dict[str, Any]) -> None:
        """Process one update the way polling would."""
        await self.app.process_update(Update.de_json(payload, self.app.bot))

    @property
    def state(self) -> state.State:
        """The shared services of the handlers."""
        return state.get(self.app.bot_data)


MakeBot = Callable[..., Awaitable[Bot]]


@contextlib.asynccontextmanager
async def bots() -> AsyncIterator[MakeBot]:
    """make(db, settings=…, share=True) → a Bot: the real Application, initialised, post_init run."""
    apps: list[Application] = []

    async def make(db: Path, settings: Settings = SETTINGS, share: bool = True) -> Bot:
        api = FakeBotApi()
        app = build_application(
            settings, db, TOKEN,
            request=HTTPXRequest(httpx_kwargs={"transport": api.transport()}),
            get_updates_request=HTTPXRequest(httpx_kwargs={"transport": api.transport()}),
            rate_limiter=False,
        )
        if share:  # skip re-reading the same file in every test; post_init then only sets the menus
            st = state.get(app.bot_data)
            st.kb, st.answerer = loaded(db)
        await app.initialize()
        await app.post_init(app)
        apps.append(app)
        return Bot(app, api)

    try:
        yield make
    finally:
        for app in apps:
            await app.shutdown()


# Fixtures shared by the Telegram test modules (imported there by name).
@pytest.fixture
async def make_bot():
    async with bots() as make:
        yield make


@pytest.fixture(scope="module")
def kaifeng(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("kaifeng"), "kaifeng-2019.txt")


@pytest.fixture(scope="module")
def two_agencies(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("two"), "kaifeng-2019.txt", "pingtan-2019.txt")
