"""Per-user flood control: a sliding one-minute window, in memory, with one polite notice.

`SlidingWindow` is pure (no Telegram); `admit` is the thin Telegram edge the question handlers
call before answering.  Only questions that were answered count towards the window, so a user who
keeps typing while limited is not locked out for longer; they get one notice, then silence, until
the window has room again.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from enum import Enum

from telegram import Update
from telegram.ext import ContextTypes

from bot.tg.texts import FLOOD_NOTICE


class Verdict(Enum):
    """What to do with one question."""

    ALLOW = "allow"
    NOTIFY = "notify"  # over the limit, first time in this stretch: say so once
    DROP = "drop"  # over the limit, already told


class SlidingWindow:
    """At most `limit` questions per user in any `period` seconds; limit ≤ 0 means no limit."""

    _SWEEP_EVERY = 1000  # checks between sweeps of idle users, so memory follows active users

    def __init__(self, limit: int, period: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.period = period
        self.clock = clock
        self._seen: dict[int, deque[float]] = {}
        self._told: set[int] = set()
        self._checks = 0

    def check(self, user: int) -> Verdict:
        """Record one question from user and say whether to answer it."""
        if self.limit <= 0:
            return Verdict.ALLOW
        now = self.clock()
        self._checks += 1
        if self._checks % self._SWEEP_EVERY == 0:
            self._sweep(now)
        times = self._seen.setdefault(user, deque())
        while times and now - times[0] >= self.period:
            times.popleft()
        if len(times) < self.limit:
            times.append(now)
            self._told.discard(user)
            return Verdict.ALLOW
        if user in self._told:
            return Verdict.DROP
        self._told.add(user)
        return Verdict.NOTIFY

    def _sweep(self, now: float) -> None:
        for user in [u for u, t in self._seen.items() if not t or now - t[-1] >= self.period]:
            del self._seen[user]
            self._told.discard(user)


async def admit(update: Update, context: ContextTypes.DEFAULT_TYPE, window: SlidingWindow) -> bool:
    """True when the user may ask now; otherwise send the one notice (or nothing) and say False."""
    user = update.effective_user
    if user is None:
        return True
    verdict = window.check(user.id)
    if verdict is Verdict.ALLOW:
        return True
    query = update.callback_query
    if query is not None:
        await query.answer(FLOOD_NOTICE if verdict is Verdict.NOTIFY else None)
    elif verdict is Verdict.NOTIFY and update.effective_message is not None:
        await update.effective_message.reply_text(FLOOD_NOTICE)
    return False
