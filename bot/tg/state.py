"""What the handlers share, kept in `application.bot_data`: settings, knowledge base, answerer.

Loaded once in `post_init`, swapped whole after a confirmed upload or when another process (`ingest`)
has written to the knowledge base (checked before each use, bot/live.py); handlers read it, never build it.
"""

from __future__ import annotations

import copy
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.live import refreshed
from bot.reply.answer import Answerer, Context
from bot.settings import Settings
from bot.tg.flood import SlidingWindow
from knowledge.kb import KnowledgeBase

log = logging.getLogger(__name__)

KEY = "state"


@dataclass
class State:
    """The bot's shared services."""

    settings: Settings
    db_path: Path
    flood: SlidingWindow
    kb: KnowledgeBase | None = None
    answerer: Answerer | None = None
    loaded: int = field(default=0)  # how many times the knowledge base was (re)loaded
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def load(self) -> None:
        """Read the knowledge base, build the answerer and warm it with one question."""
        kb = KnowledgeBase.load(self.db_path, cache_mb=self.settings.kb_cache_mb)
        answerer = Answerer(kb)
        warmup = (answerer.examples(1) or ["行政复议多少件"])[0]
        answerer.answer(warmup, Context())  # loads jieba's dictionary and fills caches now, not on the first user
        self.kb, self.answerer = kb, answerer
        self.loaded += 1
        log.info("knowledge base %s: %d reports", self.db_path, len(kb.reports))

    def ready(self) -> tuple[KnowledgeBase, Answerer]:
        """The knowledge base and answerer (post_init has loaded them)."""
        refreshed(lambda: self.kb, self.load, self.lock)  # another process wrote to it: the new base
        if self.kb is None or self.answerer is None:
            raise RuntimeError("the knowledge base is not loaded yet (post_init has not run)")
        return self.kb, self.answerer


def get(bot_data: dict[str, Any]) -> State:
    """The State stored in bot_data."""
    return bot_data[KEY]


def chat_context(chat_data: dict[str, Any] | None) -> Context:
    """The follow-up state of one chat (created on first use)."""
    if chat_data is None:  # updates without a chat (inline queries) have no follow-ups
        return Context()
    ctx = chat_data.get("context")
    if not isinstance(ctx, Context):
        ctx = chat_data["context"] = Context()
    return ctx


THREADS = "threads"  # chat_data key: the conversation state after each of the bot's answers, by message id
KEEP_THREADS = 200


def thread_of(chat_data: dict[str, Any] | None, replied_to: int | None) -> Context:
    """The conversation a message continues: the one of the bot's message it replies to (a group's
    thread under one answer), else the chat's own.  A copy: the chat's thread moves on only when kept."""
    if chat_data is None:
        return Context()
    kept = chat_data.get(THREADS, {}).get(replied_to) if replied_to is not None else None
    return copy.deepcopy(kept if isinstance(kept, Context) else chat_context(chat_data))


def keep(chat_data: dict[str, Any] | None, ctx: Context, message_ids: list[int]) -> None:
    """The conversation after an answer: the chat's, and the one of each message that carried it."""
    if chat_data is None:
        return
    chat_data["context"] = ctx
    threads: dict[int, Context] = chat_data.setdefault(THREADS, {})
    for mid in message_ids:
        threads[mid] = copy.deepcopy(ctx)
    for old in list(threads)[:-KEEP_THREADS]:
        del threads[old]
