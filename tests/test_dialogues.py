"""Conversations that keep their thread: tests/data/dialogues.jsonl, written by hand from the reports,
replayed in the terminal `chat`, in a Telegram private chat and in a Telegram group (through the fake
Bot API).

Each dialogue is a list of turns [question, expected text …, {"reply_to": k}?]: every expected text is
in what the person sees after that turn; the dialogue's `not` texts are absent from the last reply.  A
turn with reply_to answers the bot's reply to turn k (Telegram only: the terminal has no replies).  The
expected texts were written from the reports (tables 三 and 四, the sentences quoted), not from the bot.
"""

from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from tg_factories import (  # noqa: F401 - fixture make_bot
    BOT_USER,
    BOT_USERNAME,
    GROUP,
    REPORTS,
    SETTINGS,
    USER,
    bots,
    loaded,
    make_bot,
    make_text_update,
)

from bot import cli
from knowledge.ingest import ingest
from knowledge.store import Store

HERE = Path(__file__).resolve().parent
DIALOGUES = [json.loads(line) for line in (HERE / "data" / "dialogues.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip()]
BUNDLED = ("kaifeng-2019.txt", "pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt", "hongze-2023.pdf")
TERMINAL = [d for d in DIALOGUES if not any(isinstance(t[-1], dict) for t in d["turns"])]


def _ids(ds: list[dict]) -> list[str]:
    return [d["id"] for d in ds]


def turns(d: dict) -> list[tuple[str, list[str], int | None]]:
    """(question, expected texts, the turn whose reply it answers) of each turn."""
    out = []
    for t in d["turns"]:
        extra = t[-1] if isinstance(t[-1], dict) else {}
        out.append((t[0], [s for s in t[1:] if isinstance(s, str)], extra.get("reply_to")))
    return out


def check(d: dict, seen: list[str]) -> None:
    """Every turn's expected texts in its reply; the dialogue's unwanted texts not in the last one."""
    steps = turns(d)
    assert len(seen) == len(steps), seen
    for (q, says, _), reply in zip(steps, seen, strict=True):
        missing = [s for s in says if s not in reply]
        assert not missing, f"{d['id']} · {q}: {missing} not in\n{reply}"
    unwanted = [s for s in d.get("not", []) if s in seen[-1]]
    assert not unwanted, f"{d['id']}: {unwanted} in\n{seen[-1]}"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled reports and five of 平潭's bodies' 2023 reports (tests/data/reports)."""
    path = tmp_path_factory.mktemp("dialogues") / "kb"
    files = [REPORTS / n for n in BUNDLED] + sorted((HERE / "data" / "reports").glob("pingtan-*.txt"))
    summary = ingest(files, Store(path), SETTINGS)
    assert not summary.failures, summary.failures
    return path


def test_the_set_is_large_and_covers_every_kind_of_follow_up() -> None:
    kinds = {d["kind"] for d in DIALOGUES}
    assert len(DIALOGUES) >= 60 and len(_ids(DIALOGUES)) == len(set(_ids(DIALOGUES)))
    assert kinds == {"year", "body", "item", "operation", "prose", "pick-number", "pick-name", "each", "group-reply"}
    assert all(len(d["turns"]) >= 2 for d in DIALOGUES if d["kind"] != "each")


# ---------------------------------------------------------------- the terminal


@pytest.mark.parametrize("d", TERMINAL, ids=_ids(TERMINAL))
def test_in_chat(d: dict, db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _, answerer = loaded(db)
    monkeypatch.setattr(cli, "_answerer", lambda args, settings, warm=True: answerer)  # the base read once
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{q}\n" for q, _, _ in turns(d))))
    assert cli.main(["chat", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    replies = out.split("> ")[1:]  # the prompt before each question; the last one meets the end of input
    check(d, [r.strip() for r in replies[: len(d["turns"])]])


# ---------------------------------------------------------------- Telegram


def shown(text: str) -> str:
    """What a person reads of a Telegram HTML message."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))


async def _talk(make: Any, db: Path, d: dict, group: bool) -> list[str]:
    """Each turn sent as the person would (in a group: mentioning the bot, or replying to its answer);
    what the bot sent after each, as read."""
    bot = await make(db)
    firsts: list[int] = []  # the id of the bot's first message after each turn
    ids: list[int] = []
    answer = bot.api.handle

    def handle(method: str, params: dict[str, Any]) -> Any:
        result = answer(method, params)
        if method in ("sendMessage", "sendPhoto", "editMessageText"):
            ids.append(result["message_id"])
        return result

    bot.api.handle = handle  # type: ignore[method-assign]
    chat = GROUP if group else {"id": USER["id"], "type": "private", "first_name": USER["first_name"]}
    seen = []
    for q, _, reply_to in turns(d):
        bot.api.clear()
        ids.clear()
        if reply_to is not None:
            ours = {"message_id": firsts[reply_to], "date": 0, "chat": chat, "from": BOT_USER, "text": "…"}
            update = make_text_update(q, chat_type=chat["type"], reply_to=ours)
        else:
            update = make_text_update(f"@{BOT_USERNAME} {q}" if group else q, chat_type=chat["type"])
        await bot.feed(update)
        texts = [c.params.get("text") or c.params.get("caption") or "" for c in bot.api.calls
                 if c.method in ("sendMessage", "sendPhoto", "editMessageText")]
        assert texts, f"{d['id']} · {q}: no reply"
        firsts.append(ids[0])
        seen.append(shown("\n".join(texts)))
    return seen


@pytest.mark.parametrize("d", DIALOGUES, ids=_ids(DIALOGUES))
async def test_in_a_private_chat(d: dict, db: Path, make_bot) -> None:
    check(d, await _talk(make_bot, db, d, group=False))


@pytest.mark.parametrize("d", DIALOGUES, ids=_ids(DIALOGUES))
async def test_in_a_group(d: dict, db: Path, make_bot) -> None:
    check(d, await _talk(make_bot, db, d, group=True))
