"""Inline keyboards whose buttons stand for long strings kept in chat_data.

Callback data may hold only 64 bytes, and a question in Chinese is three bytes a character, so a
button carries `<kind>:<key>:<index>` and the strings stay in `chat_data[kind][key]`.  Only the
newest few keyboards of a chat are kept; an older button answers "expired".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.tg import texts

ASK = "x"  # example question: answer it in a new message
PICK = "c"  # clarify option: answer it by editing the question message
UPLOAD = "u"  # upload confirm / cancel
QUESTION_PATTERN = re.compile(rf"^[{ASK}{PICK}]:\w+:\d+$")
UPLOAD_PATTERN = re.compile(rf"^{UPLOAD}:\w+:[01]$")
KEEP = 20  # keyboards remembered per chat and kind
_BUTTON_TEXT = 60  # characters of a question shown on a button


def remember(chat_data: dict[str, Any], kind: str, value: Any) -> str:
    """Store value under a new short key in chat_data and return the key."""
    seq = chat_data.get("seq", 0) + 1
    chat_data["seq"] = seq
    store: dict[str, Any] = chat_data.setdefault(kind, {})
    key = format(seq, "x")
    store[key] = value
    for old in list(store)[:-KEEP]:
        del store[old]
    return key


def recall(chat_data: dict[str, Any] | None, kind: str, key: str, pop: bool = False) -> Any:
    """The value stored under key, or None when it has expired."""
    store = (chat_data or {}).get(kind, {})
    return store.pop(key, None) if pop else store.get(key)


_DATA = re.compile(r"(\w+):(\w+):(\d{1,9})")


def parse(data: str | None) -> tuple[str, str, int]:
    """(kind, key, index) from callback data made here; ("", "", 0) — remembered under no key — for any other."""
    m = _DATA.fullmatch(data or "")
    return (m.group(1), m.group(2), int(m.group(3))) if m else ("", "", 0)


async def expired(update: Update, _context: object) -> None:
    """A button press no handler knows (empty data, an old or a forged button): stop its spinner, say so."""
    if update.callback_query is not None:
        await update.callback_query.answer(texts.EXPIRED)


def questions(chat_data: dict[str, Any], kind: str, options: Sequence[str]) -> InlineKeyboardMarkup | None:
    """One button per question, one a row; None when there are none."""
    if not options:
        return None
    key = remember(chat_data, kind, list(options))
    rows = [
        [InlineKeyboardButton(_short(q), callback_data=f"{kind}:{key}:{i}")] for i, q in enumerate(options)
    ]
    return InlineKeyboardMarkup(rows)


def confirm(key: str, label: str | None = None) -> InlineKeyboardMarkup:
    """Confirm / cancel buttons for a pending upload (`label`: the confirm button's words, when it loses data)."""
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(_short(label) if label else "✅ 确认入库", callback_data=f"{UPLOAD}:{key}:1"),
        InlineKeyboardButton("取消", callback_data=f"{UPLOAD}:{key}:0"),
    ]])


def _short(text: str) -> str:
    return text if len(text) <= _BUTTON_TEXT else text[: _BUTTON_TEXT - 1] + "…"
