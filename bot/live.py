"""The answerer of a running process (`chat`, `ask` reading stdin, `serve`), following its knowledge base.

An `ingest` or an upload commits by replacing the base's catalogue.json; before each question the
running process compares that file with the one it loaded (`KnowledgeBase.changed`, one stat) and,
when a write has committed since, loads the new base and builds a new answerer (with a new report
cache: a replaced report is never answered from the old one).  A base that cannot be read just now
keeps the loaded one answering, and is tried again at the next question.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from bot.reply.answer import Answerer, Context
from knowledge.errors import NianbaoError
from knowledge.kb import DEFAULT_CACHE_MB, KnowledgeBase
from knowledge.models import Answer

log = logging.getLogger(__name__)


def refreshed(loaded: Callable[[], KnowledgeBase | None], build: Callable[[], None], lock: threading.Lock) -> bool:
    """Call build() when the base on disk has changed since loaded() was read; True when it was rebuilt."""
    kb = loaded()
    if kb is None or not kb.changed():
        return False
    with lock:
        kb = loaded()
        if kb is None or not kb.changed():  # another thread reloaded it meanwhile
            return False
        try:
            build()
        except NianbaoError as exc:
            log.warning("knowledge base changed but could not be reloaded (kept the loaded one): %s", exc)
            return False
    return True


class Live:
    """An Answerer over the knowledge base at path, rebuilt when a write commits to it."""

    def __init__(self, path: str | os.PathLike[str], cache_mb: float = DEFAULT_CACHE_MB, warm: bool = True) -> None:
        self.path, self.cache_mb, self.warm = Path(path), cache_mb, warm
        self.lock = threading.Lock()
        self.loads = 0
        self._build()

    def _build(self) -> None:
        kb = KnowledgeBase.load(self.path, cache_mb=self.cache_mb)
        self.kb, self.answerer = kb, Answerer(kb, warm=self.warm)
        self.loads += 1
        if self.loads > 1:
            log.info("knowledge base %s reloaded: %d reports", self.path, len(kb.reports))

    def current(self) -> Answerer:
        """The answerer over the base as it is on disk now."""
        refreshed(lambda: self.kb, self._build, self.lock)
        return self.answerer

    def answer(self, question: str, context: Context | None = None) -> Answer:
        """The reply to one question, from the base as it is on disk now."""
        return self.current().answer(question, context)
