"""What the handlers share, kept in `application.bot_data`: settings, knowledge base, answerer.

Loaded once in `post_init`, swapped whole after a confirmed upload or when another process (`ingest`)
has written to the knowledge base (checked before each use, bot/live.py); handlers read it, never build it.
"""

from __future__ import annotations

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
